// bptt.test.mjs - the fused BPTT (src/nn/rnn_layer.c rnn_layer_forward /
// rnn_layer_backward: GEMMs over the batch and the fused recurrence kernels,
// SIMD128 in the SIMD module) against its reference twin (rnn_layer_*_ref:
// the lecture's equations as plain loops) inside both WASM modules, at
// awkward sizes: H = 1, 3, 17, 63, 257; T = 1, 2, 5; B = 1, 4.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS, rand } from './helpers.mjs';

// Max |fused - reference| relative to the tensor's largest |reference|
// (floored at 1). The twins add the same terms in a different order, and in
// the SIMD module the fused path's tanh is a rational approximation (within
// 4.1e-7 of tanh, kernels.test.mjs); 2e-5 leaves room for T = 5 steps of it.
const TWIN_TOL = 2e-5;

function relDiff(a, b) {
  let d = 0, m = 1;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i] - b[i]);
    d = e > d || Number.isNaN(e) ? e : d;
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

function problem(T, B, I, H, dense, seed) {
  const k = 1 / Math.sqrt(H), ng = I * H + H * H + H;
  const o = { T, B, I, H, params: rand(ng, seed).map((v) => v * k), h0: rand(B * H, seed + 1).map((v) => v * 0.5),
    dh: rand(T * B * H, seed + 2), grads: rand(ng, seed + 3).map((v) => v * 0.1) };
  if (dense) o.x = rand(T * B * I, seed + 4);
  else o.tokens = Int32Array.from(rand(T * B, seed + 5), (v) => Math.floor((v + 1) / 2 * I) % I);
  return o;
}

for (const kind of KINDS) {
  test(`${kind}: fused BPTT matches the reference twin at awkward sizes`, async () => {
    const eng = await loadEngine(kind);
    let worst = 0, seed = 1;
    for (const activation of ['tanh', 'relu', 'linear']) {
      for (const H of [1, 3, 17, 63, 257]) {
        for (const T of [1, 2, 5]) {
          for (const B of [1, 4]) {
            for (const dense of [false, true]) {
              const o = Object.assign(problem(T, B, dense ? 5 : 7, H, dense, seed += 10), { activation });
              const fused = eng.bptt(false, o), ref = eng.bptt(true, o);
              for (const name of ['h', 'da', 'grads', 'dh0'].concat(dense ? ['dx'] : [])) {
                const d = relDiff(fused[name], ref[name]);
                worst = Math.max(worst, d);
                assert.ok(d <= TWIN_TOL, `${activation} T=${T} B=${B} H=${H} ${dense ? 'dense' : 'tokens'}: ${name} differs by ${d}`);
              }
            }
          }
        }
      }
    }
    console.log(`# ${kind}: max relative difference fused vs reference BPTT ${worst.toExponential(2)}`);
  });

  test(`${kind}: both BPTT twins compute a case worked by hand`, async () => {
    // H = 1, I = 2, T = 2, B = 1, linear g; U = [2, 3], W = 0.5, b = 1, h_{-1} = 4,
    // tokens 1 then 0, dL/dh_t from above 1 then 2:
    // a_0 = 3 + 2 + 1 = 6, a_1 = 2 + 3 + 1 = 6; da_1 = 2, da_0 = 1 + 0.5*2 = 2,
    // dW = 4*2 + 6*2 = 20, db = 4, dU = [2, 2], dL/dh_{-1} = 0.5*2 = 1.
    const eng = await loadEngine(kind);
    const o = { activation: 'linear', T: 2, B: 1, I: 2, H: 1, tokens: [1, 0], params: [2, 3, 0.5, 1], h0: [4], dh: [1, 2] };
    for (const ref of [false, true]) {
      const r = eng.bptt(ref, o);
      assert.deepEqual(Array.from(r.h), [4, 6, 6]);
      assert.deepEqual(Array.from(r.da), [2, 2]);
      assert.deepEqual(Array.from(r.grads), [2, 2, 20, 4]);
      assert.deepEqual(Array.from(r.dh0), [1]);
    }
  });

  test(`${kind}: BPTT hook refuses bad input with a reason`, async () => {
    const eng = await loadEngine(kind);
    const o = { activation: 'tanh', T: 1, B: 1, I: 2, H: 1, tokens: [5], params: [0, 0, 0, 0], h0: [0], dh: [1] };
    assert.throws(() => eng.bptt(true, o), /token 5 at 0 not in \[0, 2\)/);
    assert.throws(() => eng.bptt(true, { ...o, tokens: [0], activation: 'sigmoid' }), /unknown activation/);
    assert.throws(() => eng.bptt(true, { ...o, tokens: [0], params: [0] }), /params must have 4 elements/);
  });
}
