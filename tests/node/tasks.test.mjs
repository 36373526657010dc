// tasks.test.mjs - the n-gram model and the widgets' task generators through
// js/engine.js (src/api_tasks.c), on both modules: the Kneser-Ney bits/char
// against the independent Python reference (tests/python/kn_ngram.py), the
// full Tiny Shakespeare figures, `rnn ngram`, and the generators' contracts
// (determinism, splits, labels, shapes, the n-gram's fixed window).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine, KINDS, ROOT, SHAKESPEARE } from './helpers.mjs';

const REFERENCE = path.join(ROOT, 'tests', 'python', 'kn_ngram.py');
const CLI = path.join(ROOT, 'scripts', 'rnn.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-tasks-'));
const noText = !fs.existsSync(SHAKESPEARE) && 'tinyshakespeare.txt not present';
// the issue's tolerance between the engine and the reference
const REFERENCE_TOLERANCE = 0.05;
// bits/char of the reference on Tiny Shakespeare, first 90% train / last 10%
// validation (python3 tests/python/kn_ngram.py --order N --file ... --split 0.9)
const FULL_REFERENCE = { 3: 2.950154, 5: 2.277943 };

function slices() {
  const text = fs.readFileSync(SHAKESPEARE, 'utf8');
  return { train: text.slice(0, 150000), data: text.slice(150000, 165000) };
}

test('n-gram bits/char match the Python reference on a Tiny Shakespeare slice (orders 3 and 5)', { skip: noText }, async () => {
  const { train, data } = slices();
  fs.writeFileSync(path.join(dir, 'train.txt'), train);
  fs.writeFileSync(path.join(dir, 'data.txt'), data);
  for (const order of [3, 5]) {
    const r = spawnSync('python3', [REFERENCE, '--order', String(order), '--train', path.join(dir, 'train.txt'),
      '--data', path.join(dir, 'data.txt')], { encoding: 'utf8', timeout: 120000 });
    assert.equal(r.status, 0, r.stderr);
    const ref = JSON.parse(r.stdout);
    for (const kind of KINDS) {
      const got = (await loadEngine(kind)).ngramText(train, data, order);
      assert.equal(got.chars, ref.chars);
      assert.ok(Math.abs(got.bpc - ref.bpc) < REFERENCE_TOLERANCE, `${kind} order ${order}: engine ${got.bpc}, reference ${ref.bpc}`);
      // the same formula in both: agreement far inside the tolerance
      assert.ok(Math.abs(got.bpc - ref.bpc) < 1e-6, `${kind} order ${order}: engine ${got.bpc}, reference ${ref.bpc}`);
    }
  }
});

test('n-gram on the whole of Tiny Shakespeare (90% / 10%): the reference figures, and the issue\'s within 0.05', { skip: noText }, async () => {
  const text = fs.readFileSync(SHAKESPEARE, 'utf8'), cut = Math.floor(text.length * 0.9);
  const eng = await loadEngine('simd');
  const issue = { 3: 2.95, 5: 2.26 };
  for (const order of [3, 5]) {
    const r = eng.ngramText(text.slice(0, cut), text.slice(cut), order);
    assert.equal(r.chars, text.length - cut);
    assert.ok(Math.abs(r.bpc - FULL_REFERENCE[order]) < 1e-5, `order ${order}: ${r.bpc}`);
    assert.ok(Math.abs(r.bpc - issue[order]) < 0.05, `order ${order}: ${r.bpc} vs the issue's ${issue[order]}`);
  }
});

