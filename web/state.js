// state.js - the page's settings as one plain object that round-trips through
// the URL hash (#lang=pt&hidden=64&...&seed=7), so a link replays a run.
// Every value is validated against SCHEMA; nonsense falls back to the default
// and is reported by name. No DOM here.
'use strict';
var RnnState = (function () {
  var CORPORA = ['sentences', 'pt-prose', 'en-prose', 'counting', 'programs', 'alphabet', 'arithmetic'];
  var SCHEMA = {
    lang:   { type: 'enum', values: ['en', 'pt'], def: null },
    corpus: { type: 'enum', values: CORPORA, def: 'sentences' },
    hidden: { type: 'int', min: 1, max: 1024, def: 64 },
    seq:    { type: 'int', min: 1, max: 512, def: 32 },
    batch:  { type: 'int', min: 1, max: 256, def: 16 },
    lr:     { type: 'float', min: 0, max: 100, def: 0.005 },
    optim:  { type: 'enum', values: ['adam', 'adagrad', 'rmsprop', 'momentum', 'sgd'], def: 'adam' },
    clip:   { type: 'float', min: 0, max: 1e6, def: 5 },
    act:    { type: 'enum', values: ['tanh', 'relu', 'linear'], def: 'tanh' },
    seed:   { type: 'int', min: 0, max: 2147483647, def: 1 },
    temp:   { type: 'float', min: 0.05, max: 2, def: 0.8 },
    len:    { type: 'int', min: 1, max: 2000, def: 300 },
    prime:  { type: 'string', maxLength: 100, def: '' },
    greedy: { type: 'bool', def: false },
    present: { type: 'bool', def: false },  // presentation view: hides the set-up panels
  };
  var KEYS = Object.keys(SCHEMA);

  function defaults() {
    var s = {};
    KEYS.forEach(function (k) { s[k] = SCHEMA[k].def; });
    return s;
  }

  // Parses one raw string for key; returns {ok, value}.
  function parseValue(key, raw) {
    var f = SCHEMA[key];
    if (f.type === 'enum') return { ok: f.values.indexOf(raw) >= 0, value: raw };
    if (f.type === 'bool') {
      if (raw === '1' || raw === 'true') return { ok: true, value: true };
      if (raw === '0' || raw === 'false') return { ok: true, value: false };
      return { ok: false };
    }
    if (f.type === 'string') return { ok: raw.length <= f.maxLength, value: raw };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return { ok: false };
    var x = Number(raw);
    if (!isFinite(x) || x < f.min || x > f.max) return { ok: false };
    if (f.type === 'int' && Math.floor(x) !== x) return { ok: false };
    return { ok: true, value: x };
  }

  // '#a=1&b=2' -> {state, invalid:[key...], unknown:[key...]}
  function parse(hash) {
    var state = defaults();
    var invalid = [], unknown = [];
    var body = String(hash || '').replace(/^#/, '');
    if (body.length > 4000) body = body.slice(0, 4000);
    body.split('&').forEach(function (pair) {
      if (!pair) return;
      var eq = pair.indexOf('=');
      var k, v;
      try {
        k = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
        v = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
      } catch (e) { invalid.push(pair.slice(0, 40)); return; }
      if (!Object.prototype.hasOwnProperty.call(SCHEMA, k)) { unknown.push(k.slice(0, 40)); return; }
      var r = parseValue(k, v);
      if (r.ok) state[k] = r.value; else invalid.push(k);
    });
    return { state: state, invalid: invalid, unknown: unknown };
  }

  function format(key, v) {
    if (SCHEMA[key].type === 'bool') return v ? '1' : '0';
    return String(v);
  }

  // state -> '#lang=en&corpus=...' (every key, so a link does not depend on
  // today's defaults; corpus is left out for the user's own text).
  function serialize(state) {
    var parts = [];
    KEYS.forEach(function (k) {
      var v = state[k];
      if (v === null || v === undefined) return;
      if (k === 'corpus' && CORPORA.indexOf(v) < 0) return;
      parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(format(k, v)));
    });
    return '#' + parts.join('&');
  }

  // Checks a value coming from a form field; returns {ok, value}.
  function check(key, raw) { return parseValue(key, String(raw).trim()); }

  // The engine's createCharLM options for a state.
  function engineConfig(state) {
    return {
      hidden: state.hidden, seq: state.seq, batch: state.batch, lr: state.lr,
      optim: state.optim, clip: state.clip, activation: state.act, seed: state.seed,
      valFraction: 0.1, vocabCap: 256,
    };
  }

  return { SCHEMA: SCHEMA, KEYS: KEYS, CORPORA: CORPORA, defaults: defaults, parse: parse,
    serialize: serialize, check: check, engineConfig: engineConfig };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnState;
