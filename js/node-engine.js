// node-engine.js - loads the committed WASM modules under Node (CLI, tests,
// benchmarks). kind: 'simd' | 'scalar' | 'auto' (SIMD when this Node can
// validate a SIMD module, else scalar), or 'lm-simd' | 'lm-scalar': the
// playground's char-LM build (wasm/rnn-lm-*.js, only the playground's exports).
'use strict';
const path = require('path');
const RnnEngine = require('./engine.js');

// the smallest module that uses a v128 instruction: (func (result v128) i32.const 0 i8x16.splat)
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

function simdSupported() { return WebAssembly.validate(SIMD_PROBE); }

const KINDS = ['simd', 'scalar', 'lm-simd', 'lm-scalar'];
const cache = new Map(); // one instance per module kind and process

async function loadEngine(kind = 'auto') {
  const k = kind === 'auto' ? (simdSupported() ? 'simd' : 'scalar') : kind;
  if (!KINDS.includes(k)) throw new Error(`unknown module kind '${kind}' (${KINDS.join(', ')}, auto)`);
  if (!cache.has(k)) cache.set(k, RnnEngine.create(require(path.join(__dirname, '..', 'wasm', `rnn-${k}.js`))));
  return cache.get(k);
}

module.exports = { loadEngine, simdSupported, SIMD_PROBE, RnnEngine };
