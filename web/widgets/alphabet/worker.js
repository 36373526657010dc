// worker.js - the alphabet widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). It owns a
// char LM trained on the alphabet recited forwards and answers, for a
// recital, the probability of each right next letter (CharLM.nextProbs).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var LINE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ\n';
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
    // A fresh model: one line per recital of the alphabet, forwards only.
    setup: function (msg) {
      if (model) model.free();
      model = null;
      model = engine.createCharLM(LINE.repeat(60), {
        hidden: msg.hidden, seq: LINE.length, batch: 4, lr: 0.01, seed: msg.seed, valFraction: 0,
      });
      return { step: 0 };
    },
    train: function (msg) {
      requireModel();
      var r = model.train(Math.max(1, Math.min(100, msg.steps | 0)));
      return { step: r.step, bits: r.bpc, ok: r.ok };
    },
    // text: the recital; prob[i] = P(text[i+1] | text[0..i]); mean: their mean.
    recite: function (msg) {
      requireModel();
      var r = model.nextProbs(String(msg.text));
      return { prob: r.prob, top: r.top, mean: r.mean, step: model.info.step };
    },
  }, function () { return !!engine; });
})();
