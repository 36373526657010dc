// neurons.test.mjs - "inside the char model" (src/models/neurons.c,
// src/api_neurons.c, js/engine.js's CharLM.trace / rankUnits): on a
// hand-wired model whose unit 3 tracks "inside quotes", the search ranks it
// first (and the space unit first for "after a space"); hidden states and
// top-5 agree with the engine's next-character probabilities; the features
// per position; the training text; the bundled model loads, has the stated
// size and reads the sample text; bad inputs are refused with a reason.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, KINDS, ROOT } from './helpers.mjs';
import { quoteModelJson, quoteModelFile, QUOTE_UNIT, SPACE_UNIT, H, QUOTED_TEXT } from './neurons-fixture.mjs';
import { modelBytes, RECIPE } from '../../scripts/train-neurons-model.mjs';

const feature = (eng, name, text) => Array.from(eng.neuronFeature(name, text));

for (const kind of KINDS) {
  test(`${kind}: the unit wired to track "inside quotes" is ranked first`, async () => {
    const eng = await loadEngine(kind);
    const lm = eng.importPytorch(quoteModelJson(), null, { hidden: H, batch: 1, seq: 16 });
    try {
      const q = lm.rankUnits(QUOTED_TEXT, 'quote');
      assert.equal(q.order[0], QUOTE_UNIT);
      assert.ok(q.r[QUOTE_UNIT] > 0.9, `r = ${q.r[QUOTE_UNIT]}`);
      for (let j = 1; j < H; j++) assert.ok(Math.abs(q.r[q.order[j]]) <= Math.abs(q.r[q.order[j - 1]]));
      assert.ok(Math.abs(q.r[q.order[1]]) < 0.8, `runner-up ${q.r[q.order[1]]}`);
      // the latch itself: positive exactly inside the quotes
      const f = Array.from(q.feature), h = q.trace.h;
      f.forEach((v, t) => assert.equal(h[t * H + QUOTE_UNIT] > 0 ? 1 : 0, v, `position ${t}`));
      const s = lm.rankUnits(QUOTED_TEXT, 'space');
      assert.equal(s.order[0], SPACE_UNIT);
      assert.ok(s.r[SPACE_UNIT] > 0.99, `r = ${s.r[SPACE_UNIT]}`);
    } finally { lm.free(); }
  });

  test(`${kind}: trace gives every hidden state and the top-5 the next-character probabilities agree with`, async () => {
    const eng = await loadEngine(kind);
    const lm = eng.importPytorch(quoteModelJson(), null, { hidden: H, batch: 1, seq: 16 });
    try {
      const text = 'Ela disse “oi”.';
      const tr = lm.trace(text, 5), np = lm.nextProbs(text);
      assert.equal(tr.n, Array.from(text).length);
      assert.equal(tr.h.length, tr.n * H);
      assert.deepEqual(tr.chars, Array.from(text));
      for (let t = 0; t < tr.n; t++) {
        const top = tr.top[t];
        assert.equal(top.length, 5);
        for (let j = 1; j < 5; j++) assert.ok(top[j].p <= top[j - 1].p);
        if (t < tr.n - 1) assert.equal(top[0].ch, np.top[t], `argmax at ${t}`);
        for (const c of top) assert.ok(c.p > 0 && c.p < 1);
      }
      // the same weights through the file format read the same numbers
      const again = eng.loadCharLM(quoteModelFile(eng));
      try { assert.deepEqual(Array.from(again.trace(text, 5).h), Array.from(tr.h)); } finally { again.free(); }
    } finally { lm.free(); }
  });
}

test('features per position: quotes, parentheses, column, vowel next, after a space', async () => {
  const eng = await loadEngine('simd');
  assert.deepEqual(eng.neuronFeatures(), ['quote', 'paren', 'column', 'vowel', 'space']);
  assert.deepEqual(feature(eng, 'quote', 'a"bc"d'), [0, 1, 1, 1, 0, 0]);
  assert.deepEqual(feature(eng, 'quote', 'a“b”c'), [0, 1, 1, 0, 0]);
  assert.deepEqual(feature(eng, 'paren', 'a(b(c)d)e)'), [0, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
  assert.deepEqual(feature(eng, 'column', 'ab\ncde'), [1, 2, 0, 1, 2, 3]);
  assert.deepEqual(feature(eng, 'vowel', 'bÁcéxU'), [1, 0, 1, 0, 1, 0]);
  assert.deepEqual(feature(eng, 'space', 'a b  c'), [0, 1, 0, 1, 1, 0]);
});

test('bad inputs are refused with a reason', async () => {
  const eng = await loadEngine('simd');
  const lm = eng.importPytorch(quoteModelJson(), null, { hidden: H, batch: 1, seq: 16 });
  try {
    assert.throws(() => lm.rankUnits('abc def', 'quote'), /same value at every position/);
    assert.throws(() => lm.trace('abc ω'), /character 5 \(U\+03C9\) is not in the model's vocabulary/);
    assert.throws(() => lm.trace(''), /text of 0 characters/);
    assert.throws(() => lm.trace('x'.repeat(20001)), /text of 20001 characters/);
    assert.throws(() => lm.trace('abc', 0), /k must be/);
    assert.throws(() => eng.neuronFeature('loudness', 'abc'), /unknown feature 'loudness'/);
    assert.throws(() => eng.rankUnits(new Float32Array(6), 2, 3, new Float32Array(3)), /feature must have 2 values/);
    assert.throws(() => eng.neuronsCorpus({ bytes: 0 }), /bytes must be/);
  } finally { lm.free(); }
});

test('the training text: sentences with quotations, short quotes and asides, the same for a seed', async () => {
  const eng = await loadEngine('simd');
  const a = eng.neuronsCorpus({ seed: 3, bytes: 20000 }), b = eng.neuronsCorpus({ seed: 3, bytes: 20000 });
  assert.equal(a, b);
  assert.notEqual(a, eng.neuronsCorpus({ seed: 4, bytes: 20000 }));
  assert.ok(a.length >= 20000 && a.length < 40000, String(a.length));
  assert.equal((a.match(/"/g) || []).length % 2, 0);
  assert.equal((a.match(/\(/g) || []).length, (a.match(/\)/g) || []).length);
  assert.ok((a.match(/ e diz "/g) || []).length > 20);
  assert.ok((a.match(/\(/g) || []).length > 20);
});

test('the bundled model (web/widgets/neurons/model.js) loads and reads the widget\'s sample text', async () => {
  const eng = await loadEngine('simd');
  const src = readFileSync(path.join(ROOT, 'web', 'widgets', 'neurons', 'model.js'), 'utf8');
  const lm = eng.loadCharLM(modelBytes(src));
  try {
    const info = lm.info;
    assert.equal(info.H, RECIPE.config.hidden);
    assert.ok(info.H <= 64);
    assert.ok(src.length < 80000, `model.js is ${src.length} bytes`);
    const sample = /var SAMPLE = '(.*)';/.exec(readFileSync(path.join(ROOT, 'web', 'widgets', 'neurons', 'view.js'), 'utf8'))[1]
      .replace(/\\n/g, '\n');
    const q = lm.rankUnits(sample, 'quote');
    assert.equal(q.order.length, info.H);
    const bits = lm.evaluate(eng.neuronsCorpus({ seed: 99, bytes: 5000 })).bpc;
    assert.ok(bits < 1.0, `held-out text: ${bits} bits/char`);
  } finally { lm.free(); }
});
