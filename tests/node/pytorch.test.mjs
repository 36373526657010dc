// pytorch.test.mjs - the exported JSON loaded into real torch.nn.RNN +
// torch.nn.Linear (the README's lines) computes the engine's loss and
// gradients. Skipped, with a note, where Debian's python3-torch is absent.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadEngine, ROOT, smallText } from './helpers.mjs';

const PY = '/usr/bin/python3';
const hasTorch = spawnSync(PY, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;

test('torch.nn.RNN loaded from the export computes the same loss and gradients', { skip: !hasTorch && 'python3-torch not installed' }, async () => {
  const eng = await loadEngine('simd');
  for (const activation of ['tanh', 'relu']) {
    const m = eng.createCharLM(smallText(), { hidden: 16, seq: 10, batch: 3, seed: 11, activation });
    const { loss, grads, x, y } = m.gradients(); // first chunk: zero initial state, like nn.RNN's default h0
    const info = m.info, V = info.V, H = info.H, T = info.T, B = info.B;
    const rows = (a) => Array.from({ length: B }, (_, b) => Array.from({ length: T }, (_, t) => a[t * B + b]));
    const r = spawnSync(PY, [path.join(ROOT, 'tests', 'python', 'torch_parity.py')], {
      input: JSON.stringify({ model: JSON.parse(m.exportPytorch()), x: rows(x), y: rows(y) }), encoding: 'utf8', maxBuffer: 1 << 26,
    });
    assert.equal(r.status, 0, r.stderr);
    const ref = JSON.parse(r.stdout);
    assert.ok(Math.abs(ref.loss - loss) < 1e-5, `${activation}: torch loss ${ref.loss} vs engine ${loss}`);
    const g = ref.grads, at = { W: V * H, b: V * H + H * H, Wy: V * H + H * H + H, by: V * H + H * H + H + H * V };
    let worst = 0;
    const cmp = (a, e, what) => { const d = Math.abs(a - e); worst = Math.max(worst, d); assert.ok(d < 2e-5 + 1e-3 * Math.abs(e), `${what}: ${a} vs torch ${e}`); };
    for (let h = 0; h < H; h++) {
      for (let v = 0; v < V; v++) cmp(grads[h + v * H], g['rnn.weight_ih_l0'][h][v], `weight_ih[${h},${v}]`);
      for (let j = 0; j < H; j++) cmp(grads[at.W + j * H + h], g['rnn.weight_hh_l0'][h][j], `weight_hh[${h},${j}]`);
      cmp(grads[at.b + h], g['rnn.bias_ih_l0'][h], `bias_ih[${h}]`);
      cmp(grads[at.b + h], g['rnn.bias_hh_l0'][h], `bias_hh[${h}]`);
    }
    for (let v = 0; v < V; v++) {
      for (let h = 0; h < H; h++) cmp(grads[at.Wy + h * V + v], g['fc.weight'][v][h], `fc.weight[${v},${h}]`);
      cmp(grads[at.by + v], g['fc.bias'][v], `fc.bias[${v}]`);
    }
    console.log(`# torch ${ref.torch} ${activation}: loss ${ref.loss.toFixed(6)} vs ${loss.toFixed(6)}, max grad diff ${worst.toExponential(2)}`);
    m.free();
  }
});
