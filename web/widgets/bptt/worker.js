// worker.js - the bptt widget's worker part: [engine glue] + js/engine.js +
// shared/worker-protocol.js + this file (scripts/build-web.mjs). It owns a
// SeqNet (one-hot symbols in, softmax out) trained on the engine's
// delayed-echo task, and reports after every chunk what the BPTT slide
// shows: ||dL/dh_t|| and ||dL/dW_t|| per step, element [1,1] of dL/dU,
// dL/dW and dL/dV step by step with its sum and the engine's total
// (SeqNet.gradients, termElement), the spectral radius of W,
// the gradient norm before and after clipping (SeqNet.train).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var SYMBOLS = 3, HIDDEN = 12, TRAIN_SEQS = 32, TEST_SEQS = 64, CHECK_SEQS = 4, CLIP = 1;
  var engine = null, net = null, data = null, last = null;

  function requireNet() { if (!net) throw new Error('no network yet'); }

  function batchOf(d, lossAt) {
    var T = d.tokens[0].length;
    var mask = lossAt === 'last' ? d.tokens.map(function () { return d.tokens[0].map(function (_, t) { return t === T - 1 ? 1 : 0; }); }) : undefined;
    return { tokens: d.tokens, cls: d.cls, mask: mask };
  }

  // What the view draws, all from the engine: per-step norms of a backward on
  // the training batch at the current weights (no update), U, W, V [1,1] step by step.
  function snapshot(train) {
    var g = net.gradients(data.train);
    var terms = {};
    ['U', 'W', 'V'].forEach(function (k) { terms[k] = net.termElement(k, 0, 0); });
    var ev = net.evaluate(data.test);
    return {
      step: net.info.step, loss: g.loss, gradNorm: g.gradNorm, dhNorms: g.dhNorms, dWNorms: g.dWNorms, terms: terms,
      rho: net.spectralRadius(), accuracy: ev.accuracy,
      train: train || last,
    };
  }

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // A fresh network: W = r Q (Q orthogonal, from the seed), the echo task's data.
    setup: function (msg) {
      if (net) net.free();
      net = null; last = null;
      var T = msg.steps | 0;
      net = engine.createSeqNet({
        input: SYMBOLS, inputKind: 'onehot', hidden: HIDDEN, output: SYMBOLS + 1, activation: msg.activation,
        head: 'softmax-xent', batch: TEST_SEQS, steps: T, optim: 'adam', lr: 0.02,
        clip: msg.clip ? CLIP : 0, clipMode: 'norm', seed: msg.seed, lossSum: true,
      });
      net.setOrthogonal(msg.radius, msg.seed);
      var echo = function (count, seed) {
        return engine.echoGenerate({ symbols: SYMBOLS, delay: msg.delay, steps: T, count: count, seed: seed });
      };
      data = {
        train: batchOf(echo(TRAIN_SEQS, msg.seed), msg.loss),
        test: batchOf(echo(TEST_SEQS, msg.seed + 7919), msg.loss),
        check: batchOf(echo(CHECK_SEQS, msg.seed + 104729), msg.loss),
      };
      return snapshot(null);
    },
    train: function (msg) {
      requireNet();
      var n = Math.max(1, Math.min(50, msg.steps | 0));
      var r = net.train(data.train, n);
      last = { gradNorm: r.gradNorm, gradNormAfter: r.gradNormAfter, clipped: r.clipped > 0, ok: r.ok };
      return snapshot(last);
    },
    // The slider: W <- W r / rho(W), as the training goes on.
    radius: function (msg) {
      requireNet();
      net.scaleRadius(msg.radius);
      return snapshot(null);
    },
    clip: function (msg) {
      requireNet();
      net.configure({ clip: msg.clip ? CLIP : 0, clipMode: 'norm' });
      return snapshot(null);
    },
    lossAt: function (msg) {
      requireNet();
      ['train', 'test', 'check'].forEach(function (k) { data[k] = batchOf(data[k], msg.loss); });
      return snapshot(null);
    },
    // Central differences vs backprop on a small batch (float32, eps 1e-2).
    gradcheck: function () {
      requireNet();
      var r = net.gradcheck(data.check, { eps: 1e-2, maxElems: 48 });
      return { U: r.U.rel, W: r.W.rel, V: r.V.rel };
    },
  }, function () { return !!engine; });
})();
