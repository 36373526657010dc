// graph.js - the bptt widget's unrolled graph, drawn in SVG: the rows
// L_t, ŷ_t, h_t, x_t of T steps (and h_0), the edges of the three shared
// weights (U: x_t → h_t, W: h_{t−1} → h_t, V: h_t → ŷ_t), and under each step
// one number the engine gave (a per-step gradient term, or ||∂L/∂h_t||).
// The chosen weight's edges are drawn thick and each carries its letter: one
// use per step, one term per use ("the sum over paths"). The viewBox is 1000
// units wide whatever T is, so the type keeps its size; at T > 10 the
// numbers alternate between two rows so that each has two columns of room.
// Also the compact number format (2 significant digits, ×10ⁿ, real minus).
/* global RnnWidgetRegistry */
'use strict';
(function () {
  var SVGNS = 'http://www.w3.org/2000/svg';
  var WIDTH = 1000, LABEL = 100, MARGIN = 24;   // MARGIN: room on the right for the last number
  var Y = { L: 13, y: 43, h: 92, x: 141, v: 180 };
  var LINE = 21, STAGGER_OVER = 10, ROW_B = 2 * LINE + 5;   // ROW_B: the second row of numbers (staggered)
  var SUP = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };
  var SUB = '₀₁₂₃₄₅₆₇₈₉';

  function sub(n) { return String(n).split('').map(function (d) { return SUB[Number(d)]; }).join(''); }
  function minus(s) { return s.replace(/-/g, '−'); }

  // A number the engine gave, for reading from the back of a room: 2
  // significant digits; between 0.01 and 100 as is, else m ×10ⁿ.
  // -> {m, e}: the mantissa (or the number) and the power ('' if none).
  function compact(ctx, v) {
    if (typeof v !== 'number' || isNaN(v)) return { m: 'NaN', e: '' };
    if (!isFinite(v)) return { m: v > 0 ? '∞' : '−∞', e: '' };
    if (v === 0) return { m: '0', e: '' };
    var a = Math.abs(v), e = Math.floor(Math.log(a) / Math.LN10);
    if (a >= 0.01 && a < 100) {
      var digits = Math.max(0, 1 - e);
      if (Number(a.toFixed(digits)) >= Math.pow(10, e + 2)) digits = Math.max(0, digits - 1);
      return { m: minus(ctx.number(v, digits)), e: '' };
    }
    var m = v / Math.pow(10, e);
    if (Math.abs(Number(m.toFixed(1))) >= 10) { m /= 10; e += 1; }
    return { m: minus(ctx.number(m, 1)), e: '×10' + String(e).split('').map(function (c) { return SUP[c]; }).join('') };
  }
  function compactText(ctx, v) { var c = compact(ctx, v); return c.m + c.e; }

  function el(tag, attrs, parent, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function build(parent) {
    var svg = el('svg', { class: 'bptt-graph', role: 'img', preserveAspectRatio: 'xMidYMin meet' }, parent);
    var defs = el('defs', {}, svg);
    var marker = el('marker', { id: 'bptt-arrow', viewBox: '0 0 6 6', refX: 5, refY: 3, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' }, defs);
    el('path', { d: 'M0,0 L6,3 L0,6 z', fill: 'currentColor' }, marker);
    return svg;
  }

  // o: {T, weight: 'U'|'W'|'V', lossLast, values: [T], valueClass, valueLabel,
  //     fill: [T] colours of h_t or null, labels: {L, y, h, x}}
  function draw(svg, ctx, o) {
    while (svg.lastChild && svg.lastChild.tagName !== 'defs') svg.removeChild(svg.lastChild);
    var T = o.T, col = (WIDTH - LABEL - MARGIN) / T, stagger = T > STAGGER_OVER;
    var height = Y.v + (stagger ? ROW_B : 0) + LINE + 16;   // the last power's glyphs end about 12 below its centre
    svg.setAttribute('viewBox', '0 0 ' + WIDTH + ' ' + height);
    var r = Math.min(16, col / 2 - 4), bw = Math.min(64, col - 6), bh = 28;
    var g = el('g', {}, svg);
    [['L', Y.L], ['y', Y.y], ['h', Y.h], ['x', Y.x]].forEach(function (p) {
      el('text', { x: 22, y: p[1], class: 'bptt-rowname' }, g, o.labels[p[0]]);
    });
    el('text', { x: LABEL - 8, y: Y.v + (stagger ? ROW_B : LINE / 2), class: 'bptt-valname', 'text-anchor': 'end' }, g, o.valueLabel);
    // h_0 (zeros) feeds the first W
    var h0x = LABEL - 22;
    el('circle', { cx: h0x, cy: Y.h, r: r, class: 'bptt-node h0' }, g);
    el('text', { x: h0x, y: Y.h, class: 'bptt-nodename small' }, g, 'h' + sub(0));
    for (var t = 0; t < T; t++) {
      var cx = LABEL + col * (t + 0.5), k = sub(t + 1), scored = !o.lossLast || t === T - 1;
      var prev = t === 0 ? h0x + r : cx - col + r;
      edge(g, prev, Y.h, cx - r - 1, Y.h, 'W', o.weight, (prev + cx - r) / 2, Y.h - 22);
      edge(g, cx, Y.x - bh / 2, cx, Y.h + r + 1, 'U', o.weight, cx + Math.min(12, col / 4), (Y.x - bh / 2 + Y.h + r) / 2);
      edge(g, cx, Y.h - r, cx, Y.y + bh / 2 + 1, 'V', o.weight, cx + Math.min(12, col / 4), (Y.y + bh / 2 + Y.h - r) / 2);
      el('line', { x1: cx, y1: Y.y - bh / 2, x2: cx, y2: Y.L + 10, class: 'bptt-edge loss' + (scored ? '' : ' off') }, g);
      el('text', { x: cx, y: Y.L, class: 'bptt-nodename loss' + (scored ? '' : ' off') }, g, 'L' + k);
      el('rect', { x: cx - bw / 2, y: Y.y - bh / 2, width: bw, height: bh, rx: 4, class: 'bptt-node out' }, g);
      el('text', { x: cx, y: Y.y, class: 'bptt-nodename' }, g, 'ŷ' + k);
      var c = el('circle', { cx: cx, cy: Y.h, r: r, class: 'bptt-node hid' }, g);
      if (o.fill) c.style.fill = o.fill[t];
      el('text', { x: cx, y: Y.h, class: 'bptt-nodename' }, g, 'h' + k);
      el('rect', { x: cx - bw / 2, y: Y.x - bh / 2, width: bw, height: bh, rx: 4, class: 'bptt-node in' }, g);
      el('text', { x: cx, y: Y.x, class: 'bptt-nodename' }, g, 'x' + k);
      value(g, ctx, cx, Y.v + (stagger && t % 2 ? ROW_B : 0), o.values[t], o.valueClass);
    }
  }

  // An edge of weight `name`; thick with its letter if it is the chosen one.
  function edge(g, x1, y1, x2, y2, name, chosen, lx, ly) {
    var on = name === chosen;
    el('line', { x1: x1, y1: y1, x2: x2, y2: y2, class: 'bptt-edge w' + name + (on ? ' on' : ''), 'marker-end': 'url(#bptt-arrow)' }, g);
    if (on) el('text', { x: lx, y: ly, class: 'bptt-edgename' + (name === 'W' ? '' : ' side') }, g, name);
  }

  function value(g, ctx, cx, y, v, cls) {
    var c = compact(ctx, v), t = el('g', { class: cls, 'data-value': String(v) }, g);
    el('text', { x: cx, y: y, class: 'bptt-num' }, t, c.m);
    if (c.e) el('text', { x: cx, y: y + LINE, class: 'bptt-num exp' }, t, c.e);
  }

  RnnWidgetRegistry.provide('bptt', 'graph', { build: build, draw: draw, compact: compact, compactText: compactText, sub: sub });
})();
