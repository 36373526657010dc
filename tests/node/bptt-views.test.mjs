// bptt-views.test.mjs - the engine entry points behind the `bptt` and
// `teacher-forcing` widgets and the playground's BPTT views, through both WASM
// modules: numerical vs analytical gradients on the widget's echo task (linear
// and tanh), vanishing / exploding ||dL/dh_t|| with W = r Q (Q a random
// orthogonal matrix from the engine), one element of dL/dW (and of dL/dU,
// dL/dV) step by step and its sum, the echo generator, the char LM's spectral radius and per-step
// gradient norms, and teacher forcing vs free running on the same text.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS } from './helpers.mjs';

const GRADCHECK_TOL = 1e-2;   // ||a - n|| / (||a|| + ||n||) per tensor, float32 central differences, eps 1e-2
const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);
const TEXT = 'the cat sat on the mat. the dog sat on the log. the cat and the dog sat on the mat.\n';

for (const kind of KINDS) {
  test(`${kind}: echo task: tokens from the seed, targets are the tokens delay steps back (blank before)`, async () => {
    const eng = await loadEngine(kind);
    const a = eng.echoGenerate({ symbols: 3, delay: 2, steps: 12, count: 5, seed: 7 });
    const b = eng.echoGenerate({ symbols: 3, delay: 2, steps: 12, count: 5, seed: 7 });
    const c = eng.echoGenerate({ symbols: 3, delay: 2, steps: 12, count: 5, seed: 8 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.tokens, c.tokens);
    assert.equal(a.tokens.length, 5);
    for (let s = 0; s < 5; s++) {
      for (let t = 0; t < 12; t++) {
        assert.ok(a.tokens[s][t] >= 0 && a.tokens[s][t] < 3);
        assert.equal(a.cls[s][t], t < 2 ? 3 : a.tokens[s][t - 2]);
      }
    }
    assert.throws(() => eng.echoGenerate({ symbols: 1, delay: 0, steps: 4, count: 1, seed: 1 }), /symbols/);
    assert.throws(() => eng.echoGenerate({ symbols: 3, delay: 4, steps: 4, count: 1, seed: 1 }), /delay/);
  });

  for (const activation of ['linear', 'tanh']) {
    test(`${kind}: gradient check on the echo task (${activation}): U, W, V within ${GRADCHECK_TOL}`, async () => {
      const eng = await loadEngine(kind);
      const net = eng.createSeqNet({ input: 3, inputKind: 'onehot', hidden: 6, output: 4, activation, head: 'softmax-xent',
        batch: 4, steps: 8, seed: 3, lossSum: true });
      try {
        const d = eng.echoGenerate({ symbols: 3, delay: 2, steps: 8, count: 4, seed: 5 });
        const r = net.gradcheck({ tokens: d.tokens, cls: d.cls }, { eps: 1e-2, maxElems: 64 });
        for (const k of ['U', 'W', 'V']) assert.ok(r[k].rel < GRADCHECK_TOL, `${k}: ${JSON.stringify(r[k])}`);
        assert.ok(r.maxRel > 0);
        // a wrong gradient would fail: a changed weight after the backward gives a large error
        const g = net.gradients({ tokens: d.tokens, cls: d.cls });
        assert.ok(g.gradNorm > 0);
      } finally { net.free(); }
    });
  }

  test(`${kind}: W = r Q orthogonal, linear g, T = 20: ||dL/dh_1|| < 1e-3 ||dL/dh_T|| at r = 0.5, > 1e3 at r = 1.5`, async () => {
    const eng = await loadEngine(kind);
    const H = 8, T = 20;
    // linear head: a saturated softmax would give an exactly zero gradient at step T
    const net = eng.createSeqNet({ input: 3, inputKind: 'onehot', hidden: H, output: 2, activation: 'linear',
      head: 'linear-mse', batch: 2, steps: T, seed: 2 });
    try {
      const d = eng.echoGenerate({ symbols: 3, delay: 2, steps: T, count: 2, seed: 11 });
      const y = d.tokens.map((row) => row.map((_, t) => (t === T - 1 ? [1, 0] : [0, 0])));
      const mask = d.tokens.map((row) => row.map((_, t) => (t === T - 1 ? 1 : 0)));   // one loss, at step T
      const ratios = {};
      for (const r of [0.5, 1.5]) {
        net.setOrthogonal(r, 9);
        close(net.spectralRadius(), r, r * 2e-3, `radius after setOrthogonal(${r})`);
        const W = net.getWeights().W;           // W Wᵀ = r² I
        for (let i = 0; i < H; i++) {
          for (let j = 0; j < H; j++) {
            let dot = 0;
            for (let k = 0; k < H; k++) dot += W[i][k] * W[j][k];
            close(dot, i === j ? r * r : 0, 1e-5, `(W Wᵀ)[${i}][${j}] at r = ${r}`);
          }
        }
        const g = net.gradients({ tokens: d.tokens, y, mask });
        ratios[r] = g.dhNorms[0] / g.dhNorms[T - 1];
        close(ratios[r], r ** (T - 1), r ** (T - 1) * 1e-2, `ratio at r = ${r}`);
      }
      assert.ok(ratios[0.5] < 1e-3, `r = 0.5: ${ratios[0.5]}`);
      assert.ok(ratios[1.5] > 1e3, `r = 1.5: ${ratios[1.5]}`);
      assert.throws(() => net.setOrthogonal(-1), /orthogonal scale/);
    } finally { net.free(); }
  });

  test(`${kind}: one element of dL/dW step by step: the T terms sum to the engine's dL/dW`, async () => {
    const eng = await loadEngine(kind);
    const net = eng.createSeqNet({ input: 3, inputKind: 'onehot', hidden: 5, output: 4, activation: 'tanh',
      head: 'softmax-xent', batch: 4, steps: 10, seed: 6, lossSum: true });
    try {
      const d = eng.echoGenerate({ symbols: 3, delay: 1, steps: 10, count: 4, seed: 2 });
      assert.throws(() => net.dWElement(0, 0), /no backward/);
      const g = net.gradients({ tokens: d.tokens, cls: d.cls });
      for (const [i, j] of [[0, 0], [1, 3], [4, 2]]) {
        const e = net.dWElement(i, j);
        assert.equal(e.steps.length, 10);
        close(e.total, g.grads.W[i][j], 1e-6, `total (${i}, ${j})`);
        close(e.sum, e.total, 1e-5 * (1 + Math.abs(e.total)), `sum vs total (${i}, ${j})`);
        assert.ok(e.steps.some((v) => Math.abs(v) > 1e-6 * Math.abs(e.total)), 'the step terms are not all zero');
      }
      assert.throws(() => net.dWElement(5, 0), /not in 5x5/);
    } finally { net.free(); }
  });

  // The BPTT slide: dL/dU = Σ_t dL/dU_t, and the same for W and V (what the
  // widget's U / W / V picker shows): each step's term, summed, is the
  // engine's gradient of the whole backward pass, element by element.
  test(`${kind}: per-step terms of dL/dU, dL/dW, dL/dV sum to the engine's gradients (every element)`, async () => {
    const eng = await loadEngine(kind);
    for (const activation of ['linear', 'tanh']) {
      const net = eng.createSeqNet({ input: 3, inputKind: 'onehot', hidden: 4, output: 4, activation,
        head: 'softmax-xent', batch: 4, steps: 9, seed: 8, lossSum: true });
      try {
        const d = eng.echoGenerate({ symbols: 3, delay: 2, steps: 9, count: 4, seed: 3 });
        assert.throws(() => net.termElement('U', 0, 0), /no backward/);
        const g = net.gradients({ tokens: d.tokens, cls: d.cls });
        for (const k of ['U', 'W', 'V']) {
          let nonzero = 0;
          g.grads[k].forEach((row, i) => row.forEach((want, j) => {
            const e = net.termElement(k, i, j);
            assert.equal(e.steps.length, 9);
            close(e.total, want, 1e-6, `${activation} ${k} total (${i}, ${j})`);
            const sum = e.steps.reduce((a, b) => a + b, 0);
            close(sum, e.total, 1e-5 * (1 + Math.abs(e.total)), `${activation} ${k}: Σ_t (${i}, ${j})`);
            close(e.sum, sum, 1e-9, `${activation} ${k}: the engine's sum (${i}, ${j})`);
            if (e.steps.filter((v) => Math.abs(v) > 1e-7).length > 1) nonzero++;
          }));
          assert.ok(nonzero > 0, `${activation} ${k}: some element has more than one non-zero step term`);
        }
        // the W case is the same as dWElement
        assert.deepEqual(net.termElement('W', 1, 2), net.dWElement(1, 2));
        assert.throws(() => net.termElement('X', 0, 0), /unknown tensor/);
        assert.throws(() => net.termElement('V', 4, 0), /not in 4x4/);
        assert.throws(() => net.termElement('U', 0, 3), /not in 4x3/);
      } finally { net.free(); }
    }
  });

  test(`${kind}: char LM: spectral radius of W and ||dL/dh_t|| per step of the next chunk (no update)`, async () => {
    const eng = await loadEngine(kind);
    const opts = { hidden: 16, seq: 12, batch: 4, lr: 0.01, seed: 3, valFraction: 0 };
    const a = eng.createCharLM(TEXT.repeat(8), opts), b = eng.createCharLM(TEXT.repeat(8), opts);
    try {
      a.train(5); b.train(5);
      const H = a.info.H, params = a.params(), W = params.subarray(a.info.V * H, a.info.V * H + H * H);
      close(a.spectralRadius(), eng.spectralRadius(W, H), 1e-9, 'radius vs eng.spectralRadius');
      assert.ok(a.spectralRadius() > 0);
      const n = a.stepGradNorms();
      assert.equal(n.dhNorms.length, 12);
      assert.ok(n.dhNorms.every((v) => Number.isFinite(v) && v > 0), JSON.stringify(n.dhNorms));
      assert.ok(n.loss > 0 && n.loss < 10);
      // the last step's gradient comes from its own output only; earlier ones also through h_{t+1}
      const g = a.gradients();
      close(n.loss, g.loss, 1e-6, 'same chunk as gradients()');
      // measuring changes nothing: both models train on identically
      const ra = a.train(3), rb = b.train(3);
      assert.equal(ra.bpc, rb.bpc);
      assert.deepEqual(Array.from(a.params()), Array.from(b.params()));
    } finally { a.free(); b.free(); }
  });

  test(`${kind}: teacher forcing vs free running: the free-running loss exceeds the teacher-forced loss`, async () => {
    const eng = await loadEngine(kind);
    const lm = eng.createCharLM(TEXT.repeat(20), { hidden: 32, seq: 24, batch: 8, lr: 0.01, seed: 1, valFraction: 0 });
    try {
      lm.train(150);
      const text = TEXT.slice(0, 60), n = Array.from(text).length;
      for (const greedy of [false, true]) {
        const r = lm.feed(text, { letGo: 10, greedy, temperature: 1, seed: 4 });
        assert.equal(r.lossTF.length, n - 1);
        assert.equal(r.lossFR.length, n - 1);
        for (let i = 0; i < 10; i++) assert.equal(r.lossFR[i], r.lossTF[i], `step ${i}: same inputs, same loss`);
        assert.ok(r.meanFR > r.meanTF, `greedy ${greedy}: free running ${r.meanFR} vs teacher forcing ${r.meanTF}`);
        assert.ok(r.drift >= 10, `drift ${r.drift}`);
        assert.equal(r.gen.length, n - 1);
        assert.notEqual(r.gen[r.drift - 1], text[r.drift], 'the drift step is fed a character that is not the true one');
      }
      const s1 = lm.feed(text, { letGo: 5, seed: 2 }), s2 = lm.feed(text, { letGo: 5, seed: 2 });
      assert.deepEqual(s1, s2);
      assert.throws(() => lm.feed(text, { letGo: 0 }), /let-go step/);
      assert.throws(() => lm.feed(text, { letGo: n }), /let-go step/);
      assert.throws(() => lm.feed('the €', { letGo: 1 }), /not in the model's vocabulary/);
      assert.throws(() => lm.feed('t', { letGo: 1 }), /at least 2 characters/);
      assert.throws(() => lm.feed(text, { letGo: 3, temperature: 0 }), /temperature/);
    } finally { lm.free(); }
  });
}
