// worker.js - the sum-rnn widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). It owns
// the slide's network, a SeqNet with one linear hidden unit and one linear
// output (h_t = U x_t + W h_{t-1}, y_t = V h_t), weights set by hand, and
// steps it one time step at a time (SeqNet.step).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var MAX_STEPS = 8;
  var engine = null;
  var net = null;

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        net = engine.createSeqNet({ input: 1, hidden: 1, output: 1, activation: 'linear', head: 'linear-mse',
          batch: 1, steps: MAX_STEPS });
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // New weights; back to h_0 = 0. Also what the sentence under the graph
    // is chosen from: the spectral radius of W (|W| here) and the impulse
    // response, h_T for the input 1, 0, …, 0 (= U W^(T-1): how much of x_1
    // is left in the last state).
    setup: function (msg) {
      net.setWeights({ U: [[msg.U]], W: [[msg.W]], b: [0], V: [[msg.V]], c: [0] });
      var T = Math.max(1, Math.min(MAX_STEPS, msg.steps | 0));
      var impulse = [1];
      while (impulse.length < T) impulse.push(0);
      var r = net.run(impulse);
      net.reset();
      return { radius: net.spectralRadius(), impulse: r.h[T - 1][0] };
    },
    reset: function () { net.reset(); return {}; },
    // One time step: h_t and y_t for the input x_t.
    step: function (msg) {
      var r = net.step(Number(msg.x));
      return { h: r.h[0], y: r.y[0] };
    },
  }, function () { return !!net; });
})();
