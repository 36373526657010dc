// app.js - the page controller: wires the settings form, the corpus panel,
// the worker, the chart and the samples together. It does no math and never
// touches the engine: everything numeric comes from the worker's messages.
/* global RnnI18n, RnnState, RnnCorpusInput, RnnWorkerClient, RnnChart, RnnSamples, RnnTexts, RnnCorpusPanel,
   RnnTimeline, RnnLoadScripts, RnnModelSnapshot, RnnBpttViews, RnnCores, RnnBoot */
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var t = RnnI18n.t;
  var num = RnnI18n.number;
  var say = RnnTexts.say;
  var message = RnnTexts.message;
  // the loss chart's methods: a chart that cannot start (uPlot failed) is replaced by one that draws nothing
  var CHART_METHODS = ['markJump', 'pushTrain', 'pushVal', 'redraw', 'reset', 'resize', 'setCurve', 'setLabels', 'setLog',
    'setReference', 'truncate'];

  var FIELDS = { hidden: 'set-hidden', seq: 'set-seq', batch: 'set-batch', lr: 'set-lr', optim: 'set-optim',
    clip: 'set-clip', act: 'set-act', seed: 'set-seed' };
  var SAMPLE_FIELDS = { temp: 'set-temp', len: 'set-len', prime: 'set-prime', greedy: 'set-greedy' };
  var CHART_FIELDS = { smooth: 'set-smooth', ngram: 'set-ngram', logx: 'set-logx' };
  // the offline copy of Tiny Shakespeare: a classic script, loaded only when chosen
  var SHAKESPEARE_SCRIPT = 'data/tinyshakespeare.js';

  var app = {
    state: null,          // RnnState object (what the hash holds)
    client: null,         // RnnWorkerClient
    pool: null,           // RnnCores.Pool: the replica workers (cores > 1)
    info: null,           // the model's info from the worker
    applied: null,        // {text, config (JSON)} the current model was built from
    corpus: null,         // RnnCorpusPanel: owns the training text
    running: false,
    busy: false,
    booted: false,       // the first model was attempted (buttons wait for it)
    recent: { steps: 0, clipped: 0 },
    last: { progress: null, val: null }, // the last reports, for re-rendering
    chart: null,
    samples: null,
    timeline: null,
    sample: null,         // the sample on screen (what "Keep this sample" keeps)
    jump: null,           // the last loss jump the page offers to roll back
  };

  // The engine keeps lr and clip as float32: 0.005 comes back as 0.004999999888.
  function short(x) { return typeof x === 'number' && isFinite(x) ? Number(x.toPrecision(6)) : x; }

  // The decimal fields (learning rate, clipping) are text in the page's
  // language: "0,003" in pt-BR (a type=number field follows the browser's
  // language instead); both "," and "." are read, and "−" as a minus.
  function decimal(x) {
    if (typeof x !== 'number' || !isFinite(x)) return String(x);
    return x.toLocaleString(RnnI18n.lang === 'pt' ? 'pt-BR' : 'en-US', { useGrouping: false, maximumFractionDigits: 10 })
      .replace(/^-/, '\u2212');
  }
  function fieldText(el) { return el.getAttribute('data-decimal') ? el.value.trim().replace(',', '.').replace('\u2212', '-') : el.value; }

  // ---- state <-> URL hash <-> form ----
  function writeHash() {
    var h = RnnState.serialize(app.state);
    if (location.hash !== h) history.replaceState(null, '', h);
  }

  // number inputs get the engine's ranges (RnnState.limits), not a copy in the HTML
  function setInputLimits() {
    ['hidden', 'seq', 'batch', 'seed', 'cores'].forEach(function (k) {
      var l = RnnState.limits(k);
      $(FIELDS[k] || 'set-' + k).min = String(l.min);
      $(FIELDS[k] || 'set-' + k).max = String(l.max);
    });
    $('set-len').max = String(RnnState.limits('len').max);
  }

  function fillForm() {
    Object.keys(FIELDS).forEach(function (k) {
      var el = $(FIELDS[k]);
      if (k !== 'lr') el.value = el.getAttribute('data-decimal') ? decimal(app.state[k]) : String(app.state[k]);
    });
    fillLr();
    $('set-cores').value = String(app.state.cores);
    $('set-smooth').value = app.state.smooth;
    $('set-ngram').value = String(app.state.ngram);
    $('set-logx').checked = app.state.logx;
    $('set-temp').value = String(app.state.temp);
    $('set-len').value = String(app.state.len);
    $('set-prime').value = app.state.prime;
    $('set-greedy').checked = app.state.greedy;
    $('temp-value').textContent = num(app.state.temp, 2);
  }

  function readField(key, el) {
    var raw = el.type === 'checkbox' ? (el.checked ? '1' : '0') : fieldText(el);
    var r = RnnState.check(key, raw);
    el.setAttribute('aria-invalid', r.ok ? 'false' : 'true');
    if (r.ok) app.state[key] = r.value;
    return r.ok;
  }

  // The learning rate field: a number, or 'auto' (the box ticked; the field
  // then shows the rate the engine chose for the model, read-only).
  function fillLr() {
    var auto = RnnState.lrAuto(app.state);
    $('set-lr-auto').checked = auto;
    $('set-lr').disabled = auto;
    $('set-lr').setAttribute('aria-invalid', 'false');
    if (!auto) $('set-lr').value = decimal(app.state.lr);
    else $('set-lr').value = app.info && app.info.config ? decimal(short(app.info.config.lr)) : '';
  }

  function lrAutoChanged(e) {
    if (e.target.checked) app.state.lr = 'auto';
    else app.state.lr = app.info && app.info.config ? short(app.info.config.lr) : RnnState.engineConfig(app.state).lr;
    fillLr();
    writeHash();
    updateButtons();
  }

  function currentSetup() {
    return { text: app.corpus.text, config: RnnState.engineConfig(app.state), autoLr: RnnState.lrAuto(app.state) };
  }

  // The model exists but the text or the settings changed since it was built.
  function pending() {
    if (app.applied === null) return false;
    var s = currentSetup();
    return s.text !== app.applied.text || JSON.stringify([s.config, s.autoLr]) !== app.applied.config;
  }

  function markApplied(s) { app.applied = { text: s.text, config: JSON.stringify([s.config, s.autoLr]) }; }

  // ---- view updates ----
  function updateButtons() {
    var ready = !!app.client && !app.busy && app.booted;
    var canTrain = ready && (!app.info || app.info.canTrain || pending());
    $('btn-train').disabled = !canTrain || app.running;
    $('btn-pause').disabled = !ready || !app.running;
    $('btn-step').disabled = !ready || app.running || !app.info || !app.info.canTrain;
    $('btn-reset').disabled = !ready;
    $('btn-save').disabled = !ready || !app.info;
    $('btn-inspect').disabled = !ready || !app.info;
    $('btn-export').disabled = !ready || !app.info;
    $('btn-sample').disabled = !ready || !app.info;
    $('btn-keep').disabled = !app.sample;
    $('btn-timeline').disabled = !app.timeline.entries.length;
    $('btn-rollback').disabled = !ready;
    $('model-file').disabled = !ready;
    $('btn-load-label').classList.toggle('disabled', !ready);
    say($('settings-note'), pending() ? 'settingsPending' : 'settingsNote');
    $('settings-note').classList.toggle('pending', pending());
    if (!app.info) say($('run-state'), 'stateNoModel');
    else if (app.running) say($('run-state'), 'stateRunning');
    else if (!app.info.canTrain) say($('run-state'), 'stateSamplingOnly');
    else if (app.info.step === 0) say($('run-state'), 'stateReady', { stepNum: 0 });
    else say($('run-state'), 'statePaused', { stepNum: app.info.step });
  }

  function chartLabels() {
    return { step: t('chartStep'), y: t('chartY'), raw: t('chartRaw'), train: t('chartTrain'), val: t('chartVal'),
      uniform: t('chartUniform'), unigram: t('chartUnigram'), kn: t('chartKn', { order: app.state.ngram }) };
  }

  // The numbers of the Progress panel, from the last info/progress/val
  // (re-run on a language switch: 0.561 becomes 0,561).
  function renderStats() {
    var info = app.info, p = app.last.progress, v = app.last.val;
    var dash = function (id) { $(id).textContent = '–'; };
    if (!info) return;
    $('vocab-value').textContent = num(info.V, 0);
    $('ref-value').textContent = num(info.uniformBits, 2) + ' · ' + num(info.unigramBits, 2);
    $('step-value').textContent = num(info.step, 0);
    $('val-value').textContent = v ? num(v.bpc, 3) : '–';
    $('kn-value').textContent = app.last.kn && app.last.kn.bpc !== null ? num(app.last.kn.bpc, 3) : '–';
    say($('kn-label'), 'knLabelOrder', { order: app.state.ngram });
    renderCores(info);
    if (!p) {
      say($('clip-value'), null); // forget the last model's clipping text
      ['loss-status', 'speed-value', 'grad-value', 'clip-value'].forEach(dash);
      $('loss-status').removeAttribute('data-value');
      return;
    }
    $('loss-status').textContent = num(p.bpc, 3);
    $('loss-status').setAttribute('data-value', String(p.bpc)); // full precision, for exact comparisons
    $('speed-value').textContent = num(Math.round(p.charsPerSec), 0);
    $('speed-value').setAttribute('data-value', String(p.charsPerSec));
    $('grad-value').textContent = num(p.gradNorm, 3);
  }

  // The effective batch (workers × B, the engine's numbers) and the
  // learning rate the model trains with.
  function renderCores(info) {
    say($('batch-value'), 'batchValue', { workersNum: info.workers, BNum: info.B, totalNum: info.effectiveBatch });
    $('batch-value').setAttribute('data-workers', String(info.workers));
    var auto = app.applied && JSON.parse(app.applied.config)[1];
    var lr = info.config ? String(short(info.config.lr)) : '–';
    say($('lr-value'), auto ? 'lrUsedAuto' : 'lrUsed', { lr: lr });
  }

  // The leader's word on its replicas (reply to 'team', 'setup', 'load'):
  // a text too short for N workers gets the largest N that fits (said).
  // Resolves the final {workers, restarted, ...}.
  function settleTeam(r) {
    var t = r.team || { workers: 1 };
    if (r.info && app.info) {
      app.info.workers = r.info.workers;
      app.info.effectiveBatch = r.info.effectiveBatch;
    }
    renderStats();
    if (t.short) {
      message('coresShort', { wantNum: t.requested, nNum: t.workers, reason: t.reason }, 'warn');
      return app.pool.set(t.workers).then(settleTeam);
    }
    return Promise.resolve(t);
  }

  // The cores setting changed: new replicas; the run goes on (another N:
  // the text streams restart, said). At step 0 with the automatic learning
  // rate, the model is built again for the new rate.
  function applyCores() {
    if (!app.pool || !app.info) return Promise.resolve();
    return withBusy(app.pool.set(app.state.cores)).then(settleTeam).then(function (t) {
      if (app.info.step === 0 && RnnState.lrAuto(app.state) && !app.running && !pending()) return setup();
      if (t.restarted && !t.short && app.info.step > 0) message('coresRestarted', { nNum: t.workers }, 'info');
      return null;
    });
  }

  // A replica stopped (or did not start): the leader trains alone.
  function onCores(c) {
    if (app.pool) app.pool.clear();
    if (c.info && app.info) { app.info.workers = c.info.workers; app.info.effectiveBatch = c.info.effectiveBatch; }
    message('coresFailed', { reason: c.failed });
    renderStats();
  }

  function showInfo(info) {
    app.info = info;
    app.recent = { steps: 0, clipped: 0 };
    app.last = { progress: null, val: null };
    RnnBpttViews.clear();
    renderStats();
    app.chart.reset({ uniform: info.uniformBits, unigram: info.unigramBits });
    app.corpus.updateStats();
    hideJump();
    app.timeline.clear(); // a new, loaded or imported model starts its own story
    askNgram();
  }

  // The n-gram line for the chosen order (the worker counts it on the model's
  // training text; about a second for Tiny Shakespeare, once per order).
  function askNgram() {
    if (!app.info || !app.info.canTrain) { app.chart.setReference('kn', null); return Promise.resolve(); }
    var order = app.state.ngram;
    return call('ngram', { order: order }).then(function (r) {
      if (r.order === app.state.ngram) { app.last.kn = r; app.chart.setReference('kn', r.bpc); renderStats(); }
    });
  }

  // ---- loss jumps ----
  function onJump(j) {
    app.chart.markJump(j);
    app.jump = j;
    var p = { stepNum: j.step, from: num(j.best, 2), to: num(j.smoothed, 2), grad: num(j.gradNorm, 2),
      gradStepNum: j.gradStep, goodNum: j.goodStep };
    say($('jump-text'), 'jumpText', p);
    say($('btn-rollback'), 'jumpRollback', p);
    $('jump-note').hidden = false;
  }

  function hideJump() { app.jump = null; $('jump-note').hidden = true; }

  function rollback() {
    return withBusy(call('rollback')).then(function (r) {
      app.running = false;
      app.info = r.info;
      app.chart.truncate(r.info.step);
      hideJump();
      message('rolledBack', { stepNum: r.info.step }, 'info');
      renderStats();
      updateButtons();
    });
  }

  // ---- the timeline ----
  function onSample(s) {
    app.samples.show(s);
    app.sample = s;
    if (s.milestone) app.timeline.add(s, 'auto');
    updateButtons();
  }

  function saveTimeline() {
    var i = app.info || {};
    var model = { step: i.step, H: i.H, V: i.V, corpus: app.state.corpus, config: i.config || null,
      file: 'rnn-charlm-h' + i.H + '-step' + i.step + '.rnn' };
    var json = JSON.stringify(app.timeline.toJSON(model), null, 1);
    download('rnn-charlm-h' + i.H + '-step' + i.step + '.timeline.json', new Blob([json], { type: 'application/json' }));
    return Promise.resolve();
  }

  function onProgress(p) {
    if (!app.info) return;
    app.info.step = p.step;
    app.last.progress = p;
    renderStats();
    // clipping rate over roughly the last thousand steps
    var r = app.recent;
    if (r.steps > 1000) { r.clipped *= 0.5; r.steps *= 0.5; }
    r.steps += p.steps; r.clipped += p.clipped;
    if (app.info.config && !(app.info.config.clip > 0)) say($('clip-value'), 'clipOff');
    else say($('clip-value'), 'clipValue', { pctNum: r.steps ? Math.round(100 * r.clipped / r.steps) : 0 });
    app.chart.pushTrain(p.step, p.bpc, p.smoothBpc);
    if (p.bptt) RnnBpttViews.show(p.bptt, num);   // rho(W) and ||dL/dh_t|| per step (playground/bptt-views.js)
  }

  function onVal(v) {
    app.last.val = v;
    renderStats();
    app.chart.pushVal(v.step, v.bpc);
  }

  function onDiverged(d) {
    app.running = false;
    app.info.step = d.restoredStep;
    renderStats();
    app.chart.truncate(d.restoredStep);
    var params = { stepNum: d.step, restoredNum: d.restoredStep, lr: String(short(d.lr)), clip: String(short(d.clip)) };
    message(d.clip > 0 ? 'divergedClip' : 'diverged', params);
    updateButtons();
  }

  // Any request that failed without its own message (the worker's reason).
  function failed(e) {
    app.running = false;
    message('errSetup', { reason: e && e.message ? e.message : String(e) });
    updateButtons();
  }

  // ---- worker requests ----
  function call(type, payload, transfer) {
    return app.client.request(type, payload, transfer);
  }

  function withBusy(promise) {
    app.busy = true;
    updateButtons();
    return promise.then(function (r) { app.busy = false; updateButtons(); return r; },
      function (e) { app.busy = false; updateButtons(); throw e; });
  }

  function pushSettings(resample) {
    return call('settings', { resample: !!resample && !!app.info, settings: {
      temperature: app.state.temp, length: app.state.len, prime: app.state.prime, greedy: app.state.greedy,
      smoothing: Number(app.state.smooth),
    } });
  }

  // Builds a new model from the text and the form; resolves true on success.
  function setup() {
    var s = currentSetup();
    if (s.text.length === 0) { message('errEmpty'); return Promise.resolve(false); }
    app.running = false;
    // stop first: if the new model cannot be built, the old one stays paused
    return withBusy(call('pause').then(function () { return call('setup', s); }).then(function (r) {
      markApplied(s);
      showInfo(r.info);
      fillLr();
      return settleTeam(r).then(function () { return call('sample'); }).then(function (smp) { onSample(smp); return true; });
    }, function (e) {
      message('errSetup', { reason: e.message });
      return false;
    }));
  }

  function train() {
    var start = function () {
      return call('train').then(function () { app.running = true; updateButtons(); });
    };
    message(null);
    if (!app.info || (pending() && app.info.step === 0) || !app.info.canTrain) {
      return setup().then(function (ok) { if (ok) return start(); });
    }
    return start();
  }

  function pause() {
    return call('pause').then(function (r) {
      app.running = false;
      if (app.info) app.info.step = r.step;
      updateButtons();
    });
  }

  function step() {
    message(null);
    return withBusy(call('step', { n: 1 })).then(function (r) {
      if (!r.diverged) { app.info.step = r.step; updateButtons(); }
    }, function (e) { message('errSetup', { reason: e.message }); });
  }

  function download(name, blob) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function save() {
    return call('save').then(function (r) {
      download('rnn-charlm-h' + app.info.H + '-step' + r.step + '.rnn', new Blob([r.bytes], { type: 'application/octet-stream' }));
      message('savedModel', { stepNum: r.step }, 'info');
    }, function (e) { message('errSetup', { reason: e.message }); });
  }

  // The neurons widget in a new window, on a copy of the current model
  // (shared/model-snapshot.js; the window opens at the click, the copy follows).
  function inspectUnits() {
    var win = window.open('embed.html?w=neurons&lang=' + RnnI18n.lang, '_blank');
    if (!win) return;
    var offer = RnnModelSnapshot.offer(win);
    call('save').then(function (r) { offer.give(r.bytes, r.step); }, function (e) { offer.cancel(); failed(e); });
  }

  function exportPytorch() {
    return call('exportPytorch').then(function (r) {
      download('rnn-charlm-h' + app.info.H + '-step' + r.step + '.pytorch.json', new Blob([r.json], { type: 'application/json' }));
      message('exported', { stepNum: r.step }, 'info');
    }, function (e) { message('errSetup', { reason: e.message }); });
  }

  function adoptLoaded(r, withText) {
    var info = r.info;
    var c = info.config || {};
    var map = { hidden: c.hidden, seq: c.seq, batch: c.batch, lr: short(c.lr), optim: c.optim, clip: short(c.clip),
      act: c.activation, seed: c.seed };
    Object.keys(map).forEach(function (k) {
      var r = RnnState.check(k, map[k]);
      if (r.ok) app.state[k] = r.value;
    });
    fillForm();
    writeHash();
    if (withText) markApplied(currentSetup()); else app.applied = null;
    showInfo(info);
    message(withText ? 'modelLoaded' : 'modelLoadedNoText',
      { stepNum: info.step, H: info.H, V: info.V }, 'info');
    return settleTeam(r).then(function (t) {
      // a file written by another number of cores: the text streams restart
      if (withText && r.team && r.team.savedWorkers !== t.workers) {
        message(r.team.savedWorkers === 1 ? 'coresResumedOne' : 'coresResumed',
          { savedNum: r.team.savedWorkers, nNum: t.workers }, 'warn');
      }
      return call('sample');
    }).then(function (smp) { onSample(smp); });
  }

  function loadModel(file) {
    app.running = false;
    var text = app.corpus.text;
    return withBusy(call('pause').then(function () { return RnnCorpusInput.readModelFile(file); }).then(function (bytes) {
      if (bytes[0] === 0x7B) { // '{': PyTorch JSON
        var json = new TextDecoder().decode(bytes);
        return call('importPytorch', { json: json }).then(function (r) { return adoptLoaded(r, false); });
      }
      var copy = bytes.slice();
      return call('load', { bytes: bytes.buffer, text: text }, [bytes.buffer]).then(function (r) {
        return adoptLoaded(r, true);
      }, function () {
        // maybe the file is fine but belongs to another text: load it to sample only
        return call('load', { bytes: copy.buffer }, [copy.buffer]).then(function (r) { return adoptLoaded(r, false); });
      });
    })).catch(function (e) {
      RnnTexts.userError(e, 'errModelFile');
    });
  }

  // ---- language ----
  function setLanguage(lang) {
    RnnI18n.lang = lang;
    app.state.lang = lang;
    RnnI18n.apply(document);
    RnnTexts.relabel();
    renderStats();
    RnnBpttViews.show(null, num);   // redraw rho(W) and the step norms in the new language
    app.chart.setLabels(chartLabels());
    app.chart.redraw();
    app.samples.relabel();
    app.timeline.render();
    fillForm();
    writeHash();
    app.corpus.updateStats();
  }

  // Presentation view (for a projector): only the run, progress and samples.
  function setPresent(on) {
    app.state.present = on;
    document.body.classList.toggle('present', on);
    $('present-toggle').setAttribute('aria-pressed', on ? 'true' : 'false');
    if (app.chart) app.chart.resize();
    writeHash();
  }

  // ---- wiring ----
  function wire() {
    $('lang-toggle').addEventListener('click', function () { setLanguage(RnnI18n.lang === 'pt' ? 'en' : 'pt'); });
    $('present-toggle').addEventListener('click', function () { setPresent(!app.state.present); });
    var act = function (fn) { return function () { fn().catch(failed); }; };
    $('btn-train').addEventListener('click', act(train));
    $('btn-pause').addEventListener('click', act(pause));
    $('btn-step').addEventListener('click', act(step));
    $('btn-reset').addEventListener('click', act(function () { message(null); return setup(); }));
    $('btn-save').addEventListener('click', act(save));
    $('btn-inspect').addEventListener('click', inspectUnits);
    $('btn-export').addEventListener('click', act(exportPytorch));
    $('btn-sample').addEventListener('click', act(function () {
      return call('sample').then(onSample);
    }));
    $('btn-keep').addEventListener('click', function () { if (app.sample) app.timeline.add(app.sample, 'user'); updateButtons(); });
    $('btn-timeline').addEventListener('click', act(saveTimeline));
    $('btn-rollback').addEventListener('click', act(rollback));
    $('set-smooth').addEventListener('change', function (e) {
      if (!readField('smooth', e.target)) return;
      writeHash();
      pushSettings(false).then(function () { return call('curve'); }).then(function (c) {
        app.chart.setCurve(c.points, c.smooth);
      }).catch(failed);
    });
    $('set-ngram').addEventListener('change', function (e) {
      if (!readField('ngram', e.target)) return;
      writeHash();
      app.chart.setLabels(chartLabels());
      askNgram().catch(failed);
    });
    $('set-lr-auto').addEventListener('change', lrAutoChanged);
    $('set-cores').addEventListener('change', function (e) {
      if (!readField('cores', e.target)) return;
      writeHash();
      applyCores().catch(failed);
    });
    $('set-logx').addEventListener('change', function (e) {
      if (!readField('logx', e.target)) return;
      writeHash();
      app.chart.setLog(app.state.logx);
    });
    $('model-file').addEventListener('change', function (e) {
      var f = e.target.files && e.target.files[0];
      e.target.value = '';
      if (f) loadModel(f);
    });
    Object.keys(FIELDS).forEach(function (k) {
      $(FIELDS[k]).addEventListener('input', function (e) {
        if (readField(k, e.target)) writeHash();
        updateButtons();
      });
    });
    var resampleFrame = 0;
    Object.keys(SAMPLE_FIELDS).forEach(function (k) {
      $(SAMPLE_FIELDS[k]).addEventListener('input', function (e) {
        if (!readField(k, e.target)) return;
        $('temp-value').textContent = num(app.state.temp, 2);
        writeHash();
        if (resampleFrame) return;
        resampleFrame = requestAnimationFrame(function () { resampleFrame = 0; pushSettings(true).catch(failed); });
      });
    });
    window.addEventListener('hashchange', function () {
      if (location.hash === RnnState.serialize(app.state)) return;
      var parsed = RnnState.parse(location.hash);
      var cores = app.state.cores;
      app.state = parsed.state;
      if (app.state.cores !== cores) applyCores().catch(failed);
      if (app.state.corpus !== 'custom') app.corpus.choose(app.state.corpus).catch(failed);
      reportHashProblems(parsed);
      setLanguage(RnnI18n.pick(app.state.lang, navigator.languages));
      setPresent(app.state.present);
      updateButtons();
    });
  }

  // #cores=6 on a 2-core computer is not nonsense: said as more than it has
  function reportHashProblems(parsed) {
    var over = RnnState.coresOverMachine(location.hash);
    var others = over ? parsed.invalid.filter(function (k) { return k !== 'cores'; }) : parsed.invalid;
    if (parsed.tooLong) message('hashTooLong', { maxNum: RnnState.MAX_HASH }, 'warn');
    else if (over && !others.length && !parsed.unknown.length) {
      message('coresOverMachine', { wantNum: over, hwNum: RnnState.HW_CORES, nNum: app.state.cores }, 'warn');
    } else if (parsed.invalid.length || parsed.unknown.length) message('hashIgnored', { list: RnnState.problemList(parsed) }, 'warn');
  }

  function startEngine() {
    // a worker that cannot start (a missing generated file, a Worker that throws) rejects: named below
    return Promise.resolve().then(function () { return RnnWorkerClient.start(); }).then(function (r) {
      app.client = r.client;
      app.pool = RnnCores.pool = new RnnCores.Pool(r.client);
      r.client.on('cores', onCores).on('progress', onProgress).on('val', onVal).on('diverged', onDiverged).on('jump', onJump)
        .on('sample', onSample)
        .on('crash', function (c) {
          app.running = false; app.client = null;
          app.pool.clear();
          message('workerCrashed', { reason: c.reason });
          updateButtons();
        });
      var status = $('engine-status');
      if (r.kind === 'simd') say(status, 'engineSimd', { diff: r.selfCheck.maxDiff.toExponential(1) });
      else if (r.fallbackReason === 'nosimd') say(status, 'engineScalarNoSimd');
      else if (r.fallbackReason === 'selfcheck') say(status, 'engineScalarSelfCheck');
      else if (r.fallbackReason === 'failed') say(status, 'engineScalarFailed');
      else say(status, 'engineScalar');
      status.setAttribute('data-kind', r.kind);
      // a built-in text that the engine generates could only be made now
      var first = app.corpus.text === '' && app.state.corpus !== 'custom'
        ? app.corpus.choose(app.state.corpus) : Promise.resolve();
      return pushSettings(false).then(function () { return first; })
        .then(function () { return app.pool.set(app.state.cores); }).then(setup)
        .catch(failed).then(function () { app.booted = true; RnnBoot.started(); });
    }, function (e) {
      RnnBoot.fail('engine', e);
      say($('engine-status'), 'engineFailed', { reason: e.message });
      $('engine-status').setAttribute('data-kind', 'none');
    });
  }

  function boot() {
    var parsed = RnnState.parse(location.hash);
    app.state = parsed.state;
    RnnI18n.lang = RnnI18n.pick(app.state.lang, navigator.languages);
    app.state.lang = RnnI18n.lang;
    RnnI18n.apply(document);
    setInputLimits();
    fillForm();
    app.corpus = new RnnCorpusPanel.CorpusPanel({
      generate: function (id) {
        if (id === 'shakespeare') {
          return RnnLoadScripts.load([SHAKESPEARE_SCRIPT]).then(function () { return window.RNN_TINY_SHAKESPEARE; });
        }
        if (!app.client) return Promise.resolve(null); // asked again once the engine runs
        return call('corpus', { kind: id }).then(function (r) { return r.text; });
      },
      changed: function (id) { app.state.corpus = id; writeHash(); updateButtons(); },
      split: function () {
        return app.info && app.info.canTrain && !pending() ? { train: app.info.trainChars, val: app.info.valChars } : null;
      },
    });
    app.corpus.choose(app.state.corpus);
    app.chart = RnnBoot.part('chart', function () {
      var c = new RnnChart.LossChart($('chart'), chartLabels());
      c.setLog(app.state.logx);
      return c;
    }, CHART_METHODS);
    app.timeline = new RnnTimeline.Timeline($('timeline'));
    app.samples = new RnnSamples.SampleView($('samples'), $('top5'), t);
    app.samples.clear();
    reportHashProblems(parsed);
    setPresent(app.state.present);
    wire();
    updateButtons();
    document.documentElement.setAttribute('data-booted', '1');
    startEngine().then(function () { updateButtons(); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
