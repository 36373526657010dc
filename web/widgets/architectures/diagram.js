// diagram.js - the architectures widget's pictures (SVG): the network
// unrolled on one example with the network's answers (green right, red
// wrong) and L above the steps with a loss; and the small accuracy chart
// with its axes. The encoder-decoder is drawn as two networks: the encoder's
// states h (blue) reading the words in the order it reads them (reversed,
// if the model reverses), the summary c, and the decoder's states s
// (orange), with c entering every decoder step when the model feeds it so.
/* global RnnWidgetRegistry */
'use strict';
(function () {
  var SVGNS = 'http://www.w3.org/2000/svg';
  // Sizes in user units; the picture is scaled to its box, which at 960×540
  // is about 1 px per unit, so 20-unit words stay >= 18 px on a slide.
  var LEFT = 46, H = 266, PART_W = 264;   // PART_W: room for the decoder's name and weights
  var ROW = { loss: 14, y: 50, c: 96, h: 140, x: 194, part: 228 };
  var R = 21, BOX_H = 34, MIN_COL = 58, WORD = 20, PAD = 16;   // a column: as wide as its longest word (WORD units) + PAD, at least MIN_COL

  function svg(tag, attrs, parent) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, s, cls, size, anchor) {
    var t = svg('text', { x: x, y: y, 'text-anchor': anchor || 'middle', 'dominant-baseline': 'central', class: cls || '' }, parent);
    if (size) t.setAttribute('font-size', String(size));
    t.textContent = s;
    return t;
  }
  // The width of word w at the words' size: measured when the picture is on
  // screen, else about 0.62 em per letter (bold).
  function wordWidth(g, w) {
    var t = text(g, 0, 0, w, 'arch-word', WORD), len = 0;
    try { len = t.getComputedTextLength(); } catch (e) { len = 0; }
    g.removeChild(t);
    return len > 0 ? len : 0.62 * WORD * String(w).length;
  }
  function sub(k) { return String(k).split('').map(function (d) { return '₀₁₂₃₄₅₆₇₈₉'[+d]; }).join(''); }
  function arrow(g, x1, y1, x2, y2, cls) {
    return svg('line', { x1: x1, y1: y1, x2: x2, y2: y2, class: 'arch-arrow' + (cls ? ' ' + cls : ''), 'marker-end': 'url(#arch-arrow)' }, g);
  }

  // The columns of the unrolled network: {x, y, target, loss, part}. x: an
  // input label (or the seven segments), null = no input; y: an output label, null = none.
  function columns(arch, ex) {
    if (!ex) return [];
    var n = ex.inputs.length;
    switch (arch) {
      case 'one-to-one': return [{ x: { seg: ex.inputs[0] }, y: ex.outputs[0], target: ex.targets[0], loss: true }];
      case 'one-to-many': return ex.outputs.map(function (o, i) {
        return { x: i === 0 ? ex.inputs[0] : null, y: o, target: ex.targets[i], loss: true };
      });
      case 'many-to-one': return ex.inputs.map(function (w, i) {
        var last = i === n - 1;
        return { x: w, y: last ? ex.outputs[0] : null, target: last ? ex.targets[0] : null, loss: last };
      });
      case 'many-to-many': return ex.inputs.map(function (w, i) { return { x: w, y: ex.outputs[i], target: ex.targets[i], loss: true }; });
      default: {
        var order = ex.readOrder || ex.inputs.map(function (_, i) { return i; });
        var enc = order.map(function (k) { return { x: ex.inputs[k], y: null, loss: false, part: 'enc' }; });
        var dec = ex.outputs.map(function (o, i) {
          return { x: i === 0 ? '▶' : ex.outputs[i - 1], y: o, target: ex.targets[i], loss: true, part: 'dec' };
        });
        return enc.concat(dec);
      }
    }
  }

  function draw(g, ctx, arch, ex) {
    g.textContent = '';
    var cols = columns(arch, ex), n = Math.max(1, cols.length);
    var ed = arch === 'encoder-decoder';
    // each column as wide as its words; left[i]: its left edge, left[n]: the right end
    var widths = cols.map(function (c) {
      var w = MIN_COL;
      [c.x, c.y].forEach(function (s) { if (s !== null && s !== undefined && !s.seg) w = Math.max(w, wordWidth(g, s) + PAD); });
      return Math.ceil(w);
    });
    if (!widths.length) widths = [MIN_COL];
    var left = [LEFT];
    widths.forEach(function (w, i) { left.push(left[i] + w); });
    var nEnc = cols.filter(function (c) { return c.part === 'enc'; }).length;
    var W = Math.max(left[n] + 8, ed ? left[nEnc] + PART_W : 0);
    var seg = arch === 'one-to-one', segY = ROW.x + 26;   // the seven segments are taller than a word box
    g.setAttribute('viewBox', '0 0 ' + W + ' ' + (ed ? H : seg ? segY + 50 : ROW.x + BOX_H / 2 + 8));
    svg('path', { d: 'M0,0 L6,3 L0,6 z', fill: 'currentColor' }, svg('marker', { id: 'arch-arrow', viewBox: '0 0 6 6', refX: 6, refY: 3,
      markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto' }, svg('defs', {}, g)));
    text(g, 20, ROW.y, 'ŷ', 'arch-rowlabel', 24);
    text(g, 20, ROW.h, ed ? 'h/s' : 'h', 'arch-rowlabel', ed ? 20 : 24);
    text(g, 20, seg ? segY : ROW.x, 'x', 'arch-rowlabel', 24);
    var cx = function (i) { return left[i] + widths[i] / 2; };
    cols.forEach(function (c, i) {
      var x = cx(i), dec = c.part === 'dec', k = dec ? i - nEnc + 1 : i + 1, boxW = widths[i] - 6;
      svg('circle', { cx: x, cy: ROW.h, r: R, class: 'arch-h' + (c.part === 'enc' ? ' enc' : dec ? ' dec' : '') }, g);
      text(g, x, ROW.h, (dec ? 's' : 'h') + sub(k), 'arch-hlabel', 20);
      // the recurrence within one network (the decoder starts from c, not from h_n directly)
      if (i > 0 && !(dec && i === nEnc)) arrow(g, cx(i - 1) + R, ROW.h, x - R - 2, ROW.h, dec ? 'dec' : '');
      if (c.x !== null && c.x !== undefined) {
        arrow(g, x, c.x.seg ? segY - 46 : ROW.x - BOX_H / 2, x, ROW.h + R + 2);
        if (c.x.seg) drawSeg(g, x, segY, c.x.seg);
        else {
          svg('rect', { x: x - boxW / 2, y: ROW.x - BOX_H / 2, width: boxW, height: BOX_H, rx: 6, class: 'arch-box' }, g);
          text(g, x, ROW.x, c.x, 'arch-word in', WORD);
        }
      }
      if (c.y !== null && c.y !== undefined) {
        arrow(g, x, ROW.h - R, x, ROW.y + BOX_H / 2 + 2, dec ? 'dec' : '');
        var right = c.y === c.target;
        svg('rect', { x: x - boxW / 2, y: ROW.y - BOX_H / 2, width: boxW, height: BOX_H, rx: 6, class: 'arch-box out ' + (right ? 'right' : 'wrong') }, g);
        var t = text(g, x, ROW.y, c.y, 'arch-word out', WORD);
        svg('title', {}, t).textContent = ctx.t('target', { t: c.target === undefined || c.target === null ? '—' : c.target });
      }
      if (c.loss) text(g, x, ROW.loss, 'L' + sub(i + 1), 'arch-loss', 20);
    });
    if (ed && nEnc > 0 && n > nEnc) drawContext(g, ctx, ex, cx, left[nEnc], nEnc, n);
  }

  // c = the encoder's last state: it starts the decoder (s₀ = c) and, with
  // context 'every', is part of the input of every decoder step. bx: the split.
  function drawContext(g, ctx, ex, cx, bx, nEnc, n) {
    var last = cx(nEnc - 1), first = cx(nEnc);
    svg('line', { x1: bx, y1: ROW.loss, x2: bx, y2: ROW.part + 25, class: 'arch-split' }, g);
    arrow(g, last + R * 0.7, ROW.h - R * 0.7, bx - 15, ROW.c + 10, 'ctx');
    svg('circle', { cx: bx, cy: ROW.c, r: 17, class: 'arch-cnode' }, g);
    text(g, bx, ROW.c, ctx.t('summaryC'), 'arch-ctx', 21);
    arrow(g, bx + 12, ROW.c + 12, first - R * 0.75, ROW.h - R * 0.75, 'ctx');
    if (ex.context === 'every') {
      var end = cx(n - 1) - 16;
      if (n - 1 > nEnc) svg('line', { x1: bx + 17, y1: ROW.c, x2: end, y2: ROW.c, class: 'arch-bus' }, g);
      for (var i = nEnc + 1; i < n; i++) arrow(g, cx(i) - 16, ROW.c, cx(i) - 16, ROW.h - R + 4, 'ctx thin');
    }
    // each network's name and weights on its own side of the split, so they never meet
    part(g, bx - 12, ctx.t('encoder'), ctx.t('encoderWeights'), 'enc', 'end');
    part(g, bx + 12, ctx.t('decoder'), ctx.t('decoderWeights'), 'dec', 'start');
  }
  function part(g, x, name, weights, cls, anchor) {
    text(g, x, ROW.part, name, 'arch-part ' + cls, 20, anchor);
    text(g, x, ROW.part + 25, weights, 'arch-partw ' + cls, 20, anchor);
  }

  // A seven-segment digit: each segment as dark as its (noisy) input value.
  var SEGS = [[-14, -32, 14, -32], [16, -30, 16, -4], [16, 4, 16, 30], [-14, 32, 14, 32], [-16, 4, -16, 30], [-16, -30, -16, -4], [-14, 0, 14, 0]];
  function drawSeg(g, cx, cy, v) {
    svg('rect', { x: cx - 30, y: cy - 42, width: 60, height: 84, rx: 6, class: 'arch-box' }, g);
    SEGS.forEach(function (p, i) {
      var o = Math.max(0.06, Math.min(1, v[i]));
      svg('line', { x1: cx + p[0], y1: cy + p[1] * 1.1, x2: cx + p[2], y2: cy + p[3] * 1.1, class: 'arch-seg', 'stroke-opacity': o.toFixed(3) }, g);
    });
  }

  // Accuracy against training steps (0..the task's budget), with the goal and
  // labelled axes (0 %, 50 %, 100 %; 0 and the budget, in the page's language).
  var PX = { l: 56, r: 230, t: 8, b: 62 };   // in the chart's viewBox (240 × 108, about 1 px per unit)
  function curve(g, ctx, st) {
    g.textContent = '';
    var X = function (step) { return PX.l + (PX.r - PX.l) * (st.total ? step / st.total : 0); };
    var Y = function (a) { return PX.b - (PX.b - PX.t) * a; };
    svg('rect', { x: PX.l, y: PX.t, width: PX.r - PX.l, height: PX.b - PX.t, class: 'arch-plot' }, g);
    [0, 0.5, 1].forEach(function (a) {
      svg('line', { x1: PX.l - 4, y1: Y(a), x2: PX.l, y2: Y(a), class: 'arch-tick' }, g);
      text(g, PX.l - 7, Y(a), ctx.percent(a), 'arch-axis', 18, 'end');
    });
    text(g, PX.l, PX.b + 13, ctx.number(0, 0), 'arch-axis', 18, 'start');
    text(g, PX.r, PX.b + 13, ctx.number(st.total, 0), 'arch-axis', 18, 'end');
    text(g, (PX.l + PX.r) / 2, PX.b + 33, ctx.t('axisSteps'), 'arch-axis', 18);
    if (st.target) svg('line', { x1: PX.l, y1: Y(st.target), x2: PX.r, y2: Y(st.target), class: 'arch-goalline' }, g);
    var pts = st.history.filter(function (h) { return isFinite(h.acc); }).map(function (h) { return X(h.step).toFixed(1) + ',' + Y(h.acc).toFixed(1); });
    if (pts.length) svg('polyline', { points: pts.join(' '), class: 'arch-line' }, g);
  }

  RnnWidgetRegistry.provide('architectures', 'diagram', { draw: draw, curve: curve, columns: columns });
})();
