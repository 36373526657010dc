// view.js - the memory widget ("memory beats a fixed window"). The worker
// holds, for each gap length, a Kneser-Ney n-gram counted on the task's text,
// a network with a fixed context of n - 1 symbols (the previous lecture's
// neural LM) and a vanilla RNN, both trained live; the view shows the Markov
// assumption, the three test-set accuracies per gap, one test sequence of the
// chosen gap with the three answers, and a caption whose every number is a
// measured accuracy. Every number comes from the engine.
// Play trains every RNN CHUNK steps per tick up to `steps`; → one chunk; r: fresh RNNs.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 10;
  var TICK_MS = 60;
  var BATCH = 32;          // worker.js BATCH
  var LR = 0.03;
  var GOOD = 0.9;          // "carries the cue": held-out accuracy at least this
  var CUE_SYMBOLS = ['A', 'B', 'C', 'D'];
  var OTHER_SYMBOLS = ['w', 'x', 'y', 'z', '?'];
  var SUB = { t: 'ₜ', '-': '₋', 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉' };

  var node = RnnWidgetKit.node;

  function sub(s) { return String(s).split('').map(function (c) { return SUB[c] || c; }).join(''); }

  // The slide's p(w_t | w_1, …, w_{t−1}) = p(w_t | w_{t−3}, w_{t−2}, w_{t−1}) for order n.
  function markov(n) {
    var ctx = [];
    for (var j = n - 1; j >= 1; j--) ctx.push('w' + sub('t-' + j));
    return 'p(w' + sub('t') + ' | w' + sub(1) + ', …, w' + sub('t-1') + ') = p(w' + sub('t') + ' | ' + ctx.join(', ') + ')';
  }

  function symbol(k) { return k < CUE_SYMBOLS.length ? CUE_SYMBOLS[k] : OTHER_SYMBOLS[k - CUE_SYMBOLS.length]; }

  function mount(root, ctx) {
    var s = ctx.settings;
    var gaps = RnnWidgetRegistry.get('memory').schema.fields.gap.values.map(Number);
    var chart = RnnWidgetRegistry.get('memory').chart;
    var ui = build(root, gaps);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var status = { key: 'starting', params: {} };
    var sc = null, ex = null;          // the engine's scores and the example shown

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = ctx.t(key, status.params); }
    function fail(e) { player.halt(); say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }
    function step() { return sc ? sc.step : 0; }
    function gap() { return Number(s.gap); }

    function statusLine() {
      if (step() === 0) say('untrained');
      else say(step() >= s.steps ? 'trained' : 'training', { step: step(), total: s.steps, batch: BATCH });
    }

    function example() {
      return client.request('example', { gap: gap(), index: s.example }).then(function (r) { ex = r; render(); });
    }

    function setup() {
      return client.request('setup', { gaps: gaps, order: s.order, hidden: s.hidden, lr: LR, seed: s.seed }).then(function (r) {
        sc = r;
        statusLine();
        return example();
      });
    }

    function emitStep() { ctx.emit('step', { step: sc.step, gaps: sc.gaps, ngram: sc.ngram, window: sc.window, rnn: sc.rnn, order: s.order }); }

    function chunk() {
      return client.request('train', { steps: Math.min(CHUNK, Math.max(1, s.steps - step())) }).then(function (r) {
        sc = r;
        return example();
      }).then(function () {
        statusLine();
        emitStep();
        if (step() >= s.steps && player.playing()) { player.halt(); ctx.emit('done', { step: sc.step, gaps: sc.gaps, ngram: sc.ngram, window: sc.window, rnn: sc.rnn }); }
        ctx.changed();
      });
    }

    function running() { return ready && !destroyed; }

    function render() {
      ui.gapButtons.forEach(function (b, i) { b.setAttribute('aria-pressed', gaps[i] === gap() ? 'true' : 'false'); });
      drawExample(ui, ctx, ex, s.order);
      chart.draw(ui.chart, sc, s.order, gap(), 1 / CUE_SYMBOLS.length, { percent: ctx.percent });
      drawCaption(ui, ctx, sc, s.order);
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
        serial(function () { return setup().then(function () { emitStep(); ctx.changed(); }); });
      },
      setInput: function (input) {
        if (input.gap !== undefined) s.gap = input.gap;
        if (input.example !== undefined) s.example = input.example;
        if (ready) serial(example); else render();
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.markov.textContent = ctx.t('markov', { formula: markov(s.order) });
        ui.formula.textContent = ctx.t('formula');
        ui.task.textContent = ctx.t('task');
        ui.gapsTitle.textContent = ctx.t('gapsLabel');
        ui.gapsBox.setAttribute('aria-label', ctx.t('gapsLabel'));
        ui.gapButtons.forEach(function (b, i) { b.setAttribute('aria-label', ctx.t('gapButton', { gap: gaps[i] })); });
        ui.chart.setAttribute('aria-label', ctx.t('chartLabel'));
        ui.axis.textContent = ctx.t('axisGap');
        ui.legendNgram.textContent = ctx.t('legendNgram', { n: s.order });
        ui.legendWin.textContent = ctx.t('legendWindow', { k: s.order - 1 });
        ui.legendRnn.textContent = ctx.t('legendRnn');
        ui.legendWindow.textContent = ctx.t('legendInside');
        ui.legendChance.textContent = ctx.t('legendChance', { p: ctx.percent(1 / CUE_SYMBOLS.length) });
        say(status.key, status.params);
        if (status.key !== 'failed' && ready) statusLine();
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    ui.gapButtons.forEach(function (b, i) {
      b.addEventListener('click', function () { api.setInput({ gap: String(gaps[i]) }); });
    });
    api.relabel();

    RnnWidgetKit.startWorker('memory', function (c) { client = c; return setup(); }).then(function () {
      ready = true;
      ctx.emit('ready', { kind: client.kind, steps: s.steps });
      player.start();
    }, fail);
    return api;
  }

  function build(root, gaps) {
    root.textContent = '';
    var w = node('div', 'memory', root);
    var head = node('div', 'memory-head', w);
    var ui = { title: node('h1', 'memory-title', head) };
    ui.status = node('p', 'memory-status', head);
    ui.status.setAttribute('role', 'status');
    ui.markov = node('p', 'memory-markov', w);
    var bar = node('div', 'memory-bar-row', w);
    ui.task = node('p', 'memory-task', bar);
    ui.gapsBox = node('div', 'memory-gaps', bar);
    ui.gapsBox.setAttribute('role', 'group');
    ui.gapsTitle = node('span', 'memory-gaps-title', ui.gapsBox);
    ui.gapButtons = gaps.map(function (g) {
      var b = node('button', null, ui.gapsBox);
      b.type = 'button';
      b.textContent = String(g);
      return b;
    });
    var exBox = node('div', 'memory-example', w);
    ui.seq = node('ol', 'memory-seq', exBox);
    ui.guesses = node('div', 'memory-guesses', exBox);
    ui.guessNgram = node('p', 'memory-guess ngram', ui.guesses);
    ui.guessWin = node('p', 'memory-guess window', ui.guesses);
    ui.guessRnn = node('p', 'memory-guess rnn', ui.guesses);
    var chartBox = node('div', 'memory-chart-box', w);
    ui.chart = node('div', 'memory-chart', chartBox); // a div: role img on a list would orphan its items
    ui.chart.setAttribute('role', 'img');
    ui.axis = node('p', 'memory-axis', chartBox);
    var legend = node('p', 'memory-legend', w);
    ui.legendNgram = node('span', 'memory-key ngram', legend);
    ui.legendWin = node('span', 'memory-key win', legend);
    ui.legendRnn = node('span', 'memory-key rnn', legend);
    ui.legendWindow = node('span', 'memory-key window', legend);
    ui.legendChance = node('span', 'memory-key chance', legend);
    ui.caption = node('p', 'memory-caption', w);
    ui.formula = node('p', 'memory-formula', w);
    return ui;
  }

  // The sequence as symbol chips (the cue marked), "→" and the answer; below,
  // each model's most probable cue and its probability (engine numbers).
  function drawExample(ui, ctx, ex, order) {
    ui.seq.textContent = '';
    ui.seq.setAttribute('aria-label', ctx.t('exampleLabel', { gap: ex ? ex.gap : '' }));
    if (!ex) { ui.guessNgram.textContent = ''; ui.guessWin.textContent = ''; ui.guessRnn.textContent = ''; return; }
    ex.tokens.forEach(function (k, t) {
      var li = node('li', 'memory-sym' + (t === 0 ? ' cue' : '') + (t >= ex.gap - (order - 1) ? ' seen' : ''), ui.seq);
      li.textContent = symbol(k);
    });
    var arrow = node('li', 'memory-sym arrow', ui.seq);
    arrow.textContent = '→';
    var ans = node('li', 'memory-sym target', ui.seq);
    ans.textContent = symbol(ex.target);
    ans.setAttribute('title', ctx.t('answer'));
    guessLine(ui.guessNgram, ctx, ctx.t('ngramName', { n: order }), ex.ngram, ex.target);
    guessLine(ui.guessWin, ctx, ctx.t('windowName', { k: order - 1 }), ex.window, ex.target);
    guessLine(ui.guessRnn, ctx, ctx.t('rnnName'), ex.rnn, ex.target);
  }

  function guessLine(el, ctx, model, probs, target) {
    var best = probs.indexOf(Math.max.apply(null, probs));
    el.textContent = ctx.t('guess', { model: model, sym: symbol(best), p: ctx.percent(probs[best]) });
    el.classList.toggle('wrong', best !== target);
    el.setAttribute('data-value', String(probs[target]));   // the engine's P(answer), for tests
  }

  // "97–100%", or "100%" when both ends read the same (measured values only).
  function range(ctx, xs) {
    if (!xs.length) return '–';
    var lo = ctx.percent(Math.min.apply(null, xs)), hi = ctx.percent(Math.max.apply(null, xs));
    return lo === hi ? lo : lo.replace(/\s?%$/, '') + '–' + hi;
  }

  // The caption: every number in it is a measured accuracy. The fixed-context
  // models (gap < n: the cue is inside their window of n − 1), then how far
  // the RNN keeps >= GOOD and what it gets past that run.
  function drawCaption(ui, ctx, sc, n) {
    if (!sc) { ui.caption.textContent = ''; return; }
    ui.caption.textContent = fixedSentence(ctx, sc, n) + ' ' + rnnSentence(ctx, sc);
  }

  function fixedSentence(ctx, sc, n) {
    var inside = [], outside = [], trained = sc.step > 0;
    sc.gaps.forEach(function (g, i) {
      var v = trained ? [sc.ngram[i], sc.window[i]] : [sc.ngram[i]];
      Array.prototype.push.apply(g < n ? inside : outside, v);
    });
    return ctx.t(trained ? 'fixedCaption' : 'fixedUntrained', { k: n - 1, n: n,
      rin: range(ctx, inside), rout: range(ctx, outside), chance: ctx.percent(1 / CUE_SYMBOLS.length) });
  }

  function rnnSentence(ctx, sc) {
    var k = 0, last = sc.rnn.length - 1;
    while (k <= last && sc.rnn[k] >= GOOD) k++;
    var p90 = ctx.percent(GOOD);
    if (sc.step === 0) return ctx.t('rnnNone');
    if (k === 0) {
      var good = sc.gaps.filter(function (g, i) { return sc.rnn[i] >= GOOD; });
      if (!good.length) return ctx.t('rnnLow', { p90: p90, rall: range(ctx, sc.rnn) });
      var rest = sc.rnn.filter(function (v) { return v < GOOD; });
      return ctx.t('rnnSome', { p90: p90, gaps: good.join(', '), rrest: range(ctx, rest) });
    }
    if (k > last) return ctx.t('rnnAll', { p90: p90, rall: range(ctx, sc.rnn), gmax: sc.gaps[last] });
    var lo = k;
    for (var i = k; i <= last; i++) if (sc.rnn[i] < sc.rnn[lo]) lo = i;
    return ctx.t('rnnFade', { g: sc.gaps[k - 1], rgood: range(ctx, sc.rnn.slice(0, k)), rpast: range(ctx, sc.rnn.slice(k)),
      glo: sc.gaps[lo] });
  }

  RnnWidgetRegistry.provide('memory', 'mount', mount);
  RnnWidgetRegistry.provide('memory', 'caption', { fixed: fixedSentence, rnn: rnnSentence });   // for tests
})();
