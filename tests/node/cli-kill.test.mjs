// cli-kill.test.mjs - nothing lost (issue 13 §3): `rnn train --out F` and
// `rnn train --resume F --out F` killed with SIGKILL at many points, during the
// training and during the save. After every kill F is exactly the old file or
// a complete new model that loads; never missing, never truncated. The temp
// files a killed save leaves are removed by the next save. Bounded: 28
// kills, well under a minute (35 s on the loaded 2-core machine).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, smallText, loadEngine } from './helpers.mjs';

const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-kill-'));
const f = (name) => path.join(dir, name);
// H=384: a 3.6 MB file (weights and Adam moments), so a save takes long enough to be hit
const BIG = ['--hidden', '384', '--seq', '8', '--batch', '2'];
const TEXT = smallText(20000);
fs.writeFileSync(f('corpus.txt'), TEXT);

function rnn(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Spawns `rnn train ...args`; calls when(event, kill) once per event, and
// when(event, kill) may call kill() (SIGKILL) now or later; events: 'progress' (a progress line on stdout) and 'temp' (the writer's
// temporary file appeared next to F). -> {killed, atTemp: the temp file existed at the kill}
function trainAndKill(args, target, when) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'train', ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const tempPrefix = `.${path.basename(target)}.${child.pid}.`;
    let killed = false, atTemp = false, err = '', trained = false, saving = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      atTemp = fs.readdirSync(dir).some((n) => n.startsWith(tempPrefix));
      child.kill('SIGKILL');
    };
    // checkOut() creates and removes a temp file before training; the one that
    // appears after the first progress line is the save's
    const watcher = fs.watch(dir, (ev, name) => {
      if (!trained || saving || !name || !name.startsWith(tempPrefix)) return;
      saving = true;
      when('temp', kill);
    });
    child.stdout.on('data', (d) => {
      if (trained || !/"event":"progress"/.test(String(d))) return;
      trained = true;
      when('progress', kill);
    });
    child.stderr.on('data', (d) => { err += d; });
    const guard = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no kill point reached: ${err}`)); }, 60000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard); watcher.close();
      resolve({ killed: killed && signal === 'SIGKILL', atTemp, code, err });
    });
  });
}

// F must be the old bytes or a complete model that the engine loads.
async function assertOldOrNew(file, old) {
  assert.ok(fs.existsSync(file), 'F is missing');
  const now = fs.readFileSync(file);
  if (old && now.equals(old)) return 'old';
  const eng = await loadEngine();
  const m = eng.loadCharLM(new Uint8Array(now), TEXT); // throws on a truncated or corrupt file
  const step = m.info.step;
  m.free();
  assert.ok(step > 0);
  return 'new';
}

const later = (fn, ms) => (ms === 0 ? fn() : setTimeout(fn, ms));
const delays = (n, maxMs) => Array.from({ length: n }, (_, i) => Math.round((i * maxMs) / (n - 1)));

test('SIGKILL during training and during the save of --resume F --out F: F is always the old model or a new whole one', async () => {
  const F = f('run.rnn');
  const base = rnn('train', '--data', f('corpus.txt'), ...BIG, '--steps', '1', '--out', F);
  assert.equal(base.code, 0, base.err);
  const seen = { old: 0, new: 0 }, where = { training: 0, save: 0, afterSave: 0 };
  const kills = [];
  // during training: 0-600 ms after the first progress line
  for (const d of delays(10, 600)) kills.push(['progress', d]);
  // during the save (it lasts some 10-100 ms): at once and up to 20 ms after its temp file appeared
  for (const d of [0, 0, 0, 0, ...delays(8, 20)]) kills.push(['temp', d]);
  for (const [point, ms] of kills) {
    const old = fs.readFileSync(F);
    const steps = point === 'progress' ? '1000000' : '3';
    const r = await trainAndKill(['--data', f('corpus.txt'), '--resume', F, '--out', F, '--steps', steps], F,
      (ev, kill) => { if (ev === point) later(kill, ms); });
    if (!r.killed) { assert.equal(r.code, 0, r.err); continue; } // finished before the kill: a normal save
    where[point === 'progress' ? 'training' : r.atTemp ? 'save' : 'afterSave']++;
    seen[await assertOldOrNew(F, old)]++;
  }
  assert.ok(where.training >= 5, `killed during training ${where.training} times`);
  assert.ok(where.save >= 1, `killed with the save's temp file present ${where.save} times`);
  assert.ok(seen.old >= 5, JSON.stringify(seen));
  // the next save removes the temp files the killed saves left
  const left = () => fs.readdirSync(dir).filter((n) => n.startsWith('.run.rnn.'));
  const clean = rnn('train', '--data', f('corpus.txt'), '--resume', F, '--out', F, '--steps', '1');
  assert.equal(clean.code, 0, clean.err);
  assert.deepEqual(left(), []);
  assert.equal(await assertOldOrNew(F, null), 'new');
  console.log(`kills: ${JSON.stringify(where)}, F afterwards: ${JSON.stringify(seen)}`);
});

test('SIGKILL while `train --out F` replaces an existing F (no --resume): F is the old file or a new whole one', async () => {
  const F = f('fresh.rnn');
  fs.copyFileSync(f('run.rnn'), F);
  let sawSave = 0;
  for (const ms of [0, 0, 0, 0, 2, 5]) {
    const old = fs.readFileSync(F);
    const r = await trainAndKill(['--data', f('corpus.txt'), ...BIG, '--steps', '2', '--out', F], F,
      (ev, kill) => { if (ev === 'temp') later(kill, ms); });
    if (!r.killed) { assert.equal(r.code, 0, r.err); continue; }
    if (r.atTemp) sawSave++;
    await assertOldOrNew(F, old);
  }
  assert.ok(sawSave >= 1, `killed during the save ${sawSave} times`);
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
