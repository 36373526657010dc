// contract.test.mjs - the C <-> JavaScript contract is checked, not copied:
// every `API` function in src/ is in js/engine.js's EXPORTS (its file's block,
// its argument count) and nothing else is; the ABI versions agree and a
// module of another version is refused by name; the limits the engine reports
// (rnn_describe) are the ones its checks enforce; the page's copy
// (web/gen/engine-contract.js), the page's hash schemas and the CLI's help
// and checks follow the engine.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadEngine, RnnEngine, ROOT, KINDS } from './helpers.mjs';

const require = createRequire(import.meta.url);

function cFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? cFiles(p) : d.name.endsWith('.c') ? [p] : [];
  });
}

// { file (basename without .c): { name: argument count } } of every API function in src/
function cExports() {
  const out = {};
  for (const file of cFiles(path.join(ROOT, 'src'))) {
    const src = readFileSync(file, 'utf8').replace(/\/\/[^\n]*/g, '');
    for (const m of src.matchAll(/^API\s+[\w\s*]*?\b(\w+)\s*\(([^)]*)\)/gm)) {
      const args = m[2].trim();
      const block = path.basename(file, '.c');
      out[block] = out[block] || {};
      assert.equal(out[block][m[1]], undefined, `${m[1]} declared twice`);
      out[block][m[1]] = args === '' || args === 'void' ? 0 : args.split(',').length;
    }
  }
  return out;
}

test('every C export is in engine.js EXPORTS, in its file block, with its argument count, and nothing else is', () => {
  const c = cExports();
  assert.ok(Object.keys(c.api).length > 20, 'the parser finds the exports of src/api.c');
  assert.deepEqual(RnnEngine.EXPORTS, c);
});

test('the parser would notice a missing or miscounted export', () => {
  const c = cExports();
  const missing = structuredClone(c);
  delete missing.api.rnn_lm_free;
  assert.notDeepEqual(RnnEngine.EXPORTS, missing);
  const miscounted = structuredClone(c);
  miscounted.api_l2e.rnn_l2e_train = 2;
  assert.notDeepEqual(RnnEngine.EXPORTS, miscounted);
});

