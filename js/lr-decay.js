// lr-decay.js - the learning-rate schedule of `rnn train --decay` (and
// scripts/bench/quality.mjs --decay): over a budget known in advance
// (--seconds or --steps), the rate lr0 is held for the first half, then falls
// linearly to a tenth of lr0 at the end. A constant rate plateaus within a
// short budget; the smaller steps at the end settle into the minimum it has
// found (docs/performance.md has the measurements).
'use strict';

// lr0 at `fraction` (0..1) of the budget
function decayedLr(lr0, fraction) {
  const f = Math.min(1, Math.max(0, fraction));
  return f <= 0.5 ? lr0 : lr0 * (1 - 0.9 * ((f - 0.5) / 0.5));
}

module.exports = { decayedLr };
