// samples.js - shows generated text one character per <span> (text only,
// never HTML) and, for the character under the pointer, the finger or the
// keyboard cursor, the 5 most likely characters the model saw at that point.
'use strict';
var RnnSamples = (function () {
  function SampleView(container, panel, t) {
    this.el = container;
    this.panel = panel;
    this.t = t;              // i18n lookup
    this.sample = null;      // {text, top, prime, step, temperature, greedy}
    this.chars = [];         // [{ch, top|null}]
    this.active = -1;
    var self = this;
    container.addEventListener('mouseover', function (e) { self.pick(e.target); });
    container.addEventListener('click', function (e) { self.pick(e.target); });
    container.addEventListener('keydown', function (e) { self.key(e); });
    container.addEventListener('focus', function () { if (self.active < 0) self.select(self.firstGenerated()); });
  }

  // How a character is named in the top-5 panel (spaces and line breaks are invisible).
  SampleView.prototype.visible = function (ch) {
    if (ch === ' ') return '␣ ' + this.t('charSpace');
    if (ch === '\n') return '↵ ' + this.t('charNewline');
    if (ch === '\t') return '⇥ ' + this.t('charTab');
    return ch;
  };

  SampleView.prototype.firstGenerated = function () {
    for (var i = 0; i < this.chars.length; i++) if (this.chars[i].top) return i;
    return this.chars.length ? 0 : -1;
  };

  SampleView.prototype.clear = function () {
    this.sample = null;
    this.chars = [];
    this.active = -1;
    this.el.replaceChildren();
    var p = document.createElement('p');
    p.className = 'empty';
    p.textContent = this.t('samplesEmpty');
    this.el.appendChild(p);
    this.panel.replaceChildren();
  };

  // s.prime is shown first (the engine reads it, it does not echo it), then
  // s.text, the generated characters; top[i] belongs to the i-th of them.
  SampleView.prototype.show = function (s) {
    this.sample = s;
    var top = s.top || [];
    var prime = Array.from(s.prime || '').map(function (ch) { return { ch: ch, top: null }; });
    this.chars = prime.concat(Array.from(s.text).map(function (ch, i) { return { ch: ch, top: top[i] || null }; }));
    var caption = document.createElement('p');
    caption.className = 'caption';
    caption.textContent = s.greedy
      ? this.t('sampleCaptionGreedy', { step: RnnI18n.number(s.step, 0) })
      : this.t('sampleCaption', { step: RnnI18n.number(s.step, 0), temp: RnnI18n.number(s.temperature, 2) });
    var pre = document.createElement('pre');
    pre.className = 'sample-text';
    var frag = document.createDocumentFragment();
    this.chars.forEach(function (c, i) {
      var span = document.createElement('span');
      span.textContent = c.ch;
      span.id = 'sc-' + i;
      span.setAttribute('data-i', String(i));
      if (!c.top) span.className = 'prime';
      frag.appendChild(span);
    });
    pre.appendChild(frag);
    this.el.replaceChildren(caption, pre);
    var keep = this.active;
    this.active = -1;
    if (keep >= 0 && keep < this.chars.length) this.select(keep); else this.panel.replaceChildren();
  };

  SampleView.prototype.pick = function (target) {
    if (!target || !target.getAttribute) return;
    var i = target.getAttribute('data-i');
    if (i !== null) this.select(Number(i));
  };

  SampleView.prototype.key = function (e) {
    if (!this.chars.length) return;
    var i = this.active < 0 ? this.firstGenerated() : this.active;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') i = Math.min(this.chars.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') i = Math.max(0, i - 1);
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = this.chars.length - 1;
    else return;
    e.preventDefault();
    this.select(i);
  };

  SampleView.prototype.select = function (i) {
    if (i < 0 || i >= this.chars.length || i === this.active) return;
    var old = document.getElementById('sc-' + this.active);
    if (old) old.classList.remove('active');
    this.active = i;
    var span = document.getElementById('sc-' + i);
    if (span) span.classList.add('active');
    this.renderPanel(this.chars[i]);
  };

  SampleView.prototype.renderPanel = function (c) {
    var self = this;
    var head = document.createElement('p');
    head.className = 'top5-head';
    if (!c.top) {
      head.textContent = this.t('top5Prime', { ch: this.visible(c.ch) });
      this.panel.replaceChildren(head);
      return;
    }
    head.textContent = this.t('top5Heading', { ch: this.visible(c.ch) });
    var list = document.createElement('ol');
    c.top.forEach(function (e) {
      var li = document.createElement('li');
      if (e.ch === c.ch) li.className = 'chosen';
      var name = document.createElement('span');
      name.className = 'top5-ch';
      name.textContent = self.visible(e.ch);
      var bar = document.createElement('span');
      bar.className = 'top5-bar';
      bar.style.width = Math.max(1, Math.round(e.p * 100)) + '%';
      var pct = document.createElement('span');
      pct.className = 'top5-p';
      pct.textContent = RnnI18n.number(e.p * 100, 1) + '%';
      li.append(name, bar, pct);
      list.appendChild(li);
    });
    this.panel.replaceChildren(head, list);
  };

  // Re-renders the current sample in a new language.
  SampleView.prototype.relabel = function () {
    if (this.sample) this.show(this.sample); else this.clear();
  };

  return { SampleView: SampleView };
})();
