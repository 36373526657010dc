// l2e.test.mjs - learning to execute through the WASM modules and the CLI:
// generator output shape and pinned samples, the scramble as one substitution,
// the encoder-decoder learning 2-digit addition well above chance (scrambled
// or not), typed programs, and the `rnn l2e` commands' output and bad-argument exits.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { loadEngine } = require(path.join(ROOT, 'js', 'node-engine.js'));
const { formatBaseline } = require(path.join(ROOT, 'js', 'l2e-baseline.js'));
const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
import { KINDS } from './helpers.mjs'; // both modules; RNN_TEST_KINDS=simd narrows it (test.sh --quick)
const VOCAB = ' #()*+-.:;<=>@0123456789abcdefghijlnoprstx';

function rnn(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// scrambled[i] is plain[i] with every character of input and target through
// one bijection of the symbols that keeps '#', '@' and '.'; returns the map.
function assertSubstitution(plain, scrambled) {
  assert.equal(scrambled.length, plain.length);
  const map = new Map();
  let changed = 0;
  plain.forEach((p, i) => {
    const s = scrambled[i];
    const a = p.input + '\t' + p.target, b = s.input + '\t' + s.target;
    assert.equal(b.length, a.length, `${a} vs ${b}`);
    for (let j = 0; j < a.length; j++) {
      if (map.has(a[j])) assert.equal(map.get(a[j]), b[j], `'${a[j]}' maps to two symbols`);
      else map.set(a[j], b[j]);
    }
    changed += s.input !== p.input && s.target !== p.target;
  });
  for (const c of '#@.\t') if (map.has(c)) assert.equal(map.get(c), c, `'${c}' moved`);
  assert.equal(new Set(map.values()).size, map.size, 'two symbols map to one: not a bijection');
  for (const v of map.values()) assert.ok(v === '\t' || VOCAB.includes(v), `${v} outside the vocabulary`);
  assert.ok(changed > plain.length * 0.9, `only ${changed} samples changed`);
  return map;
}

// Training setting shared by the learning tests: 2-digit addition, defaults
// otherwise (hidden 128, batch 32, Adam 2e-3, clip 5, context at every step).
const ADD2 = { task: 'addition', length: 2, strategy: 'baseline', seed: 3, evalSamples: 256 };
const STEPS = 600;

for (const kind of KINDS) {
  test(`${kind}: generator output shape, vocabulary and determinism`, async () => {
    const eng = await loadEngine(kind);
    assert.equal(eng.l2eVocab(), VOCAB);
    const a = eng.l2eGenerate({ task: 'program', length: 3, nesting: 2, count: 200, seed: 11, split: 'train' });
    const c = eng.l2eGenerate({ task: 'program', length: 3, nesting: 2, count: 200, seed: 12, split: 'train' });
    assert.equal(a.length, 200);
    // pinned: the same samples in both modules and across runs (a change to
    // the generator shows here, and in the race results of docs/l2e.md)
    assert.deepEqual(a[0], { input: 'a=666#for x in range(7):a-=(397-602)#print(a)@', target: '2101.' });
    assert.equal(createHash('sha256').update(JSON.stringify(a)).digest('hex').slice(0, 16), '64ee933095dcc1a0');
    assert.notDeepEqual(a, c, 'seeds 11 and 12 gave the same samples');
    for (const { input, target } of a) {
      assert.match(input, /^[^@]*print\(.+\)@$/, input);
      assert.match(target, /^-?\d+\.$/, target);
      for (const ch of input + target) assert.ok(VOCAB.includes(ch), `symbol ${JSON.stringify(ch)} outside the vocabulary`);
      const pretty = eng.l2ePretty(input);
      assert.ok(!/[#@]/.test(pretty) && pretty.endsWith(')'), pretty);
    }
    assert.equal(eng.l2ePretty('c=761112#for x in range(17):c-=30452#d=c;#print((d+579716))@'),
      'c=761112\nfor x in range(17): c-=30452\nd=c\nprint((d+579716))');
    for (const { input, target } of eng.l2eGenerate({ task: 'addition', length: 2, count: 100, seed: 2 })) {
      const m = /^print\((\d\d)\+(\d\d)\)@$/.exec(input);
      assert.ok(m, input);
      assert.equal(target, `${Number(m[1]) + Number(m[2])}.`);
    }
    for (const { input, target } of eng.l2eGenerate({ task: 'copy', length: 5, count: 50, seed: 2 })) {
      assert.match(input, /^\d{5}@$/);
      assert.equal(target, input.slice(0, 5) + '.');
    }
    // scrambling is one substitution of the symbols for the whole run, applied to
    // the input and the target of the same programs ('#', '@', '.' stay)
    const plainP = eng.l2eGenerate({ task: 'program', length: 3, nesting: 2, count: 100, seed: 4 });
    const scrP = eng.l2eGenerate({ task: 'program', length: 3, nesting: 2, count: 100, seed: 4, scramble: true });
    assertSubstitution(plainP, scrP);
    assert.throws(() => eng.l2eGenerate({ task: 'program', length: 10, nesting: 1 }), /length/);
    assert.throws(() => eng.l2eGenerate({ task: 'poetry', length: 2 }), /unknown task/);
  });

  test(`${kind}: 2-digit addition is learnt well above chance in ${STEPS} steps`, async (t) => {
    const eng = await loadEngine(kind);
    const m = eng.createL2E(ADD2);
    try {
      const before = m.evaluate('val');
      const st = m.train(STEPS);
      assert.ok(st.ok && st.step === STEPS && st.samples === STEPS * 32, JSON.stringify(st));
      const val = m.evaluate('val');
      const guess = formatBaseline(eng.l2eGenerate({ task: 'addition', length: 2, count: 3000, split: 'train', seed: 7 }),
        eng.l2eGenerate({ task: 'addition', length: 2, count: 3000, split: 'val', seed: 8 }));
      t.diagnostic(`val per-char ${val.charAcc.toFixed(3)}, exact ${val.exact.toFixed(3)}; format guess ${guess.charAcc.toFixed(3)}`);
      // chance over the digits is ~1/11; guessing from the format alone (the
      // leading '1', the final '.') gives ~0.5 per char and ~1% exact
      assert.ok(guess.charAcc > 0.4 && guess.charAcc < 0.6 && guess.exact < 0.05, JSON.stringify(guess));
      assert.ok(before.charAcc < guess.charAcc + 0.05, `untrained model already at ${before.charAcc}`);
      assert.ok(val.charAcc > guess.charAcc + 0.15, `per-char ${val.charAcc} vs format guess ${guess.charAcc}`);
      assert.ok(val.exact > 0.1, `exact match ${val.exact}`); // the format guess gets ~1%
      const ex = m.examples(16);
      assert.equal(ex.length, 16);
      for (const e of ex) {
        assert.match(e.input, /^print\(\d\d\+\d\d\)@$/);
        assert.equal(e.correct, e.prediction === e.target);
      }
      assert.match(m.predict('print(12+34)@'), /^[-\d.]{1,4}$/);
      assert.throws(() => m.predict('print(12+34)!'), /vocabulary/);
      assert.throws(() => m.predict('print(' + '1'.repeat(200) + ')@'), /input of/);
      assert.match(m.predict('print(' + '1'.repeat(40) + ')@'), /^[-\d.]+$/); // longer than trained: read anyway
    } finally {
      m.free();
    }
  });
}

// The scramble relabels the symbols; a network reading one-hot symbols does
// not know what they mean anyway, so it learns the scrambled task as well.
test('simd: the scrambled variant (one substitution) is learnt as well as the plain task', async (t) => {
  const eng = await loadEngine('simd');
  const m = eng.createL2E({ ...ADD2, scramble: true });
  try {
    m.train(STEPS);
    const val = m.evaluate('val');
    const ex = m.examples(8);
    const plain = eng.l2eGenerate({ task: 'addition', length: 2, count: 3000, split: 'train', seed: 7 });
    assert.ok(ex.every((e) => /^[^@]+@$/.test(e.input) && !/^print\(/.test(e.input) && !/^\d+\.$/.test(e.target)),
      'examples not scrambled');
    const guess = formatBaseline(plain, eng.l2eGenerate({ task: 'addition', length: 2, count: 3000, split: 'val', seed: 8 }));
    t.diagnostic(`scrambled val per-char ${val.charAcc.toFixed(3)}, exact ${val.exact.toFixed(3)}; format guess ${guess.charAcc.toFixed(3)}`);
    // the same bars as the plain task's test above (which reaches ~0.8 per char)
    assert.ok(val.charAcc > guess.charAcc + 0.15, `scrambled per-char ${val.charAcc} vs format guess ${guess.charAcc}`);
    assert.ok(val.exact > 0.1, `scrambled exact ${val.exact}`);
    // predict takes and returns plain text: the model reads it through its substitution
    assert.match(m.predict('print(12+34)@'), /^\d{1,3}\.$/);
  } finally {
    m.free();
  }
});

test('simd: a typed program: serialised form and what the engine\'s interpreter prints', async () => {
  const eng = await loadEngine('simd');
  const slide1 = 'j=8584\nfor x in range(8):\n    j+=920\nb=(1500+j)\nprint((b+7567))';
  const s1 = eng.l2eSerialize(slide1);
  assert.equal(s1, 'j=8584#for x in range(8):j+=920#b=(1500+j);#print((b+7567))@');
  assert.equal(eng.l2eExecute(s1), '25011.');
  assert.equal(eng.l2eExecute(eng.l2eSerialize('i=8827\nc=(i-5347)\nprint((c+8704) if 2641<8500 else\n5308)')), '12184.');
  for (const { input, target } of eng.l2eGenerate({ task: 'program', length: 4, nesting: 3, count: 200, seed: 5 })) {
    assert.equal(eng.l2eSerialize(eng.l2ePretty(input)), input);
    assert.equal(eng.l2eExecute(input), target, input);
  }
  assert.throws(() => eng.l2eExecute('print(q)@'), /before it is assigned/);
  assert.throws(() => eng.l2eExecute('a=1#'), /must end with print/);
});

test('simd: same seed, same weights however training is chunked; parameter table adds up', async () => {
  const eng = await loadEngine('simd');
  const opts = { task: 'program', length: 2, nesting: 2, strategy: 'combined', hidden: 16, batch: 4, seed: 9, evalEvery: 5, evalSamples: 8 };
  const a = eng.createL2E(opts), b = eng.createL2E(opts);
  try {
    const sa = a.train(12), sb = b.train(7);
    b.train(5); // chunking does not matter
    assert.equal(sa.step, 12);
    const pa = a.params(), pb = b.params();
    assert.deepEqual(pa.data, pb.data);
    assert.equal(pa.tensors.reduce((s, t) => s + t.size, 0), pa.data.length);
    assert.deepEqual(pa.tensors.map((t) => t.name), ['enc.U', 'enc.W', 'enc.b', 'dec.U', 'dec.W', 'dec.b', 'out.Wy', 'out.by']);
    const info = a.info;
    assert.equal(info.decoderInput, 42 + 16); // context at every step: [one-hot ; c]
    assert.deepEqual(a.evaluate('test'), b.evaluate('test'));
    assert.ok(sa.evals === 2 && sa.level.length >= 1, JSON.stringify(sa));
  } finally {
    a.free();
    b.free();
  }
  const init = eng.createL2E({ ...opts, context: 'init', reverse: true });
  assert.equal(init.info.decoderInput, 42);
  init.free();
  assert.throws(() => eng.createL2E({ ...opts, strategy: 'greedy' }), /strategy/);
  assert.throws(() => eng.createL2E({ ...opts, hidden: 0 }), /hidden/);
  assert.throws(() => eng.createL2E({ ...opts, task: 'addition', length: 12 }), /length/);
});

test('cli: l2e gen --json is one {input, target} object per line, the engine\'s samples', async () => {
  const args = ['l2e', 'gen', '--length', '3', '--nesting', '2', '--count', '7', '--split', 'val', '--seed', '5', '--json'];
  const r1 = rnn(...args);
  assert.equal(r1.code, 0, r1.err);
  const rows = r1.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 7);
  const eng = await loadEngine('simd');
  assert.deepEqual(rows, eng.l2eGenerate({ task: 'program', length: 3, nesting: 2, count: 7, split: 'val', seed: 5 }));
  for (const o of rows) {
    assert.deepEqual(Object.keys(o), ['input', 'target']);
    assert.match(o.input, /#?.*print\(.*\)@$/);
    assert.match(o.target, /^-?\d+\.$/);
  }
  // --scramble: the same programs, each through the run's one substitution
  const sc = rnn(...args, '--scramble');
  assert.equal(sc.code, 0, sc.err);
  assertSubstitution(rows, sc.out.trim().split('\n').map((l) => JSON.parse(l)));
  const add = rnn('l2e', 'gen', '--task', 'addition', '--length', '2', '--count', '3');
  assert.equal(add.code, 0, add.err);
  assert.equal(add.out.trim().split('\n').length, 3);
  const pretty = rnn('l2e', 'gen', '--length', '2', '--nesting', '3', '--count', '2', '--pretty');
  assert.equal(pretty.code, 0, pretty.err);
  assert.ok(!pretty.out.includes('#') && pretty.out.includes('print('), pretty.out);
});

test('cli: l2e train and race print curves and a table', () => {
  const t = rnn('l2e', 'train', '--task', 'addition', '--length', '1', '--strategy', 'naive', '--steps', '20',
    '--report-every', '10', '--hidden', '16', '--eval-samples', '16', '--eval-every', '5', '--json');
  assert.equal(t.code, 0, t.err);
  const ev = t.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(ev.map((e) => e.event), ['start', 'progress', 'progress', 'result']);
  for (const k of ['step', 'level', 'batch_char', 'train_char', 'train_exact', 'val_char', 'val_exact']) assert.ok(k in ev[2], k);
  assert.equal(ev[3].step, 20);
  const r = rnn('l2e', 'race', '--length', '1', '--nesting', '2', '--steps', '10', '--hidden', '16', '--eval-samples', '16');
  assert.equal(r.code, 0, r.err);
  for (const s of ['baseline', 'naive', 'mix', 'combined', 'format guess', 'val-char', 'val-exact']) assert.ok(r.out.includes(s), s);
});

test('cli: bad arguments exit 2 with one line on stderr', () => {
  const cases = [
    ['l2e', 'gen', '--length', '0'],
    ['l2e', 'gen'],
    ['l2e', 'gen', '--length', '2', '--split', 'holdout'],
    ['l2e', 'gen', '--length', '2', '--task', 'poetry'],
    ['l2e', 'gen', '--length', 'two'],
    ['l2e', 'gen', '--length', '2', '--task', 'addition', '--nesting', '3'],
    ['l2e', 'train', '--length', '2', '--strategy', 'greedy'],
    ['l2e', 'train', '--length', '2', '--steps', '5', '--seconds', '5'],
    ['l2e', 'train', '--length', '2', '--context', 'sometimes'],
    ['l2e', 'race', '--length', '2', '--strategy', 'mix'],
    ['l2e', 'race', '--length', '2', '--hidden', '-3'],
    ['l2e', 'fly'],
  ];
  for (const args of cases) {
    const r = rnn(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}\n${r.err}`);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, `${args.join(' ')}: ${r.err}`);
    assert.ok(!/\bat .*:\d+/.test(r.err), `stack trace: ${r.err}`);
    assert.equal(r.out, '');
  }
});
