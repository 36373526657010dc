#!/usr/bin/env node
// tfjs_peer.mjs - TensorFlow.js with its WebAssembly backend (SIMD, XNNPACK,
// one thread) on the `rnn bench` workload, driven by bench.mjs over the same
// line protocol as torch_peer.py: one JSON command per stdin line, one JSON
// reply per stdout line; {"ready": false, "error"} when the packages
// (@tensorflow/tfjs, @tensorflow/tfjs-backend-wasm: devDependencies) are not
// installed. @tensorflow/tfjs rather than tfjs-core alone because only the
// union package registers the gradient functions tf.variableGrads needs.
//   {"cmd":"train","hidden":256,"batch":32,"seq":64,"steps":5} -> {"chars_per_sec","loss"}
//   {"cmd":"matmul","n":256,"iters":10}                        -> {"gflops"}
// Model: h_t = tanh(x_t U + h_{t-1} W + b) on one-hot x (the input product for
// all t in one matMul, as nn.RNN does), y = h Wy + by, softmax cross-entropy
// (mean), tf.variableGrads, global-norm clip 5, Adam 2e-3, hidden state carried.
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const require = createRequire(import.meta.url);
const reply = (o) => process.stdout.write(JSON.stringify(o) + '\n');

let tf, wasm;
try {
  tf = require('@tensorflow/tfjs');
  wasm = require('@tensorflow/tfjs-backend-wasm');
  // the .wasm files are read from the package's own dist/ (offline, no CDN)
  wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep);
  // one thread, like every other module in the bench: never the threaded build
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") failed');
  await tf.ready();
} catch (e) {
  reply({ ready: false, error: `TF.js wasm backend unavailable: ${e && e.message ? e.message : e}` });
  process.exit(0);
}

const V = 65;
class Workload {
  constructor(H, B, T) {
    Object.assign(this, { H, B, T });
    const init = (shape, scale, seed) => tf.variable(tf.randomNormal(shape, 0, scale, 'float32', seed));
    this.U = init([V, H], 0.01, 1); this.W = init([H, H], 1 / Math.sqrt(H), 2); this.b = tf.variable(tf.zeros([H]));
    this.Wy = init([H, V], 0.01, 3); this.by = tf.variable(tf.zeros([V]));
    this.vars = [this.U, this.W, this.b, this.Wy, this.by];
    this.opt = tf.train.adam(2e-3);
    let s = 7;
    this.data = Int32Array.from({ length: B * 4096 }, () => { s = (s * 1103515245 + 12345) >>> 0; return (s >>> 8) % V; });
    this.pos = 0;
    this.h = tf.zeros([B, H]);
  }
  step() {
    const { H, B, T } = this;
    if (this.pos + T + 1 > 4096) { this.pos = 0; this.h.dispose(); this.h = tf.zeros([B, H]); }
    const xs = new Int32Array(T * B), ys = new Int32Array(T * B);
    for (let t = 0; t < T; t++) for (let s = 0; s < B; s++) { xs[t * B + s] = this.data[s * 4096 + this.pos + t]; ys[t * B + s] = this.data[s * 4096 + this.pos + t + 1]; }
    this.pos += T;
    let hLast = null;
    const loss = tf.tidy(() => {
      const x = tf.cast(tf.oneHot(tf.tensor1d(xs, 'int32'), V), 'float32'), y = tf.cast(tf.oneHot(tf.tensor1d(ys, 'int32'), V), 'float32');
      const { value, grads } = tf.variableGrads(() => {
        const xu = tf.unstack(tf.reshape(tf.add(tf.matMul(x, this.U), this.b), [T, B, H]));
        let h = this.h;
        const hs = [];
        for (let t = 0; t < T; t++) { h = tf.tanh(tf.add(xu[t], tf.matMul(h, this.W))); hs.push(h); }
        hLast = tf.keep(h);
        const logits = tf.add(tf.matMul(tf.concat(hs, 0), this.Wy), this.by);
        return tf.losses.softmaxCrossEntropy(y, logits);
      }, this.vars);
      const names = Object.keys(grads);
      const norm = tf.sqrt(tf.addN(names.map((k) => tf.sum(tf.square(grads[k]))))).dataSync()[0];
      const scale = norm > 5 ? 5 / norm : 1;
      const clipped = {};
      for (const k of names) clipped[k] = scale === 1 ? grads[k] : tf.mul(grads[k], scale);
      this.opt.applyGradients(clipped);
      return value.dataSync()[0];
    });
    this.h.dispose();
    this.h = hLast;
    return loss;
  }
}

const workloads = new Map();
function train(c) {
  const key = `${c.hidden},${c.batch},${c.seq}`;
  if (!workloads.has(key)) { const w = new Workload(c.hidden, c.batch, c.seq); w.step(); workloads.set(key, w); }
  const w = workloads.get(key);
  const t0 = performance.now();
  let loss = 0;
  for (let i = 0; i < c.steps; i++) loss = w.step();
  return { chars_per_sec: (c.steps * w.B * w.T) / ((performance.now() - t0) / 1000), loss };
}

function matmul(c) {
  const n = c.n, iters = c.iters || 10;
  const a = tf.randomUniform([n, n], 0, 1, 'float32', 2), b = tf.randomUniform([n, n], 0, 1, 'float32', 3);
  tf.matMul(a, b).dispose(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < iters; i++) { const r = tf.matMul(a, b); r.dataSync(); r.dispose(); }
  const gflops = (2 * n * n * n * iters) / ((performance.now() - t0) / 1000) / 1e9;
  a.dispose(); b.dispose();
  return { gflops };
}

reply({ ready: true, module: 'tfjs-wasm', version: tf.version_core, threads: wasm.getThreadsCount ? wasm.getThreadsCount() : 1,
  simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') });
const rl = readline.createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  let c;
  try { c = JSON.parse(line); } catch (e) { reply({ error: 'bad JSON' }); continue; }
  if (c.cmd === 'quit') break;
  try { reply(c.cmd === 'train' ? train(c) : c.cmd === 'matmul' ? matmul(c) : { error: 'unknown command' }); }
  catch (e) { reply({ error: String(e && e.message ? e.message : e) }); }
}
process.exit(0);
