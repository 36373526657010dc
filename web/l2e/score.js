// l2e-score.js - the race's scoreboard: one row per strategy (steps trained,
// the curriculum's current level, the last per-character and exact-match
// accuracy on the fixed validation set) and a row for the format guess.
// Keeps the numbers and re-renders them on a language switch (0.975 -> 0,975).
'use strict';
var RnnL2EScore = (function () {
  // table: the <table> whose tbody rows are the 4 strategies then the guess
  // (cells: name, steps, level, per-char, exact); t: RnnI18n.t; pct: fraction -> text
  function Scoreboard(table, t, num, pct) {
    this.table = table;
    this.t = t;
    this.num = num;
    this.pct = pct;
    this.task = 'addition';
    this.target = null;
    this.clear();
  }

  Scoreboard.prototype.clear = function () {
    this.rows = [{}, {}, {}, {}];
    this.render();
  };

  // the target level: {task, length, nesting}
  Scoreboard.prototype.setTarget = function (target) {
    this.task = target.task;
    this.target = { length: target.length, nesting: target.nesting };
    this.render();
  };

  // what: {step, level, charAcc, exact, done, diverged} (any subset)
  Scoreboard.prototype.update = function (i, what) {
    var r = this.rows[i];
    Object.keys(what).forEach(function (k) { r[k] = what[k]; });
    this.renderRow(i);
  };

  Scoreboard.prototype.setReference = function (ref) { this.reference = ref; this.render(); };

  Scoreboard.prototype.cells = function (i) { return this.table.tBodies[0].rows[i].cells; };

  Scoreboard.prototype.renderRow = function (i) {
    var r = this.rows[i], c = this.cells(i), t = this.t, pct = this.pct;
    var step = r.step === undefined ? '–' : this.num(r.step, 0);
    if (r.diverged) step = t('l2eDivergedShort', { step: step });
    else if (r.done) step = t('l2eDoneShort', { step: step });
    c[1].textContent = step;
    // baseline always trains at the target and mix draws a level per example:
    // only naive and combined (1, 3) move along the curriculum the engine reports
    var lv = i === 0 ? this.target : r.level;
    if (i === 2) c[2].textContent = t('l2eLevelMix');
    else if (!lv) c[2].textContent = '–';
    else c[2].textContent = this.task === 'program'
      ? t('l2eLevelLN', { length: lv.length, nesting: lv.nesting }) : t('l2eLevelL', { length: lv.length });
    c[3].textContent = r.charAcc === undefined ? '–' : pct(r.charAcc);
    c[4].textContent = r.exact === undefined ? '–' : pct(r.exact);
  };

  Scoreboard.prototype.render = function () {
    // column names before each value in the narrow (card) layout
    var heads = Array.prototype.map.call(this.table.tHead.rows[0].cells, function (th) { return th.textContent; });
    Array.prototype.forEach.call(this.table.tBodies[0].rows, function (tr) {
      for (var k = 1; k < tr.cells.length; k++) tr.cells[k].setAttribute('data-label', heads[k] || '');
    });
    for (var i = 0; i < 4; i++) this.renderRow(i);
    var c = this.cells(4), ref = this.reference;
    c[1].textContent = '–';
    c[2].textContent = '–';
    c[3].textContent = ref ? this.pct(ref.charAcc) : '–';
    c[4].textContent = ref ? this.pct(ref.exact) : '–';
  };

  return { Scoreboard: Scoreboard };
})();
