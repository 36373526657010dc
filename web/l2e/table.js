// l2e-table.js - the lecture's slide as a table: fixed validation inputs,
// their targets, and each strategy's current greedy prediction, one character
// per span, wrong characters marked (class "bad"; a missing one is shown as
// "_" with class "miss"). Written with createElement/textContent only: the
// inputs and predictions are never parsed as HTML. A visually hidden verdict
// per cell ("correct", "2 characters wrong") says it without colour.
'use strict';
var RnnL2ETable = (function () {
  var N = 4; // strategies, in the column order of the page's header

  // tbody: the table body; t: RnnI18n.t
  function PredictionTable(tbody, t) {
    this.tbody = tbody;
    this.t = t;
    this.rows = [];                      // [{input, target, pretty}]
    this.preds = [];                     // per strategy: [prediction strings] or null
    this.labels = [];                    // column names for the narrow (card) layout
  }

  // labels: [input, target, name0..name3]
  PredictionTable.prototype.setLabels = function (labels) {
    this.labels = labels;
    this.render();
  };

  PredictionTable.prototype.setRows = function (rows) {
    this.rows = rows || [];
    this.preds = [null, null, null, null];
    this.render();
  };

  PredictionTable.prototype.clear = function () { this.setRows([]); };

  PredictionTable.prototype.setPredictions = function (strategy, predictions) {
    this.preds[strategy] = predictions;
    var self = this;
    Array.prototype.forEach.call(this.tbody.rows, function (tr, r) {
      self.fillPrediction(tr.cells[2 + strategy], r, strategy);
    });
  };

  // How many predictions each strategy has shown so far.
  PredictionTable.prototype.filled = function () {
    return this.preds.map(function (p) { return p ? p.length : 0; });
  };

  function code(tag, text, cls) {
    var el = document.createElement(tag);
    el.className = 'code' + (cls ? ' ' + cls : '');
    el.textContent = text;
    return el;
  }

  PredictionTable.prototype.render = function () {
    var self = this, body = this.tbody;
    while (body.firstChild) body.removeChild(body.firstChild);
    if (!this.rows.length) {
      var tr0 = document.createElement('tr');
      var td0 = document.createElement('td');
      td0.colSpan = 2 + N;
      td0.className = 'empty';
      td0.textContent = this.t('l2eTableEmpty');
      tr0.appendChild(td0);
      body.appendChild(tr0);
      return;
    }
    this.rows.forEach(function (row, r) {
      var tr = document.createElement('tr');
      var input = document.createElement('th');
      input.scope = 'row';
      input.setAttribute('data-label', self.labels[0] || '');
      input.appendChild(code('pre', row.pretty));
      tr.appendChild(input);
      var target = document.createElement('td');
      target.setAttribute('data-label', self.labels[1] || '');
      target.appendChild(code('span', row.target, 'target'));
      tr.appendChild(target);
      for (var s = 0; s < N; s++) {
        var td = document.createElement('td');
        td.setAttribute('data-label', self.labels[2 + s] || '');
        td.className = 'pred s' + s;
        tr.appendChild(td);
        self.fillPrediction(td, r, s);
      }
      body.appendChild(tr);
    });
  };

  PredictionTable.prototype.fillPrediction = function (td, r, s) {
    while (td.firstChild) td.removeChild(td.firstChild);
    var list = this.preds[s];
    var target = this.rows[r].target;
    if (!list || list[r] === undefined) {
      td.classList.remove('correct', 'wrong');
      td.appendChild(document.createTextNode('–'));
      return;
    }
    var pred = list[r];
    var box = code('span', '', 'prediction');
    var wrong = 0;
    var n = Math.max(pred.length, target.length);
    for (var i = 0; i < n; i++) {
      var ch = document.createElement('span');
      if (i >= pred.length) { ch.className = 'miss'; ch.textContent = '_'; wrong++; }
      else {
        ch.textContent = pred[i];
        if (pred[i] !== target[i]) { ch.className = 'bad'; wrong++; }
      }
      box.appendChild(ch);
    }
    td.appendChild(box);
    td.classList.toggle('correct', wrong === 0);
    td.classList.toggle('wrong', wrong > 0);
    var verdict = document.createElement('span');
    verdict.className = 'sr-only';
    verdict.textContent = wrong === 0 ? this.t('l2eCorrect') : this.t(wrong === 1 ? 'l2eWrongOne' : 'l2eWrongMany', { n: wrong });
    td.appendChild(verdict);
  };

  return { PredictionTable: PredictionTable };
})();
