// view.js - the sentiment widget (the lecture's many-to-one example: "O filme
// é péssimo, roteiro horrível, mas a música é boa!"). Two views of one review:
//   hand:  the slide's 3×15 input matrix W_ax (rows filme / sentim. /
//          gênero = grammatical gender, columns 1–15 as the slide numbers
//          them; eng.reviewsSlide()) as an editable grid; with W_aa = I the
//          network adds up one column per word, a(t) = a(t-1) + W_ax x(t):
//          → adds the next word; the column each word adds (the slide's
//          per-word table) and a(t) come from the engine; after the last
//          word ŷ = tanh(V a(T)) with V reading the sentim. row.
//   train: "treine-a": the same architecture trained live in the worker on
//          generated reviews; its learned matrix under the hand-set one, the
//          held-out accuracy, and the review (the text box) classified by both.
// The view only draws: every number comes from worker.js (the C engine).
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var CHUNK = 10;         // training steps per tick / per → press
  var TICK_MS = 80;       // pause between training ticks while playing
  var WORD_MS = 700;      // pause between words while playing the hand-set view
  var WINDOW = 11;        // at most this many words in the accumulation table
  var LIMIT = 9;          // a hand-set weight is a number in [-LIMIT, LIMIT]
  var TYPE_MS = 200;      // typing pause before the review is read again
  var ROWS = ['rowFilm', 'rowSent', 'rowGenre'];
  var GRID_ROWS = ['rowFilm', 'rowSent', 'rowGenreLong'];   // the grid's row names: gênero says "gramatical"
  var node = RnnWidgetKit.node;
  var G = null;            // grid.js: the W_ax grid and the number formats (set at mount)
  function fmt(ctx, x, d) { return G.fmt(ctx, x, d); }
  function short(ctx, x) { return G.short(ctx, x); }

  // The slide's W_ax (the engine's copy, rows by word id): the default weights.
  function defaultU(slide) { return slide.wax.map(function (row) { return row.slice(); }); }

  // Word ids in the slide's column order (1..15).
  function columnOrder(vocab, slide) {
    return vocab.map(function (w) { return w.id; }).sort(function (a, b) { return slide.column[a] - slide.column[b]; });
  }

  // A typed weight ('-0,5', '−1', '2') -> a number in [-LIMIT, LIMIT], or null.
  function parseWeight(text) {
    var t = String(text).trim().replace(/\u2212/g, '-').replace(',', '.');
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
    var x = Number(t);
    return isFinite(x) && Math.abs(x) <= LIMIT ? x : null;
  }

  function mount(root, ctx) {
    G = RnnWidgetRegistry.get('sentiment').grid;
    var s = ctx.settings;
    var ui = build(root);
    var client = null, ready = false, destroyed = false;
    var serial = RnnWidgetKit.serialQueue(fail);
    var player = RnnWidgetKit.playLoop({ serial: serial, tick: tickShown, delay: delay, running: running });
    var vocab = null, slide = null, order = null, U = null, handVW = null, sent = null, t = 0, tr = null, typing = 0, failure = null;

    function fail(e) {
      player.halt();
      failure = e && e.message ? e.message : String(e);
      render();
      ctx.changed();
    }

    function words() { return sent ? sent.words.length : 0; }

    function readSentence(toEnd) {
      return client.request('sentence', { text: s.text }).then(function (r) {
        sent = r;
        t = toEnd ? r.words.length : Math.min(t, r.words.length);
        render();
      });
    }

    function setHand() { return client.request('setHand', { U: U }).then(function (r) { handVW = r; }); }

    function setupTrain() {
      return client.request('setupTrain', { hidden: s.hidden, activation: s.act, seed: s.seed }).then(function (r) { tr = r; });
    }

    function handEvent() {
      var n = words(), last = t === n && n > 0;
      return {
        mode: 'hand', step: t, words: n, word: t > 0 ? sent.words[t - 1].word : null,
        h: t > 0 ? sent.hand.h[t - 1] : [0, 0, 0], y: last ? sent.hand.y[n - 1] : null,
      };
    }

    function trainEvent() { return { mode: 'train', step: tr.step, loss: tr.loss, accuracy: tr.accuracy }; }

    function finished() { return s.mode === 'hand' ? t >= words() : tr.step >= s.steps; }

    // One step of the current view: the next word, or CHUNK training steps.
    function tick() {
      if (s.mode === 'hand') {
        if (t < words()) t++;
        render();
        ctx.emit('step', handEvent());
        return Promise.resolve();
      }
      var n = Math.max(1, Math.min(CHUNK, s.steps - tr.step));
      return client.request('train', { steps: n }).then(function (r) {
        tr = r;
        return readSentence(true);
      }).then(function () { ctx.emit('step', trainEvent()); });
    }

    function afterTick() {
      if (player.playing() && finished()) {
        player.halt();
        ctx.emit('done', s.mode === 'hand' ? handEvent() : trainEvent());
      }
      ctx.changed();
    }

    // One play tick and its pause; the loop ticks once ready, until destroyed.
    function tickShown() { return tick().then(afterTick); }
    function delay() { return s.mode === 'hand' ? WORD_MS : TICK_MS; }
    function running() { return ready && !destroyed; }

    function render() {
      ui.title.textContent = ctx.t('title');
      ui.modes.forEach(function (b) { b.setAttribute('aria-pressed', b.getAttribute('data-mode') === s.mode ? 'true' : 'false'); });
      ui.hand.hidden = s.mode !== 'hand';
      ui.train.hidden = s.mode !== 'train';
      ui.status.textContent = statusText(ctx, s, failure, ready, sent, t, tr);
      if (!vocab) return;
      G.draw(ui, ctx, s, order, U, handVW, tr, s.mode === 'hand' && sent && t > 0 ? sent.words[t - 1].id : -2);
      if (s.mode === 'hand') drawHand(ui, ctx, sent, t);
      else drawTrain(ui, ctx, sent, tr);
    }

    function rebuildGrid() {
      G.build(ui, ctx, GRID_ROWS, vocab, slide, order, U, function (row, id, input) {
        var x = parseWeight(input.value);
        input.setAttribute('aria-invalid', x === null ? 'true' : 'false');
        if (x === null) { input.title = ctx.t('invalidCell', { limit: LIMIT }); return; }
        input.removeAttribute('title');
        U[row][id] = x;
        serial(function () { return setHand().then(function () { return readSentence(false); }); });
      });
    }

    var api = {
      ready: function () { return ready; },
      playing: player.playing,
      play: function () {
        if (ready && s.mode === 'hand' && t >= words()) { t = 0; render(); }
        else if (ready && s.mode === 'train' && tr.step >= s.steps) return;   // trained: r starts again
        player.play();
      },
      pause: player.pause,
      step: function () { api.pause(); if (ready) serial(tickShown); },
      reset: function () {
        api.pause();
        if (!ready) return;
        serial(function () {
          if (s.mode === 'hand') {
            U = defaultU(slide);
            rebuildGrid();
            return setHand().then(function () { return readSentence(false); }).then(function () {
              t = 0; render(); ctx.emit('step', handEvent()); ctx.changed();
            });
          }
          return setupTrain().then(function () { return readSentence(true); }).then(function () {
            ctx.emit('step', trainEvent()); ctx.changed();
          });
        });
      },
      setInput: function (input) {
        api.pause();
        if (input.mode !== undefined) s.mode = input.mode;
        if (input.text !== undefined) { s.text = input.text; ui.text.value = s.text; t = 0; }
        if (ready && input.text !== undefined) serial(function () { return readSentence(s.mode === 'train'); });
        render();
        ctx.changed();
      },
      relabel: function () {
        ui.modes.forEach(function (b) { b.textContent = ctx.t(b.getAttribute('data-mode') === 'hand' ? 'modeHand' : 'modeTrain'); });
        ui.modesBox.setAttribute('aria-label', ctx.t('modesLabel'));
        ui.textLabel.textContent = ctx.t('textLabel');
        ui.handLegend.textContent = ctx.t('handLegend');
        if (vocab) rebuildGrid();
        render();
      },
      destroy: function () {
        destroyed = true; api.pause();
        if (typing) clearTimeout(typing);
        if (client) client.terminate();
        root.textContent = '';
      },
    };

    ui.modes.forEach(function (b) {
      b.addEventListener('click', function () { api.setInput({ mode: b.getAttribute('data-mode') }); });
    });
    ui.text.value = s.text;
    ui.text.addEventListener('input', function () {
      if (typing) clearTimeout(typing);
      typing = setTimeout(function () {
        typing = 0;
        s.text = ui.text.value.slice(0, 200);
        if (ready) serial(function () { return readSentence(true); });
      }, TYPE_MS);
    });
    api.relabel();

    RnnWidgetKit.startWorker('sentiment', function (c) { client = c; return client.request('vocab', {}); }).then(function (info) {
      vocab = info.vocab;
      slide = info.slide;
      order = columnOrder(vocab, slide);
      U = defaultU(slide);
      rebuildGrid();
      return setHand().then(setupTrain).then(function () { return readSentence(s.mode === 'train'); });
    }).then(function () {
      ready = true;
      render();
      ctx.emit('ready', { kind: client.kind, mode: s.mode, steps: s.steps });
      player.start();
    }, fail);
    return api;
  }

  function statusText(ctx, s, failure, ready, sent, t, tr) {
    if (failure) return ctx.t('failed', { reason: failure });
    if (!ready || !sent) return ctx.t('starting');
    var n = sent.words.length;
    if (s.mode === 'hand') {
      if (n === 0) return ctx.t('empty');
      if (t === 0) return ctx.t('handStart', { n: n });
      if (t < n) return ctx.t('handAt', { t: t, n: n, word: sent.words[t - 1].word });
      return ctx.t('handDone', { n: n });
    }
    var p = { step: tr.step, total: s.steps, loss: fmt(ctx, tr.loss, 3) };
    if (tr.step === 0) return ctx.t('untrained');
    return ctx.t(tr.step >= s.steps ? 'trained' : 'training', p);
  }

  function build(root) {
    root.textContent = '';
    var w = node('div', 'sent', root);
    var head = node('div', 'sent-head', w);
    var ui = { title: node('h1', 'sent-title', head) };
    ui.status = node('p', 'sent-status', head);
    ui.status.setAttribute('role', 'status');
    var bar = node('div', 'sent-bar', w);
    ui.modesBox = node('div', 'sent-modes', bar);
    ui.modesBox.setAttribute('role', 'group');
    ui.modes = ['hand', 'train'].map(function (m) {
      var b = node('button', null, ui.modesBox);
      b.type = 'button';
      b.setAttribute('data-mode', m);
      return b;
    });
    var label = node('label', 'sent-textbox', bar);
    ui.textLabel = node('span', 'sent-textlabel', label);
    ui.text = node('input', 'sent-text', label);
    ui.text.type = 'text';
    ui.text.maxLength = 200;
    ui.text.spellcheck = false;
    ui.text.autocomplete = 'off';
    ui.grid = node('table', 'sent-grid', w);
    ui.hand = node('section', 'sent-hand', w);
    ui.acc = node('table', 'sent-acc', ui.hand);
    ui.out = node('p', 'sent-out', ui.hand);
    ui.handLegend = node('p', 'sent-legend', ui.hand);
    ui.train = node('section', 'sent-train', w);
    ui.score = node('p', 'sent-score', ui.train);
    var row = node('div', 'sent-trainrow', ui.train);
    ui.w = node('table', 'sent-w', row);
    ui.flip = node('p', 'sent-flip', row);
    ui.chips = node('p', 'sent-chips', ui.train);
    ui.verdicts = node('p', 'sent-verdicts', ui.train);
    ui.trainLegend = node('p', 'sent-legend', ui.train);
    return ui;
  }

  // The slide's per-word table (the column W_ax x(t) each word adds) and
  // the accumulation a(t) = a(t-1) + W_ax x(t), word by word (the engine's
  // step()), for the words added so far; then the output.
  function drawHand(ui, ctx, sent, t) {
    ui.acc.textContent = '';
    ui.acc.setAttribute('aria-label', ctx.t('accLabel'));
    if (!sent) return;
    var n = sent.words.length, from = Math.max(0, Math.min(t, n) - WINDOW), to = Math.min(n, from + WINDOW);
    var headRow = node('tr', null, node('thead', null, ui.acc));
    var corner = node('th', 'sent-corner', headRow);
    corner.colSpan = 2;
    corner.textContent = from > 0 ? '…' : '';
    for (var i = from; i < to; i++) wordHead(headRow, ctx, sent.words[i], i, t);
    [['cols', 'colsGroup', 'sent-colrows'], ['h', 'accGroup', 'sent-accrows']].forEach(function (g) {
      var body = node('tbody', g[2], ui.acc);
      ROWS.forEach(function (key, r) {
        var tr = node('tr', null, body);
        if (r === 0) {
          var gh = node('th', 'sent-group', tr);
          gh.rowSpan = 3;
          gh.setAttribute('scope', 'rowgroup');
          gh.textContent = ctx.t(g[1]);
        }
        var th = node('th', 'sent-rowname', tr);
        th.setAttribute('scope', 'row');
        th.textContent = ctx.t(key);
        for (var j = from; j < to; j++) {
          var td = node('td', 'sent-value', tr);
          if (j >= t) continue;
          var x = sent.hand[g[0]][j][r];
          td.textContent = short(ctx, x);
          td.setAttribute('data-value', String(x));
          if (j === t - 1) td.classList.add('current');
        }
      });
    });
    drawOutput(ui.out, ctx, sent, t);
  }

  function wordHead(row, ctx, w, i, t) {
    var th = node('th', 'sent-acc-word' + (w.known ? '' : ' unknown') + (i === t - 1 ? ' current' : '') + (i >= t ? ' later' : ''), row);
    th.setAttribute('scope', 'col');
    th.textContent = w.word;
    if (!w.known) th.setAttribute('aria-label', ctx.t('unknownWord', { word: w.word }));
  }

  function verdictKey(y) { return y > 0 ? 'positive' : y < 0 ? 'negative' : 'undecided'; }

  function drawOutput(el, ctx, sent, t) {
    var n = sent.words.length;
    el.removeAttribute('data-value');
    el.removeAttribute('data-verdict');
    el.className = 'sent-out';
    if (n === 0) { el.textContent = ctx.t('empty'); return; }
    if (t < n) { el.textContent = ctx.t('outPending'); return; }
    var y = sent.hand.y[n - 1], key = verdictKey(y);
    el.textContent = ctx.t('output', { a: short(ctx, sent.hand.h[n - 1][1]), y: fmt(ctx, y, 2), verdict: ctx.t(key) });
    el.setAttribute('data-value', String(y));
    el.setAttribute('data-verdict', key);
    el.classList.add(key);
    if (sent.cut) node('span', 'sent-cut', el).textContent = ctx.t('cut', { n: sent.maxWords });
  }

  // "Train it": the test-set score, the learned W, which rows V flips, the
  // review's words (only when some are unknown or cut: otherwise the box
  // above shows them), both verdicts.
  function drawTrain(ui, ctx, sent, tr) {
    ui.score.textContent = ctx.t('score', { p: ctx.percent(tr.accuracy), n: tr.heldout });
    ui.score.setAttribute('data-value', String(tr.accuracy));
    ui.trainLegend.textContent = ctx.t('trainLegend', { h: tr.U.length, act: ctx.t(tr.activation), count: ctx.number(tr.trainCount, 0) });
    drawFlip(ui, ctx, tr);
    G.drawW(ui, ctx, tr);
    ui.chips.textContent = '';
    ui.verdicts.textContent = '';
    if (!sent) return;
    ui.chips.hidden = !sent.cut && sent.words.every(function (w) { return w.known; });
    ui.chips.setAttribute('aria-label', ctx.t('chipsLabel'));
    sent.words.forEach(function (w) {
      var chip = node('span', 'sent-chip' + (w.known ? '' : ' unknown'), ui.chips);
      chip.textContent = w.word;
      if (!w.known) node('span', 'sent-unknown', chip).textContent = ctx.t('unknown');
    });
    if (sent.cut) node('span', 'sent-cut', ui.chips).textContent = ctx.t('cut', { n: sent.maxWords });
    var n = sent.words.length;
    if (n === 0) { ui.verdicts.textContent = ctx.t('empty'); return; }
    [['hand', 'verdictHand'], ['trained', 'verdictTrained']].forEach(function (p) {
      var y = sent[p[0]].y[n - 1], key = verdictKey(y);
      var span = node('span', 'sent-verdict ' + key, ui.verdicts);
      span.textContent = ctx.t(p[1], { y: fmt(ctx, y, 2), verdict: ctx.t(key) });
      span.setAttribute('data-value', String(y));
      span.setAttribute('data-verdict', key);
      span.setAttribute('data-net', p[0]);
    });
  }

  // Which learned rows have V < 0 (the engine's signs): such a row counts
  // the words' sentiment with the opposite sign, and its negative V turns it
  // back (ŷ = tanh(Σ V_i a_i + c)).
  function drawFlip(ui, ctx, tr) {
    var flipped = [];
    tr.V.forEach(function (v, i) { if (v < 0) flipped.push(i + 1); });
    ui.flip.textContent = tr.step === 0 ? '' : flipped.length ? ctx.t('flipped', { rows: flipped.join(', ') }) : ctx.t('noFlip');
    ui.flip.setAttribute('data-flipped', flipped.join(','));
  }

  RnnWidgetRegistry.provide('sentiment', 'mount', mount);
})();
