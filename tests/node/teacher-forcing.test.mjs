// teacher-forcing.test.mjs - what the teacher-forcing widget measures (issue
// 18 item 5): free running is scored by the model's own log-likelihood of
// what it generated, own[i] = -log p(gen[i]), not against the original text.
// Checked against an independent engine call: nextProbs over the sequence
// free running actually read (the text up to let-go, then its own outputs)
// gives the same probabilities. Both modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS } from './helpers.mjs';

const TEXT = 'o rato roeu a roupa do rei de roma. batatinha quando nasce espalha a rama pelo chao. ';

for (const kind of KINDS) {
  test(`${kind}: free running's own[i] is -log p of its own output, as nextProbs reads that sequence`, async () => {
    const eng = await loadEngine(kind);
    const lm = eng.createCharLM(TEXT.repeat(20), { hidden: 32, seq: 24, batch: 8, lr: 0.01, seed: 1, valFraction: 0 });
    try {
      lm.train(100);
      const text = TEXT.slice(0, 50), n = Array.from(text).length, letGo = 8;
      for (const greedy of [false, true]) {
        const r = lm.feed(text, { letGo, greedy, temperature: 1, seed: 3 });
        assert.equal(r.own.length, n - 1);
        // the sequence free running read, and the character it wrote last
        const read = Array.from(text).slice(0, letGo).concat(r.gen.slice(letGo - 1));
        const q = lm.nextProbs(read.join('')), p = q.prob;
        for (let i = letGo - 1; i < n - 1; i++) {
          assert.ok(Math.abs(r.own[i] + Math.log(p[i])) < 1e-4, `greedy ${greedy}, step ${i}: own ${r.own[i]}, -log p ${-Math.log(p[i])}`);
        }
        const mean = r.own.slice(letGo).reduce((a, b) => a + b, 0) / (n - 1 - letGo);
        assert.ok(Math.abs(r.meanOwn - mean) < 1e-5, `meanOwn ${r.meanOwn} vs ${mean}`);
        // greedy writes the likeliest character after what it read
        if (greedy) for (let i = letGo - 1; i < n - 1; i++) assert.equal(r.gen[i], q.top[i], `step ${i}`);
      }
    } finally { lm.free(); }
  });
}
