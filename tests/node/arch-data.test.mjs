// arch-data.test.mjs - the architectures and translation widgets' generators
// (src/data/phrases.c, names_tag.c, arch_tasks.c through src/api_arch.c and
// src/api_translate.c) and the encoder-decoder ABI (rnn_ed_*): values,
// determinism, splits, and clear errors for bad input.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';

const eng = await loadEngine('scalar');
const words = (ids, vocab) => ids.map((k) => vocab[k]).join(' ');

test('phrase pairs: both sides end with ".", the flags say what differs, same seed same pairs', () => {
  const L = eng.archLimits(), vocab = eng.phraseVocab();
  assert.equal(vocab.length, L.phraseVocab);
  assert.equal(vocab[L.eos], '.');
  assert.equal(vocab[L.go], '<go>');
  const ps = eng.phraseGenerate({ count: 400, split: 'any', seed: 3 });
  assert.deepEqual(ps, eng.phraseGenerate({ count: 400, split: 'any', seed: 3 }));
  let differ = 0, order = 0;
  for (const p of ps) {
    assert.equal(p.pt.at(-1), L.eos); assert.equal(p.en.at(-1), L.eos);
    assert.ok(!p.pt.slice(0, -1).includes(L.eos) && !p.pt.includes(L.go) && !p.en.includes(L.go));
    assert.ok(p.pt.length <= L.phraseMaxWords && p.en.length <= L.phraseMaxWords);
    assert.equal(p.lengthsDiffer, p.pt.length !== p.en.length, p.ptText);
    assert.equal(p.ptText, words(p.pt, vocab));
    differ += p.lengthsDiffer; order += p.orderDiffers;
  }
  assert.ok(differ > 40 && differ < 200, `lengths differ in ${differ} of 400`);
  assert.ok(order > 100 && order < 300, `order differs in ${order} of 400`);
});

test('phrase pairs: the grammar (adjective after the noun in Portuguese, "não" = "does not", "gosta do" = "likes the")', () => {
  const ps = eng.phraseGenerate({ count: 2000, split: 'any', seed: 5 });
  const find = (re) => ps.find((p) => re.test(p.ptText));
  const adj = find(/^o gato pequeno vê /);
  assert.ok(adj, 'some "o gato pequeno vê ..."');
  assert.match(adj.enText, /^the small cat sees /);
  assert.ok(adj.orderDiffers);
  const neg = find(/^\S+ \S+ não come /);
  assert.match(neg.enText, /^\S+ \S+ does not eat /);
  const de = find(/ gosta do /);
  assert.match(de.enText, / likes the /);
  const deUm = find(/ gosta de um /);
  assert.match(deUm.enText, / likes a /);
  // nobody eats a person or an animal
  for (const p of ps) assert.doesNotMatch(p.ptText, / come (o|a|um|uma) (gato|cão|menino|menina)\b/);
});

test('phrase pairs: train and held-out splits never share a sentence; one in five is held out', () => {
  const train = new Set(eng.phraseGenerate({ count: 3000, split: 'train', seed: 1 }).map((p) => p.ptText));
  const held = eng.phraseGenerate({ count: 600, split: 'heldout', seed: 2 });
  for (const p of held) assert.ok(!train.has(p.ptText), p.ptText);
  const any = eng.phraseGenerate({ count: 2000, split: 'any', seed: 9 });
  const heldSet = new Set(held.map((p) => p.ptText));
  assert.ok(heldSet.size > 150, `${heldSet.size} distinct held-out sentences`);
  assert.equal(eng.archLimits().phraseHeldOut, 5);
  assert.ok(any.length === 2000);
});

test('phraseTokenize: case-folded words, punctuation dropped, unknown words named', () => {
  const t = eng.phraseTokenize('O Gato, pequeno — NÃO vê a xícara! 🐈 VÊ');
  assert.deepEqual(t.map((w) => w.word), ['O', 'Gato', 'pequeno', 'NÃO', 'vê', 'a', 'xícara', 'VÊ']);
  assert.deepEqual(t.map((w) => w.known), [true, true, true, true, true, true, false, true]);
  const vocab = eng.phraseVocab();
  assert.deepEqual(t.map((w) => (w.known ? vocab[w.id] : null)), ['o', 'gato', 'pequeno', 'não', 'vê', 'a', null, 'vê']);
  assert.deepEqual(eng.phraseTokenize('x'.repeat(100)).map((w) => w.known), [false]);
  assert.deepEqual(eng.phraseTokenize(''), []);
  assert.deepEqual(eng.phraseTokenize('  ...  '), []);
});

