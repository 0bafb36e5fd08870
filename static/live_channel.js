// One channel to the server for a live page (docs/live.md): a WebSocket, or Server-Sent
// Events where a network blocks WebSockets. It reconnects by itself after 1, 2, 4, ... and
// at most 30 seconds. Written for old phones: no modules, no arrow functions.
var KenniscafeChannel = (function () {
  'use strict';

  function Channel(path, handlers) {
    this.path = path;
    this.handlers = handlers;
    this.delay = 1000;
    this.socket = null;
    this.source = null;
    this.failedBeforeOpen = 0;
    this.useEvents = !window.WebSocket && !!window.EventSource;
    this.connect();
  }

  Channel.prototype.url = function () {
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    return scheme + window.location.host + this.path;
  };

  Channel.prototype.connect = function () {
    var self = this;
    var opened = false;
    var onMessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (self.handlers.message) self.handlers.message(message);
    };
    var onOpen = function () {
      opened = true;
      self.delay = 1000;
      if (self.handlers.open) self.handlers.open(self.useEvents);
    };
    var onClose = function () {
      if (!opened) self.failedBeforeOpen += 1;
      // Twice refused before it ever opened: the network blocks WebSockets.
      if (!self.useEvents && self.failedBeforeOpen >= 2 && window.EventSource) self.useEvents = true;
      if (self.handlers.close) self.handlers.close();
      window.setTimeout(function () { self.connect(); }, self.delay);
      self.delay = Math.min(self.delay * 2, 30000);
    };
    if (this.useEvents) {
      this.source = new window.EventSource(this.path);
      this.source.onopen = onOpen;
      this.source.onmessage = onMessage;
      this.source.onerror = function () {
        self.source.close();
        self.source = null;
        onClose();
      };
      return;
    }
    this.socket = new window.WebSocket(this.url());
    this.socket.onopen = onOpen;
    this.socket.onmessage = onMessage;
    this.socket.onclose = function () { self.socket = null; onClose(); };
  };

  // Sends over the WebSocket; false when there is none (the caller then posts).
  Channel.prototype.send = function (message) {
    if (!this.socket || this.socket.readyState !== 1) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  };

  Channel.prototype.isEventStream = function () { return this.useEvents; };

  return Channel;
})();
