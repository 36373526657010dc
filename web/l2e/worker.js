// l2e-worker.js - one runner of the learning-to-execute race (web/l2e.html
// starts four, one per curriculum). Runs inside a Web Worker whose source is
// [engine glue] + js/engine.js + web/worker-protocol.js + this file, assembled by
// scripts/build-web.mjs (gen/l2e-worker-sources.js) and started from a Blob URL.
// It owns the engine and one encoder-decoder; the page only draws summaries.
//
// Protocol (as web/worker.js): requests {id, type, ...} get exactly one reply
// {id, ...} or {id, error}; events {event, run, ...} come between replies
// (`run` is the number the page gave to `setup`, so it can drop the events of
// a race it has reset). Training runs in chunks of ~CHUNK_MS and stops by
// itself at the step budget, so pause is answered within one chunk.
//
//   init                      -> {kind, selfCheck: {ok, maxDiff}}
//   samples {task, length, nesting, count, seed, scramble}
//                             -> {samples: [{input, target, pretty}], baseline: {charAcc, exact}}
//   setup {run, config, budget, rows, evalEvery}
//                             -> {info, rows: [{input, target, pretty}], eval}
//   train / pause             -> {running} / {running: false, step}
//   try {program}             -> {input, prediction, target, targetError, badChars, tooLong, maxIn}
//                                (a typed program: its serialised form, this model's
//                                greedy answer, and what the engine's interpreter prints)
//
//   progress {step, samples, loss, trainChar, level: {length, nesting}, stepsPerSec}
//   eval {step, charAcc, exact, loss, predictions: [string]}   every `evalEvery` steps
//   done {step}               the budget is spent
//   diverged {step}           a NaN/Inf appeared; training stopped
/* global RnnEngine */
'use strict';
(function () {
  var CHUNK_MS = 25;          // target duration of one training chunk
  var REPORT_MS = 200;        // progress events at most this often
  var MAX_CHUNK_STEPS = 500;
  var EVAL_SHARE = 0.15;      // evaluation may take this share of the time; else it is spaced out
  var MAX_EVAL_EVERY = 2000;
  var BASELINE_TRAIN = 2000;  // training targets the format guess learns from
  var BASELINE_TEST = 256;

  var engine = null;
  var model = null;
  var run = 0;                // the page's number for the current model
  var rows = 0;               // examples shown in the page's table
  var budget = 0;             // steps to train in all
  var running = false;
  var chunkSteps = 1;
  var evalEvery = 25;         // steps between evaluations (doubles when evaluation is too costly)
  var nextEval = 0;
  var since = { trainMs: 0, steps: 0, lastReport: 0 }; // since the last progress event
  var evalTrainMs = 0;        // training time since the last evaluation
  var evalPending = false;    // the last chunk reached an evaluation point

  var now = function () { return performance.now(); };
  var post = function (msg) { self.postMessage(msg); };
  var emit = function (event, data) { data.event = event; data.run = run; post(data); };

  // A zero-delay scheduler (setTimeout(0) is clamped to 4 ms when nested);
  // a tick queued before a pause cannot start a second loop (generation).
  var generation = 0;
  var channel = new MessageChannel();
  channel.port1.onmessage = function (ev) { if (ev.data === generation) tick(); };
  var schedule = function () { channel.port2.postMessage(generation); };

  function requireModel() { if (!model) throw new Error('no model: send setup first'); }

  // One statement per line, without the final '@' (a scrambled input keeps
  // its lines: '#' is not substituted, so it is cut there, as on the slide).
  function pretty(input, scrambled) {
    if (scrambled) return input.replace(/@$/, '').split('#').filter(Boolean).join('\n');
    try { return engine.l2ePretty(input); } catch (e) { return input; }
  }

  function evaluate() {
    var t0 = now();
    var e = model.evaluate('val');
    var preds = rows > 0 ? model.examples(rows, 'val').map(function (x) { return x.prediction; }) : [];
    var ms = now() - t0;
    return { step: model.status().step, charAcc: e.charAcc, exact: e.exact, loss: e.loss, predictions: preds, ms: ms };
  }

  function report(force) {
    var t = now();
    if (!force && t - since.lastReport < REPORT_MS) return;
    var s = model.status();
    emit('progress', {
      step: s.step, samples: s.samples, loss: s.loss, trainChar: s.trainChar, level: s.level,
      stepsPerSec: since.trainMs > 0 ? since.steps / (since.trainMs / 1000) : 0, running: running,
    });
    since = { trainMs: 0, steps: 0, lastReport: t };
  }

  function evalNow() {
    var r = evaluate();
    // keep evaluation a small share of the time: space it out when it is not
    if (r.ms > EVAL_SHARE * evalTrainMs && evalEvery < MAX_EVAL_EVERY) evalEvery *= 2;
    evalTrainMs = 0;
    nextEval = (Math.floor(r.step / evalEvery) + 1) * evalEvery;
    emit('eval', r);
  }

  // One task: either a training chunk or (when a chunk reached an evaluation
  // point) one evaluation, so a pause queued in between is answered first.
  function tick() {
    if (!running || !model) return;
    if (evalPending) { evalPending = false; evalNow(); schedule(); return; }
    var step = model.status().step;
    var n = Math.max(1, Math.min(chunkSteps, nextEval - step, budget - step));
    var t0 = now();
    var r = model.train(n);
    var dt = now() - t0;
    since.trainMs += dt; since.steps += n; evalTrainMs += dt;
    if (!r.ok) {
      running = false;
      report(true);
      emit('diverged', { step: r.step });
      return;
    }
    if (dt < CHUNK_MS / 2 && chunkSteps < MAX_CHUNK_STEPS) chunkSteps = Math.min(MAX_CHUNK_STEPS, chunkSteps * 2);
    else if (dt > CHUNK_MS && chunkSteps > 1) chunkSteps = Math.max(1, Math.floor(chunkSteps / 2));
    if (r.step >= budget) {
      running = false;
      report(true);
      evalNow();
      emit('done', { step: r.step });
      return;
    }
    report(false);
    if (r.step >= nextEval) evalPending = true;
    schedule();
  }

  var handlers = {
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // Sample inputs with their targets (pretty-printed programs), and the
    // format guess: what a model that ignores its input reaches.
    samples: function (msg) {
      var o = { task: msg.task, length: msg.length, nesting: msg.nesting, seed: msg.seed, scramble: !!msg.scramble };
      var list = engine.l2eGenerate(Object.assign({}, o, { count: msg.count, split: 'val' }));
      var train = engine.l2eGenerate(Object.assign({}, o, { count: BASELINE_TRAIN, split: 'train', scramble: false, seed: o.seed + 1 }));
      var test = engine.l2eGenerate(Object.assign({}, o, { count: BASELINE_TEST, split: 'val', scramble: false, seed: o.seed + 2 }));
      return {
        samples: list.map(function (x) {
          return { input: x.input, target: x.target, pretty: pretty(x.input, o.scramble) };
        }),
        baseline: RnnL2EBaseline.formatBaseline(train, test),
      };
    },
    // A new model (the old one is freed first); its fixed validation rows and
    // the metrics of the untrained model, so the curves start at step 0.
    setup: function (msg) {
      running = false;
      generation++;
      if (model) { model.free(); model = null; }
      var c = msg.config;
      model = engine.createL2E(c);
      run = msg.run | 0;
      rows = Math.max(0, Math.min(msg.rows | 0, c.evalSamples));
      budget = Math.max(1, msg.budget | 0);
      evalEvery = Math.max(1, msg.evalEvery | 0);
      nextEval = evalEvery;
      chunkSteps = 1;
      evalTrainMs = 0;
      evalPending = false;
      since = { trainMs: 0, steps: 0, lastReport: -Infinity };
      var info = model.info;
      var shown = rows > 0 ? model.examples(rows, 'val').map(function (x) {
        return { input: x.input, target: x.target, pretty: pretty(x.input, c.scramble) };
      }) : [];
      var ev = evaluate();
      return { info: { params: info.params, hidden: info.hidden, batch: info.batch, maxIn: info.maxIn, maxOut: info.maxOut },
        rows: shown, eval: ev };
    },
    // A program the professor typed (one statement per line, as on the slide).
    // The checks are reported as codes; the page words them in both languages.
    try: function (msg) {
      requireModel();
      var input = engine.l2eSerialize(String(msg.program || ''));
      var vocab = engine.l2eVocab(), maxIn = model.info.maxIn;
      var bad = Array.from(new Set(Array.from(input).filter(function (c) { return vocab.indexOf(c) < 0; })));
      var r = { input: input, prediction: null, target: null, targetError: null, badChars: bad,
        tooLong: input.length > maxIn, maxIn: maxIn };
      try { r.target = engine.l2eExecute(input); } catch (e) { r.targetError = e.message; }
      if (!bad.length && !r.tooLong && input.length > 1) r.prediction = model.predict(input);
      return r;
    },
    train: function () {
      requireModel();
      if (model.status().step >= budget) return { running: false, done: true };
      if (!running) { running = true; generation++; chunkSteps = 1; since.lastReport = -Infinity; schedule(); }
      return { running: true };
    },
    pause: function () {
      var was = running;
      running = false;
      generation++;
      if (model && was) report(true);
      return { running: false, step: model ? model.status().step : 0 };
    },
  };

  RnnWorkerProtocol.serve(handlers, function () { return !!engine; });
})();
