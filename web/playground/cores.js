// cores.js - the page's side of training on several cores: N-1 replica
// workers started from the leader's own Blob URL (the same engine module,
// SIMD or scalar), one MessageChannel each; port2 goes to the replica
// (replica.js), the port1s to the leader (request 'team', worker-team.js).
// A replica's error event is passed on to the leader ('replicaFailed'), so a
// step never waits for a dead worker. No math here: the leader's reply says
// how many workers train.
'use strict';
var RnnCores = (function () {
  // client: the leader's RnnWorkerClient (its url is the worker's Blob URL).
  function Pool(client) {
    this.client = client;
    this.workers = [];   // the replicas, 1..N-1 (exposed for the tests: RnnCores.pool)
    this.id = 0;         // this set's number: reports from an older set are ignored
  }

  // n workers in all (the leader and n-1 replicas). Resolves the leader's
  // reply {team: {workers, requested, restarted, short, reason, failed}, info}.
  // The old replicas stop once the leader has let them go.
  Pool.prototype.set = function (n) {
    var old = this.workers, id = ++this.id, ports = [], fresh = [];
    for (var k = 1; k < n; k++) {
      var w = new Worker(this.client.url);
      var ch = new MessageChannel();
      w.onerror = this.relay(id, k);
      w.postMessage({ type: 'replica', port: ch.port2 }, [ch.port2]);
      ports.push(ch.port1);
      fresh.push(w);
    }
    this.workers = fresh;
    var stopOld = function () { old.forEach(function (w) { w.terminate(); }); };
    return this.client.request('team', { ports: ports, pool: id }, ports).then(function (r) { stopOld(); return r; },
      function (e) { stopOld(); throw e; });
  };

  Pool.prototype.relay = function (id, k) {
    var self = this;
    return function (ev) {
      ev.preventDefault();
      if (self.id !== id || !self.client) return;
      self.client.request('replicaFailed', { pool: id, k: k, message: ev.message || 'worker error' }).catch(function () {});
    };
  };

  // The leader dropped its replicas (one failed): stop them all.
  Pool.prototype.clear = function () {
    this.id++;
    this.workers.forEach(function (w) { w.terminate(); });
    this.workers = [];
  };

  return { Pool: Pool, pool: null };
})();
