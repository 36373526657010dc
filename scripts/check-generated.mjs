#!/usr/bin/env node
// check-generated.mjs - are the COMMITTED generated files (wasm/, web/gen/,
// web/vendor/) what this tree's sources build? (`make check-generated`)
//
// It rebuilds everything generated into build/check/ - never in place, so a
// setup that already rebuilt the tree cannot hide a stale commit - and compares
// each output with its version in git HEAD (the bytes a clone, CI and a page
// opened from disk get), then the working-tree copy with both.
// Uncommitted changes to the inputs are named, so that on a developer's tree a
// failure says whether the commit or the working tree is behind.
// Exit 0: all equal. Exit 1: something is stale (each file named, with the fix).
//   node scripts/check-generated.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE, build, readFrom } from './build-web.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHECK_DIR = 'build/check';
const WASM = ['wasm/rnn-simd.js', 'wasm/rnn-scalar.js', 'wasm/rnn-lm-simd.js', 'wasm/rnn-lm-scalar.js'];
// inputs of the wasm build that are not under src/ (see the Makefile)
const BUILD_FILES = ['Makefile', 'scripts/wasm-header.js', 'scripts/build-web.mjs'];

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: ROOT, encoding: 'buffer', maxBuffer: 1 << 28, timeout: 600000, ...opts });
}

// The modules (the full engine and the char-LM build), built from this
// tree's sources into build/check/wasm (objects in build/check/lm-obj).
function rebuildWasm() {
  rmSync(join(ROOT, CHECK_DIR), { recursive: true, force: true });
  const env = { ...process.env };
  delete env.MAKEFLAGS; delete env.MFLAGS; delete env.MAKELEVEL;
  const r = run('make', ['-s', '-j2', `WASM_DIR=${CHECK_DIR}/wasm`, `LM_OBJ=${CHECK_DIR}/lm-obj`, 'wasm'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`the rebuild failed (make wasm into ${CHECK_DIR}/wasm: exit ${r.status ?? r.signal})`);
}

// Every generated file as [path, rebuilt bytes]: the modules, then the
// table of build-web.mjs with the rebuilt modules as its wasm inputs.
function rebuildAll() {
  rebuildWasm();
  const tree = readFrom(ROOT), fresh = readFrom(join(ROOT, CHECK_DIR));
  const read = (file) => (WASM.includes(file) ? fresh(file) : tree(file));
  return [...WASM.map((f) => [f, readFileSync(join(ROOT, CHECK_DIR, f))]), ...build(read)];
}

const inGit = () => run('git', ['rev-parse', '--is-inside-work-tree']).status === 0;

function committed(file) {
  const r = run('git', ['show', `HEAD:${file}`]);
  return r.status === 0 ? r.stdout : null;
}

// Inputs (sources, not generated files) with uncommitted changes.
function dirtyInputs(outputs) {
  const inputs = ['src', ...BUILD_FILES, ...TABLE.flatMap((r) => r.inputs)]
    .filter((f) => !outputs.includes(f) && !f.startsWith('node_modules/'));
  const r = run('git', ['status', '--porcelain', '--untracked-files=all', '--', ...new Set(inputs)]);
  return r.stdout.toString().split('\n').filter(Boolean).map((l) => l.slice(3));
}

function main() {
  let files;
  try { files = rebuildAll(); } catch (e) { console.error('check-generated: ' + e.message); return 1; }
  const git = inGit();
  if (!git) console.error('check-generated: not a git checkout: comparing with the working-tree files instead of the commit');
  const problems = [];
  for (const [file, bytes] of files) {
    const abs = join(ROOT, file);
    const tree = existsSync(abs) ? readFileSync(abs) : null;
    const base = git ? committed(file) : tree;
    if (base === null) problems.push(`${file}: not committed (run \`make generated\` and commit it)`);
    else if (Buffer.compare(base, bytes) !== 0) {
      problems.push(`${file}: the ${git ? 'committed file' : 'file'} is not what the sources build ` +
        '(run `make generated` and commit it, in a commit of its own starting "Rebuild generated")');
    } else if (tree === null || Buffer.compare(tree, bytes) !== 0) {
      problems.push(`${file}: the working-tree copy differs from the commit and from a rebuild (run \`make generated\`)`);
    }
  }
  if (problems.length === 0) {
    console.log(`check-generated: ${files.length} generated files ${git ? 'in HEAD ' : ''}match a rebuild of the sources`);
    return 0;
  }
  for (const p of problems) console.error('check-generated: ' + p);
  const dirty = git ? dirtyInputs(files.map(([f]) => f)) : [];
  if (dirty.length) {
    console.error(`check-generated: note: the rebuild used this working tree, which has uncommitted changes to ${dirty.length} ` +
      `input(s): ${dirty.slice(0, 8).join(', ')}${dirty.length > 8 ? ', ...' : ''}; commit them with the rebuilt files`);
  }
  return 1;
}

process.exitCode = main();
