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
