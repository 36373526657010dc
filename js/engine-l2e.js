// engine-l2e.js - the JS side of learning to execute: installL2E(RnnEngine)
// adds the sample generator to RnnEngine.Engine and defines L2EModel, the
// curriculum-trained encoder-decoder (src/api_l2e.c). Self-contained: it uses
// only the Engine helpers (scoped, check, error, f64, i32, u8, cstring, c.*),
// and every C function it calls is declared once in L2E_EXPORTS.
// A CommonJS module in Node (require('./engine-l2e.js')(RnnEngine)), a global
// `installL2E` in a classic script / Web Worker.
//
//   const eng = await loadEngine('simd');          // js/node-engine.js
//   installL2E(RnnEngine);
//   eng.l2eGenerate({ task: 'addition', length: 2, count: 3, seed: 1 });
//     // [{ input: 'print(36+12)@', target: '48.' }, ...]
//   const m = eng.createL2E({ task: 'addition', length: 2, strategy: 'combined' });
//   m.train(100);          // { step, loss, trainChar, level: {length, nesting}, ... }
//   m.evaluate('val');     // { charAcc, exact, loss, chars, samples }
//   m.predict('print(36+12)@');   // '48.'
//   m.free();
(function (root, make) {
  if (typeof module === 'object' && module.exports) module.exports = make();
  else root.installL2E = make();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

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

  installL2E.installL2E = installL2E;
  installL2E.formatBaseline = formatBaseline;
  installL2E.L2E_EXPORTS = L2E_EXPORTS;
  return installL2E;
});
