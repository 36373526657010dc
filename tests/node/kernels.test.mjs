// kernels.test.mjs - every kernel of both WASM modules on random data at
// awkward sizes: the entry point (SIMD in the SIMD module) and its scalar
// reference twin, each against float64 values computed in JavaScript
// (kernels-f64.mjs), and the SIMD entry point against its twin. In the scalar
// module the entry point is the twin itself (bit-equal), so there the float64
// values are the independent check.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS, rand, maxAbsDiff } from './helpers.mjs';
import { kernelF64 } from './kernels-f64.mjs';

const SIZES = [1, 3, 4, 5, 17, 63, 64, 65, 257];
// Named tolerances: products differ from the reference only by summation
// order, so the error grows like sqrt(K) ulps of the magnitudes involved.
// Against float64 the same bounds hold (a float result is one rounding of
// each partial sum away from the exact one).
// activation: the SIMD module's tanh is a rational approximation, not libm's
// tanhf; its bound against double tanh on every float in [-10, 10] is 6.9 ulp,
// 4.1e-7 absolute (scripts/bench/tanh_error.mjs); libm's is 2.2 ulp, 8.4e-8.
const TOL = { gemm: (K) => 2e-6 * Math.sqrt(K) * 8, elementwise: 1e-6, softmax: 1e-6, activation: 5e-7 };

// Runs one kernel three ways (entry point, twin, float64) and checks them;
// returns the entry point's result and the largest difference seen.
function check3(eng, kind, label, tol, name, M, K, N, A, B, C, idx) {
  const fast = eng.kernel(name, false, M, K, N, A, B, C, idx), ref = eng.kernel(name, true, M, K, N, A, B, C, idx);
  const exact = kernelF64(name, M, K, N, A, B, C, idx);
  const dTwin = maxAbsDiff(fast, ref), dFast = maxAbsDiff(fast, exact), dRef = maxAbsDiff(ref, exact);
  if (kind === 'scalar') assert.equal(dTwin, 0, `${label}: the scalar module's entry point is its twin`);
  else assert.ok(dTwin <= tol, `${label}: SIMD vs twin, max diff ${dTwin}`);
  assert.ok(dFast <= tol, `${label}: entry point vs float64, max diff ${dFast}`);
  assert.ok(dRef <= tol, `${label}: twin vs float64, max diff ${dRef}`);
  assert.ok(fast.every(Number.isFinite), `${label}: finite`);
  return { fast, d: Math.max(dTwin, dFast, dRef) };
}

function shapes() {
  const out = [];
  for (const s of SIZES) out.push([s, 5, 3], [3, s, 5], [5, 3, s], [s, s, 4]);
  out.push([257, 65, 63], [63, 257, 17], [64, 64, 64], [65, 17, 257], [1, 257, 1]);
  return out;
}

