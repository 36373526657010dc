// view.js - the bptt widget: a small RNN unrolled over T steps (x_t, h_t,
// ŷ_t, L_t; L = Σ_t L_t) trains live, in its worker, on the engine's delayed
// echo. Two views of the same network (graph.js draws the graph):
//   paths  pick U, W or V: its edges in the graph (one per use of the shared
//          weight), element [1,1] of its per-step term ∂L/∂W_t under each
//          step, their sum and the engine's ∂L/∂W[1,1]; a gradient check
//          (button in the bar, result under the sums).
//   norms  ||∂L/∂h_t|| under each h_t (and as its colour), a heatmap of it
//          over training, the two presets (vanishing, exploding), g, the
//          spectral radius of W (slider), clipping with the norm before and after.
// Every number comes from the worker (the engine); the view only draws and formats.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 5;          // optimiser steps per tick / per → press
  var TICK_MS = 60;
  var HEAT_ROWS = 12;     // training chunks kept in the heatmap
  var LOG_LO = -4, LOG_HI = 2;   // colour scale: 1e-4 .. 1e2
  var PRESETS = { vanish: { activation: 'linear', radius: 0.5, loss: 'last' }, explode: { activation: 'linear', radius: 1.5, loss: 'last' } };

  var node = RnnWidgetKit.node;
  function button(parent, cls, value) { var b = node('button', cls, parent); b.type = 'button'; if (value) b.value = value; return b; }

  // A norm as a colour: log scale from LOG_LO to LOG_HI, pale blue -> dark red.
  function heat(v) {
    if (!(v > 0) || !isFinite(v)) return v === 0 ? '#eef1f6' : '#3b0000';
    var f = (Math.log(v) / Math.LN10 - LOG_LO) / (LOG_HI - LOG_LO);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return 'hsl(' + Math.round(220 - 220 * f) + ', 70%, ' + Math.round(88 - 50 * f) + '%)';
  }

  function mount(root, ctx) {
    var s = ctx.settings, graph = RnnWidgetRegistry.get('bptt').graph;
    if (s.preset !== 'none') Object.assign(s, PRESETS[s.preset]);
    var ui = build(root, graph);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var shownRadius = s.radius;
    var snap = null, rows = [], check = null, checking = false, status = { key: 'starting', params: {} };
    var num = function (v) { return graph.compactText(ctx, v); };

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = ctx.t(key, status.params); }
    function fail(e) { player.halt(); say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }

    function statusLine() {
      if (!snap) return;
      var p = { step: snap.step, total: s.train, loss: ctx.number(snap.loss, 3), acc: ctx.percent(snap.accuracy) };
      if (snap.train && !snap.train.ok) say('nonfinite', p);
      else if (snap.step === 0) say('untrained');
      else say(snap.step >= s.train ? 'trained' : 'training', p);
    }

    function show(r, addRow) {
      snap = r;
      shownRadius = isFinite(r.rho) ? r.rho : s.radius;   // the slider follows W as it trains (a reset uses s.radius)
      if (addRow) { rows.push(r.dhNorms); if (rows.length > HEAT_ROWS) rows.shift(); }
      render();
      var w = r.terms[s.weight];
      var ev = { step: r.step, loss: r.loss, accuracy: r.accuracy, rho: r.rho, dhFirst: r.dhNorms[0],
        dhLast: r.dhNorms[r.dhNorms.length - 1], weight: s.weight, termSum: w.sum, termTotal: w.total,
        dWSum: r.terms.W.sum, dWTotal: r.terms.W.total };
      if (r.train) { ev.gradNorm = r.train.gradNorm; ev.gradNormAfter = r.train.gradNormAfter; }
      return ev;
    }

    function setup() {
      rows = []; check = null;
      return client.request('setup', { activation: s.activation, radius: s.radius, clip: s.clip, loss: s.loss,
        steps: s.steps, delay: s.delay, seed: s.seed }).then(function (r) { return show(r, true); });
    }

    function chunk() {
      return client.request('train', { steps: CHUNK }).then(function (r) {
        ctx.emit('step', show(r, true));
        if (snap.step >= s.train && player.playing()) { player.halt(); ctx.emit('done', { step: snap.step, accuracy: snap.accuracy }); }
        ctx.changed();
      });
    }

    function running() { return ready && !destroyed; }

    // A request that changes the network without training (slider, clip, loss mask).
    function change(cmd, msg) {
      if (!ready) { render(); return; }
      serial(function () { return client.request(cmd, msg).then(function (r) { show(r, false); }); });
    }

    function pressed(list, value) { list.forEach(function (b) { b.setAttribute('aria-pressed', b.value === value ? 'true' : 'false'); }); }

    function render() {
      var paths = s.view === 'paths';
      pressed(ui.tabs, s.view);
      pressed(ui.weightButtons, s.weight);
      pressed(ui.gButtons, s.activation);
      pressed(ui.lossButtons, s.loss);
      var preset = Object.keys(PRESETS).filter(function (k) {
        var p = PRESETS[k];
        return p.activation === s.activation && p.loss === s.loss && Math.abs(p.radius - shownRadius) < 0.01;
      })[0];
      pressed(ui.presetButtons, preset || '');
      ui.pathsOnly.forEach(function (e) { e.hidden = !paths; });
      ui.normsOnly.forEach(function (e) { e.hidden = paths; });
      ui.eqSum.textContent = ctx.t('eqSum', { w: s.weight });
      ui.slider.value = String(shownRadius);
      ui.radiusValue.textContent = ctx.number(shownRadius, 2);
      ui.clipButton.setAttribute('aria-pressed', s.clip ? 'true' : 'false');
      ui.clipButton.textContent = ctx.t(s.clip ? 'clipOn' : 'clipOff');
      ui.checkButton.disabled = checking || !ready;
      ui.checkButton.textContent = ctx.t(checking ? 'checking' : 'check');
      ui.gNote.textContent = ctx.t(s.activation === 'linear' ? 'linearNote' : 'tanhNote');
      drawCheck();
      statusLine();
      if (!snap) return;
      var T = snap.dhNorms.length, term = snap.terms[s.weight];
      graph.draw(ui.graph, ctx, {
        T: T, weight: paths ? s.weight : '', lossLast: s.loss === 'last',
        values: paths ? term.steps : snap.dhNorms, valueClass: paths ? 'bptt-term' : 'bptt-dh',
        valueLabel: ctx.t(paths ? 'valTerm' : 'valDh', { w: s.weight }),
        fill: paths ? null : snap.dhNorms.map(heat),
        labels: { L: ctx.t('rowL'), y: ctx.t('rowY'), h: ctx.t('rowH'), x: ctx.t('rowX') },
      });
      ui.graph.setAttribute('aria-label', ctx.t('title'));
      ui.sumLine.textContent = ctx.t('sumLine', { n: T, sum: num(term.sum) });
      ui.sumLine.setAttribute('data-sum', String(term.sum));
      ui.totalLine.textContent = ctx.t('totalLine', { w: s.weight, total: num(term.total) });
      ui.totalLine.setAttribute('data-total', String(term.total));
      ui.shared.textContent = ctx.t(s.weight === 'V' && s.loss === 'last' ? 'sharedV' : 'shared', { w: s.weight });
      drawHeat(ui, rows, T);
      ui.rho.textContent = ctx.t('rho', { rho: ctx.number(snap.rho, 3) });
      ui.rho.setAttribute('data-value', String(snap.rho));
      var t = snap.train;
      ui.norms.textContent = t ? ctx.t(t.clipped ? 'normsClipped' : 'norms', { before: num(t.gradNorm), after: num(t.gradNormAfter) }) : '';
      if (t) { ui.norms.setAttribute('data-before', String(t.gradNorm)); ui.norms.setAttribute('data-after', String(t.gradNormAfter)); }
      var first = snap.dhNorms[0], lastN = snap.dhNorms[T - 1];
      ui.ends.textContent = ctx.t('ends', { first: num(first), last: num(lastN), T: graph.sub(T) });
      ui.ends.setAttribute('data-first', String(first));
      ui.ends.setAttribute('data-last', String(lastN));
      var kind = !(first < 1e2 * lastN) ? 'explode' : first < 1e-2 * lastN ? 'vanish' : 'steady';
      ui.trend.textContent = ctx.t(kind);
      ui.trend.className = 'bptt-trend ' + kind;
      ui.trend.setAttribute('data-kind', kind);
    }

    function drawCheck() {
      ui.checkOut.hidden = !check;   // the result only: the button says what it does
      if (!check) { ui.checkOut.textContent = ''; ui.checkOut.removeAttribute('data-u'); return; }
      ui.checkOut.textContent = ctx.t('checkResult', { u: num(check.U), w: num(check.W), v: num(check.V) });
      ui.checkOut.setAttribute('data-u', String(check.U));
      ui.checkOut.setAttribute('data-w', String(check.W));
      ui.checkOut.setAttribute('data-v', String(check.V));
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        if (snap && snap.step >= s.train) return;
        player.play();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(chunk); },
      reset: function () {
        api.pause();
        if (!ready) return;
        serial(function () { return setup().then(function (ev) { ctx.emit('step', ev); ctx.changed(); }); });
      },
      setInput: function (input) {
        input = Object.assign({}, input);
        if (input.preset && input.preset !== 'none') {
          var p = PRESETS[input.preset];
          Object.keys(p).forEach(function (k) { if (input[k] === undefined) input[k] = p[k]; });
          if (input.view === undefined) input.view = 'norms';
          if (input.activation === s.activation) input.reset = true;   // a preset starts from W = r·Q again
        }
        if (input.view !== undefined) s.view = input.view;
        if (input.weight !== undefined) s.weight = input.weight;
        if ((input.activation !== undefined && input.activation !== s.activation) || input.reset) {
          if (input.activation !== undefined) s.activation = input.activation;        // g is part of the network: a fresh one
          if (input.radius !== undefined) s.radius = shownRadius = input.radius;
          if (input.clip !== undefined) s.clip = input.clip;
          if (input.loss !== undefined) s.loss = input.loss;
          api.reset();
          render();
          return;
        }
        if (input.radius !== undefined) { s.radius = shownRadius = input.radius; change('radius', { radius: s.radius }); }
        if (input.clip !== undefined) { s.clip = input.clip; change('clip', { clip: s.clip }); }
        if (input.loss !== undefined) { s.loss = input.loss; change('lossAt', { loss: s.loss }); }
        render();
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.tabs[0].textContent = ctx.t('tabPaths');
        ui.tabs[1].textContent = ctx.t('tabNorms');
        ui.eqH.textContent = ctx.t('eqH');
        ui.eqY.textContent = ctx.t('eqY');
        ui.eqL.textContent = ctx.t('eqL');
        ui.biasNote.textContent = ctx.t('biasNote');
        ui.task.textContent = ctx.t('task', { delay: s.delay });
        ui.heatLabel.textContent = ctx.t('heatLabel');
        ui.presetButtons[0].textContent = ctx.t('presetVanish');
        ui.presetButtons[1].textContent = ctx.t('presetExplode');
        ['weightLabel', 'gLabel', 'lossLabel', 'presetLabel', 'radiusLabel', 'clipLabel'].forEach(function (k) { ui.labels[k].textContent = ctx.t(k); });
        ui.lossButtons[0].textContent = ctx.t('lossLast');
        ui.lossButtons[1].textContent = ctx.t('lossEvery');
        say(status.key, status.params);
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    ui.tabs.forEach(function (b) { b.addEventListener('click', function () { api.setInput({ view: b.value }); }); });
    ui.weightButtons.forEach(function (b) { b.addEventListener('click', function () { api.setInput({ weight: b.value }); }); });
    ui.presetButtons.forEach(function (b) { b.addEventListener('click', function () { api.setInput({ preset: b.value }); }); });
    ui.gButtons.forEach(function (b) { b.addEventListener('click', function () { api.setInput({ activation: b.value }); }); });
    ui.lossButtons.forEach(function (b) { b.addEventListener('click', function () { api.setInput({ loss: b.value }); }); });
    ui.slider.addEventListener('input', function () { ui.radiusValue.textContent = ctx.number(Number(ui.slider.value), 2); });
    ui.slider.addEventListener('change', function () { api.setInput({ radius: Number(ui.slider.value) }); });
    ui.clipButton.addEventListener('click', function () { api.setInput({ clip: !s.clip }); });
    ui.checkButton.addEventListener('click', function () {
      if (!ready || checking) return;
      checking = true; render();
      serial(function () {
        return client.request('gradcheck', {}).then(function (r) { check = r; checking = false; render(); });
      }).then(function () { checking = false; render(); });
    });
    api.relabel();

    RnnWidgetKit.startWorker('bptt', function (c) { client = c; return setup(); }).then(function (ev) {
      ready = true;
      render();
      ctx.emit('ready', { kind: client.kind, steps: s.train });
      ctx.emit('step', ev);
      player.start();
    }, fail);
    return api;
  }

  // A labelled group of toggle buttons in the bar.
  function group(parent, ui, labelKey, values, texts) {
    var g = node('div', 'bptt-ctl', parent);
    ui.labels[labelKey] = node('span', 'bptt-ctl-label', g);
    return { el: g, buttons: values.map(function (v, i) { var b = button(g, null, v); if (texts) b.textContent = texts[i]; return b; }) };
  }

  function build(root, graph) {
    root.textContent = '';
    var w = node('div', 'bptt', root);
    var head = node('div', 'bptt-head', w);
    var ui = { title: node('h1', 'bptt-title', head), labels: {} };
    ui.status = node('p', 'bptt-status', head);
    ui.status.setAttribute('role', 'status');
    var bar = node('div', 'bptt-bar', w);
    var tabs = node('div', 'bptt-tabs', bar);
    tabs.setAttribute('role', 'group');
    ui.tabs = ['paths', 'norms'].map(function (v) { return button(tabs, 'bptt-tab', v); });
    var weight = group(bar, ui, 'weightLabel', ['U', 'W', 'V'], ['U', 'W', 'V']);
    ui.weightButtons = weight.buttons;
    var preset = group(bar, ui, 'presetLabel', ['vanish', 'explode']);
    ui.presetButtons = preset.buttons;
    var g = group(bar, ui, 'gLabel', ['linear', 'tanh'], ['linear', 'tanh']);
    ui.gButtons = g.buttons;
    var loss = group(bar, ui, 'lossLabel', ['last', 'every']);
    ui.lossButtons = loss.buttons;
    var chk = node('div', 'bptt-checkrow', bar);   // the button in the bar, its result under the sums (the bar stays two lines)
    ui.checkButton = button(chk, 'bptt-check');
    ui.graph = graph.build(w);
    var below = node('div', 'bptt-below', w);
    // paths: the equations | the sum, the shared-weight sentence, the check
    var eqs = node('div', 'bptt-eqs', below);
    ui.eqH = node('p', 'bptt-eq', eqs);
    ui.eqY = node('p', 'bptt-eq', eqs);
    ui.eqL = node('p', 'bptt-eq', eqs);
    ui.eqSum = node('p', 'bptt-eq', eqs);
    ui.biasNote = node('p', 'bptt-note', eqs);
    var sums = node('div', 'bptt-sums', below);
    ui.sumLine = node('p', 'bptt-sum', sums);
    ui.totalLine = node('p', 'bptt-sum', sums);
    ui.shared = node('p', 'bptt-shared', sums);
    ui.checkOut = node('p', 'bptt-checkout', sums);
    // norms: the ends, the trend and the heatmap | radius, clipping
    var ends = node('div', 'bptt-endsbox', below);
    ui.ends = node('p', 'bptt-ends', ends);
    ui.trend = node('p', 'bptt-trend', ends);
    ui.gNote = node('p', 'bptt-note', ends);
    ui.heatLabel = node('p', 'bptt-heatlabel', ends);
    ui.heat = node('div', 'bptt-heat', ends);
    var side = node('div', 'bptt-side', below);
    var r = node('label', 'bptt-ctl', side);
    ui.labels.radiusLabel = node('span', 'bptt-ctl-label', r);
    ui.slider = node('input', 'bptt-slider', r);
    ui.slider.type = 'range'; ui.slider.min = '0.2'; ui.slider.max = '2'; ui.slider.step = '0.05';
    ui.radiusValue = node('span', 'bptt-radius', r);
    var c = node('div', 'bptt-ctl', side);
    ui.rho = node('span', 'bptt-rho', c);
    ui.labels.clipLabel = node('span', 'bptt-ctl-label', c);
    ui.clipButton = button(c);
    ui.norms = node('p', 'bptt-norms', side);
    ui.task = node('p', 'bptt-task', side);
    ui.pathsOnly = [weight.el, chk, eqs, sums];
    ui.normsOnly = [preset.el, ends, side];
    return ui;
  }

  // One row per training chunk: a cell per step, coloured by ||∂L/∂h_t||.
  function drawHeat(ui, rows, T) {
    ui.heat.textContent = '';
    ui.heat.style.gridTemplateColumns = 'repeat(' + T + ', minmax(0, 1fr))';
    rows.forEach(function (norms) {
      norms.forEach(function (v) { var c = node('span', 'bptt-heat-cell', ui.heat); c.style.background = heat(v); });
    });
  }

  RnnWidgetRegistry.provide('bptt', 'mount', mount);
})();
