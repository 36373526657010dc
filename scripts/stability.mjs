#!/usr/bin/env node
// stability.mjs - `npm run stability`: the playground's default settings for
// its first minute (tests/node/stability-run.mjs) over 10 seeds; one line per
// seed, then the verdict against the test's thresholds. Exit 1 on a failure.
//   node scripts/stability.mjs [seeds] [--workers N]   (N data-parallel workers at the rate eng.workersLr gives)
import { runDefault, MAX_RISE_BITS, FINAL_MAX_BITS, STEPS } from '../tests/node/stability-run.mjs';

const argv = process.argv.slice(2);
const wi = argv.indexOf('--workers');
const workers = wi >= 0 ? Number(argv.splice(wi, 2)[1]) : 1;
if (!Number.isInteger(workers) || workers < 1 || workers > 64) { console.error('stability: --workers must be an integer in [1, 64]'); process.exit(2); }
const seeds = Number(argv[0]) || 10;
let bad = 0;
for (let seed = 1; seed <= seeds; seed++) {
  const r = await runDefault(seed, STEPS, 'auto', workers);
  const ok = r.jumps.length === 0 && r.maxRise < MAX_RISE_BITS && r.final < FINAL_MAX_BITS;
  if (!ok) bad++;
  console.log(JSON.stringify({ seed, steps: STEPS, workers, lr: +r.lr.toPrecision(6), final_bpc: +r.final.toFixed(4), max_rise_bpc: +r.maxRise.toFixed(4),
    jumps: r.jumps.length, seconds: +r.seconds.toFixed(1), ok, sample: r.sample }));
}
console.log(`${seeds - bad}/${seeds} seeds: no jump, rise < ${MAX_RISE_BITS}, final < ${FINAL_MAX_BITS} bits/char`);
process.exit(bad ? 1 : 0);
