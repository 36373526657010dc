// kernels-peak.test.mjs - the peak multiply-add microbenchmark through the
// engine (Engine.peak, src/api_peak.c): a finite positive GFLOP/s, the FLOP
// count of the shape each module reports (f32x4 chains in the SIMD module,
// float chains in the scalar one), and bad arguments refused by both the
// JavaScript wrapper and the C export with a reason. No timing assertions.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS } from './helpers.mjs';

for (const kind of KINDS) {
  test(`${kind}: peak returns a finite positive GFLOP/s and the FLOPs of its shape`, async () => {
    const eng = await loadEngine(kind);
    const r = eng.peak(20000);
    assert.equal(r.lanes, kind === 'simd' ? 4 : 1);
    assert.ok(r.chains >= 8 && r.chains <= 16, `chains ${r.chains}`);
    // 2 FLOPs per lane per mul+add, a whole number of steps of every chain per rep
    assert.ok(r.flops > 0 && r.flops % (20000 * 2 * r.chains * r.lanes) === 0, `flops ${r.flops}`);
    assert.ok(Number.isFinite(r.gflops) && r.gflops > 0, `gflops ${r.gflops}`);
    assert.ok(Number.isFinite(r.seconds) && r.seconds >= 0, `seconds ${r.seconds}`);
    // every chain converges to c / (1 - m) = 1 from below (m = 0.999, c = 0.001)
    assert.ok(r.checksum > 0 && r.checksum < r.chains * r.lanes, `checksum ${r.checksum}`);
    // twice the reps: twice the FLOPs
    assert.equal(eng.peak(40000).flops, 2 * r.flops);
  });

  test(`${kind}: peak refuses bad arguments with a reason`, async () => {
    const eng = await loadEngine(kind);
    const max = eng.contract.limits.peakReps;
    assert.equal(max, 1e9);
    for (const reps of [0, -1, 1.5, NaN, '10', max + 1]) assert.throws(() => eng.peak(reps), /reps must be an integer in \[1, 1000000000\]/);
    // the C export checks on its own (no wrapper in front)
    const call = (reps, m, c, out = true) => eng.scoped((s) => eng.c.rnn_peak_run(reps, m, c, out ? s.f64out(eng.contract.outputs.peak) : 0));
    const bad = [[0, 0.999, 0.001, /reps 0 not in \[1, 1000000000\]/], [max + 1, 0.999, 0.001, /reps/],
      [10, 1, 0.001, /multiplier 1 not in \[0.5, 1\)/], [10, NaN, 0.001, /multiplier nan/i],
      [10, 0.999, 0, /addend 0 not in/], [10, 0.999, Infinity, /addend inf/i]];
    for (const [reps, m, c, says] of bad) {
      assert.notEqual(call(reps, m, c), 0, `reps ${reps} m ${m} c ${c} accepted`);
      assert.match(eng.error().message, says);
    }
    assert.notEqual(call(10, 0.999, 0.001, false), 0);
    assert.match(eng.error().message, /no output array/);
    assert.equal(call(10, 0.999, 0.001), 0, 'good arguments accepted');
  });
}
