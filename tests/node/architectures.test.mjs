// architectures.test.mjs - the architectures widget's five toy tasks, trained
// exactly as its worker trains them (web/widgets/architectures/worker.js,
// loaded as a CommonJS module), each reaching its stated held-out accuracy
// within its step budget (fixed seeds). The encoder-decoder task is the
// translation widget's model on the same data: its 90% is asserted in
// translation.test.mjs, and here only that the two configurations agree.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadEngine } from './helpers.mjs';

const require = createRequire(import.meta.url);
const A = require('../../web/widgets/architectures/worker.js');
const T = require('../../web/widgets/translation/worker.js');
const eng = await loadEngine('simd');

// stated: the fraction of held-out examples entirely right, after `steps`
const STATED = {
  'one-to-one': { steps: 300, target: 0.95 },     // noisy seven-segment digit -> digit
  'one-to-many': { steps: 200, target: 0.99 },    // digit -> the next five digits
  'many-to-one': { steps: 300, target: 0.9 },     // review -> sentiment
  'many-to-many': { steps: 300, target: 0.95 },   // tag the names, every word right
  'encoder-decoder': { steps: 1000, target: 0.9 }, // Portuguese -> English, exact sentence
};

test('the widget states the goals asserted here', () => {
  assert.deepEqual(Object.keys(A.TASKS), Object.keys(STATED));
  for (const [id, s] of Object.entries(STATED)) {
    assert.equal(A.TASKS[id].steps, s.steps, id);
    assert.equal(A.TASKS[id].target, s.target, id);
  }
  assert.deepEqual({ hidden: A.ED.hidden, lr: A.ED.lr, reverse: A.ED.reverse, context: A.ED.context }, T.ED);
  assert.equal(A.ED.batch, T.BATCH);
});

for (const id of ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many']) {
  test(`${id}: reaches ${STATED[id].target * 100}% on held-out examples within ${STATED[id].steps} steps`, () => {
    const m = new A.Model(eng, id, 1);
    const before = m.accuracy();
    m.train(STATED[id].steps);
    const after = m.accuracy();
    m.free();
    assert.ok(before <= STATED[id].target - 0.2, `${id}: untrained ${before}`);
    assert.ok(after >= STATED[id].target, `${id}: ${after} after ${STATED[id].steps} steps`);
  });
}

test('the examples the diagram shows: inputs, targets and the network\'s outputs, at most 10 input words', () => {
  const m = new A.Model(eng, 'many-to-many', 1);
  m.train(100);
  for (let k = 0; k < 5; k++) {
    const ex = m.example(k);
    assert.ok(ex.inputs.length <= 10 && ex.inputs.at(-1) === '.');
    assert.equal(ex.outputs.length, ex.inputs.length);
    assert.deepEqual(ex.outputs, ex.targets, ex.inputs.join(' '));
  }
  m.free();
  const c = new A.Model(eng, 'one-to-many', 1);
  const ex = c.example(0);
  assert.equal(ex.inputs.length, 1);
  assert.equal(ex.outputs.length, 5);
  c.free();
});

// The lecture: "Encoder e Decoder são duas redes diferentes com pesos
// diferentes". The widget's encoder-decoder has two sets of tensors, in
// separate places of the parameter block, that train to different values; the
// decoder's input weights have H extra rows: the context c enters every step.
test('encoder-decoder: the encoder and the decoder are two networks with distinct weight tensors', () => {
  const m = new A.Model(eng, 'encoder-decoder', 1);
  try {
    const L = eng.archLimits(), H = A.ED.hidden, V = L.phraseVocab;
    const t0 = m.net.tensors();
    const all = [...Object.values(t0.encoder), ...Object.values(t0.decoder)];
    // non-overlapping regions that cover the whole block
    const spans = all.map((t) => [t.offset, t.offset + t.rows * t.cols]).sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < spans.length; k++) assert.ok(spans[k][0] >= spans[k - 1][1], `overlap ${JSON.stringify(spans)}`);
    assert.equal(spans.at(-1)[1], m.net.info.params);
    assert.deepEqual([t0.encoder.U.rows, t0.encoder.U.cols], [V, H]);
    assert.deepEqual([t0.decoder.U.rows, t0.decoder.U.cols], [V + H, H]);   // context 'every': [y_{t-1}; c]
    assert.deepEqual([t0.decoder.V.rows, t0.decoder.V.cols], [H, V]);
    m.train(20);
    const t1 = m.net.tensors();
    const diff = (a, b, n = a.length) => { let d = 0; for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(a[i] - b[i])); return d; };
    assert.ok(diff(t1.encoder.W.data, t1.decoder.W.data) > 1e-2, 'encoder W = decoder W');
    assert.ok(diff(t1.encoder.U.data, t1.decoder.U.data, V * H) > 1e-2, 'encoder U = decoder U on the words');
    // both halves learn (each has its own gradient)
    assert.ok(diff(t0.encoder.W.data, t1.encoder.W.data) > 1e-4 && diff(t0.decoder.W.data, t1.decoder.W.data) > 1e-4);
    // the context rows of the decoder's U (the last H rows) are used: they move too
    const ctx0 = t0.decoder.U.data.subarray(V * H), ctx1 = t1.decoder.U.data.subarray(V * H);
    assert.ok(diff(ctx0, ctx1) > 1e-4, 'the context rows never changed');
  } finally { m.free(); }
});
