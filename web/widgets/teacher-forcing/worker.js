// worker.js - the teacher-forcing widget's worker part: [engine glue] +
// js/engine.js + shared/worker-protocol.js + this file (scripts/build-web.mjs).
// It owns a char LM trained on generated sentences and the chosen text, and answers, for that text and
// a let-go step, the per-step loss under teacher forcing and under free
// running (CharLM.feed, src/models/charlm_feed.c).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var CORPUS_BYTES = 3000;      // the engine's generated Portuguese sentences (rnn_corpus 'sentences')
  var EVERY = 4;                // the chosen text is one line in every EVERY + 1
  var engine = null;
  var model = null;

  function requireModel() { if (!model) throw new Error('no model yet'); }

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // A fresh language model: the engine's generated sentences with the chosen
    // text as every fifth line, so that it knows the text well but also other
    // continuations (a model trained on the text alone would recite it and
    // never drift).
    setup: function (msg) {
      if (model) model.free();
      model = null;
      var lines = engine.corpus('sentences', CORPUS_BYTES, msg.seed).split('\n'), out = [];
      lines.forEach(function (l, i) { out.push(l); if (i % EVERY === 0) out.push(String(msg.text)); });
      model = engine.createCharLM(out.join('\n'), {
        hidden: msg.hidden, seq: 16, batch: 8, lr: 0.01, seed: msg.seed, valFraction: 0,
      });
      return { step: 0 };
    },
    train: function (msg) {
      requireModel();
      var r = model.train(Math.max(1, Math.min(100, msg.steps | 0)));
      return { step: r.step, bits: r.bpc, ok: r.ok };
    },
    feed: function (msg) {
      requireModel();
      var r = model.feed(String(msg.text), { letGo: msg.letGo | 0, greedy: !!msg.greedy, temperature: 1, seed: msg.seed | 0 });
      r.step = model.info.step;
      return r;
    },
  }, function () { return !!engine; });
})();
