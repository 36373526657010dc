// bench.mjs - `rnn bench`: training chars/s and matmul GFLOP/s of the SIMD
// module, the scalar module and a native build of the same C and, with
// --peers, of PyTorch, a numpy min-char-rnn and TF.js's wasm backend, all on
// one workload (V=65, H=256, B=32, T=64, Adam, clip 5, one thread), measured
// in one run in the order A B C ... A B C ..., medians reported. A benchmark,
// not a test: CI only checks that a tiny workload runs.
//
// --peers runs the whole suite (`npm run bench`): the peers, the variants
// H=128 and B=1, matmul at 256, 512 and 1024, sampling 1,000 characters at
// H=256, and the gzipped size of each module (the full ones and the
// playground's char-LM ones, wasm/rnn-lm-*.js). The char-LM SIMD module
// (lm-simd) runs beside the full ones: it must train as fast. Peers that are not installed
// are skipped with a note. --quick keeps the peers but drops the rest of the
// suite (main workload and the first matmul size only). The peers are long-lived child processes
// (scripts/bench/*_peer.*) driven by one JSON line per command, so that the
// interleaving costs no re-import. PyTorch runs twice: at 1 thread ("torch")
// and at --threads N ("torch-Nt"; default: the machine's cores), two peer
// processes in the same run.
//
// The ceiling: every run also measures each WASM module's peak multiply-add
// rate (scripts/bench/ceiling.mjs, src/kernels/peak.h) and the GFLOP/s of each
// GEMM of the main workload's training step, and prints the matmul rows and
// the step's GEMMs as fractions of that peak.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, range, UsageError } from './args.mjs';
import { ceiling, stepGemms, stepGemmFlops } from '../bench/ceiling.mjs';
import { benchWorkers } from './bench-workers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = path.join(ROOT, 'build', 'rnn-native');
const PYTHON = '/usr/bin/python3'; // Debian's: python3-torch and python3-numpy live there, not in a pyenv
const TARGET_S = 0.4; // a timed sample lasts about this long when --steps is not given

// 65 distinct symbols, uniform: throughput does not depend on content
function benchText(n) {
  let s = 12345, out = '';
  for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; out += String.fromCharCode(33 + (s >>> 8) % 65); }
  return out;
}

// the modules whose size the full suite reports, gzip -9 of the file
const MODULES = ['simd', 'scalar', 'lm-simd', 'lm-scalar'];
const gzipBytes = (m) => zlib.gzipSync(fs.readFileSync(path.join(ROOT, 'wasm', `rnn-${m}.js`)), { level: 9 }).length;

const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };
const wkey = (w) => `H${w.hidden}B${w.batch}T${w.seq}`;

// --- the engine's WASM modules, in this process
function wasmRunner(eng, kind) {
  const models = new Map();
  const ceil = eng.blocks.includes('api_peak') ? ceiling(eng) : null; // the char-LM module has no peak kernel
  const model = (w) => {
    const k = wkey(w);
    if (!models.has(k)) {
      const text = benchText(Math.max(w.batch * (w.seq + 1) * 64 + 1000, 20000));
      models.set(k, eng.createCharLM(text, { hidden: w.hidden, batch: w.batch, seq: w.seq, valFraction: 0 }));
    }
    return models.get(k);
  };
  return {
    module: kind,
    async train(w, steps) {
      const m = model(w);
      const t0 = performance.now();
      const r = m.train(steps);
      return r.chars / ((performance.now() - t0) / 1000);
    },
    async matmul(N) {
      const A = new Float32Array(N * N).map((_, i) => (i % 7) * 0.1);
      const iters = Math.max(2, Math.round(3e9 / (2 * N * N * N)));
      return eng.scoped((s) => {
        const pa = s.f32(A), pb = s.f32(A), pc = s.alloc(N * N * 4);
        eng.c.rnn_kernel_run(0, 0, N, N, N, pa, pb, pc, 0); // warm-up
        const t1 = performance.now();
        for (let i = 0; i < iters; i++) eng.c.rnn_kernel_run(0, 0, N, N, N, pa, pb, pc, 0);
        return (2 * N * N * N * iters) / ((performance.now() - t1) / 1000) / 1e9;
      });
    },
    async sample(w) { // ms for 1,000 characters
      const m = model(w);
      const t0 = performance.now();
      m.sample({ length: 1000, temperature: 0.8, seed: 3 });
      return performance.now() - t0;
    },
    peak: ceil && (() => ceil.peak()),
    gemms: (w) => ceil.gemms(w),
    close() { for (const m of models.values()) m.free(); if (ceil) ceil.close(); },
  };
}

