// bench.mjs - `rnn bench`: training chars/s and matmul GFLOP/s of the SIMD
// module, the scalar module and a native build of the same C, measured in one
// run in the order A B C A B C ..., medians reported. A benchmark, not a test.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, range } from './args.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = path.join(ROOT, 'build', 'rnn-native');

// 65 distinct symbols, uniform: throughput does not depend on content
function benchText(n) {
  let s = 12345, out = '';
  for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; out += String.fromCharCode(33 + (s >>> 8) % 65); }
  return out;
}

const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };

function wasmRun(eng, w) {
  const text = benchText(w.batch * (w.seq + 1) * (w.steps + 3) + 1000);
  const m = eng.createCharLM(text, { hidden: w.hidden, batch: w.batch, seq: w.seq, valFraction: 0 });
  try {
    m.train(1); // warm-up
    const t0 = performance.now();
    const r = m.train(w.steps);
    const cps = r.chars / ((performance.now() - t0) / 1000);
    const N = w.matmul, A = new Float32Array(N * N).map((_, i) => (i % 7) * 0.1);
    const iters = 10;
    const gf = eng.scoped((s) => {
      const pa = s.f32(A), pb = s.f32(A), pc = s.alloc(N * N * 4);
      const t1 = performance.now();
      for (let i = 0; i < iters; i++) eng.c.rnn_kernel_run(0, 0, N, N, N, pa, pb, pc, 0);
      return (2 * N * N * N * iters) / ((performance.now() - t1) / 1000) / 1e9;
    });
    return { cps, gf };
  } finally { m.free(); }
}

function ensureNative(io) {
  if (fs.existsSync(NATIVE)) return true;
  const r = spawnSync('make', ['-s', '-C', ROOT, 'native'], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) io.stderr.write(`bench: native build unavailable (make native failed): skipped\n`);
  return r.status === 0;
}

function nativeRun(w) {
  const out = execFileSync(NATIVE, [w.hidden, w.batch, w.seq, w.steps, 1].map(String), { encoding: 'utf8' });
  const j = JSON.parse(out);
  return { cps: j.chars_per_sec, gf: j.gflops };
}

export async function benchMain(argv, io, loadEngine) {
  const o = parseArgs(argv, { json: 'flag', hidden: 'int', batch: 'int', seq: 'int', steps: 'int', reps: 'int', matmul: 'int', 'no-native': 'flag' });
  const w = { hidden: o.hidden ?? 256, batch: o.batch ?? 32, seq: o.seq ?? 64, steps: o.steps ?? 5, reps: o.reps ?? 5, matmul: o.matmul ?? 256 };
  range(w.reps, 1, 50, 'reps'); range(w.steps, 1, 1000, 'steps'); range(w.hidden, 1, 2048, 'hidden');
  const runners = [];
  for (const kind of ['simd', 'scalar']) { const eng = await loadEngine(kind); runners.push({ module: kind, run: () => wasmRun(eng, w) }); }
  if (!o['no-native'] && ensureNative(io)) runners.push({ module: 'native', run: () => nativeRun(w) });
  const res = Object.fromEntries(runners.map((r) => [r.module, { cps: [], gf: [] }]));
  for (let rep = 0; rep < w.reps; rep++) {
    for (const r of runners) { const x = r.run(); res[r.module].cps.push(x.cps); res[r.module].gf.push(x.gf); }
  }
  const rows = runners.map((r) => ({ module: r.module, chars_per_sec: Math.round(median(res[r.module].cps)), gflops: +median(res[r.module].gf).toFixed(2) }));
  if (o.json) { for (const r of rows) io.stdout.write(JSON.stringify(r) + '\n'); return 0; }
  io.stdout.write(`workload: V=65 H=${w.hidden} B=${w.batch} T=${w.seq} Adam, ${w.steps} steps x ${w.reps} reps (medians); matmul ${w.matmul}^3\n`);
  for (const r of rows) io.stdout.write(`${r.module.padEnd(7)} ${String(r.chars_per_sec).padStart(9)} chars/s  ${r.gflops.toFixed(2).padStart(7)} GFLOP/s\n`);
  const by = Object.fromEntries(rows.map((r) => [r.module, r]));
  if (by.simd && by.scalar) io.stdout.write(`simd/scalar  ${(by.simd.chars_per_sec / by.scalar.chars_per_sec).toFixed(2)}x\n`);
  if (by.simd && by.native) io.stdout.write(`simd/native  ${(by.simd.chars_per_sec / by.native.chars_per_sec).toFixed(2)}x\n`);
  return 0;
}