test('ABI version: src/api_contract.h, engine.js and both modules agree', async () => {
  const h = readFileSync(path.join(ROOT, 'src', 'api_contract.h'), 'utf8');
  const v = Number(/#define RNN_ABI_VERSION (\d+)/.exec(h)[1]);
  assert.equal(RnnEngine.ABI_VERSION, v);
  assert.ok(v >= 2, 'bumped when the contract became checked');
  for (const kind of KINDS) {
    const eng = await loadEngine(kind);
    assert.equal(eng.c.rnn_version(), v, kind);
    assert.equal(eng.contract.abi, v, kind);
  }
});

test('a module of another ABI version is refused with a clear error', () => {
  assert.throws(() => new RnnEngine.Engine({ _rnn_version: () => 1 }),
    /engine module has ABI version 1, js\/engine.js expects \d+: .*different builds/);
  assert.throws(() => new RnnEngine.Engine({}), /ABI version unknown/);
});

test('enums, output fields and presets are reported by the engine', async () => {
  const eng = await loadEngine('scalar');
  const C = eng.contract;
  assert.deepEqual(C.enums.activation, ['tanh', 'relu', 'linear']);
  assert.deepEqual(C.enums.corpus, ['arithmetic', 'alphabet', 'counting', 'sentences']);
  assert.equal(C.enums.kernel.length, 23);
  assert.deepEqual(C.enums.kernel.slice(17), ['rnn_step_tanh', 'rnn_step_relu', 'rnn_step_linear', 'rnn_step_backward_tanh',
    'rnn_step_backward_relu', 'rnn_step_backward_linear']);
  assert.deepEqual(C.enums.l2eStrategy, ['baseline', 'naive', 'mix', 'combined']);
  assert.equal(C.outputs.lmInfo.length, 21);
  assert.deepEqual(C.outputs.lmInfo.slice(19), ['workers', 'shard']); // data-parallel replicas
  assert.equal(C.limits.workers, 64);
  assert.deepEqual(C.charlm.icfg.concat(C.charlm.fcfg).sort(), Object.keys(C.charlm.params).sort());
  assert.deepEqual(C.l2e.icfg.concat(C.l2e.fcfg).sort(), Object.keys(C.l2e.params).sort());
  // the CLI's defaults are the C defaults; the page's live preset is smaller
  assert.deepEqual({ ...C.charlm.presets.default }, Object.fromEntries(Object.entries(C.charlm.params).map(([k, p]) => [k, p.default])));
  assert.equal(C.charlm.presets.default.hidden, 160);
  assert.equal(C.charlm.presets.live.hidden, 128); // issue 10: the story on Tiny Shakespeare (tests/node/stability.test.mjs)
  assert.equal(C.charlm.presets.live.lr, 0.005);
  // every preset passes the engine's own check
  for (const p of Object.values(C.charlm.presets)) eng.checkConfig(p);
  for (const p of Object.values(C.l2e.presets)) eng.checkL2EConfig(p);
});

// values just inside and just outside a reported range
function probes(p) {
  const eps = (x) => (p.type === 'int' ? 1 : Math.max(Math.abs(x) * 1e-3, 1e-6));
  return {
    inside: [p.minOpen ? p.min + eps(p.min) : p.min, p.maxOpen ? p.max * (1 - 1e-3) : p.max],
    outside: [p.minOpen ? p.min : p.min - eps(p.min), p.maxOpen ? p.max : p.max + eps(p.max)],
  };
}

test('the reported char LM limits are the ones the engine enforces', async () => {
  const eng = await loadEngine('scalar');
  for (const [name, p] of Object.entries(eng.contract.charlm.params)) {
    if (p.type === 'enum') {
      for (const v of p.values) eng.checkConfig({ [name]: v });
      continue;
    }
    if (name === 'seed') continue; // any uint32 (engine.js wraps it)
    const { inside, outside } = probes(p);
    for (const v of inside) assert.doesNotThrow(() => eng.checkConfig({ [name]: v }), `${name} = ${v} accepted`);
    for (const v of outside) {
      if (name === 'clip' && v <= 0) continue; // clip 0: clipping off (engine.js)
      assert.throws(() => eng.checkConfig({ [name]: v }), /invalid argument/, `${name} = ${v} refused`);
    }
  }
});

test('the reported learning-to-execute limits are the ones the engine enforces', async () => {
  const eng = await loadEngine('scalar');
  const P = eng.contract.l2e.params;
  for (const [name, p] of Object.entries(P)) {
    if (p.type === 'enum' || p.type === 'bool' || name === 'seed' || name === 'length') continue;
    const task = name === 'nesting' ? 'program' : 'addition';
    const { inside, outside } = probes(p);
    for (const v of inside) assert.doesNotThrow(() => eng.checkL2EConfig({ task, [name]: v }), `${name} = ${v} accepted`);
    for (const v of outside) assert.throws(() => eng.checkL2EConfig({ task, [name]: v }), /invalid argument/, `${name} = ${v} refused`);
  }
  for (const [task, max] of Object.entries(P.length.maxByTask)) {
    eng.checkL2EConfig({ task, length: max });
    assert.throws(() => eng.checkL2EConfig({ task, length: max + 1 }), /length/);
  }
});

test('web/gen/engine-contract.js is the engine\'s description (rebuilt by scripts/build-web.mjs)', async () => {
  const eng = await loadEngine('scalar');
  assert.deepEqual(require(path.join(ROOT, 'web', 'gen', 'engine-contract.js')), JSON.parse(JSON.stringify(eng.contract)));
});

test('the page\'s link schema takes limits from the engine: #lr=0 and friends are refused', async () => {
  const eng = await loadEngine('scalar');
  const P = eng.contract.charlm.params, live = eng.contract.charlm.presets.live;
  const RnnState = require(path.join(ROOT, 'web', 'playground', 'state.js'));
  for (const hash of ['#lr=0', '#lr=-1', '#lr=1e-50', '#lr=101', `#hidden=${P.hidden.max + 1}`, '#hidden=0',
    `#seq=${P.seq.max + 1}`, `#batch=${P.batch.max + 1}`, '#clip=-1', '#clip=1e31', '#optim=lbfgs', '#act=gelu']) {
    const r = RnnState.parse(hash);
    const key = hash.slice(1).split('=')[0];
    assert.deepEqual(r.invalid, [key], hash);
    assert.equal(r.state[key], RnnState.defaults()[key], `${hash} falls back to the default`);
  }
  // everything the schema accepts, the engine accepts (bounds and defaults)
  for (const hash of ['#lr=100', `#hidden=${P.hidden.max}`, '#clip=0', '#seed=4294967295', '']) {
    const r = RnnState.parse(hash);
    assert.deepEqual(r.invalid, [], hash);
    eng.checkConfig(RnnState.engineConfig(r.state));
  }
  const d = RnnState.defaults();
  // lr 'auto': the preset's rate, scaled by the engine for the number of cores (eng.workersLr)
  assert.equal(d.lr, 'auto');
  assert.equal(RnnState.engineConfig(d).lr, live.lr);
  assert.deepEqual([d.hidden, d.seq, d.batch, d.optim, d.clip, d.act, d.seed],
    [live.hidden, live.seq, live.batch, live.optim, live.clip, live.activation, live.seed]);
  for (const c of eng.contract.enums.corpus) assert.ok(RnnState.CORPORA.includes(c), `corpus ${c} offered`);
});

test('the race page\'s schema takes tasks, strategies and limits from the engine', async () => {
  const eng = await loadEngine('scalar');
  const P = eng.contract.l2e.params;
  const S = require(path.join(ROOT, 'web', 'l2e', 'state.js'));
  assert.deepEqual(S.TASKS, P.task.values);
  assert.deepEqual(S.STRATEGIES, P.strategy.values);
  for (const t of S.TASKS) assert.equal(S.maxLength(t), P.length.maxByTask[t]);
  assert.deepEqual(S.parse('#task=addition&length=10').invalid, ['length']);
  assert.deepEqual(S.parse('#task=copy&length=30').invalid, []);
  for (const s of S.STRATEGIES) eng.checkL2EConfig(S.modelConfig(S.defaults(), s));
});

test('the CLI\'s help shows the engine\'s defaults; its checks use the engine\'s limits', async () => {
  const eng = await loadEngine('scalar');
  const d = eng.contract.charlm.presets.default;
  const cli = path.join(ROOT, 'scripts', 'rnn.mjs');
  const help = spawnSync(process.execPath, [cli, 'help'], { encoding: 'utf8' }).stdout;
  for (const k of ['hidden', 'seq', 'batch', 'lr', 'clip']) assert.ok(help.includes(`[--${k} ${d[k]}]`), `help shows --${k} ${d[k]}`);
  const l2e = eng.contract.l2e.presets.default;
  const l2eHelp = spawnSync(process.execPath, [cli, 'l2e', 'help'], { encoding: 'utf8' }).stdout;
  for (const [k, flag] of [['hidden', 'hidden'], ['batch', 'batch'], ['lr', 'lr'], ['clip', 'clip'], ['evalEvery', 'eval-every'],
    ['evalSamples', 'eval-samples']]) assert.ok(l2eHelp.includes(`[--${flag} ${l2e[k]}]`), `l2e help shows --${flag} ${l2e[k]}`);
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(`--hidden ${d.hidden} --seq ${d.seq} --batch ${d.batch} --lr ${d.lr}`), 'README shows the defaults');
  const r = spawnSync(process.execPath, [cli, 'train', '--lr', '0', '--steps', '1', '--engine', 'scalar'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--lr must be in \(0, 100\], got 0/);
  const v = spawnSync(process.execPath, [cli, 'train', '--vocab-cap', '1', '--steps', '1', '--engine', 'scalar'], { encoding: 'utf8' });
  assert.equal(v.status, 2);
  assert.match(v.stderr, /--vocab-cap must be in \[2, 4096\]/);
});
