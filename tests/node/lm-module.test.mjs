// lm-module.test.mjs - the playground's char-LM modules (wasm/rnn-lm-*.js,
// Makefile LM_SRC): small enough (gzip -9 of the file, as docs/performance.md
// measures modules), they train the same bytes as the full modules, they carry
// exactly the EXPORTS blocks the playground's worker needs (whole), and a
// function of a block they leave out says so when called.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { loadEngine, RnnEngine, ROOT } from './helpers.mjs';

const LIMIT = 64 * 1024; // issue 11: the module the playground loads, gzipped
// Today (zlib level 9): SIMD 61,845 bytes, scalar 53,734 (docs/performance.md).
const LM_BLOCKS = ['api', 'api_describe', 'api_l2e_data', 'api_ngram'];
const PAIRS = [['lm-simd', 'simd'], ['lm-scalar', 'scalar']];

const gzipped = (file) => zlib.gzipSync(readFileSync(path.join(ROOT, 'wasm', file)), { level: 9 }).length;

test('each char-LM module is at most 64 KB gzipped', () => {
  for (const kind of ['simd', 'scalar']) {
    const n = gzipped(`rnn-lm-${kind}.js`);
    assert.ok(n <= LIMIT, `wasm/rnn-lm-${kind}.js is ${n} bytes (${(n / 1024).toFixed(1)} KB) gzipped, above ${LIMIT / 1024} KB`);
  }
});

test('each char-LM module is smaller than half its full module, gzipped', () => {
  for (const kind of ['simd', 'scalar']) assert.ok(gzipped(`rnn-lm-${kind}.js`) < gzipped(`rnn-${kind}.js`) / 2, kind);
});

test('the char-LM modules have exactly the playground\'s blocks, each whole, and nothing outside EXPORTS', async () => {
  const known = new Set(Object.values(RnnEngine.EXPORTS).flatMap((b) => Object.keys(b)));
  for (const kind of ['lm-simd', 'lm-scalar', 'simd', 'scalar']) {
    const eng = await loadEngine(kind);
    assert.deepEqual(eng.blocks, kind.startsWith('lm-') ? LM_BLOCKS : Object.keys(RnnEngine.EXPORTS), kind);
    const exported = Object.keys(eng.mod).filter((k) => /^_rnn_/.test(k)).map((k) => k.slice(1));
    for (const name of exported) assert.ok(known.has(name), `${kind} exports ${name}, which EXPORTS lacks`);
  }
});

test('a function of a block the module leaves out throws "not in this build"', async () => {
  const eng = await loadEngine('lm-scalar');
  assert.throws(() => eng.createL2E({}), /rnn_l2e_create \(src\/api_l2e\.c\) is not in this build of the engine/);
  assert.throws(() => eng.taskLimits(), /rnn_tasks_limits \(src\/api_tasks\.c\) is not in this build/);
  // a partial block is a broken build, refused at start
  const full = await loadEngine('scalar');
  const mod = { ...full.mod };
  delete mod._rnn_ngram_free;
  assert.throws(() => new RnnEngine.Engine(mod), /engine module lacks rnn_ngram_free\/1 \(src\/api_ngram\.c\)/);
});

test('the char-LM modules describe the same contract as the full modules', async () => {
  for (const [lm, full] of PAIRS) assert.deepEqual((await loadEngine(lm)).contract, (await loadEngine(full)).contract, lm);
});

// what the playground's worker does with its engine, on a generated corpus
function run(eng) {
  const text = eng.corpus('sentences', 12000, 1);
  const m = eng.createCharLM(text, { hidden: 48, batch: 8, seq: 16, seed: 7, optim: 'adam', lr: 0.005, clipMode: 'norm', clip: 5 });
  try {
    const r = m.train(12);
    const out = {
      loss: r.loss, save: Buffer.from(m.save()).toString('base64'), val: m.evaluate(text.slice(-2000)).bpc,
      sample: m.sample({ length: 80, temperature: 0.8, seed: 3, prime: 'o ', topk: 5 }).text,
      radius: m.spectralRadius(), norms: Array.from(m.stepGradNorms().dhNorms), pytorch: m.exportPytorch(),
      ngram: eng.ngramText(text.slice(0, 8000), text.slice(8000, 9000), 4).bpc,
      programs: eng.l2eGenerate({ task: 'program', length: 2, nesting: 1, count: 5, seed: 1 }).map((x) => eng.l2ePretty(x.input)),
    };
    const back = eng.loadCharLM(m.save(), text);
    out.reload = Buffer.from(back.save()).toString('base64');
    back.free();
    return out;
  } finally { m.free(); }
}

test('a char-LM module computes the same bytes as its full module (training, model file, sample, views, n-gram, programs)', async () => {
  for (const [lm, full] of PAIRS) {
    const a = run(await loadEngine(lm)), b = run(await loadEngine(full));
    assert.deepEqual(a, b, `${lm} vs ${full}`);
    assert.equal(a.reload, a.save);
  }
});
