// bptt-views.js - the Progress panel's BPTT views: the spectral radius of the
// char LM's W and ||dL/dh_t|| at every step of a training batch, both computed
// by the engine in the worker (CharLM.spectralRadius, CharLM.stepGradNorms;
// the `bptt` field of a progress event, every few seconds). The page draws one
// bar per step on a log scale (3 decades up to the batch's largest norm) and prints
// the first and last values.
/* global RnnI18n */
'use strict';
var RnnBpttViews = (function () {
  var DECADES = 3;   // the bars show this many decades below the largest norm
  var last = null;   // the last views shown (redrawn on a language switch)

  function $(id) { return document.getElementById(id); }

  // 1.2e-5 style for numbers that span many decades
  function sci(v, num) {
    if (!isFinite(v) || v === 0) return String(v);
    if (Math.abs(v) >= 1e-2 && Math.abs(v) < 1e4) return num(v, 3);
    var e = Math.floor(Math.log(Math.abs(v)) / Math.LN10);
    return num(v / Math.pow(10, e), 1) + 'e' + e;
  }

  function clear() {
    last = null;
    if (!$('rho-value')) return;
    $('rho-value').textContent = '–';
    $('dh-bars').textContent = '';
    $('dh-ends').textContent = '–';
  }

  // v: new views from a progress event, or null to redraw the last ones
  // (in the current language: 0.014 or 0,014).
  function show(v, num) {
    if (v) last = v;
    v = last;
    if (!v || !$('rho-value')) return;
    $('rho-value').textContent = num(v.rho, 3);
    $('rho-value').setAttribute('data-value', String(v.rho));
    var bars = $('dh-bars'), n = v.dhNorms, top = 0;
    n.forEach(function (x) { if (x > top) top = x; });
    bars.textContent = '';
    n.forEach(function (x, t) {
      var b = document.createElement('span');
      var f = top > 0 && x > 0 ? 1 + Math.log(x / top) / Math.LN10 / DECADES : 0;
      b.style.height = Math.round(100 * Math.max(0.02, Math.min(1, f))) + '%';
      b.title = RnnI18n.t('dhStep', { t: t + 1, v: sci(x, num) });
      bars.appendChild(b);
    });
    bars.setAttribute('data-value', JSON.stringify(n));
    $('dh-ends').textContent = RnnI18n.t('dhEnds', { first: sci(n[0], num), T: n.length, last: sci(n[n.length - 1], num) });
  }

  return { show: show, clear: clear };
})();
