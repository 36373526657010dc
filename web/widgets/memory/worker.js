// worker.js - the memory widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). For every
// gap length of the chart: the memory-gap task (memoryGenerate: a cue, gap - 2
// distractors, "?", target = the cue), a Kneser-Ney n-gram counted by the
// engine on a training stream (createNgram), a neural model with a fixed
// context (the previous lecture's neural LM: the same SeqNet fed only the
// last n - 1 symbols, so its answer is a function of exactly that window),
// and a vanilla RNN (SeqNet, one-hot in, softmax out, loss at the last step
// only) that reads the whole sequence; both nets train on the same fresh
// batches. All three are scored on the same held-out sequences.
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var CUES = 4, DISTRACTORS = 4;
  var NGRAM_TRAIN = 4000;      // sequences the n-gram counts
  var HELD_OUT = 500;
  var BATCH = 32;              // fresh sequences per RNN step
  var engine = null;
  var st = null;               // { o, step, rows: [{gap, ngram, ngramAcc, net, win, test, testBatch, testWindow}] }

  // Seeds never collide: n-gram text 3e9 + k, held-out 4e9 + k, RNN batches
  // k * 10000 + step, with k = seed * 64 + the gap's index (seed <= 1000).
  function key(seed, i) { return seed * 64 + i; }

  function generate(gap, count, seed) {
    return engine.memoryGenerate({ cues: CUES, distractors: DISTRACTORS, gap: gap, count: count, seed: seed });
  }

  // A memoryGenerate draw as a many-to-one batch: the tokens, the cue as the
  // class at the last step, the loss only there.
  function batchOf(d) {
    var T = d.gap, n = d.count, cls = new Int32Array(n * T), mask = new Float32Array(n * T);
    for (var i = 0; i < n; i++) { cls[i * T + T - 1] = d.targets[i]; mask[i * T + T - 1] = 1; }
    return { tokens: d.tokens, cls: cls, mask: mask, B: n, T: T };
  }

  // The same batch cut to its last k steps (the fixed context; k >= T: unchanged).
  function windowOf(b, k) {
    if (k >= b.T) return b;
    var tokens = new Int32Array(b.B * k), cls = new Int32Array(b.B * k), mask = new Float32Array(b.B * k);
    for (var i = 0; i < b.B; i++) {
      tokens.set(b.tokens.subarray(i * b.T + b.T - k, i * b.T + b.T), i * k);
      cls[i * k + k - 1] = b.cls[i * b.T + b.T - 1];
      mask[i * k + k - 1] = 1;
    }
    return { tokens: tokens, cls: cls, mask: mask, B: b.B, T: k };
  }

  function free() {
    if (!st) return;
    st.rows.forEach(function (r) { if (r.ngram) r.ngram.free(); if (r.net) r.net.free(); if (r.win) r.win.free(); });
    st = null;
  }

  function requireModels() { if (!st) throw new Error('no models yet'); }

  function scores() {
    return {
      step: st.step, gaps: st.rows.map(function (r) { return r.gap; }),
      ngram: st.rows.map(function (r) { return r.ngramAcc; }),
      rnn: st.rows.map(function (r) { return r.net.evaluate(r.testBatch).seqAccuracy; }),
      window: st.rows.map(function (r) { return r.win.evaluate(r.testWindow).seqAccuracy; }),
      context: st.o.order - 1,
    };
  }

  function rowOf(gap) {
    for (var i = 0; i < st.rows.length; i++) if (st.rows[i].gap === gap) return st.rows[i];
    throw new Error('no model for gap ' + gap);
  }

  // The cues' share of a probability vector over the vocabulary.
  function cueProbs(p) { return Array.from(p).slice(0, CUES); }

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // gaps: the chart's gap lengths; order: the n-gram's; hidden, lr, seed: the RNNs'.
    setup: function (msg) {
      free();
      st = { o: { order: msg.order, hidden: msg.hidden, lr: msg.lr, seed: msg.seed }, step: 0, rows: [] };
      msg.gaps.forEach(function (gap, i) {
        var k = key(msg.seed, i), row = { gap: gap };
        st.rows.push(row);
        var text = generate(gap, NGRAM_TRAIN, 3000000000 + k);
        row.test = generate(gap, HELD_OUT, 4000000000 + k);
        row.testBatch = batchOf(row.test);
        row.ngram = engine.createNgram(text.stream, { vocab: text.vocab, order: msg.order });
        row.ngramAcc = row.ngram.accuracy(row.test.tokens, row.test.targets).accuracy;
        var net = function (steps) {
          return engine.createSeqNet({
            input: text.vocab, inputKind: 'onehot', hidden: msg.hidden, output: text.vocab, activation: 'tanh',
            head: 'softmax-xent', batch: HELD_OUT, steps: steps, optim: 'adam', lr: msg.lr, clip: 5, seed: msg.seed,
          });
        };
        row.net = net(gap);
        row.ctx = Math.min(gap, msg.order - 1);          // the fixed context: n - 1 symbols
        row.win = net(row.ctx);
        row.testWindow = windowOf(row.testBatch, row.ctx);
        row.k = k;
      });
      var r = scores();
      r.vocab = CUES + DISTRACTORS + 1;
      r.cues = CUES;
      return r;
    },
    // `steps` optimiser steps for every gap's RNN, each on a fresh batch.
    train: function (msg) {
      requireModels();
      var n = Math.max(1, Math.min(200, msg.steps | 0));
      for (var s = 0; s < n; s++) {
        st.step++;
        st.rows.forEach(function (r) {
          var b = batchOf(generate(r.gap, BATCH, r.k * 10000 + st.step));
          r.net.train(b);
          r.win.train(windowOf(b, r.ctx));
        });
      }
      return scores();
    },
    // Held-out sequence `index` of one gap, with both models' probabilities of
    // each cue as the answer (n-gram: from its last order - 1 tokens; RNN: its
    // softmax after reading the whole sequence).
    example: function (msg) {
      requireModels();
      var r = rowOf(msg.gap), g = r.gap, i = ((msg.index | 0) % HELD_OUT + HELD_OUT) % HELD_OUT;
      var tokens = Array.from(r.test.tokens.subarray(i * g, i * g + g));
      var ng = r.ngram.predict(tokens), out = r.net.run(tokens), win = r.win.run(tokens.slice(g - r.ctx));
      return { gap: g, index: i, tokens: tokens, target: r.test.targets[i], context: r.ctx,
        ngram: cueProbs(ng.probs), window: cueProbs(win.y[r.ctx - 1]), rnn: cueProbs(out.y[g - 1]) };
    },
  }, function () { return !!engine; });
})();
