// worker.js - the compare-rnn widget's worker part: [engine glue] +
// js/engine.js + shared/worker-protocol.js + this file (scripts/build-web.mjs).
// Two hand-wired SeqNets, weights set by hand:
//   net:    one linear hidden unit accumulating input 1 minus input 2
//           (U = [1, -1], W = 1, b = 0) and a logistic output (sigmoid-bce
//           head, V large, c = 0): h_t = sum(a) - sum(b) so far, y_t = σ(V h_t)
//   totals: two linear units with U = W = V = identity, the running totals
//           of input 1 and input 2 (each a "sum RNN")
//   trained: the same shape (one linear unit, logistic output, b and c too)
//            trained in the engine on random pairs (pairsGenerate, 2 to 5
//            values, loss at the last step): it learns U ∝ [1, −1], W ≈ 1,
//            the scale and the sign going into V (tests/node/pairs.test.mjs)
// The decision is the head's rule, y > 0.5 (the engine's accuracy rule for
// sigmoid-bce); for the hand-set net a tie gives h = 0, y = 0.5 exactly:
// "not larger".
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var MAX_STEPS = 8, RANDOM_PAIRS = 20;
  var TRAIN_STEPS = 300, TRAIN_BATCH = 64, TEST_PAIRS = 500;
  var engine = null, net = null, totals = null, trained = null;
  var I2 = [[1, 0], [0, 1]];

  function xsOf(a, b) { return a.map(function (v, t) { return [Number(v), Number(b[t])]; }); }

  // count engine-drawn pairs of T values as a many-to-one batch (loss and
  // score at the last step only).
  function pairsBatch(count, T, seed) {
    var p = engine.pairsGenerate({ count: count, steps: T, levels: 5, lo: 0, hi: 2, seed: seed });
    var x = p.a.map(function (a, i) { return xsOf(a, p.b[i]); });
    var mask = p.labels.map(function () { var m = []; for (var t = 0; t < T; t++) m.push(t === T - 1 ? 1 : 0); return m; });
    var y = p.labels.map(function (l) { var v = []; for (var t = 0; t < T; t++) v.push([l]); return v; });
    return { p: p, batch: { x: x, y: y, mask: mask } };
  }

  function which(name) { return name === 'trained' && trained ? trained : net; }

  function weightsOf(n) {
    var w = n.getWeights();
    return { U: w.U[0], W: w.W[0][0], b: w.b[0], V: w.V[0][0], c: w.c[0] };
  }

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var shape = { batch: RANDOM_PAIRS, steps: MAX_STEPS, activation: 'linear', input: 2 };
        net = engine.createSeqNet(Object.assign({ hidden: 1, output: 1, head: 'sigmoid-bce' }, shape));
        totals = engine.createSeqNet(Object.assign({ hidden: 2, output: 2, head: 'linear-mse' }, shape));
        totals.setWeights({ U: I2, W: I2, b: [0, 0], V: I2, c: [0, 0] });
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    setup: function (msg) {
      net.setWeights({ U: [[1, -1]], W: [[1]], b: [0], V: [[Number(msg.V)]], c: [0] });
      return {};
    },
    // A fresh network of the same shape, trained on random pairs (lengths 2
    // to 5, a new draw every step); its weights and its score on TEST_PAIRS
    // pairs of each length 1..MAX_STEPS drawn with another seed.
    train: function (msg) {
      if (trained) trained.free();
      trained = null;
      var seed = msg.seed | 0;
      trained = engine.createSeqNet({ input: 2, hidden: 1, output: 1, activation: 'linear', head: 'sigmoid-bce',
        batch: TEST_PAIRS, steps: MAX_STEPS, optim: 'adam', lr: 0.05, clip: 5, seed: seed });
      for (var i = 0; i < TRAIN_STEPS; i++) {
        var r = trained.train(pairsBatch(TRAIN_BATCH, 2 + (i % 4), seed * 7919 + i).batch, 1);
        if (!r.ok) throw new Error('training diverged');
      }
      var test = [];
      for (var T = 1; T <= MAX_STEPS; T++) test.push(trained.evaluate(pairsBatch(TEST_PAIRS, T, seed + 1000003 + T).batch).accuracy);
      return { weights: weightsOf(trained), steps: TRAIN_STEPS, batch: TRAIN_BATCH, test: test, testPairs: TEST_PAIRS };
    },
    // One pair of equal-length sequences, every step: the totals, h, y, decision.
    run: function (msg) {
      var xs = xsOf(msg.a, msg.b), r = which(msg.net).run(xs), s = totals.run(xs);
      return { steps: xs.map(function (x, t) {
        var h = r.h[t][0], y = r.y[t][0];
        return { sumA: s.h[t][0], sumB: s.h[t][1], h: h, y: y, first: y > 0.5, tie: s.h[t][0] === s.h[t][1] };
      }) };
    },
    // 20 random pairs from the engine (eng.pairsGenerate), through the same
    // net, scored at the last step (many-to-one) by the engine's evaluate.
    random: function (msg) {
      var T = Math.max(1, Math.min(MAX_STEPS, msg.steps | 0)), n = which(msg.net);
      var d = pairsBatch(RANDOM_PAIRS, T, msg.seed | 0), p = d.p, x = d.batch.x;
      var ev = n.evaluate(d.batch);
      var r = n.run(d.batch), s = totals.run({ x: x });
      var pairs = p.labels.map(function (label, i) {
        var h = r.h[i][T - 1][0], yy = r.y[i][T - 1][0], first = yy > 0.5;
        return { a: p.a[i], b: p.b[i], sumA: s.h[i][T - 1][0], sumB: s.h[i][T - 1][1], h: h, y: yy,
          first: first, tie: s.h[i][T - 1][0] === s.h[i][T - 1][1], label: label, right: first === (label === 1) };
      });
      return { pairs: pairs, correct: ev.correct, count: ev.count, seed: msg.seed | 0 };
    },
  }, function () { return !!net; });
})();
