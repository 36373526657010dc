// view.js - the bptt widget: the unrolled graph of T steps (x_t, h_t, ŷ_t,
// L_t; L = Σ_t L_t) of a small RNN that trains live, in its worker, on the
// engine's delayed-echo task. Under each h_t: ||∂L/∂h_t|| now, and a heatmap
// of it over training (one row per chunk); under the graph: ∂L/∂W_t[1,1] at
// every step, their sum and the engine's ∂L/∂W[1,1] ("o gradiente de um peso
// compartilhado é a soma ao longo do tempo"). Controls: g (tanh / linear),
// loss at every step or the last only, the spectral radius of W (slider; the
// engine rescales W and reports ρ(W)), clipping with the norm before and
// after, and a gradient check (relative error of U, W, V). Every number comes
// from the worker (the engine); the view only draws and formats.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 5;          // optimiser steps per tick / per → press
  var TICK_MS = 60;
  var HEAT_ROWS = 24;     // training chunks kept in the heatmap
  var LOG_LO = -4, LOG_HI = 2;   // heatmap colour scale: 1e-4 .. 1e2

  var node = RnnWidgetKit.node;

  var SUB = '₀₁₂₃₄₅₆₇₈₉';
  function sub(n) { return String(n).split('').map(function (d) { return SUB[Number(d)]; }).join(''); }

  function button(parent, cls) { var b = node('button', cls, parent); b.type = 'button'; return b; }

  // A norm as a colour: log scale from LOG_LO to LOG_HI, pale blue -> dark red.
  function heat(v) {
    if (!(v > 0) || !isFinite(v)) return v === 0 ? '#eef1f6' : '#3b0000';
    var f = (Math.log(v) / Math.LN10 - LOG_LO) / (LOG_HI - LOG_LO);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return 'hsl(' + Math.round(220 - 220 * f) + ', 70%, ' + Math.round(88 - 50 * f) + '%)';
  }

  function mount(root, ctx) {
    var s = ctx.settings;
    var ui = build(root, s.steps);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var shownRadius = s.radius;
    var snap = null, rows = [], check = null, checking = false, status = { key: 'starting', params: {} };

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
      var ev = { step: r.step, loss: r.loss, accuracy: r.accuracy, rho: r.rho, dhFirst: r.dhNorms[0],
        dhLast: r.dhNorms[r.dhNorms.length - 1], dWSum: r.dW.sum, dWTotal: r.dW.total };
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

    function render() {
      ui.task.textContent = ctx.t('task', { delay: s.delay });
      ui.gButtons.forEach(function (b) { b.setAttribute('aria-pressed', b.value === s.activation ? 'true' : 'false'); });
      ui.lossButtons.forEach(function (b) { b.setAttribute('aria-pressed', b.value === s.loss ? 'true' : 'false'); });
      ui.slider.value = String(shownRadius);
      ui.radiusValue.textContent = ctx.number(shownRadius, 2);
      ui.clipButton.setAttribute('aria-pressed', s.clip ? 'true' : 'false');
      ui.clipButton.textContent = ctx.t(s.clip ? 'clipOn' : 'clipOff');
      ui.checkButton.disabled = checking || !ready;
      ui.checkButton.textContent = ctx.t(checking ? 'checking' : 'check');
      drawCheck();
      statusLine();
      if (!snap) return;
      drawGraph(ui, ctx, snap, s);
      drawHeat(ui, rows);
      ui.rho.textContent = ctx.t('rho', { rho: ctx.number(snap.rho, 3) });
      ui.rho.setAttribute('data-value', String(snap.rho));
      var t = snap.train;
      ui.norms.textContent = t ? ctx.t(t.clipped ? 'normsClipped' : 'norms',
        { before: ctx.number(t.gradNorm, 3), after: ctx.number(t.gradNormAfter, 3) }) : '';
      if (t) { ui.norms.setAttribute('data-before', String(t.gradNorm)); ui.norms.setAttribute('data-after', String(t.gradNormAfter)); }
      var first = snap.dhNorms[0], lastN = snap.dhNorms[snap.dhNorms.length - 1];
      ui.ends.textContent = ctx.t('ends', { first: sci(ctx, first), last: sci(ctx, lastN) });
      ui.ends.setAttribute('data-first', String(first));
      ui.ends.setAttribute('data-last', String(lastN));
      var kind = !(first < 1e2 * lastN) ? 'explode' : first < 1e-2 * lastN ? 'vanish' : 'steady';
      ui.trend.textContent = ctx.t(kind);
      ui.trend.className = 'bptt-trend ' + kind;
    }

    function drawCheck() {
      if (!check) { ui.checkOut.textContent = ctx.t('checkHint'); ui.checkOut.removeAttribute('data-u'); return; }
      ui.checkOut.textContent = ctx.t('checkResult', { u: sci(ctx, check.U), w: sci(ctx, check.W), v: sci(ctx, check.V) });
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
        if (input.activation !== undefined && input.activation !== s.activation) {
          s.activation = input.activation;        // g is part of the network: a fresh one
          if (input.radius !== undefined) s.radius = input.radius;
          if (input.clip !== undefined) s.clip = input.clip;
          if (input.loss !== undefined) s.loss = input.loss;
          api.reset();
          render();
          return;
        }
        if (input.radius !== undefined) { s.radius = shownRadius = input.radius; change('radius', { radius: s.radius }); }
        if (input.clip !== undefined) { s.clip = input.clip; change('clip', { clip: s.clip }); }
        if (input.loss !== undefined) { s.loss = input.loss; change('lossAt', { loss: s.loss }); }
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.eq.textContent = ctx.t('equations');
        ui.names.textContent = ctx.t('names');
        ui.shared.textContent = ctx.t('shared');
        ui.heatLabel.textContent = ctx.t('heatLabel');
        ui.gLabel.textContent = ctx.t('gLabel');
        ui.lossLabel.textContent = ctx.t('lossLabel');
        ui.lossButtons[0].textContent = ctx.t('lossEvery');
        ui.lossButtons[1].textContent = ctx.t('lossLast');
        ui.radiusLabel.textContent = ctx.t('radiusLabel');
        ui.clipLabel.textContent = ctx.t('clipLabel');
        ui.rowLabels.forEach(function (l) { l.el.textContent = ctx.t(l.key); });
        say(status.key, status.params);
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

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

  // 1.2e-5 style for numbers that span many decades
  function sci(ctx, v) {
    if (!isFinite(v)) return String(v);
    if (v !== 0 && (Math.abs(v) < 1e-2 || Math.abs(v) >= 1e4)) {
      var e = Math.floor(Math.log(Math.abs(v)) / Math.LN10), m = v / Math.pow(10, e);
      return ctx.number(m, 1) + 'e' + e;
    }
    return ctx.number(v, 3);
  }

  function build(root, T) {
    root.textContent = '';
    var w = node('div', 'bptt', root);
    var head = node('div', 'bptt-head', w);
    var ui = { title: node('h1', 'bptt-title', head), rowLabels: [] };
    ui.status = node('p', 'bptt-status', head);
    ui.status.setAttribute('role', 'status');
    var body = node('div', 'bptt-body', w);
    var left = node('div', 'bptt-left', body);
    ui.eq = node('p', 'bptt-eq', left);
    ui.names = node('p', 'bptt-names', left);
    ui.graph = node('div', 'bptt-graph', left);
    ui.graph.style.gridTemplateColumns = '5.5rem repeat(' + T + ', minmax(0, 1fr))';
    ui.cells = {};
    ['rowL', 'rowY', 'rowH', 'dhLabel', 'rowX', 'dwLabel'].forEach(function (key) {
      var lab = node('span', 'bptt-rowlabel', ui.graph);
      ui.rowLabels.push({ el: lab, key: key });
      ui.cells[key] = [];
      for (var t = 0; t < T; t++) ui.cells[key].push(node('span', 'bptt-cell ' + key, ui.graph));
    });
    ui.dwSum = node('p', 'bptt-dwsum', left);
    ui.shared = node('p', 'bptt-shared', left);
    ui.heatLabel = node('p', 'bptt-heatlabel', left);
    ui.heat = node('div', 'bptt-heat', left);
    ui.heat.style.gridTemplateColumns = '5.5rem repeat(' + T + ', minmax(0, 1fr))';

    var right = node('div', 'bptt-right', body);
    ui.task = node('p', 'bptt-task', right);
    var g = node('div', 'bptt-ctl', right);
    ui.gLabel = node('span', 'bptt-ctl-label', g);
    ui.gButtons = ['tanh', 'linear'].map(function (v) { var b = button(g); b.value = v; b.textContent = v; return b; });
    var l = node('div', 'bptt-ctl', right);
    ui.lossLabel = node('span', 'bptt-ctl-label', l);
    ui.lossButtons = ['every', 'last'].map(function (v) { var b = button(l); b.value = v; return b; });
    var r = node('label', 'bptt-ctl', right);
    ui.radiusLabel = node('span', 'bptt-ctl-label', r);
    ui.slider = node('input', 'bptt-slider', r);
    ui.slider.type = 'range'; ui.slider.min = '0.2'; ui.slider.max = '2'; ui.slider.step = '0.05';
    ui.radiusValue = node('span', 'bptt-radius', r);
    ui.rho = node('p', 'bptt-rho', right);
    ui.ends = node('p', 'bptt-ends', right);
    ui.trend = node('p', 'bptt-trend', right);
    var c = node('div', 'bptt-ctl', right);
    ui.clipLabel = node('span', 'bptt-ctl-label', c);
    ui.clipButton = button(c);
    ui.norms = node('p', 'bptt-norms', right);
    ui.checkButton = button(right, 'bptt-check');
    ui.checkOut = node('p', 'bptt-checkout', right);
    return ui;
  }

  function drawGraph(ui, ctx, snap, s) {
    var T = snap.dhNorms.length;
    for (var t = 0; t < T; t++) {
      var k = sub(t + 1);
      ui.cells.rowL[t].textContent = 'L' + k;
      ui.cells.rowL[t].classList.toggle('off', s.loss === 'last' && t < T - 1);
      ui.cells.rowY[t].textContent = 'ŷ' + k;
      ui.cells.rowH[t].textContent = 'h' + k;
      ui.cells.rowH[t].style.background = heat(snap.dhNorms[t]);
      ui.cells.rowX[t].textContent = 'x' + k;
      var dh = ui.cells.dhLabel[t];
      dh.textContent = sci(ctx, snap.dhNorms[t]);
      dh.setAttribute('data-value', String(snap.dhNorms[t]));
      var dw = ui.cells.dwLabel[t];
      dw.textContent = sci(ctx, snap.dW.steps[t]);
      dw.setAttribute('data-value', String(snap.dW.steps[t]));
    }
    ui.dwSum.textContent = ctx.t('dwSum', { sum: sci(ctx, snap.dW.sum), total: sci(ctx, snap.dW.total) });
    ui.dwSum.setAttribute('data-sum', String(snap.dW.sum));
    ui.dwSum.setAttribute('data-total', String(snap.dW.total));
  }

  function drawHeat(ui, rows) {
    ui.heat.textContent = '';
    rows.forEach(function (norms, i) {
      node('span', 'bptt-heat-label', ui.heat, i === rows.length - 1 ? '▸' : '');
      norms.forEach(function (v) { var c = node('span', 'bptt-heat-cell', ui.heat); c.style.background = heat(v); });
    });
  }

  RnnWidgetRegistry.provide('bptt', 'mount', mount);
})();
