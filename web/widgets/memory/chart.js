// chart.js - the memory widget's bar chart: one column per gap length, three
// bars (the n-gram's, the fixed-context network's and the RNN's test-set
// accuracy, from the engine), the
// columns inside the n-gram's window tinted, a dashed chance line. DOM only.
/* global RnnWidgetRegistry */
'use strict';
(function () {
  function node(tag, cls, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }

  function bar(col, cls, v, fmt) {
    var b = node('span', 'memory-bar ' + cls, col);
    var fill = node('span', 'memory-fill', b);
    var num = node('span', 'memory-num', b);
    if (typeof v === 'number' && isFinite(v)) {
      fill.style.transform = 'scaleY(' + v + ')';
      num.textContent = fmt.percent(v).replace(/\s?%$/, '');
      b.setAttribute('data-value', String(v));
    } else {
      fill.style.transform = 'scaleY(0)';
      num.textContent = '–';
    }
  }

  // el: the chart's <div role=img>; sc: {gaps, ngram, window, rnn}; order: n; selected: the gap shown;
  // fmt: {percent}; chance: 1/K.
  function draw(el, sc, order, selected, chance, fmt) {
    el.textContent = '';
    if (!sc) return;
    sc.gaps.forEach(function (g, i) {
      var li = node('div', 'memory-col' + (g < order ? ' inside' : '') + (g === selected ? ' selected' : ''), el);
      li.setAttribute('data-gap', String(g));
      var bars = node('span', 'memory-bars', li);
      bar(bars, 'ngram', sc.ngram[i], fmt);
      bar(bars, 'window', sc.window ? sc.window[i] : NaN, fmt);
      bar(bars, 'rnn', sc.rnn[i], fmt);
      var chanceLine = node('span', 'memory-chance', bars);
      chanceLine.style.bottom = (100 * chance) + '%';
      var label = node('span', 'memory-gap', li);
      label.textContent = String(g);
    });
  }

  RnnWidgetRegistry.provide('memory', 'chart', { draw: draw });
})();
