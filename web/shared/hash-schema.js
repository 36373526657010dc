// hash-schema.js - settings <-> URL hash, for any schema of typed fields
// ({type: 'enum'|'bool'|'string'|'int'|'float', values|min|max|maxLength|pattern, def;
// auto: a word a number field also takes, e.g. 'auto' for "the engine's rule"};
// minOpen / maxOpen: the bound itself is refused; float32: checked as the
// engine's C float, so a value that rounds to a refused bound is refused). fromEngine() turns one of
// the engine's parameter descriptions (RNN_ENGINE_CONTRACT) into such a field.
// Every value is validated; nonsense falls back to the default and is
// reported by name, each name once. A hash longer than MAX_HASH characters is
// not one the page wrote: it is refused as a whole (defaults, tooLong: true)
// rather than cut at an arbitrary point. Used by state.js (the playground) and l2e-state.js (the
// race page). No DOM here.
'use strict';
var RnnHashSchema = (function () {
  var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  var MAX_HASH = 4000;
  var MAX_LISTED = 10;

  // list.push(name) unless it is there already
  function addOnce(list, name) { if (list.indexOf(name) < 0) list.push(name); }

  // {invalid, unknown} -> 'a, b, c' with each name once, at most MAX_LISTED, then '…'
  function problemList(parsed) {
    var all = [];
    parsed.invalid.concat(parsed.unknown).forEach(function (k) { addOnce(all, k); });
    return all.length > MAX_LISTED ? all.slice(0, MAX_LISTED).join(', ') + ', …' : all.join(', ');
  }

  function inRange(f, x) {
    return (f.minOpen ? x > f.min : x >= f.min) && (f.maxOpen ? x < f.max : x <= f.max);
  }

  // A field from the engine's description of a parameter (its type, limits
  // and values), with the page's default `def`; `extra` overrides (e.g. a
  // page-specific meaning of 0).
  function fromEngine(p, def, extra) {
    var f = { type: p.type, def: def };
    if (p.type === 'enum') f.values = p.values.slice();
    if (p.type === 'int' || p.type === 'float') {
      f.min = p.min; f.max = p.max; f.minOpen = !!p.minOpen; f.maxOpen = !!p.maxOpen;
      f.float32 = p.type === 'float'; // the engine stores it as a C float: 1e-50 is 0 there
    }
    for (var k in extra || {}) if (Object.prototype.hasOwnProperty.call(extra, k)) f[k] = extra[k];
    return f;
  }

  function make(SCHEMA, options) {
    var KEYS = Object.keys(SCHEMA);
    var keep = (options && options.keep) || function () { return true; };

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
      if (f.type === 'string') return { ok: raw.length <= f.maxLength && (!f.pattern || f.pattern.test(raw)), value: raw };
      if (f.auto !== undefined && raw === f.auto) return { ok: true, value: raw };
      if (!NUMBER.test(raw)) return { ok: false };
      var x = Number(raw) + 0;                            // + 0: '-0' is 0
      var stored = f.float32 ? Math.fround(x) : x;       // what the engine's C float holds
      if (!isFinite(x) || !inRange(f, stored)) return { ok: false };
      if (stored === 0 && x !== 0) return { ok: false };  // 1e-50 is 0 in the engine: not what the link says
      if (f.type === 'int' && Math.floor(x) !== x) return { ok: false };
      return { ok: true, value: x };
    }

    // '#a=1&b=2' -> {state, invalid:[key...], unknown:[key...], tooLong}
    function parse(hash) {
      var state = defaults();
      var invalid = [], unknown = [];
      var body = String(hash || '').replace(/^#/, '');
      if (body.length > MAX_HASH) return { state: state, invalid: invalid, unknown: unknown, tooLong: true };
      body.split('&').forEach(function (pair) {
        if (!pair) return;
        var eq = pair.indexOf('=');
        var k, v;
        try {
          k = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
          v = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
        } catch (e) { addOnce(invalid, pair.slice(0, 40)); return; }
        if (!Object.prototype.hasOwnProperty.call(SCHEMA, k)) { addOnce(unknown, k.slice(0, 40)); return; }
        var r = parseValue(k, v);
        if (r.ok) state[k] = r.value; else addOnce(invalid, k);
      });
      return { state: state, invalid: invalid, unknown: unknown, tooLong: false };
    }

    function format(key, v) { return SCHEMA[key].type === 'bool' ? (v ? '1' : '0') : String(v); }

    // state -> '#k=v&...' with every key (a link does not depend on today's
    // defaults), except null values and those options.keep(key, value) drops.
    function serialize(state) {
      var parts = [];
      KEYS.forEach(function (k) {
        var v = state[k];
        if (v === null || v === undefined || !keep(k, v)) return;
        parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(format(k, v)));
      });
      return '#' + parts.join('&');
    }

    return { KEYS: KEYS, defaults: defaults, parseValue: parseValue, parse: parse, serialize: serialize };
  }

  return { make: make, fromEngine: fromEngine, inRange: inRange, problemList: problemList, MAX_HASH: MAX_HASH };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnHashSchema;
