// cli.test.mjs - the `rnn` command end to end, and its handling of bad input:
// one clear line on stderr, exit status 1 or 2, never a stack trace
// (more hostile input: cli-bad-inputs.test.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, smallText } from './helpers.mjs';

const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-cli-'));
const f = (name) => path.join(dir, name);

function rnn(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120000 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

function assertCleanFailure(r, code, re) {
  assert.equal(r.signal, null);
  assert.equal(r.code, code, `exit ${r.code}, stderr: ${r.err}`);
  assert.match(r.err, re);
  assert.doesNotMatch(r.err, /\n\s+at |Error: .*\n.*node:internal|RuntimeError|Aborted/, 'no stack trace');
  assert.equal(r.err.trim().split('\n').length, 1, `one line, got: ${r.err}`);
}

fs.writeFileSync(f('corpus.txt'), smallText(20000));

test('train -> sample -> eval -> export -> import -> resume', () => {
  const t = rnn('train', '--data', f('corpus.txt'), '--hidden', '32', '--seq', '16', '--batch', '8', '--steps', '40', '--seed', '3', '--out', f('m.rnn'), '--json');
  assert.equal(t.code, 0, t.err);
  const lines = t.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].event, 'start');
  const done = lines.at(-1);
  assert.equal(done.event, 'done');
  assert.equal(done.step, 40);
  assert.ok(done.train_bpc < lines[0].uniform_bits, 'training lowered the loss below uniform');
  assert.ok(Number.isFinite(done.val_bpc) && done.chars_per_sec > 0);
  for (const l of lines.filter((x) => x.event === 'progress')) for (const k of ['step', 'seconds', 'train_bpc', 'val_bpc', 'chars_per_sec']) assert.ok(k in l, k);

  const s1 = rnn('sample', '--model', f('m.rnn'), '--length', '80', '--seed', '7', '--prime', 'ação');
  const s2 = rnn('sample', '--model', f('m.rnn'), '--length', '80', '--seed', '7', '--prime', 'ação');
  assert.equal(s1.code, 0, s1.err);
  assert.equal(s1.out, s2.out, 'same seed, same sample');
  assert.ok(s1.out.startsWith('ação') && [...s1.out.trim()].length >= 80);
  const g = rnn('sample', '--model', f('m.rnn'), '--length', '30', '--greedy');
  assert.equal(g.code, 0);

  const e = rnn('eval', '--model', f('m.rnn'), '--data', f('corpus.txt'), '--json');
  assert.equal(e.code, 0, e.err);
  const ev = JSON.parse(e.out);
  assert.ok(ev.bpc > 0 && ev.bpc < 6 && ev.chars === 19999, JSON.stringify(ev));

  assert.equal(rnn('export', '--model', f('m.rnn'), '--format', 'pytorch', '--out', f('m.json')).code, 0);
  const j = JSON.parse(fs.readFileSync(f('m.json'), 'utf8'));
  assert.equal(j.hidden_size, 32);
  assert.equal(rnn('import', '--format', 'pytorch', '--in', f('m.json'), '--out', f('back.rnn')).code, 0);
  const s3 = rnn('sample', '--model', f('back.rnn'), '--length', '80', '--seed', '7', '--prime', 'ação');
  assert.equal(s3.out, s1.out, 'imported model samples the same text');

  // resume: 40 + 20 steps equals 60 straight
  assert.equal(rnn('train', '--data', f('corpus.txt'), '--resume', f('m.rnn'), '--steps', '20', '--out', f('r.rnn')).code, 0);
  assert.equal(rnn('train', '--data', f('corpus.txt'), '--hidden', '32', '--seq', '16', '--batch', '8', '--steps', '60', '--seed', '3', '--out', f('s.rnn')).code, 0);
  assert.deepEqual(fs.readFileSync(f('r.rnn')), fs.readFileSync(f('s.rnn')));
});

test('train without --data uses the built-in corpus', () => {
  const r = rnn('train', '--steps', '3', '--hidden', '16', '--json');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /"source":"built-in corpus"/);
});

test('bad arguments and files: one clear line, exit 1 or 2', () => {
  fs.writeFileSync(f('binary.bin'), Buffer.from([0, 255, 254, 1, 2, 3, 0xc3]));
  fs.writeFileSync(f('garbage.rnn'), 'not a model at all');
  fs.writeFileSync(f('empty.txt'), '');
  fs.writeFileSync(f('nan.json'), '{"format":"pytorch-rnn","vocab":["a","b"],"nonlinearity":"tanh","hidden_size":1,"state_dict":{"rnn.weight_ih_l0":[[NaN, 1]]}}');
  fs.writeFileSync(f('shape.json'), '{"format":"pytorch-rnn","vocab":["a","b"],"nonlinearity":"tanh","hidden_size":1,"state_dict":{"rnn.weight_ih_l0":[[1,1]],"rnn.weight_hh_l0":[[1]],"rnn.bias_ih_l0":[0],"rnn.bias_hh_l0":[0],"fc.weight":[[1,1]],"fc.bias":[0,0]}}');
  fs.writeFileSync(f('huge.json'), '{"format":"pytorch-rnn","vocab":["a","b"],"nonlinearity":"tanh","hidden_size":99999999,"state_dict":{}}');
  fs.writeFileSync(f('notjson.json'), 'hello world');
  const good = fs.readFileSync(f('m.rnn'));
  fs.writeFileSync(f('truncated.rnn'), good.subarray(0, 200));
  fs.writeFileSync(f('flipped.rnn'), Buffer.from(good.map((v, i) => (i === 300 ? v ^ 4 : v))));
  const cases = [
    [['train', '--hidden'], 2, /needs a value/],
    [['train', '--hidden', 'abc'], 2, /must be a number/],
    [['train', '--optim', 'lbfgs'], 2, /optim must be one of/],
    [['train', '--steps', '5', '--seconds', '3'], 2, /not both/],
    [['train', '--lr', '-1'], 2, /lr must be in/],
    [['frobnicate'], 2, /unknown command/],
    [['sample'], 2, /--model is required/],
    [['sample', '--model', f('missing.rnn')], 1, /no such file/],
    [['sample', '--model', dir], 1, /directory/],
    [['sample', '--model', f('garbage.rnn')], 1, /not a model file/],
    [['sample', '--model', f('truncated.rnn')], 1, /truncated/],
    [['sample', '--model', f('flipped.rnn')], 1, /checksum/],
    [['train', '--data', f('binary.bin'), '--steps', '1'], 1, /not UTF-8/],
    [['train', '--data', f('empty.txt'), '--steps', '1'], 1, /empty/],
    [['import', '--in', f('nan.json'), '--out', f('x.rnn')], 1, /JSON/],
    [['import', '--in', f('shape.json'), '--out', f('x.rnn')], 1, /fc.weight/],
    [['import', '--in', f('huge.json'), '--out', f('x.rnn')], 1, /hidden_size/],
    [['import', '--in', f('notjson.json'), '--out', f('x.rnn')], 1, /JSON/],
    [['export', '--model', f('m.rnn'), '--format', 'onnx', '--out', f('x')], 2, /format must be one of/],
    [['export', '--model', f('m.rnn'), '--out', path.join(dir, 'no', 'such', 'dir.json')], 1, /cannot write/],
    [['eval', '--model', f('m.rnn'), '--data', f('binary.bin')], 1, /not UTF-8/],
  ];
  for (const [args, code, re] of cases) assertCleanFailure(rnn(...args), code, re);
  assert.ok(!fs.existsSync(f('x.rnn')), 'a failed import writes nothing');
});
