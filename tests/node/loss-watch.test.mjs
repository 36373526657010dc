// loss-watch.test.mjs - the loss-jump rule shared by the playground's worker
// and `rnn train` (js/loss-watch.js), on made-up curves and on a real run
// forced to jump with a high learning rate (the CLI prints one line).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './helpers.mjs';

const { LossWatch, smooth, JUMP_BITS, WARMUP } = createRequire(import.meta.url)('../../js/loss-watch.js');

function feed(watch, curve) {
  const out = [];
  curve.forEach((bpc, i) => { const r = watch.add(i + 1, 1, bpc, i === 300 ? 9 : 0.5); if (r.jump) out.push(r.jump); });
  return out;
}

test('a falling curve with noise has no jump; a step up of 1 bit/char is one jump, named with the gradient before it', () => {
  const fall = Array.from({ length: 600 }, (_, i) => 4 - 2 * (1 - Math.exp(-i / 150)) + 0.2 * Math.sin(i * 1.7));
  assert.deepEqual(feed(new LossWatch(), fall), []);
  const jumpy = fall.map((x, i) => (i > 300 && i < 450 ? x + 1 : x));
  const w = new LossWatch();
  const jumps = feed(w, jumpy);
  assert.equal(jumps.length, 1);
  const j = jumps[0];
  assert.ok(j.step > 301 && j.step < 400, `step ${j.step}`); // half-life 50: about a half-life late
  assert.ok(j.smoothed - j.best > JUMP_BITS);
  assert.equal(j.gradNorm, 9);     // the spike of gradient at step 301 (index 300)
  assert.equal(j.gradStep, 301);
  assert.ok(w.maxRise > JUMP_BITS);
});

test('the first WARMUP steps are not watched, a NaN is ignored, and the watch re-arms after a recovery', () => {
  const w = new LossWatch();
  const early = Array.from({ length: WARMUP - 1 }, (_, i) => (i === 50 ? 9 : 4));
  assert.deepEqual(feed(w, early), []);
  assert.equal(w.add(WARMUP, 1, NaN, 1).jump, null);
  const w2 = new LossWatch({ warmup: 0 });
  const curve = [...Array(200).fill(2), ...Array(200).fill(4), ...Array(300).fill(2), ...Array(200).fill(4)];
  assert.equal(feed(w2, curve).length, 2);
});

test('smooth: weight-corrected moving average; half-life 0 leaves the points', () => {
  const pts = [[1, 4], [2, 2], [3, 4], [4, 2]];
  assert.deepEqual(smooth(pts, 0), pts);
  const s = smooth(pts, 1);
  assert.equal(s[0][1], 4);             // the first point is itself, not pulled to 0
  assert.ok(Math.abs(s[1][1] - (4 * 0.5 + 2) / 1.5) < 1e-12); // weights 1/2 and 1, normalised
  assert.deepEqual(s.map((p) => p[0]), [1, 2, 3, 4]);
});

test('rnn train prints one line when the loss jumps (a high learning rate without clipping)', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'rnn.mjs'), 'train', '--steps', '1200', '--lr', '0.03',
    '--hidden', '64', '--seq', '32', '--batch', '16', '--clip', '0', '--seed', '1', '--workers', '1'], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => /^loss jump/.test(l));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^loss jump at step \d+: smoothed train loss \d+\.\d{3} bits\/char, best so far \d+\.\d{3}; largest gradient norm before it \d+\.\d{3} \(step \d+\)$/);
  const j = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'rnn.mjs'), 'train', '--steps', '1200', '--lr', '0.03',
    '--hidden', '64', '--seq', '32', '--batch', '16', '--clip', '0', '--seed', '1', '--workers', '1', '--json'], { encoding: 'utf8', timeout: 120000 });
  const events = j.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.event === 'jump');
  assert.equal(events.length, 1);
  assert.deepEqual(Object.keys(events[0]), ['event', 'step', 'smoothed_bpc', 'best_bpc', 'grad_norm', 'grad_step']);
});
