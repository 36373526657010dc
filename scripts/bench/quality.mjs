#!/usr/bin/env node
// quality.mjs - time to quality: the engine trains a char LM on Tiny
// Shakespeare (../shared/data/tinyshakespeare.txt, read in place, never
// copied; first 90% train, last 10% validation) for a fixed budget of
// training seconds (default 60) with the `rnn train` defaults (H=160, B=32,
// T=64, Adam, clip 5) on one core or, with --workers N, data-parallel over N
// worker_threads (js/node-team.js; B per worker, lr as `rnn train` picks it
// for N unless --lr is given), and prints the validation bits per char at
// checkpoints. Validation time is not counted in the budget.
// scripts/bench/torch_quality.py is the same run in PyTorch; run them one
// after the other, not at the same time.
//   node scripts/bench/quality.mjs [--seconds 60] [--engine simd|scalar] [--json] [--data FILE]
//     [--workers 1] [--hidden 160 --batch 32 --seq 64 --lr 0.003] [--steps S] [--decay]
// --decay: the learning rate held for half the budget, then down to a tenth
// at its end (js/lr-decay.js, as `rnn train --decay`).
// --steps S: a budget of S optimiser steps instead of seconds (checkpoints at
// S/4, S/2, 3S/4, S): on a loaded machine this compares learning rates at an
// equal amount of work, whatever the load did to the throughput.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { loadEngine } = require(path.join(ROOT, 'js', 'node-engine.js'));
const { startTeam } = require(path.join(ROOT, 'js', 'node-team.js'));

const o = { seconds: 60, engine: 'simd', workers: 1, json: false, data: path.resolve(ROOT, '..', 'shared', 'data', 'tinyshakespeare.txt') };
const model = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].replace(/^--/, '');
  if (k === 'json') o.json = true;
  else if (k === 'decay') o.decay = true;
  else if (['seconds', 'workers', 'steps'].includes(k)) o[k] = Number(argv[++i]);
  else if (['engine', 'data'].includes(k)) o[k] = argv[++i];
  else if (['hidden', 'batch', 'seq', 'lr'].includes(k)) model[k] = Number(argv[++i]);
  else { console.error(`quality: unknown option ${argv[i]}`); process.exit(2); }
}
if (!fs.existsSync(o.data)) { console.error(`quality: ${o.data} not found`); process.exit(1); }

const eng = await loadEngine(o.engine);
const text = fs.readFileSync(o.data, 'utf8');
if (!Number.isInteger(o.workers) || o.workers < 1) { console.error('quality: --workers must be a positive integer'); process.exit(2); }
if (model.lr === undefined) model.lr = eng.workersLr(eng.contract.charlm.params.lr.default, o.workers);
const m = eng.createCharLM(text, { ...model, valFraction: 0.1, seed: 1 });
const team = o.workers > 1 ? await startTeam(m, text, o.workers) : null;
const { decayedLr } = require(path.join(ROOT, 'js', 'lr-decay.js'));
const lr0 = m.info.lr;
// --decay: the rate held for half the budget, then down to a tenth (js/lr-decay.js)
const train = async (n, fraction) => {
  const lr = o.decay ? decayedLr(lr0, fraction) : undefined;
  if (team) return team.train(n, lr);
  if (lr !== undefined) m.setLr(lr);
  return m.train(n);
};
const info = m.info;
const NB = o.workers * info.B; // the effective batch: characters per step are NB x T
const checkpoints = [0.25, 0.5, 0.75, 1].map((f) => f * (o.steps || o.seconds));
const out = { module: `engine-${eng.kind}`, workers: o.workers, H: info.H, B: info.B, T: info.T, lr: +info.lr.toPrecision(6), train_chars: info.trainChars, val_chars: info.valChars, points: [] };
let trained = 0, steps = 0, chunk = 2;
for (const cp of checkpoints) {
  while ((o.steps ? steps : trained) < cp) {
    if (o.steps) chunk = Math.min(chunk, cp - steps);
    const t0 = performance.now();
    const r = await train(chunk, o.steps ? steps / o.steps : trained / o.seconds);
    const dt = (performance.now() - t0) / 1000;
    trained += dt;
    steps += chunk;
    if (!r.ok) throw new Error('training diverged (non-finite loss)');
    chunk = Math.max(1, Math.min(50, Math.round((0.25 * chunk) / dt))); // ~0.25 s chunks
  }
  const bpc = m.validate();
  out.points.push({ seconds: +trained.toFixed(2), steps, chars: steps * NB * info.T, val_bpc: +bpc.toFixed(4) });
  if (!o.json) console.log(`${out.module}: ${trained.toFixed(1)} s, ${steps} steps (${(steps * NB * info.T / trained).toFixed(0)} chars/s): validation ${bpc.toFixed(3)} bpc`);
}
out.val_bpc = out.points[out.points.length - 1].val_bpc;
out.chars_per_sec = Math.round((steps * NB * info.T) / trained);
if (o.json) console.log(JSON.stringify(out));
if (team) await team.stop();
m.free();
