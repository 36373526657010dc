// worker.js - the training worker. Runs inside a Web Worker whose source is
// [engine glue (RnnWasmSimd or RnnWasmScalar)] + js/engine.js + this file,
// assembled by scripts/build-web.mjs and started from a Blob URL by the page.
// It owns the engine and the model; the page only sends commands and draws.
//
// Protocol (like sql.js's worker): requests {id, type, ...} get exactly one
// reply {id, ...} or {id, error}; progress comes as events {event, ...}.
// The training loop runs in chunks of ~CHUNK_MS so that pause, step and
// settings messages are answered within one chunk.
/* global RnnEngine */
'use strict';
(function () {
  var CHUNK_MS = 20;          // target duration of one training chunk
  var REPORT_MS = 100;        // progress events at most this often
  var SNAPSHOT_MS = 500;      // last good weights refreshed this often
  var MAX_CHUNK_STEPS = 2000;
  var CORPUS_BYTES = { sentences: 60000 }; // size of each generated corpus (12,000 by default)

  var engine = null;
  var model = null;
  var corpus = null;          // text the model trains on (null: sampling only)
  var running = false;
  var chunkSteps = 1;
  var snapshot = null;        // {bytes, step}: last weights known to be finite
  var sampleSeed = 1;
  var settings = {
    temperature: 0.8, length: 300, prime: '', greedy: false,
    sampleEveryMs: 1500, valEveryMs: 2000,
  };
  var acc = null;             // progress accumulated since the last report
  var timers = { report: 0, sample: 0, val: 0, snapshot: 0 };
  var trainMs = 0;            // time spent inside train() since the last report
  var valMsLast = 0;          // duration of the last validate() (to space them out)

  var now = function () { return performance.now(); };
  var post = function (msg, transfer) { self.postMessage(msg, transfer || []); };
  var emit = function (event, data) { data.event = event; post(data); };

  // A zero-delay scheduler: setTimeout(0) is clamped to 4 ms when nested.
  // Each start of training is a new generation, so a tick still queued from
  // before a pause cannot start a second loop beside the new one.
  var generation = 0;
  var channel = new MessageChannel();
  channel.port1.onmessage = function (ev) { if (ev.data === generation) tick(); };
  var schedule = function () { channel.port2.postMessage(generation); };

  // 65 distinct symbols, uniform (the same text as `rnn bench`)
  function benchText(n) {
    var x = 12345, out = [];
    for (var i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; out.push(String.fromCharCode(33 + (x >>> 8) % 65)); }
    return out.join('');
  }

  function resetAcc() { acc = { steps: 0, lossSum: 0, chars: 0, clipped: 0, gradNorm: NaN }; trainMs = 0; }

  function requireModel() { if (!model) throw new Error('no model: set up or load one first'); }
  function requireCorpus() {
    requireModel();
    if (!corpus) throw new Error('this model was loaded without its text: it can sample but not train');
  }

  function infoOf(m) {
    var i = m.info;
    return {
      vocab: i.vocab, V: i.V, H: i.H, B: i.B, T: i.T, step: i.step,
      trainChars: i.trainChars, valChars: i.valChars,
      uniformBits: i.uniformBits, unigramBits: i.unigramBits,
      config: i.config, canTrain: !!i.hasText,
    };
  }

  function takeSnapshot() {
    snapshot = { bytes: model.save(), step: model.info.step };
    timers.snapshot = now();
  }

  function replaceModel(m, text) {
    running = false;
    if (model) model.free();
    model = m;
    corpus = text || null;
    chunkSteps = 1;
    resetAcc();
    var t = now();
    // val -Infinity: the first training chunk also validates, so the
    // validation curve starts where the training curve does
    timers = { report: t, sample: t, val: -Infinity, snapshot: t };
    takeSnapshot();
    return infoOf(model);
  }

  function trainSteps(n) {
    var t0 = now();
    var r = model.train(n);
    trainMs += now() - t0;
    return r;
  }

  function absorb(r, n) {
    acc.steps += n;
    acc.lossSum += r.loss * n;
    acc.chars += r.chars;
    acc.clipped += r.clipped;
    acc.gradNorm = r.gradNorm;
  }

  function report(force) {
    var t = now();
    if (!force && t - timers.report < REPORT_MS) return;
    if (acc.steps > 0) {
      var loss = acc.lossSum / acc.steps;
      emit('progress', {
        step: model.info.step, loss: loss, bpc: loss / Math.LN2,
        gradNorm: acc.gradNorm, clipped: acc.clipped, steps: acc.steps,
        charsPerSec: trainMs > 0 ? acc.chars / (trainMs / 1000) : 0,
        running: running,
        wasmBytes: engine.mod.HEAPU8.length, // the module's memory, for scripts/soak.mjs
      });
    }
    resetAcc();
    timers.report = t;
  }

  function doSample(opts) {
    var o = {
      length: settings.length, temperature: settings.temperature, prime: settings.prime,
      greedy: settings.greedy, seed: sampleSeed++, topk: 5,
    };
    if (opts) for (var k in opts) if (Object.prototype.hasOwnProperty.call(opts, k)) o[k] = opts[k];
    var s = model.sample(o);
    return { text: s.text, top: s.top, prime: o.prime, step: model.info.step,
      temperature: o.temperature, greedy: o.greedy };
  }

  function doValidate() {
    var t0 = now();
    var bpc = model.validate();
    valMsLast = now() - t0;
    timers.val = now();
    return { step: model.info.step, bpc: bpc };
  }

  // Periodic work between chunks: samples, validation and snapshots.
  function periodic() {
    var t = now();
    if (t - timers.sample >= settings.sampleEveryMs) { emit('sample', doSample()); timers.sample = now(); }
    // keep validation under ~10% of the time even on a big held-out split
    if (model.info.valChars > 0 && t - timers.val >= Math.max(settings.valEveryMs, valMsLast * 10)) {
      emit('val', doValidate());
    }
    if (t - timers.snapshot >= SNAPSHOT_MS) takeSnapshot();
  }

  // NaN/Inf: go back to the last good weights, then replay one step at a
  // time from there to name the exact step that blew up, and restore again.
  function rollBack(failedChunkEnd) {
    running = false;
    var good = snapshot;
    var restore = function () {
      var m = engine.loadCharLM(good.bytes, corpus);
      model.free();
      model = m;
    };
    restore();
    var bad = -1;
    var limit = Math.max(1, failedChunkEnd - good.step);
    for (var i = 0; i < limit && i < 5000; i++) {
      var r = model.train(1);
      if (!r.ok) { bad = good.step + i + 1; break; }
    }
    restore();
    chunkSteps = 1;
    resetAcc();
    emit('diverged', {
      step: bad > 0 ? bad : failedChunkEnd, exact: bad > 0,
      restoredStep: good.step, lr: model.info.config.lr, clip: model.info.config.clip,
    });
  }

  function tick() {
    if (!running || !model) return;
    var t0 = now();
    var startStep = model.info.step;
    var n = chunkSteps;
    var r = trainSteps(n);
    var dt = now() - t0;
    if (!r.ok) { rollBack(Math.max(r.step, startStep + n)); report(true); return; }
    absorb(r, n);
    if (dt < CHUNK_MS / 2 && chunkSteps < MAX_CHUNK_STEPS) chunkSteps = Math.min(MAX_CHUNK_STEPS, chunkSteps * 2);
    else if (dt > CHUNK_MS && chunkSteps > 1) chunkSteps = Math.max(1, Math.floor(chunkSteps / 2));
    report(false);
    periodic();
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
    setup: function (msg) {
      var m = engine.createCharLM(msg.text, msg.config);
      sampleSeed = (msg.config && msg.config.seed) || 1;
      return { info: replaceModel(m, msg.text) };
    },
    load: function (msg) {
      var bytes = new Uint8Array(msg.bytes);
      var m = msg.text ? engine.loadCharLM(bytes, msg.text) : engine.loadCharLM(bytes);
      return { info: replaceModel(m, msg.text) };
    },
    importPytorch: function (msg) {
      var m = engine.importPytorch(msg.json);
      return { info: replaceModel(m, null) };
    },
    train: function () {
      requireCorpus();
      // the first chunk (one step) is reported at once: the page shows life immediately
      if (!running) { running = true; generation++; chunkSteps = 1; resetAcc(); timers.report = -Infinity; schedule(); }
      return { running: true };
    },
    pause: function () {
      var was = running;
      running = false;
      if (model && was) report(true);
      return { running: false, step: model ? model.info.step : 0 };
    },
    step: function (msg) {
      requireCorpus();
      running = false;
      var n = Math.max(1, Math.min(1000, msg.n | 0 || 1));
      resetAcc();
      var start = model.info.step;
      var r = trainSteps(n);
      if (!r.ok) { rollBack(Math.max(r.step, start + n)); return { diverged: true, step: model.info.step }; }
      absorb(r, n);
      report(true);
      takeSnapshot();
      return { step: model.info.step, loss: r.loss, bpc: r.loss / Math.LN2 };
    },
    settings: function (msg) {
      var s = msg.settings || {};
      for (var k in settings) if (Object.prototype.hasOwnProperty.call(s, k)) settings[k] = s[k];
      // a new temperature or prime shows at once, not at the next periodic sample
      if (model && msg.resample) { emit('sample', doSample()); timers.sample = now(); }
      return { settings: settings };
    },
    sample: function (msg) { requireModel(); timers.sample = now(); return doSample(msg.options); },
    save: function () {
      requireModel();
      var bytes = model.save();
      var copy = new Uint8Array(bytes);  // own buffer, so it can be transferred
      return { bytes: copy.buffer, step: model.info.step, __transfer: [copy.buffer] };
    },
    exportPytorch: function () { requireModel(); return { json: model.exportPytorch(), step: model.info.step }; },
    // Built-in corpora the engine generates: its own (engine.contract.enums.corpus:
    // 'sentences', a small Portuguese grammar, the default; 'counting', numbers
    // in Portuguese words; 'alphabet'; 'arithmetic'), and 'programs'
    // (learning-to-execute programs, each followed by what it prints as a
    // comment). A fixed seed: the same text for every link.
    corpus: function (msg) {
      if (msg.kind === 'programs') {
        var list = engine.l2eGenerate({ task: 'program', length: 2, nesting: 1, count: 300, seed: 1 });
        return { text: list.map(function (x) {
          return engine.l2ePretty(x.input) + '\n# ' + x.target.replace(/\.$/, '') + '\n';
        }).join('\n') };
      }
      if (engine.contract.enums.corpus.indexOf(msg.kind) < 0) throw new Error('unknown corpus ' + msg.kind);
      return { text: engine.corpus(msg.kind, CORPUS_BYTES[msg.kind] || 12000, 1) };
    },
    // Throughput of the engine's fixed benchmark workload (scripts/bench-web.mjs
    // compares it with the same module in Node; scripts/cli/bench.mjs has the twin).
    bench: function (msg) {
      var w = msg.workload;
      var text = benchText(w.batch * (w.seq + 1) * (w.steps + 3) + 1000);
      var m = engine.createCharLM(text, { hidden: w.hidden, batch: w.batch, seq: w.seq, valFraction: 0 });
      try {
        m.train(1); // warm-up
        var t0 = now();
        var r = m.train(w.steps);
        return { charsPerSec: r.chars / ((now() - t0) / 1000) };
      } finally { m.free(); }
    },
  };

  RnnWorkerProtocol.serve(handlers, function () { return !!engine; });
})();
