#!/usr/bin/env node
// profile.mjs - where one training step's time goes in WASM: every kernel
// shape of a char-LM step (V=65, H=256, B=32, T=64 by default) timed in
// isolation through rnn_kernel_run, after a warm-up (V8 compiles the module
// with Liftoff first and tiers up to TurboFan in the background), times the
// number of calls per step. Several modules are measured interleaved
// (A B A B ...) and medians are reported, so their ratios come from one run.
//   node scripts/bench/profile.mjs [--hidden 256] [--batch 32] [--seq 64] [--reps 7] [--stat median|min] [module.js ...]
// --stat min (the fastest sample) is steadier than the median on a busy machine.
// With no module arguments it profiles wasm/rnn-simd.js and wasm/rnn-scalar.js.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RnnEngine = require(path.join(ROOT, 'js', 'engine.js'));

const args = process.argv.slice(2);
const opt = { hidden: 256, batch: 32, seq: 64, reps: 7, stat: 'median' };
const files = [];
for (let i = 0; i < args.length; i++) {
  const m = /^--(hidden|batch|seq|reps|stat)$/.exec(args[i]);
  if (m) opt[m[1]] = m[1] === 'stat' ? args[++i] : Number(args[++i]);
  else files.push(path.resolve(args[i]));
}
if (!files.length) files.push(path.join(ROOT, 'wasm', 'rnn-simd.js'), path.join(ROOT, 'wasm', 'rnn-scalar.js'));

const { hidden: H, batch: B, seq: T } = opt, V = 65, TB = T * B;
// [name, kernel id (src/api.c), M, K, N, calls per step, a flop count per call or 0]
const SHAPES = [
  ['fwd recurrence  h W      (B,H,H) +=', 1, B, H, H, T, 2 * B * H * H],
  ['fwd tanh                 B*H', 9, 1, 0, B * H, T, 0],
  ['fwd gather U[x]          (TB,H)', 5, TB, 0, H, 1, 0],
  ['out fwd  h Wy            (TB,H,V) +=', 1, TB, H, V, 1, 2 * TB * H * V],
  ['softmax                  (TB,V)', 15, TB, 1, V, 1, 0],
  ['out bwd  dWy += h^T dy   (H,TB,V)', 2, H, TB, V, 1, 2 * TB * H * V],
  ['out bwd  dh = dy Wy^T    (TB,V,H)', 0, TB, V, H, 1, 2 * TB * H * V],
  ['out bwd  dby             (TB,V)', 8, TB, 0, V, 1, 0],
  ['bptt axpy dh += dh_next  B*H', 16, 1, 1, B * H, T, 0],
  ['bptt tanh backward       B*H', 12, 1, 0, B * H, T, 0],
  ['bptt dh_next = da W^T    (B,H,H)', 0, B, H, H, T, 2 * B * H * H],
  ['dW += h^T da             (H,TB,H)', 2, H, TB, H, 1, 2 * TB * H * H],
  ['db                       (TB,H)', 8, TB, 0, H, 1, 0],
  ['dU scatter               (TB,H)', 6, TB, 0, H, 1, 0],
];

async function load(file) { return RnnEngine.create(require(file)); }

const median = (a) => { const b = [...a].sort((x, y) => x - y); return opt.stat === 'min' ? b[0] : b[Math.floor(b.length / 2)]; };

function setup(eng) {
  const s = new (class { constructor() { this.p = []; } alloc(n) { const p = eng.c.rnn_alloc(n); this.p.push(p); return p; } })();
  const maxN = Math.max(TB * H, H * H, TB * V) + 16;
  const bufs = [0, 1, 2].map(() => s.alloc(maxN * 4));
  const idx = s.alloc(TB * 4);
  const f = eng.mod.HEAPF32;
  for (const p of bufs) for (let i = 0; i < maxN; i++) f[(p >> 2) + i] = (((i * 2654435761) >>> 0) / 2 ** 32 - 0.5) * 0.5;
  const ix = eng.mod.HEAP32;
  for (let i = 0; i < TB; i++) ix[(idx >> 2) + i] = (i * 31) % V;
  return { bufs, idx };
}

// seconds per call of one shape, after warm-up; repeats so that a sample lasts >= ~20 ms
function timeShape(eng, b, sh) {
  const [, which, M, K, N] = sh;
  const [pa, pb, pc] = b.bufs;
  const run = () => eng.c.rnn_kernel_run(which, 0, M, K, N, pa, pb, pc, b.idx);
  // the element-wise kernels would blow up under repeated +=: re-seed C is not
  // needed for timing, values stay finite for tanh/axpy with these magnitudes
  let n = 1;
  for (;;) { const t0 = performance.now(); for (let i = 0; i < n; i++) run(); const dt = performance.now() - t0; if (dt > 20) return dt / 1000 / n; n *= 2; }
}

const engines = [];
for (const f of files) engines.push({ file: path.relative(ROOT, f), eng: await load(f) });
for (const e of engines) { e.b = setup(e.eng); for (const sh of SHAPES) for (let i = 0; i < 3; i++) timeShape(e.eng, e.b, sh); } // warm-up
const res = engines.map(() => SHAPES.map(() => []));
const stepT = engines.map(() => []);
const text = (() => { let s = 1, o = ''; for (let i = 0; i < B * (T + 1) * 40; i++) { s = (s * 1103515245 + 12345) >>> 0; o += String.fromCharCode(33 + (s >>> 8) % 65); } return o; })();
const models = engines.map((e) => { const m = e.eng.createCharLM(text, { hidden: H, batch: B, seq: T, valFraction: 0 }); m.train(3); return m; });
for (let r = 0; r < opt.reps; r++) {
  engines.forEach((e, k) => {
    SHAPES.forEach((sh, j) => res[k][j].push(timeShape(e.eng, e.b, sh)));
    const t0 = performance.now(); models[k].train(4); stepT[k].push((performance.now() - t0) / 4 / 1000);
  });
}
console.log(`V=${V} H=${H} B=${B} T=${T}: ms per training step spent in each kernel shape (calls x time), ${opt.stat === 'min' ? 'fastest' : 'medians'} of ${opt.reps}, interleaved`);
console.log('shape'.padEnd(40) + engines.map((e) => path.basename(e.file).padStart(22)).join(''));
const sums = engines.map(() => 0);
SHAPES.forEach((sh, j) => {
  let line = sh[0].padEnd(40);
  engines.forEach((e, k) => {
    const t = median(res[k][j]), ms = t * sh[5] * 1000;
    sums[k] += ms;
    line += (ms.toFixed(2) + ' ms' + (sh[6] ? ` ${(sh[6] / t / 1e9).toFixed(1).padStart(5)}GF` : '        ')).padStart(22);
  });
  console.log(line);
});
console.log('sum of kernels'.padEnd(40) + sums.map((s) => (s.toFixed(2) + ' ms        ').padStart(22)).join(''));
console.log('whole training step'.padEnd(40) + stepT.map((a) => ((median(a) * 1000).toFixed(2) + ' ms        ').padStart(22)).join(''));
console.log('chars/s'.padEnd(40) + stepT.map((a) => (Math.round(TB / median(a)) + '           ').padStart(22)).join(''));
for (const m of models) m.free();
