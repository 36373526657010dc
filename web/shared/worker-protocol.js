// worker-protocol.js - the request side of the worker protocol, shared by the
// playground's worker (worker.js) and the race worker (l2e-worker.js); it is
// concatenated before them into the worker source by scripts/build-web.mjs.
// Requests {id, type, ...} get exactly one reply {id, ...} or {id, error}
// (like sql.js's worker). A handler returns a value or a Promise; a result
// may list ArrayBuffers to transfer in `__transfer`.
/* exported RnnWorkerProtocol */
'use strict';
var RnnWorkerProtocol = (function () {
  function respond(id, result) {
    var transfer = result && result.__transfer;
    if (transfer) delete result.__transfer;
    var msg = result || {};
    msg.id = id;
    self.postMessage(msg, transfer || []);
  }

  function fail(id, e) {
    self.postMessage({ id: id, error: (e && e.message) ? e.message : String(e) });
  }

  // handlers: {type: function (msg)}; ready(): false until 'init' has run.
  function serve(handlers, ready) {
    self.onmessage = function (ev) {
      var msg = ev.data || {};
      var h = Object.prototype.hasOwnProperty.call(handlers, msg.type) ? handlers[msg.type] : null;
      if (!h) { fail(msg.id, new Error('unknown request type: ' + msg.type)); return; }
      if (msg.type !== 'init' && !ready()) { fail(msg.id, new Error('engine not started')); return; }
      try {
        var out = h(msg);
        if (out && typeof out.then === 'function') out.then(function (r) { respond(msg.id, r); }, function (e) { fail(msg.id, e); });
        else respond(msg.id, out);
      } catch (e) {
        fail(msg.id, e);
      }
    };
  }

  return { serve: serve };
})();
