// engine.js - the one module that owns the WebAssembly boundary: the char LM
// and kernels (src/api.c), learning to execute (src/api_l2e_data.c,
// src/api_l2e.c), the general sequence model (src/api_seq.c), the widgets'
// task generators and the n-gram model (src/api_tasks.c, src/api_ngram.c),
// the architectures and translation widgets' data and encoder-decoder
// (src/api_arch.c, src/api_translate.c), and the engine's description of
// itself (src/api_describe.c).
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
      rnn_version: 0, rnn_error: 0, rnn_simd: 0, rnn_alloc: 1, rnn_dealloc: 1, rnn_kernel_run: 9, rnn_bptt_run: 14,
      rnn_lm_check_config: 2, rnn_lm_create: 4, rnn_lm_set_text: 3, rnn_lm_train: 3, rnn_lm_gradients: 2,
      rnn_lm_grads: 1, rnn_lm_batch: 1, rnn_lm_validate: 2, rnn_lm_eval: 4, rnn_lm_sample: 13, rnn_lm_info: 2,
      rnn_lm_vocab: 1, rnn_lm_save_size: 1, rnn_lm_save: 3, rnn_lm_params: 2, rnn_lm_load: 4, rnn_lm_export: 2,
      rnn_lm_import: 6, rnn_lm_free: 1, rnn_corpus: 4,
      rnn_lm_next_probs: 7, // the recital views (widgets): per-position probability of the given next character
      rnn_lm_radius: 2, rnn_lm_step_norms: 4, // the playground's BPTT views: rho(W), ||dL/dh_t|| per step
      // data-parallel replicas (src/models/charlm_replica.h; the messages: js/data-parallel.js)
      rnn_lm_set_workers: 4, rnn_lm_replica_gradients: 2, rnn_lm_replica_add: 4, rnn_lm_replica_set: 3,
      rnn_lm_replica_apply: 2, rnn_lm_streams: 3, rnn_lm_put_slice: 4, rnn_lm_workers_lr: 2,
      rnn_lm_stream_tokens: 4, rnn_lm_set_stream_tokens: 6, // a replica holds only its own streams' tokens
      rnn_lm_set_lr: 2, // a learning-rate schedule (rnn train --decay)
    },
    api_describe: { rnn_describe: 0 },
    api_l2e_data: { rnn_l2e_vocab: 0, rnn_l2e_generate: 8, rnn_l2e_pretty: 3 },
    api_l2e: {
      rnn_l2e_check_config: 2, rnn_l2e_create: 2, rnn_l2e_train: 3, rnn_l2e_status: 2, rnn_l2e_evaluate: 3,
      rnn_l2e_predict: 5, rnn_l2e_examples: 4, rnn_l2e_info: 2, rnn_l2e_free: 1, rnn_s2s_params: 2,
      rnn_s2s_tensor_sizes: 2, rnn_l2e_serialize: 3, rnn_l2e_execute: 3,
    },
    api_seq: {
      rnn_seq_create: 2, rnn_seq_free: 1, rnn_seq_info: 2, rnn_seq_set_tensor: 4, rnn_seq_get_tensor: 5,
      rnn_seq_params: 2, rnn_seq_reset: 3, rnn_seq_step: 5, rnn_seq_generate: 7, rnn_seq_set_batch: 9,
      rnn_seq_forward: 2, rnn_seq_gradients: 2, rnn_seq_train: 3, rnn_seq_evaluate: 2, rnn_seq_read: 3,
      rnn_seq_step_norms: 3, rnn_seq_step_dW: 4, rnn_seq_gradcheck: 4, rnn_radius: 3, rnn_seq_radius: 2,
      rnn_seq_scale_radius: 3, rnn_seq_set_training: 4,
    },
    api_ngram: {
      rnn_ngram_text: 6, rnn_ngram_create: 4, rnn_ngram_bits: 4, rnn_ngram_predict: 5, rnn_ngram_accuracy: 6,
      rnn_ngram_info: 2, rnn_ngram_free: 1,
    },
    api_tasks: {
      rnn_tasks_limits: 1, rnn_reviews_vocab: 0, rnn_reviews_lexicon: 2, rnn_reviews_slide: 3,
      rnn_reviews_generate: 6, rnn_reviews_label: 2, rnn_reviews_split: 2, rnn_reviews_tokenize: 7,
      rnn_ball_generate: 8, rnn_memory_generate: 7,
    },
    api_compare: { rnn_pairs_generate: 9 }, // the comparison widget's random input pairs
    api_neurons: {
      rnn_neurons_features: 0, rnn_neurons_trace: 9, rnn_neurons_feature: 6, rnn_neurons_rank: 6, rnn_neurons_corpus: 3,
    },
    api_arch: {
      rnn_arch_limits: 1, rnn_seg7_generate: 5, rnn_count_generate: 5, rnn_names_vocab: 0, rnn_names_generate: 6,
      rnn_names_lecture: 3, rnn_ed_tensors: 4,
    },
    api_translate: {
      rnn_phrase_info: 1, rnn_phrase_vocab: 0, rnn_phrase_generate: 8, rnn_phrase_tokenize: 7, rnn_ed_create: 2,
      rnn_ed_free: 1, rnn_ed_info: 2, rnn_ed_set_batch: 8, rnn_ed_train: 3, rnn_ed_decode: 5, rnn_ed_summary: 2,
      rnn_ed_evaluate: 2,
    },
    api_bptt: { rnn_seq_set_orthogonal: 3, rnn_seq_dW_element: 5, rnn_seq_term_element: 6, rnn_echo_generate: 7 }, // widget bptt (section "BPTT views")
    api_teacher: { rnn_lm_feed: 13 },          // widget teacher-forcing (section "BPTT views" below)
    api_peak: { rnn_peak_run: 4 },             // the peak multiply-add rate (`rnn bench`, Engine.peak)
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

  // stands in for an export of a block this build of the module leaves out
  function notInBuild(name, file) {
    return () => {
      throw new Error(`${name} (src/${file}.c) is not in this build of the engine: ` +
        'the char-LM module (wasm/rnn-lm-*.js) has only the playground\'s exports; load wasm/rnn-simd.js or rnn-scalar.js');
    };
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
      // A build may leave out whole blocks (the playground's char-LM module,
      // wasm/rnn-lm-*.js, has no widgets): a block is bound when the module has
      // its first function, and then must have all of them. A function of a
      // missing block throws when called.
      this.blocks = [];
      for (const [file, block] of Object.entries(EXPORTS)) {
        const present = typeof mod['_' + Object.keys(block)[0]] === 'function';
        if (present) this.blocks.push(file);
        for (const [name, arity] of Object.entries(block)) {
          const fn = present ? mod['_' + name] : notInBuild(name, file);
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

    // o: {activation, T, B, I, H, tokens [T*B] | x [T*B*I], params U|W|b,
    //     h0 [B*H], dh [T*B*H] (dL/dh_t from above), grads? dU|dW|db to add to}
    // -> {h [(T+1)*B*H], da [T*B*H], grads, dx (dense input), dh0 [B*H]}
    bptt(ref, o) {
      const { T, B, I, H } = o;
      const nh = (T + 1) * B * H, nda = T * B * H, ng = I * H + H * H + H;
      const want = { params: ng, h0: B * H, dh: nda, grads: o.grads ? ng : 0, tokens: o.tokens ? T * B : 0, x: o.x ? T * B * I : 0 };
      for (const [k, n] of Object.entries(want)) {
        if (n && (!o[k] || o[k].length !== n)) throw new Error(`bptt: ${k} must have ${n} elements`);
      }
      return this.scoped((s) => {
        const h = new Float32Array(nh);
        h.set(o.h0);
        const ph = s.f32(h), pdh = s.f32(o.dh), pg = s.f32(o.grads || new Float32Array(ng));
        const pt = o.tokens ? s.i32(o.tokens) : 0, px = o.x ? s.f32(o.x) : 0;
        const pdx = o.x ? s.f32(new Float32Array(T * B * I)) : 0, pdh0 = s.f32(new Float32Array(B * H));
        this.check(this.c.rnn_bptt_run(ref ? 1 : 0, pick(this.contract.enums.activation, o.activation, 'activation'), T, B, I, H, pt, px,
          s.f32(o.params), ph, pdh, pg, pdx, pdh0));
        return { h: Float32Array.from(this.f32(ph, nh)), da: Float32Array.from(this.f32(pdh, nda)),
          grads: Float32Array.from(this.f32(pg, ng)), dx: o.x ? Float32Array.from(this.f32(pdx, T * B * I)) : null,
          dh0: Float32Array.from(this.f32(pdh0, B * H)) };
      });
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

    // The module's peak multiply-add rate (src/kernels/peak.h): `reps`
    // iterations of independent multiply-add chains on registers, timed here.
    // -> {gflops, seconds, flops, checksum, lanes (4 SIMD128, 1 scalar), chains}
    peak(reps) {
      int(reps, 1, this.contract.limits.peakReps, 'reps');
      return this.scoped((s) => {
        const po = s.f64out(this.contract.outputs.peak);
        const t0 = performance.now();
        this.check(this.c.rnn_peak_run(reps, 0.999, 0.001, po));
        const seconds = (performance.now() - t0) / 1000;
        const o = this.read(po, 'peak');
        return Object.assign({ gflops: o.flops / Math.max(seconds, 1e-9) / 1e9, seconds }, o);
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

    // The learning rate the defaults take with `workers` data-parallel
    // workers, from the one-worker default lr1 (src/models/charlm_replica.c).
    workersLr(lr1, workers) { return this.c.rnn_lm_workers_lr(lr1, workers | 0); }

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

    // --- learning to execute (src/api_l2e_data.c: the samples; src/api_l2e.c: the model)
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

    // A program typed one statement per line (the slide's form) -> the
    // serialised input the network reads: "j=8584#for x in range(8):j+=920#...@".
    l2eSerialize(text) {
      return this.scoped((s) => {
        const [pi, n0] = s.text(String(text) + '\0');
        const cap = Math.max(n0 * 2 + 16, 64), po = s.alloc(cap);
        const n = this.c.rnn_l2e_serialize(pi, po, cap);
        if (n < 0) throw this.error();
        return decoder.decode(this.u8(po, n));
      });
    }

    // What a serialised program prints, as a target ("25011."), computed by the
    // engine's interpreter of the generator's language; throws the reason for a
    // program outside it (undefined variable, syntax, value beyond int64).
    l2eExecute(input) {
      return this.scoped((s) => {
        const [pi] = s.text(String(input) + '\0');
        const cap = this.contract.limits.l2eTarget, po = s.alloc(cap);
        this.check(this.c.rnn_l2e_execute(pi, po, cap));
        return this.cstring(po);
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

    // The learning rate from the next step on (a schedule; every replica of a
    // team gets the same value: js/data-parallel.js).
    setLr(lr) {
      const p = this.live();
      if (typeof lr !== 'number' || !Number.isFinite(lr)) throw new Error(`learning rate must be a finite number, got ${lr}`);
      this.eng.check(this.eng.c.rnn_lm_set_lr(p, lr));
    }

    // --- data-parallel training: this model as replica `shard` of `workers`
    // (src/models/charlm_replica.h; js/data-parallel.js sends the messages).
    // Another worker count than the model's restarts the text streams:
    // { restarted: true } (weights and optimiser state are kept).
    setWorkers(workers, shard) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const pr = s.alloc(4);
        e.check(e.c.rnn_lm_set_workers(p, workers | 0, shard | 0, pr));
        return { restarted: e.i32(pr, 1)[0] === 1 };
      });
    }

    // This replica's gradient of its next chunk (scaled so the replicas' sum
    // is the whole batch's) and its loss share; copy: also the gradient.
    replicaGradients(copy) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const po = s.alloc(8);
        e.check(e.c.rnn_lm_replica_gradients(p, po));
        const loss = e.f64(po, 1)[0];
        return copy ? { loss, grads: this.gradientCopy() } : { loss };
      });
    }

    // A copy of the gradient buffer (the leader's sum, after addGradients).
    gradientCopy() {
      const e = this.eng, p = this.live();
      return Float32Array.from(e.f32(e.c.rnn_lm_grads(p), this.shape().params));
    }

    // Leader: adds a replica's gradient and loss share (callers go in replica
    // order); returns the step's loss summed so far.
    addGradients(grads, loss) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const po = s.alloc(8);
        e.check(e.c.rnn_lm_replica_add(p, this.inbox(grads), loss, po));
        return e.f64(po, 1)[0];
      });
    }

    // Replica: takes the leader's summed gradient and loss.
    setGradients(grads, loss) {
      const e = this.eng, p = this.live();
      e.check(e.c.rnn_lm_replica_set(p, this.inbox(grads), loss));
    }

    // Clips and applies the gradient as one train() step; `prev` (a result of
    // this method, or null) accumulates: mean loss, clipped steps, chars of all
    // replicas. ok = false: not finite, nothing applied.
    applyGradients(prev) {
      const e = this.eng, p = this.live(), names = e.contract.outputs.lmTrain;
      const was = prev ? { step: prev.step, loss: prev.loss, gradNorm: prev.gradNorm, clipped: prev.clipped, chars: prev.chars, finite: 1 } : {};
      return e.scoped((s) => {
        const po = s.f64out(names);
        e.f64(po, names.length).set(names.map((k) => was[k] || 0));
        e.check(e.c.rnn_lm_replica_apply(p, po));
        const r = e.read(po, 'lmTrain');
        return { step: r.step, loss: r.loss, bpc: r.loss / Math.LN2, gradNorm: r.gradNorm, clipped: r.clipped,
          chars: r.chars, ok: r.finite === 1 };
      });
    }

    // This replica's stream cursors [B] and carried state [B,H], copied.
    streams() {
      const e = this.eng, p = this.live(), { B, H } = this.shape();
      return e.scoped((s) => {
        const pp = s.alloc(B * 4), pc = s.alloc(B * H * 4);
        e.c.rnn_lm_streams(p, pp, pc);
        return { pos: Int32Array.from(e.i32(pp, B)), carry: Float32Array.from(e.f32(pc, B * H)) };
      });
    }

    // Leader: replica k of `workers`' streams of the training text, as an
    // Int32Array of tokens (copied out; a replica takes them with
    // setStreamTokens instead of the whole text).
    streamTokens(workers, k) {
      const e = this.eng, p = this.live();
      return e.scoped((s) => {
        const pn = s.alloc(4);
        const t = e.c.rnn_lm_stream_tokens(p, workers | 0, k | 0, pn);
        if (!t) throw e.error();
        return Int32Array.from(e.i32(t, e.i32(pn, 1)[0]));
      });
    }

    // Replica: only its own streams (streamTokens of the leader), of a
    // training text of nTrain characters; then setWorkers(workers, shard).
    setStreamTokens(tokens, nTrain, workers, shard) {
      const e = this.eng, p = this.live();
      if (!(tokens instanceof Int32Array)) throw new Error('stream tokens must be an Int32Array');
      e.scoped((s) => e.check(e.c.rnn_lm_set_stream_tokens(p, s.i32(tokens), tokens.length, nTrain | 0, workers | 0, shard | 0)));
    }

    // Leader: records replica k's streams for the model file (save() refuses stale ones).
    putStreams(k, { pos, carry }) {
      const e = this.eng, p = this.live(), { B, H } = this.shape();
      if (!(pos instanceof Int32Array) || pos.length !== B) throw new Error(`stream cursors must be an Int32Array of ${B}`);
      if (!(carry instanceof Float32Array) || carry.length !== B * H) throw new Error(`carried state must be a Float32Array of ${B * H}`);
      e.scoped((s) => e.check(e.c.rnn_lm_put_slice(p, k | 0, s.i32(pos), s.f32(carry))));
    }

    // B, H and the parameter count, which never change for a model
    shape() {
      if (!this.dims) { const i = this.info; this.dims = { B: i.B, H: i.H, params: i.params }; }
      return this.dims;
    }

    // Copies a gradient from another replica into a buffer in the engine's
    // memory that this model allocates once (not once per step); its pointer.
    inbox(g) {
      const e = this.eng, n = this.sized(g).length;
      if (!this.inboxPtr) {
        this.inboxPtr = e.c.rnn_alloc(n * 4);
        if (!this.inboxPtr) throw new Error(`out of memory: could not allocate ${n * 4} bytes in the engine`);
      }
      e.mod.HEAPF32.set(g, this.inboxPtr >> 2);
      return this.inboxPtr;
    }

    // a gradient buffer of this model's size, or an Error
    sized(g) {
      const n = this.shape().params;
      if (!(g instanceof Float32Array) || g.length !== n) throw new Error(`gradient must be a Float32Array of ${n} floats`);
      return g;
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

    free() {
      if (this.inboxPtr) { this.eng.c.rnn_dealloc(this.inboxPtr); this.inboxPtr = 0; }
      if (this.ptr) { this.eng.c.rnn_lm_free(this.ptr); this.ptr = 0; }
    }
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

  // ---------------------------------------------------------------------
  // The general sequence model (src/api_seq.c, src/models/seqnet.h): one
  // vanilla RNN layer and one output head for the lecture's small examples.
  // Its own scope; its exports are EXPORTS.api_seq; the same Engine helpers.
  // Lecture notation: h_t = g(U x_t + W h_{t-1} + b), y_t = f(V h_t + c).
  //   const net = eng.createSeqNet({ input: 1, hidden: 1, output: 1, activation: 'linear', head: 'linear-mse' });
  //   net.setWeights({ U: [[1]], W: [[1]], V: [[1]] });       // lecture layout: U [H][I], W [H][H], V [O][H]
  //   net.reset();  net.step([2]);                            // { h: Float32Array [2], y: Float32Array [2] }
  //   net.run([2, -0.5, 1, 1]);                               // { h: [[2], [1.5], [2.5], [3.5]], y: [...] }
  //   net.train({ x, y, mask }, 10);  net.evaluate({ x, y, mask });
  //   net.free();
  // Batches are { x | tokens, y | cls, mask, h0 } batch-major: x [B][T][I],
  // tokens [B][T] (-1: no input), y [B][T][O], cls [B][T], mask [B][T], h0 [B][H],
  // as nested arrays or flat typed arrays (then give B and T).
  const installSeqNet = (function () {

    const INPUT_KINDS = ['dense', 'onehot'];
    const HEADS = ['linear-mse', 'tanh-mse', 'sigmoid-bce', 'softmax-xent'];
    const ACTS = ['tanh', 'relu', 'linear'];
    const OPTIMS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'];
    const CLIPS = ['none', 'norm', 'value'];
    const TENSORS = ['U', 'W', 'b', 'V', 'c'];
    const SEQ_DEFAULTS = { input: 1, inputKind: 'dense', hidden: 1, output: 1, activation: 'linear', head: 'linear-mse',
      batch: 32, steps: 64, optim: 'adam', lr: 1e-2, clip: 5, clipMode: 'norm', seed: 1, initScale: 1, lossSum: false };
    const INFO = ['input', 'inputKind', 'hidden', 'output', 'activation', 'head', 'batch', 'steps', 'optim', 'clipMode',
      'seed', 'lossSum', 'lr', 'clip', 'initScale', 'step', 'params', 'batchB', 'batchT', 'stepB'];

    function pick(list, value, what) {
      const i = list.indexOf(value);
      if (i < 0) throw new Error(`unknown ${what} '${value}' (one of: ${list.join(', ')})`);
      return i;
    }
    function int(v, lo, hi, what) {
      if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${what} must be an integer in [${lo}, ${hi}], got ${v}`);
      return v;
    }
    // nested arrays or a typed array -> a flat array of exactly n numbers
    function flat(v, n, what) {
      const a = ArrayBuffer.isView(v) ? v : Array.isArray(v) ? v.flat(Infinity) : typeof v === 'number' ? [v] : null;
      if (!a) throw new Error(`${what} must be an array of numbers`);
      if (a.length !== n) throw new Error(`${what} has ${a.length} numbers, expected ${n}`);
      for (let i = 0; i < n; i++) if (typeof a[i] !== 'number') throw new Error(`${what}[${i}] is not a number`);
      return a;
    }
    // rows x cols flat -> nested rows
    function rows(data, r, c) { return Array.from({ length: r }, (_, i) => Array.from(data.subarray(i * c, i * c + c))); }

    function installSeq(RnnEngine) {
      const Engine = RnnEngine && RnnEngine.Engine;
      if (typeof Engine !== 'function') throw new Error('installSeqNet needs the RnnEngine module (js/engine.js)');
      if (Engine.prototype.createSeqNet) return RnnEngine;

      const bind = (eng) => eng; // the Engine binds EXPORTS.api_seq

      // opts: see SEQ_DEFAULTS. inputKind 'dense' | 'onehot'; head 'linear-mse' |
      // 'tanh-mse' | 'sigmoid-bce' | 'softmax-xent'; clipMode 'none' | 'norm' | 'value';
      // batch, steps: the largest B and T a batch may have; lossSum: true = the
      // lecture's L = sum_t L_t (mean over the batch), false = mean over scored steps.
      Engine.prototype.createSeqNet = function (opts) {
        const e = bind(this);
        const o = Object.assign({}, SEQ_DEFAULTS, opts || {});
        for (const k of ['input', 'hidden', 'output', 'batch', 'steps']) int(o[k], 1, 1 << 20, k);
        int(o.seed, 0, 4294967295, 'seed');
        for (const k of ['lr', 'clip', 'initScale']) {
          if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new Error(`${k} must be a finite number`);
        }
        const clipMode = o.clip > 0 ? pick(CLIPS, o.clipMode, 'clip mode') : 0;
        const icfg = [o.input, pick(INPUT_KINDS, o.inputKind, 'input kind'), o.hidden, o.output,
          pick(ACTS, o.activation, 'activation'), pick(HEADS, o.head, 'head'), o.batch, o.steps,
          pick(OPTIMS, o.optim, 'optimiser'), clipMode, o.seed | 0, o.lossSum ? 1 : 0];
        return e.scoped((s) => {
          const p = e.c.rnn_seq_create(s.i32(icfg), s.f32([o.lr, o.clip > 0 ? o.clip : 1, o.initScale]));
          if (!p) throw e.error();
          return new SeqNet(e, p);
        });
      };

      // Spectral radius (max |eigenvalue|) of any n x n matrix, flat row-major
      // (e.g. the char LM's W from CharLM.params()).
      Engine.prototype.spectralRadius = function (A, n) {
        const e = bind(this);
        int(n, 1, 4096, 'n');
        const a = flat(A, n * n, 'matrix');
        return e.scoped((s) => { const po = s.alloc(8); e.check(e.c.rnn_radius(s.f32(a), n, po)); return e.f64(po, 1)[0]; });
      };

      class SeqNet {
        constructor(eng, ptr) {
          this.eng = eng;
          this.ptr = ptr;
          const i = this.info;
          this.I = i.input; this.H = i.hidden; this.O = i.output;
          this.onehot = i.inputKind === 'onehot';
          this.softmax = i.head === 'softmax-xent';
          this.maxB = i.batch; this.maxT = i.steps;
        }
        live() { if (!this.ptr) throw new Error('this network was freed'); return this.ptr; }

        get info() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const po = s.alloc(8 * INFO.length);
            e.c.rnn_seq_info(p, po);
            const v = Array.from(e.f64(po, INFO.length)), o = {};
            INFO.forEach((k, i) => { o[k] = v[i]; });
            o.inputKind = INPUT_KINDS[o.inputKind]; o.activation = ACTS[o.activation]; o.head = HEADS[o.head];
            o.optim = OPTIMS[o.optim]; o.clipMode = CLIPS[o.clipMode]; o.lossSum = o.lossSum === 1;
            return o;
          });
        }

        // Changes lr and clipping between training steps (optimiser state kept):
        // any of { lr, clip, clipMode }; clip 0 = no clipping.
        configure(opts) {
          const e = this.eng, p = this.live();
          const i = this.info, o = Object.assign({ lr: i.lr, clip: i.clipMode === 'none' ? 0 : i.clip, clipMode: i.clipMode === 'none' ? 'norm' : i.clipMode }, opts || {});
          for (const k of ['lr', 'clip']) if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new Error(`${k} must be a finite number`);
          const mode = o.clip > 0 ? pick(CLIPS, o.clipMode, 'clip mode') : 0;
          e.check(e.c.rnn_seq_set_training(p, o.lr, mode, o.clip > 0 ? o.clip : 1));
        }

        // [rows, cols] of a tensor in a layout: lecture U [H,I], W [H,H], V [O,H]; engine transposed.
        shape(name, layout = 'lecture') {
          const k = pick(TENSORS, name, 'tensor');
          const eng = [[this.I, this.H], [this.H, this.H], [1, this.H], [this.H, this.O], [1, this.O]][k];
          return layout === 'engine' || k === 2 || k === 4 ? eng : [eng[1], eng[0]];
        }

        // w: any of { U, W, b, V, c } as nested rows or flat arrays in the layout
        // ('lecture' default: U [H][I], W [H][H] (row i = weights into unit i), V [O][H];
        // 'engine': U [I][H], W [H][H], V [H][O]); b [H], c [O].
        setWeights(w, layout = 'lecture') {
          const e = this.eng, p = this.live();
          const lec = pick(['engine', 'lecture'], layout, 'layout');
          for (const name of Object.keys(w)) {
            const k = pick(TENSORS, name, 'tensor'), [r, c] = this.shape(name, layout);
            const data = flat(w[name], r * c, name);
            e.scoped((s) => e.check(e.c.rnn_seq_set_tensor(p, k, lec, s.f32(data))));
          }
        }

        // { U, W, V: nested rows, b, c: arrays } in the layout; grads = true: the
        // gradients of the last backward (train / gradients) instead of the weights.
        getWeights(layout = 'lecture', grads = false) {
          const e = this.eng, p = this.live();
          const lec = pick(['engine', 'lecture'], layout, 'layout');
          const out = {};
          for (const [k, name] of TENSORS.entries()) {
            const [r, c] = this.shape(name, layout);
            e.scoped((s) => {
              const po = s.alloc(4 * r * c);
              e.check(e.c.rnn_seq_get_tensor(p, k, lec, grads ? 1 : 0, po));
              const d = Float32Array.from(e.f32(po, r * c));
              out[name] = k === 2 || k === 4 ? Array.from(d) : rows(d, r, c);
            });
          }
          return out;
        }

        // The parameter block [U | W | b | V | c] in the engine layout (a copy).
        params() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => { const pn = s.alloc(4); const pp = e.c.rnn_seq_params(p, pn); return Float32Array.from(e.f32(pp, e.i32(pn, 1)[0])); });
        }

        // Starts B sequences (default 1) from h0 ([B][H], default zeros) for step / generate.
        reset(h0 = null, B = 1) {
          const e = this.eng, p = this.live();
          int(B, 1, this.maxB, 'B');
          this.stepB = B;
          e.scoped((s) => e.check(e.c.rnn_seq_reset(p, B, h0 ? s.f32(flat(h0, B * this.H, 'h0')) : 0)));
        }

        // input for B stepped sequences: dense: numbers [B*I] (nested ok; a number when I = 1);
        // one-hot: token ids [B] (a number when B = 1; -1 = no input).
        stepInput(s, x) {
          const B = this.stepB || 0;
          if (!B) throw new Error('call reset() before step()');
          if (this.onehot) return [0, s.i32(flat(x, B, 'tokens').map((v) => int(v, -1, this.I - 1, 'token')))];
          return [s.f32(flat(x, B * this.I, 'x')), 0];
        }

        // One time step: { h: Float32Array [B*H], y: Float32Array [B*O] } (h_t and y_t).
        step(x) {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const [px, pt] = this.stepInput(s, x);
            const B = this.stepB, ph = s.alloc(4 * B * this.H), py = s.alloc(4 * B * this.O);
            e.check(e.c.rnn_seq_step(p, px, pt, ph, py));
            return { h: Float32Array.from(e.f32(ph, B * this.H)), y: Float32Array.from(e.f32(py, B * this.O)) };
          });
        }

        // Free running from the stepping state: x0 as in step(), then T-1 steps fed the
        // previous output (dense: y itself; one-hot: its argmax). Needs I = O.
        // { h: [T][B*H], y: [T][B*O], tokens: [T][B] argmax of each y }.
        generate(x0, T) {
          const e = this.eng, p = this.live();
          int(T, 1, 4096, 'T');
          return e.scoped((s) => {
            const [px, pt] = this.stepInput(s, x0);
            const B = this.stepB, ph = s.alloc(4 * T * B * this.H), py = s.alloc(4 * T * B * this.O), pk = s.alloc(4 * T * B);
            e.check(e.c.rnn_seq_generate(p, T, px, pt, ph, py, pk));
            return { h: rows(e.f32(ph, T * B * this.H), T, B * this.H), y: rows(e.f32(py, T * B * this.O), T, B * this.O),
              tokens: rows(e.i32(pk, T * B), T, B) };
          });
        }

        // Loads a batch into the engine (see the section comment); returns [B, T].
        load(batch) {
          const e = this.eng, p = this.live();
          const b = batch || {};
          const first = this.onehot ? b.tokens : b.x;
          if (first === undefined || first === null) throw new Error(this.onehot ? 'a one-hot network needs tokens' : 'a dense network needs x');
          const B = b.B ?? (Array.isArray(first) ? first.length : 1);
          const T = b.T ?? (Array.isArray(first) && Array.isArray(first[0]) ? first[0].length : undefined);
          int(B, 1, this.maxB, 'B');
          int(T, 1, this.maxT, 'T');
          if (this.softmax ? b.y : b.cls) throw new Error(this.softmax ? 'a softmax head takes class ids (cls), not y' : 'this head takes real targets (y), not cls');
          const n = B * T;
          e.scoped((s) => {
            const px = this.onehot ? 0 : s.f32(flat(b.x, n * this.I, 'x'));
            const pt = this.onehot ? s.i32(flat(b.tokens, n, 'tokens').map((v) => int(v, -1, this.I - 1, 'token'))) : 0;
            const py = b.y ? s.f32(flat(b.y, n * this.O, 'y')) : 0;
            const pc = b.cls ? s.i32(flat(b.cls, n, 'cls').map((v) => int(v, -2147483648, 2147483647, 'class id'))) : 0;
            const pm = b.mask ? s.f32(flat(b.mask, n, 'mask')) : 0;
            const ph = b.h0 ? s.f32(flat(b.h0, B * this.H, 'h0')) : 0;
            e.check(e.c.rnn_seq_set_batch(p, B, T, px, pt, py, pc, pm, ph));
          });
          this.B = B; this.T = T;
          return [B, T];
        }

        // Forward over whole sequences, no update. xs: a batch, or one sequence
        // (dense: [T][I] or, when I = 1, [T]; one-hot: [T] tokens).
        // { h: [B][T][H] h_1..h_T, y: [B][T][O] y_1..y_T, loss (null without targets) }
        // For one sequence given bare, h and y are [T][H] and [T][O].
        run(xs, h0 = null) {
          const e = this.eng, p = this.live();
          const bare = Array.isArray(xs) || ArrayBuffer.isView(xs);
          let batch = xs;
          if (bare) {
            const n = Array.isArray(xs) ? xs.flat(Infinity).length : xs.length;
            const T = this.onehot ? n : n / this.I;
            if (!Number.isInteger(T)) throw new Error(`x has ${n} numbers, not a multiple of the input width ${this.I}`);
            batch = this.onehot ? { tokens: xs, B: 1, T } : { x: xs, B: 1, T };
            if (h0) batch.h0 = h0;
          }
          const [B, T] = this.load(batch);
          return e.scoped((s) => {
            const pl = s.alloc(8), ph = s.alloc(4 * B * T * this.H), py = s.alloc(4 * B * T * this.O);
            e.check(e.c.rnn_seq_forward(p, pl));
            e.check(e.c.rnn_seq_read(p, 0, ph));
            e.check(e.c.rnn_seq_read(p, 1, py));
            const loss = e.f64(pl, 1)[0];
            const h = rows(e.f32(ph, B * T * this.H), B * T, this.H), y = rows(e.f32(py, B * T * this.O), B * T, this.O);
            const per = (a) => Array.from({ length: B }, (_, i) => a.slice(i * T, i * T + T));
            return bare ? { h, y, loss: Number.isNaN(loss) ? null : loss } : { h: per(h), y: per(y), loss: Number.isNaN(loss) ? null : loss };
          });
        }

        // `steps` optimiser steps on one batch (a fixed small data set can be trained
        // full-batch). { loss (last step, before its update), gradNorm (before
        // clipping), gradNormAfter, clipped (steps that clipped), ok (false: stopped at
        // a NaN/Inf, update skipped), step (optimiser steps so far) }
        train(batch, steps = 1) {
          const e = this.eng, p = this.live();
          int(steps, 1, 1000000, 'steps');
          this.load(batch);
          return e.scoped((s) => {
            const po = s.alloc(48);
            e.check(e.c.rnn_seq_train(p, steps, po));
            const [loss, gradNorm, gradNormAfter, clipped, finite, step] = e.f64(po, 6);
            return { loss, gradNorm, gradNormAfter, clipped, ok: finite === 1, step };
          });
        }

        // { loss, accuracy, correct, count (scored steps), seqAccuracy, seqCorrect, seqCount }.
        // Right: softmax argmax = class; tanh sign; sigmoid > 0.5; linear |y - t| < 0.5.
        evaluate(batch) {
          const e = this.eng, p = this.live();
          this.load(batch);
          return e.scoped((s) => {
            const po = s.alloc(40);
            e.check(e.c.rnn_seq_evaluate(p, po));
            const [loss, correct, count, seqCorrect, seqCount] = e.f64(po, 5);
            return { loss, correct, count, accuracy: count ? correct / count : 0, seqCorrect, seqCount,
              seqAccuracy: seqCount ? seqCorrect / seqCount : 0 };
          });
        }

        // Loss and gradients of a batch, no update, with the BPTT views:
        // { loss, gradNorm, grads: getWeights(layout, true), dhNorms: [T] ||dL/dh_t||,
        //   dWNorms: [T] ||dL/dW_t|| } for the lecture's steps t = 1..T (index 0 = step 1).
        gradients(batch, layout = 'lecture') {
          const e = this.eng, p = this.live();
          const [, T] = this.load(batch);
          return e.scoped((s) => {
            const po = s.alloc(16), pa = s.alloc(8 * T), pb = s.alloc(8 * T);
            e.check(e.c.rnn_seq_gradients(p, po));
            e.check(e.c.rnn_seq_step_norms(p, pa, pb));
            const [loss, gradNorm] = e.f64(po, 2);
            return { loss, gradNorm, dhNorms: Array.from(e.f64(pa, T)), dWNorms: Array.from(e.f64(pb, T)),
              grads: this.getWeights(layout, true) };
          });
        }

        // The step-t term of dL/dW after gradients()/train() (t = 0 .. T-1, lecture step t+1),
        // as nested rows; summed over t it is dL/dW (before clipping).
        stepGradW(t, layout = 'lecture') {
          const e = this.eng, p = this.live();
          const lec = pick(['engine', 'lecture'], layout, 'layout');
          int(t, 0, (this.T || 1) - 1, 't');
          return e.scoped((s) => {
            const po = s.alloc(4 * this.H * this.H);
            e.check(e.c.rnn_seq_step_dW(p, t, lec, po));
            return rows(e.f32(po, this.H * this.H), this.H, this.H);
          });
        }

        // Central differences vs backprop on a batch, in the module's float precision:
        // { U: { rel, maxAbs }, W, b, V, c, maxRel } with rel = ||a - n|| / (||a|| + ||n||).
        // eps 1e-2 suits float32; at most maxElems elements per tensor (evenly spaced).
        gradcheck(batch, opts = {}) {
          const e = this.eng, p = this.live();
          const o = Object.assign({ eps: 1e-2, maxElems: 64 }, opts);
          if (!(o.eps > 0 && o.eps < 1)) throw new Error('eps must be in (0, 1)');
          int(o.maxElems, 1, 1 << 24, 'maxElems');
          this.load(batch);
          return e.scoped((s) => {
            const po = s.alloc(80);
            e.check(e.c.rnn_seq_gradcheck(p, o.eps, o.maxElems, po));
            const v = e.f64(po, 10), out = { maxRel: 0 };
            TENSORS.forEach((name, k) => { out[name] = { rel: v[k], maxAbs: v[5 + k] }; out.maxRel = Math.max(out.maxRel, v[k]); });
            return out;
          });
        }

        spectralRadius() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => { const po = s.alloc(8); e.check(e.c.rnn_seq_radius(p, po)); return e.f64(po, 1)[0]; });
        }

        // Scales W so its spectral radius is r; returns the radius before.
        scaleRadius(r) {
          const e = this.eng, p = this.live();
          if (typeof r !== 'number' || !Number.isFinite(r)) throw new Error('radius must be a finite number');
          return e.scoped((s) => { const po = s.alloc(8); e.check(e.c.rnn_seq_scale_radius(p, r, po)); return e.f64(po, 1)[0]; });
        }

        free() { if (this.ptr) { this.eng.c.rnn_seq_free(this.ptr); this.ptr = 0; } }
      }

      RnnEngine.SeqNet = SeqNet;
      RnnEngine.SEQ = { INPUT_KINDS, HEADS, DEFAULTS: SEQ_DEFAULTS, TENSORS };
      return RnnEngine;
    }
    return installSeq;
  })();


  // ---------------------------------------------------------------------
  // Lecture widgets' data and the n-gram model (src/api_tasks.c, src/api_ngram.c):
  // the task generators and the Kneser-Ney reference on the Engine, and NgramModel.
  // Its own scope; its exports are EXPORTS.api_tasks and api_ngram; the same Engine
  // helpers. Every number comes from the C side; this part only moves arrays.
  //   eng.ngramText(train, val, 5);                 // { order, bpc, chars, vocab }
  //   const m = eng.createNgram(tokens, { vocab: 9, order: 4 });
  //   m.predict([2, 6, 8]);                         // { probs: Float32Array(9), best }
  //   m.accuracy(seqs, targets);                    // { accuracy, meanProb }
  //   eng.reviewsGenerate({ count: 500, split: 'train', seed: 1 });
  //   eng.reviewsTokenize('O filme é péssimo, roteiro horrível, mas a música é boa!');
  //   eng.ballGenerate({ grid: 5, frames: 4, dirs: 4, count: 1000, seed: 1 });
  //   eng.memoryGenerate({ cues: 4, distractors: 4, gap: 6, count: 1000, seed: 1 });
  const installTasks = (function () {

    const LIMIT_NAMES = ['ngramMaxOrder', 'ngramMaxVocab', 'ngramMaxTokens', 'reviewsVocab', 'reviewsMaxWords',
      'ballMaxGrid', 'ballMaxFrames', 'memoryMaxSymbols', 'memoryMaxGap'];
    const REVIEW_SPLITS = ['train', 'heldout'];          // and 'any'
    const WORD_CLASSES = ['article', 'noun', 'verb', 'adjective', 'connective'];
    const BALL_DIRECTIONS = ['up', 'right', 'down', 'left', 'up-right', 'down-right', 'down-left', 'up-left'];
    const TASK_DEFAULTS = {
      ngram: { order: 5 },
      reviews: { count: 500, split: 'train', seed: 1 },
      ball: { grid: 5, frames: 4, dirs: 4, count: 500, seed: 1 },
      memory: { cues: 4, distractors: 4, gap: 6, count: 500, seed: 1 },
    };
    const encoder = new TextEncoder();
    const decoder = new TextDecoder('utf-8');

    function int(v, lo, hi, what) {
      if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${what} must be an integer in [${lo}, ${hi}], got ${v}`);
      return v;
    }
    function ints(arr, what) {
      if (!arr || typeof arr.length !== 'number') throw new Error(`${what} must be an array of integers`);
      for (let i = 0; i < arr.length; i++) if (!Number.isInteger(arr[i])) throw new Error(`${what}[${i}] is not an integer`);
      return arr;
    }
    function seedOf(v) { return int(v, -2147483648, 4294967295, 'seed') | 0; }

    function installTasksInto(RnnEngine) {
      const Engine = RnnEngine && RnnEngine.Engine;
      if (typeof Engine !== 'function') throw new Error('installTasks needs the RnnEngine module (js/engine.js)');
      if (Engine.prototype.createNgram) return RnnEngine; // installed already

      const bind = (eng) => eng; // the Engine binds EXPORTS.api_tasks and api_ngram

      // The engine's named limits of the generators and the n-gram model.
      Engine.prototype.taskLimits = function () {
        const e = bind(this);
        return e.scoped((s) => {
          const p = s.alloc(4 * LIMIT_NAMES.length);
          e.c.rnn_tasks_limits(p);
          const v = e.i32(p, LIMIT_NAMES.length), out = {};
          LIMIT_NAMES.forEach((k, i) => { out[k] = v[i]; });
          return out;
        });
      };

      // The n-gram reference line: an interpolated Kneser-Ney model of `order`
      // counted on the text `train`, bits per character of `data` (each
      // character predicted from the ones of `data` before it).
      Engine.prototype.ngramText = function (train, data, order = TASK_DEFAULTS.ngram.order) {
        const e = bind(this);
        int(order, 1, 6, 'order');
        return e.scoped((s) => {
          const [pt, nt] = s.text(train), [pd, nd] = s.text(data), po = s.alloc(24);
          e.check(e.c.rnn_ngram_text(pt, nt, pd, nd, order, po));
          const [bpc, chars, vocab] = e.f64(po, 3);
          return { order, bpc, chars, vocab };
        });
      };

      // A model over token ids 0..vocab-1 counted on `tokens` (one stream).
      Engine.prototype.createNgram = function (tokens, opts) {
        const e = bind(this);
        const o = Object.assign({ order: TASK_DEFAULTS.ngram.order }, opts || {});
        ints(tokens, 'tokens');
        int(o.vocab, 1, 65535, 'vocab');
        int(o.order, 1, 6, 'order');
        return e.scoped((s) => {
          const p = e.c.rnn_ngram_create(s.i32(tokens), tokens.length, o.vocab, o.order);
          if (!p) throw e.error();
          return new NgramModel(e, p);
        });
      };

      class NgramModel {
        constructor(eng, ptr) { this.eng = eng; this.ptr = ptr; }
        live() { if (!this.ptr) throw new Error('this n-gram model was freed'); return this.ptr; }

        get info() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const po = s.alloc(80);
            e.c.rnn_ngram_info(p, po);
            const v = Array.from(e.f64(po, 10));
            return { order: v[0], vocab: v[1], entries: v[2], bytes: v[3], discounts: v.slice(4, 4 + v[0]) };
          });
        }

        // Bits of a token stream, each token predicted from the ones before it.
        bits(tokens) {
          const e = this.eng, p = this.live();
          ints(tokens, 'tokens');
          return e.scoped((s) => {
            const po = s.alloc(16);
            e.check(e.c.rnn_ngram_bits(p, s.i32(tokens), tokens.length, po));
            const [bits, bitsPerToken] = e.f64(po, 2);
            return { bits, bitsPerToken, tokens: tokens.length };
          });
        }

        // P(next | context) over the vocabulary and its argmax.
        predict(context) {
          const e = this.eng, p = this.live();
          ints(context, 'context');
          return e.scoped((s) => {
            const V = this.info.vocab, pp = s.alloc(4 * V), pb = s.alloc(4);
            e.check(e.c.rnn_ngram_predict(p, s.i32(context.length ? context : [0]), context.length, pp, pb));
            return { probs: Float32Array.from(e.f32(pp, V)), best: e.i32(pb, 1)[0] };
          });
        }

        // sequences: Int32Array of count * len tokens (or an array of equal-length
        // arrays), targets[count]: the fraction whose argmax is the target and the
        // mean probability of the target.
        accuracy(sequences, targets) {
          const e = this.eng, p = this.live();
          ints(targets, 'targets');
          const flat = Array.isArray(sequences) && Array.isArray(sequences[0]) ? sequences.flat() : sequences;
          ints(flat, 'sequences');
          const count = targets.length;
          if (count < 1 || flat.length % count !== 0) throw new Error(`${flat.length} tokens do not split into ${count} sequences`);
          return e.scoped((s) => {
            const po = s.alloc(16);
            e.check(e.c.rnn_ngram_accuracy(p, s.i32(flat.length ? flat : [0]), count, flat.length / count, s.i32(targets), po));
            const [accuracy, meanProb] = e.f64(po, 2);
            return { accuracy, meanProb };
          });
        }

        free() { if (this.ptr) { this.eng.c.rnn_ngram_free(this.ptr); this.ptr = 0; } }
      }

      // The 15 words: [{ id, word, polarity (+1/-1/0), cls }].
      Engine.prototype.reviewsVocab = function () {
        const e = bind(this);
        const words = e.cstring(e.c.rnn_reviews_vocab()).split('\n').filter((w) => w.length > 0);
        return e.scoped((s) => {
          const pp = s.alloc(4 * words.length), pc = s.alloc(4 * words.length);
          e.c.rnn_reviews_lexicon(pp, pc);
          const pol = Array.from(e.i32(pp, words.length)), cls = Array.from(e.i32(pc, words.length));
          return words.map((word, id) => ({ id, word, polarity: pol[id], cls: WORD_CLASSES[cls[id]] }));
        });
      };

      // The lecture slide's W_ax (src/data/reviews.h): { column: [15] (the
      // slide's column 1..15 of each word id), named: [15] (true: the slide
      // names the word), wax: [3][15] by word id (rows filme, sentim., gênero) }.
      Engine.prototype.reviewsSlide = function () {
        const e = bind(this), n = this.taskLimits().reviewsVocab;
        return e.scoped((s) => {
          const pc = s.alloc(4 * n), pn = s.alloc(4 * n), pw = s.alloc(4 * 3 * n);
          e.c.rnn_reviews_slide(pc, pn, pw);
          const w = Array.from(e.f32(pw, 3 * n));
          return { column: Array.from(e.i32(pc, n)), named: Array.from(e.i32(pn, n), (v) => v === 1),
            wax: [0, 1, 2].map((r) => w.slice(r * n, (r + 1) * n)) };
        });
      };

      // opts: count, split ('train' | 'heldout' | 'any'), seed.
      // Returns [{ words: [ids], text, label: +1 | -1 }].
      Engine.prototype.reviewsGenerate = function (opts) {
        const e = bind(this);
        const o = Object.assign({}, TASK_DEFAULTS.reviews, opts || {});
        int(o.count, 0, 1000000, 'count');
        if (o.split !== 'any' && !REVIEW_SPLITS.includes(o.split)) throw new Error(`unknown split '${o.split}' (one of: train, heldout, any)`);
        const split = o.split === 'any' ? -1 : REVIEW_SPLITS.indexOf(o.split);
        const vocab = this.reviewsVocab().map((w) => w.word), W = this.taskLimits().reviewsMaxWords;
        return e.scoped((s) => {
          const n = Math.max(1, o.count), pw = s.alloc(4 * n * W), pl = s.alloc(4 * n), py = s.alloc(4 * n);
          e.check(e.c.rnn_reviews_generate(seedOf(o.seed), o.count, split, pw, pl, py));
          const words = e.i32(pw, o.count * W), lens = e.i32(pl, o.count), labels = e.i32(py, o.count), out = [];
          for (let i = 0; i < o.count; i++) {
            const ids = Array.from(words.subarray(i * W, i * W + lens[i]));
            out.push({ words: ids, text: ids.map((k) => vocab[k]).join(' '), label: labels[i] });
          }
          return out;
        });
      };

      // Words of any text over the 15-word vocabulary: [{ word, id, known }]
      // (lowercased, punctuation dropped; id -1 and known false for others).
      Engine.prototype.reviewsTokenize = function (text) {
        const e = bind(this);
        const bytes = encoder.encode(String(text));
        const cap = Math.max(1, Math.ceil(bytes.length / 2) + 1);
        return e.scoped((s) => {
          const pt = s.bytes(bytes), pi = s.alloc(4 * cap), ps = s.alloc(4 * cap), pl = s.alloc(4 * cap), pn = s.alloc(4);
          e.check(e.c.rnn_reviews_tokenize(pt, bytes.length, pi, ps, pl, cap, pn));
          const n = e.i32(pn, 1)[0], ids = Array.from(e.i32(pi, n)), st = Array.from(e.i32(ps, n)), ln = Array.from(e.i32(pl, n));
          return ids.map((id, i) => ({ word: decoder.decode(bytes.subarray(st[i], st[i] + ln[i])), id, known: id >= 0 }));
        });
      };

      // The rule's label of word ids (+1, -1, 0 = undecided) and their split.
      Engine.prototype.reviewsLabel = function (ids) {
        const e = bind(this);
        ints(ids, 'ids');
        return e.scoped((s) => {
          const p = s.i32(ids.length ? ids : [0]);
          return { label: e.c.rnn_reviews_label(p, ids.length), split: REVIEW_SPLITS[e.c.rnn_reviews_split(p, ids.length)] };
        });
      };

      // opts: grid, frames, dirs (4 | 8), count, seed. Returns { cells
      // Int32Array[count*frames], x Float32Array[count*frames*grid*grid]
      // (one-hot frames), labels Int32Array[count], inputSize, directions }.
      Engine.prototype.ballGenerate = function (opts) {
        const e = bind(this);
        const o = Object.assign({}, TASK_DEFAULTS.ball, opts || {});
        for (const k of ['grid', 'frames', 'dirs']) int(o[k], 1, 1024, k);
        int(o.count, 0, 1000000, 'count');
        const I = o.grid * o.grid;
        if (o.count * o.frames * I > 64e6) throw new Error('ballGenerate: count * frames * grid^2 is over 64M numbers');
        return e.scoped((s) => {
          const n = Math.max(1, o.count), pc = s.alloc(4 * n * o.frames), px = s.alloc(4 * n * o.frames * I), py = s.alloc(4 * n);
          e.check(e.c.rnn_ball_generate(o.grid, o.frames, o.dirs, seedOf(o.seed), o.count, pc, px, py));
          return { grid: o.grid, frames: o.frames, dirs: o.dirs, count: o.count, inputSize: I,
            cells: Int32Array.from(e.i32(pc, o.count * o.frames)), x: Float32Array.from(e.f32(px, o.count * o.frames * I)),
            labels: Int32Array.from(e.i32(py, o.count)), directions: BALL_DIRECTIONS.slice(0, o.dirs) };
        });
      };

      // opts: cues, distractors, gap, count, seed. Returns { tokens
      // Int32Array[count*gap], targets Int32Array[count], vocab, recall (the
      // "?" id), stream Int32Array[count*(gap+1)] (each sequence then its
      // target: the n-gram's training text) }.
      Engine.prototype.memoryGenerate = function (opts) {
        const e = bind(this);
        const o = Object.assign({}, TASK_DEFAULTS.memory, opts || {});
        for (const k of ['cues', 'distractors', 'gap']) int(o[k], 0, 100000, k);
        int(o.count, 0, 1000000, 'count');
        return e.scoped((s) => {
          const n = Math.max(1, o.count), pt = s.alloc(4 * n * o.gap), py = s.alloc(4 * n);
          e.check(e.c.rnn_memory_generate(o.cues, o.distractors, o.gap, seedOf(o.seed), o.count, pt, py));
          const tokens = Int32Array.from(e.i32(pt, o.count * o.gap)), targets = Int32Array.from(e.i32(py, o.count));
          const stream = new Int32Array(o.count * (o.gap + 1));
          for (let i = 0; i < o.count; i++) {
            stream.set(tokens.subarray(i * o.gap, (i + 1) * o.gap), i * (o.gap + 1));
            stream[i * (o.gap + 1) + o.gap] = targets[i];
          }
          return { cues: o.cues, distractors: o.distractors, gap: o.gap, count: o.count,
            vocab: o.cues + o.distractors + 1, recall: o.cues + o.distractors, tokens, targets, stream };
        });
      };

      RnnEngine.NgramModel = NgramModel;
      RnnEngine.TASKS = { DEFAULTS: TASK_DEFAULTS, WORD_CLASSES, BALL_DIRECTIONS, REVIEW_SPLITS };
      return RnnEngine;
    }
    return installTasksInto;
  })();

  // ---------------------------------------------------------------------
  // The comparison widget's random input pairs (src/api_compare.c,
  // src/data/pairs.h): two sequences of `steps` values each, drawn from
  // `levels` evenly spaced values from lo to hi, and the label 1 when the
  // first sums to more than the second (a tie is 0, "not larger").
  //   eng.pairsGenerate({ count: 20, steps: 3, levels: 5, lo: 0, hi: 2, seed: 1 });
  //   // { a: [[2, 0.5, 1], ...], b: [...], labels: [1, 0, ...] }
  const PAIRS_DEFAULTS = { count: 20, steps: 3, levels: 5, lo: 0, hi: 2, seed: 1 };
  function installPairs(RnnEngine) {
    RnnEngine.Engine.prototype.pairsGenerate = function (opts) {
      const o = Object.assign({}, PAIRS_DEFAULTS, opts || {});
      int(o.count, 0, 100000, 'count');
      int(o.steps, 1, 64, 'steps');
      int(o.levels, 1, 1001, 'levels');
      for (const k of ['lo', 'hi']) if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new Error(`${k} must be a finite number`);
      int(o.seed, -2147483648, 4294967295, 'seed');
      return this.scoped((s) => {
        const n = Math.max(1, o.count * o.steps), pa = s.alloc(4 * n), pb = s.alloc(4 * n), pl = s.alloc(4 * Math.max(1, o.count));
        this.check(this.c.rnn_pairs_generate(o.seed | 0, o.count, o.steps, o.levels, o.lo, o.hi, pa, pb, pl));
        const a = this.f32(pa, o.count * o.steps), b = this.f32(pb, o.count * o.steps), out = { a: [], b: [], labels: [] };
        for (let i = 0; i < o.count; i++) {
          out.a.push(Array.from(a.subarray(i * o.steps, (i + 1) * o.steps)));
          out.b.push(Array.from(b.subarray(i * o.steps, (i + 1) * o.steps)));
        }
        out.labels = Array.from(this.i32(pl, o.count));
        return out;
      });
    };
    return RnnEngine;
  }

  // ---------------------------------------------------------------------
  // Inside the char model (src/api_neurons.c, src/models/neurons.h): hidden
  // states and top-k next characters of a text read by a char LM, text
  // features per position, hidden units ranked by correlation with a
  // feature, and the neurons widget's training text. Its own scope; its
  // exports are EXPORTS.api_neurons. Every number comes from the C side.
  //   const tr = lm.trace('Ela disse: "oi" (e foi).', 5);   // { n, H, k, chars, h: Float32Array(n*H), top: [n][k] {ch, p} }
  //   eng.neuronFeatures();                                  // ['quote', 'paren', 'column', 'vowel', 'space']
  //   const f = eng.neuronFeature('quote', text);            // Float32Array(n)
  //   eng.rankUnits(tr.h, tr.n, tr.H, f);                    // { r: Float32Array(H), order: Int32Array(H) }
  //   lm.rankUnits(text, 'quote');                           // the three above in one call, + trace
  //   eng.neuronsCorpus({ seed: 1, bytes: 200000 });         // sentences with quotes and asides
  const installNeurons = (function () {
    const MAX_TEXT = 20000; // NEURONS_MAX_TEXT (src/models/neurons.h)

    function chars(text) {
      const c = Array.from(String(text));
      if (c.length < 1 || c.length > MAX_TEXT) throw new Error(`text of ${c.length} characters: give 1 to ${MAX_TEXT}`);
      return c;
    }

    function installInto(RnnEngine) {
      const Engine = RnnEngine.Engine, CharLM = RnnEngine.CharLM;
      if (Engine.prototype.neuronFeatures) return RnnEngine;

      Engine.prototype.neuronFeatures = function () { return this.cstring(this.c.rnn_neurons_features()).split(','); };

      Engine.prototype.neuronFeature = function (name, text) {
        const e = this, kind = pick(e.neuronFeatures(), name, 'feature'), n = chars(text).length;
        return e.scoped((s) => {
          const [pt, len] = s.text(text), pf = s.alloc(4 * n), pn = s.alloc(4);
          e.check(e.c.rnn_neurons_feature(kind, pt, len, pf, n, pn));
          return Float32Array.from(e.f32(pf, n));
        });
      };

      // h: n*H activations (position-major), f: n feature values.
      Engine.prototype.rankUnits = function (h, n, H, f) {
        const e = this;
        int(n, 2, MAX_TEXT, 'positions');
        int(H, 1, 4096, 'units');
        if (!h || h.length !== n * H) throw new Error(`activations must have ${n * H} values`);
        if (!f || f.length !== n) throw new Error(`feature must have ${n} values`);
        return e.scoped((s) => {
          const pr = s.alloc(4 * H), po = s.alloc(4 * H);
          e.check(e.c.rnn_neurons_rank(s.f32(h), n, H, s.f32(f), pr, po));
          return { r: Float32Array.from(e.f32(pr, H)), order: Int32Array.from(e.i32(po, H)) };
        });
      };

      Engine.prototype.neuronsCorpus = function (opts) {
        const o = Object.assign({ seed: 1, bytes: 100000 }, opts || {});
        int(o.bytes, 1, 32 << 20, 'bytes');
        return this.scoped((s) => { const pl = s.alloc(4); return this.takeText(this.c.rnn_neurons_corpus(o.seed | 0, o.bytes, pl), pl); });
      };

      // The text read from a zero state: h[t*H + j] = unit j after character t;
      // top[t] = the k most likely next characters after character t.
      CharLM.prototype.trace = function (text, k = 5) {
        const e = this.eng, p = this.live(), c = chars(text), n = c.length;
        const info = this.info, H = info.H, vocab = info.vocab;
        int(k, 1, 16, 'k');
        return e.scoped((s) => {
          const [pt, len] = s.text(text);
          const ph = s.alloc(4 * n * H), pi = s.alloc(4 * n * k), pp = s.alloc(4 * n * k), pn = s.alloc(4);
          e.check(e.c.rnn_neurons_trace(p, pt, len, k, ph, pi, pp, n, pn));
          const idx = e.i32(pi, n * k), pr = e.f32(pp, n * k), top = [];
          for (let t = 0; t < n; t++) {
            const row = [];
            for (let j = 0; j < k; j++) row.push({ ch: vocab[idx[t * k + j]], p: pr[t * k + j] });
            top.push(row);
          }
          return { n, H, k, chars: c, h: Float32Array.from(e.f32(ph, n * H)), top };
        });
      };

      CharLM.prototype.rankUnits = function (text, feature, k = 5) {
        const tr = this.trace(text, k), f = this.eng.neuronFeature(feature, text);
        return Object.assign({ trace: tr, feature: f }, this.eng.rankUnits(tr.h, tr.n, tr.H, f));
      };
      return RnnEngine;
    }
    return installInto;
  })();

  // ---------------------------------------------------------------------
  // BPTT views and teacher forcing (src/api_bptt.c, src/api_teacher.c, the end
  // of src/api.c): methods added to SeqNet and CharLM.
  //   net.setOrthogonal(r, seed)      W = r Q, Q a random orthogonal matrix
  //   net.termElement('U', i, j)      { steps: [T], sum, total }: dL/dU_t[i][j] per step
  //   lm.spectralRadius()             rho(W) of the char LM
  //   lm.stepGradNorms()              { loss, dhNorms: [T] } on the next chunk, no update
  //   lm.feed(text, { letGo, greedy, temperature, seed })   teacher forcing vs free running
  function installViews(RnnEngine) {
    const SeqNet = RnnEngine.SeqNet, LM = RnnEngine.CharLM;
    const SEQ_TENSORS = ['U', 'W', 'b', 'V', 'c'];   // seq_tensor order (src/models/seqnet.h)

    SeqNet.prototype.setOrthogonal = function (r, seed = 1) {
      const e = this.eng, p = this.live();
      if (typeof r !== 'number' || !Number.isFinite(r)) throw new Error('radius must be a finite number');
      if (!Number.isInteger(seed) || seed < 0 || seed > 2147483647) throw new Error('seed must be an integer in [0, 2147483647]');
      e.check(e.c.rnn_seq_set_orthogonal(p, seed, r));
    };

    // (dL/dW_t)[i][j] for every step t after a backward (gradients/train), lecture
    // layout: { steps: [T], sum, total } with sum = Σ_t (engine, double) and
    // total = the engine's dL/dW[i][j] of the whole backward (before clipping).
    SeqNet.prototype.dWElement = function (i, j) {
      const e = this.eng, p = this.live(), T = this.info.batchT;
      return e.scoped((s) => {
        const po = s.alloc(8 * (T + 2));
        e.check(e.c.rnn_seq_dW_element(p, i | 0, j | 0, po, T + 2));
        const v = Array.from(e.f64(po, T + 2));
        return { steps: v.slice(0, T), sum: v[T], total: v[T + 1] };
      });
    };

    // The BPTT slide's dL/dU = Σ_t dL/dU_t for any of U, W, b, V, c: element
    // (i, j) of the tensor (lecture layout; b and c: j = 0) at every step t after
    // a backward (gradients/train): { steps: [T], sum, total } as dWElement
    // (src/models/seqnet_terms.h: U_t = x_t^T da_t, W_t = h_{t-1}^T da_t, V_t = h_t^T dz_t).
    SeqNet.prototype.termElement = function (tensor, i, j) {
      const k = SEQ_TENSORS.indexOf(tensor), e = this.eng, p = this.live(), T = this.info.batchT;
      if (k < 0) throw new Error(`unknown tensor '${tensor}' (one of: ${SEQ_TENSORS.join(', ')})`);
      return e.scoped((s) => {
        const po = s.alloc(8 * (T + 2));
        e.check(e.c.rnn_seq_term_element(p, k, i | 0, j | 0, po, T + 2));
        const v = Array.from(e.f64(po, T + 2));
        return { steps: v.slice(0, T), sum: v[T], total: v[T + 1] };
      });
    };

    // The delayed-echo task (src/data/echo.h): random symbols 0..symbols-1 and,
    // at every step, the symbol `delay` steps back as the target (class
    // `symbols` = blank before that). { tokens: [count][T], cls: [count][T] }
    RnnEngine.Engine.prototype.echoGenerate = function (o) {
      const e = this, n = o.count * o.steps;
      if (!Number.isInteger(n) || n < 1 || n > (1 << 22)) throw new Error('echo: count * steps must be an integer in [1, 4194304]');
      return e.scoped((s) => {
        const pt = s.alloc(4 * n), pc = s.alloc(4 * n);
        e.check(e.c.rnn_echo_generate(o.symbols, o.delay, o.steps, o.count, o.seed | 0, pt, pc));
        const tok = e.i32(pt, n), cls = e.i32(pc, n), T = o.steps;
        return { tokens: Array.from({ length: o.count }, (_, b) => Array.from(tok.subarray(b * T, b * T + T))),
          cls: Array.from({ length: o.count }, (_, b) => Array.from(cls.subarray(b * T, b * T + T))) };
      });
    };

    LM.prototype.spectralRadius = function () {
      const e = this.eng, p = this.live();
      return e.scoped((s) => { const po = s.alloc(8); e.check(e.c.rnn_lm_radius(p, po)); return e.f64(po, 1)[0]; });
    };

    // ||dL/dh_t|| for t = 0..T-1 of the next training chunk at the current
    // weights (one forward + BPTT, no update; the streams do not advance).
    LM.prototype.stepGradNorms = function () {
      const e = this.eng, p = this.live(), T = this.info.T;
      return e.scoped((s) => {
        const pn = s.alloc(8 * T), pl = s.alloc(8);
        e.check(e.c.rnn_lm_step_norms(p, pn, T, pl));
        return { loss: e.f64(pl, 1)[0], dhNorms: Array.from(e.f64(pn, T)) };
      });
    };

    // Teacher forcing vs free running on `text` (every character in the
    // vocabulary): lossTF[i], lossFR[i] = -log p(text[i+1]) in nats with the
    // true previous characters fed, or the model's own samples from step letGo
    // on; gen[i] the free-running sample at step i; meanTF / meanFR over steps
    // letGo..n-2; drift the first step fed a wrong character (-1: none);
    // own[i] = -log p(gen[i]): the model's surprise at its own output (the
    // log-likelihood of what it generated), meanOwn its mean over letGo..n-2.
    LM.prototype.feed = function (text, opts = {}) {
      const e = this.eng, p = this.live();
      const o = Object.assign({ letGo: 1, greedy: false, temperature: 1, seed: 1 }, opts);
      const n = Array.from(String(text)).length;
      if (n > 100000) throw new Error('text too long (at most 100000 characters)');
      if (!Number.isInteger(o.letGo)) throw new Error('letGo must be an integer');
      if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 2147483647) throw new Error('seed must be an integer in [0, 2147483647]');
      if (typeof o.temperature !== 'number' || !Number.isFinite(o.temperature)) throw new Error('temperature must be a finite number');
      return e.scoped((s) => {
        const [pt, len] = s.text(text);
        const cap = Math.max(1, n - 1), pa = s.alloc(cap * 4), pb = s.alloc(cap * 4), pg = s.alloc(cap * 4), pw = s.alloc(cap * 4), po = s.alloc(40);
        e.check(e.c.rnn_lm_feed(p, pt, len, o.letGo, o.greedy ? 1 : 0, o.temperature, o.seed, pa, pb, pg, pw, cap, po));
        const [count, meanTF, meanFR, drift, meanOwn] = e.f64(po, 5), vocab = this.info.vocab;
        return { lossTF: Array.from(e.f32(pa, count)), lossFR: Array.from(e.f32(pb, count)),
          gen: Array.from(e.i32(pg, count), (v) => vocab[v]), own: Array.from(e.f32(pw, count)), meanTF, meanFR, drift, meanOwn };
      });
    };
    return RnnEngine;
  }

  // ---------------------------------------------------------------------
  // The architectures and translation widgets (src/api_arch.c,
  // src/api_translate.c): their data generators and a general
  // encoder-decoder over token ids (src/models/seq2seq.h). Its own scope;
  // its exports are EXPORTS.api_arch and EXPORTS.api_translate. Every number
  // comes from the C side; this part only moves arrays.
  //   eng.seg7Generate({ count: 256, noise: 0.3, seed: 1 });   // { x Float32Array[count*7], digits }
  //   eng.countGenerate({ count: 64, len: 5, seed: 1 });       // { start, out Int32Array[count*len] }
  //   eng.namesGenerate({ count: 64, split: 'train', seed: 1 }); // [{ words: [ids], tags: [0|1], text }]
  //   eng.namesLecture();                                       // the lecture's sentence: { words, tags, text, heldOut }
  //   eng.phraseGenerate({ count: 64, split: 'heldout', seed: 1 }); // [{ pt, en, flags, ptText, enText }]
  //   eng.phraseTokenize('O gato preto vê a bola');            // [{ word, id, known }]
  //   const ed = eng.createEncDec({ vocab: 75, hidden: 64, go: 1, end: 0 });
  //   ed.train(inputs, targets, 1); ed.evaluate(inputs, targets); ed.decode(inputs); ed.tensors(); ed.free();
  const installTranslate = (function () {

    const SPLITS = ['train', 'heldout'];          // and 'any'
    const ED_DEFAULTS = { vocab: 2, hidden: 64, batch: 64, maxIn: 16, maxOut: 16, go: 1, end: 0, reverse: true,
      context: 'every', seed: 1, lr: 5e-3, clip: 5 };
    const CONTEXTS = ['init', 'every'];
    const encoder = new TextEncoder();
    const decoder = new TextDecoder('utf-8');

    function int(v, lo, hi, what) {
      if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${what} must be an integer in [${lo}, ${hi}], got ${v}`);
      return v;
    }
    function seedOf(v) { return int(v, -2147483648, 4294967295, 'seed') | 0; }
    function splitOf(v) {
      if (v === 'any') return -1;
      const i = SPLITS.indexOf(v);
      if (i < 0) throw new Error(`unknown split '${v}' (one of: train, heldout, any)`);
      return i;
    }
    function lines(text) { return text.split('\n').filter((w) => w.length > 0); }
    // rows of ids [count][stride] with lens[count] -> arrays of ids
    function cut(flat, lens, stride) {
      return Array.from(lens, (n, i) => Array.from(flat.subarray(i * stride, i * stride + n)));
    }
    // arrays of token arrays -> { flat Int32Array[n*stride] (pad 0), lens }
    function pack(seqs, stride, what) {
      if (!Array.isArray(seqs) || seqs.length < 1) throw new Error(`${what} must be a non-empty array of token arrays`);
      const flat = new Int32Array(seqs.length * stride), lens = new Int32Array(seqs.length);
      seqs.forEach((q, i) => {
        if (!q || typeof q.length !== 'number' || q.length < 1 || q.length > stride) {
          throw new Error(`${what}[${i}] must have 1..${stride} tokens`);
        }
        for (let k = 0; k < q.length; k++) {
          if (!Number.isInteger(q[k])) throw new Error(`${what}[${i}][${k}] is not an integer`);
          flat[i * stride + k] = q[k];
        }
        lens[i] = q.length;
      });
      return { flat, lens };
    }

    function installInto(RnnEngine) {
      const Engine = RnnEngine && RnnEngine.Engine;
      if (typeof Engine !== 'function') throw new Error('installTranslate needs the RnnEngine module (js/engine.js)');
      if (Engine.prototype.createEncDec) return RnnEngine;
      const bind = (eng) => eng; // the Engine binds EXPORTS.api_arch and api_translate

      // { segments, countMaxLen, namesMaxWords, phraseVocab, eos, go, phraseMaxWords, phraseHeldOut }
      Engine.prototype.archLimits = function () {
        const e = bind(this);
        return e.scoped((s) => {
          const pa = s.alloc(12), pp = s.alloc(20);
          e.c.rnn_arch_limits(pa);
          e.c.rnn_phrase_info(pp);
          const a = e.i32(pa, 3), p = e.i32(pp, 5);
          return { segments: a[0], countMaxLen: a[1], namesMaxWords: a[2], phraseVocab: p[0], eos: p[1], go: p[2],
            phraseMaxWords: p[3], phraseHeldOut: p[4] };
        });
      };

      // opts: count, noise (0..1), seed -> { x Float32Array[count*7], digits Int32Array[count] }
      Engine.prototype.seg7Generate = function (opts) {
        const e = bind(this);
        const o = Object.assign({ count: 256, noise: 0.3, seed: 1 }, opts || {});
        int(o.count, 0, 1000000, 'count');
        return e.scoped((s) => {
          const n = Math.max(1, o.count), px = s.alloc(28 * n), pd = s.alloc(4 * n);
          e.check(e.c.rnn_seg7_generate(seedOf(o.seed), o.count, o.noise, px, pd));
          return { x: Float32Array.from(e.f32(px, 7 * o.count)), digits: Int32Array.from(e.i32(pd, o.count)) };
        });
      };

      // opts: count, len, seed -> { start Int32Array[count], out Int32Array[count*len] }
      Engine.prototype.countGenerate = function (opts) {
        const e = bind(this);
        const o = Object.assign({ count: 64, len: 5, seed: 1 }, opts || {});
        int(o.count, 0, 1000000, 'count');
        int(o.len, 1, 4096, 'len');
        return e.scoped((s) => {
          const n = Math.max(1, o.count), ps = s.alloc(4 * n), po = s.alloc(4 * n * o.len);
          e.check(e.c.rnn_count_generate(seedOf(o.seed), o.count, o.len, ps, po));
          return { start: Int32Array.from(e.i32(ps, o.count)), out: Int32Array.from(e.i32(po, o.count * o.len)) };
        });
      };

      Engine.prototype.namesVocab = function () { return lines(this.cstring(this.c.rnn_names_vocab())); };

      // opts: count, split, seed -> [{ words: [ids], tags: [0|1], text }]
      Engine.prototype.namesGenerate = function (opts) {
        const e = bind(this);
        const o = Object.assign({ count: 64, split: 'train', seed: 1 }, opts || {});
        int(o.count, 0, 1000000, 'count');
        const split = splitOf(o.split), W = this.archLimits().namesMaxWords, vocab = this.namesVocab();
        return e.scoped((s) => {
          const n = Math.max(1, o.count), pw = s.alloc(4 * n * W), pt = s.alloc(4 * n * W), pl = s.alloc(4 * n);
          e.check(e.c.rnn_names_generate(seedOf(o.seed), o.count, split, pw, pt, pl));
          const lens = e.i32(pl, o.count), words = cut(e.i32(pw, o.count * W), lens, W), tags = cut(e.i32(pt, o.count * W), lens, W);
          return words.map((w, i) => ({ words: w, tags: tags[i], text: w.map((k) => vocab[k]).join(' ') }));
        });
      };

      // The lecture's sentence, tagged: { words: [ids], tags: [0|1], text, heldOut }
      Engine.prototype.namesLecture = function () {
        const e = bind(this), W = this.archLimits().namesMaxWords, vocab = this.namesVocab();
        return e.scoped((s) => {
          const pw = s.alloc(4 * W), pt = s.alloc(4 * W), pi = s.alloc(8);
          e.c.rnn_names_lecture(pw, pt, pi);
          const info = e.i32(pi, 2), n = info[0], heldOut = info[1] === 1;
          const words = Array.from(e.i32(pw, n)), tags = Array.from(e.i32(pt, n));
          return { words, tags, text: words.map((k) => vocab[k]).join(' '), heldOut };
        });
      };

      Engine.prototype.phraseVocab = function () { return lines(this.cstring(this.c.rnn_phrase_vocab())); };

      // opts: count, split, seed -> [{ pt: [ids], en: [ids], flags, lengthsDiffer, orderDiffers, ptText, enText }]
      // (each side ends with the "." token)
      Engine.prototype.phraseGenerate = function (opts) {
        const e = bind(this);
        const o = Object.assign({ count: 64, split: 'train', seed: 1 }, opts || {});
        int(o.count, 0, 1000000, 'count');
        const split = splitOf(o.split), W = this.archLimits().phraseMaxWords, vocab = this.phraseVocab();
        return e.scoped((s) => {
          const n = Math.max(1, o.count), pp = s.alloc(4 * n * W), ppl = s.alloc(4 * n), pe = s.alloc(4 * n * W),
            pel = s.alloc(4 * n), pf = s.alloc(4 * n);
          e.check(e.c.rnn_phrase_generate(seedOf(o.seed), o.count, split, pp, ppl, pe, pel, pf));
          const pt = cut(e.i32(pp, o.count * W), e.i32(ppl, o.count), W), en = cut(e.i32(pe, o.count * W), e.i32(pel, o.count), W);
          const flags = Array.from(e.i32(pf, o.count)), text = (ids) => ids.map((k) => vocab[k]).join(' ');
          return pt.map((p, i) => ({ pt: p, en: en[i], flags: flags[i], lengthsDiffer: (flags[i] & 1) !== 0,
            orderDiffers: (flags[i] & 2) !== 0, ptText: text(p), enText: text(en[i]) }));
        });
      };

      // The words of a typed phrase: [{ word, id, known }] (id -1 for an unknown word).
      Engine.prototype.phraseTokenize = function (text) {
        const e = bind(this);
        const bytes = encoder.encode(String(text));
        const cap = Math.max(1, Math.ceil(bytes.length / 2) + 1);
        return e.scoped((s) => {
          const pt = s.bytes(bytes.length ? bytes : new Uint8Array(1)), pi = s.alloc(4 * cap), ps = s.alloc(4 * cap),
            pl = s.alloc(4 * cap), pn = s.alloc(4);
          e.check(e.c.rnn_phrase_tokenize(pt, bytes.length, pi, ps, pl, cap, pn));
          const n = e.i32(pn, 1)[0], ids = Array.from(e.i32(pi, n)), st = Array.from(e.i32(ps, n)), ln = Array.from(e.i32(pl, n));
          return ids.map((id, i) => ({ word: decoder.decode(bytes.subarray(st[i], st[i] + ln[i])), id, known: id >= 0 }));
        });
      };

      // opts: ED_DEFAULTS. vocab: token ids 0..vocab-1 on both sides; go: the
      // decoder's first input; end: the token that ends a greedy decode (-1 none);
      // reverse: the encoder reads the input reversed except its last token;
      // context 'every' (c fed to the decoder at every step) or 'init' (only as its first state).
      Engine.prototype.createEncDec = function (opts) {
        const e = bind(this);
        const o = Object.assign({}, ED_DEFAULTS, opts || {});
        for (const k of ['vocab', 'hidden', 'batch', 'maxIn', 'maxOut']) int(o[k], 1, 1 << 20, k);
        const ctx = CONTEXTS.indexOf(o.context);
        if (ctx < 0) throw new Error(`unknown context '${o.context}' (one of: init, every)`);
        for (const k of ['lr', 'clip']) if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new Error(`${k} must be a finite number`);
        const icfg = [o.vocab, o.hidden, o.batch, o.maxIn, o.maxOut, int(o.go, 0, o.vocab - 1, 'go'), int(o.end, -1, o.vocab - 1, 'end'),
          o.reverse ? 1 : 0, ctx, seedOf(o.seed)];
        return e.scoped((s) => {
          const p = e.c.rnn_ed_create(s.i32(icfg), s.f32([o.lr, o.clip]));
          if (!p) throw e.error();
          return new EncDec(e, p, o);
        });
      };

      class EncDec {
        constructor(eng, ptr, o) { this.eng = eng; this.ptr = ptr; this.opts = Object.freeze(Object.assign({}, o)); }
        live() { if (!this.ptr) throw new Error('this encoder-decoder was freed'); return this.ptr; }

        get info() {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            const po = s.alloc(32);
            e.c.rnn_ed_info(p, po);
            const v = e.f64(po, 4);
            return { params: v[0], step: v[1], hidden: v[2], vocab: v[3] };
          });
        }

        load(s, inputs, targets) {
          const e = this.eng, p = this.live(), I = this.opts.maxIn, O = this.opts.maxOut;
          const a = pack(inputs, I, 'inputs'), b = targets ? pack(targets, O, 'targets') : null;
          if (b && b.lens.length !== a.lens.length) throw new Error(`${a.lens.length} inputs but ${b.lens.length} targets`);
          e.check(e.c.rnn_ed_set_batch(p, a.lens.length, s.i32(a.flat), s.i32(a.lens), I, b ? s.i32(b.flat) : 0,
            b ? s.i32(b.lens) : 0, O));
          return a.lens.length;
        }

        // `steps` Adam steps on these pairs (teacher forcing) -> { loss, tokenAccuracy, gradNorm, clipped, ok, step }
        train(inputs, targets, steps = 1) {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            this.load(s, inputs, targets);
            const po = s.alloc(40);
            e.check(e.c.rnn_ed_train(p, int(steps, 1, 100000, 'steps'), po));
            const v = e.f64(po, 5);
            return { loss: v[0], tokenAccuracy: v[1], gradNorm: v[2], clipped: v[3] === 1, ok: v[4] === 1, step: this.info.step };
          });
        }

        // -> { loss, tokenAccuracy (teacher forced), exact (greedy decode = the whole target), tokens, count }
        evaluate(inputs, targets) {
          const e = this.eng, p = this.live();
          return e.scoped((s) => {
            this.load(s, inputs, targets);
            const po = s.alloc(40);
            e.check(e.c.rnn_ed_evaluate(p, po));
            const v = e.f64(po, 5);
            return { loss: v[0], tokenAccuracy: v[1], exact: v[2], tokens: v[3], count: v[4] };
          });
        }

        // Greedy decoding -> [{ tokens: [ids], probs: [p of each chosen token], summary: Float32Array(H) }]
        decode(inputs) {
          const e = this.eng, p = this.live(), O = this.opts.maxOut, H = this.opts.hidden;
          return e.scoped((s) => {
            const B = this.load(s, inputs, null);
            const pt = s.alloc(4 * B * O), pl = s.alloc(4 * B), pp = s.alloc(4 * B * O), pc = s.alloc(4 * B * H);
            e.check(e.c.rnn_ed_decode(p, pt, pl, O, pp));
            e.check(e.c.rnn_ed_summary(p, pc));
            const lens = e.i32(pl, B), toks = cut(e.i32(pt, B * O), lens, O), probs = cut(e.f32(pp, B * O), lens, O);
            const c = e.f32(pc, B * H);
            return toks.map((t, b) => ({ tokens: t, probs: probs[b], summary: Float32Array.from(c.subarray(b * H, (b + 1) * H)) }));
          });
        }

        // The parameters by tensor: { encoder: { U, W, b }, decoder: { U, W, b, V, c } },
        // each { offset (in the parameter block), rows, cols, data: Float32Array }
        // in the engine layout (U [in, H], W [H, H], V [H, vocab]; the decoder's
        // U has vocab + H rows with context 'every': its last H rows take c).
        tensors() {
          const e = this.eng, p = this.live(), n = this.info.params;
          return e.scoped((s) => {
            const pt = s.alloc(4 * 24), pp = s.alloc(4 * n);
            e.check(e.c.rnn_ed_tensors(p, pt, pp, n));
            const t = Array.from(e.i32(pt, 24)), all = e.f32(pp, n);
            const one = (k) => {
              const offset = t[3 * k], rows = t[3 * k + 1], cols = t[3 * k + 2];
              return { offset, rows, cols, data: Float32Array.from(all.subarray(offset, offset + rows * cols)) };
            };
            return { encoder: { U: one(0), W: one(1), b: one(2) }, decoder: { U: one(3), W: one(4), b: one(5), V: one(6), c: one(7) } };
          });
        }

        free() { if (this.ptr) { this.eng.c.rnn_ed_free(this.ptr); this.ptr = 0; } }
      }

      RnnEngine.EncDec = EncDec;
      RnnEngine.TRANSLATE = { DEFAULTS: ED_DEFAULTS, SPLITS };
      return RnnEngine;
    }
    return installInto;
  })();

  async function create(factory) {
    if (typeof factory !== 'function') throw new Error('RnnEngine.create needs the module factory (RnnWasmSimd or RnnWasmScalar)');
    return new Engine(await factory());
  }

  const api = { create, Engine, CharLM, L2EModel, EXPORTS, ABI_VERSION };
  installSeqNet(api); // adds Engine.prototype.createSeqNet/spectralRadius, api.SeqNet, api.SEQ
  installTasks(api);  // adds the task generators, ngramText/createNgram, api.NgramModel, api.TASKS
  installPairs(api);  // adds eng.pairsGenerate (the comparison widget)
  installNeurons(api); // adds CharLM trace/rankUnits, Engine neuronFeature(s)/rankUnits/neuronsCorpus
  installTranslate(api); // adds the architectures/translation generators, createEncDec, api.EncDec
  installViews(api);  // adds SeqNet.setOrthogonal, CharLM.spectralRadius/stepGradNorms/feed
  return api;
});
