// view.js - the translation widget (the lecture's seq2seq section). Two
// networks train live in the worker on the same Portuguese <-> English
// phrase pairs: an encoder-decoder, whose greedy translation of the typed
// phrase is shown word by word with the probability of each word and whose
// encoder's final state is "a frase memorizada", and an aligned network (one
// output per input word) beside it, with its held-out exact match split by
// what differs between the two sides: "o que há de errado com essa rede?".
// Play trains (CHUNK steps per tick) up to `steps`, → one chunk, r starts
// again; setInput changes the phrase or the direction (a new pair of networks).
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 10, TICK_MS = 40;
  var DIRS = ['pt-en', 'en-pt'];
  var DEFAULT_TEXT = { 'pt-en': 'o gato pequeno não vê a bola', 'en-pt': 'the small cat does not see the ball' };
  var SVG = 'http://www.w3.org/2000/svg';

  var node = RnnWidgetKit.node;

  function mount(root, ctx) {
    var s = ctx.settings;
    var ui = build(root);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var st = { step: 0, ev: null, tr: null };
    var status = { key: 'starting', params: {} };

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = ctx.t(key, status.params); }
    function fail(e) { player.halt(); say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }
    function statusLine() {
      if (st.step === 0) say('untrained');
      else say(st.step >= s.steps ? 'trained' : 'training', { step: st.step, total: s.steps });
    }
    function stepEvent() {
      return { step: st.step, exact: st.ev.ed, alignedExact: st.ev.aligned, alignedSame: st.ev.alignedSame,
        alignedOrder: st.ev.alignedOrder, alignedLengths: st.ev.alignedLengths,
        translation: st.tr && st.tr.translation ? st.tr.translation.join(' ') : '' };
    }

    function setup() {
      return client.request('setup', { seed: s.seed, dir: s.dir, text: s.text }).then(function (r) {
        st = { step: 0, ev: r.eval, tr: r.translation };
        statusLine();
        render();
      });
    }
    function chunk() {
      return client.request('train', { steps: Math.min(CHUNK, Math.max(1, s.steps - st.step)), text: s.text }).then(function (r) {
        st.step = r.eval.step; st.ev = r.eval; st.tr = r.translation;
        statusLine();
        render();
        ctx.emit('step', stepEvent());
        if (st.step >= s.steps && player.playing()) { player.halt(); ctx.emit('done', stepEvent()); }
        ctx.changed();
      });
    }
    function running() { return ready && !destroyed; }
    function translate() {
      return client.request('translate', { text: s.text }).then(function (r) { st.tr = r.translation; render(); });
    }

    function render() {
      DIRS.forEach(function (d, i) { ui.dirs[i].setAttribute('aria-pressed', d === s.dir ? 'true' : 'false'); });
      if (ui.input.value !== s.text) ui.input.value = s.text;
      drawTranslation(ui, ctx, st.tr);
      drawScores(ui, ctx, st.ev);
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        if (ready && st.step >= s.steps) return;
        player.play();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(chunk); },
      reset: function () {
        api.pause();
        if (!ready) return;
        serial(function () { return setup().then(function () { ctx.emit('step', stepEvent()); ctx.changed(); }); });
      },
      setInput: function (input) {
        var dirChanged = input.dir !== undefined && input.dir !== s.dir;
        if (dirChanged) {
          if (s.text === DEFAULT_TEXT[s.dir] && input.text === undefined) s.text = DEFAULT_TEXT[input.dir];
          s.dir = input.dir;
        }
        if (input.text !== undefined) s.text = input.text;
        if (!ready) { render(); return; }
        if (dirChanged) api.reset();
        else serial(translate);
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.dirBox.setAttribute('aria-label', ctx.t('dirLabel'));
        DIRS.forEach(function (d, i) { ui.dirs[i].textContent = ctx.t(d); });
        ui.input.setAttribute('aria-label', ctx.t('phraseLabel'));
        ui.edTitle.textContent = ctx.t('edTitle');
        ui.alTitle.textContent = ctx.t('alignedTitle');
        ui.question.textContent = ctx.t('question');
        ui.answer.textContent = ctx.t('answer');
        say(status.key, status.params);
        if (status.key !== 'failed' && ready) statusLine();
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    DIRS.forEach(function (d, i) { ui.dirs[i].addEventListener('click', function () { api.setInput({ dir: d }); }); });
    ui.input.addEventListener('input', function () {
      var v = ui.input.value.slice(0, 80);
      if (v !== s.text) api.setInput({ text: v });
    });
    api.relabel();

    RnnWidgetKit.startWorker('translation', function (c) { client = c; return setup(); }).then(function () {
      ready = true;
      ctx.emit('ready', { kind: client.kind, steps: s.steps });
      player.start();
    }, fail);
    return api;
  }

  function build(root) {
    root.textContent = '';
    var w = node('div', 'tr', root);
    var head = node('div', 'tr-head', w);
    var ui = { title: node('h1', 'tr-title', head) };
    ui.status = node('p', 'tr-status', head);
    ui.status.setAttribute('role', 'status');
    var bar = node('div', 'tr-bar', w);
    ui.dirBox = node('div', 'tr-dirs', bar);
    ui.dirBox.setAttribute('role', 'group');
    ui.dirs = DIRS.map(function () { var b = node('button', null, ui.dirBox); b.type = 'button'; return b; });
    ui.input = node('input', 'tr-input', bar);
    ui.input.type = 'text';
    ui.input.maxLength = 80;
    ui.input.spellcheck = false;
    ui.note = node('p', 'tr-note', w);
    var panels = node('div', 'tr-panels', w);
    var ed = node('section', 'tr-panel', panels);
    ui.edTitle = node('h2', 'tr-h2', ed);
    ui.edWords = node('ol', 'tr-words', ed);
    ui.memLabel = node('p', 'tr-mem-label', ed);
    ui.mem = document.createElementNS(SVG, 'svg');
    ui.mem.setAttribute('class', 'tr-mem');
    ui.mem.setAttribute('preserveAspectRatio', 'none');
    ed.appendChild(ui.mem);
    ui.edExact = node('p', 'tr-score', ed);
    var al = node('section', 'tr-panel', panels);
    ui.alTitle = node('h2', 'tr-h2', al);
    ui.alWords = node('ol', 'tr-words', al);
    ui.question = node('p', 'tr-question', al);
    ui.alExact = node('p', 'tr-score', al);
    ui.split = node('ul', 'tr-split', al);
    ui.answer = node('p', 'tr-answer', al);
    return ui;
  }

  function words(list, ws, probs, ctx) {
    list.textContent = '';
    (ws || []).forEach(function (w, i) {
      var li = node('li', 'tr-word', list);
      node('span', 'tr-w', li).textContent = w;
      if (probs) {
        var p = node('span', 'tr-p', li);
        p.textContent = ctx.percent(probs[i]).replace(/\s?%$/, '');
        p.setAttribute('aria-label', ctx.t('probLabel', { p: ctx.percent(probs[i]) }));
        var bar = node('span', 'tr-pbar', li);
        bar.style.transform = 'scaleX(' + probs[i] + ')';
      }
    });
  }

  function drawTranslation(ui, ctx, tr) {
    ui.note.textContent = '';
    ui.note.classList.remove('bad');
    ui.edWords.removeAttribute('data-value');
    ui.alWords.removeAttribute('data-value');
    if (!tr) { words(ui.edWords, []); words(ui.alWords, []); drawMemory(ui, ctx, null); return; }
    if (tr.unknown && tr.unknown.length) { ui.note.textContent = ctx.t('unknown', { words: tr.unknown.join(', ') }); ui.note.classList.add('bad'); }
    else if (tr.tooLong) { ui.note.textContent = ctx.t('tooLong'); ui.note.classList.add('bad'); }
    else if (!tr.words.length) ui.note.textContent = ctx.t('empty');
    words(ui.edWords, tr.translation, tr.probs, ctx);
    words(ui.alWords, tr.aligned, null, ctx);
    if (tr.translation) ui.edWords.setAttribute('data-value', tr.translation.join(' '));
    if (tr.aligned) ui.alWords.setAttribute('data-value', tr.aligned.join(' '));
    drawMemory(ui, ctx, tr.summary || null);
  }

  // The encoder's final state: one cell per hidden unit, blue > 0, red < 0,
  // as strong as the value (tanh: in -1..1).
  function drawMemory(ui, ctx, c) {
    var g = ui.mem;
    g.textContent = '';
    var n = c ? c.length : 0;
    ui.memLabel.textContent = n ? ctx.t('memorised', { n: n }) : '';
    if (!n) return;
    var cols = Math.ceil(n / 4);
    g.setAttribute('viewBox', '0 0 ' + cols + ' 4');
    for (var i = 0; i < n; i++) {
      var r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', String(i % cols)); r.setAttribute('y', String(Math.floor(i / cols)));
      r.setAttribute('width', '0.92'); r.setAttribute('height', '0.92');
      r.setAttribute('fill', c[i] >= 0 ? '#1f5fbf' : '#b3261e');
      r.setAttribute('fill-opacity', Math.min(1, Math.abs(c[i])).toFixed(3));
      g.appendChild(r);
    }
  }

  function drawScores(ui, ctx, ev) {
    ui.split.textContent = '';
    if (!ev) { ui.edExact.textContent = ''; ui.alExact.textContent = ''; return; }
    ui.edExact.textContent = ctx.t('edExact', { p: ctx.percent(ev.ed) });
    ui.edExact.setAttribute('data-value', String(ev.ed));
    ui.alExact.textContent = ctx.t('alignedExact', { p: ctx.percent(ev.aligned) });
    ui.alExact.setAttribute('data-value', String(ev.aligned));
    [['bySame', ev.alignedSame], ['byOrder', ev.alignedOrder], ['byLengths', ev.alignedLengths]].forEach(function (k) {
      var li = node('li', null, ui.split);
      li.textContent = ctx.t(k[0], { p: ctx.percent(k[1]) });
      li.setAttribute('data-value', String(k[1]));
      li.setAttribute('data-key', k[0]);
    });
  }

  RnnWidgetRegistry.provide('translation', 'mount', mount);
})();
