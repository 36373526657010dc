// bench-workers.mjs - the data-parallel part of `rnn bench`: training chars/s
// of the SIMD engine with N = 1, 2, ... up to the machine's cores (or
// --workers K) on the bench's workload (V=65, H=256, B=32 per worker, T=64
// by default), and the ratio to N = 1. N = 1 is lm.train; N > 1 a team of
// worker_threads replicas (js/node-team.js). The counts take turns in one run
// (1 2 ... 1 2 ...), medians reported; the machine's load average before and
// after goes with the numbers (a shared machine moves them a lot).
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startTeam, defaultWorkers } = require('../../js/node-team.js');

const TARGET_S = 0.4; // a timed sample lasts about this long unless steps is given
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };
const load = () => os.loadavg().map((x) => +x.toFixed(2));

// One trainer per worker count: { workers, train(steps) -> chars/s, stop() }.
async function trainer(eng, w, workers, benchText) {
  const text = benchText(Math.max(workers * w.batch * (w.seq + 1) * 8, 20000));
  const lm = eng.createCharLM(text, { hidden: w.hidden, batch: w.batch, seq: w.seq, valFraction: 0 });
  const team = workers > 1 ? await startTeam(lm, text, workers) : null;
  const step = async (n) => (team ? team.train(n) : lm.train(n));
  return {
    workers,
    async train(steps) {
      const t0 = performance.now();
      const r = await step(steps);
      return r.chars / ((performance.now() - t0) / 1000);
    },
    async stop() { if (team) await team.stop(); lm.free(); },
  };
}

// -> { workload, load_before, load_after, rows: [{ workers, chars_per_sec, ratio }] }
// benchText(n): the bench's text of n characters (bench.mjs)
export async function measureWorkers(eng, w, { reps, steps, maxWorkers, benchText }) {
  const counts = Array.from({ length: maxWorkers }, (_, i) => i + 1);
  const loadBefore = load();
  const trainers = [];
  try {
    for (const n of counts) trainers.push(await trainer(eng, w, n, benchText));
    const per = new Map();
    for (const t of trainers) { // warm-up, then steps per sample
      await t.train(1);
      const cps = await t.train(1);
      per.set(t.workers, steps ?? Math.min(1000, Math.max(1, Math.round((TARGET_S * cps) / (t.workers * w.batch * w.seq)))));
    }
    const samples = new Map(counts.map((n) => [n, []]));
    for (let rep = 0; rep < reps; rep++) {
      for (const t of trainers) {
        await t.train(1); // the count before evicted this one's caches
        samples.get(t.workers).push(await t.train(per.get(t.workers)));
      }
    }
    const one = median(samples.get(1));
    const rows = counts.map((n) => {
      const cps = median(samples.get(n));
      return { workers: n, chars_per_sec: Math.round(cps), ratio: +(cps / one).toFixed(3) };
    });
    return { workload: { V: 65, H: w.hidden, B: w.batch, T: w.seq }, cores: os.cpus().length, load_before: loadBefore, load_after: load(), rows };
  } finally {
    for (const t of trainers) await t.stop();
  }
}

function report(io, r, reps) {
  const { H, B, T } = r.workload;
  io.stdout.write(`data-parallel: V=65 H=${H} B=${B} per worker T=${T}, SIMD engine; medians of ${reps}, counts in turn; ` +
    `load average ${r.load_before[0]} -> ${r.load_after[0]} on ${r.cores} cores\n`);
  io.stdout.write('workers'.padEnd(10) + 'chars/s'.padStart(12) + 'vs 1'.padStart(10) + '\n');
  for (const row of r.rows) io.stdout.write(String(row.workers).padEnd(10) + String(row.chars_per_sec).padStart(12) + `${row.ratio.toFixed(2)}x`.padStart(10) + '\n');
}

// `rnn bench`'s call: measures and prints (one JSON line with --json).
// o: { hidden, batch, seq, reps, steps, workers (the largest count), json, benchText }
export async function benchWorkers(io, loadEngine, o) {
  const eng = await loadEngine('simd');
  const maxWorkers = o.workers ?? defaultWorkers(64);
  const r = await measureWorkers(eng, { hidden: o.hidden, batch: o.batch, seq: o.seq }, { reps: o.reps, steps: o.steps, maxWorkers, benchText: o.benchText });
  if (o.json) io.stdout.write(JSON.stringify({ module: 'simd-workers', ...r }) + '\n');
  else report(io, r, o.reps);
  return r;
}
