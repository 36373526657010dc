// view.js - the teacher-forcing widget: one char language model trained live
// (in its worker) on a short text, fed that same text two ways, side by side:
// the true previous character at every step (teacher forcing, what training
// does) and, from the let-go step on, its own previous sample (free running,
// what generation does). Under every step, how likely the model finds what
// comes next in its row (CharLM.feed): teacher forcing, −log p of the text's
// next character; free running, −log p of the character it wrote itself
// (once it has left the text it writes another text: scoring that against
// the original would call every different continuation wrong). The means of
// both from the let-go step, and the step where free running leaves the text. Play trains (CHUNK steps per tick), → one
// chunk, r a fresh model; setInput picks the text, the let-go step, sampled
// or most likely.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 10;
  var TICK_MS = 60;
  var LOSS_FULL = 5;        // nats at which a loss bar is full height (larger ones are capped)
  var TEXTS = {
    rato: 'o rato roeu a roupa do rei de roma.',
    batatinha: 'batatinha quando nasce espalha a rama',
    hamlet: 'to be or not to be, that is the question',
  };
  var TEXT_KEYS = [['rato', 'textRato'], ['batatinha', 'textBatatinha'], ['hamlet', 'textHamlet'], ['custom', 'textCustom']];

  var node = RnnWidgetKit.node;
  function button(parent) { var b = node('button', null, parent); b.type = 'button'; return b; }
  function chars(t) { return Array.from(t); }
  // A displayed number with a real minus sign (a format, not a computation).
  function fmt(ctx, x, d) { return ctx.number(x, d); }   // RnnLocale writes the real minus sign
  function shown(ch) { return ch === '\n' ? '↵' : ch === ' ' ? '␣' : ch; }

  function mount(root, ctx) {
    var s = ctx.settings;
    var ui = build(root);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var step = 0, bits = NaN, fed = null, trainedText = null, status = { key: 'starting', params: {} };
    var notice = '';

    function text() { return s.text === 'custom' ? s.custom : TEXTS[s.text]; }
    // the let-go step the engine gets: within [1, n-2] so that at least one step is free running
    function letGo() { var n = chars(text()).length; return Math.max(1, Math.min(s.letGo, n - 2)); }

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = ctx.t(key, status.params); }
    function fail(e) { player.halt(); say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }

    function statusLine() {
      var p = { step: step, total: s.train, bits: fmt(ctx, bits, 2) };
      if (step === 0) say('untrained');
      else say(step >= s.train ? 'trained' : 'training', p);
    }

    function feed() {
      return client.request('feed', { text: text(), letGo: letGo(), greedy: s.sample === 'greedy', seed: s.seed })
        .then(function (r) { fed = { text: text(), letGo: letGo(), r: r }; render(); return event(); });
    }

    function event() {
      return { step: step, letGo: fed.letGo, meanTF: fed.r.meanTF, meanOwn: fed.r.meanOwn, meanFR: fed.r.meanFR, drift: fed.r.drift };
    }

    function setup() {
      trainedText = text();
      return client.request('setup', { text: trainedText, hidden: s.hidden, seed: s.seed }).then(function () {
        step = 0; bits = NaN;
        statusLine();
        return feed();
      });
    }

    function chunk() {
      return client.request('train', { steps: CHUNK }).then(function (r) {
        step = r.step; bits = r.bits;
        statusLine();
        return feed();
      }).then(function (ev) {
        ctx.emit('step', ev);
        if (step >= s.train && player.playing()) { player.halt(); ctx.emit('done', ev); }
        ctx.changed();
      });
    }

    function running() { return ready && !destroyed; }

    function render() {
      TEXT_KEYS.forEach(function (k, i) { ui.texts[i].setAttribute('aria-pressed', k[0] === s.text ? 'true' : 'false'); });
      ui.sampleButtons.forEach(function (b) { b.setAttribute('aria-pressed', b.value === s.sample ? 'true' : 'false'); });
      var n = chars(text()).length;
      ui.slider.max = String(Math.max(1, n - 2));
      ui.slider.value = String(letGo());
      ui.letGoLabel.textContent = ctx.t('letGoLabel', { k: letGo() + 1 });
      ui.notice.textContent = notice;
      ui.tfLabel.textContent = ctx.t('tfRow');
      ui.frLabel.textContent = ctx.t('frRow', { k: letGo() + 1 });
      ui.frLabel.classList.add('tf-free');
      drawRows(ui, ctx, fed, s.sample === 'greedy');
    }

    // A new text (or a new custom text): a fresh model on it, then the same play state.
    function useText() {
      if (!ready) { render(); return; }
      if (text() === trainedText) { serial(feed); return; }
      var was = player.playing();
      api.pause();
      serial(function () { return setup().then(function (ev) { ctx.emit('step', ev); ctx.changed(); }); });
      if (was) api.play();
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        if (step >= s.train) return;
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
        notice = '';
        if (input.custom !== undefined) {
          if (chars(input.custom).length < 3) notice = ctx.t('customShort');
          else s.custom = input.custom;
        }
        if (input.text !== undefined) s.text = input.text;
        if (input.letGo !== undefined) s.letGo = input.letGo;
        if (input.sample !== undefined) s.sample = input.sample;
        ui.custom.value = s.custom;
        useText();
        render();
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.textsLabel.textContent = ctx.t('textsLabel');
        TEXT_KEYS.forEach(function (k, i) { ui.texts[i].textContent = ctx.t(k[1]); });
        ui.custom.setAttribute('aria-label', ctx.t('customLabel'));
        ui.custom.title = ctx.t('customLabel');
        ui.customUse.textContent = ctx.t('customUse');
        ui.sampleLabel.textContent = ctx.t('sampleLabel');
        ui.sampleButtons[0].textContent = ctx.t('sampleSample');
        ui.sampleButtons[1].textContent = ctx.t('sampleGreedy');
        ui.axis.textContent = ctx.t('lossAxis');
        ui.lecture.textContent = ctx.t('lecture');
        if (notice) notice = ctx.t('customShort');
        say(status.key, status.params);
        if (status.key !== 'failed' && ready) statusLine();
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    TEXT_KEYS.forEach(function (k, i) { ui.texts[i].addEventListener('click', function () { api.setInput({ text: k[0] }); }); });
    ui.sampleButtons.forEach(function (b) { b.addEventListener('click', function () { api.setInput({ sample: b.value }); }); });
    ui.slider.addEventListener('input', function () { api.setInput({ letGo: Number(ui.slider.value) }); });
    function useCustom() { api.setInput({ custom: ui.custom.value.slice(0, 40), text: 'custom' }); }
    ui.customUse.addEventListener('click', useCustom);
    ui.custom.addEventListener('keydown', function (e) { if (e.key === 'Enter') useCustom(); });
    ui.custom.value = s.custom;
    api.relabel();

    RnnWidgetKit.startWorker('teacher-forcing', function (c) { client = c; return setup(); }).then(function (ev) {
      ready = true;
      ctx.emit('ready', { kind: client.kind, steps: s.train });
      ctx.emit('step', ev);
      player.start();
    }, fail);
    return api;
  }

  function build(root) {
    root.textContent = '';
    var w = node('div', 'tf', root);
    var head = node('div', 'tf-head', w);
    var ui = { title: node('h1', 'tf-title', head) };
    ui.status = node('p', 'tf-status', head);
    ui.status.setAttribute('role', 'status');
    var bar = node('div', 'tf-bar', w);
    ui.textsLabel = node('span', 'tf-label', bar);
    var group = node('div', 'tf-group', bar);
    group.setAttribute('role', 'group');
    ui.texts = TEXT_KEYS.map(function () { return button(group); });
    ui.custom = node('input', 'tf-custom', bar);
    ui.custom.type = 'text';
    ui.custom.maxLength = 40;
    ui.custom.spellcheck = false;
    ui.customUse = button(bar);
    var bar2 = node('div', 'tf-bar', w);
    ui.sampleLabel = node('span', 'tf-label', bar2);
    var g2 = node('div', 'tf-group', bar2);
    g2.setAttribute('role', 'group');
    ui.sampleButtons = ['sample', 'greedy'].map(function (v) { var b = button(g2); b.value = v; return b; });
    var lab = node('label', 'tf-letgo', bar2);
    ui.letGoLabel = node('span', 'tf-label', lab);
    ui.slider = node('input', 'tf-slider', lab);
    ui.slider.type = 'range'; ui.slider.min = '1'; ui.slider.step = '1';
    ui.notice = node('p', 'tf-notice', w);
    ui.tfLabel = node('p', 'tf-rowlabel', w);
    ui.tfRow = node('ol', 'tf-row', w);
    ui.frLabel = node('p', 'tf-rowlabel', w);
    ui.frRow = node('ol', 'tf-row', w);
    ui.axis = node('p', 'tf-axis', w);
    ui.means = node('p', 'tf-means', w);
    ui.compare = node('p', 'tf-compare', w);
    ui.drift = node('p', 'tf-drift', w);
    ui.lecture = node('p', 'tf-lecture', w);
    return ui;
  }

  // One column per step i: the character fed as input, and a bar for the
  // engine's −log p of what comes next in this row (the text's character, or
  // its own). Free running's inputs that differ from the text are marked;
  // the let-go and drift steps are outlined.
  function drawRow(ol, inputs, losses, truth, letGoStep, drift, free) {
    ol.textContent = '';
    ol.style.gridTemplateColumns = 'repeat(' + inputs.length + ', minmax(0, 1fr))';
    inputs.forEach(function (ch, i) {
      var li = node('li', 'tf-col', ol);
      if (i === letGoStep) li.classList.add('letgo');
      if (free && i === drift) li.classList.add('drift');
      var c = node('span', 'tf-char', li, shown(ch));
      if (free && ch !== truth[i]) c.classList.add('wrong');
      var well = node('span', 'tf-well', li);
      var fill = node('span', 'tf-fill', well);
      var f = losses[i] / LOSS_FULL;
      fill.style.transform = 'scaleY(' + (f > 1 ? 1 : f < 0 ? 0 : f) + ')';
      li.setAttribute('data-loss', String(losses[i]));
    });
  }

  function drawRows(ui, ctx, fed, greedy) {
    if (!fed) return;
    var truth = chars(fed.text), r = fed.r, n = r.lossTF.length;
    var tfIn = truth.slice(0, n);
    var frIn = tfIn.map(function (ch, i) { return i < fed.letGo ? ch : r.gen[i - 1]; });
    drawRow(ui.tfRow, tfIn, r.lossTF, truth, fed.letGo, r.drift, false);
    drawRow(ui.frRow, frIn, r.own, truth, fed.letGo, r.drift, true);
    ui.means.textContent = ctx.t('means', { k: fed.letGo + 1, tf: fmt(ctx, r.meanTF, 2), own: fmt(ctx, r.meanOwn, 2) });
    ui.means.setAttribute('data-tf', String(r.meanTF));
    ui.means.setAttribute('data-own', String(r.meanOwn));
    // which one the model finds more likely: a comparison of the engine's two means
    var key = r.meanOwn < r.meanTF ? 'ownLikelier' : greedy ? 'textLikelier' : 'textLikelierSampled';
    ui.compare.textContent = ctx.t(key);
    ui.compare.setAttribute('data-key', key);
    ui.drift.setAttribute('data-value', String(r.drift));
    ui.drift.textContent = r.drift < 0 ? ctx.t('noDrift')
      : ctx.t('drift', { d: r.drift + 1, got: shown(frIn[r.drift]), want: shown(truth[r.drift]) });
  }

  RnnWidgetRegistry.provide('teacher-forcing', 'mount', mount);
})();
