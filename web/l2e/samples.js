// l2e-samples.js - sample inputs of the chosen task, each as a card: the
// program pretty-printed (one statement per line, as the paper prints them)
// and its target. With scrambled inputs the card shows what the network
// reads instead. Text is set with textContent only.
'use strict';
var RnnL2ESamples = (function () {
  // el: the container; t: RnnI18n.t
  function SampleCards(el, t) {
    this.el = el;
    this.t = t;
    this.samples = null;
    this.scramble = false;
  }

  SampleCards.prototype.show = function (samples, scramble) {
    this.samples = samples;
    this.scramble = !!scramble;
    this.render();
  };

  SampleCards.prototype.clear = function () { this.show(null, false); };

  SampleCards.prototype.relabel = function () { this.render(); };

  SampleCards.prototype.render = function () {
    var el = this.el, t = this.t, scramble = this.scramble;
    while (el.firstChild) el.removeChild(el.firstChild);
    if (!this.samples) {
      var p = document.createElement('p');
      p.className = 'empty';
      p.textContent = t('l2eSamplesWaiting');
      el.appendChild(p);
      return;
    }
    this.samples.forEach(function (s) {
      var card = document.createElement('figure');
      card.className = 'l2e-card';
      var cap = document.createElement('figcaption');
      cap.textContent = t(scramble ? 'l2eSampleScrambled' : 'l2eSampleProgram');
      card.appendChild(cap);
      var pre = document.createElement('pre');
      pre.className = 'code';
      pre.textContent = s.pretty;
      card.appendChild(pre);
      var out = document.createElement('p');
      out.className = 'l2e-target';
      var label = document.createElement('span');
      label.textContent = t('l2eSampleTarget') + ' ';
      var target = document.createElement('span');
      target.className = 'code';
      target.textContent = s.target;
      out.appendChild(label);
      out.appendChild(target);
      card.appendChild(out);
      el.appendChild(card);
    });
  };

  return { SampleCards: SampleCards };
})();
