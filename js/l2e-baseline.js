// l2e-baseline.js - the "format guess" of learning to execute: the accuracy
// a model that ignores its input reaches from the output format alone.
// Pure analytics over generated samples, kept out of the boundary module
// (js/engine.js). A classic script / CommonJS module (UMD): `RnnL2EBaseline`
// in the race worker (concatenated by scripts/build-web.mjs), require() in
// Node (the CLI, the tests).
(function (root, make) {
  if (typeof module === 'object' && module.exports) module.exports = make();
  else root.RnnL2EBaseline = make();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // Each target character predicted, under teacher forcing, as the most
  // frequent next character after the same target prefix in `train` (backing
  // off to the same position and previous character, then the same
  // position), scored on `test` ([{target}] each). This is the "chance" a
  // model that ignores its input can reach (e.g. ~0.5 per char for 2-digit
  // addition: the leading '1' and the '.' are guessable, the other digits
  // ~1/10). Returns { charAcc, exact }.
  function formatBaseline(train, test) {
    const counts = new Map();
    const add = (key, ch) => {
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(ch, (m.get(ch) || 0) + 1);
    };
    const best = (key) => {
      const m = counts.get(key);
      if (!m) return null;
      let b = null, n = -1;
      for (const [ch, k] of m) if (k > n || (k === n && ch < b)) { b = ch; n = k; }
      return b;
    };
    for (const { target } of train) {
      for (let i = 0; i < target.length; i++) {
        add('p' + target.slice(0, i), target[i]);
        add(`b${i}:${i ? target[i - 1] : ''}`, target[i]);
        add(`i${i}`, target[i]);
      }
    }
    let right = 0, total = 0, exact = 0;
    for (const { target } of test) {
      let all = true;
      for (let i = 0; i < target.length; i++) {
        const g = best('p' + target.slice(0, i)) ?? best(`b${i}:${i ? target[i - 1] : ''}`) ?? best(`i${i}`);
        total++;
        if (g === target[i]) right++;
        else all = false;
      }
      if (all) exact++;
    }
    return { charAcc: total ? right / total : 0, exact: test.length ? exact / test.length : 0 };
  }

  return { formatBaseline };
});
