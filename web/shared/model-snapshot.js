// model-snapshot.js - hands a copy of a char model (its .rnn model file
// bytes) from the playground to a widget window it opened (the playground's
// "Inspect units" button -> embed.html?w=neurons). The widget asks, the
// playground answers; both sides check who they talk to:
//   playground:  var offer = RnnModelSnapshot.offer(win);  ...  offer.give(bytes, step);
//   widget:      RnnModelSnapshot.request(function (bytes, step) { ... });
// The widget asks only its opener (and only when it is not in a frame); the
// playground answers only the window it opened, once; the answer is data
// (an ArrayBuffer and a step count), never code. Not part of the widget
// command API (shared/widget-api.js): these messages carry no `command`.
/* exported RnnModelSnapshot */
'use strict';
var RnnModelSnapshot = (function () {
  var MAX_BYTES = 64 * 1024 * 1024;
  var WAIT_MS = 120000;   // the playground forgets the offer after this long

  function offer(win) {
    var bytes = null, step = 0, asked = false, done = false;
    function finish() { done = true; window.removeEventListener('message', onMessage); }
    function send() {
      if (done || !asked || !bytes) return;
      finish();
      if (!win.closed) win.postMessage({ source: 'rnn-playground', type: 'model', model: bytes, step: step }, '*', [bytes]);
    }
    function onMessage(ev) {
      var d = ev.data;
      if (ev.source !== win || !d || d.source !== 'rnn-widget' || d.event !== 'wantModel') return;
      asked = true;
      send();
    }
    window.addEventListener('message', onMessage);
    setTimeout(finish, WAIT_MS);
    return { give: function (b, s) { bytes = b; step = s; send(); }, cancel: finish };
  }

  // Calls onModel(bytes, step, origin) once if the window that opened this one sends
  // a model; returns false (and asks nothing) when there is no such window.
  function request(onModel) {
    var opener = window.opener;
    if (!opener || window.parent !== window) return false;
    function onMessage(ev) {
      var d = ev.data;
      if (ev.source !== opener || !d || d.source !== 'rnn-playground' || d.type !== 'model') return;
      if (!(d.model instanceof ArrayBuffer) || d.model.byteLength > MAX_BYTES) return;
      window.removeEventListener('message', onMessage);
      onModel(d.model, Number.isInteger(d.step) ? d.step : 0, String(ev.origin));
    }
    window.addEventListener('message', onMessage);
    opener.postMessage({ source: 'rnn-widget', widget: 'neurons', event: 'wantModel' }, '*');
    return true;
  }

  return { offer: offer, request: request, MAX_BYTES: MAX_BYTES };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnModelSnapshot;
