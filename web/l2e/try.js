// l2e-try.js - "Type a program": the professor types a program (one statement
// per line, as on the slide; the slide's two programs are the examples), and
// each of the four trained networks prints its greedy answer beside what the
// program really prints. The workers do everything (serialise, check, run the
// engine's interpreter, decode); this panel only words their replies, in both
// languages, with textContent.
/* global RnnTexts */
'use strict';
var RnnL2ETry = (function () {
  var say = RnnTexts.say;
  // The lecture's two programs, as the slide prints them.
  var EXAMPLES = [
    'j=8584\nfor x in range(8):\n    j+=920\nb=(1500+j)\nprint((b+7567))',
    'i=8827\nc=(i-5347)\nprint((c+8704) if 2641<8500 else\n5308)',
  ];

  // els: {program, run, examples: [button], msg, input, target, answers: [td x4]}
  // run(program) -> Promise of the four replies of the workers' `try`.
  function TryPanel(els, run) {
    this.els = els;
    this.run = run;
    this.ready = false;
    this.busy = false;
    var self = this;
    els.program.value = EXAMPLES[0];
    els.examples.forEach(function (b, i) {
      b.addEventListener('click', function () { els.program.value = EXAMPLES[i]; self.clear(); if (self.ready) self.go(); });
    });
    els.run.addEventListener('click', function () { self.go(); });
    say(els.msg, 'l2eTryNeedRace');
  }

  TryPanel.EXAMPLES = EXAMPLES;

  // ready: the four models exist (a race was set up).
  TryPanel.prototype.setReady = function (ready) {
    var was = this.ready;
    this.ready = !!ready;
    this.els.run.disabled = !this.ready || this.busy;
    if (!this.ready) { this.clear(); say(this.els.msg, 'l2eTryNeedRace'); }
    else if (!was) say(this.els.msg, 'l2eTryReady');
  };

  TryPanel.prototype.clear = function () {
    var els = this.els;
    say(els.input, null);
    say(els.target, null);
    els.target.className = 'code';
    els.answers.forEach(function (td) { say(td, null); td.className = 'code'; });
  };

  TryPanel.prototype.go = function () {
    var self = this, els = this.els, text = els.program.value;
    if (!this.ready || this.busy) return Promise.resolve();
    this.clear();
    if (!text.trim()) { say(els.msg, 'l2eTryEmpty'); return Promise.resolve(); }
    this.busy = true;
    els.run.disabled = true;
    return this.run(text).then(function (replies) {
      self.show(replies);
    }, function (e) {
      say(els.msg, 'l2eTryFailed', { reason: e && e.message ? e.message : String(e) });
    }).then(function () {
      self.busy = false;
      els.run.disabled = !self.ready;
    });
  };

  TryPanel.prototype.show = function (replies) {
    var els = this.els, r = replies[0];
    els.input.textContent = r.input;
    if (r.target !== null) {
      els.target.textContent = r.target;
    } else {
      say(els.target, 'l2eTryTargetUnknown', { reason: r.targetError || '' });
      els.target.className = 'code unknown';
    }
    if (r.badChars.length) {
      say(els.msg, 'l2eTryBadChars', { list: r.badChars.map(function (c) { return '“' + c + '”'; }).join(' ') });
      return;
    }
    if (r.tooLong) { say(els.msg, 'l2eTryTooLong', { nNum: r.input.length, maxNum: r.maxIn }); return; }
    var right = 0;
    replies.forEach(function (x, i) {
      var td = els.answers[i];
      td.textContent = x.prediction === null ? '–' : x.prediction;
      var ok = r.target !== null && x.prediction === r.target;
      right += ok ? 1 : 0;
      td.className = 'code' + (r.target === null ? '' : ok ? ' ok' : ' wrong');
    });
    if (r.target === null) say(els.msg, 'l2eTryNoTarget');
    else say(els.msg, 'l2eTryRight', { nNum: right });
  };

  return { TryPanel: TryPanel, EXAMPLES: EXAMPLES };
})();
