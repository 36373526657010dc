// cli-bad-inputs.test.mjs - the `rnn` command against hostile but honest
// input (issue 14): Ctrl-C while training, --out through symlinks and onto
// devices, --data on devices and FIFOs, output over input, stale temp files,
// usage errors. Every case spawns the CLI as a child process.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, smallText } from './helpers.mjs';

const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-cli-bad-'));
const f = (name) => path.join(dir, name);
const SMALL = ['--hidden', '8', '--seq', '8', '--batch', '2'];

function rnn(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

// One line on stderr, the expected status, no stack trace, no training started.
function assertRefused(r, code, re) {
  assert.equal(r.signal, null, `killed by ${r.signal} (hung?)`);
  assert.equal(r.code, code, `exit ${r.code}, stderr: ${r.err}`);
  assert.match(r.err, re);
  assert.equal(r.err.trim().split('\n').length, 1, `one line, got: ${r.err}`);
  assert.doesNotMatch(r.err, /\n\s+at |RuntimeError|training:/);
}

// Spawns `rnn train`, waits for a stdout line matching `ready` and `delay`
// ms more, sends the signal.
function trainAndSignal(args, ready, signal = 'SIGINT', delay = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'train', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', sent = false;
    const guard = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`still running 30 s after ${signal}: ${err}`)); }, 60000);
    child.stdout.on('data', (d) => {
      out += d;
      if (!sent && ready.test(out)) { sent = true; setTimeout(() => child.kill(signal), delay); }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code, sig) => { clearTimeout(guard); resolve({ code, signal: sig, out, err, sent }); });
  });
}

fs.writeFileSync(f('corpus.txt'), smallText(20000));
const base = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '2', '--out', f('base.rnn'));
assert.equal(base.code, 0, base.err);

test('Ctrl-C during training stops after the current chunk, saves --out, exits 130', async () => {
  const out = f('int.rnn');
  const r = await trainAndSignal(['--hidden', '32', '--steps', '1000000000', '--json', '--out', out], /"event":"progress"/);
  assert.ok(r.sent, 'progress appeared');
  assert.equal(r.signal, null);
  assert.equal(r.code, 130, r.err);
  const done = JSON.parse(r.out.trim().split('\n').at(-1));
  assert.equal(done.event, 'done');
  assert.equal(done.interrupted, true);
  assert.ok(done.step > 0);
  const s = rnn('sample', '--model', out, '--length', '20');
  assert.equal(s.code, 0, s.err);
  assert.deepEqual(fs.readdirSync(dir).filter((n) => n.startsWith('.int.rnn.')), [], 'no temp file left');
});

test('a signal during the final validation or save still leaves a complete model, then exits 128 + signal (SIGTERM: 143)', async () => {
  // one quick step (its progress line is the cue), then a validation over
  // 1.5 M characters that takes ~3 s: the signal lands in it
  fs.writeFileSync(f('long.txt'), smallText(3000000));
  const out = f('late.rnn');
  const r = await trainAndSignal(['--data', f('long.txt'), '--hidden', '64', '--steps', '1', '--val-fraction', '0.5', '--json', '--out', out],
    /"event":"progress"/, 'SIGTERM', 500);
  assert.equal(r.signal, null, 'not killed in the middle');
  assert.equal(r.code, 143, r.err);
  const done = JSON.parse(r.out.trim().split('\n').at(-1));
  assert.equal(done.event, 'done');
  assert.equal(done.interrupted, false, 'the signal came after the training loop');
  assert.equal(done.step, 1);
  const s = rnn('sample', '--model', out, '--length', '20');
  assert.equal(s.code, 0, s.err);
});

test('--out through a symlink writes the target and keeps the link; the mode is kept', () => {
  fs.copyFileSync(f('base.rnn'), f('target.rnn'));
  fs.chmodSync(f('target.rnn'), 0o600);
  fs.symlinkSync('target.rnn', f('link.rnn'));
  const r = rnn('train', '--data', f('corpus.txt'), ...SMALL, '--steps', '3', '--out', f('link.rnn'));
  assert.equal(r.code, 0, r.err);
  assert.ok(fs.lstatSync(f('link.rnn')).isSymbolicLink(), 'the link is still a link');
  assert.equal(fs.statSync(f('target.rnn')).mode & 0o777, 0o600, 'mode kept');
  assert.notDeepEqual(fs.readFileSync(f('target.rnn')), fs.readFileSync(f('base.rnn')), 'the target was written');
  // a dangling link: the new file appears where it points
  fs.symlinkSync('fresh.rnn', f('dangling.rnn'));
  assert.equal(rnn('export', '--model', f('base.rnn'), '--out', f('dangling.rnn')).code, 0);
  assert.ok(fs.lstatSync(f('dangling.rnn')).isSymbolicLink());
  assert.equal(JSON.parse(fs.readFileSync(f('fresh.rnn'), 'utf8')).format, 'pytorch-rnn');
});

// A device node and a link to this process's stdout made in the scratch
// directory (as root), so that a broken writer could never replace /dev/null.
function deviceAndStdout() {
  if (process.getuid && process.getuid() !== 0) return ['/dev/null', '/dev/stdout'];
  execFileSync('mknod', [f('null.dev'), 'c', '1', '3']);
  fs.symlinkSync('/proc/self/fd/1', f('stdout.link'));
  return [f('null.dev'), f('stdout.link')];
}

