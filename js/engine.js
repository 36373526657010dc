// engine.js - the one module that owns the WebAssembly boundary: the char LM
// and kernels (src/api.c), learning to execute (src/api_l2e.c), and the
// engine's description of itself (src/api_describe.c).
// A classic script / CommonJS module (UMD): `RnnEngine` in a Web Worker,
// `require('./engine.js')` in Node. Every exported C function is declared once
// in EXPORTS below; memory this module allocates is freed in the same call
// (Scope); heap views are re-read from the module after every call that can
// grow memory (growth detaches the old ArrayBuffer); a non-zero status
// becomes a thrown Error carrying the engine's reason.
//
// The contract: at start-up the engine reports, as JSON, its enums (names in
// C order), every hyper-parameter's limits and default, named presets, the
// slots of every config array and the fields of every output array
// (eng.contract; see src/api_describe.c). Config arrays are built and output
// arrays read by those names, so nothing here copies a C position, a limit
// or a default by hand.
(function (root, make) {
  if (typeof module === 'object' && module.exports) module.exports = make();
  else root.RnnEngine = make();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // The C exports: one block per source file, name -> argument count.
  // tests/node/contract.test.mjs parses every `API` function in src/*.c and
  // fails unless each is here, in its file's block, with its argument count
  // (and ABI_VERSION equals RNN_ABI_VERSION in src/api_contract.h).
  // To add an export: write it in C with API, add it to its file's block (a
  // new src/api_foo.c gets a new block `api_foo: { ... }`), bump the ABI
  // version on both sides if an existing export changes, then rebuild
  // (make wasm && node scripts/build-web.mjs).
  const EXPORTS = {
    api: {
      rnn_version: 0, rnn_error: 0, rnn_simd: 0, rnn_alloc: 1, rnn_dealloc: 1, rnn_kernel_run: 9,
      rnn_lm_check_config: 2, rnn_lm_create: 4, rnn_lm_set_text: 3, rnn_lm_train: 3, rnn_lm_gradients: 2,
      rnn_lm_grads: 1, rnn_lm_batch: 1, rnn_lm_validate: 2, rnn_lm_eval: 4, rnn_lm_sample: 13, rnn_lm_info: 2,
      rnn_lm_vocab: 1, rnn_lm_save_size: 1, rnn_lm_save: 3, rnn_lm_params: 2, rnn_lm_load: 4, rnn_lm_export: 2,
      rnn_lm_import: 6, rnn_lm_free: 1, rnn_corpus: 4,
    },
    api_describe: { rnn_describe: 0 },
    api_l2e: {
      rnn_l2e_vocab: 0, rnn_l2e_generate: 8, rnn_l2e_pretty: 3, rnn_l2e_check_config: 2, rnn_l2e_create: 2,
      rnn_l2e_train: 3, rnn_l2e_status: 2, rnn_l2e_evaluate: 3, rnn_l2e_predict: 5, rnn_l2e_examples: 4,
      rnn_l2e_info: 2, rnn_l2e_free: 1, rnn_s2s_params: 2, rnn_s2s_tensor_sizes: 2,
    },
  };
  const ABI_VERSION = 2;
  const encoder = new TextEncoder();
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
  // {name: value} from an output array and its field names
  function record(names, values) {
    const o = {};
    names.forEach((k, i) => { o[k] = values[i]; });
    return o;
  }
  // how an error message names a parameter, where its name is terse
  const WORDS = { optim: 'optimiser', clipMode: 'clip mode' };

  // A config's int and float arrays, slot by slot as the engine names them
  // (spec: contract.charlm or contract.l2e); enums become their C index,
  // booleans 0/1, the seed an unsigned 32-bit value.
  function configArrays(spec, o) {
    const icfg = spec.icfg.map((name) => {
      const p = spec.params[name], v = o[name];
      if (p.type === 'enum') return pick(p.values, v, WORDS[name] || name);
      if (p.type === 'bool') return v ? 1 : 0;
      if (!Number.isInteger(v)) throw new Error(`${name} must be an integer, got ${v}`);
      return name === 'seed' ? (v >>> 0) | 0 : v | 0;
    });
    const fcfg = spec.fcfg.map((name) => {
      if (typeof o[name] !== 'number' || !Number.isFinite(o[name])) throw new Error(`${name} must be a finite number`);
      return o[name];
    });
    return { icfg, fcfg };
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
    f64out(names) { return this.alloc(8 * names.length); }
    free() { for (const p of this.ptrs) this.eng.c.rnn_dealloc(p); this.ptrs = []; }
  }

  function deepFreeze(o) {
    if (o && typeof o === 'object') { Object.values(o).forEach(deepFreeze); Object.freeze(o); }
    return o;
  }

  class Engine {
    constructor(mod) {
      this.mod = mod;
      this.c = {};
      const version = typeof mod._rnn_version === 'function' ? mod._rnn_version() : 'unknown';
      if (version !== ABI_VERSION) {
        throw new Error(`engine module has ABI version ${version}, js/engine.js expects ${ABI_VERSION}: ` +
          'the WASM module and js/engine.js are from different builds (run make wasm && node scripts/build-web.mjs)');
      }
      for (const [file, block] of Object.entries(EXPORTS)) {
        for (const [name, arity] of Object.entries(block)) {
          const fn = mod['_' + name];
          if (typeof fn !== 'function') throw new Error(`engine module lacks ${name}/${arity} (src/${file}.c): rebuild wasm/`);
          this.c[name] = fn;
        }
      }
      // enums, limits, defaults, presets, config slots and output fields (src/api_describe.c)
      this.contract = deepFreeze(JSON.parse(this.cstring(this.c.rnn_describe())));
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
    // an output array of doubles as {field: value}; `out` names the fields (contract.outputs)
    read(p, out) { const names = this.contract.outputs[out]; return record(names, Array.from(this.f64(p, names.length))); }
    // malloc'd text from the engine -> JS string; frees it
    takeText(p, plen) {
      if (!p) throw this.error();
      const s = decoder.decode(this.u8(p, this.i32(plen, 1)[0]));
      this.c.rnn_dealloc(p);
      return s;
    }

    // Runs one kernel (SIMD entry point, or its scalar twin with ref = true)
    // on copies of the given arrays; returns the output array C.
    kernel(name, ref, M, K, N, A, B, C, idx) {
      const which = pick(this.contract.enums.kernel, name, 'kernel');
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

    // The char LM's config arrays from options (missing ones: the default
    // preset). clip 0 (or less) means no clipping (clip mode 'none').
    config(opts) {
      const spec = this.contract.charlm;
      const o = Object.assign({}, spec.presets.default, opts || {});
      const off = typeof o.clip === 'number' && o.clip <= 0;
      return configArrays(spec, Object.assign(o, off ? { clipMode: 'none', clip: 1 } : {}));
    }

    // Throws the engine's reason if it would refuse these char LM options.
    checkConfig(opts) {
      const { icfg, fcfg } = this.config(opts);
      this.scoped((s) => this.check(this.c.rnn_lm_check_config(s.i32(icfg), s.f32(fcfg))));
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

    // Built-in generated corpus: one of contract.enums.corpus
    corpus(kind, bytes, seed) {
      return this.scoped((s) => {
        const pl = s.alloc(4);
        const p = this.c.rnn_corpus(pick(this.contract.enums.corpus, kind, 'corpus'), (seed || 1) | 0, bytes | 0, pl);
        return this.takeText(p, pl);
      });
    }

    // --- learning to execute (src/api_l2e.c)
    //   eng.l2eGenerate({ task: 'addition', length: 2, count: 3, seed: 1 });
    //     // [{ input: 'print(36+12)@', target: '48.' }, ...]
    //   const m = eng.createL2E({ task: 'addition', length: 2, strategy: 'combined' });
    //   m.train(100);          // { step, loss, trainChar, level: {length, nesting}, ... }
    //   m.evaluate('val');     // { charAcc, exact, loss, chars, samples }
    //   m.predict('print(36+12)@');   // '48.'
    //   m.free();

    // The 42 symbols, in token order.
    l2eVocab() { return this.cstring(this.c.rnn_l2e_vocab()); }

    // task, length and nesting within the engine's limits
    l2eLevel(o) {
      const P = this.contract.l2e.params;
      const task = pick(P.task.values, o.task, 'task');
      int(o.length, P.length.min, P.length.maxByTask[o.task], `length for ${o.task}`);
      if (o.task === 'program') int(o.nesting, P.nesting.min, P.nesting.max, 'nesting');
      return task;
    }

    // opts: task, length, nesting, count, split ('train'|'val'|'test'|'any'), seed, scramble.
    // Returns [{ input, target }] (one seeded stream: same opts, same samples).
    l2eGenerate(opts) {
      const d = this.contract.l2e.presets.default;
      const o = Object.assign({ task: d.task, length: d.length, nesting: d.nesting, count: 10, split: 'any', seed: 1,
        scramble: false }, opts || {});
      const task = this.l2eLevel(o);
      int(o.count, 0, this.contract.limits.l2eCount, 'count');
      int(o.seed, -2147483648, 4294967295, 'seed');
      const split = o.split === undefined || o.split === null || o.split === 'any' ? -1
        : pick(this.contract.enums.l2eSplit, o.split, 'split');
      return this.scoped((s) => {
        const plen = s.alloc(4);
        const p = this.c.rnn_l2e_generate(task, o.length, o.task === 'program' ? o.nesting : 1, split,
          o.seed | 0, o.count, o.scramble ? 1 : 0, plen);
        return lines(this.takeText(p, plen)).map(([input, target]) => ({ input, target }));
      });
    }

    // One statement per line, as the paper prints programs.
    l2ePretty(input) {
      return this.scoped((s) => {
        const [pi, n0] = s.text(String(input) + '\0'); // the C side reads a NUL-terminated string
        const cap = n0 * 2 + 16, po = s.alloc(cap);
        const n = this.c.rnn_l2e_pretty(pi, po, cap);
        if (n < 0) throw this.error();
        return decoder.decode(this.u8(po, n));
      });
    }

    // The encoder-decoder's config arrays from options (missing ones: the default preset).
    l2eConfig(opts) {
      const spec = this.contract.l2e;
      return configArrays(spec, Object.assign({}, spec.presets.default, opts || {}));
    }

    // Throws the engine's reason if it would refuse these options.
    checkL2EConfig(opts) {
      const { icfg, fcfg } = this.l2eConfig(opts);
      this.scoped((s) => this.check(this.c.rnn_l2e_check_config(s.i32(icfg), s.f32(fcfg))));
    }

    // opts: contract.l2e.params (task, length, nesting, strategy, hidden, batch,
    // lr, clip, seed, reverse, context 'init'|'every', scramble, evalEvery, evalSamples).
    createL2E(opts) {
      const o = Object.assign({}, this.contract.l2e.presets.default, opts || {});
      const { icfg, fcfg } = this.l2eConfig(o);
      return this.scoped((s) => {
        const p = this.c.rnn_l2e_create(s.i32(icfg), s.f32(fcfg));
        if (!p) throw this.error();
        return new L2EModel(this, p, o);
      });
    }
  }

  // "a\tb\n..." -> [[a, b], ...]
  function lines(text) { return text.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t')); }
  function mark(v) { return Number.isNaN(v) ? null : v; }

  class CharLM {
    constructor(eng, ptr) { this.eng = eng; this.ptr = ptr; }
    live() { if (!this.ptr) throw new Error('this model was freed'); return this.ptr; }

    get info() {
      const e = this.eng, p = this.live(), en = e.contract.enums;
      return e.scoped((s) => {
        const po = s.f64out(e.contract.outputs.lmInfo);
        e.c.rnn_lm_info(p, po);
        const info = e.read(po, 'lmInfo');
        const pv = e.c.rnn_lm_vocab(p) >> 2;
        info.vocab = Array.from(e.mod.HEAPU32.subarray(pv, pv + info.V), (cp) => String.fromCodePoint(cp));
        info.activation = en.activation[info.activation];
        info.optim = en.optim[info.optim];
        info.clipMode = en.clipMode[info.clipMode];
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
        const po = s.f64out(e.contract.outputs.lmTrain);
        e.check(e.c.rnn_lm_train(p, steps | 0, po));
        const r = e.read(po, 'lmTrain');
        return { step: r.step, loss: r.loss, bpc: r.loss / Math.LN2, gradNorm: r.gradNorm, clipped: r.clipped,
          chars: r.chars, ok: r.finite === 1 };
      });
    }

    validate() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => { const po = s.alloc(8); e.check(e.c.rnn_lm_validate(p, po)); return e.f64(po, 1)[0]; });
    }

    // Bits per char of a whole text, one stream from a zero state: {bpc, chars}.
    evaluate(text) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const [pt, n] = s.text(text);
        const po = s.f64out(e.contract.outputs.lmEval);
        e.check(e.c.rnn_lm_eval(p, pt, n, po));
        return e.read(po, 'lmEval');
      });
    }

    sample(opts) {
      const o = Object.assign({ length: 200, temperature: 0.8, prime: '', seed: 1, greedy: false, topk: 0 }, opts || {});
      const e = this.eng, p = this.live(), L = e.contract.limits;
      int(o.length, 0, L.sampleLength, 'length');
      int(o.topk, 0, L.topk, 'topk');
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
      return e.scoped((s) => { const pl = s.alloc(4); return e.takeText(e.c.rnn_lm_export(p, pl), pl); });
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

    free() { if (this.ptr) { this.eng.c.rnn_lm_free(this.ptr); this.ptr = 0; } }
  }

  // The curriculum-trained encoder-decoder of learning to execute.
  class L2EModel {
    constructor(eng, ptr, opts) {
      this.eng = eng;
      this.ptr = ptr;
      this.opts = Object.freeze(Object.assign({}, opts));
    }
    live() { if (!this.ptr) throw new Error('this model was freed'); return this.ptr; }

    // contract.outputs.l2eStats as the page and the CLI use them
    stats(po) {
      const o = this.eng.read(po, 'l2eStats');
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
        const po = s.f64out(e.contract.outputs.l2eStats);
        e.check(e.c.rnn_l2e_train(p, steps, po));
        return this.stats(po);
      });
    }

    status() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const po = s.f64out(e.contract.outputs.l2eStats);
        e.c.rnn_l2e_status(p, po);
        return this.stats(po);
      });
    }

    // Metrics on the fixed set of a split at the target level: charAcc
    // (teacher-forced, the paper's metric) and exact (greedy decode).
    evaluate(split = 'val') {
      const e = this.eng, p = this.live();
      const k = pick(e.contract.enums.l2eSplit, split, 'split');
      return e.scoped((s) => {
        const po = s.f64out(e.contract.outputs.l2eEval);
        e.check(e.c.rnn_l2e_evaluate(p, k, po));
        return e.read(po, 'l2eEval');
      });
    }

    // Greedy decode of one input ("...@"): the predicted target, e.g. "48.".
    predict(input) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const [pi, n] = s.text(input);
        const cap = e.contract.limits.l2eTarget, po = s.alloc(cap);
        e.check(e.c.rnn_l2e_predict(p, pi, n, po, cap));
        return e.cstring(po);
      });
    }

    // The first `count` samples of a fixed set with the current predictions:
    // [{ input, target, prediction, correct }] (for the lecture's table).
    examples(count = 8, split = 'val') {
      const e = this.eng, p = this.live();
      const k = pick(e.contract.enums.l2eSplit, split, 'split');
      int(count, 0, this.opts.evalSamples, 'count');
      return e.scoped((s) => {
        const plen = s.alloc(4);
        const text = e.takeText(e.c.rnn_l2e_examples(p, k, count, plen), plen);
        return lines(text).map(([input, target, prediction]) => ({ input, target, prediction, correct: prediction === target }));
      });
    }

    get info() {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const po = s.f64out(e.contract.outputs.l2eInfo);
        e.c.rnn_l2e_info(p, po);
        return Object.assign(e.read(po, 'l2eInfo'), { opts: this.opts });
      });
    }

    // Copy of the parameter block and its tensor table (contract.outputs.s2sTensors).
    params() {
      const e = this.eng, p = this.live(), names = e.contract.outputs.s2sTensors;
      return e.scoped((s) => {
        const pn = s.alloc(4), ps = s.alloc(4 * names.length);
        const pp = e.c.rnn_s2s_params(p, pn);
        const data = Float32Array.from(e.f32(pp, e.i32(pn, 1)[0]));
        e.c.rnn_s2s_tensor_sizes(p, ps);
        const sizes = Array.from(e.i32(ps, names.length));
        let off = 0;
        const tensors = names.map((name, i) => { const t = { name, offset: off, size: sizes[i] }; off += sizes[i]; return t; });
        return { data, tensors };
      });
    }

    free() { if (this.ptr) { this.eng.c.rnn_l2e_free(this.ptr); this.ptr = 0; } }
  }

  async function create(factory) {
    if (typeof factory !== 'function') throw new Error('RnnEngine.create needs the module factory (RnnWasmSimd or RnnWasmScalar)');
    return new Engine(await factory());
  }

  return { create, Engine, CharLM, L2EModel, EXPORTS, ABI_VERSION };
});
