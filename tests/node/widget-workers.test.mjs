// The ball and memory widgets' worker programs (web/widgets/<id>/worker.js),
// run in Node on both WASM modules with the protocol stubbed: the numbers the
// widgets show meet the lecture's claims on the scalar module too (the browser
// tests run the SIMD one), and bad requests are refused with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const RnnEngine = require('../../js/engine.js');

// The handlers a worker.js passes to RnnWorkerProtocol.serve, with `self` set up
// as in the Blob worker (the module factory in self.RNN_FACTORY).
async function program(id, kind) {
  let handlers = null;
  const self = { RNN_FACTORY: require(join(ROOT, 'wasm', `rnn-${kind}.js`)) };
  runInNewContext(readFileSync(join(ROOT, 'web', 'widgets', id, 'worker.js'), 'utf8'), {
    self, RnnEngine, RnnWorkerProtocol: { serve: (h) => { handlers = h; } },
  });
  await handlers.init();
  return handlers;
}

for (const kind of ['simd', 'scalar']) {
  test(`ball worker (${kind}): frames in order >= 90% held out after 200 steps, last frame within 0.1 of 1/4`, async () => {
    const w = await program('ball', kind);
    const r0 = w.setup({ grid: 5, frames: 4, dirs: 4, hidden: 16, lr: 0.03, seed: 1 });
    assert.deepEqual(r0.directions, ['up', 'right', 'down', 'left']);
    assert.equal(r0.step, 0);
    let r;
    for (let i = 0; i < 20; i++) r = w.train({ steps: 10 });
    assert.equal(r.step, 200);
    assert.ok(r.seqAcc >= 0.9, `frames in order ${r.seqAcc}`);
    assert.ok(Math.abs(r.lastAcc - 0.25) <= 0.1, `last frame ${r.lastAcc}`);
    const ex = w.example({ index: 3 });
    assert.equal(ex.cells.length, 4);
    const p = w.predict({ cells: ex.cells });
    assert.equal(p.seq.length, 4);
    assert.ok(Math.abs(p.seq.reduce((a, b) => a + b) - 1) < 1e-5);
    assert.equal(p.seq.indexOf(Math.max(...p.seq)), ex.label);
    assert.throws(() => w.predict({ cells: [1, 2, 3] }), /exactly 4 frames/);
    assert.throws(() => w.predict({ cells: [1, 2, 3, 25] }), /cell out of the grid: 25/);
    assert.throws(() => w.predict({ cells: 'abcd' }), /exactly 4 frames/);
  });

  test(`memory worker (${kind}): 4-gram at chance past its window, RNN above it there after 300 steps`, async () => {
    const w = await program('memory', kind);
    const gaps = [2, 3, 4, 6, 16, 24];
    const r0 = w.setup({ gaps, order: 4, hidden: 16, lr: 0.03, seed: 1 });
    assert.deepEqual([...r0.gaps], gaps);   // an array of the worker's realm
    gaps.forEach((g, i) => {
      if (g < 4) assert.ok(r0.ngram[i] >= 0.9, `4-gram inside, gap ${g}: ${r0.ngram[i]}`);
      else assert.ok(r0.ngram[i] <= 0.4, `4-gram outside, gap ${g}: ${r0.ngram[i]}`);
    });
    let r;
    for (let i = 0; i < 30; i++) r = w.train({ steps: 10 });
    assert.equal(r.step, 300);
    for (const g of [4, 6]) {
      const i = gaps.indexOf(g);
      assert.ok(r.rnn[i] >= 0.9 && r.rnn[i] >= r.ngram[i] + 0.5, `gap ${g}: RNN ${r.rnn[i]}, 4-gram ${r.ngram[i]}`);
    }
    // the fixed-context network (the last n - 1 = 3 symbols) is like the n-gram: right inside, chance outside
    assert.equal(r.context, 3);
    gaps.forEach((g, i) => {
      if (g < 4) assert.ok(r.window[i] >= 0.9, `window inside, gap ${g}: ${r.window[i]}`);
      else assert.ok(r.window[i] <= 0.4, `window outside, gap ${g}: ${r.window[i]}`);
    });
    const ex = w.example({ gap: 6, index: 0 });
    assert.equal(ex.tokens.length, 6);
    assert.equal(ex.tokens[5], 8);               // the recall mark "?"
    assert.equal(ex.tokens[0], ex.target);       // the cue is the answer
    assert.equal(ex.rnn.indexOf(Math.max(...ex.rnn)), ex.target);
    assert.equal(ex.window.length, 4);
    assert.equal(ex.context, 3);
    assert.throws(() => w.example({ gap: 7 }), /no model for gap 7/);
  });
}
