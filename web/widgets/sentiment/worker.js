// worker.js - the sentiment widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). It owns two
// many-to-one SeqNets over the lecture's 15-word vocabulary (one-hot inputs,
// tanh-mse head, y = ±1):
//   hand:    H = 3 linear units, U (the lecture's W_ax) set by hand (the
//            slide's matrix by default: eng.reviewsSlide()), W = I
//            (a(t) = a(t-1) + W_ax x(t): it adds up one column per word),
//            V = [0 1 0] (the output reads the "sentim." row), b = c = 0
//            (the slide omits the biases);
//   trained: the same architecture (H and activation chosen by the widget)
//            trained on generated reviews (train split), scored on held-out ones.
// Every number the widget shows comes from here: tokens (reviewsTokenize),
// hidden values and outputs (SeqNet.step), loss and accuracy (train, evaluate).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var BATCH = 32;          // reviews per training step
  var TRAIN_COUNT = 2048;  // generated training reviews (split 'train')
  var HELDOUT_COUNT = 500; // generated held-out reviews (split 'heldout': never in training)
  var engine = null;
  var hand = null, trained = null;
  var train = null, heldout = null, cursor = 0, maxWords = 17;

  function identity(n) {
    var m = [];
    for (var i = 0; i < n; i++) { m.push([]); for (var j = 0; j < n; j++) m[i].push(i === j ? 1 : 0); }
    return m;
  }

  // Reviews -> a flat many-to-one batch: tokens padded with -1 (no input),
  // the label as target, the loss mask 1 at each review's own last word only.
  function toBatch(reviews) {
    var T = maxWords, B = reviews.length;
    var tokens = new Int32Array(B * T).fill(-1), y = new Float32Array(B * T), mask = new Float32Array(B * T);
    reviews.forEach(function (r, b) {
      for (var t = 0; t < r.words.length; t++) { tokens[b * T + t] = r.words[t]; y[b * T + t] = r.label; }
      mask[b * T + r.words.length - 1] = 1;
    });
    return { tokens: tokens, y: y, mask: mask, B: B, T: T };
  }

  function slice(data, from, count) {
    var T = data.T, a = from * T, z = (from + count) * T;
    return { tokens: data.tokens.subarray(a, z), y: data.y.subarray(a, z), mask: data.mask.subarray(a, z), B: count, T: T };
  }

  function createNet(hidden, activation, seed) {
    return engine.createSeqNet({
      input: 15, inputKind: 'onehot', hidden: hidden, output: 1, activation: activation, head: 'tanh-mse',
      batch: HELDOUT_COUNT, steps: maxWords, optim: 'adam', lr: 0.02, clip: 5, seed: seed,
    });
  }

  // The words of text, at most maxWords of them (unknown ones have id -1).
  function read(text) {
    var words = engine.reviewsTokenize(String(text));
    return { words: words.slice(0, maxWords), cut: words.length > maxWords };
  }

  // Steps net through the words: h[t] and y[t] after word t (the engine's step()).
  function stepThrough(net, words) {
    var h = [], y = [];
    net.reset();
    words.forEach(function (w) {
      var r = net.step(w.id);               // id -1 (unknown word): the zero vector, no input
      h.push(Array.from(r.h));
      y.push(r.y[0]);
    });
    return { h: h, y: y };
  }

  function requireNets(needHand) {
    if (!trained || (needHand && !hand)) throw new Error('no model yet');
  }

  // The column of W_ax each word adds (W_ax x(t) for a one-hot x(t): the
  // engine's own weights, read back; the zero vector for an unknown word).
  function columns(net, words) {
    var U = net.getWeights().U;
    return words.map(function (w) { return U.map(function (row) { return w.id >= 0 ? row[w.id] : 0; }); });
  }

  function trainedState(extra) {
    var wts = trained.getWeights();
    var out = { step: trained.info.step, U: wts.U, V: wts.V[0], W: wts.W, activation: trained.info.activation,
      heldout: HELDOUT_COUNT, trainCount: TRAIN_COUNT };
    for (var k in extra) out[k] = extra[k];
    return out;
  }

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        maxWords = engine.taskLimits().reviewsMaxWords;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // The vocabulary (ids, words, polarities) and the longest review read.
    // and the slide's W_ax with its column numbers (eng.reviewsSlide()).
    vocab: function () { return { vocab: engine.reviewsVocab(), slide: engine.reviewsSlide(), maxWords: maxWords }; },
    // The hand-set network with input matrix U [3][15] (lecture layout).
    setHand: function (msg) {
      if (!hand) hand = createNet(3, 'linear', 1);
      hand.setWeights({ U: msg.U, W: identity(3), b: [0, 0, 0], V: [[0, 1, 0]], c: [0] });
      var w = hand.getWeights();
      return { V: w.V[0], W: w.W };   // as the engine holds them, shown beside W_ax
    },
    // A fresh, untrained network to train, and its data (same seed, same data).
    setupTrain: function (msg) {
      if (trained) trained.free();
      trained = null;
      trained = createNet(msg.hidden, msg.activation, msg.seed);
      train = toBatch(engine.reviewsGenerate({ count: TRAIN_COUNT, split: 'train', seed: msg.seed }));
      heldout = toBatch(engine.reviewsGenerate({ count: HELDOUT_COUNT, split: 'heldout', seed: msg.seed + 1 }));
      cursor = 0;
      var ev = trained.evaluate(heldout);
      return trainedState({ loss: NaN, accuracy: ev.seqAccuracy });
    },
    // steps optimiser steps of BATCH reviews each; then the held-out score.
    train: function (msg) {
      requireNets(false);
      var steps = Math.max(1, Math.min(200, msg.steps | 0)), loss = 0;
      for (var i = 0; i < steps; i++) {
        if (cursor + BATCH > TRAIN_COUNT) cursor = 0;
        var r = trained.train(slice(train, cursor, BATCH), 1);
        if (!r.ok) throw new Error('training diverged');
        loss += r.loss / steps;
        cursor += BATCH;
      }
      var ev = trained.evaluate(heldout);
      return trainedState({ loss: loss, accuracy: ev.seqAccuracy });
    },
    // A sentence through both networks: its words (unknown ones marked) and,
    // for each network, the hidden values and the output after every word.
    sentence: function (msg) {
      requireNets(true);
      var r = read(msg.text);
      var h = stepThrough(hand, r.words);
      h.cols = columns(hand, r.words);
      return { words: r.words, cut: r.cut, maxWords: maxWords, hand: h, trained: stepThrough(trained, r.words) };
    },
  }, function () { return !!engine; });
})();
