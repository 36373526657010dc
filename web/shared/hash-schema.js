// hash-schema.js - settings <-> URL hash, for any schema of typed fields
// ({type: 'enum'|'bool'|'string'|'int'|'float', values|min|max|maxLength, def}).
// Every value is validated; nonsense falls back to the default and is
// reported by name. Used by state.js (the playground) and l2e-state.js (the
// race page). No DOM here.
'use strict';
var RnnHashSchema = (function () {
  var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

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
      if (f.type === 'string') return { ok: raw.length <= f.maxLength, value: raw };
      if (!NUMBER.test(raw)) return { ok: false };
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

  return { make: make };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnHashSchema;
