// worker.js - the architectures widget's worker part: [engine glue] +
// js/engine.js + shared/worker-protocol.js + this file (scripts/build-web.mjs).
// Five toy tasks, one per architecture, each a network of the engine trained
// live on data from the engine's generators:
//   one-to-one     seven-segment digit -> the digit          (SeqNet, T = 1)
//   one-to-many    a digit -> counting on from it            (SeqNet, input at step 1 only)
//   many-to-one    a Portuguese review -> its sentiment      (SeqNet, loss at the last step)
//   many-to-many   tag the names in a sentence               (SeqNet, a loss at every step;
//                  example 0: the lecture's "Yesterday, Harry Potter met Hermione Granger.")
//   encoder-decoder  Portuguese -> English                   (EncDec: separate encoder and decoder)
// Also a CommonJS module (tests/node/architectures.test.mjs trains the same TASKS).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function (factory) {
  var api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else api.serve();
})(function () {
  var HELD_OUT = 256;        // held-out examples the accuracy is measured on
  var HELD_SEED = 424242;    // their seed (fixed: the same examples at every step)
  var COUNT_LEN = 5;         // one-to-many: digits counted on
  var SEG7_NOISE = 0.4;      // one-to-one: segment noise
  var MAX_SHOWN = 10;        // longest example the diagram shows
  var MAX_SHOWN_ED = 6;      // encoder-decoder: at most 6 words on each side (12 columns in all)
  // The encoder-decoder: the translation widget's model (web/widgets/translation/worker.js ED).
  var ED = { hidden: 128, lr: 3e-3, batch: 32, reverse: true, context: 'every' };

  function fill(q, T, pad) { var a = []; for (var t = 0; t < T; t++) a.push(t < q.length ? q[t] : pad); return a; }
  function range(T, f) { var a = []; for (var t = 0; t < T; t++) a.push(f(t)); return a; }
  function argmax(p) { var k = 0; for (var i = 1; i < p.length; i++) if (p[i] > p[k]) k = i; return k; }

  // Each task: net (createSeqNet options, or ed: true), batch(eng, seed, n, split)
  // -> the engine batch, and show(eng, batch, b, out) -> {inputs, targets, outputs} as strings.
  var TASKS = {
    'one-to-one': {
      T: 1, steps: 300, target: 0.95,
      net: { input: 7, inputKind: 'dense', hidden: 16, output: 10, activation: 'tanh', head: 'softmax-xent', lr: 3e-2 },
      batch: function (eng, seed, n) {
        var g = eng.seg7Generate({ count: n, noise: SEG7_NOISE, seed: seed });
        return { x: g.x, B: n, T: 1, cls: g.digits, segs: g.x };
      },
      show: function (eng, batch, b, y) {
        return { inputs: [Array.from(batch.segs.subarray(b * 7, b * 7 + 7))], targets: [String(batch.cls[b])], outputs: [String(argmax(y[0]))] };
      },
    },
    'one-to-many': {
      T: COUNT_LEN, steps: 200, target: 0.99,
      net: { input: 10, inputKind: 'onehot', hidden: 16, output: 10, activation: 'tanh', head: 'softmax-xent', lr: 1e-2 },
      batch: function (eng, seed, n) {
        var g = eng.countGenerate({ count: n, len: COUNT_LEN, seed: seed });
        var tokens = [], cls = [];
        for (var i = 0; i < n; i++) {
          tokens.push(fill([g.start[i]], COUNT_LEN, -1));
          cls.push(Array.from(g.out.subarray(i * COUNT_LEN, (i + 1) * COUNT_LEN)));
        }
        return { tokens: tokens, cls: cls };
      },
      show: function (eng, batch, b, y) {
        return { inputs: [String(batch.tokens[b][0])], targets: batch.cls[b].map(String), outputs: y.map(function (p) { return String(argmax(p)); }) };
      },
    },
    'many-to-one': {
      T: 17, steps: 300, target: 0.9,
      net: { input: 15, inputKind: 'onehot', hidden: 24, output: 2, activation: 'tanh', head: 'softmax-xent', lr: 1e-2 },
      batch: function (eng, seed, n, split) {
        var g = eng.reviewsGenerate({ count: n, split: split || 'train', seed: seed });
        return {
          tokens: g.map(function (r) { return fill(r.words, 17, -1); }),
          cls: g.map(function (r) { return range(17, function () { return r.label > 0 ? 1 : 0; }); }),
          mask: g.map(function (r) { return range(17, function (t) { return t === r.words.length - 1 ? 1 : 0; }); }),
          words: g.map(function (r) { return r.text.split(' '); }),
        };
      },
      show: function (eng, batch, b, y) {
        var n = batch.words[b].length, lab = ['−', '+'];
        return { inputs: batch.words[b], targets: [lab[batch.cls[b][0]]], outputs: [lab[argmax(y[n - 1])]] };
      },
    },
    'many-to-many': {
      T: 13, steps: 300, target: 0.95,
      net: { input: 0, inputKind: 'onehot', hidden: 24, output: 2, activation: 'tanh', head: 'softmax-xent', lr: 1e-2 },
      batch: function (eng, seed, n, split) {
        var g = eng.namesGenerate({ count: n, split: split || 'train', seed: seed });
        return {
          tokens: g.map(function (r) { return fill(r.words, 13, -1); }),
          cls: g.map(function (r) { return fill(r.tags, 13, 0); }),
          mask: g.map(function (r) { return range(13, function (t) { return t < r.words.length ? 1 : 0; }); }),
          words: g.map(function (r) { return r.text.split(' '); }),
        };
      },
      show: function (eng, batch, b, y) {
        var n = batch.words[b].length;
        return { inputs: batch.words[b], targets: batch.cls[b].slice(0, n).map(String),
          outputs: y.slice(0, n).map(function (p) { return String(argmax(p)); }) };
      },
    },
    'encoder-decoder': {
      T: 10, steps: 1000, target: 0.9, ed: true,
      batch: function (eng, seed, n, split) {
        var g = eng.phraseGenerate({ count: n, split: split || 'train', seed: seed });
        return { inputs: g.map(function (p) { return p.pt; }), targets: g.map(function (p) { return p.en; }), pairs: g };
      },
      show: function (eng, batch, b, out) {
        var vocab = eng.phraseVocab(), w = function (k) { return vocab[k]; };
        return { inputs: batch.pairs[b].pt.map(w), targets: batch.pairs[b].en.map(w), outputs: out.tokens.map(w) };
      },
    },
  };

  // A task's model, its held-out set and its training stream.
  function Model(eng, id, seed) {
    var task = TASKS[id];
    if (!task) throw new Error('unknown architecture ' + id);
    this.eng = eng; this.id = id; this.task = task; this.seed = seed; this.step = 0;
    this.held = task.batch(eng, HELD_SEED, HELD_OUT, 'heldout');
    if (task.ed) {
      var L = eng.archLimits();
      this.net = eng.createEncDec({ vocab: L.phraseVocab, hidden: ED.hidden, batch: HELD_OUT, maxIn: L.phraseMaxWords,
        maxOut: L.phraseMaxWords, go: L.go, end: L.eos, reverse: ED.reverse, context: ED.context, lr: ED.lr, seed: seed });
    } else {
      var o = Object.assign({ batch: HELD_OUT, steps: task.T, optim: 'adam', seed: seed }, task.net);
      if (id === 'many-to-many') o.input = eng.namesVocab().length;
      this.net = eng.createSeqNet(o);
    }
  }
  Model.prototype.train = function (steps) {
    var r = null;
    for (var i = 0; i < steps; i++) {
      this.step++;
      var b = this.task.batch(this.eng, this.seed * 100003 + this.step, ED.batch, 'train');
      r = this.task.ed ? this.net.train(b.inputs, b.targets, 1) : this.net.train(b, 1);
    }
    return { step: this.step, loss: r ? r.loss : NaN };
  };
  // Held-out accuracy: the fraction of examples entirely right (every scored
  // step; for the encoder-decoder the whole greedy translation).
  Model.prototype.accuracy = function () {
    if (this.task.ed) return this.net.evaluate(this.held.inputs, this.held.targets).exact;
    return this.net.evaluate(this.held).seqAccuracy;
  };
  // Example k with the network's answer: held-out example k (k-th among the
  // examples short enough for the diagram). For the aligned tagger example 0
  // is the lecture's sentence "Yesterday, Harry Potter met Hermione Granger."
  // (held out by the generator), then the held-out ones. The encoder-decoder's
  // example says in which order its encoder reads the words (reversed but the
  // final ".", when ED.reverse).
  Model.prototype.example = function (k) {
    if (this.id === 'many-to-many' && k === 0) return this.lecture();
    if (this.id === 'many-to-many') k -= 1;
    var b = this.pick(k);
    if (this.task.ed) {
      var ex = this.task.show(this.eng, this.held, b, this.net.decode([this.held.inputs[b]])[0]);
      var n = ex.inputs.length;
      ex.readOrder = ED.reverse ? range(n - 1, function (i) { return n - 2 - i; }).concat([n - 1]) : range(n, function (i) { return i; });
      ex.reversed = ED.reverse; ex.context = ED.context;
      return ex;
    }
    var one = {}, h = this.held;
    Object.keys(h).forEach(function (key) {
      if (key === 'B' || key === 'T') return;
      one[key] = key === 'x' ? h.x.subarray(b * 7, b * 7 + 7) : [h[key][b]];
    });
    if (h.x) { one.B = 1; one.T = 1; }
    var y = this.net.run(one).y[0];
    return this.task.show(this.eng, h, b, y.map(function (p) { return Array.from(p); }));
  };
  // The aligned tagger on the lecture's sentence (eng.namesLecture: words and tags from the engine).
  Model.prototype.lecture = function () {
    var s = this.eng.namesLecture(), vocab = this.eng.namesVocab(), T = this.task.T;
    var y = this.net.run({ tokens: [fill(s.words, T, -1)], cls: [fill(s.tags, T, 0)],
      mask: [range(T, function (t) { return t < s.words.length ? 1 : 0; })] }).y[0];
    return { inputs: s.words.map(function (k) { return vocab[k]; }), targets: s.tags.map(String),
      outputs: y.slice(0, s.words.length).map(function (p) { return String(argmax(Array.from(p))); }), lecture: true, heldOut: s.heldOut };
  };
  Model.prototype.pick = function (k) {
    var h = this.held, short = [];
    for (var i = 0; i < HELD_OUT; i++) {
      var n = h.words ? h.words[i].length : h.pairs ? h.pairs[i].pt.length : 1;
      var ok = h.pairs ? n <= MAX_SHOWN_ED && h.pairs[i].en.length <= MAX_SHOWN_ED : n <= MAX_SHOWN;
      if (ok) short.push(i);
    }
    return short.length ? short[k % short.length] : k % HELD_OUT;
  };
  Model.prototype.free = function () { this.net.free(); };

  function serve() {
    var engine = null, model = null;
    RnnWorkerProtocol.serve({
      init: function () {
        return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
          engine = e;
          var check = engine.selfCheck();
          return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
        });
      },
      setup: function (msg) {
        if (model) model.free();
        model = null;
        model = new Model(engine, String(msg.task), msg.seed | 0);
        return { step: 0, accuracy: model.accuracy(), example: model.example(msg.example | 0), steps: model.task.steps, target: model.task.target };
      },
      train: function (msg) {
        if (!model) throw new Error('no model yet');
        var r = model.train(Math.max(1, Math.min(200, msg.steps | 0)));
        return { step: r.step, loss: r.loss, accuracy: model.accuracy(), example: model.example(msg.example | 0) };
      },
      example: function (msg) {
        if (!model) throw new Error('no model yet');
        return { example: model.example(msg.example | 0) };
      },
    }, function () { return !!engine; });
  }

  return { TASKS: TASKS, ED: ED, Model: Model, HELD_OUT: HELD_OUT, serve: serve };
});
