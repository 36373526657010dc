// engine-bad-inputs.test.mjs - issue 14's engine defects through the CLI and
// the WASM build (where `long` is 32 bits): a forged stream cursor with a
// valid checksum, a step counter at 2^31-1, and a 60 MB text (the vocabulary
// count used to hang past ~11.4 million characters). docs/bad-inputs.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.mjs';

const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-bad-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

function rnn(args, timeout = 120000) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout, cwd: tmp });
  return { ...r, seconds: (Date.now() - t0) / 1000 };
}

// FNV-1a 32 of every byte before the stored checksum, as model_file.h defines it.
function fixChecksum(b) {
  let h = 2166136261;
  for (let i = 0; i < b.length - 4; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
  b.writeUInt32LE(h, b.length - 4);
}

// A model file from a 1-step run, with one u64 field rewritten and the checksum fixed.
function forged(name, offsetOf, value) {
  const base = path.join(tmp, 'base.rnn');
  if (!fs.existsSync(base)) {
    // one worker: a version-1 file, whose layout the offsets below address
    const r = rnn(['train', '--steps', '1', '--hidden', '8', '--batch', '2', '--seq', '8', '--workers', '1', '--out', base]);
    assert.equal(r.status, 0, r.stderr);
  }
  const b = fs.readFileSync(base);
  const V = b.readUInt32LE(12), n = Number(b.readBigUInt64LE(88));
  b.writeBigUInt64LE(BigInt(value), offsetOf(V, n));
  fixChecksum(b);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, b);
  return file;
}

test('a forged stream cursor with a valid checksum is refused by name, not an out-of-bounds access', () => {
  const evil = forged('cursor.rnn', (V, n) => 96 + 4 * V + 12 * n, 0x7ffffff8);
  const r = rnn(['train', '--resume', evil, '--steps', '5']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /stream cursor 0 is 2147483640, past the end of its stream/);
  assert.doesNotMatch(r.stderr, /memory access out of bounds/);
});

test('a file at step 2147483647 is not trained into a file the loader rejects', () => {
  const file = forged('step.rnn', () => 76, 2147483647);
  const out = path.join(tmp, 'step-out.rnn');
  const r = rnn(['train', '--resume', file, '--steps', '1', '--out', out]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /the step counter's limit of 2147483647: it cannot train further/); // refused up front (issue 22 item 7)
  if (fs.existsSync(out)) { // whatever was saved must load
    const s = rnn(['sample', '--model', out, '--length', '5']);
    assert.equal(s.status, 0, s.stderr);
  }
});

test('a 60 MB text trains in bounded time (linear vocabulary count)', () => {
  const chunk = [];
  let s = 1;
  for (let i = 0; i < 1_000_000; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; chunk.push('abcdefghij '[(s >>> 16) % 11]); }
  const file = path.join(tmp, 't60.txt');
  fs.writeFileSync(file, chunk.join('').repeat(60));
  assert.equal(fs.statSync(file).size, 60_000_000);
  const r = rnn(['train', '--data', file, '--steps', '1', '--hidden', '8', '--json'], 150000);
  console.log(`60 MB text, 1 training step: ${r.seconds.toFixed(1)} s (status ${r.status}${r.signal ? ', ' + r.signal : ''})`);
  assert.equal(r.signal, null, 'timed out (the vocabulary count used to hang here)');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /"event":"done"/);
  assert.ok(r.seconds < 120, `took ${r.seconds} s`);
});

test('a configuration whose model file would pass the loader limit is refused before training, the limit named', () => {
  const file = path.join(tmp, 'v400.txt');
  let s = '';
  for (let i = 0; i < 400; i++) s += String.fromCodePoint(0x100 + i);
  fs.writeFileSync(file, s.repeat(20));
  const out = path.join(tmp, 'big.rnn');
  const r = rnn(['train', '--data', file, '--hidden', '2048', '--batch', '1', '--seq', '4', '--vocab-cap', '512', '--steps', '1', '--out', out]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /file would be 70031724 bytes, the model-file limit is 67108864 bytes/);
  assert.equal(fs.existsSync(out), false);
});
