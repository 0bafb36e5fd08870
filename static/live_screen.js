// The presenter's screen for the beamer: it follows the presenter snapshots of the session
// (docs/live.md, section 7) and shows the code, the question and, once revealed, the result.
// The server lays the charts out as SVG, so this script only places them.
(function () {
  'use strict';
  var root = document.getElementById('live-screen');
  var texts = document.getElementById('live-texts');
  if (!root || !texts || !window.JSON || typeof KenniscafeChannel === 'undefined') return;

  function field(name) { return root.querySelector('[data-field="' + name + '"]'); }
  function text(name) { return texts.getAttribute('data-' + name) || ''; }
  function setText(name, value) {
    var element = field(name);
    if (element && element.textContent !== value) element.textContent = value;
  }

  function listItems(list, rows) {
    while (list.firstChild) list.removeChild(list.firstChild);
    for (var i = 0; i < rows.length; i++) {
      var item = document.createElement('li');
      item.textContent = rows[i];
      list.appendChild(item);
    }
    list.hidden = rows.length === 0;
  }

  var lastSvg = null;
  function render(snapshot) {
    if (snapshot.type !== 'presenter') return;
    setText('participants', String(snapshot.participants));
    var question = snapshot.question;
    if (snapshot.session.state === 'ended') setText('status', text('ended'));
    if (!question) {
      setText('prompt', snapshot.session.title);
      return;
    }
    setText('prompt', question.prompt);
    var state = question.state === 'open' ? text('open') : question.state === 'closed' ? text('closed') : text('waiting');
    var status = state + ' · ' + text('answers') + ': ' + question.answers;
    if (typeof question.remaining_ms === 'number') status += ' · ' + text('seconds') + ': ' + Math.ceil(question.remaining_ms / 1000);
    setText('status', status);

    var results = snapshot.results || {};
    var box = field('results');
    var svg = question.results_shown ? (results.svg || '') : '';
    if (!question.results_shown) {
      if (lastSvg !== 'hidden') { box.textContent = text('hidden'); lastSvg = 'hidden'; }
    } else if (svg !== lastSvg) {
      box.innerHTML = svg;
      lastSvg = svg;
    }
    var entries = [];
    if (question.results_shown && results.entries) {
      for (var i = 0; i < results.entries.length; i++) {
        var entry = results.entries[i];
        if (entry.pending) continue;
        entries.push(entry.text + (question.kind === 'qa' ? ' (' + entry.votes + ' ' + text('votes') + ')' : ''));
      }
    }
    listItems(field('entries'), entries);
    var leaders = [];
    if (question.results_shown && question.state === 'closed' && snapshot.leaderboard) {
      for (var j = 0; j < snapshot.leaderboard.length; j++) {
        leaders.push(snapshot.leaderboard[j].name + ': ' + snapshot.leaderboard[j].points + ' ' + text('points'));
      }
    }
    listItems(field('leaderboard'), leaders);
  }

  try { render(JSON.parse(document.getElementById('live-snapshot').textContent)); } catch (e) { /* waits for the channel */ }
  new KenniscafeChannel(root.getAttribute('data-channel'), {
    open: function () { root.classList.remove('offline'); },
    close: function () { root.classList.add('offline'); setText('status', text('offline')); },
    message: render
  });
})();
