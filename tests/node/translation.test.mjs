// translation.test.mjs - the translation widget's two networks, trained
// exactly as its worker trains them (web/widgets/translation/worker.js as a
// CommonJS module, fixed seed): the encoder-decoder translates >= 90% of
// held-out sentences exactly within 1,000 steps; the aligned network on the
// same data is measurably worse where the lengths differ (and fails where an
// adjective moves); a typed phrase is translated word by word, unknown words named.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadEngine } from './helpers.mjs';

const require = createRequire(import.meta.url);
const T = require('../../web/widgets/translation/worker.js');
const eng = await loadEngine('simd');

test('Portuguese -> English: encoder-decoder >= 90% exact on held-out pairs in 1,000 steps; the aligned network fails where lengths or order differ', () => {
  const p = new T.Pair(eng, 1, 'pt-en');
  const before = p.evaluate();
  assert.ok(before.ed < 0.05, `untrained ${before.ed}`);
  const c = before.counts;
  assert.equal(c.all, 256);
  assert.ok(c.same > 30 && c.order > 30 && c.lengths > 30, JSON.stringify(c));
  p.train(1000);
  const e = p.evaluate();
  assert.ok(e.ed >= 0.9, `encoder-decoder exact ${e.ed}`);
  // the aligned network: fine where nothing moves, worse where the lengths differ, lost where an adjective moves
  assert.ok(e.alignedSame >= 0.8, `aligned, same length and order: ${e.alignedSame}`);
  assert.ok(e.alignedLengths <= e.alignedSame - 0.2, `aligned, lengths differ: ${e.alignedLengths} vs ${e.alignedSame}`);
  assert.ok(e.alignedOrder <= 0.1, `aligned, adjective moves: ${e.alignedOrder}`);
  assert.ok(e.aligned <= e.ed - 0.3, `aligned ${e.aligned} vs encoder-decoder ${e.ed}`);

  const t = p.translate('O gato pequeno não vê a bola');
  assert.deepEqual(t.translation, ['the', 'small', 'cat', 'does', 'not', 'see', 'the', 'ball', '.']);
  assert.equal(t.probs.length, 9);
  for (const q of t.probs) assert.ok(q > 0 && q <= 1);
  assert.equal(t.summary.length, T.ED.hidden);
  assert.notDeepEqual(t.aligned, t.translation);   // "the cat ..." or similar: it cannot reorder

  const u = p.translate('o gato pequeno vê a xícara azul');
  assert.deepEqual(u.unknown, ['xícara', 'azul']);
  assert.equal(u.translation, undefined);
  assert.equal(p.translate('').words.length, 0);
  assert.ok(p.translate('o gato '.repeat(8)).tooLong);
  p.free();
});
