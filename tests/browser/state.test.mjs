// web/state.js (URL hash <-> settings) and the page's i18n keys, without a
// browser (scripts/build-web.mjs's table: tests/node/build-web.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';

const require = createRequire(import.meta.url);
const S = require('../../web/playground/state.js');

test('defaults round-trip through the hash', () => {
  const d = S.defaults();
  d.lang = 'pt';
  const h = S.serialize(d);
  const back = S.parse(h);
  assert.deepEqual(back.invalid, []);
  assert.deepEqual(back.unknown, []);
  assert.deepEqual(back.state, d);
});

test('every kind of value round-trips, prime text included', () => {
  const s = { ...S.defaults(), lang: 'en', corpus: 'programs', hidden: 7, seq: 3, batch: 2, lr: 0.0003, optim: 'rmsprop',
    clip: 0, act: 'relu', seed: 2147483647, temp: 1.25, len: 1, prime: 'a&b=c #ção <x>', greedy: true, present: true };
  assert.deepEqual(S.parse(S.serialize(s)).state, s);
});

test('nonsense values fall back to defaults and are named', () => {
  const r = S.parse('#hidden=-5&seq=0&batch=3.5&lr=banana&lr2=1&optim=quantum&clip=-1&act=sigmoid&seed=1e99' +
    '&temp=NaN&len=Infinity&greedy=yes&lang=fr&corpus=../../etc&prime=' + 'x'.repeat(101) + '&%E0%A4%A=1');
  assert.deepEqual(r.state, { ...S.defaults() });
  assert.deepEqual(r.invalid.sort(), ['%E0%A4%A=1', 'act', 'batch', 'clip', 'corpus', 'greedy', 'hidden', 'lang', 'len',
    'lr', 'optim', 'prime', 'seed', 'seq', 'temp'].sort());
  assert.deepEqual(r.unknown, ['lr2']);
});

test('numbers: ranges, integers, and exponent forms', () => {
  assert.deepEqual(S.check('lr', '1e-3'), { ok: true, value: 0.001 });
  assert.equal(S.check('lr', '0x10').ok, false);
  assert.equal(S.check('lr', '101').ok, false);
  assert.equal(S.check('hidden', '64.0').ok, true);
  assert.equal(S.check('hidden', '64.5').ok, false);
  assert.equal(S.check('hidden', ' 64 ').ok, true);
  assert.equal(S.check('hidden', '').ok, false);
});

test('the user\'s own text is not written into the link', () => {
  const h = S.serialize({ ...S.defaults(), corpus: 'custom' });
  assert.doesNotMatch(h, /corpus=/);
});

test('i18n: both languages have the same keys, and every key the page names exists', async () => {
  const { readFileSync } = await import('node:fs');
  const root = new URL('../../web/', import.meta.url);
  const I = runInNewContext(readFileSync(new URL('shared/i18n.js', root), 'utf8') + '\nRnnI18n;', {});
  const en = Object.keys(I.STRINGS.en).sort(), pt = Object.keys(I.STRINGS.pt).sort();
  assert.deepEqual(pt, en);
  for (const k of en) assert.notEqual(I.STRINGS.pt[k], '', k);
  const html = readFileSync(new URL('index.html', root), 'utf8');
  const used = [...html.matchAll(/data-i18n(?:-aria-label|-placeholder)?="([^"]+)"/g)].map((m) => m[1]);
  for (const js of ['playground/app.js', 'playground/samples.js', 'playground/corpus-panel.js', 'shared/texts.js', 'playground/corpus-input.js']) {
    const src = readFileSync(new URL(js, root), 'utf8');
    used.push(...[...src.matchAll(/\b(?:say|message|t)\([^,()]*?,\s*'([a-zA-Z0-9]+)'/g)].map((m) => m[1]));
    used.push(...[...src.matchAll(/\b(?:t|this\.t|message|UserError)\('([a-zA-Z0-9]+)'/g)].map((m) => m[1]));
  }
  const missing = [...new Set(used)].filter((k) => !(k in I.STRINGS.en));
  assert.deepEqual(missing, []);
  assert.ok(used.length > 80, `found ${used.length} uses`);
});
