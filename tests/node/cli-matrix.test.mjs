// cli-matrix.test.mjs - rows of the bad-input matrix (docs/bad-inputs.md) for
// the command line that other files do not hold: every hyper-parameter at
// zero, negative, enormous and non-numeric values; memory bounded (enormous
// sizes refused with the limit named before anything is allocated); corpus
// texts (zero bytes, UTF-16, 10^5 distinct code points); PyTorch JSON and
// model files forged with a valid checksum, through the CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, smallText } from './helpers.mjs';

const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-cli-matrix-'));
const f = (name) => path.join(dir, name);
const SMALL = ['--hidden', '8', '--seq', '8', '--batch', '2'];
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

function rnn(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

function assertRefused(r, code, re, what) {
  assert.equal(r.signal, null, `${what}: killed by ${r.signal} (hung?)`);
  assert.equal(r.code, code, `${what}: exit ${r.code}, stderr: ${r.err}`);
  assert.match(r.err, re, what);
  assert.equal(r.err.trim().split('\n').length, 1, `${what}: one line, got: ${r.err}`);
  assert.doesNotMatch(r.err, /\n\s+at |RuntimeError|training:/, what);
}

fs.writeFileSync(f('corpus.txt'), smallText(6000));
const base = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '2', '--out', f('base.rnn'));
assert.equal(base.code, 0, base.err);

test('train: every hyper-parameter at zero, negative, enormous, fractional and non-numeric values is a usage error naming its range', () => {
  const BAD = ['0', '-1', '1e12', '2.5', 'abc', 'NaN', 'Infinity', '', '0x10', '1e-50'];
  const rows = {
    hidden: { re: /\[1, 2048\]|integer|number/, bad: BAD },
    seq: { re: /\[1, 4096\]|integer|number/, bad: BAD },
    batch: { re: /\[1, 1024\]|integer|number/, bad: BAD },
    steps: { re: /\[1, 1000000000\]|integer|number/, bad: BAD },
    'vocab-cap': { re: /\[2, 4096\]|integer|number/, bad: BAD },
    seed: { re: /\[0, 4294967295\]|integer|number/, bad: ['-1', '1e12', '2.5', 'abc', 'NaN', ''] },          // 0 is a seed
    lr: { re: /\(0, 100\]|number/, bad: ['0', '-1', '1e12', 'abc', 'NaN', 'Infinity', '', '1e-50'] },       // 2.5 is a rate
    clip: { re: /\(0, 1e\+30\)|number/, bad: ['-1', '1e31', 'abc', 'NaN', 'Infinity', '', '1e-50'] },         // 0: no clipping
    'val-fraction': { re: /\[0, 0\.5\]|number/, bad: ['-1', '0.6', '1e12', 'abc', 'NaN', ''] },
    seconds: { re: /\[0\.01, 10000000\]|number/, bad: ['0', '-1', '1e12', 'abc', 'NaN', 'Infinity', ''] },
    'eval-every': { re: /\[0\.01, 10000000\]|number/, bad: ['0', '-1', '1e12', 'abc', 'NaN', ''] },
    optim: { re: /one of/, bad: ['', 'ADAM', 'lbfgs', '0'] },
    activation: { re: /one of/, bad: ['', 'sigmoid', '1'] },
    'clip-mode': { re: /one of/, bad: ['', 'none', 'both'] },
  };
  for (const [flag, { re, bad }] of Object.entries(rows)) {
    for (const v of bad) {
      const budget = flag === 'steps' || flag === 'seconds' ? [] : ['--steps', '1'];
      assertRefused(rnn('train', `--${flag}`, v, ...budget), 2, new RegExp(`^rnn: --${flag} .*(${re.source})`), `--${flag} ${JSON.stringify(v)}`);
    }
  }
});

