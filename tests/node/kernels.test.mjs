// kernels.test.mjs - every SIMD kernel against its scalar reference twin,
// inside the WASM modules, on random data at awkward sizes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS, rand, maxAbsDiff } from './helpers.mjs';

const SIZES = [1, 3, 4, 5, 17, 63, 64, 65, 257];
// Named tolerances: products differ from the reference only by summation
// order, so the error grows like sqrt(K) ulps of the magnitudes involved.
// activation: the SIMD module's tanh is a rational approximation, not libm's
// tanhf; its bound against double tanh on every float in [-10, 10] is 6.9 ulp,
// 4.1e-7 absolute (scripts/bench/tanh_error.mjs); libm's is 2.2 ulp, 8.4e-8.
const TOL = { gemm: (K) => 2e-6 * Math.sqrt(K) * 8, elementwise: 1e-6, softmax: 1e-6, activation: 5e-7 };

function shapes() {
  const out = [];
  for (const s of SIZES) out.push([s, 5, 3], [3, s, 5], [5, 3, s], [s, s, 4]);
  out.push([257, 65, 63], [63, 257, 17], [64, 64, 64], [65, 17, 257], [1, 257, 1]);
  return out;
}

for (const kind of KINDS) {
  test(`${kind}: GEMM kernels match the scalar twin at awkward sizes`, async () => {
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
        const fast = eng.kernel(name, false, M, K, N, A, B, C), ref = eng.kernel(name, true, M, K, N, A, B, C);
        const d = maxAbsDiff(fast, ref);
        worst = Math.max(worst, d);
        assert.ok(d <= TOL.gemm(K), `${name} M=${M} K=${K} N=${N}: max diff ${d}`);
        assert.ok(fast.every(Number.isFinite));
      }
    }
    console.log(`# ${kind}: max GEMM difference ${worst.toExponential(2)}`);
  });

  test(`${kind}: row and element-wise kernels match the scalar twin`, async () => {
    const eng = await loadEngine(kind);
    let worst = 0;
    for (const n of SIZES) {
      const D = n, M = 5, R = 7;
      const idx = Int32Array.from({ length: M }, (_, i) => (i * 3) % R);
      const check = (name, tol, M_, K_, N_, A, B, C, ix) => {
        const fast = eng.kernel(name, false, M_, K_, N_, A, B, C, ix), ref = eng.kernel(name, true, M_, K_, N_, A, B, C, ix);
        const d = maxAbsDiff(fast, ref);
        worst = Math.max(worst, d);
        assert.ok(d <= tol, `${name} n=${n}: max diff ${d}`);
        return fast;
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
    console.log(`# ${kind}: max element-wise difference ${worst.toExponential(2)}`);
  });

  test(`${kind}: fused recurrence steps match the scalar twin at awkward sizes`, async () => {
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
          const fwd = (ref) => eng.kernel(`rnn_step_${act}`, ref, B, H, H, hprev, W, at);
          const h = fwd(true), d = maxAbsDiff(fwd(false), h);
          worst = Math.max(worst, d);
          assert.ok(d <= tol, `rnn_step_${act} B=${B} H=${H}: max diff ${d}`);
          // the twin is the unfused sequence: at + hprev W, then g
          const pre = eng.kernel('matmul_acc', true, B, H, H, hprev, W, at);
          assert.ok(maxAbsDiff(eng.kernel(act, true, 1, 0, B * H, pre, null, new Float32Array(B * H)), h) === 0);
          const da = rand(B * H, 5), dh = rand(B * H, 6), A = new Float32Array(2 * B * H);
          A.set(da); A.set(h, B * H);
          const WT = Float32Array.from({ length: H * H }, (_, i) => W[(i % H) * H + Math.floor(i / H)]);
          const bwd = (ref) => eng.kernel(`rnn_step_backward_${act}`, ref, B, H, H, A, WT, dh);
          const dref = bwd(true), db = maxAbsDiff(bwd(false), dref);
          worst = Math.max(worst, db);
          assert.ok(db <= tol, `rnn_step_backward_${act} B=${B} H=${H}: max diff ${db}`);
          // the twin is the unfused sequence: s = da W^T, dh + s, then times g' via h
          const prod = eng.kernel('matmul', true, B, H, H, da, WT, new Float32Array(B * H));
          const sum = eng.kernel('axpy', true, 1, 1, B * H, prod, null, dh);
          assert.ok(maxAbsDiff(eng.kernel(`${act}_backward`, true, 1, 0, B * H, sum, h, new Float32Array(B * H)), dref) === 0);
        }
      }
    }
    console.log(`# ${kind}: max fused-step difference ${worst.toExponential(2)}`);
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
