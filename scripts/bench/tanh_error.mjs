#!/usr/bin/env node
// tanh_error.mjs - the error bound of the SIMD module's tanh (a rational
// approximation, src/kernels/kernels_simd.c) and of the scalar twin (libm
// tanhf), against double-precision Math.tanh, on every float32 in
// [2^-14, 10] (tanh is odd and both versions are exactly odd; below 2^-14
// tanh(x) = x to within half an ulp and the SIMD kernel returns x below
// 0.0004). Prints the maximum error in ulps of the true value and absolute.
//   node scripts/bench/tanh_error.mjs [--stride K]   (K > 1 checks every K-th float only)
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { loadEngine } = require('../../js/node-engine.js');

const stride = process.argv.includes('--stride') ? Number(process.argv[process.argv.indexOf('--stride') + 1]) : 1;
const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
const bits = (x) => { f32[0] = x; return u32[0]; };
const ulpOf = (y) => { f32[0] = Math.abs(y); const b = u32[0]; u32[0] = b + 1; const up = f32[0]; u32[0] = b; return up - f32[0]; };

const CHUNK = 1 << 20;
for (const kind of ['simd', 'scalar']) {
  const eng = await loadEngine(kind);
  const pa = eng.c.rnn_alloc(CHUNK * 4), pc = eng.c.rnn_alloc(CHUNK * 4);
  let worstUlp = 0, worstAbs = 0, atU = 0, n = 0;
  const lo = bits(2 ** -14), hi = bits(10);
  for (let b0 = lo; b0 <= hi; b0 += CHUNK * stride) {
    const m = Math.min(CHUNK, Math.floor((hi - b0) / stride) + 1);
    const a = eng.mod.HEAPU32.subarray(pa >> 2, (pa >> 2) + m);
    for (let i = 0; i < m; i++) a[i] = b0 + i * stride;
    eng.check(eng.c.rnn_kernel_run(9, kind === 'scalar' ? 1 : 0, 1, 0, m, pa, 0, pc, 0));
    const x = eng.mod.HEAPF32.subarray(pa >> 2, (pa >> 2) + m), y = eng.mod.HEAPF32.subarray(pc >> 2, (pc >> 2) + m);
    for (let i = 0; i < m; i++) {
      const t = Math.tanh(x[i]), e = Math.abs(y[i] - t);
      if (e > worstAbs) worstAbs = e;
      const u = e / ulpOf(t);
      if (u > worstUlp) { worstUlp = u; atU = x[i]; }
    }
    n += m;
  }
  eng.c.rnn_dealloc(pa); eng.c.rnn_dealloc(pc);
  console.log(`${kind.padEnd(6)} tanh: ${n} floats in [2^-14, 10]: max error ${worstUlp.toFixed(2)} ulp (at x = ${atU}), ${worstAbs.toExponential(2)} absolute`);
}
