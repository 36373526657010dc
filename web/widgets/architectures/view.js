// view.js - the architectures widget: the five architectures of the lecture,
// each drawn unrolled by diagram.js (inputs x, hidden states h, outputs ŷ,
// the steps with a loss L) on a test example with the network's own answers,
// and trained live in the worker on its toy task with the accuracy as a curve.
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
  function mount(root, ctx) {
    var s = ctx.settings, diagram = RnnWidgetRegistry.get('architectures').diagram;
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
      var ex = st.example, ed = s.arch === 'encoder-decoder';
      // under the diagram: what this example is (the lecture's sentence), or for
      // the encoder-decoder what the picture shows of the model (reversal, context)
      var notes = [];
      if (ex && ex.lecture && ex.heldOut) notes.push(ctx.t('lectureExample'));
      if (ed && ex && ex.reversed) notes.push(ctx.t('reversedNote'));
      if (ed && ex && ex.context === 'every') notes.push(ctx.t('contextNote'));
      ui.note.textContent = notes.join(' ');
      ui.note.hidden = !notes.length;
      // what x, h, ŷ, L and the colours mean: the diagram's accessible description
      ui.diagram.setAttribute('aria-label', ctx.t('diagramLabel') + '. ' + ctx.t(s.arch === 'one-to-one' || ed ? 'legend-' + s.arch : 'legend'));
      diagram.draw(ui.diagram, ctx, s.arch, ex);
      diagram.curve(ui.curve, ctx, st);
      if (isFinite(st.accuracy)) {
        ui.acc.setAttribute('data-value', String(st.accuracy));
        ui.acc.textContent = ctx.t(s.arch === 'one-to-many' ? 'accuracyTen' : 'accuracy', { p: ctx.percent(st.accuracy) });
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
    ui.note = node('p', 'arch-note', w);
    var row = node('div', 'arch-row', w);
    var info = node('div', 'arch-info', row);
    ui.app = node('p', 'arch-app', info);
    ui.task = node('p', 'arch-task', info);
    var accLine = node('p', 'arch-accline', info);
    ui.acc = node('span', 'arch-acc', accLine);
    ui.goal = node('span', 'arch-goal', accLine);
    ui.next = node('button', 'arch-next', accLine);
    ui.next.type = 'button';
    ui.curve = svg('svg', { class: 'arch-curve', viewBox: '0 0 240 108', role: 'img', preserveAspectRatio: 'xMidYMid meet' }, row);
    return ui;
  }

  RnnWidgetRegistry.provide('architectures', 'mount', mount);
})();
