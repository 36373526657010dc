// pairs.test.mjs - the comparison widget's random input pairs
// (eng.pairsGenerate, src/api_compare.c, src/data/pairs.c) on both modules:
// values on the grid, labels = (sum a > sum b) with ties 0, determinism, bad
// arguments refused with a reason; and the two hand-wired networks of the
// sum-rnn and compare-rnn widgets as the widgets' workers build them.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS } from './helpers.mjs';

const sum = (xs) => xs.reduce((s, v) => s + v, 0);

for (const kind of KINDS) {
  test(`${kind}: pairsGenerate draws grid values, labels sum(a) > sum(b) with ties 0, and is deterministic`, async () => {
    const eng = await loadEngine(kind);
    const p = eng.pairsGenerate({ count: 2000, steps: 3, levels: 5, lo: 0, hi: 2, seed: 7 });
    assert.equal(p.a.length, 2000);
    assert.equal(p.labels.length, 2000);
    const grid = [0, 0.5, 1, 1.5, 2];
    let ties = 0, ones = 0;
    const seen = new Set();
    for (let i = 0; i < 2000; i++) {
      assert.equal(p.a[i].length, 3);
      for (const v of p.a[i].concat(p.b[i])) { assert.ok(grid.includes(v), `value ${v}`); seen.add(v); }
      const d = sum(p.a[i]) - sum(p.b[i]);
      assert.equal(p.labels[i], d > 0 ? 1 : 0, `pair ${i}: ${p.a[i]} vs ${p.b[i]}`);
      ties += d === 0; ones += p.labels[i];
    }
    assert.equal(seen.size, 5, 'every level drawn');
    assert.ok(ties > 100 && ties < 300, `ties ${ties}`);            // about 1 in 9 for this grid
    assert.ok(ones > 800 && ones < 1000, `first larger ${ones}`);    // (1 - P(tie)) / 2
    assert.deepEqual(eng.pairsGenerate({ seed: 7, steps: 3 }), eng.pairsGenerate({ seed: 7, steps: 3 }));
    assert.notDeepEqual(eng.pairsGenerate({ seed: 7 }).a, eng.pairsGenerate({ seed: 8 }).a);
    assert.deepEqual(eng.pairsGenerate({ count: 3, levels: 1, lo: 1.5, hi: 4 }).a, [[1.5, 1.5, 1.5], [1.5, 1.5, 1.5], [1.5, 1.5, 1.5]]);
    assert.deepEqual(eng.pairsGenerate({ count: 0 }), { a: [], b: [], labels: [] });
  });

  test(`${kind}: pairsGenerate refuses bad arguments with the engine's reason`, async () => {
    const eng = await loadEngine(kind);
    assert.throws(() => eng.pairsGenerate({ steps: 0 }), /steps must be an integer/);
    assert.throws(() => eng.pairsGenerate({ steps: 2.5 }), /steps/);
    assert.throws(() => eng.pairsGenerate({ lo: 3, hi: 1 }), /pairs lo 3 is above hi 1/);
    assert.throws(() => eng.pairsGenerate({ lo: NaN }), /lo must be a finite number/);
    assert.throws(() => eng.pairsGenerate({ hi: 1e6 }), /within \+-1000/);
    assert.throws(() => eng.pairsGenerate({ levels: 0 }), /levels/);
    assert.throws(() => eng.pairsGenerate({ count: -1 }), /count/);
  });

  test(`${kind}: the sum RNN gives 2, 1.5, 2.5, 3.5; the comparison RNN decides 20 random pairs right`, async () => {
    const eng = await loadEngine(kind);
    const s = eng.createSeqNet({ input: 1, hidden: 1, output: 1, activation: 'linear', head: 'linear-mse', batch: 1, steps: 8 });
    s.setWeights({ U: [[1]], W: [[1]], V: [[1]] });
    s.reset();
    const hs = [2, -0.5, 1, 1].map((x) => s.step(x).h[0]);
    assert.deepEqual(hs, [2, 1.5, 2.5, 3.5]);
    s.setWeights({ W: [[0.5]] });
    assert.deepEqual(Array.from(s.run([2, -0.5, 1, 1]).h, (h) => h[0]), [2, 0.5, 1.25, 1.625]);
    s.free();

    const c = eng.createSeqNet({ input: 2, hidden: 1, output: 1, activation: 'linear', head: 'sigmoid-bce', batch: 20, steps: 3 });
    c.setWeights({ U: [[1, -1]], W: [[1]], b: [0], V: [[10]], c: [0] });
    const p = eng.pairsGenerate({ count: 20, steps: 3, seed: 1 });
    const x = p.a.map((a, i) => a.map((v, t) => [v, p.b[i][t]]));
    const y = p.labels.map((l) => [[0], [0], [l]]);
    const mask = p.labels.map(() => [0, 0, 1]);            // many-to-one: scored at the last step
    const r = c.evaluate({ x, y, mask });
    assert.equal(r.correct, 20);
    assert.equal(r.count, 20);
    const run = c.run({ x, y, mask });
    p.labels.forEach((l, i) => {
      const h = run.h[i][2][0], yhat = run.y[i][2][0];
      assert.equal(h, sum(p.a[i]) - sum(p.b[i]));          // the hidden unit is the difference of the totals
      assert.equal(yhat > 0.5 ? 1 : 0, l);
      if (h === 0) assert.equal(yhat, 0.5);                // a tie: exactly 0.5, "not larger"
    });
    c.free();
  });
}
