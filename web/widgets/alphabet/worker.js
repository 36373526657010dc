// worker.js - the alphabet widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). It owns a
// char LM trained on the alphabet recited forwards and answers, for a
// recital, the probability of each right next letter (CharLM.nextProbs).
// Two ways to learn it (setting `starts`):
//   'A':   the alphabet recited from A, line after line (4 streams, the state
//          carried from line to line; a zero state only ever at an A);
//   'any': 26 recitals, one starting at each letter, each from a zero state,
//          every step (batch 26 = one stream per starting letter; a stream of
//          exactly seq + 1 characters restarts from a zero state every step).
// nextProbs reads from a zero state, so "from Q" is a cold start at Q: one
// the 'A' network never had there, and the 'any' network had every step.
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
    // A fresh model: the alphabet forwards only, from A or from every letter.
    setup: function (msg) {
      if (model) model.free();
      model = null;
      if (msg.starts === 'any') {
        var cyc = LINE.repeat(3), text = '';
        for (var k = 0; k < 26; k++) text += cyc.slice(k, k + LINE.length + 1);
        model = engine.createCharLM(text, {
          hidden: msg.hidden, seq: LINE.length, batch: 26, lr: 0.01, seed: msg.seed, valFraction: 0,
        });
      } else {
        model = engine.createCharLM(LINE.repeat(60), {
          hidden: msg.hidden, seq: LINE.length, batch: 4, lr: 0.01, seed: msg.seed, valFraction: 0,
        });
      }
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
