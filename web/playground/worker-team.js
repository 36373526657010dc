// worker-team.js - runs in the playground worker: the data-parallel team of
// the leader's model (js/data-parallel.js). The page gives the worker one
// MessagePort per replica (Web Workers it started from the same Blob, so the
// same module kind); this file decides how many of them the model's text can
// feed, starts them from the leader's state and drops them when one fails.
// Every number comes from the engine (setWorkers, the model's info).
/* global DataParallel */
/* exported RnnWorkerTeam */
'use strict';
var RnnWorkerTeam = (function () {
  // The largest n <= want the engine accepts for this model (its text must
  // hold n*B streams of T+1 characters). Makes the model replica 0 of n.
  // {n, restarted, reason}: reason, the engine's refusal of `want`.
  function fit(model, want) {
    var reason = null;
    for (var n = want; n >= 1; n--) {
      try { return { n: n, restarted: model.setWorkers(n, 0).restarted, reason: reason }; } catch (e) {
        if (n === 1) throw e;
        if (reason === null) reason = e.message;
      }
    }
    return null;
  }

  function closePort(p) { try { p.postMessage({ type: 'close' }); p.close(); } catch (e) { /* already gone */ } }

  // ports: the page's replicas (N-1 of them); pool: the page's number for that set.
  function Crew() { this.ports = []; this.pool = 0; this.team = null; }

  Crew.prototype.requested = function () { return this.ports.length + 1; };

  // true while replicas train with the leader `model`
  Crew.prototype.active = function (model) { return !!this.team && this.team.lm === model; };

  // New replicas from the page (the old ones are closed).
  Crew.prototype.adopt = function (ports, pool) {
    this.drop();
    this.ports = ports || [];
    this.pool = pool;
  };

  Crew.prototype.drop = function () {
    if (this.team) this.team.close(); else this.ports.forEach(closePort);
    this.team = null;
    this.ports = [];
  };

  // Makes `model` (the leader, on `text`) train with the replicas. Resolves
  // {workers, requested, restarted, short, reason, failed}: short, the text
  // feeds only `workers` (< requested; the replicas are dropped, the page
  // starts that many again); failed, a replica did not start (dropped: one worker).
  Crew.prototype.attach = function (model, text) {
    var want = this.requested();
    if (!text) return Promise.resolve({ workers: 1, requested: want, restarted: false });
    var f = fit(model, want);
    if (f.n < want) {
      this.drop();
      var r1 = model.setWorkers(1, 0); // alone until the page brings f.n workers
      return Promise.resolve({ workers: f.n, requested: want, restarted: f.restarted || r1.restarted, short: true, reason: f.reason });
    }
    if (want === 1) return Promise.resolve({ workers: 1, requested: 1, restarted: f.restarted });
    if (!this.team) this.team = new DataParallel.Team(model, this.ports);
    this.team.lm = model;
    var self = this;
    return this.team.start(text).then(function () {
      return { workers: want, requested: want, restarted: f.restarted };
    }, function (e) {
      self.drop();
      model.setWorkers(1, 0);
      return { workers: 1, requested: want, restarted: true, failed: e.message };
    });
  };

  // `steps` steps of the leader `model`: with the team, or alone.
  Crew.prototype.train = function (model, steps) {
    return this.active(model) ? this.team.train(steps) : Promise.resolve(model.train(steps));
  };

  // The model file of the run (the team gathers every replica's streams).
  Crew.prototype.save = function (model) {
    return this.active(model) ? this.team.save() : Promise.resolve(model.save());
  };

  // The page saw replica k of pool `pool` die: the step waiting for it throws.
  Crew.prototype.fail = function (pool, k, message) {
    if (this.team && pool === this.pool) { this.team.fail(k, message); return true; }
    return false;
  };

  return { Crew: Crew, fit: fit };
})();
