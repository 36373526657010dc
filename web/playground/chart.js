// chart.js - the loss chart, on the shared uPlot base (shared/chart-base.js).
// Bits per character against the step: the training loss (thin: each report;
// thick: smoothed by the worker with the page's smoothing setting), validation
// points joined by a line, and dashed reference lines: uniform guessing
// (log2 V), the unigram entropy and the Kneser-Ney n-gram the engine counted
// on the same training text and scored on the same validation text. Loss jumps
// are marked by a vertical line at their step. The step axis can be
// logarithmic. Every number comes from the worker; the chart only places them.
// The element's data-* attributes (points, jumps, kn, log) are for tests.
/* global RnnChartBase */
'use strict';
var RnnChart = (function () {
  var MAX_POINTS = 4000;
  var COLORS = { raw: '#9db7e0', train: '#1f5fbf', val: '#b3261e', uniform: '#555', unigram: '#7a5c00', kn: '#1b7f3b', jump: '#c2410c' };
  var finite = RnnChartBase.finite;

  // labels: {step, y, raw, train, val, uniform, unigram, kn}
  function LossChart(el, labels) {
    this.el = el;
    this.labels = labels;
    this.log = false;
    this.reset(null);
    var self = this;
    this.chart = new RnnChartBase.Chart(el, {
      options: function () { return self.options(); },
      data: function () { return self.data(); },
      height: function (w, box) {
        // presentation view: the chart fills the height its panel gives it
        var h = document.body.classList.contains('present') ? box.clientHeight : 0;
        var legend = box.querySelector('.u-legend');
        return h > 150 ? h - (legend ? legend.offsetHeight : 40) - 6 : RnnChartBase.defaultHeight(w);
      },
      drawn: function () { self.mark(); },
    });
  }

  LossChart.prototype.options = function () {
    var L = this.labels, self = this;
    var dashed = function (label, stroke, dash) { return { label: label, stroke: stroke, width: 1.5, dash: dash, points: { show: false } }; };
    return {
      scales: { x: { time: false, distr: this.log ? 3 : 1 } },
      axes: [{ label: L.step }, { label: L.y, size: 60 }],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: L.step },
        { label: L.raw, stroke: COLORS.raw, width: 1, spanGaps: true, points: { show: false } },
        { label: L.train, stroke: COLORS.train, width: 2.5, spanGaps: true, points: { show: false } },
        { label: L.val, stroke: COLORS.val, width: 2, spanGaps: true, points: { show: true, size: 6 } },
        dashed(L.uniform, COLORS.uniform, [6, 4]),
        dashed(L.unigram, COLORS.unigram, [2, 3]),
        dashed(L.kn, COLORS.kn, [10, 4]),
      ],
      hooks: { draw: [function (u) { self.drawJumps(u); }] },
    };
  };

  // uPlot wants one x array and aligned y arrays: the union of the steps.
  LossChart.prototype.data = function () {
    var rows = new Map(), log = this.log;
    var row = function (step) {
      if (!rows.has(step)) rows.set(step, [step, null, null, null]);
      return rows.get(step);
    };
    this.train.forEach(function (p) { var r = row(p[0]); r[1] = finite(p[1]); r[2] = finite(p[2]); });
    this.val.forEach(function (p) { row(p[0])[3] = finite(p[1]); });
    var all = Array.from(rows.values()).filter(function (r) { return !log || r[0] > 0; });
    all.sort(function (a, b) { return a[0] - b[0]; });
    var xs = all.map(function (r) { return r[0]; });
    var out = [xs];
    for (var k = 1; k <= 3; k++) out.push(all.map(function (r) { return r[k]; })); // eslint-disable-line no-loop-func
    var refs = this.refs;
    ['uniform', 'unigram', 'kn'].forEach(function (k) { out.push(RnnChartBase.flat(xs, refs[k])); });
    return out;
  };

  // a vertical line at each jump's step
  LossChart.prototype.drawJumps = function (u) {
    if (!this.jumps.length) return;
    var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height;
    ctx.save();
    ctx.strokeStyle = COLORS.jump;
    ctx.lineWidth = 2 * (window.devicePixelRatio || 1);
    ctx.setLineDash([4, 4]);
    this.jumps.forEach(function (j) {
      var x = u.valToPos(j.step, 'x', true);
      if (!isFinite(x)) return;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + h);
      ctx.stroke();
    });
    ctx.restore();
  };

  LossChart.prototype.mark = function () {
    this.el.setAttribute('data-points', this.train.length + ',' + this.val.length);
    this.el.setAttribute('data-jumps', this.jumps.map(function (j) { return j.step; }).join(','));
    this.el.setAttribute('data-kn', this.refs.kn === null ? '' : String(this.refs.kn));
    this.el.setAttribute('data-log', this.log ? '1' : '0');
  };

  // New language: new series labels (uPlot keeps labels in the legend DOM).
  LossChart.prototype.setLabels = function (labels) { this.labels = labels; this.chart.build(); this.mark(); };

  LossChart.prototype.setLog = function (on) { this.log = !!on; this.chart.build(); this.mark(); };

  // refs: {uniform, unigram} (the n-gram line comes later: setReference)
  LossChart.prototype.reset = function (refs) {
    this.refs = { uniform: refs ? refs.uniform : null, unigram: refs ? refs.unigram : null, kn: null };
    this.train = [];   // [[step, raw bpc, smoothed bpc], ...]
    this.val = [];     // [[step, bpc], ...]
    this.jumps = [];   // [{step, ...}]
    if (this.chart) this.redraw();
  };

  LossChart.prototype.setReference = function (key, value) { this.refs[key] = finite(value); this.redraw(); };

  LossChart.prototype.pushTrain = function (step, raw, smooth) {
    var n = this.train.length;
    if (n > 0 && this.train[n - 1][0] >= step) return;
    this.train.push([step, raw, smooth]);
    if (this.train.length > MAX_POINTS) this.train = thin(this.train);
    this.redraw();
  };

  LossChart.prototype.pushVal = function (step, bpc) {
    var n = this.val.length;
    if (n > 0 && this.val[n - 1][0] >= step) return;
    this.val.push([step, bpc]);
    this.redraw();
  };

  // The worker's history smoothed anew: points [[step, raw]], smooth [[step, s]].
  LossChart.prototype.setCurve = function (points, smooth) {
    var train = points.map(function (p, i) { return [p[0], p[1], smooth[i] ? smooth[i][1] : null]; });
    this.train = train.length > MAX_POINTS ? thin(train) : train;
    this.redraw();
  };

  LossChart.prototype.markJump = function (jump) { this.jumps.push(jump); this.redraw(); };

  // Drops points past step (after a roll-back to earlier weights).
  LossChart.prototype.truncate = function (step) {
    var keep = function (p) { return p[0] <= step; };
    this.train = this.train.filter(keep);
    this.val = this.val.filter(keep);
    this.redraw();
  };

  LossChart.prototype.redraw = function () { this.chart.redraw(); };
  LossChart.prototype.resize = function () { this.chart.resize(); };

  // every other point, the last one kept
  function thin(list) { return list.filter(function (p, i) { return i % 2 === 0 || i === list.length - 1; }); }

  return { LossChart: LossChart, COLORS: COLORS };
})();
