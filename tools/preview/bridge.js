// The preview's stand-in for Electron's preload: the same `window.kluis` API, carried over HTTP to
// the same dispatcher. Development and tests only; never part of the packaged app.
(() => {
  'use strict';
  const listeners = new Map();
  let source = null;

  function ensureEvents() {
    if (source) return;
    source = new EventSource('/__kluis/events');
    source.addEventListener('message', (message) => {
      const { name, payload } = JSON.parse(message.data);
      for (const callback of listeners.get(name) ?? []) callback(payload);
    });
  }

  const kluis = {
    async invoke(channel, input) {
      const response = await fetch('/__kluis/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, input }),
      });
      return response.json();
    },
    on(name, callback) {
      ensureEvents();
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(callback);
      return () => listeners.get(name)?.delete(callback);
    },
  };
  Object.defineProperty(window, 'kluis', { value: Object.freeze(kluis), writable: false, configurable: false });
})();
