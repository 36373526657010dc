// chart.js - the ball widget's accuracy curves: an SVG with one polyline per
// model (held-out accuracy, from the engine, over the training steps), a
// dashed chance line at 1/directions and the axis ticks. It only draws.
/* global RnnWidgetRegistry */
'use strict';
(function () {
  var NS = 'http://www.w3.org/2000/svg';
  var EM = { L: 2.6, R: 0.5, T: 0.5, B: 1.5 };   // margins, in root font sizes

  function el(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(e);
    return e;
  }

  function text(parent, x, y, s, cls, anchor) {
    var e = el('text', { x: x, y: y, class: cls || 'ball-chart-tick', 'text-anchor': anchor || 'middle' }, parent);
    e.textContent = s;
    return e;
  }

  // history: [{step, seqAcc, lastAcc}]; total: the x axis end; chance: 1/D;
  // fmt: {percent, number, chance, step} formatting and labels of the view.
  // The viewBox is the SVG's own size in pixels, so that text is not stretched.
  function draw(svg, history, total, chance, fmt) {
    svg.textContent = '';
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    var W = Math.max(100, svg.clientWidth || 400), H = Math.max(60, svg.clientHeight || 200);
    var L = EM.L * rem, R = EM.R * rem, T = EM.T * rem, B = EM.B * rem;
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var x = function (s) { return L + (W - L - R) * s / Math.max(1, total); };
    var y = function (a) { return T + (H - T - B) * (1 - a); };
    [0, 0.5, 1].forEach(function (a) {
      el('line', { x1: L, x2: W - R, y1: y(a), y2: y(a), class: 'ball-chart-grid' }, svg);
      text(svg, L - 0.3 * rem, y(a) + 0.3 * rem, fmt.percent(a), null, 'end');
    });
    el('line', { x1: L, x2: W - R, y1: y(chance), y2: y(chance), class: 'ball-chart-chance' }, svg);
    text(svg, W - R, y(chance) - 0.3 * rem, fmt.chance, 'ball-chart-tick', 'end');
    text(svg, L, H - 0.3 * rem, '0', null, 'start');
    text(svg, W - R, H - 0.3 * rem, fmt.number(total), null, 'end');
    text(svg, (L + W - R) / 2, H - 0.3 * rem, fmt.step);
    ['lastAcc', 'seqAcc'].forEach(function (k) {
      var pts = history.map(function (p) { return x(p.step).toFixed(1) + ',' + y(p[k]).toFixed(1); }).join(' ');
      el('polyline', { points: pts, class: 'ball-chart-line ' + (k === 'seqAcc' ? 'seq' : 'last') }, svg);
    });
  }

  RnnWidgetRegistry.provide('ball', 'chart', { draw: draw });
})();