test('sample: length, temperature and seed out of range, non-numeric; a huge prime', () => {
  const m = f('base.rnn');
  for (const v of ['-1', '1e12', 'abc', '2.5', '0x10']) assertRefused(rnn('sample', '--model', m, '--length', v), 2, /^rnn: --length /, `--length ${v}`);
  for (const v of ['0', '-1', '1e12', 'abc', 'NaN']) assertRefused(rnn('sample', '--model', m, '--temperature', v), 2, /^rnn: --temperature /, `--temperature ${v}`);
  for (const v of ['-1', 'abc', '1e12']) assertRefused(rnn('sample', '--model', m, '--seed', v), 2, /^rnn: --seed /, `--seed ${v}`);
  // a 20,000-character prime (60 kB: near the 128 kB limit of one argument) with characters the model never saw: it is read through the unknown symbol or refused, in one line
  const r = rnn('sample', '--model', m, '--length', '5', '--prime', '☃'.repeat(20000));
  assert.equal(r.signal, null);
  if (r.code !== 0) assertRefused(r, r.code, /^rnn: /, 'huge prime'); else assert.ok(r.out.length > 0);
});

test('memory bounded: an enormous hidden size or vocabulary is refused with the limit named before anything is allocated', () => {
  for (const [args, re] of [
    [['--hidden', '100000'], /--hidden must be in \[1, 2048\]/],
    [['--hidden', '4294967297'], /--hidden must be in \[1, 2048\]/],        // 2^32 + 1: no wrap to 1
    [['--vocab-cap', '1000000'], /--vocab-cap must be in \[2, 4096\]/],
    [['--batch', '1e9'], /--batch must be in \[1, 1024\]/],
    [['--seq', '65536'], /--seq must be in \[1, 4096\]/],
  ]) {
    const t0 = Date.now();
    const r = rnn('train', ...args, '--steps', '1');
    assertRefused(r, 2, re, args.join(' '));
    assert.ok(Date.now() - t0 < 20000, 'refused at once');
  }
  // within each range, but together too big for a model file: refused before training, the limit named
  const wide = Array.from({ length: 600 }, (_, i) => String.fromCodePoint(0x100 + i)).join('');
  fs.writeFileSync(f('wide.txt'), wide.repeat(20));
  const r = rnn('train', '--data', f('wide.txt'), '--hidden', '2048', '--vocab-cap', '600', '--steps', '1', '--out', f('wide.rnn'));
  assertRefused(r, 1, /model too large to save: its file would be \d+ bytes, the model-file limit is 67108864 bytes/, 'H=2048 V=600');
  assert.ok(!fs.existsSync(f('wide.rnn')));
});

test('corpus texts: zero bytes and UTF-16 are refused like binary files; 10^5 distinct code points train within the vocabulary cap', () => {
  fs.writeFileSync(f('nul.txt'), Buffer.from('ab\0cd\0ef\n'.repeat(2000)));
  assertRefused(rnn('train', '--data', f('nul.txt'), '--steps', '1'), 1, /nul\.txt is not UTF-8 text: a zero byte at offset 2 \(a binary file, or UTF-16 text\? save it as UTF-8\)/, 'NUL');
  fs.writeFileSync(f('u16.txt'), Buffer.from('hello world\n'.repeat(500), 'utf16le'));
  assertRefused(rnn('train', '--data', f('u16.txt'), '--steps', '1'), 1, /u16\.txt is not UTF-8 text: a zero byte at offset 1/, 'UTF-16LE');
  assertRefused(rnn('eval', '--model', f('base.rnn'), '--data', f('nul.txt')), 1, /zero byte/, 'eval NUL');
  // 100,000 distinct code points (every plane up to U+2FFFF, no surrogates), twice
  const cps = [];
  for (let c = 0x20; cps.length < 100000; c++) if (c < 0xd800 || c > 0xdfff) cps.push(c);
  fs.writeFileSync(f('distinct.txt'), String.fromCodePoint(...cps).repeat(2));
  const t0 = Date.now();
  const r = rnn('train', '--data', f('distinct.txt'), ...SMALL, '--vocab-cap', '300', '--steps', '2', '--json', '--out', f('distinct.rnn'));
  assert.equal(r.code, 0, r.err);
  const start = JSON.parse(r.out.split('\n')[0]);
  assert.equal(start.event, 'start');
  assert.equal(start.vocab, 300, 'the cap: 299 most frequent symbols + the unknown symbol');
  console.log(`100,000 distinct code points: V=${start.vocab}, ${Date.now() - t0} ms`);
  assert.equal(rnn('sample', '--model', f('distinct.rnn'), '--length', '20').code, 0);
});

