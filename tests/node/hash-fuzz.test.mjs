// hash-fuzz.test.mjs - the URL-hash parser (web/shared/hash-schema.js) is JS,
// so instead of a libFuzzer target it gets a seeded random-input test: tens of
// thousands of hostile hashes for every schema that uses it (the playground,
// the race page, every widget). Properties: no exception; every setting in the
// result is its default or a value the schema accepts; the names reported are
// short; what the page writes back reads back the same; and the playground's
// settings are accepted by the engine (the link's limits are the engine's).
// Reproduce a failure with the seed printed in its message.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { ROOT, loadEngine } from './helpers.mjs';

const require = createRequire(import.meta.url);
const HS = require('../../web/shared/hash-schema.js');
const RnnState = require('../../web/playground/state.js');
const RnnL2EState = require('../../web/l2e/state.js');
const N = 10000;

// xorshift32: the same inputs on every run
function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
  const int = (n) => Math.floor(next() * n);
  const pick = (a) => a[int(a.length)];
  return { next, int, pick };
}

const WEIRD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'x', 'HIDDEN', 'lr ', '%00', 'a'.repeat(500)];
const WEIRD_VALUES = ['', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '1e-50', '-0', '0x10', '0b1', '1_000', '1,5',
  '+', '-', '.', 'e5', '1e', '1e+', '5.', '.5', '+5', ' 5', '5 ', '%', '%zz', '%E0%A4%A', '%00', '%F0%9F%98%80', '<script>alert(1)</script>',
  'true', 'false', 'null', 'undefined', '[]', '{}', 'ação', '\u202e', 'a'.repeat(200), '9'.repeat(400), '1e308', '4294967296', '-2147483649'];

function randomNumber(r) {
  const sign = r.pick(['', '', '-', '+']);
  const mant = r.pick([String(r.int(10)), String(r.int(100000)), (r.next() * 10).toFixed(r.int(8)), '.' + r.int(1000), r.int(100) + '.']);
  const exp = r.next() < 0.3 ? r.pick(['e', 'E']) + r.pick(['', '-', '+']) + r.int(60) : '';
  return sign + mant + exp;
}

// A value near a field's limits, or anything
function valueFor(r, f) {
  const roll = r.next();
  if (roll < 0.25 && f) {
    if (f.type === 'enum') return r.pick(f.values.concat([String(f.values[0]).toUpperCase(), f.values[0] + ' ']));
    if (f.type === 'int' || f.type === 'float') {
      const b = r.pick([f.min, f.max, f.def ?? 0]);
      return String(r.pick([b, b + 1, b - 1, b * 2, b / 2, b + 1e-7, -b, Math.fround(b)]));
    }
    if (f.type === 'bool') return r.pick(['0', '1', 'true', 'false', 'yes', '2']);
    if (f.type === 'string') return 'x'.repeat(r.pick([0, 1, f.maxLength, f.maxLength + 1]));
  }
  if (roll < 0.55) return randomNumber(r);
  if (roll < 0.8) return r.pick(WEIRD_VALUES);
  return Array.from({ length: r.int(12) }, () => String.fromCodePoint(r.pick([r.int(128), r.int(0x800), r.int(0xd7ff), 0x1f600 + r.int(50)]))).join('');
}

const enc = (r, s) => (r.next() < 0.6 ? encodeURIComponent(s) : s);

function randomHash(r, schema) {
  const keys = Object.keys(schema);
  const n = r.pick([0, 1, 2, 5, 10, 30, 200, 800]);
  const parts = [];
  for (let i = 0; i < n; i++) {
    const k = r.next() < 0.75 ? r.pick(keys) : r.pick(WEIRD_KEYS);
    const v = valueFor(r, schema[k]);
    const sep = r.pick(['=', '=', '=', '', '==']);
    parts.push(enc(r, k) + sep + (sep ? enc(r, v) : ''));
  }
  const glue = r.next() < 0.9 ? '&' : r.pick(['&&', '#', ';', '+']);
  return r.pick(['#', '', '##']) + parts.join(glue);
}

// The schema's own judgement of a value it returned (as the page writes it back).
function accepted(schema, H, k, v) {
  if (v === schema[k].def) return true;
  const raw = schema[k].type === 'bool' ? (v ? '1' : '0') : String(v);
  const r = H.parseValue(k, raw);
  return r.ok && Object.is(r.value, v);
}