// --- the native build: one process per sample (it warms up itself)
function ensureNative(io) {
  if (fs.existsSync(NATIVE)) return true;
  const r = spawnSync('make', ['-s', '-C', ROOT, 'native'], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) io.stderr.write(`bench: native build unavailable (make native failed): skipped\n`);
  return r.status === 0;
}

function nativeRunner() {
  const run = (w, steps) => JSON.parse(execFileSync(NATIVE, [w.hidden, w.batch, w.seq, steps, 1].map(String), { encoding: 'utf8' }));
  return {
    module: 'native',
    async train(w, steps) { return run(w, steps).chars_per_sec; },
    // native_bench.c times k_matmul at 256 only (its matmul result rides along a tiny training run)
    async matmul(N) { return N === 256 ? run({ hidden: 16, batch: 2, seq: 8 }, 1).gflops : null; },
    close() {},
  };
}

// --- a peer: a child process that answers one JSON line per command line
async function peerRunner(io, name, cmd, args, env) {
  let child;
  try {
    child = spawn(cmd, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  } catch (e) {
    io.stderr.write(`bench: ${name} skipped: ${e.message}\n`);
    return null;
  }
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting = [];
  const queued = [];
  lines.on('line', (l) => {
    if (!l.startsWith('{')) return; // a library's banner on stdout is not a reply
    const msg = JSON.parse(l);
    if (waiting.length) waiting.shift().resolve(msg); else queued.push(msg);
  });
  const dead = new Promise((resolve) => {
    child.on('error', (e) => resolve({ ready: false, error: e.message }));
    child.on('exit', (code) => resolve({ ready: false, error: `exited with ${code}${stderr ? ': ' + stderr.trim().split('\n').pop() : ''}` }));
  });
  const next = () => (queued.length ? Promise.resolve(queued.shift()) : Promise.race([new Promise((resolve) => waiting.push({ resolve })), dead]));
  const request = async (o) => {
    child.stdin.write(JSON.stringify(o) + '\n');
    const r = await next();
    if (r.error) throw new Error(`${name}: ${r.error}`);
    return r;
  };
  const hello = await next();
  if (!hello.ready) {
    io.stderr.write(`bench: ${name} skipped: ${hello.error}\n`);
    child.kill();
    return null;
  }
  child.stdin.on('error', () => {});
  return {
    module: name,
    version: hello.version,
    threads: hello.threads,
    async train(w, steps) { return (await request({ cmd: 'train', hidden: w.hidden, batch: w.batch, seq: w.seq, steps })).chars_per_sec; },
    async matmul(N) { return (await request({ cmd: 'matmul', n: N, iters: Math.max(2, Math.round(3e9 / (2 * N * N * N))) })).gflops; },
    close() { try { child.stdin.write('{"cmd":"quit"}\n'); child.stdin.end(); } catch { /* already gone */ } },
  };
}

// threads: PyTorch's second peer runs with that many (skipped when 1)
async function startPeers(io, threads) {
  const env = (n) => ({ OMP_NUM_THREADS: String(n), OPENBLAS_NUM_THREADS: String(n), MKL_NUM_THREADS: String(n) });
  const out = [];
  const py = fs.existsSync(PYTHON);
  if (!py) io.stderr.write(`bench: torch and numpy skipped: ${PYTHON} not found\n`);
  const torch = path.join(ROOT, 'scripts', 'bench', 'torch_peer.py');
  const specs = [
    py && ['torch', PYTHON, [torch], 1],
    py && threads > 1 && [`torch-${threads}t`, PYTHON, [torch, '--threads', String(threads)], threads],
    py && ['numpy', PYTHON, [path.join(ROOT, 'scripts', 'bench', 'numpy_peer.py')], 1],
    ['tfjs-wasm', process.execPath, [path.join(ROOT, 'scripts', 'bench', 'tfjs_peer.mjs')], 1],
  ].filter(Boolean);
  for (const [name, cmd, args, n] of specs) {
    const r = await peerRunner(io, name, cmd, args, env(n));
    if (r) out.push(r);
  }
  return out;
}

function parseSizes(s) {
  const v = String(s).split(',').map((x) => Number(x.trim()));
  if (!v.length || v.some((n) => !Number.isInteger(n) || n < 1 || n > 4096)) throw new UsageError(`--sizes must be a list of integers in [1, 4096], got '${s}'`);
  return v;
}

export async function benchMain(argv, io, loadEngine) {
  const o = parseArgs(argv, { json: 'flag', hidden: 'int', batch: 'int', seq: 'int', steps: 'int', reps: 'int', matmul: 'int',
    sizes: 'string', peers: 'flag', quick: 'flag', variants: 'flag', 'no-native': 'flag', threads: 'int', workers: 'int' });
  const base = { hidden: o.hidden ?? 256, batch: o.batch ?? 32, seq: o.seq ?? 64 };
  const reps = o.reps ?? 5;
  range(reps, 1, 50, 'reps'); range(base.hidden, 1, 2048, 'hidden'); range(base.batch, 1, 1024, 'batch'); range(base.seq, 1, 1024, 'seq');
  if (o.steps !== undefined) range(o.steps, 1, 1000, 'steps');
  const threads = o.threads ?? os.cpus().length;
  range(threads, 1, 256, 'threads');
  if (o.workers !== undefined) range(o.workers, 1, 64, 'workers');
  const full = !!o.peers && !o.quick;
  const sizes = o.sizes ? parseSizes(o.sizes) : o.matmul ? [range(o.matmul, 1, 4096, 'matmul')] : full ? [256, 512, 1024] : [256];
  const workloads = [base];
  if (full || o.variants) workloads.push({ ...base, hidden: 128 }, { ...base, batch: 1 });

  const runners = [];
  try {
    for (const kind of ['simd', 'scalar', 'lm-simd']) runners.push(wasmRunner(await loadEngine(kind), kind));
    if (!o['no-native'] && ensureNative(io)) runners.push(nativeRunner());
    if (o.peers) runners.push(...(await startPeers(io, threads)));

    // Warm-up (V8 tiers WASM up from Liftoff; Python and TF.js first calls)
    // and, unless --steps is given, the number of steps per sample of each
    // module and workload so that a sample lasts about TARGET_S.
    const steps = new Map();
    for (const w of workloads) {
      for (const r of runners) {
        await r.train(w, 1);
        const cps = await r.train(w, 1);
        const n = o.steps ?? Math.min(1000, Math.max(1, Math.round((TARGET_S * cps) / (w.batch * w.seq))));
        steps.set(r.module + wkey(w), n);
      }
    }
    const cps = new Map(), gf = new Map(), smp = new Map(), peak = new Map(), sg = new Map();
    const push = (m, k, v) => { if (v === null || v === undefined) return; if (!m.has(k)) m.set(k, []); m.get(k).push(v); };
    for (let rep = 0; rep < reps; rep++) {
      for (const w of workloads) {
        for (const r of runners) {
          // one untimed step first: the module before it evicted this one's
          // caches (the native binary warms up itself)
          if (r.module !== 'native') await r.train(w, 1);
          push(cps, r.module + wkey(w), await r.train(w, steps.get(r.module + wkey(w))));
        }
      }
      for (const N of sizes) for (const r of runners) push(gf, r.module + N, await r.matmul(N));
      for (const r of runners) {
        if (!r.peak) continue;
        push(peak, r.module, r.peak());
        r.gemms(base).forEach((g, i) => push(sg, r.module + i, g));
      }
      if (full) for (const r of runners) if (r.sample) push(smp, r.module, await r.sample({ ...base, hidden: 256, batch: 32, seq: 64 }));
    }

    const med = (m, k) => (m.has(k) ? median(m.get(k)) : null);
    const rows = runners.map((r) => {
      const row = { module: r.module, chars_per_sec: Math.round(med(cps, r.module + wkey(base))), gflops: med(gf, r.module + sizes[0]) };
      row.chars_per_sec_best = Math.round(Math.max(...cps.get(r.module + wkey(base)))); // the spread on a busy machine
      if (row.gflops !== null) row.gflops = +row.gflops.toFixed(2);
      if (r.version) row.version = r.version;
      row.threads = r.threads ?? 1;
      if (peak.has(r.module)) Object.assign(row, ceilingRow(r.module, base, sizes, peak, sg, gf, row.chars_per_sec, med));
      if (workloads.length > 1) for (const w of workloads.slice(1)) row[`chars_per_sec_${wkey(w)}`] = Math.round(med(cps, r.module + wkey(w)));
      if (sizes.length > 1) row.gflops_by_size = Object.fromEntries(sizes.map((N) => [N, med(gf, r.module + N) === null ? null : +med(gf, r.module + N).toFixed(2)]));
      if (smp.has(r.module)) row.sample_1000_ms = +med(smp, r.module).toFixed(2);
      return row;
    });
    for (const m of full ? MODULES : []) {
      const row = rows.find((r) => r.module === m);
      if (row) row.gzip_bytes = gzipBytes(m); else rows.push({ module: m, gzip_bytes: gzipBytes(m) });
    }
    if (o.json) for (const r of rows) io.stdout.write(JSON.stringify(r) + '\n');
    else { report(io, rows, workloads, sizes, reps, runners.map((r) => r.module)); reportCeiling(io, rows, base, sizes); }
    // chars/s with 1, 2, ... data-parallel workers (bench-workers.mjs)
    await benchWorkers(io, loadEngine, { ...base, reps, steps: o.steps, workers: o.workers, json: !!o.json, benchText });
    return 0;
  } finally {
    for (const r of runners) r.close();
  }
}

// A WASM module's ceiling fields: its peak, the matmul sizes and each GEMM of
// the main workload's step as fractions of it, and the step's GEMM FLOPs at
// the measured chars/s (what the whole step delivers, everything included).
function ceilingRow(module, w, sizes, peak, sg, gf, charsPerSec, med) {
  const p = med(peak, module);
  const frac = (x) => (x === null ? null : +(x / p).toFixed(3));
  const gemms = stepGemms(w).map((g, i) => {
    const gflops = med(sg, module + i);
    return { name: g.name, kernel: g.kernel, M: g.M, K: g.K, N: g.N, calls: g.calls, gflops: +gflops.toFixed(2), fraction: frac(gflops) };
  });
  const flops = stepGemmFlops(w);
  const seconds = stepGemms(w).reduce((s, g, i) => s + (g.flops * g.calls) / (gemms[i].gflops * 1e9), 0);
  const stepRate = (charsPerSec / (w.batch * w.seq)) * flops / 1e9;
  return {
    peak_gflops: +p.toFixed(2),
    peak_fraction_by_size: Object.fromEntries(sizes.map((N) => [N, frac(med(gf, module + N))])),
    step_gemms: gemms,
    step_gemm_gflops: +(flops / seconds / 1e9).toFixed(2), // all the step's GEMMs, each timed alone
    step_gemm_fraction: frac(flops / seconds / 1e9),
    step_effective_gflops: +stepRate.toFixed(2), // the step's GEMM FLOPs / the whole step's time
    step_effective_fraction: frac(stepRate),
  };
}

function reportCeiling(io, rows, w, sizes) {
  const pct = (f) => (f === null || f === undefined ? '-' : `${(100 * f).toFixed(0)}%`);
  for (const r of rows) {
    if (r.peak_gflops === undefined) continue;
    const lanes = r.module === 'simd' ? 'f32x4.mul then f32x4.add (baseline SIMD128 has no FMA)' : 'f32.mul then f32.add';
    io.stdout.write(`ceiling, ${r.module}: peak ${r.peak_gflops.toFixed(1)} GFLOP/s: independent chains of ${lanes}, registers only, 2 FLOPs per lane per mul+add\n`);
    io.stdout.write(`  matmul as a fraction of peak: ${sizes.map((N) => `${N} ${pct(r.peak_fraction_by_size[N])}`).join(', ')}\n`);
    io.stdout.write(`  GEMMs of a training step (V=65 H=${w.hidden} B=${w.batch} T=${w.seq}), each timed alone:\n`);
    for (const g of r.step_gemms) {
      io.stdout.write(`    ${g.name.padEnd(34)} (${g.M},${g.K},${g.N}) x${String(g.calls).padEnd(3)} ${g.gflops.toFixed(1).padStart(6)} GFLOP/s ${pct(g.fraction).padStart(4)}\n`);
    }
    io.stdout.write(`    all of them, ${(stepGemmFlops(w) / 1e6).toFixed(1)} MFLOP per step: ${r.step_gemm_gflops.toFixed(1)} GFLOP/s ${pct(r.step_gemm_fraction)}; ` +
      `in the whole step (${r.chars_per_sec} chars/s): ${r.step_effective_gflops.toFixed(1)} GFLOP/s ${pct(r.step_effective_fraction)}\n`);
    if (r.module === 'simd') {
      const f = [...sizes.map((N) => r.peak_fraction_by_size[N]), r.step_gemm_fraction].filter((x) => x !== null);
      const low = Math.min(...f);
      io.stdout.write(`  target GEMM >= 85% of peak: ${low >= 0.85 ? 'met' : `missed, lowest ${pct(low)} (${(100 * (0.85 - low)).toFixed(0)} points short)`}\n`);
    }
  }
}

function report(io, rows, workloads, sizes, reps, order) {
  const [b] = workloads;
  const fmt = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '-' : d ? x.toFixed(d) : String(x));
  io.stdout.write(`workload: V=65 H=${b.hidden} B=${b.batch} T=${b.seq} Adam, clip 5, one thread (torch-Nt: N threads); medians of ${reps}, order ${order.join(' ')} repeated\n`);
  const cols = workloads.map((w) => `${wkey(w)} ch/s`);
  const head = 'module'.padEnd(10) + cols.map((c) => c.padStart(16)).join('') + sizes.map((N) => `mm${N} GF/s`.padStart(13)).join('');
  io.stdout.write(head + '\n');
  for (const r of rows) {
    if (r.chars_per_sec === undefined) continue; // a module's size only
    const c = workloads.map((w, i) => fmt(i === 0 ? r.chars_per_sec : r[`chars_per_sec_${wkey(w)}`]).padStart(16)).join('');
    const g = sizes.map((N) => fmt(sizes.length > 1 ? r.gflops_by_size[N] : r.gflops, 2).padStart(13)).join('');
    io.stdout.write(r.module.padEnd(10) + c + g + '\n');
  }
  const by = Object.fromEntries(rows.map((r) => [r.module, r]));
  const ratio = (a, c, key) => {
    if (!by[a] || !by[c]) return;
    const parts = workloads.map((w, i) => {
      const k = i === 0 ? 'chars_per_sec' : `chars_per_sec_${wkey(w)}`;
      return `${wkey(w)} ${(by[a][k] / by[c][k]).toFixed(2)}x`;
    });
    io.stdout.write(`${(a + '/' + c).padEnd(16)} chars/s ${parts.join(', ')}${key ? key : ''}\n`);
  };
  for (const peer of ['lm-simd', 'scalar', 'native', 'torch', ...rows.filter((r) => r.threads > 1).map((r) => r.module), 'numpy', 'tfjs-wasm']) {
    let mm = '';
    if (by.simd && by[peer] && sizes.length > 1 && by[peer].gflops_by_size) {
      mm = '; matmul ' + sizes.map((N) => (by[peer].gflops_by_size[N] ? `${N} ${(by.simd.gflops_by_size[N] / by[peer].gflops_by_size[N]).toFixed(2)}x` : `${N} -`)).join(', ');
    } else if (by.simd && by[peer] && by[peer].gflops) mm = `; matmul ${sizes[0]} ${(by.simd.gflops / by[peer].gflops).toFixed(2)}x`;
    ratio('simd', peer, mm);
  }
  for (const r of rows) if (r.sample_1000_ms !== undefined) io.stdout.write(`sampling 1,000 chars at H=256, ${r.module}: ${r.sample_1000_ms.toFixed(1)} ms\n`);
  for (const r of rows) {
    if (r.gzip_bytes) io.stdout.write(`wasm/rnn-${r.module}.js gzipped: ${(r.gzip_bytes / 1024).toFixed(1)} KB${r.module.startsWith('lm-') ? ' (the playground loads it; target 64 KB)' : ''}\n`);
  }
}
