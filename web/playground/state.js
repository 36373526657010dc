// state.js - the page's settings as one plain object that round-trips through
// the URL hash (#lang=pt&hidden=64&...&seed=7), so a link replays a run.
// Every value is validated against SCHEMA (hash-schema.js); nonsense falls back
// to the default and is reported by name. No DOM here.
// The model's settings take their limits and enums from the engine
// (RNN_ENGINE_CONTRACT, gen/engine-contract.js) and their defaults from its
// "live" preset (a smaller model than the CLI's, for a live class): a link
// can hold nothing the engine would refuse.
'use strict';
var RnnState = (function () {
  var HS = typeof RnnHashSchema !== 'undefined' ? RnnHashSchema : require('../shared/hash-schema.js');
  var C = typeof RNN_ENGINE_CONTRACT !== 'undefined' ? RNN_ENGINE_CONTRACT : require('../gen/engine-contract.js');
  var P = C.charlm.params, LIVE = C.charlm.presets.live;
  // the offline Tiny Shakespeare (data/tinyshakespeare.js, the default), texts
  // written for the page (corpora.js), the worker's program listing, then the
  // texts the engine generates
  var CORPORA = ['shakespeare', 'pt-prose', 'en-prose', 'programs'].concat(C.enums.corpus);
  // Cores (data-parallel workers): all but one of this computer's by default,
  // at most all of them and the engine's limit.
  var HW = (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1;
  var CORES = { type: 'int', min: 1, max: Math.max(1, Math.min(HW, C.limits.workers)), def: Math.max(1, Math.min(HW - 1, C.limits.workers)) };
  var SCHEMA = {
    lang:   { type: 'enum', values: ['en', 'pt'], def: null },
    corpus: { type: 'enum', values: CORPORA, def: 'shakespeare' },
    hidden: HS.fromEngine(P.hidden, LIVE.hidden),
    seq:    HS.fromEngine(P.seq, LIVE.seq),
    batch:  HS.fromEngine(P.batch, LIVE.batch),
    // 'auto': the engine's rate for the number of cores (eng.workersLr of the preset's)
    lr:     HS.fromEngine(P.lr, 'auto', { auto: 'auto' }),
    optim:  HS.fromEngine(P.optim, LIVE.optim),
    clip:   HS.fromEngine(P.clip, LIVE.clip, { minOpen: false }),  // 0 = no clipping (clip mode 'none')
    act:    HS.fromEngine(P.activation, LIVE.activation),
    seed:   HS.fromEngine(P.seed, LIVE.seed),
    cores:  CORES,
    // the sampling controls: the page's slider range, inside the engine's limits
    temp:   { type: 'float', min: 0.05, max: Math.min(2, C.limits.temperatureMax), def: 0.8 },
    len:    { type: 'int', min: 1, max: Math.min(2000, C.limits.sampleLength), def: 300 },
    prime:  { type: 'string', maxLength: 100, def: '' },
    greedy: { type: 'bool', def: false },
    present: { type: 'bool', def: false },  // presentation view: hides the set-up panels
    // the chart: smoothing half-life of the training curve (steps), n-gram order, log step axis
    smooth: { type: 'enum', values: ['0', '10', '50', '200'], def: '50' },
    ngram:  { type: 'int', min: 2, max: 6, def: 5 },
    logx:   { type: 'bool', def: false },
  };
  var H = HS.make(SCHEMA, { keep: function (k, v) { return k !== 'corpus' || CORPORA.indexOf(v) >= 0; } });
  var KEYS = H.KEYS, defaults = H.defaults, parse = H.parse, serialize = H.serialize;
  // (serialize leaves corpus out for the user's own text)

  // Checks a value coming from a form field; returns {ok, value}.
  function check(key, raw) { return H.parseValue(key, String(raw).trim()); }

  // The engine's createCharLM options for a state (the rest: the live preset).
  function engineConfig(state) {
    var c = {};
    for (var k in LIVE) if (Object.prototype.hasOwnProperty.call(LIVE, k)) c[k] = LIVE[k];
    c.hidden = state.hidden; c.seq = state.seq; c.batch = state.batch; c.lr = lrAuto(state) ? LIVE.lr : state.lr;
    c.optim = state.optim; c.clip = state.clip; c.activation = state.act; c.seed = state.seed;
    return c;
  }

  // true: the model takes the engine's learning rate for its number of cores,
  // from the preset's one-core rate (engineConfig's lr)
  function lrAuto(state) { return state.lr === 'auto'; }

  // The number of cores a link asks for when it is a whole number over this
  // computer's (but within the engine's limit): not nonsense, only more than
  // the machine has (said as such; the default is used). Otherwise null.
  function coresOverMachine(hash) {
    var m = /(?:^#?|&)cores=(\d{1,3})(?:&|$)/.exec(String(hash || ''));
    var n = m ? Number(m[1]) : NaN;
    return n > CORES.max && n <= C.limits.workers ? n : null;
  }

  // min / max of a numeric field, for the form's input attributes
  function limits(key) { var f = SCHEMA[key]; return { min: f.min, max: f.max }; }

  return { SCHEMA: SCHEMA, KEYS: KEYS, CORPORA: CORPORA, defaults: defaults, parse: parse,
    serialize: serialize, check: check, engineConfig: engineConfig, lrAuto: lrAuto, limits: limits, problemList: HS.problemList,
    coresOverMachine: coresOverMachine, HW_CORES: HW, MAX_HASH: HS.MAX_HASH };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnState;
