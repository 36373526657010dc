// kernels-f64.mjs - the kernels of rnn_kernel_run (src/api.c) in float64
// JavaScript: an independent reference for kernels.test.mjs, so that the
// scalar module (whose entry points ARE the reference twins) is checked
// against numbers computed elsewhere, and the SIMD module against more than
// its own twin. Same arguments as Engine.kernel(name, ref, M, K, N, A, B, C,
// idx); returns the new C as a Float64Array (the inputs are not changed).
const act = {
  tanh: { g: Math.tanh, dg: (h) => 1 - h * h },
  relu: { g: (x) => (x > 0 ? x : 0), dg: (h) => (h > 0 ? 1 : 0) },
  linear: { g: (x) => x, dg: () => 1 },
};

// C[M,N] (+)= op(A) . op(B), with at(i, k) and bt(k, j) reading A and B.
function gemm(C, M, K, N, at, bt, acc) {
  const out = acc ? Float64Array.from(C) : new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += at(i, k) * bt(k, j);
      out[i * N + j] += s;
    }
  }
  return out;
}

export function kernelF64(name, M, K, N, A, B, C, idx) {
  const n = M * N;
  switch (name) {
    case 'matmul': case 'matmul_acc':
      return gemm(C, M, K, N, (i, k) => A[i * K + k], (k, j) => B[k * N + j], name === 'matmul_acc');
    case 'matmul_tn':
      return gemm(C, M, K, N, (i, k) => A[k * M + i], (k, j) => B[k * N + j], true);
    case 'matmul_nt': case 'matmul_nt_acc':
      return gemm(C, M, K, N, (i, k) => A[i * K + k], (k, j) => B[j * K + k], name === 'matmul_nt_acc');
    case 'add_rows': {
      const out = Float64Array.from(C);
      for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) out[i * N + j] += A[idx[i] * N + j];
      return out;
    }
    case 'scatter_add_rows': {
      const out = Float64Array.from(C);
      for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) out[idx[i] * N + j] += A[i * N + j];
      return out;
    }
    case 'add_bias': return Float64Array.from(C, (c, i) => c + A[i % N]);
    case 'sum_rows': {
      const out = Float64Array.from(C);
      for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) out[j] += A[i * N + j];
      return out;
    }
    case 'axpy': return Float64Array.from(C, (c, i) => (i < n ? c + K * A[i] : c));
    case 'softmax': {
      const out = new Float64Array(n);
      for (let r = 0; r < M; r++) {
        const row = Array.from(A.subarray(r * N, r * N + N), (x) => x * K);
        const top = Math.max(...row);
        const e = row.map((x) => Math.exp(x - top)), sum = e.reduce((a, b) => a + b, 0);
        e.forEach((x, j) => { out[r * N + j] = x / sum; });
      }
      return out;
    }
    default: break;
  }
  for (const a of Object.keys(act)) {
    if (name === a) return Float64Array.from({ length: n }, (_, i) => act[a].g(A[i]));
    if (name === `${a}_backward`) return Float64Array.from({ length: n }, (_, i) => A[i] * act[a].dg(B[i]));
    if (name === `rnn_step_${a}`) { // C = g(C + A W): A = hprev [M,N], B = W [N,N]
      const pre = gemm(C, M, N, N, (i, k) => A[i * N + k], (k, j) => B[k * N + j], true);
      return pre.map(act[a].g);
    }
    if (name === `rnn_step_backward_${a}`) { // C = (C + da W^T) * g' via h: A = [da | h], B = W^T
      const s = gemm(C, M, N, N, (i, k) => A[i * N + k], (k, j) => B[k * N + j], true);
      return s.map((v, i) => v * act[a].dg(A[n + i]));
    }
  }
  throw new Error(`kernelF64: unknown kernel ${name}`);
}