test('rnn ngram prints {"order","bpc","chars"} and refuses bad usage with exit 2', async () => {
  const train = 'the cat sat on the mat. '.repeat(50), data = 'the cat sat on the hat. ';
  fs.writeFileSync(path.join(dir, 'a.txt'), train);
  fs.writeFileSync(path.join(dir, 'b.txt'), data);
  const run = (...args) => spawnSync(process.execPath, [CLI, 'ngram', ...args], { encoding: 'utf8', timeout: 60000 });
  const r = run('--order', '4', '--train', path.join(dir, 'a.txt'), '--data', path.join(dir, 'b.txt'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['order', 'bpc', 'chars']);
  const want = (await loadEngine('auto')).ngramText(train, data, 4);
  assert.equal(out.order, 4);
  assert.equal(out.chars, data.length);
  assert.equal(out.bpc, want.bpc);
  const plain = run('--train', path.join(dir, 'a.txt'), '--data', path.join(dir, 'b.txt'));
  assert.match(plain.stdout, /^\d+\.\d{4} bits\/char over 24 predicted characters \(order 5 /);
  for (const bad of [['--order', '7', '--train', 'a', '--data', 'b'], ['--order', '2.5'], ['--data', 'b'], ['--train', 'a'], ['--frobnicate']]) {
    const e = run(...bad);
    assert.equal(e.status, 2, `${bad.join(' ')}: ${e.stderr}`);
    assert.match(e.stderr, /^rnn: /);
  }
  const missing = run('--train', path.join(dir, 'nope.txt'), '--data', path.join(dir, 'b.txt'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no such file/);
});

for (const kind of KINDS) {
  test(`${kind}: n-gram model over token ids: predict, bits, accuracy, errors`, async () => {
    const eng = await loadEngine(kind);
    const m = eng.createNgram([0, 0, 1], { vocab: 2, order: 1 });
    // by hand (see tests/c/test_tasks.c): P(0) = 2/3, P(1) = 1/3
    const p = m.predict([]);
    assert.ok(Math.abs(p.probs[0] - 2 / 3) < 1e-6 && Math.abs(p.probs[1] - 1 / 3) < 1e-6, String(p.probs));
    assert.equal(p.best, 0);
    const b = m.bits([0, 1]);
    assert.ok(Math.abs(b.bits - (-Math.log2(2 / 3) - Math.log2(1 / 3))) < 1e-9, String(b.bits));
    assert.deepEqual(m.info, { order: 1, vocab: 2, entries: 3, bytes: m.info.bytes, discounts: [1 / 3] });
    assert.throws(() => m.bits([0, 2]), /token 2 at 1 not in 0\.\.1/);
    m.free();
    assert.throws(() => m.predict([0]), /freed/);
    assert.throws(() => eng.createNgram([0, 1], { vocab: 2, order: 7 }), /order must be an integer in \[1, 6\]/);
    assert.throws(() => eng.createNgram([0, 1.5], { vocab: 2 }), /tokens\[1\] is not an integer/);
    assert.throws(() => eng.ngramText('', 'abc', 3), /empty/);
  });

  test(`${kind}: memory task: the n-gram of order n answers when gap < n, else chance`, async () => {
    const eng = await loadEngine(kind);
    for (const gap of [2, 4, 6]) {
      const train = eng.memoryGenerate({ gap, count: 4000, seed: 1 });
      const held = eng.memoryGenerate({ gap, count: 1000, seed: 2 });
      assert.equal(train.tokens.length, 4000 * gap);
      assert.equal(train.stream.length, 4000 * (gap + 1));
      for (let i = 0; i < 20; i++) {
        assert.equal(train.tokens[i * gap], train.targets[i]);
        assert.equal(train.tokens[i * gap + gap - 1], train.recall);
        assert.equal(train.stream[i * (gap + 1) + gap], train.targets[i]);
      }
      for (const order of [3, 5]) {
        const m = eng.createNgram(train.stream, { vocab: train.vocab, order });
        const { accuracy } = m.accuracy(held.tokens, held.targets);
        m.free();
        if (gap < order) assert.ok(accuracy > 0.97, `gap ${gap} order ${order}: ${accuracy}`);
        else assert.ok(accuracy < 0.35, `gap ${gap} order ${order}: ${accuracy} (chance 0.25)`);
      }
    }
    assert.throws(() => eng.memoryGenerate({ gap: 1 }), /memory gap 1 not in 2\.\.256/);
  });

  test(`${kind}: reviews: the lecture's review, the vocabulary, splits and labels`, async () => {
    const eng = await loadEngine(kind);
    const vocab = eng.reviewsVocab();
    assert.deepEqual(vocab.map((w) => w.word), ['ator', 'a', 'boa', 'bom', 'chato', 'é', 'filme', 'horrível', 'incrível',
      'lindo', 'mas', 'música', 'o', 'péssimo', 'roteiro']);
    assert.deepEqual(vocab.filter((w) => w.polarity > 0).map((w) => w.word), ['boa', 'bom', 'incrível', 'lindo']);
    assert.deepEqual(vocab.filter((w) => w.polarity < 0).map((w) => w.word), ['chato', 'horrível', 'péssimo']);
    const words = eng.reviewsTokenize('O filme é péssimo, roteiro horrível, mas a música é boa!');
    assert.deepEqual(words.map((w) => w.id), [12, 6, 5, 13, 14, 7, 10, 1, 11, 5, 2]);
    assert.equal(words[0].word, 'O');
    assert.equal(eng.reviewsLabel(words.map((w) => w.id)).label, -1);
    assert.equal(eng.reviewsLabel(eng.reviewsTokenize('o filme é péssimo mas a música é boa').map((w) => w.id)).label, 1);
    assert.deepEqual(eng.reviewsTokenize('Filme ótimo?'), [{ word: 'Filme', id: 6, known: true }, { word: 'ótimo', id: -1, known: false }]);
    const train = eng.reviewsGenerate({ count: 2000, split: 'train', seed: 1 });
    const held = eng.reviewsGenerate({ count: 300, split: 'heldout', seed: 1 });
    assert.deepEqual(eng.reviewsGenerate({ count: 50, split: 'train', seed: 1 }), train.slice(0, 50));
    assert.notDeepEqual(eng.reviewsGenerate({ count: 50, split: 'train', seed: 2 }), train.slice(0, 50));
    const seen = new Set(train.map((r) => r.text));
    assert.ok(held.every((r) => !seen.has(r.text)), 'a held-out review appears in training');
    for (const r of [...train, ...held]) {
      assert.ok(r.label === 1 || r.label === -1);
      assert.equal(eng.reviewsLabel(r.words).label, r.label);
      assert.deepEqual(eng.reviewsTokenize(r.text).map((w) => w.id), r.words);
    }
    assert.ok(held.every((r) => eng.reviewsLabel(r.words).split === 'heldout'));
    const pos = train.filter((r) => r.label > 0).length / train.length;
    assert.ok(pos > 0.4 && pos < 0.6, `positive fraction ${pos}`);
    assert.ok(train.filter((r) => r.words.includes(10)).length > 500, 'contrastive reviews');
    assert.throws(() => eng.reviewsGenerate({ split: 'test' }), /unknown split 'test'/);
  });

  // The slide: W_ax rows filme / sentim. / gênero over columns 1..15; with
  // W_aa = I, a linear unit and no bias, a(t) = a(t-1) + W_ax x(t) ends the
  // lecture's review at a = [2, -1, -1], and y = tanh(V a) with V reading the
  // sentim. row is tanh(-1) = -0.76: negative. The SeqNet computes it.
  test(`${kind}: reviews: the slide's W_ax through a hand-set SeqNet ends at a = [2, -1, -1], y = tanh(-1)`, async () => {
    const eng = await loadEngine(kind);
    const slide = eng.reviewsSlide();
    const vocab = eng.reviewsVocab();
    const col = (w) => slide.column[vocab.find((v) => v.word === w).id];
    assert.deepEqual(['a', 'boa', 'é', 'filme', 'horrível', 'mas', 'música', 'o', 'péssimo', 'roteiro'].map(col), [1, 2, 5, 6, 7, 10, 11, 12, 13, 14]);
    assert.deepEqual([...slide.column].sort((x, y) => x - y), Array.from({ length: 15 }, (_, i) => i + 1));
    const byWord = (row) => Object.fromEntries(vocab.filter((v) => slide.wax[row][v.id] !== 0).map((v) => [v.word, slide.wax[row][v.id]]));
    assert.deepEqual(byWord(0), { filme: 1, roteiro: 1 });
    assert.deepEqual(byWord(1), { boa: 1, horrível: -1, péssimo: -1 });
    assert.deepEqual(byWord(2), { a: 1, boa: 1, filme: -1, música: 1, o: -1, péssimo: -1, roteiro: -1 });   // grammatical gender
    assert.deepEqual(vocab.filter((v) => !slide.named[v.id]).map((v) => slide.column[v.id]).sort((x, y) => x - y), [3, 4, 8, 9, 15]);
    const net = eng.createSeqNet({ input: 15, inputKind: 'onehot', hidden: 3, output: 1, activation: 'linear', head: 'tanh-mse', batch: 1, steps: 17, seed: 1 });
    try {
      net.setWeights({ U: slide.wax, W: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], b: [0, 0, 0], V: [[0, 1, 0]], c: [0] });
      net.reset();
      const words = eng.reviewsTokenize('O filme é péssimo, roteiro horrível, mas a música é boa!');
      let r = null;
      const hs = words.map((w) => { r = net.step(w.id); return Array.from(r.h); });
      assert.deepEqual(hs[3], [1, -1, -3]);       // o filme é péssimo
      assert.deepEqual(hs[10], [2, -1, -1]);      // the slide's a
      assert.ok(Math.abs(r.y[0] - Math.tanh(-1)) < 1e-6, `y = ${r.y[0]}`);
      assert.equal(r.y[0].toFixed(2), '-0.76');
    } finally { net.free(); }
  });

  test(`${kind}: ball trajectories: one-hot frames, the sequence determines the direction, the last frame does not`, async () => {
    const eng = await loadEngine(kind);
    const G = 5, T = 4, count = 8000;
    const b = eng.ballGenerate({ grid: G, frames: T, dirs: 4, count, seed: 3 });
    assert.equal(b.x.length, count * T * G * G);
    assert.equal(b.inputSize, G * G);
    assert.deepEqual(b.directions, ['up', 'right', 'down', 'left']);
    const step = { 0: [-1, 0], 1: [0, 1], 2: [1, 0], 3: [0, -1] };
    const lastByCell = Array.from({ length: G * G }, () => [0, 0, 0, 0]);
    for (let i = 0; i < count; i++) {
      for (let t = 0; t < T; t++) {
        const frame = b.x.subarray((i * T + t) * G * G, (i * T + t + 1) * G * G);
        assert.equal(frame.reduce((s, v) => s + v, 0), 1);
        assert.equal(frame[b.cells[i * T + t]], 1);
      }
      const [dr, dc] = step[b.labels[i]], c0 = b.cells[i * T], c1 = b.cells[i * T + 1];
      assert.equal(c1, ((Math.floor(c0 / G) + dr + G) % G) * G + ((c0 % G) + dc + G) % G);
      lastByCell[b.cells[i * T + T - 1]][b.labels[i]]++;
    }
    // the best possible one-frame rule, fitted on these very samples, stays near chance
    const best = lastByCell.reduce((s, counts) => s + Math.max(...counts), 0) / count;
    assert.ok(best < 0.3, `one-frame accuracy ${best}`);
    assert.deepEqual(eng.ballGenerate({ count: 5, seed: 3 }).cells, b.cells.subarray(0, 5 * T));
    assert.throws(() => eng.ballGenerate({ dirs: 6 }), /ball directions 6/);
    assert.equal(eng.ballGenerate({ dirs: 8, count: 10 }).directions.length, 8);
  });
}

test('the limits the engine reports', async () => {
  const l = (await loadEngine('auto')).taskLimits();
  assert.equal(l.ngramMaxOrder, 6);
  assert.equal(l.reviewsVocab, 15);
  assert.ok(l.ngramMaxTokens >= 1115394, 'Tiny Shakespeare fits');
});
