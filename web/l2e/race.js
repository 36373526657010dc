// l2e-race.js - the four workers of the learning-to-execute race, one per
// curriculum (baseline, naive, mix, combined), each its own Web Worker (no
// SharedArrayBuffer on a static site: parallel runs are separate workers).
// Same seed in all four, so they are scored on the same validation programs
// and the rows of the predictions table line up. Requests go to all four at
// once; events come back tagged with the strategy's index.
//
// The workers are started by web/worker-client.js (SIMD detection, self-check,
// scalar fallback) with the race worker program (gen/l2e-worker-sources.js)
// after the full engine's glue (gen/engine-glue.js): the glue is stored once.
/* global RnnWorkerClient, RnnL2EState, RNN_ENGINE_GLUE, RNN_L2E_WORKER_SOURCES */
'use strict';
var RnnL2ERace = (function () {
  var STRATEGIES = RnnL2EState.STRATEGIES; // the engine's, in its order

  function raceWorker() {
    if (typeof RNN_L2E_WORKER_SOURCES !== 'object' || typeof RNN_ENGINE_GLUE !== 'object' ||
        !RNN_L2E_WORKER_SOURCES || !RNN_ENGINE_GLUE) {
      throw new Error('engine not built: web/gen/l2e-worker-sources.js or engine-glue.js is missing (run make generated)');
    }
    return RNN_L2E_WORKER_SOURCES.common;
  }

  // on: the handlers progress, eval, done and diverged, each (i, msg), and crash (reason)
  function Race(on) {
    this.on = on;
    this.clients = [];
    this.run = 0;          // the current race's number; events of older races are dropped
  }

  // Starts the four workers; resolves with the first one's start result
  // ({kind, selfCheck, fallbackReason}). If one fails, all are stopped.
  Race.prototype.start = function () {
    var self = this;
    var common;
    try { common = raceWorker(); } catch (e) { return Promise.reject(e); }
    var started = STRATEGIES.map(function () {
      return RnnWorkerClient.start({ common: common, glue: RNN_ENGINE_GLUE }).then(function (r) { return { ok: true, r: r }; },
        function (e) { return { ok: false, e: e }; });
    });
    return Promise.all(started).then(function (all) {
      var bad = all.filter(function (x) { return !x.ok; });
      if (bad.length) {
        all.forEach(function (x) { if (x.ok) x.r.client.terminate(); });
        throw bad[0].e;
      }
      self.clients = all.map(function (x, i) { return self.listen(x.r.client, i); });
      // if one worker fell back to scalar, say so (the slowest sets the pace)
      var scalar = all.filter(function (x) { return x.r.kind !== 'simd'; });
      return scalar.length ? scalar[0].r : all[0].r;
    });
  };

  Race.prototype.listen = function (client, i) {
    var self = this;
    ['progress', 'eval', 'done', 'diverged'].forEach(function (name) {
      client.on(name, function (msg) { if (msg.run === self.run) self.on[name](i, msg); });
    });
    client.on('crash', function (c) {
      if (!self.clients.length) return;
      self.stopAll();
      self.on.crash(c.reason);
    });
    return client;
  };

  Race.prototype.stopAll = function () {
    var list = this.clients;
    this.clients = [];
    this.run++;
    list.forEach(function (c) { c.terminate(); });
  };

  Race.prototype.ready = function () { return this.clients.length === STRATEGIES.length; };

  function all(race, type, payload) {
    if (!race.ready()) return Promise.reject(new Error('the workers are not running'));
    return Promise.all(race.clients.map(function (c, i) {
      return c.request(type, typeof payload === 'function' ? payload(i) : payload);
    }));
  }

  // Sample inputs and the format guess (from the first worker).
  Race.prototype.samples = function (opts) {
    if (!this.ready()) return Promise.reject(new Error('the workers are not running'));
    return this.clients[0].request('samples', opts);
  };

  // Four new models from the page's state; resolves with the four replies
  // ({info, rows, eval}). Events of the race before are dropped from now on.
  Race.prototype.setup = function (state) {
    var run = ++this.run;
    var evalEvery = Math.max(10, Math.round(state.steps / 80));
    var self = this;
    return all(this, 'pause').then(function () {
      return all(self, 'setup', function (i) {
        return { run: run, config: RnnL2EState.modelConfig(state, STRATEGIES[i]), budget: state.steps,
          rows: state.rows, evalEvery: evalEvery };
      });
    }).then(function (replies) {
      if (run !== self.run) throw new Error('superseded');
      return replies;
    });
  };

  Race.prototype.train = function () { return all(this, 'train'); };
  // A typed program through the four models: four replies (web/l2e/worker.js `try`).
  Race.prototype.tryProgram = function (program) { return all(this, 'try', { program: program }); };
  Race.prototype.pause = function () { return all(this, 'pause'); };

  // Forgets the current race: stops the four and drops their late events.
  Race.prototype.reset = function () {
    this.run++;
    return this.pause();
  };

  return { Race: Race, STRATEGIES: STRATEGIES };
})();
