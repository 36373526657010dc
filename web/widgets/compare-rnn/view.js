// view.js - the compare-rnn widget ("determina se o valor total do primeiro
// input é maior que do segundo"). The worker runs the hand-wired network on
// the two inputs (a linear unit accumulating input 1 − input 2, a logistic
// output) and a second one for the running totals; the table reveals one
// time step per → (play: one step per tick), with the totals, h, ŷ and the
// decision at every step. "Try random inputs" sends 20 pairs the engine draws
// (a new seed each press) through the same network and shows the engine's
// score. A shorter input is padded with zeros (shown faded). "Trained"
// (`net`) swaps in the same shape trained in the engine on random pairs: its
// learned weights are shown and every number comes from it.
/* global RnnWidgetRegistry, RnnHashSchema, RnnNumberList, RnnWidgetKit */
'use strict';
(function () {
  var ID = 'compare-rnn';
  var ROWS = [
    { key: 'rowA', math: 'aₜ' }, { key: 'rowB', math: 'bₜ' }, { key: 'rowSumA', math: 'Σa' }, { key: 'rowSumB', math: 'Σb' },
    { key: 'rowH', math: 'Σa − Σb', trained: 'U·x + W·h + b' }, { key: 'rowY', math: 'σ(V·h)', trained: 'σ(V·h + c)' },
    { key: 'rowDecision', math: 'ŷ > 0,5' },
  ];

  var node = RnnWidgetKit.node;

  // Input 1 and input 2 as numbers, the shorter padded with zeros.
  function inputs(s) {
    var a = RnnNumberList.parse(s.a), b = RnnNumberList.parse(s.b), T = Math.max(a.length, b.length);
    var pad = function (xs) { var out = xs.slice(); while (out.length < T) out.push(0); return out; };
    return { a: pad(a), b: pad(b), padA: a.length, padB: b.length, T: T };
  }

  function decisionKey(st) { return st.first ? 'first' : st.tie ? 'tie' : 'notFirst'; }

  function mount(root, ctx) {
    var s = ctx.settings;
    var hash = RnnHashSchema.make(RnnWidgetRegistry.get(ID).schema.fields);
    var ui = build(root);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ tick: stepOnce, delay: delay, running: running });
    var inp = inputs(s), steps = null, shown = 0, random = null, presses = 0, failure = null, bad = false, learned = null;
    var num = function (x) { return RnnNumberList.one(x, ctx.lang()); };
    var fmt = function (x, d) { return ctx.number(x, d); };   // RnnLocale writes the real minus sign

    function fail(e) { player.halt(); failure = e && e.message ? e.message : String(e); render(); ctx.changed(); }

    // Weights and inputs into the engine; every step computed; none shown yet.
    function setup() {
      inp = inputs(s);
      return client.request('setup', { V: s.V }).then(function () {
        if (s.net !== 'trained' || learned) return null;
        return client.request('train', { seed: s.seed }).then(function (r) { learned = r; });
      }).then(function () {
        return client.request('run', { a: inp.a, b: inp.b, net: s.net });
      }).then(function (r) { steps = r.steps; shown = 0; render(); });
    }

    function stepEvent() {
      var st = steps[shown - 1];
      return { t: shown, T: inp.T, sumA: st.sumA, sumB: st.sumB, h: st.h, y: st.y, first: st.first, tie: st.tie };
    }

    function stepOnce() {
      if (!steps || shown >= inp.T) return;
      shown++;
      render();
      ctx.emit('step', stepEvent());
      if (shown >= inp.T && player.playing()) {
        player.halt();
        ctx.emit('done', { t: shown, first: steps[shown - 1].first, tie: steps[shown - 1].tie });
      }
      ctx.changed();
    }

    function delay() { return s.delay; }
    function running() { return ready && !destroyed; }

    function tryRandom() {
      if (!ready) return;
      presses++;
      var seed = s.seed + presses - 1;
      serial(function () {
        return client.request('random', { seed: seed, steps: inp.T, net: s.net }).then(function (r) { random = r; render(); });
      });
    }

    function render() {
      var tr = s.net === 'trained' && learned;
      ui.modes.forEach(function (b) { b.setAttribute('aria-pressed', b.value === s.net ? 'true' : 'false'); });
      ui.rule.textContent = tr ? ctx.t('ruleTrained', weightParams(learned.weights, fmt)) : ctx.t('rule');
      ui.eq.textContent = tr ? 'hₜ = U·xₜ + W·hₜ₋₁ + b    ŷₜ = σ(V·hₜ + c)' : 'hₜ = aₜ − bₜ + hₜ₋₁    ŷₜ = σ(V·hₜ), V = ' + num(s.V);
      drawTable(ui, ctx, inp, steps, shown, !!tr);
      drawRandom(ui, ctx, inp, random);
      drawWhy(ui, ctx, s, inp, learned);
      ui.note.textContent = ctx.t(s.net === 'trained' ? 'noteTrained' : 'note');
      var last = steps && shown > 0 ? steps[shown - 1] : null;
      ui.status.textContent = failure ? ctx.t('failed', { reason: failure }) : !ready ? ctx.t('starting')
        : shown === 0 ? ctx.t('atStart')
          : shown < inp.T ? ctx.t('atStep', { t: shown, T: inp.T })
            : ctx.t('atEnd', { T: inp.T, a: num(last.sumA), b: num(last.sumB), decision: ctx.t(decisionKey(last)) });
      ui.error.textContent = bad ? ctx.t('badList') : '';
      fillFields();
    }

    function fillFields() {
      ['a', 'b'].forEach(function (k) {
        if (document.activeElement !== ui.fields[k]) ui.fields[k].value = RnnNumberList.format(RnnNumberList.parse(s[k]), ctx.lang());
      });
    }

    function fromField(key) {
      var r = hash.parseValue(key, ui.fields[key].value.trim());
      ui.fields[key].setAttribute('aria-invalid', r.ok ? 'false' : 'true');
      bad = !r.ok;
      if (!r.ok) { render(); return; }
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
        if (shown >= inp.T) { shown = 0; render(); ctx.emit('step', { t: 0, T: inp.T }); }
        player.start();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(stepOnce); },
      reset: function () {
        api.pause();
        if (!ready) return;
        serial(function () { shown = 0; random = null; presses = 0; render(); ctx.emit('step', { t: 0, T: inp.T }); });
      },
      setInput: function (input) {
        api.pause();
        Object.keys(input).forEach(function (k) { s[k] = input[k]; });
        random = null; presses = 0;
        if (!ready) { inp = inputs(s); render(); return; }
        serial(function () { return setup().then(function () { ctx.emit('step', { t: 0, T: inp.T }); ctx.changed(); }); });
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.rule.textContent = ctx.t('rule');
        ui.randomButton.textContent = ctx.t('randomButton');
        ui.modesBox.setAttribute('aria-label', ctx.t('netLabel'));
        ui.modes.forEach(function (b) { b.textContent = ctx.t(b.value === 'hand' ? 'netHand' : 'netTrained'); });
        ui.table.setAttribute('aria-label', ctx.t('tableLabel'));
        ['a', 'b'].forEach(function (k) {
          ui.labels[k].textContent = ctx.t(k === 'a' ? 'fieldA' : 'fieldB');
          ui.fields[k].setAttribute('aria-label', ctx.t(k === 'a' ? 'fieldLabelA' : 'fieldLabelB'));
        });
        render();
      },
      destroy: function () { destroyed = true; api.pause(); if (client) client.terminate(); root.textContent = ''; },
    };

    ui.randomButton.addEventListener('click', tryRandom);
    ui.modes.forEach(function (b) { b.addEventListener('click', function () { api.setInput({ net: b.value }); }); });
    ['a', 'b'].forEach(function (k) { ui.fields[k].addEventListener('change', function () { fromField(k); }); });
    api.relabel();

    RnnWidgetKit.startWorker(ID, function (c) { client = c; return setup(); }).then(function () {
      ready = true;
      render();
      ctx.emit('ready', { kind: client.kind, T: inp.T });
      player.start();
    }, fail);
    return api;
  }

  function build(root) {
    root.textContent = '';
    var w = node('div', 'cmprnn', root);
    var head = node('div', 'cmprnn-head', w);
    var ui = { title: node('h1', 'cmprnn-title', head) };
    ui.modesBox = node('div', 'cmprnn-modes', head);
    ui.modesBox.setAttribute('role', 'group');
    ui.modes = ['hand', 'trained'].map(function (v) {
      var b = node('button', null, ui.modesBox);
      b.type = 'button';
      b.value = v;
      return b;
    });
    var eq = node('p', 'cmprnn-rule-line', w);
    ui.rule = node('span', 'cmprnn-rule', eq);
    ui.eq = node('span', 'cmprnn-eq math', eq);
    var main = node('div', 'cmprnn-main', w);
    var left = node('div', 'cmprnn-left', main);
    ui.table = node('table', 'cmprnn-table', left);
    ui.status = node('p', 'cmprnn-status', left);
    ui.status.setAttribute('role', 'status');
    var right = node('div', 'cmprnn-right', main);
    ui.randomButton = node('button', 'cmprnn-random', right);
    ui.randomButton.type = 'button';
    ui.score = node('p', 'cmprnn-score', right);
    ui.why = node('p', 'cmprnn-why', right);
    ui.pairsHead = node('p', 'cmprnn-pairs-head', right);
    ui.pairs = node('ol', 'cmprnn-pairs', right);
    ui.note = node('p', 'cmprnn-note', w);
    var form = node('div', 'cmprnn-fields', w);
    ui.fields = {}; ui.labels = {};
    ['a', 'b'].forEach(function (k) {
      var label = node('label', 'cmprnn-field', form);
      ui.labels[k] = node('span', 'cmprnn-field-name', label);
      var input = node('input', null, label);
      input.type = 'text';
      input.spellcheck = false;
      input.autocomplete = 'off';
      ui.fields[k] = input;
    });
    ui.error = node('p', 'cmprnn-error', form);
    ui.error.setAttribute('role', 'alert');
    return ui;
  }

  // One column per step, one row per quantity; steps not reached show '?'.
  function drawTable(ui, ctx, inp, steps, shown, trained) {
    var num = function (x) { return RnnNumberList.one(x, ctx.lang()); };
    var tb = ui.table;
    tb.textContent = '';
    tb.classList.toggle('dense', inp.T > 3);
    var hr = node('tr', null, node('thead', null, tb));
    node('td', null, hr);          // the empty corner cells are not headers
    node('td', 'math', hr);
    for (var t = 1; t <= inp.T; t++) {
      var th = node('th', t === shown ? 'now' : null, hr, ctx.t('colStep', { t: t }));
      th.scope = 'col';
    }
    var body = node('tbody', null, tb);
    ROWS.forEach(function (row) {
      var tr = node('tr', 'cmprnn-' + row.key, body);
      var name = node('th', null, tr, ctx.t(row.key));
      name.scope = 'row';
      node('td', 'cmprnn-math math', tr, row.key === 'rowDecision' ? 'ŷ > ' + num(0.5) : trained && row.trained ? row.trained : row.math);
      for (var i = 0; i < inp.T; i++) tr.appendChild(cell(row.key, i));
    });

    function cell(key, i) {
      var td = document.createElement('td');
      if (key === 'rowA' || key === 'rowB') {
        var v = key === 'rowA' ? inp.a[i] : inp.b[i], padded = i >= (key === 'rowA' ? inp.padA : inp.padB);
        td.textContent = num(v);
        if (padded) td.className = 'padded';
        return td;
      }
      if (!steps || i >= shown) { td.textContent = '?'; td.className = 'pending'; return td; }
      var st = steps[i];
      var value = { rowSumA: st.sumA, rowSumB: st.sumB, rowH: st.h, rowY: st.y }[key];
      if (key === 'rowDecision') {
        td.textContent = ctx.t(decisionKey(st));
        td.className = st.first ? 'yes' : 'no';
        td.setAttribute('data-value', st.first ? '1' : '0');
      } else {
        td.textContent = key === 'rowY' ? ctx.number(value, 3) : key === 'rowH' && trained ? ctx.number(value, 2) : num(value);
        td.setAttribute('data-value', String(value));
      }
      return td;
    }
  }

  // The random pairs: the engine's score and one chip per pair.
  function drawRandom(ui, ctx, inp, random) {
    var num = function (x) { return RnnNumberList.one(x, ctx.lang()); };
    ui.pairs.textContent = '';
    ui.pairsHead.textContent = random ? ctx.t('pairsHead') : '';
    if (!random) {
      ui.score.textContent = ctx.t('randomIdle', { T: inp.T });
      ui.score.removeAttribute('data-correct');
      ui.score.removeAttribute('data-count');
      return;
    }
    ui.score.textContent = ctx.t('score', { correct: random.correct, count: random.count, seed: random.seed });
    ui.score.setAttribute('data-correct', String(random.correct));
    ui.score.setAttribute('data-count', String(random.count));
    random.pairs.forEach(function (p) {
      var li = node('li', 'cmprnn-pair ' + (p.right ? 'right' : 'wrong'), ui.pairs);
      node('span', 'cmprnn-pair-sums', li, num(p.sumA) + ' | ' + num(p.sumB));
      node('span', 'cmprnn-pair-dec', li, (p.first ? '>' : p.tie ? '=' : '<') + (p.right ? ' ✓' : ' ✗'));
      li.setAttribute('aria-label', ctx.t('pairLabel', { a: num(p.sumA), b: num(p.sumB),
        decision: ctx.t(decisionKey(p)), right: ctx.t(p.right ? 'right' : 'wrong') }));
      li.setAttribute('data-right', p.right ? '1' : '0');
    });
  }

  // The learned weights as template slots (engine numbers, formatted).
  function weightParams(w, fmt) {
    return { u1: fmt(w.U[0], 2), u2: fmt(w.U[1], 2), w: fmt(w.W, 2), b: fmt(w.b, 2), v: fmt(w.V, 2), c: fmt(w.c, 2) };
  }

  // Why the score is what it is: exact by construction (hand-set), or what
  // training found and its test-set score for the current length (trained).
  function drawWhy(ui, ctx, s, inp, learned) {
    ui.why.removeAttribute('data-test');
    if (s.net !== 'trained') { ui.why.textContent = ctx.t('whyHand'); return; }
    if (!learned) { ui.why.textContent = ctx.t('training'); return; }
    var acc = learned.test[inp.T - 1];
    ui.why.textContent = ctx.t('whyTrained', { steps: learned.steps, batch: learned.batch, n: learned.testPairs, T: inp.T, acc: ctx.percent(acc) });
    ui.why.setAttribute('data-test', String(acc));
  }

  RnnWidgetRegistry.provide(ID, 'mount', mount);
})();
