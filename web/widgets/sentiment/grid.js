// grid.js - the sentiment widget's W_ax grid: the slide's columns 1–15 (its
// words where it names them, the others marked), the three editable hand-set
// rows with V beside them, and in the trained view the learned rows with
// their V and the learned W. Only formats and draws the worker's numbers.
/* global RnnWidgetRegistry, RnnWidgetKit */
'use strict';
(function () {
  var node = RnnWidgetKit.node;

  // A displayed number with a real minus sign (a format, not a computation).
  function fmt(ctx, x, d) { return ctx.number(x, d).replace(/-/g, '\u2212'); }

  // A weight, as short as it can be: 1, 0.5, -0.25 (a format, not a computation).
  function short(ctx, x) {
    var d = Math.abs(x - Math.round(x)) < 0.005 ? 0 : Math.abs(x * 10 - Math.round(x * 10)) < 0.05 ? 1 : 2;
    return fmt(ctx, x, d);
  }

  // The grid: one column per word in the slide's order (its column number
  // under the word; the columns the slide leaves unnamed are marked), the
  // three hand-set rows as inputs; onEdit(row, id, input) after a change.
  function buildGrid(ui, ctx, ROWS, vocab, slide, order, U, onEdit) {
    ui.grid.textContent = '';
    ui.grid.setAttribute('aria-label', ctx.t('gridLabel'));
    var headRow = node('tr', null, node('thead', null, ui.grid));
    node('th', 'sent-corner', headRow).textContent = 'W_ax';
    ui.gridHeads = {};
    order.forEach(function (id) {
      var w = vocab[id], named = slide.named[id];
      var th = node('th', 'sent-word' + (named ? '' : ' unnamed'), headRow);
      th.setAttribute('scope', 'col');
      node('span', null, th).textContent = w.word;
      node('span', 'sent-index', th).textContent = String(slide.column[id]);   // the slide's column number
      if (!named) th.setAttribute('aria-label', ctx.t('unnamedWord', { word: w.word, col: slide.column[id] }));
      ui.gridHeads[id] = th;
    });
    var vHead = node('th', 'sent-vwhead first', headRow);
    vHead.textContent = 'V';
    vHead.title = ctx.t('vLabel');
    var body = node('tbody', 'sent-handrows', ui.grid);
    ui.inputs = ROWS.map(function (key, row) {
      var tr = node('tr', null, body);
      var th = node('th', 'sent-rowname', tr);
      th.setAttribute('scope', 'row');
      th.textContent = ctx.t(key);
      if (key === 'rowGenreLong') th.title = ctx.t('genreMeaning');
      var cells = {};
      order.forEach(function (id) {
        var w = vocab[id];
        var input = node('input', 'sent-cell', node('td', null, tr));
        input.type = 'text';
        input.inputMode = 'decimal';
        input.value = short(ctx, U[row][id]);
        input.setAttribute('aria-label', ctx.t('cellLabel', { row: ctx.t(key), word: w.word }));
        input.addEventListener('change', function () { onEdit(row, id, input); });
        cells[id] = input;
      });
      cells.v = node('td', 'sent-value sent-v first', tr);
      return cells;
    });
    ui.learned = node('tbody', 'sent-learned', ui.grid);
  }

  // Colours by sign and size (a format of the numbers shown, nothing computed from them).
  function shade(el, x, scale) {
    var a = scale > 0 ? Math.min(1, Math.abs(x) / scale) * 0.45 : 0;
    el.style.backgroundColor = x >= 0 ? 'rgba(31, 95, 191, ' + a + ')' : 'rgba(179, 38, 30, ' + a + ')';
  }

  // A learned weight: one decimal, no "-0,0" (a format of the engine's number).
  function value(ctx, td, x) {
    td.textContent = fmt(ctx, Math.abs(x) < 0.05 ? 0 : x, 1);
    td.setAttribute('data-value', String(x));
  }

  function drawGrid(ui, ctx, s, order, U, handVW, tr, currentId) {
    order.forEach(function (id) { ui.gridHeads[id].classList.toggle('current', id === currentId); });
    ui.inputs.forEach(function (cells, r) {
      order.forEach(function (id) {
        shade(cells[id].parentNode, U[r][id], 1);
        cells[id].parentNode.classList.toggle('current', id === currentId);
      });
      if (handVW) { cells.v.textContent = short(ctx, handVW.V[r]); cells.v.setAttribute('data-value', String(handVW.V[r])); }
    });
    ui.learned.textContent = '';
    ui.learned.hidden = s.mode !== 'train' || !tr;
    if (ui.learned.hidden) return;
    var scale = 0;
    tr.U.forEach(function (row) { row.forEach(function (x) { scale = Math.max(scale, Math.abs(x)); }); });
    tr.U.forEach(function (row, i) {
      var rowEl = node('tr', i === 0 ? 'first' : null, ui.learned);
      var th = node('th', 'sent-rowname', rowEl);
      th.setAttribute('scope', 'row');
      th.textContent = ctx.t('learnedRow', { i: i + 1 });
      order.forEach(function (id) {
        var x = row[id];
        var td = node('td', 'sent-value', rowEl);
        value(ctx, td, x);
        shade(td, x, scale);
      });
      var v = node('td', 'sent-value sent-v first', rowEl);
      value(ctx, v, tr.V[i]);
      shade(v, tr.V[i], Math.max.apply(null, tr.V.map(Math.abs)));
    });
  }

  // The learned W (a(t) = W a(t-1) + W_ax x(t)), row i = into unit i.
  function drawW(ui, ctx, tr) {
    ui.w.textContent = '';
    ui.w.setAttribute('aria-label', ctx.t('wLabel'));
    var body = node('tbody', null, ui.w);
    tr.W.forEach(function (row, i) {
      var r = node('tr', null, body);
      if (i === 0) { var th = node('th', 'sent-rowname', r); th.rowSpan = tr.W.length; th.textContent = 'W ='; }
      row.forEach(function (x) { value(ctx, node('td', 'sent-value', r), x); });
    });
  }

  RnnWidgetRegistry.provide('sentiment', 'grid', { fmt: fmt, short: short, shade: shade, build: buildGrid, draw: drawGrid, drawW: drawW });
})();
