// cli-workers.test.mjs - `rnn train --workers N` (data-parallel over
// worker_threads, js/node-team.js): 2 workers save a version-2 file that
// repeats byte for byte with one seed and equals a library team of 2; resuming
// with another N says that the streams restart; bad counts are usage errors; a
// text too short for N falls back with one line; Ctrl-C with 2 workers still
// saves a file that loads. Small models, so the file runs in seconds.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, smallText, loadEngine } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { startTeam } = require('../../js/node-team.js');

const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-workers-'));
const f = (name) => path.join(dir, name);
const TEXT = smallText(20000);
const SMALL = ['--hidden', '16', '--seq', '16', '--batch', '4', '--seed', '5'];
fs.writeFileSync(f('corpus.txt'), TEXT);

function rnn(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const events = (out) => out.trim().split('\n').map((l) => JSON.parse(l));

test('--workers 2 saves a version-2 file; two runs with one seed give the same bytes, equal to a library team of 2', async () => {
  const a = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '12', '--workers', '2', '--out', f('a.rnn'), '--json');
  assert.equal(a.code, 0, a.err);
  const b = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '12', '--workers', '2', '--out', f('b.rnn'));
  assert.equal(b.code, 0, b.err);
  const bytes = fs.readFileSync(f('a.rnn'));
  assert.equal(bytes[4], 2, 'file version 2');
  assert.ok(bytes.equals(fs.readFileSync(f('b.rnn'))), 'two runs differ');

  const ev = events(a.out);
  const eng = await loadEngine();
  const lr = eng.workersLr(eng.contract.charlm.params.lr.default, 2);
  assert.equal(ev[0].event, 'start');
  assert.equal(ev[0].workers, 2);
  assert.equal(ev[0].effective_batch, 8);
  assert.equal(ev[0].lr, +lr.toPrecision(6), 'no --lr: the defaults\' rate for 2 workers');
  const done = ev.find((e) => e.event === 'done');
  assert.equal(done.workers, 2);
  assert.equal(done.step, 12);
  for (const e of ev.filter((x) => x.event === 'progress')) assert.equal(e.effective_batch, 8);
  assert.match(b.err, /2 workers, effective batch 2 x 4 = 8, lr 0\.006;/);

  const lm = eng.createCharLM(TEXT, { hidden: 16, seq: 16, batch: 4, seed: 5, lr });
  const team = await startTeam(lm, TEXT, 2);
  await team.train(12);
  assert.ok(Buffer.from(await team.save()).equals(bytes), 'the CLI and a library team of 2 differ');
  await team.stop();
  const back = eng.loadCharLM(new Uint8Array(bytes), TEXT);
  assert.equal(back.info.workers, 2);
  assert.equal(back.info.step, 12);
  [lm, back].forEach((m) => m.free());
});

test('--workers 1 is lm.train bit for bit, at the one-worker default rate', async () => {
  const r = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '9', '--workers', '1', '--out', f('one.rnn'));
  assert.equal(r.code, 0, r.err);
  const eng = await loadEngine();
  const lm = eng.createCharLM(TEXT, { hidden: 16, seq: 16, batch: 4, seed: 5 });
  lm.train(9);
  const bytes = fs.readFileSync(f('one.rnn'));
  assert.equal(bytes[4], 1);
  assert.ok(Buffer.from(lm.save()).equals(bytes));
  lm.free();
});

test('--resume with another worker count continues and says, in one line, that the streams restart', () => {
  const a = rnn('train', '--data', f('corpus.txt'), '--resume', f('a.rnn'), '--workers', '1', '--steps', '3', '--out', f('r1.rnn'));
  assert.equal(a.code, 0, a.err);
  const lines = a.err.split('\n').filter((l) => /restart/.test(l));
  assert.deepEqual(lines, [`rnn: ${f('a.rnn')} was trained by 2 workers; with 1 worker every text stream restarts at its beginning (weights and optimiser state kept)`]);
  assert.equal(fs.readFileSync(f('r1.rnn'))[4], 1);
  const b = rnn('train', '--data', f('corpus.txt'), '--resume', f('one.rnn'), '--workers', '2', '--steps', '3', '--json');
  assert.equal(b.code, 0, b.err);
  assert.match(b.err, /was trained by 1 worker; with 2 workers every text stream restarts/);
  assert.equal(events(b.out)[0].streams_restarted, true);
  // without --workers a resumed run keeps the file's count and continues exactly
  const c = rnn('train', '--data', f('corpus.txt'), '--resume', f('a.rnn'), '--steps', '3', '--json');
  assert.equal(c.code, 0, c.err);
  assert.doesNotMatch(c.err, /restart/);
  assert.equal(events(c.out)[0].workers, 2);
});

