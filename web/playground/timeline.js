// timeline.js - the story kept: samples at steps 10, 100, 1,000, ... (the
// worker marks them `milestone`) and those the user keeps, each with its step
// and the smoothed training loss at that moment, newest first in a scrollable
// list. toJSON() is the sidecar file saved beside the model (docs/web.md).
// Text only (textContent), never HTML.
/* global RnnI18n */
'use strict';
var RnnTimeline = (function () {
  var PREVIEW = 240;  // characters of each sample shown in the list (all are saved)

  function Timeline(list) {
    this.list = list;
    this.entries = [];   // [{step, bpc, text, prime, temperature, greedy, kept: 'auto'|'user'}]
    this.render();
  }

  Timeline.prototype.clear = function () { this.entries = []; this.render(); };

  // s: a sample from the worker ({text, prime, step, temperature, greedy, bpc})
  Timeline.prototype.add = function (s, kept) {
    var last = this.entries[this.entries.length - 1];
    if (last && last.step === s.step && last.text === s.text) return false; // the same sample twice
    this.entries.push({ step: s.step, bpc: typeof s.bpc === 'number' && isFinite(s.bpc) ? s.bpc : null,
      text: s.text, prime: s.prime || '', temperature: s.temperature, greedy: !!s.greedy, kept: kept });
    this.render();
    return true;
  };

  Timeline.prototype.item = function (e) {
    var li = document.createElement('li');
    li.className = 'timeline-item ' + e.kept;
    li.setAttribute('data-step', String(e.step));
    var head = document.createElement('p');
    head.className = 'timeline-head';
    var params = { step: RnnI18n.number(e.step, 0), bpc: e.bpc === null ? '–' : RnnI18n.number(e.bpc, 2) };
    head.textContent = RnnI18n.t(e.kept === 'user' ? 'timelineKept' : 'timelineAuto', params);
    var body = document.createElement('pre');
    body.className = 'timeline-text';
    body.textContent = e.text.length > PREVIEW ? e.text.slice(0, PREVIEW) + '…' : e.text;
    li.appendChild(head);
    li.appendChild(body);
    return li;
  };

  // newest first, so the list opens on the latest
  Timeline.prototype.render = function () {
    var self = this;
    var items = this.entries.slice().reverse().map(function (e) { return self.item(e); });
    if (!items.length) {
      var p = document.createElement('li');
      p.className = 'empty';
      p.textContent = RnnI18n.t('timelineEmpty');
      items.push(p);
    }
    this.list.replaceChildren.apply(this.list, items);
  };

  // The sidecar: the timeline with the model it belongs to.
  Timeline.prototype.toJSON = function (model) {
    return { format: 'rnn-playground-timeline', version: 1, model: model, samples: this.entries.slice() };
  };

  return { Timeline: Timeline, PREVIEW: PREVIEW };
})();
