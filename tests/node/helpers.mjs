// helpers.mjs - shared bits of the Node tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const { loadEngine, RnnEngine } = require('../../js/node-engine.js');
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHAKESPEARE = path.resolve(ROOT, '..', 'shared', 'data', 'tinyshakespeare.txt');
// Both modules; RNN_TEST_KINDS=simd (scripts/test.sh --quick) narrows the loops to one.
export const KINDS = process.env.RNN_TEST_KINDS ? process.env.RNN_TEST_KINDS.split(',') : ['simd', 'scalar'];

// deterministic uniform floats in [-1, 1)
export function rand(n, seed) {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    out[i] = (s / 2 ** 32) * 2 - 1;
  }
  return out;
}

export function maxAbsDiff(a, b) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

// A small text with accents, generated (not shipped): repeated phrases.
export function smallText(n = 6000) {
  const words = ['ação', 'três', 'rede', 'neural', 'memória', 'sequência', 'o', 'a', 'é', 'de', 'um', 'tempo'];
  let s = 7, out = '';
  while (out.length < n) { s = (s * 1103515245 + 12345) >>> 0; out += words[(s >>> 8) % words.length] + ((s >>> 20) % 7 === 0 ? '.\n' : ' '); }
  return out;
}
