// stability-run.mjs - trains the playground's default settings (the engine's
// `live` preset on the page's default text, Tiny Shakespeare from
// web/data/tinyshakespeare.js) for the page's first minute and watches the
// smoothed training loss with the rule the page and the CLI use
// (js/loss-watch.js). Used by tests/node/stability.test.mjs (2 seeds) and
// scripts/stability.mjs (`npm run stability`: 10 seeds). workers > 1: the same
// over that many data-parallel workers (js/node-team.js) at the rate the
// defaults take for them (eng.workersLr), as the page's "cores" setting does.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadEngine, ROOT } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { LossWatch } = require('../../js/loss-watch.js');
const { startTeam } = require('../../js/node-team.js');

// ~60 s on a student laptop: 3,000 steps x B 32 x T 64 = 6.1 M characters at
// ~100 k chars/s (the page's worker on this project's 2-core machine trains
// 90-120 k chars/s with H 128; docs/web.md)
export const STEPS = 3000;
// the smoothed training loss (half-life 50 steps) never rises more than this
// above its best so far (after the first 100 steps) ...
export const MAX_RISE_BITS = 0.25;
// ... and ends below this (the unigram entropy is 3.3 bits/char, the
// Kneser-Ney 5-gram on the validation text ~2.3)
export const FINAL_MAX_BITS = 2.5;

// the text of web/data/tinyshakespeare.js (a classic script: one JSON string)
export function defaultText() {
  const src = fs.readFileSync(path.join(ROOT, 'web', 'data', 'tinyshakespeare.js'), 'utf8');
  const start = src.indexOf('"'), end = src.lastIndexOf('"');
  return JSON.parse(src.slice(start, end + 1));
}

export async function runDefault(seed, steps = STEPS, kind = 'auto', workers = 1) {
  const eng = await loadEngine(kind);
  const live = eng.contract.charlm.presets.live;
  const text = defaultText();
  const model = eng.createCharLM(text, Object.assign({}, live, { seed, lr: eng.workersLr(live.lr, workers) }));
  const team = workers > 1 ? await startTeam(model, text, workers) : null;
  const watch = new LossWatch();
  const jumps = [];
  const t0 = performance.now();
  try {
    for (let done = 0; done < steps;) {
      const n = Math.min(10, steps - done);
      const r = team ? await team.train(n) : model.train(n);
      if (!r.ok) throw new Error(`seed ${seed}: NaN/Inf at step ${r.step}`);
      done += n;
      const w = watch.add(r.step, n, r.bpc, r.gradNorm);
      if (w.jump) jumps.push(w.jump);
    }
    return { seed, steps, workers, lr: model.info.lr, final: watch.smoothed, maxRise: watch.maxRise, jumps, seconds: (performance.now() - t0) / 1000,
      sample: model.sample({ length: 120, seed: 1 }).text };
  } finally {
    if (team) await team.stop();
    model.free();
  }
}
