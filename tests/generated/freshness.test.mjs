// freshness.test.mjs - `make check-generated` can fail: in a throw-away clone
// of this repository's HEAD it passes on the fresh tree (which also shows that
// a build from another path is byte-identical to the committed one), then a C
// string is changed and only the source committed, the generated files are
// rebuilt in place the way setup.sh does, and the check must fail, naming the
// stale committed files and the input left uncommitted.
// Six emcc builds in all (~1-2 minutes on a busy machine); bounded by a timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE } from '../../scripts/build-web.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GIT_ID = ['-c', 'user.name=freshness test', '-c', 'user.email=freshness@example.invalid'];

function sh(cwd, cmd, args) {
  const env = { ...process.env };
  delete env.MAKEFLAGS; delete env.MFLAGS; delete env.MAKELEVEL;
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 300000 });
  return { code: r.status, out: r.stdout, err: r.stderr + (r.error ? String(r.error) : '') };
}

test('check-generated passes on a fresh clone and fails on a stale commit, even after an in-place rebuild', { timeout: 900000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-freshness-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clone = join(dir, 'repo');
  let r = sh(dir, 'git', ['clone', '-q', '--shared', ROOT, clone]);
  assert.equal(r.code, 0, r.err);
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules')); // uPlot, an input of web/vendor

  r = sh(clone, 'node', ['scripts/check-generated.mjs']);
  assert.equal(r.code, 0, `fresh clone: ${r.out}${r.err}`);
  // the four wasm modules (full and char-LM) and every row of the build table
  assert.match(r.out, new RegExp(`${TABLE.length + 4} generated files in HEAD match a rebuild`));

  // a C change committed without its rebuild
  const status = join(clone, 'src', 'status.c');
  const before = readFileSync(status, 'utf8');
  const after = before.replace('"invalid argument"', '"invalid argument (stale)"');
  assert.notEqual(after, before, 'the string to change is gone from src/status.c');
  writeFileSync(status, after);
  r = sh(clone, 'git', [...GIT_ID, 'commit', '-q', '-m', 'change a message, without the rebuild', 'src/status.c']);
  assert.equal(r.code, 0, r.err);
  // and a working-tree change left uncommitted (a developer's dirty tree)
  appendFileSync(join(clone, 'src', 'rng.c'), '// uncommitted\n');

  // setup.sh rebuilds in place first: the check must still see the stale commit
  r = sh(clone, 'make', ['-s', 'generated']);
  assert.equal(r.code, 0, r.err);
  r = sh(clone, 'node', ['scripts/check-generated.mjs']);
  assert.equal(r.code, 1, `stale tree: ${r.out}${r.err}`);
  for (const f of ['wasm/rnn-simd.js', 'wasm/rnn-scalar.js', 'wasm/rnn-lm-simd.js', 'wasm/rnn-lm-scalar.js',
    'web/gen/worker-sources.js', 'web/gen/engine-glue.js']) {
    assert.match(r.err, new RegExp(`${f.replace(/[./]/g, '\\$&')}: the committed file is not what the sources build`));
  }
  assert.doesNotMatch(r.err, /l2e-worker-sources|uPlot/, 'files without a changed input reported stale');
  assert.match(r.err, /uncommitted changes to 1 input\(s\): src\/rng\.c/);
});
