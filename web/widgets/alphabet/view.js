// view.js - the alphabet widget ("recite o alfabeto; agora ao contrário;
// agora a partir da letra Q"). A char RNN trains live, in its worker, on the
// alphabet recited forwards; the view shows a recital letter by letter with,
// under each letter, the probability the engine gives it (CharLM.nextProbs)
// and the network's own guess. Play trains (CHUNK steps per tick), → trains
// one chunk, r starts a fresh model; setInput picks the recital and how it
// learned (`starts`: recitals from A, or from every letter: a new model).
// The sentence under the strip is filled from the engine's probabilities.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 5;          // optimiser steps per tick / per → press
  var TICK_MS = 80;       // pause between ticks while playing: training stays watchable
  var LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  var SURE = 0.9;         // "sure": the engine gives the right next letter at least this
  var STARTS = [{ key: 'startsA', value: 'A' }, { key: 'startsAny', value: 'any' }];
  var PRESETS = [
    { key: 'presetA', start: 'A', dir: 'forward' },
    { key: 'presetBack', start: 'Z', dir: 'backward' },
    { key: 'presetQ', start: 'Q', dir: 'forward' },
  ];

  // The recital a cue letter and a direction ask for: 'QRS…Z', 'ZYX…A'.
  function recital(start, dir) {
    var i = LETTERS.indexOf(start);
    return dir === 'forward' ? LETTERS.slice(i) : LETTERS.slice(0, i + 1).split('').reverse().join('');
  }

  var node = RnnWidgetKit.node;

  function mount(root, ctx) {
    var s = ctx.settings;
    var ui = build(root, ctx);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: chunk, delay: TICK_MS, running: running });
    var step = 0, bits = NaN, last = null, status = { key: 'starting', params: {} };

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = ctx.t(key, status.params); }
    function fail(e) { player.halt(); say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }

    function statusLine() {
      var p = { step: step, total: s.steps, bits: ctx.number(bits, 2) };
      if (step === 0) say('untrained');
      else say(step >= s.steps ? 'trained' : 'training', p);
    }

    function recite() {
      var text = recital(s.start, s.dir);
      return client.request('recite', { text: text }).then(function (r) { last = { text: text, r: r }; render(); });
    }

    function setup() {
      return client.request('setup', { hidden: s.hidden, seed: s.seed, starts: s.starts }).then(function () {
        step = 0; bits = NaN;
        statusLine();
        return recite();
      });
    }

    function chunk() {
      return client.request('train', { steps: CHUNK }).then(function (r) {
        step = r.step; bits = r.bits;
        return recite();
      }).then(function () {
        statusLine();
        ctx.emit('step', { step: step, bits: bits, recital: last.text, meanProb: last.r.mean });
        if (step >= s.steps && player.playing()) { player.halt(); ctx.emit('done', { step: step, meanProb: last.r.mean }); }
        ctx.changed();
      });
    }

    // The play loop ticks only once the worker is ready, until destroyed.
    function running() { return ready && !destroyed; }

    function render() {
      ui.prompt.textContent = promptText(ctx, s);
      PRESETS.forEach(function (p, i) {
        ui.presets[i].setAttribute('aria-pressed', p.start === s.start && p.dir === s.dir ? 'true' : 'false');
      });
      STARTS.forEach(function (p, i) { ui.starts[i].setAttribute('aria-pressed', p.value === s.starts ? 'true' : 'false'); });
      drawStrip(ui, ctx, last);
      explain(ui, ctx, s, last, step);
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        if (step >= s.steps) return;          // trained: r starts again
        player.play();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(chunk); },
      reset: function () {
        api.pause();
        if (!ready) return;
        serial(function () {
          return setup().then(function () {
            ctx.emit('step', { step: 0, bits: bits, recital: last.text, meanProb: last.r.mean });
            ctx.changed();
          });
        });
      },
      setInput: function (input) {
        var fresh = input.starts !== undefined && input.starts !== s.starts;
        if (input.start !== undefined) s.start = input.start;
        if (input.dir !== undefined) s.dir = input.dir;
        if (input.starts !== undefined) s.starts = input.starts;
        if (fresh) { api.reset(); return; }       // learned another way: a new network
        if (ready) serial(recite); else render();
      },
      relabel: function () {
        PRESETS.forEach(function (p, i) { ui.presets[i].textContent = ctx.t(p.key); });
        ui.presetsBox.setAttribute('aria-label', ctx.t('presetsLabel'));
        STARTS.forEach(function (p, i) { ui.starts[i].textContent = ctx.t(p.key); });
        ui.startsLabel.textContent = ctx.t('startsLabel');
        ui.legend.textContent = ctx.t('legend');
        ui.title.textContent = ctx.t('title');
        say(status.key, status.params);
        if (status.key !== 'failed' && ready) statusLine();
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    PRESETS.forEach(function (p, i) {
      ui.presets[i].addEventListener('click', function () { api.setInput({ start: p.start, dir: p.dir }); });
    });
    STARTS.forEach(function (p, i) {
      ui.starts[i].addEventListener('click', function () { api.setInput({ starts: p.value }); });
    });
    api.relabel();

    RnnWidgetKit.startWorker('alphabet', function (c) { client = c; return setup(); }).then(function () {
      ready = true;
      ctx.emit('ready', { kind: client.kind, steps: s.steps });
      player.start();
    }, fail);
    return api;
  }

  function promptText(ctx, s) {
    if (s.dir === 'forward') return s.start === 'A' ? ctx.t('promptA') : ctx.t('promptFrom', { letter: s.start });
    return s.start === 'Z' ? ctx.t('promptBack') : ctx.t('promptBackFrom', { letter: s.start });
  }

  function build(root, ctx) {
    root.textContent = '';
    var w = node('div', 'alphabet', root);
    var head = node('div', 'alphabet-head', w);
    var ui = { title: node('h1', 'alphabet-title', head) };
    ui.status = node('p', 'alphabet-status', head);
    ui.status.setAttribute('role', 'status');
    var bar = node('div', 'alphabet-bar', w);
    ui.presetsBox = node('div', 'alphabet-presets', bar);
    ui.presetsBox.setAttribute('role', 'group');
    ui.presets = PRESETS.map(function () {
      var b = node('button', null, ui.presetsBox);
      b.type = 'button';
      return b;
    });
    ui.prompt = node('p', 'alphabet-prompt', bar);
    var how = node('div', 'alphabet-bar', w);
    ui.startsLabel = node('span', 'alphabet-startslabel', how);
    ui.startsBox = node('div', 'alphabet-presets', how);
    ui.startsBox.setAttribute('role', 'group');
    ui.starts = STARTS.map(function () {
      var b = node('button', null, ui.startsBox);
      b.type = 'button';
      return b;
    });
    ui.strip = node('ol', 'alphabet-strip', w);
    ui.mean = node('p', 'alphabet-mean', w);
    ui.explain = node('p', 'alphabet-explain', w);
    ui.legend = node('p', 'alphabet-legend', w);
    return ui;
  }

  // One column per letter of the recital: the letter, a bar and the number
  // (the engine's probability of that letter given the ones before it), and
  // the network's own guess for that position. The first letter is the cue.
  function drawStrip(ui, ctx, last) {
    ui.strip.textContent = '';
    ui.strip.setAttribute('aria-label', ctx.t('stripLabel'));
    if (!last) { ui.mean.textContent = ''; ui.mean.removeAttribute('data-value'); return; }
    var letters = last.text.split('');
    letters.forEach(function (ch, i) {
      var li = node('li', 'alphabet-col', ui.strip);
      var letter = node('span', 'alphabet-letter', li);
      letter.textContent = ch;
      var well = node('span', 'alphabet-well', li);
      var fill = node('span', 'alphabet-fill', well);
      var pct = node('span', 'alphabet-p', li);
      var guess = node('span', 'alphabet-guess', li);
      if (i === 0) { li.classList.add('cue'); li.setAttribute('aria-label', ctx.t('cueLabel', { letter: ch })); return; }
      var p = last.r.prob[i - 1], top = last.r.top[i - 1];
      fill.style.transform = 'scaleY(' + p + ')';   // the bar is the probability itself
      pct.textContent = ctx.percent(p).replace(/\s?%$/, '');
      guess.textContent = top === '\n' ? '↵' : top;
      guess.setAttribute('aria-label', ctx.t('guessLabel', { letter: guess.textContent }));
      if (top !== ch) guess.classList.add('wrong');
    });
    ui.mean.setAttribute('data-value', String(last.r.mean));   // the engine's number, for tests
    ui.mean.textContent = letters.length > 1 ? ctx.t('meanProb', { p: ctx.percent(last.r.mean) })
      : ctx.t('nothing', { letter: letters[0] });
  }

  // The sentence under the strip, filled from the engine's probabilities:
  // backwards (a sequence it never learned), a start other than A (how sure
  // it is of the first next letter, and from which letter on it is sure),
  // or from A. Before any training: nothing to explain.
  function explain(ui, ctx, s, last, step) {
    ui.explain.textContent = '';
    ui.explain.removeAttribute('data-sure');
    if (!last || step === 0 || last.text.length < 2) return;
    var prob = last.r.prob, sure = -1;
    for (var i = 0; i < prob.length; i++) if (prob[i] >= SURE) { sure = i; break; }
    ui.explain.setAttribute('data-sure', String(sure));
    var p = { letter: last.text[0], next: last.text[1], p1: ctx.percent(prob[0]), mean: ctx.percent(last.r.mean),
      sure: sure >= 0 ? last.text[sure + 1] : '', pct: ctx.percent(SURE) };
    var key;
    if (s.dir === 'backward') key = 'explainBack';
    else if (s.start === 'A') key = s.starts === 'any' ? 'explainAany' : 'explainA';
    else if (s.starts === 'any') key = 'explainFromAny';
    else key = sure < 0 ? 'explainFromNever' : sure === 0 ? 'explainFromSure' : 'explainFrom';
    ui.explain.textContent = ctx.t(key, p);
  }

  RnnWidgetRegistry.provide('alphabet', 'mount', mount);
})();
