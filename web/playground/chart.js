// chart.js - the loss chart: a thin wrapper over uPlot (web/vendor). Train and
// validation curves in bits per character against the step, plus two dashed
// reference lines: uniform guessing (log2 V) and the unigram entropy.
// Redraws at most once per animation frame; keeps at most MAX_POINTS points.
/* global uPlot */
'use strict';
var RnnChart = (function () {
  var MAX_POINTS = 4000;

  function LossChart(el, labels) {
    this.el = el;
    this.labels = labels;
    this.refs = { uniform: null, unigram: null };
    this.data = [[], [], [], [], []]; // step, train, val, uniform, unigram
    this.plot = null;
    this.frame = 0;
    var self = this;
    this.build();
    if (typeof ResizeObserver === 'function') {
      this.observer = new ResizeObserver(function () { self.resize(); });
      this.observer.observe(el);
    }
  }

  LossChart.prototype.size = function () {
    var w = Math.max(200, Math.floor(this.el.clientWidth || 600));
    return { width: w, height: Math.max(180, Math.min(320, Math.round(w * 0.45))) };
  };

  LossChart.prototype.build = function () {
    if (this.plot) this.plot.destroy();
    var L = this.labels, sz = this.size();
    this.plot = new uPlot({
      width: sz.width, height: sz.height,
      scales: { x: { time: false } },
      axes: [{ label: L.step }, { label: L.y, size: 60 }],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: L.step },
        { label: L.train, stroke: '#1f5fbf', width: 2, spanGaps: true, points: { show: false } },
        { label: L.val, stroke: '#b3261e', width: 2, spanGaps: true, points: { show: true, size: 5 } },
        { label: L.uniform, stroke: '#555', width: 1, dash: [6, 4], points: { show: false } },
        { label: L.unigram, stroke: '#7a5c00', width: 1, dash: [2, 3], points: { show: false } },
      ],
    }, this.data, this.el);
  };

  LossChart.prototype.resize = function () {
    if (this.plot) this.plot.setSize(this.size());
  };

  // New language: new series labels (uPlot keeps labels in the legend DOM).
  LossChart.prototype.setLabels = function (labels) { this.labels = labels; this.build(); };

  LossChart.prototype.reset = function (refs) {
    this.refs = refs || { uniform: null, unigram: null };
    this.data = [[], [], [], [], []];
    this.redraw();
  };

  LossChart.prototype.push = function (step, train, val) {
    var d = this.data, n = d[0].length;
    var fin = function (x) { return typeof x === 'number' && isFinite(x) ? x : null; };
    if (n > 0 && d[0][n - 1] === step) {
      if (train !== null) d[1][n - 1] = fin(train);
      if (val !== null) d[2][n - 1] = fin(val);
    } else {
      d[0].push(step); d[1].push(fin(train)); d[2].push(fin(val));
      d[3].push(this.refs.uniform); d[4].push(this.refs.unigram);
    }
    if (d[0].length > MAX_POINTS) this.thin();
    this.redraw();
  };

  // Halves the train points, keeping every validation point.
  LossChart.prototype.thin = function () {
    var d = this.data, out = [[], [], [], [], []];
    for (var i = 0; i < d[0].length; i++) {
      if (i % 2 === 0 || d[2][i] !== null || i === d[0].length - 1) {
        for (var k = 0; k < 5; k++) out[k].push(d[k][i]);
      }
    }
    this.data = out;
  };

  // Drops points past step (after a roll-back to earlier weights).
  LossChart.prototype.truncate = function (step) {
    var d = this.data, n = 0;
    while (n < d[0].length && d[0][n] <= step) n++;
    for (var k = 0; k < 5; k++) d[k].length = n;
    this.redraw();
  };

  LossChart.prototype.redraw = function () {
    var self = this;
    if (this.frame) return;
    this.frame = requestAnimationFrame(function () {
      self.frame = 0;
      self.plot.setData(self.data);
    });
  };

  return { LossChart: LossChart };
})();
