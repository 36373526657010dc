// compare-trained.test.mjs - the compare-rnn widget's "Trained" network, as
// its worker trains it (web/widgets/compare-rnn/worker.js run in Node with
// the protocol stubbed, both modules): the caption says it finds U ∝ [1, −1]
// and W ≈ 1 like the hand-set network, the scale and sign going into V, and
// scores its test set; this checks those words for seeds 1-3. The hand-set
// network's 20/20 is exact by construction (h = Σa − Σb).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { ROOT, KINDS } from './helpers.mjs';

const require = createRequire(import.meta.url);
const RnnEngine = require('../../js/engine.js');

async function program(kind) {
  let handlers = null;
  const self = { RNN_FACTORY: require(join(ROOT, 'wasm', `rnn-${kind}.js`)) };
  runInNewContext(readFileSync(join(ROOT, 'web', 'widgets', 'compare-rnn', 'worker.js'), 'utf8'), {
    self, RnnEngine, RnnWorkerProtocol: { serve: (h) => { handlers = h; } },
  });
  await handlers.init();
  return handlers;
}

for (const kind of KINDS) {
  test(`${kind}: trained on random pairs it learns U ∝ [1, −1], W ≈ 1 and scores ≥ 99% on 3-value test pairs`, async () => {
    const w = await program(kind);
    w.setup({ V: 10 });
    const hand = w.random({ seed: 1, steps: 3, net: 'hand' });
    assert.equal(hand.correct, 20);
    for (const seed of [1, 2, 3]) {
      const r = w.train({ seed });
      const { U, W, V } = r.weights;
      assert.ok(Math.abs(U[0] + U[1]) < 0.05 * Math.abs(U[0]) && Math.abs(U[0]) > 0.5, `seed ${seed}: U = ${U}`);
      assert.ok(Math.abs(W - 1) < 0.05, `seed ${seed}: W = ${W}`);
      assert.equal(Math.sign(V), Math.sign(U[0]), `seed ${seed}: V = ${V} carries U's sign`);
      assert.equal(r.test.length, 8);
      assert.ok(r.test[2] >= 0.99, `seed ${seed}: test accuracy at 3 values ${r.test[2]}`);
      const run = w.random({ seed: 1, steps: 3, net: 'trained' });
      assert.equal(run.count, 20);
      assert.ok(run.pairs.every((p) => p.right === (p.first === (p.label === 1))));
    }
  });
}
