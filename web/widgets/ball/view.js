// view.js - the ball widget ("em que direção a bola irá?"). Two models train
// live in the worker on the same trajectories: one sees only the last frame,
// an RNN sees the frames in order (many-to-one). The view shows a trajectory
// on the grid (a held-out one, or one the user draws by clicking cells), both
// models' probabilities per direction for it, their held-out accuracies and
// the accuracy curves. Every number comes from the worker (the engine).
// scene=car tells the lecture's "Caso Tesla" with the same models and
// trajectories: the moving thing is a pedestrian, one grid row is a car's
// road, and "only the last frame" is what a CNN sees in one photo.
// Play trains CHUNK steps per tick up to `steps`; → one chunk; r fresh models.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 10;        // optimiser steps per tick / per → press
  var TICK_MS = 60;
  var BATCH = 32;        // trajectories per step (worker.js BATCH)
  var LR = 0.03;
  var ARROWS = { up: '↑', right: '→', down: '↓', left: '←', 'up-right': '↗', 'down-right': '↘', 'down-left': '↙', 'up-left': '↖' };
  var MODELS = ['last', 'seq'];

  var node = RnnWidgetKit.node;

  function mount(root, ctx) {
    var s = ctx.settings;
    var D = Number(s.dirs);
    var ui = build(root, s.grid);
    var text = function (key, params) { return ctx.t(s.scene === 'car' && ctx.t('car_' + key) !== 'car_' + key ? 'car_' + key : key, params); };
    var chart = RnnWidgetRegistry.get('ball').chart;
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var status = { key: 'starting', params: {} };
    // what the engine said last: accuracies, the curve, the trajectory shown and both answers
    var acc = null, history = [], directions = [], shown = { cells: [], label: -1, index: -1 }, answer = null;

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = text(key, status.params); }
    function fail(e) { player.halt(); say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }
    function step() { return acc ? acc.step : 0; }

    function statusLine() {
      if (step() === 0) say('untrained');
      else say(step() >= s.steps ? 'trained' : 'training', { step: step(), total: s.steps, batch: BATCH });
    }

    // The models answer once the trajectory has all its frames (the length they learned).
    function predict() {
      if (shown.cells.length !== s.frames) { answer = null; render(); return Promise.resolve(); }
      return client.request('predict', { cells: shown.cells }).then(function (r) { answer = r; render(); });
    }

    function showExample(index) {
      return client.request('example', { index: index }).then(function (r) {
        shown = { cells: r.cells, label: r.label, index: r.index };
        s.example = r.index;
        return predict();
      });
    }

    function setup() {
      return client.request('setup', { grid: s.grid, frames: s.frames, dirs: D, hidden: s.hidden, lr: LR, seed: s.seed })
        .then(function (r) {
          acc = r; directions = r.directions; history = [r];
          statusLine();
          return showExample(s.example);
        });
    }

    function emitStep() { ctx.emit('step', { step: acc.step, seqAcc: acc.seqAcc, lastAcc: acc.lastAcc }); }

    function chunk() {
      return client.request('train', { steps: Math.min(CHUNK, Math.max(1, s.steps - step())) }).then(function (r) {
        acc = r; history.push(r);
        return predict();
      }).then(function () {
        statusLine();
        emitStep();
        if (step() >= s.steps && player.playing()) { player.halt(); ctx.emit('done', { step: acc.step, seqAcc: acc.seqAcc, lastAcc: acc.lastAcc }); }
        ctx.changed();
      });
    }

    function running() { return ready && !destroyed; }

    // A click on cell c: the next frame of the user's own trajectory (a
    // click after its last frame starts a new one).
    function clickCell(c) {
      if (!ready) return;
      var cells = shown.index >= 0 || shown.cells.length >= s.frames ? [] : shown.cells.slice();
      cells.push(c);
      shown = { cells: cells, label: -1, index: -1 };
      serial(predict);
    }

    function render() {
      drawGrid(ui, ctx, shown, s.scene === 'car');
      drawShown(ui, ctx, text, shown, directions, s.frames);
      MODELS.forEach(function (m) { drawModel(ui.models[m], ctx, m, acc, answer, directions); });
      chart.draw(ui.chart, history, Math.max(s.steps, step()), 1 / D, {
        percent: ctx.percent, number: function (x) { return ctx.number(x, 0); },
        chance: ctx.t('chance', { p: ctx.percent(1 / D) }), step: ctx.t('axisStep'),
      });
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        if (step() >= s.steps) return;
        player.play();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(chunk); },
      reset: function () {
        api.pause();
        if (!ready) return;
        serial(function () {
          return setup().then(function () { emitStep(); ctx.changed(); });
        });
      },
      setInput: function (input) {
        if (input.scene !== undefined) { s.scene = input.scene; api.relabel(); }
        if (input.example === undefined) return;
        s.example = input.example;
        if (ready) serial(function () { return showExample(s.example); });
      },
      relabel: function () {
        ui.root.classList.toggle('car', s.scene === 'car');
        ui.title.textContent = text('title');
        ui.grid.setAttribute('aria-label', text('gridLabel'));
        ui.next.textContent = ctx.t('next');
        ui.clear.textContent = ctx.t('clear');
        ui.hint.textContent = text('drawHint', { frames: s.frames });
        ui.chartTitle.textContent = ctx.t('chartTitle');
        ui.chart.setAttribute('aria-label', ctx.t('chartLabel'));
        ui.legendSeq.textContent = text('legendSeq');
        ui.legendLast.textContent = text('legendLast');
        ui.caption.textContent = text('caption');
        MODELS.forEach(function (m) { ui.models[m].title.textContent = text(m + 'Title'); });
        say(status.key, status.params);
        if (status.key !== 'failed' && ready) statusLine();
        render();
      },
      destroy: function () {
        destroyed = true; api.pause(); window.removeEventListener('resize', render);
        if (client) client.terminate();
        root.textContent = '';
      },
    };

    ui.cells.forEach(function (b, c) { b.addEventListener('click', function () { clickCell(c); }); });
    ui.next.addEventListener('click', function () {
      if (ready) serial(function () { return showExample(shown.index >= 0 ? shown.index + 1 : s.example); });
    });
    ui.clear.addEventListener('click', function () {
      shown = { cells: [], label: -1, index: -1 };
      answer = null;
      render();
    });
    window.addEventListener('resize', render);   // the chart's viewBox follows its size
    api.relabel();

    RnnWidgetKit.startWorker('ball', function (c) { client = c; return setup(); }).then(function () {
      ready = true;
      ctx.emit('ready', { kind: client.kind, steps: s.steps });
      player.start();
    }, fail);
    return api;
  }

  function build(root, G) {
    root.textContent = '';
    var w = node('div', 'ball', root);
    var head = node('div', 'ball-head', w);
    var ui = { root: w, title: node('h1', 'ball-title', head) };
    ui.status = node('p', 'ball-status', head);
    ui.status.setAttribute('role', 'status');
    var body = node('div', 'ball-body', w);
    var left = node('div', 'ball-left', body);
    ui.grid = node('div', 'ball-grid', left);
    ui.grid.setAttribute('role', 'group');
    ui.grid.style.gridTemplateColumns = 'repeat(' + G + ', 1fr)';
    ui.grid.style.gridTemplateRows = 'repeat(' + G + ', 1fr)';
    ui.cells = [];
    for (var c = 0; c < G * G; c++) {
      var b = node('button', 'ball-cell', ui.grid);
      b.type = 'button';
      ui.cells.push(b);
    }
    ui.shown = node('p', 'ball-shown', left);
    var buttons = node('div', 'ball-buttons', left);
    ui.next = node('button', null, buttons);
    ui.next.type = 'button';
    ui.clear = node('button', null, buttons);
    ui.clear.type = 'button';
    ui.hint = node('p', 'ball-hint', left);
    var right = node('div', 'ball-right', body);
    var models = node('div', 'ball-models', right);
    ui.models = {};
    MODELS.forEach(function (m) {
      var box = node('section', 'ball-model ' + m, models);
      var p = { title: node('h2', 'ball-model-title', box) };
      p.acc = node('p', 'ball-acc', box);
      p.bars = node('ol', 'ball-bars', box);
      ui.models[m] = p;
    });
    var chartBox = node('div', 'ball-chart-box', right);
    var chartHead = node('div', 'ball-chart-head', chartBox);
    ui.chartTitle = node('span', 'ball-chart-title', chartHead);
    ui.legendSeq = node('span', 'ball-legend seq', chartHead);
    ui.legendLast = node('span', 'ball-legend last', chartHead);
    ui.chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    ui.chart.setAttribute('class', 'ball-chart');
    ui.chart.setAttribute('role', 'img');
    chartBox.appendChild(ui.chart);
    ui.caption = node('p', 'ball-caption', w);
    return ui;
  }

  // The trajectory on the grid: frame numbers in the cells it visits (a
  // wrapped trajectory may visit a cell twice: the later frame wins), the
  // ball (the last frame) filled.
  function drawGrid(ui, ctx, shown, car) {
    var G = Math.round(Math.sqrt(ui.cells.length)), road = Math.floor(G / 2);
    ui.cells.forEach(function (b, c) {
      b.textContent = '';
      b.className = 'ball-cell' + (car && Math.floor(c / G) === road ? ' road' : '');
      b.setAttribute('aria-label', ctx.t('cellLabel', { row: Math.floor(c / G) + 1, col: (c % G) + 1 }));
    });
    shown.cells.forEach(function (c, t) {
      var b = ui.cells[c];
      b.textContent = String(t + 1);
      b.className = 'ball-cell visited' + (t === shown.cells.length - 1 ? ' ball' : '') +
        (car && Math.floor(c / G) === road ? ' road' : '');
      b.setAttribute('aria-label', ctx.t('cellLabel', { row: Math.floor(c / G) + 1, col: (c % G) + 1 }) + ', ' +
        ctx.t('frameLabel', { n: t + 1 }));
    });
  }

  function dirName(ctx, directions, k) { return ARROWS[directions[k]] + ' ' + ctx.t('dir_' + directions[k]); }

  // "it goes to the right →" (pt: "vai para a direita →").
  function drawShown(ui, ctx, text, shown, directions, frames) {
    var n = shown.cells.length;
    if (shown.index >= 0 && directions.length) {
      var d = directions[shown.label];
      ui.shown.textContent = text('shownExample', { n: shown.index + 1, dir: ctx.t('go_' + d) + ' ' + ARROWS[d] });
    } else if (n === frames) ui.shown.textContent = text('shownDrawn', { n: n });
    else if (n) ui.shown.textContent = text('shownMore', { n: n, frames: frames, more: frames - n });
    else ui.shown.textContent = text('shownEmpty');
  }

  // One model's panel: its held-out accuracy and one bar per direction (the
  // engine's softmax output for the trajectory shown), the argmax marked.
  function drawModel(p, ctx, m, acc, answer, directions) {
    var a = acc ? acc[m + 'Acc'] : NaN;
    p.acc.textContent = ctx.t('accuracy', { p: ctx.percent(a) });
    if (acc) p.acc.setAttribute('data-value', String(a));
    p.bars.textContent = '';
    var probs = answer ? answer[m] : null;
    var best = probs ? probs.indexOf(Math.max.apply(null, probs)) : -1;
    directions.forEach(function (d, k) {
      var li = node('li', 'ball-bar' + (k === best ? ' best' : ''), p.bars);
      var name = node('span', 'ball-bar-name', li);
      name.textContent = dirName(ctx, directions, k);
      var well = node('span', 'ball-bar-well', li);
      var fill = node('span', 'ball-bar-fill', well);
      var num = node('span', 'ball-bar-p', li);
      var v = probs ? probs[k] : 0;
      fill.style.transform = 'scaleX(' + v + ')';
      num.textContent = probs ? ctx.percent(v) : '–';
      if (probs) li.setAttribute('data-value', String(v));
    });
  }

  RnnWidgetRegistry.provide('ball', 'mount', mount);
})();
