// l2e-app.js - the controller of the learning-to-execute page (web/l2e.html):
// wires the task form, the URL hash, the four-worker race, the two accuracy
// charts, the scoreboard, the sample cards and the predictions table. It does
// no math and never touches the engine: every number comes from the workers.
/* global RnnI18n, RnnTexts, RnnL2EState, RnnL2ERace, RnnL2EChart, RnnL2ETable, RnnL2ESamples, RnnL2EScore, RnnL2ETry, RnnBoot */
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var t = RnnI18n.t;
  var num = RnnI18n.number;
  var say = RnnTexts.say;
  var message = RnnTexts.message;
  var NAMES = ['l2eBaseline', 'l2eNaive', 'l2eMix', 'l2eCombined'];
  var SAMPLE_COUNT = 4;
  var FIELDS = { task: 'set-task', length: 'set-length', nesting: 'set-nesting', seed: 'set-seed' };

  var app = {
    state: null,
    race: null,
    engineUp: false,
    phase: 'starting',     // starting | idle | setup | running | paused | done | failed
    finished: [false, false, false, false],
    reference: null,       // the format guess {charAcc, exact}
    sampleGen: 0,
    raceGen: 0,            // the current start of a race (a reset supersedes it)
    charts: null,
    table: null,
    samples: null,
    score: null,
    tryPanel: null,
  };

  function pct(x) { return typeof x === 'number' && isFinite(x) ? t('l2ePct', { n: num(100 * x, 1) }) : '–'; }
  function axisPct(x) { return t('l2ePct', { n: num(100 * x, 0) }); }

  // ---- state <-> URL hash <-> form ----
  function writeHash() {
    var h = RnnL2EState.serialize(app.state);
    if (location.hash !== h) history.replaceState(null, '', h);
  }

  function fillForm() {
    Object.keys(FIELDS).forEach(function (k) {
      $(FIELDS[k]).value = String(app.state[k]);
      $(FIELDS[k]).setAttribute('aria-invalid', 'false');
    });
    $('set-length').max = String(RnnL2EState.maxLength(app.state.task));
    $('set-seed').max = String(RnnL2EState.SCHEMA.seed.max);
    $('set-nesting').disabled = app.state.task !== 'program';
    $('nesting-note').hidden = app.state.task === 'program';
    var on = app.state.scramble;
    $('btn-scramble').setAttribute('aria-pressed', on ? 'true' : 'false');
    document.body.classList.toggle('scrambled', on);
    var s = app.state;
    say($('budget'), 'l2eBudget', { stepsNum: s.steps, batchNum: s.batch, examplesNum: s.steps * s.batch,
      hiddenNum: s.hidden, valNum: s.val });
    app.score.setTarget({ task: s.task, length: s.length, nesting: s.nesting });
  }

  function backLink() {
    // the playground in the same language (its other settings stay its defaults)
    $('nav-back').href = 'index.html#lang=' + RnnI18n.lang;
  }

  // ---- view ----
  function updateButtons() {
    var p = app.phase, up = app.engineUp;
    $('btn-start').disabled = !up || !(p === 'idle' || p === 'paused');
    say($('btn-start'), p === 'paused' ? 'l2eResume' : 'l2eStart');
    $('btn-pause').disabled = !up || p !== 'running';
    $('btn-reset').disabled = !up || p === 'idle' || p === 'setup';
    $('btn-scramble').disabled = !up || p === 'setup';
    var key = {
      starting: 'l2eStateStarting', idle: 'l2eStateIdle', setup: 'l2eStateSetup',
      running: app.state.scramble ? 'l2eStateRunningScrambled' : 'l2eStateRunning',
      paused: 'l2eStatePaused', done: 'l2eStateDone', failed: 'l2eStateFailed',
    }[p];
    say($('run-state'), key, { stepsNum: app.state.steps });
    app.tryPanel.setReady(up && (p === 'running' || p === 'paused' || p === 'done'));
    document.documentElement.setAttribute('data-phase', p);
  }

  function chartLabels(y) {
    return { step: t('chartStep'), y: t(y), names: NAMES.map(function (k) { return t(k); }), reference: t('l2eFormatGuess') };
  }

  function tableLabels() {
    return [t('l2eColInput'), t('l2eColTarget')].concat(NAMES.map(function (k) { return t(k); }));
  }

  function clearRace() {
    app.finished = [false, false, false, false];
    app.charts.forEach(function (c) { c.reset(); });
    app.table.clear();
    app.score.clear();
  }

  function setReference(ref) {
    app.reference = ref;
    app.charts[0].setReference(ref ? ref.charAcc : null);
    app.charts[1].setReference(ref ? ref.exact : null);
    app.score.setReference(ref);
  }

  // ---- worker events ----
  var on = {
    progress: function (i, p) { app.score.update(i, { step: p.step, level: p.level }); },
    eval: function (i, e) {
      app.charts[0].push(i, e.step, e.charAcc);
      app.charts[1].push(i, e.step, e.exact);
      app.score.update(i, { step: e.step, charAcc: e.charAcc, exact: e.exact });
      app.table.setPredictions(i, e.predictions);
    },
    done: function (i, d) { finish(i, { step: d.step, done: true }); },
    diverged: function (i, d) {
      message('l2eDiverged', { whatKey: NAMES[i], stepNum: d.step }, 'warn');
      finish(i, { step: d.step, diverged: true });
    },
    crash: function (reason) {
      app.engineUp = false;
      app.phase = 'failed';
      message('workerCrashed', { reason: reason });
      updateButtons();
    },
  };

  function finish(i, what) {
    app.finished[i] = true;
    app.score.update(i, what);
    if (app.finished.every(Boolean) && (app.phase === 'running' || app.phase === 'paused')) {
      app.phase = 'done';
      updateButtons();
    }
  }

  function failed(e) {
    if (e && e.message === 'superseded') return;
    if (app.phase !== 'failed') app.phase = app.engineUp ? 'idle' : 'failed';
    message('l2eErrRace', { reason: e && e.message ? e.message : String(e) });
    updateButtons();
  }

  // ---- actions ----
  function refreshSamples() {
    if (!app.engineUp) return Promise.resolve();
    var gen = ++app.sampleGen;
    var scramble = app.state.scramble;
    return app.race.samples(RnnL2EState.sampleOptions(app.state, SAMPLE_COUNT)).then(function (r) {
      if (gen !== app.sampleGen) return;
      app.samples.show(r.samples, scramble);
      setReference(r.baseline);
    });
  }

  // A reset or a new start while this one is still setting up wins over it.
  function startRace() {
    var gen = ++app.raceGen;
    var current = function () { if (gen !== app.raceGen) throw new Error('superseded'); };
    message(null);
    app.phase = 'setup';
    clearRace();
    updateButtons();
    return app.race.setup(app.state).then(function (replies) {
      current();
      app.table.setRows(replies[0].rows);
      replies.forEach(function (r, i) { on.eval(i, r.eval); });
      return app.race.train();
    }).then(function () {
      current();
      app.phase = 'running';
      updateButtons();
    });
  }

  function resume() {
    return app.race.train().then(function (replies) {
      app.phase = replies.every(function (r) { return r.done; }) ? 'done' : 'running';
      updateButtons();
    });
  }

  function pause() {
    return app.race.pause().then(function (replies) {
      if (app.phase === 'running') app.phase = 'paused';
      replies.forEach(function (r, i) { app.score.update(i, { step: r.step }); });
      updateButtons();
    });
  }

  function reset() {
    app.raceGen++;
    message(null);
    app.phase = 'idle';
    clearRace();
    updateButtons();
    return app.race.reset();
  }

  // A new task or seed: new samples, and the race starts over (at once if it
  // was running; always with `restart`, as the scrambled toggle asks).
  function settingsChanged(restart) {
    writeHash();
    fillForm();
    var wasRunning = app.phase === 'running' || app.phase === 'setup';
    var p = refreshSamples();
    if (!app.engineUp) return p;
    if (app.phase === 'idle') return restart ? p.then(startRace) : p;
    return p.then(reset).then(function () { if (wasRunning || restart) return startRace(); });
  }

  // The class preset (the defaults) or the longer one (RnnL2EState.LONGER);
  // the seed, size and language stay.
  function preset(longer) {
    var d = RnnL2EState.defaults(), p = longer ? RnnL2EState.LONGER : d;
    ['task', 'length', 'nesting', 'steps'].forEach(function (k) { app.state[k] = p[k]; });
    return settingsChanged(false);
  }

  function toggleScramble() {
    app.state.scramble = !app.state.scramble;
    return settingsChanged(true);
  }

  // ---- language ----
  function setLanguage(lang) {
    RnnI18n.lang = lang;
    app.state.lang = lang;
    RnnI18n.apply(document);
    RnnTexts.relabel();
    app.charts[0].setLabels(chartLabels('l2eChartYChar'));
    app.charts[1].setLabels(chartLabels('l2eChartYExact'));
    app.table.setLabels(tableLabels());
    app.samples.relabel();
    app.score.render();
    backLink();
    writeHash();
    updateButtons();
  }

  // ---- wiring ----
  function wire() {
    var act = function (fn) { return function () { fn().catch(failed); }; };
    $('lang-toggle').addEventListener('click', function () { setLanguage(RnnI18n.lang === 'pt' ? 'en' : 'pt'); });
    $('btn-start').addEventListener('click', act(function () { return app.phase === 'paused' ? resume() : startRace(); }));
    $('btn-pause').addEventListener('click', act(pause));
    $('btn-reset').addEventListener('click', act(reset));
    $('btn-scramble').addEventListener('click', act(toggleScramble));
    $('btn-preset-class').addEventListener('click', act(function () { return preset(false); }));
    $('btn-preset-longer').addEventListener('click', act(function () { return preset(true); }));
    Object.keys(FIELDS).forEach(function (k) {
      var el = $(FIELDS[k]);
      el.addEventListener(el.tagName === 'SELECT' ? 'change' : 'input', function () {
        var r = RnnL2EState.check(k, el.value, app.state);
        el.setAttribute('aria-invalid', r.ok ? 'false' : 'true');
        if (!r.ok || r.value === app.state[k]) return;
        app.state[k] = r.value;
        if (k === 'task' && app.state.length > RnnL2EState.maxLength(r.value)) app.state.length = RnnL2EState.SCHEMA.length.def;
        settingsChanged(false).catch(failed);
      });
    });
    window.addEventListener('hashchange', function () {
      if (location.hash === RnnL2EState.serialize(app.state)) return;
      var parsed = RnnL2EState.parse(location.hash);
      app.state = parsed.state;
      setLanguage(RnnI18n.pick(app.state.lang, navigator.languages));
      settingsChanged(false).then(function () { reportHashProblems(parsed); }).catch(failed);
    });
  }

  function reportHashProblems(parsed) {
    if (parsed.tooLong) message('hashTooLong', { maxNum: RnnHashSchema.MAX_HASH }, 'warn');
    else if (parsed.invalid.length || parsed.unknown.length) message('hashIgnored', { list: RnnHashSchema.problemList(parsed) }, 'warn');
  }

  function startEngine() {
    // a race that cannot start its workers (a missing generated file, a Worker that throws) rejects: named below
    return Promise.resolve().then(function () {
      app.race = new RnnL2ERace.Race(on);
      return app.race.start();
    }).then(function (r) {
      app.engineUp = true;
      var status = $('engine-status');
      if (r.kind === 'simd') say(status, 'engineSimd', { diff: r.selfCheck.maxDiff.toExponential(1) });
      else if (r.fallbackReason === 'nosimd') say(status, 'engineScalarNoSimd');
      else if (r.fallbackReason === 'selfcheck') say(status, 'engineScalarSelfCheck');
      else if (r.fallbackReason === 'failed') say(status, 'engineScalarFailed');
      else say(status, 'engineScalar');
      status.setAttribute('data-kind', r.kind);
      app.phase = 'idle';
      updateButtons();
      RnnBoot.started();
      return refreshSamples();
    }, function (e) {
      RnnBoot.fail('engine', e);
      app.phase = 'failed';
      say($('engine-status'), 'engineFailed', { reason: e.message });
      $('engine-status').setAttribute('data-kind', 'none');
      updateButtons();
    });
  }

  function boot() {
    var parsed = RnnL2EState.parse(location.hash);
    app.state = parsed.state;
    RnnI18n.lang = RnnI18n.pick(app.state.lang, navigator.languages);
    app.state.lang = RnnI18n.lang;
    RnnI18n.apply(document);
    // a chart that cannot start (uPlot failed) draws nothing; the race runs without it
    var chartMethods = ['push', 'reset', 'setLabels', 'setReference'];
    app.charts = [
      RnnBoot.part('chart', function () { return new RnnL2EChart.AccuracyChart($('chart-char'), chartLabels('l2eChartYChar'), axisPct); }, chartMethods),
      RnnBoot.part('chart', function () { return new RnnL2EChart.AccuracyChart($('chart-exact'), chartLabels('l2eChartYExact'), axisPct); }, chartMethods),
    ];
    app.table = new RnnL2ETable.PredictionTable($('predictions').tBodies[0], t);
    app.table.setLabels(tableLabels());
    app.samples = new RnnL2ESamples.SampleCards($('sample-cards'), t);
    app.samples.clear();
    app.score = new RnnL2EScore.Scoreboard($('score'), t, num, pct);
    var answers = Array.prototype.slice.call(document.querySelectorAll('#try-out tr[class^="s"] td'));
    app.tryPanel = new RnnL2ETry.TryPanel({ program: $('try-program'), run: $('btn-try'), msg: $('try-msg'),
      examples: [$('btn-try-ex1'), $('btn-try-ex2')], input: $('try-input'), target: $('try-target'), answers: answers },
      function (program) { return app.race.tryProgram(program); });
    fillForm();
    backLink();
    writeHash();
    reportHashProblems(parsed);
    wire();
    updateButtons();
    document.documentElement.setAttribute('data-booted', '1');
    startEngine().catch(failed);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
