// engine.js - the one module that owns the WebAssembly boundary: the char LM
// and kernels (src/api.c) and, in its second part, learning to execute
// (src/api_l2e.c).
// A classic script / CommonJS module (UMD): `RnnEngine` in a Web Worker,
// `require('./engine.js')` in Node. Every exported C function is declared once
// in EXPORTS below; memory this module allocates is freed in the same call
// (Scope); heap views are re-read from the module after every call that can
// grow memory (growth detaches the old ArrayBuffer); a non-zero status
// becomes a thrown Error carrying the engine's reason.
(function (root, make) {
  if (typeof module === 'object' && module.exports) module.exports = make();
  else root.RnnEngine = make();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // name -> argument count (documentation: Emscripten's wrappers hide it); the C side is src/api.c
  const EXPORTS = {
    rnn_version: 0, rnn_error: 0, rnn_simd: 0, rnn_alloc: 1, rnn_dealloc: 1, rnn_kernel_run: 9,
    rnn_lm_create: 4, rnn_lm_set_text: 3, rnn_lm_train: 3, rnn_lm_gradients: 2, rnn_lm_grads: 1, rnn_lm_batch: 1,
    rnn_lm_validate: 2, rnn_lm_eval: 4, rnn_lm_sample: 13, rnn_lm_info: 2, rnn_lm_vocab: 1, rnn_lm_save_size: 1,
    rnn_lm_save: 3, rnn_lm_params: 2, rnn_lm_load: 4, rnn_lm_export: 2, rnn_lm_import: 6, rnn_lm_free: 1, rnn_corpus: 4,
    // the recital views (widgets): per-position probability of the given next character
    rnn_lm_next_probs: 7,
  };
  const ABI_VERSION = 1;
  const ACTIVATIONS = ['tanh', 'relu', 'linear'];
  const OPTIMISERS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'];
  const CLIP_MODES = ['none', 'norm', 'value'];
  const CORPORA = ['arithmetic', 'alphabet', 'counting', 'sentences'];
  const KERNELS = { matmul: 0, matmul_acc: 1, matmul_tn: 2, matmul_nt: 3, matmul_nt_acc: 4, add_rows: 5,
    scatter_add_rows: 6, add_bias: 7, sum_rows: 8, tanh: 9, relu: 10, linear: 11, tanh_backward: 12,
    relu_backward: 13, linear_backward: 14, softmax: 15, axpy: 16 };
  // the C defaults (rnn_charlm_defaults): best bpc after 60 s on one core
  const DEFAULTS = { hidden: 160, seq: 64, batch: 32, lr: 3e-3, optim: 'adam', clip: 5, clipMode: 'norm',
    activation: 'tanh', seed: 1, valFraction: 0.1, vocabCap: 256 };
  const INFO = ['V', 'H', 'B', 'T', 'activation', 'optim', 'clipMode', 'vocabCap', 'seed', 'step', 'trainChars',
    'valChars', 'unigramBits', 'lr', 'clip', 'valFraction', 'unkIndex', 'params', 'hasText'];
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');

  function pick(list, value, what) {
    const i = list.indexOf(value);
    if (i < 0) throw new Error(`unknown ${what} '${value}' (one of: ${list.join(', ')})`);
    return i;
  }

  // Allocations of one call, all freed together in finally.
  class Scope {
    constructor(eng) { this.eng = eng; this.ptrs = []; }
    alloc(bytes) {
      const p = this.eng.c.rnn_alloc(Math.max(8, bytes | 0));
      if (!p) throw new Error(`out of memory: could not allocate ${bytes} bytes in the engine`);
      this.ptrs.push(p);
      return p;
    }
    bytes(u8) { const p = this.alloc(u8.length); this.eng.mod.HEAPU8.set(u8, p); return p; }
    text(s) { const b = encoder.encode(String(s)); return [this.bytes(b), b.length]; }
    i32(arr) { const p = this.alloc(arr.length * 4); this.eng.mod.HEAP32.set(arr, p >> 2); return p; }
    f32(arr) { const p = this.alloc(arr.length * 4); this.eng.mod.HEAPF32.set(arr, p >> 2); return p; }
    free() { for (const p of this.ptrs) this.eng.c.rnn_dealloc(p); this.ptrs = []; }
  }

  class Engine {
    constructor(mod) {
      this.mod = mod;
      this.c = {};
      for (const [name, arity] of Object.entries(EXPORTS)) {
        const fn = mod['_' + name];
        if (typeof fn !== 'function') throw new Error(`engine module lacks ${name}/${arity}`);
        this.c[name] = fn;
      }
      if (this.c.rnn_version() !== ABI_VERSION) throw new Error(`engine ABI ${this.c.rnn_version()}, expected ${ABI_VERSION}`);
      this.kind = this.c.rnn_simd() ? 'simd' : 'scalar';
    }
    // --- memory helpers (views re-read each time: memory growth replaces them)
    u8(p, n) { return this.mod.HEAPU8.subarray(p, p + n); }
    f64(p, n) { return this.mod.HEAPF64.subarray(p >> 3, (p >> 3) + n); }
    f32(p, n) { return this.mod.HEAPF32.subarray(p >> 2, (p >> 2) + n); }
    i32(p, n) { return this.mod.HEAP32.subarray(p >> 2, (p >> 2) + n); }
    cstring(p) { const h = this.mod.HEAPU8; let e = p; while (h[e]) e++; return decoder.decode(h.subarray(p, e)); }
    error() { return new Error(this.cstring(this.c.rnn_error()) || 'engine error'); }
    check(status) { if (status !== 0) throw this.error(); }
    scoped(fn) { const s = new Scope(this); try { return fn(s); } finally { s.free(); } }

    // Runs one kernel (SIMD entry point, or its scalar twin with ref = true)
    // on copies of the given arrays; returns the output array C.
    kernel(name, ref, M, K, N, A, B, C, idx) {
      const which = KERNELS[name];
      if (which === undefined) throw new Error(`unknown kernel ${name}`);
      return this.scoped((s) => {
        const pa = s.f32(A), pb = s.f32(B || [0]), pc = s.f32(C), pi = s.i32(idx || [0]);
        this.check(this.c.rnn_kernel_run(which, ref ? 1 : 0, M, K, N, pa, pb, pc, pi));
        return Float32Array.from(this.f32(pc, C.length));
      });
    }

    // Start-up check: the module's matmul against its scalar reference twin on
    // awkward sizes (Safari 16.4 shipped SIMD with wrong float results).
    selfCheck() {
      const M = 7, K = 33, N = 29;
      let seed = 12345;
      const rnd = (n) => Float32Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1);
      const A = rnd(M * K), B = rnd(K * N), C = new Float32Array(M * N);
      const fast = this.kernel('matmul', false, M, K, N, A, B, C), ref = this.kernel('matmul', true, M, K, N, A, B, C);
      let maxDiff = 0;
      for (let i = 0; i < C.length; i++) maxDiff = Math.max(maxDiff, Math.abs(fast[i] - ref[i]));
      return { ok: Number.isFinite(maxDiff) && maxDiff < 1e-4, maxDiff, kind: this.kind };
    }

    config(opts) {
      const o = Object.assign({}, DEFAULTS, opts || {});
      const clipMode = o.clip > 0 ? pick(CLIP_MODES, o.clipMode, 'clip mode') : 0;
      const icfg = [o.hidden, o.seq, o.batch, pick(ACTIVATIONS, o.activation, 'activation'),
        pick(OPTIMISERS, o.optim, 'optimiser'), clipMode, o.vocabCap, o.seed >>> 0];
      for (const [i, v] of icfg.entries()) {
        if (!Number.isInteger(v)) throw new Error(`${['hidden', 'seq', 'batch', '', '', '', 'vocabCap', 'seed'][i]} must be an integer`);
      }
      for (const k of ['lr', 'clip', 'valFraction']) {
        if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new Error(`${k} must be a finite number`);
      }
      return { icfg: icfg.map((v) => v | 0), fcfg: [o.lr, o.clip > 0 ? o.clip : 1, o.valFraction] };
    }

    createCharLM(text, opts) {
      const { icfg, fcfg } = this.config(opts);
      return this.scoped((s) => {
        const [pt, n] = s.text(text);
        const p = this.c.rnn_lm_create(pt, n, s.i32(icfg), s.f32(fcfg));
        if (!p) throw this.error();
        return new CharLM(this, p);
      });
    }

    loadCharLM(bytes, text) {
      if (!(bytes instanceof Uint8Array)) throw new Error('model file must be a Uint8Array');
      return this.scoped((s) => {
        const pb = s.bytes(bytes);
        const [pt, n] = text ? s.text(text) : [0, 0];
        const p = this.c.rnn_lm_load(pb, bytes.length, pt, n);
        if (!p) throw this.error();
        return new CharLM(this, p);
      });
    }

    importPytorch(json, text, opts) {
      const { icfg, fcfg } = this.config(opts);
      return this.scoped((s) => {
        const [pj, nj] = s.text(json);
        const [pt, n] = text ? s.text(text) : [0, 0];
        const p = this.c.rnn_lm_import(pj, nj, s.i32(icfg), s.f32(fcfg), pt, n);
        if (!p) throw this.error();
        return new CharLM(this, p);
      });
    }

    // Built-in generated corpus: 'arithmetic' | 'alphabet' | 'counting' | 'sentences'
    corpus(kind, bytes, seed) {
      return this.scoped((s) => {
        const pl = s.alloc(4);
        const p = this.c.rnn_corpus(pick(CORPORA, kind, 'corpus'), (seed || 1) | 0, bytes | 0, pl);
        if (!p) throw this.error();
        const str = decoder.decode(this.u8(p, this.i32(pl, 1)[0]));
        this.c.rnn_dealloc(p);
        return str;
      });
    }
  }

  class CharLM {
    constructor(eng, ptr) { this.eng = eng; this.ptr = ptr; }
    live() { if (!this.ptr) throw new Error('this model was freed'); return this.ptr; }

    get info() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const po = s.alloc(8 * INFO.length);
        e.c.rnn_lm_info(p, po);
        const v = Array.from(e.f64(po, INFO.length));
        const info = {};
        INFO.forEach((k, i) => { info[k] = v[i]; });
        const cps = e.mod.HEAPU32.subarray(e.c.rnn_lm_vocab(p) >> 2, (e.c.rnn_lm_vocab(p) >> 2) + info.V);
        info.vocab = Array.from(cps, (cp) => String.fromCodePoint(cp));
        info.activation = ACTIVATIONS[info.activation];
        info.optim = OPTIMISERS[info.optim];
        info.clipMode = CLIP_MODES[info.clipMode];
        info.hasText = info.hasText === 1;
        info.uniformBits = Math.log2(info.V);
        info.config = { hidden: info.H, seq: info.T, batch: info.B, lr: info.lr, optim: info.optim,
          clip: info.clipMode === 'none' ? 0 : info.clip, clipMode: info.clipMode, activation: info.activation,
          seed: info.seed, valFraction: info.valFraction, vocabCap: info.vocabCap };
        return info;
      });
    }

    setText(text) {
      const e = this.eng, p = this.live();
      e.scoped((s) => { const [pt, n] = s.text(text); e.check(e.c.rnn_lm_set_text(p, pt, n)); });
    }

    // Runs `steps` optimiser steps. ok = false: a NaN/Inf appeared and that
    // step's update was not applied (the weights are those before it).
    train(steps) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const po = s.alloc(6 * 8);
        e.check(e.c.rnn_lm_train(p, steps | 0, po));
        const [step, loss, gradNorm, clipped, chars, finite] = e.f64(po, 6);
        return { step, loss, bpc: loss / Math.LN2, gradNorm, clipped, chars, ok: finite === 1 };
      });
    }

    validate() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => { const po = s.alloc(8); e.check(e.c.rnn_lm_validate(p, po)); return e.f64(po, 1)[0]; });
    }

    // Bits per char of a whole text, one stream from a zero state.
    evaluate(text) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const [pt, n] = s.text(text);
        const po = s.alloc(16);
        e.check(e.c.rnn_lm_eval(p, pt, n, po));
        const [bpc, chars] = e.f64(po, 2);
        return { bpc, chars };
      });
    }

    sample(opts) {
      const o = Object.assign({ length: 200, temperature: 0.8, prime: '', seed: 1, greedy: false, topk: 0 }, opts || {});
      const e = this.eng, p = this.live();
      if (!Number.isInteger(o.length) || o.length < 0 || o.length > 1e6) throw new Error('length must be an integer in [0, 1000000]');
      if (!Number.isInteger(o.topk) || o.topk < 0 || o.topk > 16) throw new Error('topk must be an integer in [0, 16]');
      return e.scoped((s) => {
        const [pp, np] = s.text(o.prime || '');
        const cap = o.length * 4 + 1, k = o.topk;
        const pout = s.alloc(cap), pti = s.alloc(Math.max(1, o.length * k) * 4), ptp = s.alloc(Math.max(1, o.length * k) * 4);
        const plen = s.alloc(4);
        e.check(e.c.rnn_lm_sample(p, pp, np, o.length, o.temperature, o.seed | 0, o.greedy ? 1 : 0, k, pout, cap,
          k ? pti : 0, k ? ptp : 0, plen));
        const text = decoder.decode(e.u8(pout, e.i32(plen, 1)[0]));
        const out = { text };
        if (k) {
          const vocab = this.info.vocab, idx = Array.from(e.i32(pti, o.length * k)), pr = Array.from(e.f32(ptp, o.length * k));
          out.top = [];
          for (let i = 0; i < o.length; i++) {
            out.top.push(idx.slice(i * k, i * k + k).map((v, j) => ({ ch: v >= 0 ? vocab[v] : '', p: pr[i * k + j] })));
          }
        }
        return out;
      });
    }

    save() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const n = e.c.rnn_lm_save_size(p), pb = s.alloc(n);
        e.check(e.c.rnn_lm_save(p, pb, n));
        return Uint8Array.from(e.u8(pb, n));
      });
    }

    exportPytorch() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const pl = s.alloc(4);
        const pj = e.c.rnn_lm_export(p, pl);
        if (!pj) throw e.error();
        const str = decoder.decode(e.u8(pj, e.i32(pl, 1)[0]));
        e.c.rnn_dealloc(pj);
        return str;
      });
    }

    // Copies of the parameter block ([U | W | b | Wy | by], see charlm.h).
    params() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => { const pn = s.alloc(4); const pp = e.c.rnn_lm_params(p, pn); return Float32Array.from(e.f32(pp, e.i32(pn, 1)[0])); });
    }

    // Loss and unclipped gradients of the next chunk, with its inputs and
    // targets [T,B]; no update (for parity tests and teaching views).
    gradients() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const po = s.alloc(8);
        e.check(e.c.rnn_lm_gradients(p, po));
        const loss = e.f64(po, 1)[0];
        const info = this.info, n = info.params, TB = info.T * info.B;
        const grads = Float32Array.from(e.f32(e.c.rnn_lm_grads(p), n));
        const xy = Int32Array.from(e.i32(e.c.rnn_lm_batch(p), 2 * TB));
        return { loss, grads, x: xy.subarray(0, TB), y: xy.subarray(TB) };
      });
    }

    // For each character of text but the last, from a zero state: the
    // probability the model gives the character that really comes next
    // (prob[i] = P(text[i+1] | text[0..i])), its most likely guess, and the
    // mean of prob (NaN for a text of fewer than 2 characters).
    nextProbs(text) {
      const e = this.eng, p = this.live();
      const n = Array.from(String(text)).length;
      if (n > 100000) throw new Error('text too long to score (at most 100000 characters)');
      return e.scoped((s) => {
        const [pt, len] = s.text(text);
        const cap = Math.max(1, n - 1), pp = s.alloc(cap * 4), ptop = s.alloc(cap * 4), po = s.alloc(16);
        e.check(e.c.rnn_lm_next_probs(p, pt, len, pp, ptop, cap, po));
        const [count, mean] = e.f64(po, 2), vocab = this.info.vocab;
        return { prob: Array.from(e.f32(pp, count)), top: Array.from(e.i32(ptop, count), (v) => vocab[v]), mean };
      });
    }

    free() { if (this.ptr) { this.eng.c.rnn_lm_free(this.ptr); this.ptr = 0; } }
  }

  async function create(factory) {
    if (typeof factory !== 'function') throw new Error('RnnEngine.create needs the module factory (RnnWasmSimd or RnnWasmScalar)');
    return new Engine(await factory());
  }

  // ---------------------------------------------------------------------
  // Learning to execute (src/api_l2e.c): the sample generator on the Engine
  // and L2EModel, the curriculum-trained encoder-decoder. Its own scope, its
  // own export table (L2E_EXPORTS), the same Engine helpers.
  //   const eng = await loadEngine('simd');          // js/node-engine.js
  //   eng.l2eGenerate({ task: 'addition', length: 2, count: 3, seed: 1 });
  //     // [{ input: 'print(36+12)@', target: '48.' }, ...]
  //   const m = eng.createL2E({ task: 'addition', length: 2, strategy: 'combined' });
  //   m.train(100);          // { step, loss, trainChar, level: {length, nesting}, ... }
  //   m.evaluate('val');     // { charAcc, exact, loss, chars, samples }
  //   m.predict('print(36+12)@');   // '48.'
  //   m.free();
  const installL2E = (function () {

    // name -> argument count; the C side is src/api_l2e.c
    const L2E_EXPORTS = {
      rnn_l2e_vocab: 0, rnn_l2e_generate: 8, rnn_l2e_pretty: 3, rnn_l2e_create: 2, rnn_l2e_train: 3,
      rnn_l2e_status: 2, rnn_l2e_evaluate: 3, rnn_l2e_predict: 5, rnn_l2e_examples: 4, rnn_l2e_info: 2,
      rnn_l2e_free: 1, rnn_s2s_params: 2, rnn_s2s_tensor_sizes: 2,
    };
    const TASKS = ['program', 'addition', 'copy'];
    const SPLITS = ['train', 'val', 'test'];
    const STRATEGIES = ['baseline', 'naive', 'mix', 'combined'];
    const CONTEXTS = ['init', 'every'];
    const TENSORS = ['enc.U', 'enc.W', 'enc.b', 'dec.U', 'dec.W', 'dec.b', 'out.Wy', 'out.by'];
    const L2E_DEFAULTS = { task: 'program', length: 2, nesting: 1, strategy: 'combined', hidden: 128, batch: 32,
      lr: 2e-3, clip: 5, seed: 1, reverse: false, context: 'every', scramble: false, evalEvery: 50, evalSamples: 256 };
    const STATS = ['step', 'samples', 'loss', 'trainChar', 'gradNorm', 'clipped', 'finite', 'levelLength',
      'levelNesting', 'advances', 'evals', 'levelChar'];
    const LIMITS = { program: 9, addition: 9, copy: 30 };
    const decoder = new TextDecoder('utf-8');

    function pick(list, value, what) {
      const i = list.indexOf(value);
      if (i < 0) throw new Error(`unknown ${what} '${value}' (one of: ${list.join(', ')})`);
      return i;
    }
    function int(v, lo, hi, what) {
      if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${what} must be an integer in [${lo}, ${hi}], got ${v}`);
      return v;
    }
    function splitIndex(split) {
      if (split === undefined || split === null || split === 'any') return -1;
      return pick(SPLITS, split, 'split');
    }
    // "a\tb\n..." -> [[a, b], ...]
    function lines(text) { return text.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t')); }
    function mark(v) { return Number.isNaN(v) ? null : v; }

    // The accuracy of guessing from the output format alone: each target
    // character predicted, under teacher forcing, as the most frequent next
    // character after the same target prefix in `train` (backing off to the
    // same position and previous character, then the same position), scored on
    // `test`. This is the "chance" a model that ignores its input can reach
    // (e.g. ~0.5 per char for 2-digit addition: the leading '1' and the '.'
    // are guessable, the other digits ~1/10).
    function formatBaseline(train, test) {
      const counts = new Map();
      const add = (key, ch) => {
        let m = counts.get(key);
        if (!m) counts.set(key, (m = new Map()));
        m.set(ch, (m.get(ch) || 0) + 1);
      };
      const best = (key) => {
        const m = counts.get(key);
        if (!m) return null;
        let b = null, n = -1;
        for (const [ch, k] of m) if (k > n || (k === n && ch < b)) { b = ch; n = k; }
        return b;
      };
      for (const { target } of train) {
        for (let i = 0; i < target.length; i++) {
          add('p' + target.slice(0, i), target[i]);
          add(`b${i}:${i ? target[i - 1] : ''}`, target[i]);
          add(`i${i}`, target[i]);
        }
      }
      let right = 0, total = 0, exact = 0;
      for (const { target } of test) {
        let all = true;
        for (let i = 0; i < target.length; i++) {
          const g = best('p' + target.slice(0, i)) ?? best(`b${i}:${i ? target[i - 1] : ''}`) ?? best(`i${i}`);
          total++;
          if (g === target[i]) right++;
          else all = false;
        }
        if (all) exact++;
      }
      return { charAcc: total ? right / total : 0, exact: test.length ? exact / test.length : 0 };
    }

    function installL2E(RnnEngine) {
      const Engine = RnnEngine && RnnEngine.Engine;
      if (typeof Engine !== 'function') throw new Error('installL2E needs the RnnEngine module (js/engine.js)');
      if (Engine.prototype.createL2E) return RnnEngine; // installed already

      // Binds this module's C functions into eng.c once per engine.
      function bind(eng) {
        if (eng.l2eBound) return eng;
        for (const [name, arity] of Object.entries(L2E_EXPORTS)) {
          const fn = eng.mod['_' + name];
          if (typeof fn !== 'function') throw new Error(`engine module lacks ${name}/${arity} (rebuild wasm/ with src/api_l2e.c)`);
          eng.c[name] = fn;
        }
        eng.l2eBound = true;
        return eng;
      }
      // malloc'd text from the engine -> JS string; frees it
      function takeText(e, p, plen) {
        if (!p) throw e.error();
        const s = decoder.decode(e.u8(p, e.i32(plen, 1)[0]));
        e.c.rnn_dealloc(p);
        return s;
      }

      // The 42 symbols, in token order.
      Engine.prototype.l2eVocab = function () { const e = bind(this); return e.cstring(e.c.rnn_l2e_vocab()); };

      // opts: task, length, nesting, count, split ('train'|'val'|'test'|'any'), seed, scramble.
      // Returns [{ input, target }] (one seeded stream: same opts, same samples).
      Engine.prototype.l2eGenerate = function (opts) {
        const e = bind(this);
        const o = Object.assign({ task: 'program', length: 2, nesting: 1, count: 10, split: 'any', seed: 1, scramble: false }, opts || {});
        const task = pick(TASKS, o.task, 'task');
        int(o.length, 1, LIMITS[o.task], `length for ${o.task}`);
        if (o.task === 'program') int(o.nesting, 1, 6, 'nesting');
        int(o.count, 0, 1000000, 'count');
        int(o.seed, -2147483648, 4294967295, 'seed');
        return e.scoped((s) => {
          const plen = s.alloc(4);
          const p = e.c.rnn_l2e_generate(task, o.length, o.task === 'program' ? o.nesting : 1, splitIndex(o.split),
            o.seed | 0, o.count, o.scramble ? 1 : 0, plen);
          return lines(takeText(e, p, plen)).map(([input, target]) => ({ input, target }));
        });
      };

      // One statement per line, as the paper prints programs.
      Engine.prototype.l2ePretty = function (input) {
        const e = bind(this);
        return e.scoped((s) => {
          const [pi, n0] = s.text(String(input) + '\0'); // the C side reads a NUL-terminated string
          const cap = n0 * 2 + 16, po = s.alloc(cap);
          const n = e.c.rnn_l2e_pretty(pi, po, cap);
          if (n < 0) throw e.error();
          return decoder.decode(e.u8(po, n));
        });
      };

      // opts: see L2E_DEFAULTS (task, length, nesting, strategy, hidden, batch,
      // lr, clip, seed, reverse, context 'init'|'every', scramble, evalEvery, evalSamples).
      Engine.prototype.createL2E = function (opts) {
        const e = bind(this);
        const o = Object.assign({}, L2E_DEFAULTS, opts || {});
        const task = pick(TASKS, o.task, 'task');
        const icfg = [task, o.length, o.task === 'program' ? o.nesting : 1, pick(STRATEGIES, o.strategy, 'strategy'),
          o.hidden, o.batch, o.seed >>> 0, o.reverse ? 1 : 0, pick(CONTEXTS, o.context, 'context'), o.scramble ? 1 : 0,
          o.evalEvery, o.evalSamples];
        const names = ['task', 'length', 'nesting', 'strategy', 'hidden', 'batch', 'seed', 'reverse', 'context',
          'scramble', 'evalEvery', 'evalSamples'];
        icfg.forEach((v, i) => { if (!Number.isInteger(v)) throw new Error(`${names[i]} must be an integer, got ${v}`); });
        for (const k of ['lr', 'clip']) {
          if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new Error(`${k} must be a finite number`);
        }
        return e.scoped((s) => {
          const p = e.c.rnn_l2e_create(s.i32(icfg.map((v) => v | 0)), s.f32([o.lr, o.clip]));
          if (!p) throw e.error();
          return new L2EModel(e, p, o);
        });
      };

      class L2EModel {
        constructor(eng, ptr, opts) {
          this.eng = eng;
          this.ptr = ptr;
          this.opts = Object.freeze(Object.assign({}, opts));
        }
        live() { if (!this.ptr) throw new Error('this model was freed'); return this.ptr; }

        static stats(v) {
          const o = {};
          STATS.forEach((k, i) => { o[k] = v[i]; });
          return { step: o.step, samples: o.samples, loss: mark(o.loss), trainChar: mark(o.trainChar),
            gradNorm: o.gradNorm, clipped: o.clipped, ok: o.finite === 1,
            level: { length: o.levelLength, nesting: o.levelNesting }, advances: o.advances, evals: o.evals,
            levelChar: mark(o.levelChar) };
        }

        // `steps` optimiser steps; the curriculum evaluates itself every evalEvery
        // steps. ok = false: a NaN/Inf appeared and training stopped before that update.
        train(steps) {
          const e = this.eng, p = this.live();
          int(steps, 0, 1000000, 'steps');
          return e.scoped((s) => {
            const po = s.alloc(8 * STATS.length);
            e.check(e.c.rnn_l2e_train(p, steps, po));
            return L2EModel.stats(Array.from(e.f64(po, STATS.length)));
          });
        }

        status() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const po = s.alloc(8 * STATS.length);
            e.c.rnn_l2e_status(p, po);
            return L2EModel.stats(Array.from(e.f64(po, STATS.length)));
          });
        }

        // Metrics on the fixed set of a split at the target level: charAcc
        // (teacher-forced, the paper's metric) and exact (greedy decode).
        evaluate(split = 'val') {
          const e = this.eng, p = this.live();
          const k = pick(SPLITS, split, 'split');
          return e.scoped((s) => {
            const po = s.alloc(40);
            e.check(e.c.rnn_l2e_evaluate(p, k, po));
            const [charAcc, exact, loss, chars, samples] = e.f64(po, 5);
            return { charAcc, exact, loss, chars, samples };
          });
        }

        // Greedy decode of one input ("...@"): the predicted target, e.g. "48.".
        predict(input) {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const [pi, n] = s.text(input);
            const cap = 64, po = s.alloc(cap);
            e.check(e.c.rnn_l2e_predict(p, pi, n, po, cap));
            return e.cstring(po);
          });
        }

        // The first `count` samples of a fixed set with the current predictions:
        // [{ input, target, prediction, correct }] (for the lecture's table).
        examples(count = 8, split = 'val') {
          const e = this.eng, p = this.live();
          const k = pick(SPLITS, split, 'split');
          int(count, 0, this.opts.evalSamples, 'count');
          return e.scoped((s) => {
            const plen = s.alloc(4);
            const text = takeText(e, e.c.rnn_l2e_examples(p, k, count, plen), plen);
            return lines(text).map(([input, target, prediction]) => ({ input, target, prediction, correct: prediction === target }));
          });
        }

        get info() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const po = s.alloc(64);
            e.c.rnn_l2e_info(p, po);
            const [maxIn, maxOut, params, hidden, batch, vocab, decoderInput, step] = e.f64(po, 8);
            return { maxIn, maxOut, params, hidden, batch, vocab, decoderInput, step, opts: this.opts };
          });
        }

        // Copy of the parameter block and its tensor table (enc.U ... out.by).
        params() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const pn = s.alloc(4), ps = s.alloc(4 * TENSORS.length);
            const pp = e.c.rnn_s2s_params(p, pn);
            const data = Float32Array.from(e.f32(pp, e.i32(pn, 1)[0]));
            e.c.rnn_s2s_tensor_sizes(p, ps);
            const sizes = Array.from(e.i32(ps, TENSORS.length));
            let off = 0;
            const tensors = TENSORS.map((name, i) => { const t = { name, offset: off, size: sizes[i] }; off += sizes[i]; return t; });
            return { data, tensors };
          });
        }

        free() { if (this.ptr) { this.eng.c.rnn_l2e_free(this.ptr); this.ptr = 0; } }
      }

      RnnEngine.L2EModel = L2EModel;
      RnnEngine.L2E = { TASKS, SPLITS, STRATEGIES, CONTEXTS, DEFAULTS: L2E_DEFAULTS, formatBaseline };
      return RnnEngine;
    }
    installL2E.formatBaseline = formatBaseline;
    installL2E.L2E_EXPORTS = L2E_EXPORTS;
    return installL2E;
  })();

  const api = { create, Engine, CharLM, DEFAULTS, ACTIVATIONS, OPTIMISERS, CLIP_MODES, CORPORA, KERNELS };
  installL2E(api); // adds Engine.prototype.l2e*/createL2E, api.L2EModel, api.L2E
  return api;
});
