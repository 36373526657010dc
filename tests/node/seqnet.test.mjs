// seqnet.test.mjs - the general sequence model (src/models/seqnet.h) through
// both WASM modules and js/engine.js's SeqNet: the lecture's hand-wired sum
// RNN stepped and run, the lecture layout of U, W, V, a many-to-one task
// learned to a stated accuracy, a one-hot many-to-many tagger, the per-step
// BPTT norms (vanishing and exploding with a linear g), Σ_t ∂L/∂W_t = ∂L/∂W,
// the float gradient check for linear and tanh, the spectral radius, free
// running, and bad arguments refused with a reason.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, KINDS } from './helpers.mjs';

const GRADCHECK_TOL = 1e-2;   // ||a - n|| / (||a|| + ||n||) per tensor, float32 central differences, eps 1e-2
const RADIUS_TOL = 2e-3;      // relative error of the power-iteration radius
const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);

// deterministic uniform [0, 1)
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

// parity of T bits, many-to-one: x [B][T][1] in {0,1}, cls at the last step.
function parityBatch(rnd, B, T) {
  const x = [], cls = [], mask = [];
  for (let b = 0; b < B; b++) {
    const bits = Array.from({ length: T }, () => (rnd() < 0.5 ? 1 : 0));
    x.push(bits.map((v) => [v]));
    cls.push(bits.map(() => 0));
    cls[b][T - 1] = bits.reduce((a, v) => a ^ v, 0);
    mask.push(bits.map((_, t) => (t === T - 1 ? 1 : 0)));
  }
  return { x, cls, mask };
}