function fuzzSchema(name, schema, parse, serialize, seed, extra = () => {}) {
  const H = HS.make(schema);
  const r = rng(seed);
  let applied = 0, tooLong = 0;
  for (let i = 0; i < N; i++) {
    const hash = randomHash(r, schema);
    const where = `${name}, seed ${seed}, case ${i}: ${JSON.stringify(hash.slice(0, 120))}`;
    let p;
    try { p = parse(hash); } catch (e) { assert.fail(`${where}: threw ${e.message}`); }
    assert.deepEqual(Object.keys(p.state).sort(), Object.keys(schema).sort(), where);
    for (const k of Object.keys(schema)) {
      assert.ok(accepted(schema, H, k, p.state[k]), `${where}: ${k} = ${JSON.stringify(p.state[k])} is not valid`);
      if (p.state[k] !== schema[k].def) applied++;
    }
    for (const k of p.invalid.concat(p.unknown)) assert.ok(typeof k === 'string' && k.length <= 40, `${where}: reported name ${k.slice(0, 60)}`);
    assert.ok(HS.problemList(p).length <= 11 * 42, where);
    if (p.tooLong) { tooLong++; assert.deepEqual(p.state, parse('').state, `${where}: too long means defaults`); }
    const again = parse(serialize(p.state));
    assert.deepEqual(again.state, p.state, `${where}: round trip`);
    assert.deepEqual(again.invalid.concat(again.unknown), [], `${where}: round trip reports nothing`);
    extra(p.state, where);
  }
  assert.ok(applied > N / 4, `${name}: the inputs reach valid settings too (${applied})`);
  assert.ok(tooLong > 10, `${name}: over-long hashes tried (${tooLong})`);
}

test('playground hash: random hostile hashes never throw, every setting is valid, round trip is exact', () => {
  fuzzSchema('playground', RnnState.SCHEMA, RnnState.parse, RnnState.serialize, 1);
});

test('race page hash (l2e): the same properties, and a length the task can have', () => {
  fuzzSchema('l2e', RnnL2EState.SCHEMA, RnnL2EState.parse, RnnL2EState.serialize, 2, (s, where) => {
    assert.ok(s.length <= RnnL2EState.maxLength(s.task), `${where}: length ${s.length} for ${s.task}`);
  });
});

test('every widget schema (web/widgets/*/schema.js): the same properties', () => {
  const dir = join(ROOT, 'web', 'widgets');
  const ids = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'schema.js')));
  assert.ok(ids.includes('alphabet'));
  ids.forEach((id, i) => {
    let got = null;
    const RnnWidgetRegistry = { provide: (w, key, value) => { if (key === 'schema') got = value; } };
    // the shared helpers a schema may use (web/shared/number-list.js: number-list fields)
    const RnnNumberList = runInNewContext(readFileSync(join(ROOT, 'web', 'shared', 'number-list.js'), 'utf8') + '\nRnnNumberList;', {});
    runInNewContext(readFileSync(join(dir, id, 'schema.js'), 'utf8'), { RnnWidgetRegistry, RnnNumberList });
    assert.ok(got && got.fields, id);
    const H = HS.make(got.fields);
    fuzzSchema(`widget ${id}`, got.fields, H.parse, H.serialize, 100 + i);
  });
});

test('every playground setting a link can carry is accepted by the engine', async () => {
  const eng = await loadEngine();
  const r = rng(3);
  const text = 'abcabcabd ação\n'.repeat(200);
  const S = RnnState.SCHEMA;
  // the float settings at their hardest: near the limits, and values that are not 0 but are 0 as a C float
  const floats = ['1e-50', '1e-46', '1.4e-45', '1e-45', '2e-45', '1e-38', '1e-30', '99.99999', '100', '100.000001', '1e29', '9.99e29', '1e30'];
  const hashes = [];
  for (const k of ['lr', 'clip']) for (const v of floats) hashes.push(`#${k}=${v}`);
  for (let i = 0; i < 300; i++) hashes.push(`#lr=${valueFor(r, S.lr)}&clip=${valueFor(r, S.clip)}&seed=${valueFor(r, S.seed)}&optim=${r.pick(S.optim.values)}&act=${r.pick(S.act.values)}`);
  let created = 0;
  for (const h of hashes) {
    const p = RnnState.parse(h);
    // the sizes are plain integers within the engine's own ranges; keep them small here
    const c = { ...RnnState.engineConfig(p.state), hidden: 4, seq: 4, batch: 2 };
    let m;
    try { m = eng.createCharLM(text, c); } catch (e) {
      assert.fail(`${h}: the link accepted ${JSON.stringify({ lr: p.state.lr, clip: p.state.clip })} but the engine refused: ${e.message}`);
    }
    m.free();
    created++;
  }
  assert.equal(created, hashes.length);
});
