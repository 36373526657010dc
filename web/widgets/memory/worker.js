// worker.js - the memory widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). For every
// gap length of the chart: the memory-gap task (memoryGenerate: a cue, gap - 2
// distractors, "?", target = the cue), a Kneser-Ney n-gram counted by the
// engine on a training stream (createNgram), and a vanilla RNN (SeqNet,
// one-hot in, softmax out, loss at the last step only) trained on fresh
// batches. Both are scored on the same held-out sequences.
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var CUES = 4, DISTRACTORS = 4;
  var NGRAM_TRAIN = 4000;      // sequences the n-gram counts
  var HELD_OUT = 500;
  var BATCH = 32;              // fresh sequences per RNN step
  var engine = null;
  var st = null;               // { o, step, rows: [{gap, ngram, ngramAcc, net, test, testBatch}] }

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

  function free() {
    if (!st) return;
    st.rows.forEach(function (r) { if (r.ngram) r.ngram.free(); if (r.net) r.net.free(); });
    st = null;
  }

  function requireModels() { if (!st) throw new Error('no models yet'); }

  function scores() {
    return {
      step: st.step, gaps: st.rows.map(function (r) { return r.gap; }),
      ngram: st.rows.map(function (r) { return r.ngramAcc; }),
      rnn: st.rows.map(function (r) { return r.net.evaluate(r.testBatch).seqAccuracy; }),
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
        row.net = engine.createSeqNet({
          input: text.vocab, inputKind: 'onehot', hidden: msg.hidden, output: text.vocab, activation: 'tanh',
          head: 'softmax-xent', batch: HELD_OUT, steps: gap, optim: 'adam', lr: msg.lr, clip: 5, seed: msg.seed,
        });
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
        st.rows.forEach(function (r) { r.net.train(batchOf(generate(r.gap, BATCH, r.k * 10000 + st.step))); });
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
      var ng = r.ngram.predict(tokens), out = r.net.run(tokens);
      return { gap: g, index: i, tokens: tokens, target: r.test.targets[i],
        ngram: cueProbs(ng.probs), rnn: cueProbs(out.y[g - 1]) };
    },
  }, function () { return !!engine; });
})();
