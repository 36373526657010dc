// l2e-chart.js - one accuracy chart of the learning-to-execute race: a thin
// wrapper over the shared uPlot base (shared/chart-base.js) with one curve per strategy against the
// training step and a dashed reference line (the format guess). The page has
// two: per-character accuracy under teacher forcing, and exact match.
// Each worker evaluates at its own steps, so the x values are the union of
// every strategy's steps, with gaps (null) bridged. Redraws at most once per
// animation frame; the element's data-points says how many points each
// strategy has (for tests and for anyone inspecting the page).
/* global RnnChartBase */
'use strict';
var RnnL2EChart = (function () {
  var MAX_POINTS = 1000;                                           // per strategy
  var COLORS = ['#1f5fbf', '#b3261e', '#7a5c00', '#1b7f3b'];       // baseline, naive, mix, combined (style.css too)
  var REF_COLOR = '#111';

  // labels: {step, y, names: [4 strategy names], reference}; pct(x) formats a
  // fraction in [0, 1] for the axis.
  function AccuracyChart(el, labels, pct) {
    this.labels = labels;
    this.pct = pct;
    this.points = [[], [], [], []];   // per strategy: [[step, value], ...] in step order
    this.reference = null;
    var self = this;
    this.chart = new RnnChartBase.Chart(el, {
      options: function () { return self.options(); },
      data: function () { return self.data(); },
      height: function (w) { return Math.max(180, Math.min(300, Math.round(w * 0.55))); },
    });
    this.el = el;
  }

  AccuracyChart.prototype.options = function () {
    var L = this.labels, pct = this.pct;
    var series = [{ label: L.step }];
    L.names.forEach(function (name, i) {
      series.push({ label: name, stroke: COLORS[i], width: 2, spanGaps: true, points: { show: true, size: 4 } });
    });
    series.push({ label: L.reference, stroke: REF_COLOR, width: 1.5, dash: [6, 4], points: { show: false } });
    return {
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        { label: L.step },
        { label: L.y, size: 56, values: function (u, vals) { return vals.map(pct); } },
      ],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      series: series,
    };
  };

  // uPlot wants one x array and aligned y arrays: the union of the steps.
  AccuracyChart.prototype.data = function () {
    var steps = new Map();
    this.points.forEach(function (pts) { pts.forEach(function (p) { steps.set(p[0], true); }); });
    var xs = Array.from(steps.keys()).sort(function (a, b) { return a - b; });
    var index = new Map();
    xs.forEach(function (x, i) { index.set(x, i); });
    var out = [xs];
    this.points.forEach(function (pts) {
      var ys = new Array(xs.length).fill(null);
      pts.forEach(function (p) { ys[index.get(p[0])] = p[1]; });
      out.push(ys);
    });
    out.push(RnnChartBase.flat(xs, this.reference));
    return out;
  };

  // New language: new series labels (uPlot keeps labels in the legend DOM).
  AccuracyChart.prototype.setLabels = function (labels) { this.labels = labels; this.chart.build(); };

  AccuracyChart.prototype.reset = function () {
    this.points = [[], [], [], []];
    this.redraw();
  };

  // The format guess (null: not known yet).
  AccuracyChart.prototype.setReference = function (value) {
    this.reference = typeof value === 'number' && isFinite(value) ? value : null;
    this.redraw();
  };

  AccuracyChart.prototype.push = function (strategy, step, value) {
    var pts = this.points[strategy];
    var v = typeof value === 'number' && isFinite(value) ? value : null;
    var n = pts.length;
    if (n > 0 && pts[n - 1][0] === step) pts[n - 1][1] = v;
    else if (n > 0 && pts[n - 1][0] > step) return;   // stale (a reset race)
    else pts.push([step, v]);
    if (pts.length > MAX_POINTS) {
      this.points[strategy] = pts.filter(function (p, i) { return i % 2 === 0 || i === pts.length - 1; });
    }
    this.redraw();
  };

  AccuracyChart.prototype.counts = function () { return this.points.map(function (p) { return p.length; }); };

  AccuracyChart.prototype.redraw = function () {
    this.el.setAttribute('data-points', this.counts().join(','));
    this.chart.redraw();
  };

  return { AccuracyChart: AccuracyChart, COLORS: COLORS };
})();
