// CharLM.nextProbs (rnn_lm_next_probs): the probability the model gives each
// character that really comes next, as drawn by the alphabet widget.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS } from './helpers.mjs';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// the alphabet widget's settings (web/widgets/alphabet/worker.js)
const OPTS = { hidden: 24, seq: 27, batch: 4, lr: 0.01, seed: 1, valFraction: 0 };

for (const kind of KINDS) {
  test(`${kind}: next-character probabilities agree with the engine's own bits/char`, async () => {
    const eng = await loadEngine(kind);
    const m = eng.createCharLM('the cat sat on the mat. '.repeat(40), { ...OPTS, hidden: 16, seq: 16 });
    try {
      m.train(20);
      const text = 'the mat sat on the cat.';
      const r = m.nextProbs(text);
      assert.equal(r.prob.length, text.length - 1);
      assert.equal(r.top.length, text.length - 1);
      for (const p of r.prob) assert.ok(p > 0 && p < 1, `p = ${p}`);
      const bits = r.prob.reduce((acc, p) => acc - Math.log2(p), 0) / r.prob.length;
      assert.ok(Math.abs(r.mean - r.prob.reduce((a, b) => a + b, 0) / r.prob.length) < 1e-6);
      const { bpc, chars } = m.evaluate(text);
      assert.equal(chars, text.length - 1);
      assert.ok(Math.abs(bits - bpc) < 1e-4, `${bits} vs ${bpc}`);
      for (const c of r.top) assert.ok(m.info.vocab.includes(c));
    } finally { m.free(); }
  });

  test(`${kind}: trained on the alphabet forwards, it recites forwards and not backwards`, async () => {
    const eng = await loadEngine(kind);
    const m = eng.createCharLM((ALPHABET + '\n').repeat(60), OPTS);
    try {
      m.train(200);
      const fwd = m.nextProbs(ALPHABET), back = m.nextProbs([...ALPHABET].reverse().join('')), q = m.nextProbs(ALPHABET.slice(16));
      assert.ok(fwd.mean >= 0.9, `forwards ${fwd.mean}`);
      assert.ok(back.mean <= 0.1, `backwards ${back.mean}`);
      assert.deepEqual(fwd.top.join(''), ALPHABET.slice(1));
      // from Q alone: the first letter is less sure than the ones after it
      assert.ok(q.prob[0] < Math.min(...q.prob.slice(2)), `from Q ${q.prob}`);
    } finally { m.free(); }
  });

  test(`${kind}: short texts give no values; an unknown character is refused by position`, async () => {
    const eng = await loadEngine(kind);
    const m = eng.createCharLM((ALPHABET + '\n').repeat(6), OPTS);
    try {
      for (const t of ['', 'A']) {
        const r = m.nextProbs(t);
        assert.deepEqual([r.prob, r.top], [[], []]);
        assert.ok(Number.isNaN(r.mean));
      }
      assert.throws(() => m.nextProbs('ABz'), /character 3 \(U\+007A\) is not in the model's vocabulary/);
      assert.equal(m.nextProbs('AB').prob.length, 1); // the model still works after a refusal
    } finally { m.free(); }
  });
}