for (const kind of KINDS) {
  test(`${kind}: the lecture's sum RNN (U = W = V = 1, linear) gives h = 2, 1.5, 2.5, 3.5`, async () => {
    const eng = await loadEngine(kind);
    const net = eng.createSeqNet({ input: 1, hidden: 1, output: 1, activation: 'linear', head: 'linear-mse' });
    try {
      net.setWeights({ U: [[1]], W: [[1]], b: [0], V: [[1]], c: [0] });
      net.reset();
      const stepped = [2, -0.5, 1, 1].map((x) => net.step(x));
      assert.deepEqual(stepped.map((s) => s.h[0]), [2, 1.5, 2.5, 3.5]);
      assert.deepEqual(stepped.map((s) => s.y[0]), [2, 1.5, 2.5, 3.5]);
      const run = net.run([2, -0.5, 1, 1]);
      assert.deepEqual(run.h, [[2], [1.5], [2.5], [3.5]]);
      assert.equal(run.loss, null);
      // W = 0.5 forgets, W = 2 blows up (the widget's caption)
      net.setWeights({ W: [[0.5]] });
      assert.deepEqual(net.run([2, -0.5, 1, 1]).h.flat(), [2, 0.5, 1.25, 1.625]);
      net.setWeights({ W: [[2]] });
      assert.deepEqual(net.run([2, -0.5, 1, 1]).h.flat(), [2, 3.5, 8, 17]);
    } finally { net.free(); }
  });

  test(`${kind}: weights in the lecture layout (U [H][I]) are the engine's transposes`, async () => {
    const eng = await loadEngine(kind);
    const net = eng.createSeqNet({ input: 3, hidden: 2, output: 1 });
    try {
      net.setWeights({ U: [[1, 2, 3], [4, 5, 6]], W: [[0, 0], [0, 0]], b: [0, 0] });
      assert.deepEqual(net.getWeights('engine').U, [[1, 4], [2, 5], [3, 6]]);
      assert.deepEqual(net.getWeights().U, [[1, 2, 3], [4, 5, 6]]);
      net.reset();
      assert.deepEqual(Array.from(net.step([0, 0, 1]).h), [3, 6]); // h = U x with x = e_3
    } finally { net.free(); }
  });

  test(`${kind}: many-to-one parity of 3 bits reaches 100% on held-out sequences`, async () => {
    const eng = await loadEngine(kind);
    const net = eng.createSeqNet({ input: 1, hidden: 8, output: 2, activation: 'tanh', head: 'softmax-xent',
      batch: 64, steps: 3, lr: 0.03, seed: 2 });
    try {
      const rnd = lcg(11);
      let st;
      for (let i = 0; i < 400; i++) st = net.train(parityBatch(rnd, 64, 3));
      assert.ok(st.ok && st.step === 400, JSON.stringify(st));
      const ev = net.evaluate(parityBatch(rnd, 64, 3));
      assert.equal(ev.count, 64);
      assert.equal(ev.seqCount, 64);
      assert.ok(ev.accuracy >= 1, `parity accuracy ${ev.accuracy}`);
    } finally { net.free(); }
  });

  test(`${kind}: one-hot aligned many-to-many tags every step (copy the previous token) to 100%`, async () => {
    const eng = await loadEngine(kind);
    const net = eng.createSeqNet({ input: 4, inputKind: 'onehot', hidden: 12, output: 4, activation: 'tanh',
      head: 'softmax-xent', batch: 32, steps: 6, lr: 0.03, seed: 5 });
    try {
      const rnd = lcg(3);
      const batch = () => {
        const tokens = [], cls = [], mask = [];
        for (let b = 0; b < 32; b++) {
          const t = Array.from({ length: 6 }, () => Math.floor(rnd() * 4));
          tokens.push(t);
          cls.push(t.map((_, i) => (i ? t[i - 1] : 0)));
          mask.push(t.map((_, i) => (i ? 1 : 0))); // nothing to recall at step 1
        }
        return { tokens, cls, mask };
      };
      for (let i = 0; i < 300; i++) net.train(batch());
      const ev = net.evaluate(batch());
      assert.equal(ev.count, 32 * 5);
      assert.ok(ev.accuracy >= 1, `tagger accuracy ${ev.accuracy}`);
    } finally { net.free(); }
  });

  test(`${kind}: BPTT views: dL/dh_t vanishes at radius 0.5 and explodes at 1.5 (linear g, T = 20); Σ_t dL/dW_t = dL/dW`, async () => {
    const eng = await loadEngine(kind);
    const net = eng.createSeqNet({ input: 2, hidden: 6, output: 1, activation: 'linear', steps: 20, batch: 1, seed: 4 });
    try {
      const rnd = lcg(9);
      const x = [Array.from({ length: 20 }, () => [rnd() - 0.5, rnd() - 0.5])];
      const y = [Array.from({ length: 20 }, () => [0])];
      y[0][19] = [1];
      const mask = [Array.from({ length: 20 }, (_, t) => (t === 19 ? 1 : 0))];
      // W = a signed cyclic permutation (orthogonal, radius 1) times r: with linear g
      // ||dL/dh_1|| / ||dL/dh_20|| is then exactly r^19 (1.9e-6 at 0.5, 2217 at 1.5)
      const W = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (j === (i + 1) % 6 ? (i % 2 ? -1 : 1) : 0)));
      net.setWeights({ W });
      close(net.spectralRadius(), 1, RADIUS_TOL, 'radius of a permutation');
      net.scaleRadius(0.5);
      close(net.spectralRadius(), 0.5, 0.5 * RADIUS_TOL, 'radius after scaling');
      let g = net.gradients({ x, y, mask });
      assert.equal(g.dhNorms.length, 20);
      assert.ok(g.dhNorms[0] < 1e-3 * g.dhNorms[19], `radius 0.5: ${g.dhNorms[0]} vs ${g.dhNorms[19]}`);
      close(g.dhNorms[0] / g.dhNorms[19], 0.5 ** 19, 0.5 ** 19 * 1e-2, 'radius 0.5: ratio');
      // the T step terms add up to the whole gradient of the shared W
      const sum = Array.from({ length: 6 }, () => Array(6).fill(0));
      for (let t = 0; t < 20; t++) net.stepGradW(t).forEach((row, i) => row.forEach((v, j) => { sum[i][j] += v; }));
      sum.forEach((row, i) => row.forEach((v, j) => close(v, g.grads.W[i][j], 1e-5 * (1 + Math.abs(v)), `dW[${i}][${j}]`)));
      net.scaleRadius(1.5);
      g = net.gradients({ x, y, mask });
      // clipping by norm: the norm before is reported, the norm after is the threshold
      net.configure({ clip: 0.1, clipMode: 'norm' });
      const st = net.train({ x, y, mask });
      assert.equal(st.clipped, 1);
      close(st.gradNorm, g.gradNorm, 1e-3 * g.gradNorm, 'norm before clipping');
      close(st.gradNormAfter, 0.1, 1e-5, 'norm after clipping');
      net.configure({ clip: 0 });
      assert.equal(net.info.clipMode, 'none');
      assert.throws(() => net.configure({ lr: -1 }), /learning rate/);
      assert.ok(g.dhNorms[0] > 1e3 * g.dhNorms[19], `radius 1.5: ${g.dhNorms[0]} vs ${g.dhNorms[19]}`);
      close(g.dhNorms[0] / g.dhNorms[19], 1.5 ** 19, 1.5 ** 19 * 1e-2, 'radius 1.5: ratio');
    } finally { net.free(); }
  });

  for (const activation of ['linear', 'tanh']) {
    test(`${kind}: gradient check via JS (${activation}): U, W, b, V, c within ${GRADCHECK_TOL}`, async () => {
      const eng = await loadEngine(kind);
      const net = eng.createSeqNet({ input: 3, hidden: 5, output: 2, activation, head: 'tanh-mse', batch: 2, steps: 5, seed: 7 });
      try {
        const rnd = lcg(21);
        const x = Array.from({ length: 2 }, () => Array.from({ length: 5 }, () => [rnd() - 0.5, rnd() - 0.5, rnd() - 0.5]));
        const y = Array.from({ length: 2 }, () => Array.from({ length: 5 }, () => [rnd() < 0.5 ? -1 : 1, rnd() - 0.5]));
        const r = net.gradcheck({ x, y }, { eps: 1e-2, maxElems: 64 });
        for (const k of ['U', 'W', 'b', 'V', 'c']) assert.ok(r[k].rel < GRADCHECK_TOL, `${k}: ${JSON.stringify(r[k])}`);
        // a wrong gradient would fail: the check must see a different loss
        assert.ok(r.maxRel > 0, 'float differences are never exactly zero');
      } finally { net.free(); }
    });
  }

  test(`${kind}: spectral radius of a rotation (complex pair) and of a diagonal matrix`, async () => {
    const eng = await loadEngine(kind);
    const c = 0.9 * Math.cos(1), s = 0.9 * Math.sin(1);
    close(eng.spectralRadius([c, -s, 0, s, c, 0, 0, 0, 0.3], 3), 0.9, 0.9 * RADIUS_TOL, 'rotation');
    close(eng.spectralRadius([0.2, 0, 0, -1.7], 2), 1.7, 1.7 * RADIUS_TOL, 'diagonal');
    assert.equal(eng.spectralRadius([0, 0, 0, 0], 2), 0);
  });

  test(`${kind}: free running (one-to-many) feeds each output back as the next input`, async () => {
    const eng = await loadEngine(kind);
    const net = eng.createSeqNet({ input: 4, inputKind: 'onehot', hidden: 4, output: 4, head: 'softmax-xent', batch: 1 });
    try {
      // a hand-wired counter: token k -> hidden unit k+1 -> output k+1 (mod 4)
      const U = [[0, 0, 0, 5], [5, 0, 0, 0], [0, 5, 0, 0], [0, 0, 5, 0]]; // lecture layout [H][I]
      const Z = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
      net.setWeights({ U, W: Z, V: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]] });
      net.reset();
      const g = net.generate(1, 6);
      assert.deepEqual(g.tokens.flat(), [2, 3, 0, 1, 2, 3]);
      assert.equal(g.y.length, 6);
      close(g.y[0].reduce((a, v) => a + v, 0), 1, 1e-5, 'softmax sums to 1');
    } finally { net.free(); }
  });

  test(`${kind}: bad arguments are refused with a reason`, async () => {
    const eng = await loadEngine(kind);
    assert.throws(() => eng.createSeqNet({ hidden: 0 }), /hidden/);
    assert.throws(() => eng.createSeqNet({ head: 'softmax' }), /unknown head/);
    assert.throws(() => eng.createSeqNet({ head: 'softmax-xent', output: 1 }), /at least 2 outputs/);
    const net = eng.createSeqNet({ input: 3, inputKind: 'onehot', hidden: 2, output: 3, head: 'softmax-xent', steps: 4, batch: 2 });
    try {
      assert.throws(() => net.setWeights({ U: [[1, 2], [3, 4]] }), /U has 4 numbers, expected 6/);
      assert.throws(() => net.setWeights({ W: [[NaN, 0], [0, 0]] }), /not finite/);
      assert.throws(() => net.setWeights({ Q: [1] }), /unknown tensor/);
      assert.throws(() => net.step(0), /reset/);
      assert.throws(() => net.run([0, 1, 2, 0, 1]), /T must be an integer in \[1, 4\]/);
      assert.throws(() => net.train({ tokens: [[0, 1, 3]], cls: [[0, 1, 2]] }), /token/);
      assert.throws(() => net.train({ tokens: [[0, 1, 2]], cls: [[0, 5, 2]] }), /class 5/);
      assert.throws(() => net.train({ tokens: [[0, 1, 2]], y: [[0, 1, 2]] }), /class ids/);
    } finally { net.free(); }
    assert.throws(() => net.info, /freed/);
    const dense = eng.createSeqNet({ input: 2, hidden: 2, output: 1 });
    try {
      dense.reset();
      assert.throws(() => dense.generate([1, 0], 3), /needs I = O/);
      assert.throws(() => dense.step([1, Infinity]), /not finite/);
      assert.throws(() => dense.gradients({ x: [[[1, 0]]] }), /no targets/);
    } finally { dense.free(); }
  });
}
