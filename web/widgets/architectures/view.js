// view.js - the architectures widget: the five architectures of the lecture,
// each drawn unrolled (inputs x, hidden states h, outputs ŷ, the steps with a
// loss L) on a held-out example with the network's own answers, and trained
// live in the worker on its toy task with the held-out accuracy as a curve.
// Play trains (CHUNK steps per tick) up to the task's budget, → trains one
// chunk, r starts a fresh network; setInput picks the architecture or the example.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 5, TICK_MS = 60;
  var ARCHS = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many', 'encoder-decoder'];
  var SVG = 'http://www.w3.org/2000/svg';

  var node = RnnWidgetKit.node;
  function svg(tag, attrs, parent) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, s, cls, size) {
    var t = svg('text', { x: x, y: y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: cls || '' }, parent);
    if (size) t.setAttribute('font-size', String(size));
    t.textContent = s;
    return t;
  }

  function mount(root, ctx) {
    var s = ctx.settings;
    var ui = build(root, ctx);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var st = { step: 0, total: 0, target: 0, accuracy: NaN, example: null, history: [] };
    var status = { key: 'starting', params: {} };

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = ctx.t(key, status.params); }
    function fail(e) { player.halt(); say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }
    function statusLine() {
      if (st.step === 0) say('untrained');
      else say(st.step >= st.total ? 'trained' : 'training', { step: st.step, total: st.total });
    }

    function setup() {
      return client.request('setup', { task: s.arch, seed: s.seed, example: s.example }).then(function (r) {
        st = { step: 0, total: r.steps, target: r.target, accuracy: r.accuracy, example: r.example, history: [{ step: 0, acc: r.accuracy }] };
        statusLine();
        render();
      });
    }
    function emitStep() { ctx.emit('step', { step: st.step, arch: s.arch, accuracy: st.accuracy }); }

    function chunk() {
      return client.request('train', { steps: CHUNK, example: s.example }).then(function (r) {
        st.step = r.step; st.accuracy = r.accuracy; st.example = r.example;
        st.history.push({ step: r.step, acc: r.accuracy });
        statusLine();
        render();
        emitStep();
        if (st.step >= st.total && player.playing()) { player.halt(); ctx.emit('done', { step: st.step, arch: s.arch, accuracy: st.accuracy }); }
        ctx.changed();
      });
    }
    function running() { return ready && !destroyed; }

    function render() {
      ARCHS.forEach(function (a, i) { ui.picks[i].setAttribute('aria-pressed', a === s.arch ? 'true' : 'false'); });
      ui.app.textContent = ctx.t('app-' + s.arch);
      ui.task.textContent = ctx.t('task-' + s.arch);
      drawDiagram(ui, ctx, s.arch, st.example);
      drawCurve(ui, ctx, st);
      if (isFinite(st.accuracy)) {
        ui.acc.setAttribute('data-value', String(st.accuracy));
        ui.acc.textContent = ctx.t('accuracy', { p: ctx.percent(st.accuracy) });
        ui.goal.textContent = ctx.t('accuracyGoal', { p: ctx.percent(st.target) });
      } else { ui.acc.removeAttribute('data-value'); ui.acc.textContent = ''; ui.goal.textContent = ''; }
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        if (ready && st.step >= st.total) return;
        player.play();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(chunk); },
      reset: function () {
        api.pause();
        if (!ready) return;
        serial(function () { return setup().then(function () { emitStep(); ctx.changed(); }); });
      },
      setInput: function (input) {
        var archChanged = input.arch !== undefined && input.arch !== s.arch;
        if (input.arch !== undefined) s.arch = input.arch;
        if (input.example !== undefined) s.example = input.example;
        if (!ready) { render(); return; }
        if (archChanged) { api.reset(); return; }
        serial(function () {
          return client.request('example', { example: s.example }).then(function (r) { st.example = r.example; render(); });
        });
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.pickBox.setAttribute('aria-label', ctx.t('pickLabel'));
        ARCHS.forEach(function (a, i) { ui.picks[i].textContent = ctx.t(a); });
        ui.next.textContent = ctx.t('nextExample');
        ui.legend.textContent = ctx.t('legend');
        ui.diagram.setAttribute('aria-label', ctx.t('diagramLabel'));
        ui.curve.setAttribute('aria-label', ctx.t('curveLabel'));
        say(status.key, status.params);
        if (status.key !== 'failed' && ready) statusLine();
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    ARCHS.forEach(function (a, i) { ui.picks[i].addEventListener('click', function () { api.setInput({ arch: a }); }); });
    ui.next.addEventListener('click', function () { api.setInput({ example: (s.example + 1) % 256 }); });
    api.relabel();

    RnnWidgetKit.startWorker('architectures', function (c) { client = c; return setup(); }).then(function () {
      ready = true;
      ctx.emit('ready', { kind: client.kind, arch: s.arch, steps: st.total });
      player.start();
    }, fail);
    return api;
  }

  function build(root) {
    root.textContent = '';
    var w = node('div', 'arch', root);
    var head = node('div', 'arch-head', w);
    var ui = { title: node('h1', 'arch-title', head) };
    ui.status = node('p', 'arch-status', head);
    ui.status.setAttribute('role', 'status');
    ui.pickBox = node('div', 'arch-picks', w);
    ui.pickBox.setAttribute('role', 'group');
    ui.picks = ARCHS.map(function () { var b = node('button', null, ui.pickBox); b.type = 'button'; return b; });
    ui.diagram = svg('svg', { class: 'arch-diagram', role: 'img', preserveAspectRatio: 'xMidYMid meet' }, w);
    var row = node('div', 'arch-row', w);
    var info = node('div', 'arch-info', row);
    ui.app = node('p', 'arch-app', info);
    ui.task = node('p', 'arch-task', info);
    var accLine = node('p', 'arch-accline', info);
    ui.acc = node('span', 'arch-acc', accLine);
    ui.goal = node('span', 'arch-goal', accLine);
    ui.next = node('button', 'arch-next', info);
    ui.next.type = 'button';
    ui.curve = svg('svg', { class: 'arch-curve', viewBox: '0 0 300 120', role: 'img', preserveAspectRatio: 'none' }, row);
    ui.legend = node('p', 'arch-legend', w);
    return ui;
  }

  // The columns of the unrolled network: {x, y, target, loss, part}. x: an
  // input label (or the seven segments), null = no input; y: an output label, null = none.
  function columns(arch, ex) {
    if (!ex) return [];
    var n = ex.inputs.length;
    switch (arch) {
      case 'one-to-one': return [{ x: { seg: ex.inputs[0] }, y: ex.outputs[0], target: ex.targets[0], loss: true }];
      case 'one-to-many': return ex.outputs.map(function (o, i) {
        return { x: i === 0 ? ex.inputs[0] : null, y: o, target: ex.targets[i], loss: true };
      });
      case 'many-to-one': return ex.inputs.map(function (w, i) {
        var last = i === n - 1;
        return { x: w, y: last ? ex.outputs[0] : null, target: last ? ex.targets[0] : null, loss: last };
      });
      case 'many-to-many': return ex.inputs.map(function (w, i) { return { x: w, y: ex.outputs[i], target: ex.targets[i], loss: true }; });
      default: {
        var enc = ex.inputs.map(function (w) { return { x: w, y: null, loss: false, part: 'enc' }; });
        var dec = ex.outputs.map(function (o, i) {
          return { x: i === 0 ? '▶' : ex.outputs[i - 1], y: o, target: ex.targets[i], loss: true, part: 'dec' };
        });
        return enc.concat(dec);
      }
    }
  }

  var COL = 100, LEFT = 70, H = 330;
  var ROW = { loss: 22, y: 75, h: 170, x: 270 };

  function drawDiagram(ui, ctx, arch, ex) {
    var g = ui.diagram;
    g.textContent = '';
    var cols = columns(arch, ex), n = Math.max(1, cols.length);
    var W = LEFT + n * COL;
    g.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg('path', { d: 'M0,0 L6,3 L0,6 z', fill: 'currentColor' }, svg('marker', { id: 'arch-arrow', viewBox: '0 0 6 6', refX: 6, refY: 3,
      markerWidth: 6, markerHeight: 6, orient: 'auto' }, svg('defs', {}, g)));
    text(g, 30, ROW.y, 'ŷ', 'arch-rowlabel', 26);
    text(g, 30, ROW.h, 'h', 'arch-rowlabel', 26);
    text(g, 30, ROW.x, 'x', 'arch-rowlabel', 26);
    var firstDec = -1;
    cols.forEach(function (c, i) {
      var cx = LEFT + i * COL + COL / 2;
      if (c.part === 'dec' && firstDec < 0) firstDec = i;
      // hidden state and the recurrence arrow from the previous step
      svg('circle', { cx: cx, cy: ROW.h, r: 24, class: 'arch-h' + (c.part === 'enc' ? ' enc' : c.part === 'dec' ? ' dec' : '') }, g);
      text(g, cx, ROW.h, 'h' + sub(i + 1), 'arch-hlabel', 18);
      if (i > 0) {
        svg('line', { x1: cx - COL + 24, y1: ROW.h, x2: cx - 26, y2: ROW.h, class: 'arch-arrow' + (firstDec === i ? ' ctx' : ''),
          'marker-end': 'url(#arch-arrow)' }, g);
      }
      if (c.x !== null && c.x !== undefined) {
        svg('line', { x1: cx, y1: ROW.x - 24, x2: cx, y2: ROW.h + 26, class: 'arch-arrow', 'marker-end': 'url(#arch-arrow)' }, g);
        if (c.x.seg) drawSeg(g, cx, ROW.x, c.x.seg);
        else {
          svg('rect', { x: cx - 46, y: ROW.x - 20, width: 92, height: 40, rx: 6, class: 'arch-box' }, g);
          text(g, cx, ROW.x, c.x, 'arch-word', fit(c.x));
        }
      }
      if (c.y !== null && c.y !== undefined) {
        svg('line', { x1: cx, y1: ROW.h - 24, x2: cx, y2: ROW.y + 22, class: 'arch-arrow', 'marker-end': 'url(#arch-arrow)' }, g);
        var right = c.y === c.target;
        svg('rect', { x: cx - 46, y: ROW.y - 20, width: 92, height: 40, rx: 6, class: 'arch-box out ' + (right ? 'right' : 'wrong') }, g);
        var t = text(g, cx, ROW.y, c.y, 'arch-word', fit(c.y));
        var title = svg('title', {}, t);
        title.textContent = ctx.t('target', { t: c.target === undefined || c.target === null ? '—' : c.target });
      }
      if (c.loss) text(g, cx, ROW.loss, 'L' + sub(i + 1), 'arch-loss', 18);
    });
    if (firstDec > 0) {
      // the encoder's last state is the summary c that starts the decoder
      var bx = LEFT + firstDec * COL;
      svg('line', { x1: bx, y1: ROW.h - 60, x2: bx, y2: H - 4, class: 'arch-split' }, g);
      text(g, bx - COL / 2, ROW.h - 48, ctx.t('encoder'), 'arch-part', 16);
      text(g, bx + COL / 2, ROW.h - 48, ctx.t('decoder'), 'arch-part', 16);
      text(g, bx, ROW.h - 14, ctx.t('summaryC'), 'arch-ctx', 18);
    }
  }

  function sub(k) { return String(k).split('').map(function (d) { return '₀₁₂₃₄₅₆₇₈₉'[+d]; }).join(''); }
  function fit(w) { w = String(w); return w.length > 8 ? 15 : w.length > 6 ? 18 : 22; }

  // A seven-segment digit: each segment as dark as its (noisy) input value.
  var SEGS = [[-14, -32, 14, -32], [16, -30, 16, -4], [16, 4, 16, 30], [-14, 32, 14, 32], [-16, 4, -16, 30], [-16, -30, -16, -4], [-14, 0, 14, 0]];
  function drawSeg(g, cx, cy, v) {
    svg('rect', { x: cx - 30, y: cy - 42, width: 60, height: 84, rx: 6, class: 'arch-box' }, g);
    SEGS.forEach(function (p, i) {
      var o = Math.max(0.06, Math.min(1, v[i]));
      svg('line', { x1: cx + p[0], y1: cy + p[1] * 1.1, x2: cx + p[2], y2: cy + p[3] * 1.1, class: 'arch-seg', 'stroke-opacity': o.toFixed(3) }, g);
    });
  }

  // Held-out accuracy against training steps (0..the task's budget), with the goal.
  function drawCurve(ui, ctx, st) {
    var g = ui.curve;
    g.textContent = '';
    var X = function (step) { return 8 + 284 * (st.total ? step / st.total : 0); }, Y = function (a) { return 112 - 104 * a; };
    svg('rect', { x: 8, y: 8, width: 284, height: 104, class: 'arch-plot' }, g);
    svg('line', { x1: 8, y1: Y(st.target), x2: 292, y2: Y(st.target), class: 'arch-goalline' }, g);
    var pts = st.history.filter(function (h) { return isFinite(h.acc); }).map(function (h) { return X(h.step).toFixed(1) + ',' + Y(h.acc).toFixed(1); });
    if (pts.length) svg('polyline', { points: pts.join(' '), class: 'arch-line' }, g);
  }

  RnnWidgetRegistry.provide('architectures', 'mount', mount);
})();
