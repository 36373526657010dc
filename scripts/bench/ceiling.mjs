// ceiling.mjs - what `rnn bench` compares the engine's GEMMs with: the
// module's peak multiply-add rate (Engine.peak, src/kernels/peak.h: 12
// independent f32x4 mul+add chains on registers; baseline SIMD128 has no FMA,
// so a multiply-add is f32x4.mul then f32x4.add, 2 FLOPs per lane) and the
// GFLOP/s of every GEMM of one char-LM training step (V=65, H, B, T), each
// shape timed through rnn_kernel_run with the kernel the step runs.

// The GEMMs of a step: [name, kernel (contract.enums.kernel), M, K, N, calls
// per step]. FLOPs per call are 2*M*K*N, except the fused recurrence steps
// (M = B, N = H; their K is unused): 2*B*H*H, and they include the activation
// (tanh forward, tanh' backward), which runs inside the same kernel.
export function stepGemms({ hidden: H, batch: B, seq: T }, V = 65) {
  const TB = T * B;
  return [
    { name: 'fwd  a_t += h_{t-1} W, tanh', kernel: 'rnn_step_tanh', M: B, K: H, N: H, calls: T },
    { name: 'out  y = h Wy', kernel: 'matmul_acc', M: TB, K: H, N: V, calls: 1 },
    { name: 'out  dWy += h^T dy', kernel: 'matmul_tn', M: H, K: TB, N: V, calls: 1 },
    { name: 'out  dh = dy Wy^T', kernel: 'matmul_acc', M: TB, K: V, N: H, calls: 1 },
    { name: 'bptt dh_{t-1} += da_t W^T, tanh\'', kernel: 'rnn_step_backward_tanh', M: B, K: H, N: H, calls: T - 1 },
    { name: 'dW += h^T da', kernel: 'matmul_tn', M: H, K: TB, N: H, calls: 1 },
  ].map((g) => ({ ...g, flops: 2 * g.M * g.K * g.N }));
}

// GEMM FLOPs of one training step
export const stepGemmFlops = (w) => stepGemms(w).reduce((s, g) => s + g.flops * g.calls, 0);

// Runs fn (which does `work` units per call) until a sample lasts about
// `seconds`; returns units per second of the last sample.
function rate(fn, work, seconds) {
  for (let n = 1; ; n *= 2) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    const dt = (performance.now() - t0) / 1000;
    if (dt >= seconds || n >= 1 << 20) return (work * n) / dt;
  }
}

// A measurer bound to one engine: peak() -> GFLOP/s; gemms(w) -> GFLOP/s of
// each of stepGemms(w), in order. Buffers are filled once with small values;
// repeated += keeps them finite (the step kernels' tanh bounds their output).
export function ceiling(eng) {
  let peakReps = 0;
  const bufs = new Map();
  const buffers = (w) => {
    const k = `${w.hidden},${w.batch},${w.seq}`;
    if (!bufs.has(k)) {
      const n = Math.max(...stepGemms(w).flatMap((g) => [g.M * g.K, g.K * g.N, g.M * g.N, 2 * g.M * g.N])) + 16;
      const ptrs = [0, 1, 2].map(() => eng.c.rnn_alloc(4 * n));
      if (ptrs.some((p) => !p)) throw new Error('bench: out of engine memory for the GEMM buffers');
      for (const p of ptrs) {
        const f = eng.f32(p, n);
        for (let i = 0; i < n; i++) f[i] = (((i * 2654435761) >>> 0) / 2 ** 32 - 0.5) * 0.5;
      }
      bufs.set(k, ptrs);
    }
    return bufs.get(k);
  };
  return {
    peak(seconds = 0.3) {
      if (!peakReps) { // V8 runs the first calls in Liftoff, then tiers up: warm up, then size a sample
        for (let i = 0; i < 6; i++) eng.peak(200000);
        const r = eng.peak(200000);
        peakReps = Math.max(1, Math.min(eng.contract.limits.peakReps, Math.round((200000 * seconds) / Math.max(r.seconds, 1e-4))));
      }
      return eng.peak(peakReps).gflops;
    },
    gemms(w, seconds = 0.03) {
      const [pa, pb, pc] = buffers(w);
      return stepGemms(w).map((g) => {
        const which = eng.contract.enums.kernel.indexOf(g.kernel);
        const run = () => eng.check(eng.c.rnn_kernel_run(which, 0, g.M, g.K, g.N, pa, pb, pc, 0));
        run();
        return rate(run, g.flops, seconds) / 1e9;
      });
    },
    close() { for (const ptrs of bufs.values()) for (const p of ptrs) eng.c.rnn_dealloc(p); bufs.clear(); },
  };
}
