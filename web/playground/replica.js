// replica.js - runs in the playground's Blob worker, after worker.js: the
// same worker source serves as a data-parallel replica when the page's first
// message is {type: 'replica', port}. It then loads the engine (the same
// module kind as the leader: the page starts it from the leader's Blob) and
// answers the leader on `port` (DataParallel.serve) until closed. Any other
// message from the page after that is an error (the page reports it to the
// leader, which goes on with one worker).
/* global RnnEngine, DataParallel */
'use strict';
(function () {
  var playground = self.onmessage; // the playground protocol (worker.js)
  self.onmessage = function (ev) {
    var msg = ev.data || {};
    if (msg.type !== 'replica') { playground.call(self, ev); return; }
    self.onmessage = function () { throw new Error('a replica takes messages only from its leader'); };
    RnnEngine.create(self.RNN_FACTORY).then(function (engine) {
      return DataParallel.serve(msg.port, engine);
    }).then(function () { self.close(); }, function (e) {
      msg.port.postMessage({ type: 'error', shard: 0, message: 'replica did not start: ' + (e && e.message) });
    });
  };
})();