test('--out on a device, a FIFO or a directory is refused before any training', () => {
  const [device, stdout] = deviceAndStdout();
  execFileSync('mkfifo', [f('out.fifo')]);
  assertRefused(rnn('train', '--steps', '1', ...SMALL, '--out', device), 1, /is a character device, not a regular file/);
  assertRefused(rnn('train', '--steps', '1', ...SMALL, '--out', f('out.fifo')), 1, /is a FIFO/);
  assertRefused(rnn('export', '--model', f('base.rnn'), '--out', stdout), 1, /not a regular file/);
  assertRefused(rnn('train', '--steps', '1', ...SMALL, '--out', dir), 1, /is a directory/);
  assert.ok(fs.statSync(device).isCharacterDevice(), 'the device is untouched');
  assert.ok(fs.lstatSync(stdout).isSymbolicLink());
  assert.ok(fs.statSync(f('out.fifo')).isFIFO());
});

test('--out where no temporary file can be created is refused before training, and says why', () => {
  assertRefused(rnn('train', '--steps', '1', ...SMALL, '--out', '/proc/version'), 1, /cannot create a temporary file in \/proc/);
  assertRefused(rnn('train', '--steps', '1', ...SMALL, '--out', '/sys/rnn-model.rnn'), 1, /cannot create a temporary file in \/sys.*permission denied/);
  assertRefused(rnn('train', '--steps', '1', ...SMALL, '--out', f('no/such/dir/m.rnn')), 1, /no such directory/);
  assert.deepEqual(fs.readdirSync('/proc').filter((n) => n.endsWith('.tmp')), []);
});

test('--data on /dev/zero stops at the 64 MiB limit; a FIFO without a writer is refused at once', () => {
  const t0 = Date.now();
  assertRefused(rnn('train', '--data', '/dev/zero', '--steps', '1'), 1, /\/dev\/zero is over the limit of 67108864 bytes/);
  execFileSync('mkfifo', [f('in.fifo')]);
  assertRefused(rnn('train', '--data', f('in.fifo'), '--steps', '1'), 1, /is a FIFO/);
  assertRefused(rnn('eval', '--model', f('base.rnn'), '--data', f('in.fifo')), 1, /is a FIFO/);
  assert.ok(Date.now() - t0 < 30000);
});

test('the output may not overwrite an input (compared by file identity)', () => {
  fs.copyFileSync(f('corpus.txt'), f('keep.txt'));
  fs.symlinkSync('keep.txt', f('keep-link.txt'));
  const before = fs.readFileSync(f('keep.txt'));
  assertRefused(rnn('train', '--data', f('keep.txt'), '--steps', '1', '--out', f('keep.txt')), 2, /--out .* is the same file as --data/);
  assertRefused(rnn('train', '--data', f('keep.txt'), '--steps', '1', '--out', f('keep-link.txt')), 2, /same file as --data/);
  assert.deepEqual(fs.readFileSync(f('keep.txt')), before);
  fs.copyFileSync(f('base.rnn'), f('m2.rnn'));
  assertRefused(rnn('export', '--model', f('m2.rnn'), '--out', path.join(dir, '.', 'm2.rnn')), 2, /same file as --model/);
  assert.equal(rnn('sample', '--model', f('m2.rnn'), '--length', '5').code, 0);
  assert.equal(rnn('export', '--model', f('m2.rnn'), '--out', f('m2.json')).code, 0);
  assertRefused(rnn('import', '--in', f('m2.json'), '--out', f('m2.json')), 2, /same file as --in/);
  // --resume F --out F stays allowed (the README's way to continue a run)
  assert.equal(rnn('train', '--data', f('corpus.txt'), '--resume', f('m2.rnn'), '--steps', '1', '--out', f('m2.rnn')).code, 0);
});

test('a save removes stale temp files of dead processes for the same target, and only those', () => {
  fs.copyFileSync(f('base.rnn'), f('t.rnn'));
  const dead = f('.t.rnn.4194999.tmp'), live = f(`.t.rnn.${process.pid}.tmp`), other = f('.u.rnn.4194999.tmp');
  for (const p of [dead, live, other]) fs.writeFileSync(p, 'half a model');
  assert.equal(rnn('train', '--data', f('corpus.txt'), '--resume', f('t.rnn'), '--steps', '1', '--out', f('t.rnn')).code, 0);
  assert.ok(!fs.existsSync(dead), 'stale temp file of a dead process removed');
  assert.ok(fs.existsSync(live), 'temp file of a live process kept');
  assert.ok(fs.existsSync(other), 'another target\'s temp file kept');
});

test('usage errors exit 2 with one line on stderr', () => {
  assertRefused(rnn('train', '--vocab-cap', '1'), 2, /--vocab-cap must be in \[2, 4096\]/);
  assertRefused(rnn('train', '--engine', 'gpu'), 2, /--engine must be one of simd, scalar, auto/);
  assertRefused(rnn('sample', '--engine', 'gpu', '--model', f('base.rnn')), 2, /--engine/);
  assertRefused(rnn('train', '--hidden'), 2, /needs a value/);
  assertRefused(rnn('frobnicate'), 2, /unknown command/);
});
