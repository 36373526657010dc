// view.js - the sum-rnn widget ("esta RNN soma as entradas"). One linear
// hidden unit, h_t = U x_t + W h_{t-1}, y_t = V h_t (bias 0), drawn twice:
// folded (x -> h -> y, a self-loop W on h, the state after the latest step)
// and unrolled in time: one column per step (x_t -> h_t -> y_t,
// h_{t-1} -> h_t), the same weights written on every edge, and why they are
// the same (time invariance). → runs one time step in the engine (SeqNet.step, in
// the worker) and fills in its column; play steps with a pause in between;
// r goes back to h_0 = 0. The sentence under the graph is chosen from the
// engine's spectral radius of W and how much of x_1 reaches the last state.
/* global RnnWidgetRegistry, RnnHashSchema, RnnNumberList, RnnWidgetKit */
'use strict';
(function () {
  var ID = 'sum-rnn';
  var SUB = '₀₁₂₃₄₅₆₇₈₉';
  var PRESETS = [
    { key: 'presetSum', W: 1 },
    { key: 'presetForget', W: 0.5 },
    { key: 'presetExplode', W: 2 },
  ];
  var WEIGHTS = ['U', 'W', 'V'];

  var node = RnnWidgetKit.node;
  function sub(name, t) { return name + String(t).split('').map(function (d) { return SUB[+d]; }).join(''); }
  function place(e, row, col) { e.style.gridRow = String(row); e.style.gridColumn = String(col); return e; }

  // The regime the sentence under the graph names, from the engine's ρ(W).
  function regime(info, W) {
    if (info.radius === 0) return 'regimeNone';
    if (info.radius < 1 - 1e-6) return 'regimeForget';
    if (info.radius > 1 + 1e-6) return 'regimeExplode';
    return W > 0 ? 'regimeSum' : 'regimeAlternate';
  }

  function mount(root, ctx) {
    var s = ctx.settings;
    var hash = RnnHashSchema.make(RnnWidgetRegistry.get(ID).schema.fields);
    var ui = build(root);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: stepOnce, delay: delay, running: running });
    var xs = RnnNumberList.parse(s.x), vals = [], info = null, failure = null, bad = null;
    var num = function (x) { return RnnNumberList.one(x, ctx.lang()); };

    function fail(e) { player.halt(); failure = e && e.message ? e.message : String(e); render(); ctx.changed(); }

    // New weights and inputs into the engine; back to step 0.
    function setup() {
      xs = RnnNumberList.parse(s.x);
      return client.request('setup', { U: s.U, W: s.W, V: s.V, steps: xs.length }).then(function (r) {
        info = r; vals = [];
        render();
      });
    }

    function restart() {
      return client.request('reset', {}).then(function () {
        vals = [];
        render();
        ctx.emit('step', { t: 0, T: xs.length });
      });
    }

    function stepOnce() {
      if (vals.length >= xs.length) return Promise.resolve();
      var t = vals.length;
      return client.request('step', { x: xs[t] }).then(function (r) {
        r.x = xs[t];
        vals.push(r);
        render();
        ctx.emit('step', { t: t + 1, T: xs.length, x: xs[t], h: r.h, y: r.y });
        if (vals.length >= xs.length && player.playing()) {
          player.halt();
          ctx.emit('done', { t: vals.length, h: r.h, y: r.y });
        }
        ctx.changed();
      });
    }

    function delay() { return s.delay; }
    function running() { return ready && !destroyed; }

    function render() {
      drawFolded(ui, ctx, s, vals);
      drawGraph(ui, ctx, s, xs, vals);
      ui.status.textContent = failure ? ctx.t('failed', { reason: failure }) : !ready ? ctx.t('starting')
        : vals.length === 0 ? ctx.t('atStart')
          : vals.length < xs.length ? ctx.t('atStep', { t: vals.length, T: xs.length })
            : ctx.t('atEnd', { T: xs.length, h: num(vals[vals.length - 1].h) });
      if (info) {
        var key = regime(info, s.W);
        ui.verdict.textContent = ctx.t(key, { w: num(info.radius), k: num(info.impulse) });
        ui.verdict.setAttribute('data-regime', key.replace('regime', '').toLowerCase());
        ui.verdict.setAttribute('data-value', String(info.impulse));
      }
      ui.error.textContent = bad ? ctx.t(bad) : '';
      PRESETS.forEach(function (p, i) { ui.presets[i].setAttribute('aria-pressed', s.W === p.W ? 'true' : 'false'); });
      fillFields();
    }

    function fillFields() {
      if (document.activeElement !== ui.fields.x) ui.fields.x.value = RnnNumberList.format(RnnNumberList.parse(s.x), ctx.lang());
      WEIGHTS.forEach(function (k) { if (document.activeElement !== ui.fields[k]) ui.fields[k].value = num(s[k]); });
    }

    // A field typed by hand: checked like a link's value; refused values stay out.
    function fromField(key) {
      var raw = ui.fields[key].value.trim();
      if (key !== 'x') raw = raw.replace(',', '.').replace('\u2212', '-');
      var r = hash.parseValue(key, raw);
      ui.fields[key].setAttribute('aria-invalid', r.ok ? 'false' : 'true');
      if (!r.ok) { bad = key === 'x' ? 'badX' : 'badWeight'; render(); return; }
      bad = null;
      var input = {};
      input[key] = r.value;
      api.setInput(input);
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        player.arm();
        if (!ready || player.looping()) return;
        if (vals.length >= xs.length) serial(restart).then(player.start); else player.start();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(stepOnce); },
      reset: function () { api.pause(); if (ready) serial(restart); },
      setInput: function (input) {
        api.pause();
        Object.keys(input).forEach(function (k) { s[k] = input[k]; });
        if (!ready) { xs = RnnNumberList.parse(s.x); render(); return; }
        serial(function () { return setup().then(function () { ctx.emit('step', { t: 0, T: xs.length }); ctx.changed(); }); });
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.rule.textContent = ctx.t('rule');
        ui.presetsBox.setAttribute('aria-label', ctx.t('presetsLabel'));
        PRESETS.forEach(function (p, i) { ui.presets[i].textContent = ctx.t(p.key); });
        ui.labels.x.textContent = ctx.t('fieldX');
        ['x'].concat(WEIGHTS).forEach(function (k) { ui.fields[k].setAttribute('aria-label', ctx.t('field' + k.toUpperCase() + 'Label')); });
        ui.graph.setAttribute('aria-label', ctx.t('graphLabel'));
        ui.folded.setAttribute('aria-label', ctx.t('foldedLabel'));
        ui.foldedTitle.textContent = ctx.t('folded');
        ui.unrollArrow.textContent = ctx.t('unroll');
        ui.why.textContent = ctx.t('why');
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    PRESETS.forEach(function (p, i) { ui.presets[i].addEventListener('click', function () { api.setInput({ W: p.W }); }); });
    ['x'].concat(WEIGHTS).forEach(function (k) {
      ui.fields[k].addEventListener('change', function () { fromField(k); });
    });
    api.relabel();

    RnnWidgetKit.startWorker(ID, function (c) { client = c; return setup(); }).then(function () {
      ready = true;
      render();
      ctx.emit('ready', { kind: client.kind, T: xs.length });
      player.start();
    }, fail);
    return api;
  }

  function build(root) {
    root.textContent = '';
    var w = node('div', 'sumrnn', root);
    var head = node('div', 'sumrnn-head', w);
    var ui = { title: node('h1', 'sumrnn-title', head) };
    ui.presetsBox = node('div', 'sumrnn-presets', head);
    ui.presetsBox.setAttribute('role', 'group');
    node('span', 'sumrnn-presets-name math', ui.presetsBox, 'W:');
    ui.presets = PRESETS.map(function () { var b = node('button', null, ui.presetsBox); b.type = 'button'; return b; });
    var eq = node('p', 'sumrnn-rule-line', w);
    ui.rule = node('span', 'sumrnn-rule', eq);
    node('span', 'sumrnn-eq math', eq, 'hₜ = U·xₜ + W·hₜ₋₁    yₜ = V·hₜ');
    ui.status = node('span', 'sumrnn-status', eq);
    ui.status.setAttribute('role', 'status');
    var pictures = node('div', 'sumrnn-pictures', w);
    ui.folded = node('div', 'sumrnn-folded', pictures);
    ui.folded.setAttribute('role', 'group');
    ui.foldedTitle = node('span', 'sumrnn-folded-title', ui.folded);
    ui.fy = foldedNode(ui.folded, 'y');
    ui.fV = node('span', 'sumrnn-fedge math', ui.folded);
    var loopRow = node('div', 'sumrnn-loop-row', ui.folded);
    ui.fh = foldedNode(loopRow, 'h');
    var loop = node('span', 'sumrnn-loop', loopRow);
    node('span', 'sumrnn-loop-arrow', loop, '↻').setAttribute('aria-hidden', 'true');
    ui.fW = node('span', 'sumrnn-weight math', loop);
    ui.fU = node('span', 'sumrnn-fedge math', ui.folded);
    ui.fx = foldedNode(ui.folded, 'x');
    ui.unrollArrow = node('span', 'sumrnn-unroll', pictures);
    ui.graph = node('div', 'sumrnn-graph', pictures);
    ui.graph.setAttribute('role', 'group');
    ui.why = node('p', 'sumrnn-why', w);
    ui.verdict = node('p', 'sumrnn-verdict', w);
    var form = node('div', 'sumrnn-fields', w);
    ui.fields = {}; ui.labels = {};
    ['x'].concat(WEIGHTS).forEach(function (k) {
      var label = node('label', 'sumrnn-field sumrnn-field-' + k, form);
      ui.labels[k] = node('span', k === 'x' ? 'sumrnn-field-name' : 'sumrnn-field-name math', label, k === 'x' ? '' : k);
      var input = node('input', null, label);
      input.type = 'text';
      input.inputMode = k === 'x' ? 'text' : 'decimal';
      input.spellcheck = false;
      input.autocomplete = 'off';
      ui.fields[k] = input;
    });
    ui.error = node('p', 'sumrnn-error', w);
    ui.error.setAttribute('role', 'alert');
    return ui;
  }

  // The unrolled graph. Rows: 1 step heads, 2 y, 3 V edges, 4 h (and the W
  // edges between the columns), 5 U edges, 6 x. Columns: h_0, then per step
  // an edge column and a node column (the folded picture names the rows).
  function drawGraph(ui, ctx, s, xs, vals) {
    var g = ui.graph, T = xs.length;
    var num = function (x) { return RnnNumberList.one(x, ctx.lang()); };
    g.textContent = '';
    g.style.gridTemplateColumns = 'minmax(2.6rem, auto) repeat(' + T + ', 2.9rem minmax(0, 1fr))';
    place(valueNode(g, 'h', sub('h', 0), 0, 'h0'), 4, 1);
    for (var i = 0; i < T; i++) {
      var col = 3 + 2 * i, t = i + 1, done = i < vals.length;
      var head = place(node('span', 'sumrnn-stephead math', g, ctx.t('stepHead', { t: t })), 1, col);
      if (i === vals.length - 1) head.classList.add('now');
      place(edge(g, 'sumrnn-edge-w', '⟶', 'W = ' + num(s.W)), 4, col - 1);
      place(edge(g, 'sumrnn-edge-up', '↑', 'V = ' + num(s.V)), 3, col);
      place(edge(g, 'sumrnn-edge-up', '↑', 'U = ' + num(s.U)), 5, col);
      place(valueNode(g, 'y', sub('y', t), done ? vals[i].y : null, 'y' + t), 2, col);
      place(valueNode(g, 'h', sub('h', t), done ? vals[i].h : null, 'h' + t), 4, col);
      place(valueNode(g, 'x', sub('x', t), xs[i], 'x' + t), 6, col);
    }

    function valueNode(parent, kind, name, value, key) {
      var box = node('div', 'sumrnn-node sumrnn-' + kind, parent);
      node('span', 'sumrnn-name math', box, name);
      var v = node('span', 'sumrnn-val', box, value === null ? '?' : num(value));
      if (v.textContent.length > 7) v.classList.add('longer');
      else if (v.textContent.length > 4) v.classList.add('long');
      if (value === null) box.classList.add('pending');
      else v.setAttribute('data-value', String(value));
      box.setAttribute('data-key', key);
      return box;
    }
  }

  function foldedNode(parent, kind) {
    var box = node('div', 'sumrnn-fnode sumrnn-f' + kind, parent);
    node('span', 'sumrnn-name math', box, kind);
    box.val = node('span', 'sumrnn-fval', box);
    return box;
  }

  // The folded network: x -> h -> y with h's self-loop W; the values are the
  // ones of the latest step (before the first step: h = h_0 = 0, x and y "?").
  function drawFolded(ui, ctx, s, vals) {
    var num = function (x) { return RnnNumberList.one(x, ctx.lang()); };
    var last = vals.length ? vals[vals.length - 1] : null;
    ui.fV.textContent = '↑ V = ' + num(s.V);
    ui.fU.textContent = '↑ U = ' + num(s.U);
    ui.fW.textContent = 'W = ' + num(s.W);
    ui.fy.val.textContent = last ? num(last.y) : '?';
    ui.fh.val.textContent = last ? num(last.h) : '0';
    ui.fx.val.textContent = last ? num(last.x) : '?';
    ui.fh.setAttribute('data-value', String(last ? last.h : 0));
  }

  function edge(parent, cls, arrow, label) {
    var e = node('div', 'sumrnn-edge ' + cls, parent);
    node('span', 'sumrnn-weight math', e, label);
    node('span', 'sumrnn-arrow', e, arrow).setAttribute('aria-hidden', 'true');
    return e;
  }

  RnnWidgetRegistry.provide(ID, 'mount', mount);
})();
