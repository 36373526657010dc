// worker.js - the training worker. Runs inside a Web Worker whose source is
// [engine glue (RnnWasmSimd or RnnWasmScalar)] + js/engine.js + ... + this file,
// assembled by scripts/build-web.mjs and started from a Blob URL by the page.
// With N > 1 cores the model here is the leader of a data-parallel team
// (worker-team.js): N-1 more workers from the same Blob (replica.js) each
// compute the gradient of their share of the batch; N = 1 is lm.train.
// It owns the engine and the model; the page only sends commands and draws.
//
// Protocol (like sql.js's worker): requests {id, type, ...} get exactly one
// reply {id, ...} or {id, error}; progress comes as events {event, ...}.
// The training loop runs in chunks of ~CHUNK_MS so that pause, step and
// settings messages are answered within one chunk.
/* global RnnEngine, RnnLossWatch, RnnWorkerTeam, RnnWorkerProtocol */
'use strict';
(function () {
  var CHUNK_MS = 20;          // target duration of one training chunk
  var REPORT_MS = 100;        // progress events at most this often
  var SNAPSHOT_MS = 500;      // last good weights refreshed this often
  var VIEWS_MS = 3000;        // BPTT views (rho(W), ||dL/dh_t|| per step) at most this often
  var viewsAt = -Infinity;
  var MAX_CHUNK_STEPS = 2000;
  // Validation: the first VAL_CHARS characters of the held-out split, scored
  // every VAL_EVERY_MS of training, or VAL_SHARE times its own duration if that
  // is longer (so it never takes more than 1/VAL_SHARE = 5% of the time).
  var VAL_CHARS = 8000, VAL_EVERY_MS = 1500, VAL_SHARE = 20;
  var HISTORY_MAX = 8000;     // raw training points kept for re-smoothing
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
    sampleEveryMs: 1500, valEveryMs: VAL_EVERY_MS, smoothing: RnnLossWatch.HALF_LIFE,
  };
  var watch = new RnnLossWatch.LossWatch();
  var history = [];           // [[step, bpc], ...] of every progress report
  var split = null;           // {train, val}: the model's training text and validation slice
  var ngrams = {};            // order -> {order, bpc, chars}, on split
  var nextMilestone = 10;     // samples kept for the timeline at 10, 100, 1000, ...
  var lossGood = true;        // the watch's verdict on the last chunk (snapshots only then)
  var acc = null;             // progress accumulated since the last report
  var timers = { report: 0, sample: 0, val: 0, snapshot: 0 };
  var trainMs = 0;            // time spent inside train() since the last report
  var valMsLast = 0;          // duration of the last validate() (to space them out)
  var crew = new RnnWorkerTeam.Crew(); // the replicas the page started (none: one worker)
  // Requests and training chunks take turns (a data-parallel step awaits the
  // replicas: nothing else may touch the model meanwhile).
  var turn = Promise.resolve();
  function exclusive(fn) {
    var p = turn.then(fn);
    turn = p.catch(function () {});
    return p;
  }

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
      workers: i.workers, effectiveBatch: i.workers * i.B, // the data-parallel run's batch
    };
  }

  // snapshot: the newest good weights (a NaN/Inf rolls back there); goodSnaps:
  // the last few, so that a loss jump can go back to weights from before the
  // gradient that started it (the smoothed loss notices it a half-life late).
  var goodSnaps = [], jumpTarget = null;
  function takeSnapshot() {
    timers.snapshot = now();
    return crew.save(model).then(function (bytes) {
      snapshot = { bytes: bytes, step: model.info.step };
      goodSnaps.push(snapshot);
      if (goodSnaps.length > 4) goodSnaps.shift();
    });
  }

  function snapBefore(step) {
    for (var i = goodSnaps.length - 1; i >= 0; i--) if (goodSnaps[i].step < step) return goodSnaps[i];
    return goodSnaps[0] || snapshot;
  }

  // The training text and the validation slice, cut where the engine split
  // the text (its trainChars / valChars, in code points).
  function splitOf(m, text) {
    if (!text) return null;
    var i = m.info, cps = Array.from(text);
    var val = cps.slice(i.trainChars, i.trainChars + Math.min(i.valChars, VAL_CHARS)).join('');
    return { train: cps.slice(0, i.trainChars).join(''), val: val.length >= 2 ? val : '' };
  }

  function firstMilestone(step) { var m = 10; while (m <= step) m *= 10; return m; }

  function replaceModel(m, text) {
    running = false;
    if (model) model.free();
    model = m;
    corpus = text || null;
    chunkSteps = 1;
    resetAcc();
    watch.reset(model.info.step);
    lossGood = true;
    goodSnaps = [];
    jumpTarget = null;
    history = [];
    split = splitOf(model, corpus);
    ngrams = {};
    nextMilestone = firstMilestone(model.info.step);
    var t = now();
    // val -Infinity: the first training chunk also validates, so the
    // validation curve starts where the training curve does
    timers = { report: t, sample: t, val: -Infinity, snapshot: t };
  }

  // A new leader model: the team restarts from it, then the first snapshot.
  // Resolves {info, team} (team: see Crew.attach; savedWorkers: the file's N).
  function install(m, text, savedWorkers) {
    var saved = savedWorkers || m.info.workers;
    replaceModel(m, text);
    return attachTeam().then(function (t) {
      t.savedWorkers = saved;
      return takeSnapshot().then(function () { return { info: infoOf(model), team: t }; });
    });
  }

  // The replicas take the leader's state (after any change of the weights).
  function attachTeam() {
    return crew.attach(model, corpus).then(function (t) {
      if (t.failed) emit('cores', { workers: 1, failed: t.failed, info: infoOf(model) });
      return t;
    });
  }

  // A replica died or refused: one worker from here on (the page stops the others).
  function dropTeam(reason) {
    crew.drop();
    if (model && corpus) model.setWorkers(1, 0);
    emit('cores', { workers: 1, failed: reason, info: model ? infoOf(model) : null });
  }

  function trainSteps(n) {
    var t0 = now();
    return crew.train(model, n).then(function (r) { trainMs += now() - t0; return r; });
  }

  function absorb(r, n) {
    var w = watch.add(r.step, n, r.loss / Math.LN2, r.gradNorm);
    if (w.jump) {
      jumpTarget = snapBefore(w.jump.gradStep);
      w.jump.goodStep = jumpTarget ? jumpTarget.step : 0;
      emit('jump', w.jump);
    }
    lossGood = w.good;
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
      var step = model.info.step;
      history.push([step, loss / Math.LN2]);
      if (history.length > HISTORY_MAX) history = history.filter(function (p, i) { return i % 2 === 0 || i === history.length - 1; });
      emit('progress', {
        smoothBpc: smoothLast(), watchBpc: watch.smoothed,
        step: model.info.step, loss: loss, bpc: loss / Math.LN2,
        gradNorm: acc.gradNorm, clipped: acc.clipped, steps: acc.steps,
        charsPerSec: trainMs > 0 ? acc.chars / (trainMs / 1000) : 0,
        running: running, bptt: bpttViews(t),
        wasmBytes: engine.mod.HEAPU8.length, // the module's memory, for scripts/soak.mjs
      });
    }
    resetAcc();
    timers.report = t;
  }

  // the last point of the training curve smoothed with the page's setting
  function smoothLast() {
    var h = settings.smoothing;
    if (!(h > 0)) return history.length ? history[history.length - 1][1] : NaN;
    var tail = history.slice(-Math.min(history.length, 400));
    var s = RnnLossWatch.smooth(tail, h);
    return s.length ? s[s.length - 1][1] : NaN;
  }

  function curve() {
    return { points: history.slice(), smooth: RnnLossWatch.smooth(history, settings.smoothing) };
  }

  // The engine's spectral radius of W and ||dL/dh_t|| at every step of a
  // training chunk (one forward + BPTT, no update), every VIEWS_MS; else null.
  function bpttViews(t) {
    if (t - viewsAt < VIEWS_MS) return null;
    viewsAt = t;
    var n = model.stepGradNorms();
    return { rho: model.spectralRadius(), dhNorms: n.dhNorms };
  }

  function doSample(opts) {
    var o = {
      length: settings.length, temperature: settings.temperature, prime: settings.prime,
      greedy: settings.greedy, seed: sampleSeed++, topk: 5,
    };
    if (opts) for (var k in opts) if (Object.prototype.hasOwnProperty.call(opts, k)) o[k] = opts[k];
    var s = model.sample(o);
    return { text: s.text, top: s.top, prime: o.prime, step: model.info.step,
      temperature: o.temperature, greedy: o.greedy,
      bpc: history.length ? history[history.length - 1][1] : NaN }; // the last reported training loss
  }

  function doValidate() {
    var t0 = now();
    var r = model.evaluate(split.val);
    valMsLast = now() - t0;
    timers.val = now();
    return { step: model.info.step, bpc: r.bpc, chars: r.chars, ms: valMsLast };
  }

  // Periodic work between chunks: samples, validation and snapshots.
  function periodic() {
    var t = now();
    var step = model.info.step;
    if (step >= nextMilestone) {
      var s = doSample();
      s.milestone = true;
      emit('sample', s);
      timers.sample = now();
      nextMilestone = firstMilestone(step);
    } else if (t - timers.sample >= settings.sampleEveryMs) { emit('sample', doSample()); timers.sample = now(); }
    if (split && split.val && t - timers.val >= Math.max(settings.valEveryMs, valMsLast * VAL_SHARE)) {
      emit('val', doValidate());
    }
    // the roll-back target: only weights from while the loss was good
    if (t - timers.snapshot >= SNAPSHOT_MS && lossGood) return takeSnapshot();
    return Promise.resolve();
  }

  // NaN/Inf: go back to the last good weights, then replay one step at a
  // time from there to name the exact step that blew up, and restore again.
  // The leader (and the team) back to the snapshot `snap`.
  function restoreTo(snap) {
    var m = engine.loadCharLM(snap.bytes, corpus);
    model.free();
    model = m;
    return attachTeam();
  }

  function rollBack(failedChunkEnd) {
    running = false;
    var good = snapshot;
    var bad = -1, i = 0;
    var limit = Math.max(1, failedChunkEnd - good.step);
    var replay = function () {
      if (i >= limit || i >= 5000) return null;
      return crew.train(model, 1).then(function (r) {
        i++;
        if (!r.ok) { bad = good.step + i; return null; }
        return replay();
      });
    };
    return restoreTo(good).then(replay).then(function () { return restoreTo(good); }).then(function () {
      chunkSteps = 1;
      resetAcc();
      watch.reset(good.step);
      emit('diverged', {
        step: bad > 0 ? bad : failedChunkEnd, exact: bad > 0,
        restoredStep: good.step, lr: model.info.config.lr, clip: model.info.config.clip,
      });
    });
  }

  function tick() {
    if (!running || !model) return;
    exclusive(chunk);
  }

  // One training chunk, then the periodic work; schedules the next.
  function chunk() {
    if (!running || !model) return null;
    var t0 = now();
    var startStep = model.info.step;
    var n = chunkSteps;
    var team = crew.active(model);
    return trainSteps(n).then(function (r) {
      var dt = now() - t0;
      if (!r.ok) return rollBack(Math.max(r.step, startStep + n)).then(function () { report(true); });
      absorb(r, n);
      if (dt < CHUNK_MS / 2 && chunkSteps < MAX_CHUNK_STEPS) chunkSteps = Math.min(MAX_CHUNK_STEPS, chunkSteps * 2);
      else if (dt > CHUNK_MS && chunkSteps > 1) chunkSteps = Math.max(1, Math.floor(chunkSteps / 2));
      report(false);
      return periodic().then(schedule);
    }, function (e) {
      if (!team) throw e;
      dropTeam(e.message);
      resetAcc();
      schedule();
    }).catch(function (e) {
      running = false;
      setTimeout(function () { throw e; }); // as before: an error event of the worker
    });
  }

  var handlers = {
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff } };
      });
    },
    // autoLr: config.lr is the one-worker rate; the model takes the engine's
    // rate for the number of workers the text can feed (eng.workersLr).
    setup: function (msg) {
      var cfg = {}, c = msg.config || {};
      for (var k in c) if (Object.prototype.hasOwnProperty.call(c, k)) cfg[k] = c[k];
      var make = function (workers) {
        if (msg.autoLr) cfg.lr = engine.workersLr(c.lr, workers);
        return engine.createCharLM(msg.text, cfg);
      };
      var want = crew.requested();
      var m = make(want);
      if (msg.autoLr && want > 1) {
        var f = RnnWorkerTeam.fit(m, want);
        if (f.n < want) { m.free(); m = make(f.n); }
      }
      sampleSeed = (msg.config && msg.config.seed) || 1;
      return install(m, msg.text);
    },
    // The file first, then the text: the count it was saved by is read
    // before a text too short for it makes the model the largest count that
    // fits (another text: its streams restart anyway).
    load: function (msg) {
      var m = engine.loadCharLM(new Uint8Array(msg.bytes));
      var saved = m.info.workers;
      if (msg.text) {
        try { m.setText(msg.text); } catch (e) { m.free(); throw e; }
      }
      return install(m, msg.text, saved);
    },
    importPytorch: function (msg) {
      var m = engine.importPytorch(msg.json);
      return install(m, null);
    },
    // The page's replicas: {ports (one per replica), pool}. The run goes on
    // with them (another N: the text streams restart). Reply: Crew.attach's
    // {workers, requested, restarted, short, reason, failed} and the info.
    team: function (msg) {
      crew.adopt(msg.ports, msg.pool);
      if (!model || !corpus) return { team: { workers: crew.requested(), requested: crew.requested() } };
      return attachTeam().then(function (t) {
        return takeSnapshot().then(function () { return { team: t, info: infoOf(model) }; });
      });
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
      var team = crew.active(model);
      return trainSteps(n).then(function (r) {
        if (!r.ok) {
          return rollBack(Math.max(r.step, start + n)).then(function () { return { diverged: true, step: model.info.step }; });
        }
        absorb(r, n);
        report(true);
        return takeSnapshot().then(function () { return { step: model.info.step, loss: r.loss, bpc: r.loss / Math.LN2 }; });
      }, function (e) {
        if (!team) throw e;
        dropTeam(e.message);
        return { step: model.info.step, failed: e.message };
      });
    },
    settings: function (msg) {
      var s = msg.settings || {};
      for (var k in settings) if (Object.prototype.hasOwnProperty.call(s, k)) settings[k] = s[k];
      // a new temperature or prime shows at once, not at the next periodic sample
      if (model && msg.resample) { emit('sample', doSample()); timers.sample = now(); }
      return { settings: settings };
    },
    sample: function (msg) { requireModel(); timers.sample = now(); return doSample(msg.options); },
    // the training curve smoothed anew (after a change of settings.smoothing)
    curve: function () { return curve(); },
    // The Kneser-Ney n-gram reference: counted on the model's training text,
    // scored on its validation slice (the same characters as the val points).
    ngram: function (msg) {
      requireModel();
      if (!split || !split.val || !split.train) return { order: msg.order, bpc: null };
      var order = msg.order | 0;
      if (!ngrams[order]) ngrams[order] = engine.ngramText(split.train, split.val, order);
      return { order: order, bpc: ngrams[order].bpc, chars: ngrams[order].chars };
    },
    // Back to the last good snapshot (after a loss jump).
    rollback: function () {
      requireCorpus();
      running = false;
      var target = jumpTarget || snapshot;
      return restoreTo(target).then(function () {
        goodSnaps = goodSnaps.filter(function (g) { return g.step <= target.step; });
        snapshot = target;
        jumpTarget = null;
        chunkSteps = 1;
        resetAcc();
        watch.reset(model.info.step);
        lossGood = true;
        history = history.filter(function (p) { return p[0] <= model.info.step; });
        return { info: infoOf(model) };
      });
    },
    // the model file of the whole run (with N > 1 cores: every replica's streams)
    save: function () {
      requireModel();
      return crew.save(model).then(function (bytes) {
        var copy = new Uint8Array(bytes);  // own buffer, so it can be transferred
        return { bytes: copy.buffer, step: model.info.step, __transfer: [copy.buffer] };
      });
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

  // Every request but these waits for the training chunk in flight.
  var immediate = {
    init: handlers.init,
    // The page saw replica k die (its error event): the step that waits for
    // it throws, and the run goes on with one worker.
    replicaFailed: function (msg) {
      if (crew.fail(msg.pool, msg.k, msg.message)) {
        exclusive(function () { if (crew.team && crew.pool === msg.pool) dropTeam('worker ' + msg.k + ' stopped: ' + msg.message); });
      }
      return { ok: true };
    },
  };
  var served = {};
  Object.keys(handlers).forEach(function (k) {
    served[k] = function (msg) { return exclusive(function () { return handlers[k](msg); }); };
  });
  Object.keys(immediate).forEach(function (k) { served[k] = immediate[k]; });
  RnnWorkerProtocol.serve(served, function () { return !!engine; });
})();
