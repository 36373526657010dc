// view.js - the neurons widget ("inside the char model"): a text read by a
// trained char RNN (the bundled model, or a .rnn file the user loads), each
// character coloured by the activation of one hidden unit after reading it,
// the five most likely next characters under it, and the units ranked by
// how well they track a chosen feature of the text. Every number comes from
// the worker (CharLM.trace, neuronFeature, rankUnits: src/api_neurons.c);
// this file only draws. Play reads the text one character at a time, →
// reads one more, r goes back to the start; clicking a character moves there.
/* global RnnWidgetRegistry, RnnModelSnapshot, RnnWidgetKit */
'use strict';
(function () {
  var TICK_MS = 140;      // one character per tick while playing
  var RANKED = 5;         // units listed by the search
  var MAX_TEXT = 120;     // characters: three lines of cells fit a 16:9 slide
  var MAX_MIB = 64;       // a model file, and what it inflates to (worker.js, shared/model-snapshot.js)
  var FEATURES = ['quote', 'paren', 'column', 'vowel', 'space'];
  var SAMPLE = 'A aluna perguntou: "O modelo lê a próxima letra?"\nO rio guarda os pesos (de novo) e diz "sem pressa".';

  var node = RnnWidgetKit.node;

  // An activation in [-1, 1] as a colour: blue (−1), white (0), red (+1).
  function colour(a) {
    var x = Math.max(-1, Math.min(1, a)), k = Math.round(255 * (1 - Math.abs(x)));
    return x >= 0 ? 'rgb(255,' + k + ',' + k + ')' : 'rgb(' + k + ',' + k + ',255)';
  }
  function shown(ch, ctx) { return ch === '\n' ? ctx.t('newline') : ch === ' ' ? '\u2423' : ch; }

  function mount(root, ctx) {
    var s = ctx.settings;
    var bundled = RnnWidgetRegistry.get('neurons').model;
    var ui = build(root, ctx);
    var client = null, ready = false, playing = false, destroyed = false, timer = 0;
    var serial = RnnWidgetKit.serialQueue(fail);
    var model = null, modelName = null, data = null, cursor = 0, note = null;
    var status = { key: 'starting', params: {} };

    function say(key, params) { status = { key: key, params: params || {} }; ui.status.textContent = ctx.t(key, status.params); }
    function fail(e) { playing = false; say('failed', { reason: e && e.message ? e.message : String(e) }); ctx.changed(); }
    function text() { return s.text || SAMPLE; }

    // A refused model file, named in the page's language: the worker's named
    // refusals (worker.js: errFileTooBig, errInflatedTooBig, errGzip) or its message.
    function loadFailed(e) {
      var m = /^(errFileTooBig|errInflatedTooBig|errGzip)(?:: ([\s\S]*))?$/.exec(e && e.message ? e.message : String(e));
      var reason = m ? ctx.t(m[1], { limit: MAX_MIB }) : (e && e.message ? e.message : String(e));
      note = { key: 'loadFailed', params: { reason: reason } };
      render();
    }

    // The unit shown: the one asked for, else the search's first.
    function unit() {
      if (!data) return 0;
      if (s.unit >= 0 && s.unit < data.H) return s.unit;
      return data.order ? data.order[0] : 0;
    }

    // name: null (the bundled model), a file name, or {key, params} (a string of ours)
    function load(payload, name) {
      return client.request('load', payload, payload.bytes ? [payload.bytes] : []).then(function (r) {
        model = r; modelName = name;
        if (!name) model.steps = bundled.steps;   // the export/import round trip of the bundled file drops the count
        if (s.unit >= r.H) s.unit = -1;
        return read(true);
      });
    }

    // fallback: a model just loaded that cannot read the text reads one it writes.
    function read(fallback) {
      return client.request('read', { text: text(), feature: s.feature, fallback: !!fallback }).then(function (r) {
        data = r; note = r.sampled ? { key: 'sampledText' } : null;
        if (r.sampled) s.text = r.text;
        cursor = r.n;
        render();
      }, function (e) { note = { key: 'textFailed', params: { reason: e.message } }; render(); });
    }

    function nameOf() {
      if (!modelName) return ctx.t('bundledName');
      if (typeof modelName === 'string') return modelName;
      var p = modelName.params;
      var local = !p.origin || p.origin === 'null' || /^file:/.test(p.origin);   // file:// pages: "null" or "file://"
      return ctx.t(modelName.key, { step: p.step, origin: local ? ctx.t('originLocal') : p.origin });
    }

    function emitStep() {
      if (!data) return;
      var t = Math.max(0, cursor - 1), u = unit();
      ctx.emit('step', {
        step: cursor, char: data.chars[t], unit: u, activation: cursor ? data.h[t * data.H + u] : null,
        top: cursor ? data.top[t].map(function (c) { return c.ch; }) : [], feature: s.feature,
        best: data.order ? data.order[0] : null, r: data.order ? data.r[data.order[0]] : null,
      });
    }

    function advance() {
      if (!data) return;
      cursor = cursor >= data.n ? 1 : cursor + 1;
      drawCursor();
      emitStep();
    }

    function loop() {
      timer = 0;
      if (!playing || destroyed || !data) return;
      advance();
      if (cursor >= data.n) { playing = false; ctx.emit('done', { step: cursor }); ctx.changed(); return; }
      timer = setTimeout(loop, TICK_MS);
    }

    var api = {
      ready: function () { return ready; },
      playing: function () { return playing; },
      play: function () {
        if (!ready || !data) { playing = true; return; }
        if (cursor >= data.n) { cursor = 0; drawCursor(); }
        playing = true;
        if (!timer) loop();
      },
      pause: function () { playing = false; if (timer) { clearTimeout(timer); timer = 0; } },
      step: function () { api.pause(); if (ready) advance(); },
      reset: function () { api.pause(); if (!data) return; cursor = 0; drawCursor(); emitStep(); ctx.changed(); },
      setInput: function (input) {
        if (input.feature !== undefined) s.feature = input.feature;
        if (input.unit !== undefined) s.unit = input.unit;
        if (input.text !== undefined) { s.text = input.text; ui.text.value = text(); }
        if (!ready) return;
        if (input.feature !== undefined || input.text !== undefined) serial(function () { return read(false); });
        else render();
      },
      relabel: function () {
        ui.title.textContent = ctx.t('title');
        ui.featureLabel.textContent = ctx.t('featureLabel');
        FEATURES.forEach(function (f, i) { ui.feature.options[i].textContent = ctx.t('feature_' + f); });
        ui.unitLabel.textContent = ctx.t('unitLabel');
        ui.prev.setAttribute('aria-label', ctx.t('prevUnit'));
        ui.next.setAttribute('aria-label', ctx.t('nextUnit'));
        ui.text.setAttribute('aria-label', ctx.t('textLabel'));
        ui.bundled.textContent = ctx.t('modelBundled');
        ui.loadBtn.textContent = ctx.t('modelLoad');
        say(status.key, status.params);
        render();
      },
      destroy: function () { destroyed = true; api.pause(); window.removeEventListener('resize', resized); if (typing) clearTimeout(typing); if (client) client.terminate(); root.textContent = ''; },
    };

    function render() {
      ui.feature.value = s.feature;
      ui.text.value = text();
      ui.model.textContent = model ? ctx.t('modelInfo', { name: nameOf(), H: model.H, V: model.V,
        steps: model.steps }) : '';
      ui.bundled.hidden = !modelName;   // the way back, once another model is shown
      ui.unitOf.textContent = data ? ctx.t('unitOf', { H: data.H }) : '';
      ui.unit.textContent = data ? String(unit()) : '';
      ui.unit.setAttribute('data-value', data ? String(unit()) : '');
      drawRanking(ui, ctx, data, unit(), function (u) { s.unit = u; render(); emitStep(); });
      drawText(ui, ctx, data, unit(), function (i) { api.pause(); cursor = i + 1; drawCursor(); emitStep(); });
      drawCursor();
      ui.note.textContent = note ? ctx.t(note.key, note.params) : '';
      fit();
    }

    // A text that does not fit with five next characters under each
    // character is drawn without them (the detail line still has them).
    function fit() {
      ui.page.classList.remove('dense');
      ui.legend.textContent = ctx.t('legend');
      if (ui.page.clientHeight > 0 && ui.page.scrollHeight > ui.page.clientHeight + 1) {
        ui.page.classList.add('dense');
        ui.legend.textContent = ctx.t('legendDense');
      }
    }
    function resized() { if (data) fit(); }
    window.addEventListener('resize', resized);

    // The characters read so far are coloured; the detail line names the last one.
    function drawCursor() {
      if (!data) return;
      ui.cells.forEach(function (c, i) { c.classList.toggle('unread', i >= cursor); c.classList.toggle('at', i === cursor - 1); });
      if (status.key !== 'failed') say(cursor >= data.n ? 'readAll' : 'reading', { t: cursor, n: data.n });
      drawDetail(ui, ctx, data, unit(), cursor);
      fit();   // the status and detail lines can change the room left for the text
    }

    ui.feature.addEventListener('change', function () { api.setInput({ feature: ui.feature.value }); });
    var typing = 0;   // the text is read again a moment after the last keystroke
    function typed() { if (typing) clearTimeout(typing); typing = 0; if (ui.text.value !== text()) api.setInput({ text: ui.text.value.slice(0, MAX_TEXT) }); }
    ui.text.addEventListener('input', function () { if (typing) clearTimeout(typing); typing = setTimeout(typed, 400); });
    ui.text.addEventListener('change', typed);
    ui.prev.addEventListener('click', function () { if (data) { s.unit = (unit() + data.H - 1) % data.H; render(); emitStep(); } });
    ui.next.addEventListener('click', function () { if (data) { s.unit = (unit() + 1) % data.H; render(); emitStep(); } });
    ui.bundled.addEventListener('click', function () { if (ready) serial(function () { return load({ base64: bundled.data }, null); }); });
    ui.loadBtn.addEventListener('click', function () { ui.file.click(); });
    ui.file.addEventListener('change', function () {
      var f = ui.file.files && ui.file.files[0];
      ui.file.value = '';
      if (!f || !ready) return;
      // the size first: a file past the cap is never read
      if (f.size > MAX_MIB * 1024 * 1024) { loadFailed(new Error('errFileTooBig')); return; }
      f.arrayBuffer().then(function (buf) {
        serial(function () { return load({ bytes: buf }, f.name).catch(loadFailed); });
      }, loadFailed);
    });
    api.relabel();

    RnnWidgetKit.startWorker('neurons', function (c) { client = c; return load({ base64: bundled.data }, null); }).then(function () {
      ready = true;
      ctx.emit('ready', { kind: client.kind, hidden: model.H, vocab: model.V, best: data && data.order ? data.order[0] : null });
      if (playing) api.play();
      ctx.changed();
      // opened by the playground's "Inspect units": named by the origin of
      // the window that sent it (any opener may answer `wantModel`)
      RnnModelSnapshot.request(function (bytes, step, origin) {
        serial(function () {
          return load({ bytes: bytes }, { key: 'snapshotName', params: { step: step, origin: origin } }).catch(loadFailed);
        });
      });
    }, fail);
    return api;
  }

  function build(root) {
    root.textContent = '';
    var w = node('div', 'neurons', root);
    var ui = { title: node('h1', 'neurons-title', w) };
    var bar = node('div', 'neurons-bar', w);
    var fl = node('label', 'neurons-field', bar);
    ui.featureLabel = node('span', null, fl);
    ui.feature = node('select', 'neurons-feature', fl);
    FEATURES.forEach(function (f) { var o = node('option', null, ui.feature); o.value = f; });
    var uu = node('div', 'neurons-field neurons-unitbox', bar);
    ui.unitLabel = node('span', null, uu);
    ui.prev = node('button', null, uu); ui.prev.type = 'button'; ui.prev.textContent = '−';
    ui.unit = node('output', 'neurons-unit', uu);
    ui.next = node('button', null, uu); ui.next.type = 'button'; ui.next.textContent = '+';
    ui.unitOf = node('span', 'neurons-of', uu);
    ui.status = node('span', 'neurons-status', bar);
    ui.status.setAttribute('role', 'status');
    ui.rank = node('ol', 'neurons-rank', w);
    ui.text = node('textarea', 'neurons-text', w); ui.text.rows = 2; ui.text.maxLength = MAX_TEXT; ui.text.spellcheck = false;
    ui.page = node('div', 'neurons-page', w);
    ui.cells = [];
    ui.detail = node('p', 'neurons-detail', w);
    ui.legend = node('p', 'neurons-legend', w);
    var foot = node('div', 'neurons-foot', w);
    ui.model = node('span', 'neurons-model', foot);
    ui.bundled = node('button', null, foot); ui.bundled.type = 'button';
    ui.loadBtn = node('button', null, foot); ui.loadBtn.type = 'button';
    ui.file = node('input', 'neurons-file', foot); ui.file.type = 'file'; ui.file.accept = '.rnn,.gz,application/octet-stream';
    ui.file.tabIndex = -1;
    ui.note = node('span', 'neurons-note', foot);
    return ui;
  }

  // The search: the RANKED units whose activation tracks the feature best
  // (|r| largest first); a click shows that unit.
  function drawRanking(ui, ctx, data, shownUnit, pickUnit) {
    ui.rank.textContent = '';
    ui.rank.removeAttribute('data-best');
    var label = node('li', 'neurons-rank-label', ui.rank);
    if (!data) return;
    if (!data.order) { label.textContent = ctx.t('noRank', { reason: data.rankError }); return; }
    label.textContent = ctx.t('rankLabel');
    ui.rank.setAttribute('data-best', String(data.order[0]));
    for (var i = 0; i < Math.min(RANKED, data.order.length); i++) {
      var u = data.order[i], li = node('li', null, ui.rank), b = node('button', 'neurons-rank-unit', li);
      b.type = 'button';
      b.textContent = ctx.t('rankItem', { unit: u, r: ctx.number(data.r[u], 2) });
      b.setAttribute('data-unit', String(u));
      b.setAttribute('data-value', String(data.r[u]));
      b.setAttribute('aria-label', ctx.t('rankItemLabel', { unit: u, r: ctx.number(data.r[u], 2) }));
      b.setAttribute('aria-pressed', u === shownUnit ? 'true' : 'false');
      b.addEventListener('click', pickUnit.bind(null, u));
    }
  }

  // One cell per character: the character on its activation colour, then
  // the five most likely next characters, darker = more likely. Words stay
  // together; a newline ends the line.
  function drawText(ui, ctx, data, u, moveTo) {
    ui.page.textContent = '';
    ui.cells = [];
    if (!data) return;
    var word = null;
    data.chars.forEach(function (ch, i) {
      if (!word) word = node('span', 'neurons-word', ui.page);
      var cell = node('span', 'neurons-cell', word);
      var a = data.h[i * data.H + u];
      var c = node('span', 'neurons-char', cell);
      c.textContent = shown(ch, ctx);
      c.style.backgroundColor = colour(a);
      cell.setAttribute('data-value', String(a));
      cell.setAttribute('data-feature', String(data.feature[i]));
      cell.addEventListener('click', moveTo.bind(null, i));
      data.top[i].forEach(function (t) {
        var g = node('span', 'neurons-next', cell);
        g.textContent = shown(t.ch, ctx);
        g.style.opacity = String(0.15 + 0.85 * t.p);
      });
      ui.cells.push(cell);
      if (ch === ' ') word = null;
      if (ch === '\n') { node('span', 'neurons-break', ui.page); word = null; }
    });
  }

  function drawDetail(ui, ctx, data, u, cursor) {
    ui.detail.textContent = '';
    if (!data || cursor < 1) return;
    var t = cursor - 1, a = data.h[t * data.H + u];
    node('span', null, ui.detail).textContent = ctx.t('detail', { ch: shown(data.chars[t], ctx), unit: u, act: ctx.number(a, 2) });
    ui.detail.setAttribute('data-value', String(a));
    data.top[t].forEach(function (c) {
      node('span', 'neurons-detail-next', ui.detail).textContent = shown(c.ch, ctx) + ' ' + ctx.percent(c.p);
    });
  }

  RnnWidgetRegistry.provide('neurons', 'mount', mount);
})();
