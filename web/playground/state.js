// state.js - the page's settings as one plain object that round-trips through
// the URL hash (#lang=pt&hidden=64&...&seed=7), so a link replays a run.
// Every value is validated against SCHEMA (hash-schema.js); nonsense falls back
// to the default and is reported by name. No DOM here.
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
  var H = (typeof RnnHashSchema !== 'undefined' ? RnnHashSchema : require('../shared/hash-schema.js'))
    .make(SCHEMA, { keep: function (k, v) { return k !== 'corpus' || CORPORA.indexOf(v) >= 0; } });
  var KEYS = H.KEYS, defaults = H.defaults, parse = H.parse, serialize = H.serialize;
  // (serialize leaves corpus out for the user's own text)

  // Checks a value coming from a form field; returns {ok, value}.
  function check(key, raw) { return H.parseValue(key, String(raw).trim()); }

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
