// Keeps "where do you sit?" on a participant's phone up to date while the world café runs:
// the server pushes the route over the phone's channel (static/live_channel.js) when an
// organiser starts a round or re-plans. Written for old phones: no modules, no fetch, no
// arrow functions. Without it the page still works; the participant then refreshes by hand.
(function () {
  'use strict';
  var box = document.getElementById('live-route');
  if (!box || !box.querySelector || typeof KenniscafeChannel === 'undefined' || !window.JSON) return;

  function field(name) {
    return box.querySelector('[data-field="' + name + '"]');
  }

  // Only a change is written, so that a screen reader announces only news.
  function setText(name, text) {
    var element = field(name);
    if (!element || element.textContent === (text || '')) return;
    element.textContent = text || '';
    element.hidden = !text;
  }

  function renderRoute(route) {
    var list = field('route');
    if (!list) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    for (var i = 0; i < route.length; i++) {
      var item = document.createElement('li');
      item.appendChild(document.createTextNode(route[i].round + ' '));
      var table = document.createElement('strong');
      table.textContent = route[i].table;
      item.appendChild(table);
      if (route[i].badge) {
        var badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = route[i].badge;
        item.appendChild(document.createTextNode(' '));
        item.appendChild(badge);
      }
      list.appendChild(item);
    }
  }

  function render(route) {
    setText('now', route.now);
    setText('now_question', route.now_question);
    setText('next', route.next);
    setText('next_question', route.next_question);
    renderRoute(route.route || []);
  }

  // The server pushes the route over the phone's channel whenever the plan or the rounds
  // change, and once when the channel opens (also after a reconnect).
  new KenniscafeChannel(box.getAttribute('data-channel'), {
    message: function (message) {
      if (message.type === 'seat') render(message);
    }
  });
})();