test('PyTorch JSON through `rnn import`: duplicate keys, multi-character and duplicate vocabulary, NaN, deep nesting, huge arrays', () => {
  const exp = rnn('export', '--model', f('base.rnn'), '--out', f('base.json'));
  assert.equal(exp.code, 0, exp.err);
  const json = fs.readFileSync(f('base.json'), 'utf8');
  const obj = JSON.parse(json);
  const withVocab = (v) => JSON.stringify({ ...obj, vocab: v });
  const H = obj.hidden_size;
  const cases = [
    ['dup-key', json.replace('{', `{"hidden_size": ${H}, `), /duplicate key "hidden_size"/],
    ['multi-char', withVocab(['ab', ...obj.vocab.slice(1)]), /vocab/],
    ['dup-vocab', withVocab([obj.vocab[0], ...obj.vocab.slice(0, -1)]), /vocab/],
    ['nan', json.replace(/-?\d+\.\d+(e-?\d+)?/, 'NaN'), /JSON/],
    ['deep', '{"a":' + '['.repeat(200000) + ']'.repeat(200000) + '}', /nesting too deep/],
    ['huge-array', JSON.stringify({ ...obj, state_dict: { ...obj.state_dict, 'fc.bias': new Array(3000000).fill(0.5) } }), /fc\.bias/],
    ['huge-hidden', JSON.stringify({ ...obj, hidden_size: 100000 }), /hidden_size/],
    ['missing-state', JSON.stringify({ ...obj, state_dict: undefined }), /state_dict/],
  ];
  for (const [name, text, re] of cases) {
    fs.writeFileSync(f(`${name}.json`), text);
    const t0 = Date.now();
    assertRefused(rnn('import', '--in', f(`${name}.json`), '--out', f(`${name}.rnn`)), 1, re, name);
    assert.ok(Date.now() - t0 < 30000, `${name}: bounded time`);
    assert.ok(!fs.existsSync(f(`${name}.rnn`)), `${name}: nothing written`);
  }
});

// FNV-1a over every byte but the last four, written into them
function fixChecksum(b) {
  let h = 2166136261;
  for (let i = 0; i < b.length - 4; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
  b.writeUInt32LE(h, b.length - 4);
  return b;
}

test('model files forged with a valid checksum are refused by the CLI, the field named; the model being trained survives', () => {
  const good = fs.readFileSync(f('base.rnn'));
  const forge = (edit) => { const b = Buffer.from(good); edit(b); return fixChecksum(b); };
  const cases = [
    ['V', forge((b) => b.writeUInt32LE(5000000, 12)), /vocabulary|V /i],
    ['H', forge((b) => b.writeUInt32LE(100000, 16)), /hidden|H /i],
    ['B', forge((b) => b.writeUInt32LE(0, 20)), /batch|B /i],
    ['T', forge((b) => b.writeUInt32LE(0xffffffff, 24)), /seq|T /i],
    ['kind', forge((b) => b.writeUInt32LE(9, 8)), /kind/i],
    ['lr', forge((b) => b.writeFloatLE(NaN, 52)), /lr|learning rate/i],
    ['params', forge((b) => b.writeBigUInt64LE(7n, 88)), /parameter/i],
    ['unk', forge((b) => b.writeInt32LE(1000, 48)), /unknown/i],
  ];
  for (const [name, bytes, re] of cases) {
    fs.writeFileSync(f(`forged-${name}.rnn`), bytes);
    assertRefused(rnn('sample', '--model', f(`forged-${name}.rnn`)), 1, re, `sample ${name}`);
    // --resume F --out G with a forged F: refused before training, G untouched
    fs.copyFileSync(f('base.rnn'), f('keep.rnn'));
    assertRefused(rnn('train', '--data', f('corpus.txt'), '--resume', f(`forged-${name}.rnn`), '--out', f('keep.rnn'), '--steps', '1'), 1, re, `resume ${name}`);
    assert.ok(fs.readFileSync(f('keep.rnn')).equals(good), `${name}: --out untouched`);
  }
});