test('name-tagging sentences: names tagged 1, "potter" is a name after a first name and a job after "the"', () => {
  const ss = eng.namesGenerate({ count: 3000, split: 'any', seed: 4 });
  const firsts = new Set(['harry', 'hermione', 'ron', 'ginny', 'luna', 'neville', 'rose', 'albus']);
  let nameAfterFirst = 0, jobAfterThe = 0;
  for (const s of ss) {
    const w = s.text.split(' ');
    assert.equal(w.length, s.tags.length);
    assert.equal(w.at(-1), '.');
    w.forEach((x, i) => {
      if (x === 'potter' || x === 'baker') {
        if (w[i - 1] === 'the') { assert.equal(s.tags[i], 0, s.text); jobAfterThe++; }
        else { assert.ok(firsts.has(w[i - 1]), s.text); assert.equal(s.tags[i], 1, s.text); nameAfterFirst++; }
      }
      if (x === 'rose') assert.equal(s.tags[i], w[i - 1] === 'a' ? 0 : 1, s.text);
      if (['met', 'saw', 'the', 'a', ',', '.', 'yesterday'].includes(x)) assert.equal(s.tags[i], 0);
    });
  }
  assert.ok(nameAfterFirst > 50 && jobAfterThe > 50, `${nameAfterFirst} surnames, ${jobAfterThe} jobs`);
  const train = new Set(eng.namesGenerate({ count: 2000, split: 'train', seed: 1 }).map((s) => s.text));
  for (const s of eng.namesGenerate({ count: 300, split: 'heldout', seed: 2 })) assert.ok(!train.has(s.text), s.text);
});

test('the lecture\'s sentence "Yesterday, Harry Potter met Hermione Granger." tagged, in the held-out split', () => {
  const s = eng.namesLecture();
  assert.equal(s.text, 'yesterday , harry potter met hermione granger .');
  assert.deepEqual(s.tags, [0, 0, 1, 1, 0, 1, 1, 0]);   // Harry Potter, Hermione Granger
  assert.equal(s.heldOut, true);   // the split the generator gives it: names_generate(train) never returns it
});

test('seven-segment digits and counting on', () => {
  const clean = eng.seg7Generate({ count: 50, noise: 0, seed: 1 });
  const PATTERNS = { 1: [0, 1, 1, 0, 0, 0, 0], 8: [1, 1, 1, 1, 1, 1, 1], 7: [1, 1, 1, 0, 0, 0, 0], 0: [1, 1, 1, 1, 1, 1, 0] };
  clean.digits.forEach((d, i) => {
    if (PATTERNS[d]) assert.deepEqual(Array.from(clean.x.subarray(i * 7, i * 7 + 7)), PATTERNS[d]);
  });
  const noisy = eng.seg7Generate({ count: 200, noise: 0.4, seed: 1 });
  assert.deepEqual(noisy.digits, clean.digits.length === 200 ? clean.digits : eng.seg7Generate({ count: 200, noise: 0, seed: 1 }).digits);
  for (const v of noisy.x) assert.ok(v >= -0.4 && v <= 1.4);
  const c = eng.countGenerate({ count: 20, len: 5, seed: 2 });
  c.start.forEach((d, i) => assert.deepEqual(Array.from(c.out.subarray(i * 5, i * 5 + 5)), [1, 2, 3, 4, 5].map((k) => (d + k) % 10)));
});

test('bad input: clear errors, nothing generated', () => {
  assert.throws(() => eng.phraseGenerate({ count: -1 }), /count/);
  assert.throws(() => eng.phraseGenerate({ split: 'test' }), /unknown split 'test'/);
  assert.throws(() => eng.seg7Generate({ noise: 2 }), /noise 2 not in \[0, 1\]/);
  assert.throws(() => eng.countGenerate({ len: 0 }), /len must be an integer/);
  assert.throws(() => eng.countGenerate({ len: 40 }), /length 40 not in 1..32/);
  assert.throws(() => eng.createEncDec({ vocab: 10, hidden: 0 }), /hidden/);
  assert.throws(() => eng.createEncDec({ vocab: 300 }), /vocab|vocabulary/i);
  assert.throws(() => eng.createEncDec({ vocab: 10, context: 'sometimes' }), /unknown context/);
  const ed = eng.createEncDec({ vocab: 10, hidden: 8, batch: 4, maxIn: 4, maxOut: 4 });
  assert.throws(() => ed.train([[1, 2]], [[3, 4, 5, 6, 7]]), /targets\[0\] must have 1..4 tokens/);
  assert.throws(() => ed.train([[1, 12]], [[3]]), /token|range/i);
  assert.throws(() => ed.train([[1], [2]], [[3]]), /2 inputs but 1 targets/);
  ed.free();
  assert.throws(() => ed.decode([[1]]), /freed/);
});

test('encoder-decoder: learns to copy a short sequence; decode gives tokens, probabilities and the summary c', () => {
  const ed = eng.createEncDec({ vocab: 6, hidden: 24, batch: 64, maxIn: 4, maxOut: 4, go: 1, end: 0, lr: 1e-2, seed: 2 });
  // inputs [a, b, 0] -> targets [a, b, 0] with a, b in 2..5 (all 16 pairs)
  const ins = [];
  for (let a = 2; a < 6; a++) for (let b = 2; b < 6; b++) ins.push([a, b, 0]);
  const before = ed.evaluate(ins, ins);
  for (let i = 0; i < 300; i++) ed.train(ins, ins, 1);
  const after = ed.evaluate(ins, ins);
  assert.ok(after.loss < before.loss / 5, `loss ${before.loss} -> ${after.loss}`);
  assert.equal(after.exact, 1);
  assert.equal(after.count, 16);
  const d = ed.decode([[3, 5, 0]])[0];
  assert.deepEqual(d.tokens, [3, 5, 0]);
  assert.equal(d.probs.length, 3);
  for (const p of d.probs) assert.ok(p > 0.5 && p <= 1);
  assert.equal(d.summary.length, 24);
  for (const v of d.summary) assert.ok(Math.abs(v) <= 1);
  assert.equal(ed.info.step, 300);
  ed.free();
});