for (const kind of KINDS) {
  test(`${kind}: GEMM kernels match float64 values and the scalar twin at awkward sizes`, async () => {
    const eng = await loadEngine(kind);
    let worst = 0;
    for (const [M, K, N] of shapes()) {
      const cases = {
        matmul: [rand(M * K, 1), rand(K * N, 2), rand(M * N, 3)],
        matmul_acc: [rand(M * K, 4), rand(K * N, 5), rand(M * N, 6)],
        matmul_tn: [rand(K * M, 7), rand(K * N, 8), rand(M * N, 9)],
        matmul_nt: [rand(M * K, 10), rand(N * K, 11), rand(M * N, 12)],
        matmul_nt_acc: [rand(M * K, 13), rand(N * K, 14), rand(M * N, 15)],
      };
      for (const [name, [A, B, C]] of Object.entries(cases)) {
        worst = Math.max(worst, check3(eng, kind, `${name} M=${M} K=${K} N=${N}`, TOL.gemm(K), name, M, K, N, A, B, C).d);
      }
    }
    console.log(`# ${kind}: max GEMM difference (twin, float64) ${worst.toExponential(2)}`);
  });

  test(`${kind}: row and element-wise kernels match float64 values and the scalar twin`, async () => {
    const eng = await loadEngine(kind);
    let worst = 0;
    for (const n of SIZES) {
      const D = n, M = 5, R = 7;
      const idx = Int32Array.from({ length: M }, (_, i) => (i * 3) % R);
      const check = (name, tol, M_, K_, N_, A, B, C, ix) => {
        const r = check3(eng, kind, `${name} n=${n}`, tol, name, M_, K_, N_, A, B, C, ix);
        worst = Math.max(worst, r.d);
        return r.fast;
      };
      check('add_rows', TOL.elementwise, M, 0, D, rand(R * D, 1), null, rand(M * D, 2), idx);
      check('scatter_add_rows', TOL.elementwise, M, 0, D, rand(M * D, 3), null, rand(R * D, 4), idx);
      check('add_bias', TOL.elementwise, M, 0, D, rand(D, 5), null, rand(M * D, 6));
      check('sum_rows', TOL.elementwise * M, M, 0, D, rand(M * D, 7), null, rand(D, 8));
      check('axpy', TOL.elementwise, 1, 3, D, rand(D, 9), null, rand(D, 10));
      for (const act of ['tanh', 'relu', 'linear']) {
        const h = check(act, act === 'tanh' ? TOL.activation : TOL.elementwise, 1, 0, D, rand(D, 11).map((x) => x * 3), null, new Float32Array(D));
        check(`${act}_backward`, TOL.elementwise, 1, 0, D, rand(D, 12), h, new Float32Array(D));
      }
      const p = check('softmax', TOL.softmax, 3, 1, D, rand(3 * D, 13).map((x) => x * 20), null, new Float32Array(3 * D));
      for (let r = 0; r < 3; r++) assert.ok(Math.abs(p.subarray(r * D, r * D + D).reduce((a, b) => a + b, 0) - 1) < 1e-5);
    }
    console.log(`# ${kind}: max element-wise difference (twin, float64) ${worst.toExponential(2)}`);
  });

  test(`${kind}: fused recurrence steps match float64 values and the scalar twin at awkward sizes`, async () => {
    // k_rnn_step_forward: C = g(C + A W); k_rnn_step_backward: C = (C + da W^T) * g'
    // via h, with A = [da | h]. M is the batch, N the hidden size. In the SIMD
    // module the fused SIMD code runs; in the scalar module both are the twin.
    const eng = await loadEngine(kind);
    let worst = 0;
    for (const H of [1, 3, 4, 5, 17, 63, 64, 65, 257]) {
      for (const B of [1, 3, 4, 5, 9]) {
        const k = 1 / Math.sqrt(H);
        const W = rand(H * H, H + 1).map((v) => v * k), at = rand(B * H, B + 2), hprev = rand(B * H, 3);
        const tol = TOL.gemm(H) + TOL.activation;
        for (const act of ['tanh', 'relu', 'linear']) {
          const h = eng.kernel(`rnn_step_${act}`, true, B, H, H, hprev, W, at);
          worst = Math.max(worst, check3(eng, kind, `rnn_step_${act} B=${B} H=${H}`, tol, `rnn_step_${act}`, B, H, H, hprev, W, at).d);
          // the twin is the unfused sequence: at + hprev W, then g
          const pre = eng.kernel('matmul_acc', true, B, H, H, hprev, W, at);
          assert.ok(maxAbsDiff(eng.kernel(act, true, 1, 0, B * H, pre, null, new Float32Array(B * H)), h) === 0);
          const da = rand(B * H, 5), dh = rand(B * H, 6), A = new Float32Array(2 * B * H);
          A.set(da); A.set(h, B * H);
          const WT = Float32Array.from({ length: H * H }, (_, i) => W[(i % H) * H + Math.floor(i / H)]);
          const dref = eng.kernel(`rnn_step_backward_${act}`, true, B, H, H, A, WT, dh);
          worst = Math.max(worst, check3(eng, kind, `rnn_step_backward_${act} B=${B} H=${H}`, tol,
            `rnn_step_backward_${act}`, B, H, H, A, WT, dh).d);
          // the twin is the unfused sequence: s = da W^T, dh + s, then times g' via h
          const prod = eng.kernel('matmul', true, B, H, H, da, WT, new Float32Array(B * H));
          const sum = eng.kernel('axpy', true, 1, 1, B * H, prod, null, dh);
          assert.ok(maxAbsDiff(eng.kernel(`${act}_backward`, true, 1, 0, B * H, sum, h, new Float32Array(B * H)), dref) === 0);
        }
      }
    }
    console.log(`# ${kind}: max fused-step difference (twin, float64) ${worst.toExponential(2)}`);
  });

  test(`${kind}: the reference kernels compute the right numbers`, async () => {
    // A 2x3 . 3x2 product by hand, so that a bug shared by both twins fails too.
    const eng = await loadEngine(kind);
    const A = [1, 2, 3, 4, 5, 6], B = [7, 8, 9, 10, 11, 12];
    for (const ref of [false, true]) {
      assert.deepEqual(Array.from(eng.kernel('matmul', ref, 2, 3, 2, A, B, new Float32Array(4))), [58, 64, 139, 154]);
      assert.deepEqual(Array.from(eng.kernel('matmul_tn', ref, 2, 3, 2, [1, 4, 2, 5, 3, 6], B, new Float32Array(4))), [58, 64, 139, 154]);
      assert.deepEqual(Array.from(eng.kernel('matmul_nt', ref, 2, 3, 2, A, [7, 9, 11, 8, 10, 12], new Float32Array(4))), [58, 64, 139, 154]);
    }
  });

  test(`${kind}: self-check passes and names the module`, async () => {
    const eng = await loadEngine(kind);
    const r = eng.selfCheck();
    assert.equal(r.ok, true);
    assert.equal(r.kind, kind);
  });
}
