// cli-lost-work.test.mjs - issue 22's CLI defects: a closed stdout/stderr
// (EPIPE) must not cost the run; a replica thread that dies still leaves the
// leader's model in --out; a file saved by N workers resumes on a text too
// short for N; the step counter's limit is refused up front with any worker
// count. docs/bad-inputs.md. Small models, so the file runs in seconds.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, smallText, loadEngine } from './helpers.mjs';

const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lost-'));
const f = (name) => path.join(dir, name);
const TEXT = smallText(20000);
const SMALL = ['--hidden', '16', '--seq', '16', '--batch', '4', '--seed', '5'];
fs.writeFileSync(f('corpus.txt'), TEXT);
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

function rnn(args, env) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 90000, env: env || process.env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Runs `rnn args` and closes the read end of `stream` ('stdout' or 'stderr')
// once its first line has arrived: the next write gets EPIPE.
function closeAfterFirstLine(args, stream) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let got = '', other = '', closed = false;
  const s = child[stream], o = child[stream === 'stdout' ? 'stderr' : 'stdout'];
  s.on('data', (d) => {
    got += d;
    if (!closed && got.includes('\n')) { closed = true; s.destroy(); }
  });
  o.on('data', (d) => { other += d; });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, got, other })));
}

async function loads(file, text) {
  const eng = await loadEngine();
  const m = eng.loadCharLM(new Uint8Array(fs.readFileSync(file)), text);
  const info = m.info;
  m.free();
  return info;
}

test('a closed stdout (--json | head -1) does not cost the run: training goes on to the budget, --out is saved, exit 0', async () => {
  const out = f('pipe-json.rnn');
  const r = await closeAfterFirstLine(['train', '--data', f('corpus.txt'), ...SMALL, '--seconds', '3', '--eval-every', '0.2',
    '--workers', '1', '--json', '--out', out], 'stdout');
  assert.equal(r.code, 0, `exit ${r.code} ${r.signal || ''}: ${r.other}`);
  assert.match(r.got, /"event":"start"/);
  assert.doesNotMatch(r.other, /EPIPE|error/i, r.other);
  const info = await loads(out, TEXT);
  assert.ok(info.step > 1, `trained on after the reader left: step ${info.step}`);
});

test('a closed stderr (2>&1 | head -1) does not cost the run either, with 2 workers', async () => {
  const out = f('pipe-err.rnn');
  const r = await closeAfterFirstLine(['train', '--data', f('corpus.txt'), ...SMALL, '--seconds', '2', '--workers', '2', '--out', out], 'stderr');
  assert.equal(r.code, 0, `exit ${r.code} ${r.signal || ''}: ${r.other}`);
  assert.match(r.got, /^training: /);
  const info = await loads(out, TEXT);
  assert.equal(info.workers, 2);
  assert.ok(info.step > 1, `step ${info.step}`);
});

test('a replica thread that dies: the leader\'s model is saved, the replica is named, exit 1', async () => {
  const die = f('die.cjs');
  fs.writeFileSync(die, 'const w=require("worker_threads");if(!w.isMainThread)setTimeout(()=>process.exit(7),1500).unref();\n');
  const out = f('dead.rnn');
  const env = { ...process.env, NODE_OPTIONS: `--require ${die}` };
  const r = rnn(['train', '--data', f('corpus.txt'), ...SMALL, '--seconds', '20', '--workers', '2', '--out', out], env);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /worker 1 stopped: exited with code 7/);
  assert.match(r.err, new RegExp(`saved the leader's model at step \\d+ to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const info = await loads(out, TEXT);
  assert.ok(info.step > 0, `step ${info.step}`);
  assert.equal(info.workers, 1, 'the leader alone: its streams restart on resume');
  const again = rnn(['train', '--data', f('corpus.txt'), '--resume', out, '--steps', '2', '--workers', '1']);
  assert.equal(again.code, 0, again.err);
});

test('a file of 8 workers resumes on a text too short for 8 (with --workers 1, or without --workers)', () => {
  const w8 = f('w8.rnn');
  fs.writeFileSync(f('t.txt'), TEXT.slice(0, 3000));
  fs.writeFileSync(f('short.txt'), TEXT.slice(0, 300));
  const a = rnn(['train', '--data', f('t.txt'), ...SMALL, '--steps', '5', '--workers', '8', '--out', w8]);
  assert.equal(a.code, 0, a.err);
  const one = rnn(['train', '--resume', w8, '--data', f('short.txt'), '--steps', '2', '--workers', '1', '--out', f('r1.rnn')]);
  assert.equal(one.code, 0, one.err);
  assert.match(one.err, /was trained by 8 workers; with 1 worker every text stream restarts/);
  assert.equal(fs.readFileSync(f('r1.rnn'))[4], 1, 'a version-1 file');
  const auto = rnn(['train', '--resume', w8, '--data', f('short.txt'), '--steps', '2', '--json']);
  assert.equal(auto.code, 0, auto.err);
  // 270 training characters hold 3 workers' streams of 4 x 17
  assert.match(auto.err, /holds the streams of at most 3 workers .*training with 3 instead of 8/);
  assert.match(auto.err, /was trained by 8 workers; with 3 workers every text stream restarts/);
  assert.equal(JSON.parse(auto.out.split('\n')[0]).workers, 3);
});

// FNV-1a 32 of every byte before the stored checksum, as model_file.h defines it.
function fixChecksum(b) {
  let h = 2166136261;
  for (let i = 0; i < b.length - 4; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
  b.writeUInt32LE(h, b.length - 4);
}

test('at the step counter\'s limit, 1 and 2 workers both refuse up front: no step, nothing written, exit 1', () => {
  const base = f('base.rnn');
  const r0 = rnn(['train', '--data', f('corpus.txt'), ...SMALL, '--steps', '1', '--workers', '1', '--out', base]);
  assert.equal(r0.code, 0, r0.err);
  const b = fs.readFileSync(base);
  b.writeBigUInt64LE(2147483647n, 76); // the step counter (version-1 header)
  fixChecksum(b);
  fs.writeFileSync(f('limit.rnn'), b);
  for (const workers of ['1', '2']) {
    const out = f(`limit-out-${workers}.rnn`);
    const r = rnn(['train', '--data', f('corpus.txt'), '--resume', f('limit.rnn'), '--steps', '1', '--workers', workers, '--out', out]);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /^rnn: .*limit\.rnn is at step 2147483647, the step counter's limit of 2147483647: it cannot train further/);
    assert.ok(!fs.existsSync(out), 'nothing written');
  }
  // a few steps below the limit: --steps past it is refused up front, --seconds stops at it
  b.writeBigUInt64LE(2147483645n, 76);
  fixChecksum(b);
  fs.writeFileSync(f('near.rnn'), b);
  const over = rnn(['train', '--data', f('corpus.txt'), '--resume', f('near.rnn'), '--steps', '5', '--workers', '2']);
  assert.equal(over.code, 1, over.err);
  assert.match(over.err, /^rnn: .*near\.rnn is at step 2147483645: 5 more steps would pass the step counter's limit of 2147483647 \(at most 2\)/);
  const sec = rnn(['train', '--data', f('corpus.txt'), '--resume', f('near.rnn'), '--seconds', '2', '--workers', '2', '--out', f('near-out.rnn')]);
  assert.equal(sec.code, 0, sec.err);
  assert.match(sec.err, /done: step 2147483647/);
});
