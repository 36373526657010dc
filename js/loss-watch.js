// loss-watch.js - watches the training loss for finite jumps (the page's
// worker and `rnn train` use the same rule) and smooths a loss curve.
//
// The rule (docs/web.md "Loss jumps"):
//   S, the smoothed training loss, is an exponential moving average of the
//   bits/char of each trained chunk, with a half-life of HALF_LIFE steps: a
//   chunk of n steps moves S by the fraction 1 - 2^(-n / HALF_LIFE) of the gap.
//   best = the lowest S so far (after WARMUP steps; before that S still falls
//   from log2 V and is not watched).
//   A jump is S > best + JUMP_BITS. It is reported once; the watch re-arms when
//   S comes back under best + JUMP_BITS / 2, and then watches from that level
//   (best = S).
//   "good": S <= best + GOOD_BITS. The caller keeps its snapshot of the weights
//   only while the loss is good, so a roll-back goes to weights from before the
//   jump started to build up.
//   The gradient norm reported with a jump is the largest one seen since the
//   last good step (the step that preceded the rise), with its step.
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
    this.best = Infinity;
    this.armed = true;
    this.start = step || 0;
    this.peakGrad = { norm: 0, step: step || 0 };
    this.maxRise = 0;  // the largest S - best seen (the stability test's figure)
  };

  // One trained chunk: its last step, n steps, mean bits/char and the gradient
  // norm of its last step. Returns {smoothed, good, jump} where jump is null or
  // {step, smoothed, best, gradNorm, gradStep}.
  LossWatch.prototype.add = function (step, n, bpc, gradNorm) {
    if (!isFinite(bpc)) return { smoothed: this.smoothed, good: false, jump: null };
    var w = 1 - Math.pow(2, -Math.max(1, n) / this.halfLife);
    this.smoothed = isNaN(this.smoothed) ? bpc : this.smoothed + w * (bpc - this.smoothed);
    if (isFinite(gradNorm) && gradNorm >= this.peakGrad.norm) this.peakGrad = { norm: gradNorm, step: step };
    var watched = step - this.start >= this.warmup;
    if (watched && this.smoothed < this.best) this.best = this.smoothed;
    var rise = watched ? this.smoothed - this.best : 0;
    if (rise > this.maxRise) this.maxRise = rise;
    var good;
    var jump = null;
    if (watched && this.armed && rise > this.jumpBits) {
      this.armed = false;
      jump = { step: step, smoothed: this.smoothed, best: this.best,
        gradNorm: this.peakGrad.norm, gradStep: this.peakGrad.step };
    } else if (!this.armed && rise < this.jumpBits / 2) {
      this.armed = true;
      this.best = this.smoothed; // recovered (or settled): watch from this level
      rise = 0;
    }
    good = !watched || rise <= this.goodBits;
    if (good) this.peakGrad = { norm: isFinite(gradNorm) ? gradNorm : 0, step: step };
    return { smoothed: this.smoothed, good: good, jump: jump };
  };

  // points [[step, bpc], ...] -> the same steps with an exponential moving
  // average of half-life `halfLife` steps (0: the points as they are).
  function smooth(points, halfLife) {
    var out = [], s = NaN, prev = null;
    for (var i = 0; i < points.length; i++) {
      var step = points[i][0], x = points[i][1];
      if (!(halfLife > 0) || isNaN(s)) s = x;
      else s += (1 - Math.pow(2, -Math.max(1, step - prev) / halfLife)) * (x - s);
      prev = step;
      out.push([step, s]);
    }
    return out;
  }

  var api = { LossWatch: LossWatch, smooth: smooth, HALF_LIFE: HALF_LIFE, JUMP_BITS: JUMP_BITS,
    GOOD_BITS: GOOD_BITS, WARMUP: WARMUP };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.RnnLossWatch = api;
})(typeof self !== 'undefined' ? self : this);
