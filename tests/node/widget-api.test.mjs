// widget-api.test.mjs - the widgets' postMessage commands (web/shared/widget-api.js):
// setInput values are checked as a link's are, and a boolean is refused for
// a field that is not yes/no (issue 22: {example: true} was taken as 1).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RnnHashSchema = require('../../web/shared/hash-schema.js');
const RnnWidgetApi = require('../../web/shared/widget-api.js');

const hash = RnnHashSchema.make({
  example: { type: 'int', min: 0, max: 399, def: 0 },
  label: { type: 'string', maxLength: 20, def: '' },
  dir: { type: 'enum', values: ['forward', 'backward'], def: 'forward' },
  show: { type: 'bool', def: false },
});
const KEYS = ['example', 'label', 'dir', 'show'];
const parse = (input) => RnnWidgetApi.parse({ command: 'setInput', input }, hash, KEYS);

test('setInput refuses true/false for a field that is not yes/no, with a reason', () => {
  for (const input of [{ example: true }, { example: false }, { label: true }, { dir: false }]) {
    const r = parse(input);
    assert.equal(r.ok, false, JSON.stringify(input));
    assert.match(r.reason, /^bad value for \w+ \(not a yes\/no setting\)$/);
  }
  assert.deepEqual(parse({ show: true }), { ok: true, command: 'setInput', input: { show: true } });
  assert.deepEqual(parse({ show: 0 }), { ok: true, command: 'setInput', input: { show: false } });
  assert.deepEqual(parse({ example: 41 }), { ok: true, command: 'setInput', input: { example: 41 } });
  assert.deepEqual(parse({ label: 'true' }), { ok: true, command: 'setInput', input: { label: 'true' } });
  assert.equal(parse({ example: 400 }).ok, false);
  assert.equal(parse({ example: 1.5 }).ok, false);
});