test('--workers 0, 65 or not a number is a usage error (exit 2, one line)', () => {
  for (const [v, re] of [['0', /--workers must be in \[1, 64\], got 0/], ['65', /--workers must be in \[1, 64\], got 65/],
    ['two', /--workers must be a number, got 'two'/], ['1.5', /--workers must be an integer/]]) {
    const r = rnn('train', '--data', f('corpus.txt'), '--steps', '1', '--workers', v);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, re);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
});

test('a text too short for N workers trains with as many as fit, said in one line', () => {
  // 18,000 training characters hold 2 x 128 x 65 = 16,640 but not 3 x ...
  const r = rnn('train', '--data', f('corpus.txt'), '--hidden', '8', '--batch', '128', '--seq', '64', '--steps', '1',
    '--workers', '5', '--out', f('fit.rnn'), '--json');
  assert.equal(r.code, 0, r.err);
  const lines = r.err.trim().split('\n');
  assert.equal(lines.length, 1, r.err);
  assert.match(lines[0], /^rnn: the training text \(\d+ characters\) holds the streams of at most 2 workers \(each B x \(T \+ 1\) = 8320 characters\); training with 2 instead of 5$/);
  assert.equal(events(r.out)[0].workers, 2);
  const one = rnn('train', '--data', f('corpus.txt'), '--hidden', '8', '--batch', '256', '--seq', '64', '--steps', '1', '--workers', '3');
  assert.equal(one.code, 0, one.err);
  assert.match(one.err, /at most 1 worker \(each/);
  assert.match(one.err, /1 worker, effective batch 1 x 256 = 256, lr 0\.003;/, 'the one-worker rate');
});

test('Ctrl-C with 2 workers stops, saves a complete file that loads, exits 130', async () => {
  const out = f('int.rnn');
  const child = spawn(process.execPath, [CLI, 'train', '--data', f('corpus.txt'), ...SMALL, '--workers', '2', '--steps', '100000000',
    '--out', out, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', err = '', sent = false;
  child.stdout.on('data', (d) => {
    stdout += d;
    if (!sent && /"event":"progress"/.test(stdout)) { sent = true; child.kill('SIGINT'); }
  });
  child.stderr.on('data', (d) => { err += d; });
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 130, err);
  const done = events(stdout).find((e) => e.event === 'done');
  assert.equal(done.interrupted, true);
  const eng = await loadEngine();
  const m = eng.loadCharLM(new Uint8Array(fs.readFileSync(out)), TEXT);
  assert.equal(m.info.workers, 2);
  assert.equal(m.info.step, done.step);
  m.free();
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--decay: the rate stays for half the steps, then falls towards a tenth; the file keeps the last rate', async () => {
  const r = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '8', '--workers', '2', '--decay', '--out', f('decay.rnn'));
  assert.equal(r.code, 0, r.err);
  const eng = await loadEngine();
  const lm = eng.loadCharLM(new Uint8Array(fs.readFileSync(f('decay.rnn'))));
  const lr0 = eng.workersLr(eng.contract.charlm.params.lr.default, 2);
  assert.equal(lm.info.step, 8);
  assert.ok(lm.info.lr < 0.9 * lr0 && lm.info.lr >= 0.1 * lr0 * 0.999, `final rate ${lm.info.lr} vs start ${lr0}`);
  lm.free();
  const plain = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '8', '--workers', '2', '--out', f('nodecay.rnn'));
  assert.equal(plain.code, 0, plain.err);
  assert.ok(!fs.readFileSync(f('decay.rnn')).equals(fs.readFileSync(f('nodecay.rnn'))), '--decay changes the run');
});
