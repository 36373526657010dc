// worker.js - the translation widget's worker part: [engine glue] +
// js/engine.js + shared/worker-protocol.js + this file (scripts/build-web.mjs).
// Two networks of the engine trained live on the same Portuguese <-> English
// phrase pairs (src/data/phrases.c):
//   the encoder-decoder (EncDec: separate encoder and decoder weights; the
//   encoder's final state c is "a frase memorizada"; greedy decoding word by word),
//   an aligned network (SeqNet: output word t at input word t, one-to-one),
//   which cannot reorder ("o gato pequeno" -> "the small cat") and has to
//   keep its outputs in step with its inputs when the lengths differ.
// Also a CommonJS module (tests/node/translation.test.mjs trains the same Pair).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function (factory) {
  var api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else api.serve();
})(function () {
  var HELD_OUT = 256, HELD_SEED = 424242, BATCH = 32;
  var ED = { hidden: 128, lr: 3e-3, reverse: true, context: 'every' };    // the encoder-decoder
  var ALIGNED = { hidden: 64, lr: 3e-3 };                                 // the aligned network

  function fill(q, T, pad) { var a = []; for (var t = 0; t < T; t++) a.push(t < q.length ? q[t] : pad); return a; }
  function argmax(p) { var k = 0; for (var i = 1; i < p.length; i++) if (p[i] > p[k]) k = i; return k; }

  // dir 'pt-en' or 'en-pt': which side is the input.
  function Pair(eng, seed, dir) {
    var L = eng.archLimits();
    this.eng = eng; this.seed = seed; this.dir = dir === 'en-pt' ? 'en-pt' : 'pt-en'; this.step = 0;
    this.T = L.phraseMaxWords; this.eos = L.eos; this.vocab = eng.phraseVocab();
    this.ed = eng.createEncDec({ vocab: L.phraseVocab, hidden: ED.hidden, batch: HELD_OUT, maxIn: this.T, maxOut: this.T,
      go: L.go, end: L.eos, reverse: ED.reverse, context: ED.context, lr: ED.lr, seed: seed });
    this.aligned = eng.createSeqNet({ input: L.phraseVocab, inputKind: 'onehot', hidden: ALIGNED.hidden, output: L.phraseVocab,
      activation: 'tanh', head: 'softmax-xent', batch: HELD_OUT, steps: this.T, optim: 'adam', lr: ALIGNED.lr, seed: seed });
    var held = this.pairs(HELD_SEED, HELD_OUT, 'heldout');
    this.held = {
      all: held,
      same: held.filter(function (p) { return !p.lengthsDiffer && !p.orderDiffers; }),
      order: held.filter(function (p) { return !p.lengthsDiffer && p.orderDiffers; }),
      lengths: held.filter(function (p) { return p.lengthsDiffer; }),
    };
  }
  // Pairs as {src, tgt, lengthsDiffer, orderDiffers, srcText, tgtText} for this direction.
  Pair.prototype.pairs = function (seed, n, split) {
    var en = this.dir === 'en-pt';
    return this.eng.phraseGenerate({ count: n, split: split, seed: seed }).map(function (p) {
      return { src: en ? p.en : p.pt, tgt: en ? p.pt : p.en, lengthsDiffer: p.lengthsDiffer, orderDiffers: p.orderDiffers,
        srcText: en ? p.enText : p.ptText, tgtText: en ? p.ptText : p.enText };
    });
  };
  // The aligned network's batch: input word t -> output word t; steps past the
  // input get no input (-1); steps past the target are not scored.
  Pair.prototype.alignedBatch = function (ps) {
    var T = this.T;
    return {
      tokens: ps.map(function (p) { return fill(p.src, T, -1); }),
      cls: ps.map(function (p) { return fill(p.tgt, T, 0); }),
      mask: ps.map(function (p) { var m = []; for (var t = 0; t < T; t++) m.push(t < p.tgt.length ? 1 : 0); return m; }),
    };
  };
  Pair.prototype.train = function (steps) {
    var r = null, a = null;
    for (var i = 0; i < steps; i++) {
      this.step++;
      var ps = this.pairs(this.seed * 100003 + this.step, BATCH, 'train');
      r = this.ed.train(ps.map(function (p) { return p.src; }), ps.map(function (p) { return p.tgt; }), 1);
      a = this.aligned.train(this.alignedBatch(ps), 1);
    }
    return { step: this.step, edLoss: r ? r.loss : NaN, alignedLoss: a ? a.loss : NaN };
  };
  // Exact match (the whole sentence, "." included) on held-out pairs: the
  // encoder-decoder on all of them; the aligned network on all, and on the
  // pairs with the same length and order, with the order changed, with different lengths.
  Pair.prototype.evaluate = function () {
    var self = this, h = this.held;
    var ed = this.ed.evaluate(h.all.map(function (p) { return p.src; }), h.all.map(function (p) { return p.tgt; }));
    function al(ps) { return ps.length ? self.aligned.evaluate(self.alignedBatch(ps)).seqAccuracy : NaN; }
    return { step: this.step, ed: ed.exact, edTokens: ed.tokenAccuracy, aligned: al(h.all), alignedSame: al(h.same),
      alignedOrder: al(h.order), alignedLengths: al(h.lengths),
      counts: { all: h.all.length, same: h.same.length, order: h.order.length, lengths: h.lengths.length } };
  };
  // A typed phrase: its words (unknown ones named), the encoder-decoder's
  // translation word by word with the probability of each word, the
  // encoder's final state, and the aligned network's output.
  Pair.prototype.translate = function (text) {
    var self = this, words = this.eng.phraseTokenize(text);
    var unknown = words.filter(function (w) { return !w.known; }).map(function (w) { return w.word; });
    var out = { words: words.map(function (w) { return w.word; }), unknown: unknown, tooLong: words.length + 1 > this.T };
    if (unknown.length || !words.length || out.tooLong) return out;
    var ids = words.map(function (w) { return w.id; }).concat([this.eos]);
    var d = this.ed.decode([ids])[0];
    out.translation = d.tokens.map(function (k) { return self.vocab[k]; });
    out.probs = d.probs;
    out.summary = Array.from(d.summary);
    var y = this.aligned.run(fill(ids, this.T, -1)).y, al = [];
    for (var t = 0; t < this.T; t++) {
      var k = argmax(y[t]);
      al.push(this.vocab[k]);
      if (k === this.eos) break;
    }
    out.aligned = al;
    return out;
  };
  Pair.prototype.free = function () { this.ed.free(); this.aligned.free(); };

  function serve() {
    var engine = null, pair = null;
    function need() { if (!pair) throw new Error('no model yet'); }
    RnnWorkerProtocol.serve({
      init: function () {
        return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
          engine = e;
          var check = engine.selfCheck();
          return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
        });
      },
      setup: function (msg) {
        if (pair) pair.free();
        pair = null;
        pair = new Pair(engine, msg.seed | 0, msg.dir);
        return { eval: pair.evaluate(), translation: pair.translate(String(msg.text)), examples: pair.held.all.slice(0, 3) };
      },
      train: function (msg) {
        need();
        pair.train(Math.max(1, Math.min(200, msg.steps | 0)));
        return { eval: pair.evaluate(), translation: pair.translate(String(msg.text)) };
      },
      translate: function (msg) { need(); return { translation: pair.translate(String(msg.text)) }; },
    }, function () { return !!engine; });
  }

  return { Pair: Pair, ED: ED, ALIGNED: ALIGNED, BATCH: BATCH, HELD_OUT: HELD_OUT, serve: serve };
});
