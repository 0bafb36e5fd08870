// Keeps "where do you sit?" on a participant's phone up to date while the world café runs:
// it asks the server every 15 seconds, and at once when the phone shows the page again.
// Written for old phones: no modules, no fetch, no arrow functions. Without it the page
// still works; the participant then refreshes by hand.
(function () {
  'use strict';
  var box = document.getElementById('live-route');
  if (!box || !window.XMLHttpRequest || !box.querySelector) return;
  var source = box.getAttribute('data-source');
  var interval = 15000;
  var busy = false;

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

  function render(text) {
    var route = JSON.parse(text);
    setText('now', route.now);
    setText('now_question', route.now_question);
    setText('next', route.next);
    setText('next_question', route.next_question);
    renderRoute(route.route || []);
  }

  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    var request = new XMLHttpRequest();
    request.open('GET', source);
    request.setRequestHeader('Accept', 'application/json');
    request.timeout = 10000;
    request.onload = function () {
      busy = false;
      if (request.status === 200) {
        try {
          render(request.responseText);
        } catch (ignored) {
          // A broken answer leaves the page as it was; the next poll tries again.
        }
      }
    };
    request.onerror = request.ontimeout = function () {
      busy = false;
    };
    request.send();
  }

  setInterval(poll, interval);
  document.addEventListener('visibilitychange', poll);
})();
