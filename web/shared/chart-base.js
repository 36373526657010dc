// chart-base.js - the one uPlot base under the pages' charts (the playground's
// loss chart, the race's two accuracy charts; widgets may use it too): builds
// the plot at the element's width, follows its size (ResizeObserver), redraws
// at most once per animation frame, rebuilds on a new language or option.
// Axis numbers are written in the page's language (document's lang: pt-BR
// "1.000" and "0,5", English "1,000" and "0.5", both with a real minus sign):
// an axis without its own `values` gets axisValues(); uPlot's default would
// use the browser's language instead of the page's.
// spec: {
//   options(): uPlot options without width/height (series, axes, scales, hooks),
//   data():    the aligned uPlot data [[x...], [y...], ...],
//   height(width, el): the plot's height in px (default: 45% of the width, 180-320),
//   drawn():   called after each redraw (for data-* attributes tests read) }
/* global uPlot */
'use strict';
var RnnChartBase = (function () {
  function defaultHeight(w) { return Math.max(180, Math.min(320, Math.round(w * 0.45))); }

  function Chart(el, spec) {
    this.el = el;
    this.spec = spec;
    this.plot = null;
    this.frame = 0;
    var self = this;
    this.build();
    if (typeof ResizeObserver === 'function') {
      this.observer = new ResizeObserver(function () { self.resize(); });
      this.observer.observe(el);
    }
  }

  Chart.prototype.size = function () {
    var w = Math.max(200, Math.floor(this.el.clientWidth || 600));
    return { width: w, height: Math.round((this.spec.height || defaultHeight)(w, this.el)) };
  };

  // The page's language tag ('pt-BR' or 'en'), from <html lang>.
  function pageTag() {
    var l = typeof document === 'object' && document.documentElement ? document.documentElement.lang : '';
    return /^pt/i.test(l) ? 'pt-BR' : 'en';
  }

  // One axis number: as many decimals as the tick increment needs (at most
  // 6), grouped thousands, the minus sign U+2212.
  function axisNumber(v, incr, tag) {
    if (typeof v !== 'number' || !isFinite(v)) return '';
    var d = typeof incr === 'number' && incr > 0 && isFinite(incr) ? Math.max(0, Math.min(6, Math.ceil(-Math.log10(incr) - 1e-9))) : null;
    var o = d === null ? { maximumFractionDigits: 6 } : { minimumFractionDigits: d, maximumFractionDigits: d };
    if (Object.is(v, -0) || Math.abs(v) < 1e-12) v = 0;
    return v.toLocaleString(tag, o).replace(/^-/, '\u2212');
  }

  // uPlot's axis `values` callback in language tag (default: the page's).
  function axisValues(tag) {
    return function (u, splits, axisIdx, foundSpace, foundIncr) {
      var t = tag || pageTag();
      var log = u && u.axes && u.scales && u.scales[u.axes[axisIdx].scale] && u.scales[u.axes[axisIdx].scale].distr === 3;
      return splits.map(function (v) { return v === null ? '' : axisNumber(v, log ? null : foundIncr, t); });
    };
  }

  function localizeAxes(o) {
    (o.axes || (o.axes = [{}, {}])).forEach(function (a) { if (a && !a.values) a.values = axisValues(); });
  }

  Chart.prototype.build = function () {
    if (this.plot) this.plot.destroy();
    var o = this.spec.options(), sz = this.size();
    localizeAxes(o);
    o.width = sz.width;
    o.height = sz.height;
    this.plot = new uPlot(o, this.spec.data(), this.el);
  };

  Chart.prototype.resize = function () {
    if (!this.plot) return;
    var sz = this.size();
    if (sz.width !== this.plot.width || sz.height !== this.plot.height) this.plot.setSize(sz);
  };

  Chart.prototype.redraw = function () {
    var self = this;
    if (this.frame) return;
    this.frame = requestAnimationFrame(function () {
      self.frame = 0;
      self.plot.setData(self.spec.data());
      if (self.spec.drawn) self.spec.drawn();
    });
  };

  // a horizontal reference line over xs (null: not known, not drawn)
  function flat(xs, value) {
    var v = typeof value === 'number' && isFinite(value) ? value : null;
    return xs.map(function () { return v; });
  }

  // a number or null (uPlot leaves a gap)
  function finite(x) { return typeof x === 'number' && isFinite(x) ? x : null; }

  return { Chart: Chart, flat: flat, finite: finite, defaultHeight: defaultHeight, axisValues: axisValues, axisNumber: axisNumber };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnChartBase;
