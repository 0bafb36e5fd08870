// A phone in a live session. The page works without this script (a form per question); with
// it, answers go over the channel and are kept in localStorage until the server says they
// are stored, so a dropped connection, a locked phone or a restarted server loses nothing.
(function () {
  'use strict';
  var root = document.getElementById('live-phone');
  if (!root || !root.getAttribute('data-joined') || !window.JSON || typeof KenniscafeChannel === 'undefined') return;
  var base = root.getAttribute('data-base');
  var code = root.getAttribute('data-code');
  var storageKey = 'kc_live_pending_' + code;
  // The question this page shows and its state, to notice when the presenter changes it.
  var shown = { id: root.getAttribute('data-question') || null, state: root.getAttribute('data-state') || null };
  var channel;

  function field(name) { return root.querySelector('[data-field="' + name + '"]'); }

  function say(kind, text) {
    var notice = field('notice');
    var problem = field('problem');
    notice.hidden = kind !== 'notice';
    problem.hidden = kind !== 'problem';
    (kind === 'notice' ? notice : problem).textContent = text;
  }

  function pending() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || '{}'); } catch (e) { return {}; }
  }
  function savePending(all) {
    try { window.localStorage.setItem(storageKey, JSON.stringify(all)); } catch (e) { /* private mode */ }
  }

  function newId() {
    var id = '';
    var letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    for (var i = 0; i < 20; i++) id += letters.charAt(Math.floor(Math.random() * letters.length));
    return id;
  }

  // The answer of a form as the protocol's value, by the question's kind.
  function valueOf(answerForm) {
    var kind = answerForm.getAttribute('data-kind');
    var upvote = answerForm.querySelector('input[name="upvote"]');
    if (upvote) return { upvote: parseInt(upvote.value, 10) };
    var i;
    if (kind === 'choice' || kind === 'quiz') {
      var options = [];
      var boxes = answerForm.querySelectorAll('input[name="option"]');
      for (i = 0; i < boxes.length; i++) if (boxes[i].checked) options.push(parseInt(boxes[i].value, 10));
      return { options: options };
    }
    if (kind === 'statement' || kind === 'scale') {
      var picked = answerForm.querySelector('input[name="number"]:checked');
      return picked ? { number: parseInt(picked.value, 10) } : { options: [] };
    }
    if (kind === 'word_cloud') {
      var words = [];
      var inputs = answerForm.querySelectorAll('input[name^="word_"]');
      for (i = 0; i < inputs.length; i++) if (inputs[i].value.replace(/\s+/g, '')) words.push(inputs[i].value);
      return { words: words };
    }
    if (kind === 'ranking') {
      var selects = answerForm.querySelectorAll('select[name^="place_"]');
      var order = [];
      for (i = 0; i < selects.length; i++) {
        var place = parseInt(selects[i].value, 10) - 1;
        order[place] = order[place] === undefined ? i : -1;
      }
      for (i = 0; i < selects.length; i++) if (order[i] === undefined) order[i] = -1;
      return { options: order };
    }
    var text = answerForm.querySelector('textarea[name="text"]');
    return { text: text ? text.value : '' };
  }

  function post(answer) {
    var request = new window.XMLHttpRequest();
    request.open('POST', '/api/v1/live/' + code + '/answers');
    request.setRequestHeader('Content-Type', 'application/json');
    request.onload = function () {
      try { handle(JSON.parse(request.responseText)); } catch (e) { /* resent later */ }
    };
    request.send(JSON.stringify({ id: answer.id, question: answer.question, value: answer.value }));
  }

  function send(answer) {
    if (!channel.send({ type: 'answer', id: answer.id, question: answer.question, value: answer.value }) &&
        channel.isEventStream()) post(answer);
  }

  function resendPending() {
    var all = pending();
    for (var id in all) if (Object.prototype.hasOwnProperty.call(all, id)) send(all[id]);
  }

  function submit(event) {
    var answerForm = event.target;
    if (!answerForm.classList || (!answerForm.classList.contains('live-answer') && !answerForm.classList.contains('live-vote'))) return;
    event.preventDefault();
    var question = parseInt(answerForm.querySelector('input[name="question"]').value, 10);
    var answer = { id: newId(), question: question, value: valueOf(answerForm) };
    var all = pending();
    all[answer.id] = answer;
    savePending(all);
    say('notice', root.getAttribute('data-sending'));
    send(answer);
  }

  // Shows what the server says of an answer, and forgets it once stored or refused.
  function handle(message) {
    if (message.type === 'ack' || message.type === 'rejected') {
      var all = pending();
      delete all[message.id];
      savePending(all);
      if (message.type === 'ack') say('notice', message.message);
      else if (message.reason !== 'not_stored') say('problem', message.message);
      return;
    }
    if (message.type === 'question') {
      var question = message.question;
      var id = question ? String(question.id) : null;
      // Results that are shown or hidden come as "results" messages: no reload for those.
      var state = question ? question.state : null;
      if (id !== shown.id || state !== shown.state) {
        // A new or changed question: load the page again, spread over a second so that a
        // full room does not ask at the same moment. Unsent answers stay in localStorage.
        window.setTimeout(function () { window.location.replace(base); }, Math.random() * 1500);
      }
      return;
    }
    if (message.type === 'results') {
      var box = field('results');
      if (!box) return;
      if (!message.shown) { box.innerHTML = ''; return; }
      if (message.svg) box.innerHTML = '<figure class="chart live-chart">' + message.svg + '</figure>';
      return;
    }
    if (message.type === 'seat') {
      // A world café runs beside the session: where this phone's owner sits now and next.
      var seat = field('seat');
      var parts = [];
      if (message.now) parts.push(message.now);
      if (message.next) parts.push(message.next);
      seat.textContent = parts.join(' · ');
      seat.hidden = parts.length === 0;
      return;
    }
    if (message.type === 'you' && typeof message.score === 'number') {
      var score = field('score');
      if (score) score.textContent = String(message.score);
    }
  }

  var offline = root.getAttribute('data-offline');
  channel = new KenniscafeChannel(base + '/kanaal', {
    open: function () { field('problem').hidden = true; resendPending(); },
    close: function () { if (offline) say('problem', offline); },
    message: handle
  });
  root.addEventListener('submit', submit);

  var remaining = field('remaining');
  if (remaining) {
    window.setInterval(function () {
      var left = parseInt(remaining.textContent, 10);
      if (left > 0) remaining.textContent = String(left - 1);
    }, 1000);
  }
})();
