// worker.js - the ball widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). Two
// many-to-one SeqNets (one-hot frames in, softmax over the directions out,
// loss at the last step only) learn the ball's direction from trajectories the
// engine draws (ballGenerate): `seq` sees the frames in order, `last` sees
// only the last frame (a sequence of length 1). Both train on the same
// batches; accuracy is measured on a held-out draw (another seed).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var BATCH = 32;
  var HELD_OUT = 400;
  var engine = null;
  var st = null;                // { o, seq, last, test, testSeq, testLast, step }

  // A ballGenerate draw as a many-to-one batch: tokens = the cells (all
  // frames, or only the last one), the class at the last step, mask there.
  function batchOf(d, lastOnly) {
    var F = d.frames, T = lastOnly ? 1 : F, n = d.count;
    var tokens = new Int32Array(n * T), cls = new Int32Array(n * T), mask = new Float32Array(n * T);
    for (var i = 0; i < n; i++) {
      for (var t = 0; t < T; t++) {
        tokens[i * T + t] = lastOnly ? d.cells[i * F + F - 1] : d.cells[i * F + t];
        cls[i * T + t] = d.labels[i];
      }
      mask[i * T + T - 1] = 1;
    }
    return { tokens: tokens, cls: cls, mask: mask, B: n, T: T };
  }

  function draw(count, seed) {
    return engine.ballGenerate({ grid: st.o.grid, frames: st.o.frames, dirs: st.o.dirs, count: count, seed: seed });
  }

  function net(T) {
    return engine.createSeqNet({
      input: st.o.grid * st.o.grid, inputKind: 'onehot', hidden: st.o.hidden, output: st.o.dirs,
      activation: 'tanh', head: 'softmax-xent', batch: HELD_OUT, steps: T, optim: 'adam', lr: st.o.lr,
      clip: 5, seed: st.o.seed,
    });
  }

  function accuracies() {
    var a = st.seq.evaluate(st.testSeq), b = st.last.evaluate(st.testLast);
    return { step: st.step, seqAcc: a.seqAccuracy, lastAcc: b.seqAccuracy, seqLoss: a.loss, lastLoss: b.loss };
  }

  function free() {
    if (!st) return;
    if (st.seq) st.seq.free();
    if (st.last) st.last.free();
    st = null;
  }

  function requireModels() { if (!st) throw new Error('no models yet'); }

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // Two fresh models and the held-out draw (seed 4,000,000,000 + seed: never a
    // training seed, which are seed * 100,000 + step).
    setup: function (msg) {
      free();
      st = { o: { grid: msg.grid, frames: msg.frames, dirs: msg.dirs, hidden: msg.hidden, lr: msg.lr, seed: msg.seed }, step: 0 };
      st.seq = net(msg.frames);
      st.last = net(1);
      st.test = draw(HELD_OUT, 4000000000 + msg.seed);
      st.testSeq = batchOf(st.test, false);
      st.testLast = batchOf(st.test, true);
      var r = accuracies();
      r.directions = st.test.directions;
      return r;
    },
    // `steps` optimiser steps, each on a fresh batch, the same for both models.
    train: function (msg) {
      requireModels();
      var n = Math.max(1, Math.min(200, msg.steps | 0));
      for (var k = 0; k < n; k++) {
        st.step++;
        var d = draw(BATCH, st.o.seed * 100000 + st.step);
        st.seq.train(batchOf(d, false));
        st.last.train(batchOf(d, true));
      }
      return accuracies();
    },
    // Held-out trajectory `index` (mod the held-out count): its cells and direction.
    example: function (msg) {
      requireModels();
      var i = ((msg.index | 0) % HELD_OUT + HELD_OUT) % HELD_OUT, F = st.o.frames;
      return { index: i, cells: Array.from(st.test.cells.subarray(i * F, i * F + F)), label: st.test.labels[i] };
    },
    // Both models' probabilities per direction for a trajectory of `frames`
    // cell ids (the length they were trained on): the sequence model reads
    // every frame in order, the other only the last.
    predict: function (msg) {
      requireModels();
      var G2 = st.o.grid * st.o.grid, cells = msg.cells;
      if (!Array.isArray(cells) || cells.length !== st.o.frames) throw new Error('cells: exactly ' + st.o.frames + ' frames');
      cells.forEach(function (c) { if (!Number.isInteger(c) || c < 0 || c >= G2) throw new Error('cell out of the grid: ' + c); });
      var a = st.seq.run(cells), b = st.last.run([cells[cells.length - 1]]);
      return { seq: Array.from(a.y[cells.length - 1]), last: Array.from(b.y[0]) };
    },
  }, function () { return !!engine; });
})();
