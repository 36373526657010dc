// loss-watch.js - watches the training loss for finite jumps (the page's
// worker and `rnn train` use the same rule) and smooths a loss curve.
//
// The rule (docs/web.md "Loss jumps"):
//   S, the smoothed training loss, is an exponential moving average of the
//   bits/char of each trained chunk, with a half-life of HALF_LIFE steps (a
//   chunk of n steps has the weight 1 - 2^(-n / HALF_LIFE) against the past),
//   divided by the sum of the weights (as Adam corrects its moments), so the
//   first chunks are averaged instead of pulled towards 0 or the first loss.
//   best = the lowest S so far (after WARMUP steps; before that S still falls
//   from log2 V and is not watched).
//   A jump is S > best + JUMP_BITS. It is reported once; the watch re-arms when
//   S comes back under best + JUMP_BITS / 2, and then watches from that level
//   (best = S).
//   "good": S <= best + GOOD_BITS. The caller keeps its snapshot of the weights
//   only while the loss is good, so a roll-back goes to weights from before the
//   jump started to build up.
//   The gradient norm reported with a jump is the largest one of the
//   2 x HALF_LIFE steps before it (the smoothed loss lags by about a
//   half-life), with its step; the caller rolls back to weights from before
//   that step.
'use strict';
(function (root) {
  var HALF_LIFE = 50, JUMP_BITS = 0.5, GOOD_BITS = 0.1, WARMUP = 100;

  function LossWatch(opts) {
    var o = opts || {};
    this.halfLife = o.halfLife || HALF_LIFE;
    this.jumpBits = o.jumpBits || JUMP_BITS;
    this.goodBits = o.goodBits || GOOD_BITS;
    this.warmup = o.warmup === undefined ? WARMUP : o.warmup;
    this.reset(0);
  }

  // after a new model, a load or a roll-back to `step`
  LossWatch.prototype.reset = function (step) {
    this.smoothed = NaN;
    this.sum = 0;
    this.weight = 0;
    this.best = Infinity;
    this.armed = true;
    this.start = step || 0;
    this.grads = [];   // [[step, gradNorm], ...] of the last 2 x halfLife steps
    this.maxRise = 0;  // the largest S - best seen (the stability test's figure)
  };

  // One trained chunk: its last step, n steps, mean bits/char and the gradient
  // norm of its last step. Returns {smoothed, good, jump} where jump is null or
  // {step, smoothed, best, gradNorm, gradStep}.
  LossWatch.prototype.add = function (step, n, bpc, gradNorm) {
    if (!isFinite(bpc)) return { smoothed: this.smoothed, good: false, jump: null };
    var d = Math.pow(2, -Math.max(1, n) / this.halfLife);
    this.sum = this.sum * d + (1 - d) * bpc;
    this.weight = this.weight * d + (1 - d);
    this.smoothed = this.sum / this.weight;
    if (isFinite(gradNorm)) this.grads.push([step, gradNorm]);
    while (this.grads.length && this.grads[0][0] <= step - 2 * this.halfLife) this.grads.shift();
    var watched = step - this.start >= this.warmup;
    if (watched && this.smoothed < this.best) this.best = this.smoothed;
    var rise = watched ? this.smoothed - this.best : 0;
    if (rise > this.maxRise) this.maxRise = rise;
    var good;
    var jump = null;
    if (watched && this.armed && rise > this.jumpBits) {
      this.armed = false;
      var peak = this.grads.reduce(function (a, g) { return g[1] > a[1] ? g : a; }, [step, 0]);
      jump = { step: step, smoothed: this.smoothed, best: this.best, gradNorm: peak[1], gradStep: peak[0] };
    } else if (!this.armed && rise < this.jumpBits / 2) {
      this.armed = true;
      this.best = this.smoothed; // recovered (or settled): watch from this level
      rise = 0;
    }
    good = !watched || rise <= this.goodBits;
    return { smoothed: this.smoothed, good: good, jump: jump };
  };

  // points [[step, bpc], ...] -> the same steps with an exponential moving
  // average of half-life `halfLife` steps, weight-corrected as in LossWatch
  // (0: the points as they are).
  function smooth(points, halfLife) {
    var out = [], sum = 0, weight = 0, prev = null;
    for (var i = 0; i < points.length; i++) {
      var step = points[i][0], x = points[i][1];
      if (!(halfLife > 0)) { out.push([step, x]); continue; }
      var d = Math.pow(2, -(prev === null ? 1 : Math.max(1, step - prev)) / halfLife);
      sum = sum * d + (1 - d) * x;
      weight = weight * d + (1 - d);
      prev = step;
      out.push([step, sum / weight]);
    }
    return out;
  }

  var api = { LossWatch: LossWatch, smooth: smooth, HALF_LIFE: HALF_LIFE, JUMP_BITS: JUMP_BITS,
    GOOD_BITS: GOOD_BITS, WARMUP: WARMUP };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.RnnLossWatch = api;
})(typeof self !== 'undefined' ? self : this);
