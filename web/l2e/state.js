// l2e-state.js - the learning-to-execute page's settings as one plain object
// that round-trips through the URL hash (#lang=pt&task=addition&length=2&...),
// so a link replays a race (same seed, same programs, same curves). Every value
// is validated against SCHEMA; nonsense falls back to the default and is
// reported by name. No DOM here. (The same rules as web/state.js, for another
// schema.) Tasks, strategies and limits come from the engine
// (RNN_ENGINE_CONTRACT, gen/engine-contract.js), defaults from its "race"
// preset; the page narrows a few ranges to what a browser race can afford.
'use strict';
var RnnL2EState = (function () {
  var HS = typeof RnnHashSchema !== 'undefined' ? RnnHashSchema : require('../shared/hash-schema.js');
  var C = typeof RNN_ENGINE_CONTRACT !== 'undefined' ? RNN_ENGINE_CONTRACT : require('../gen/engine-contract.js');
  var P = C.l2e.params, RACE = C.l2e.presets.race;
  var TASKS = P.task.values.slice();
  var STRATEGIES = P.strategy.values.slice();
  var narrow = function (p, max) { return { max: Math.min(p.max, max) }; };
  // Browser defaults (the engine's race preset): programs of length 2, nesting
  // 1, 3,000 steps per strategy, about a class minute (docs/l2e.md has what
  // this race shows, and the longer preset, LONGER, where the curricula separate).
  var SCHEMA = {
    lang:     { type: 'enum', values: ['en', 'pt'], def: null },
    task:     HS.fromEngine(P.task, RACE.task),
    length:   HS.fromEngine(P.length, RACE.length),
    nesting:  HS.fromEngine(P.nesting, RACE.nesting),
    steps:    { type: 'int', min: 10, max: 100000, def: 3000 },  // budget per strategy
    hidden:   HS.fromEngine(P.hidden, RACE.hidden, narrow(P.hidden, 512)),
    batch:    HS.fromEngine(P.batch, RACE.batch, narrow(P.batch, 128)),
    val:      HS.fromEngine(P.evalSamples, RACE.evalSamples, narrow(P.evalSamples, 1024)), // fixed validation samples
    rows:     { type: 'int', min: 1, max: 12, def: 6 },           // rows of the predictions table
    seed:     HS.fromEngine(P.seed, RACE.seed),
    scramble: HS.fromEngine(P.scramble, RACE.scramble),
  };
  // The longer preset (docs/l2e.md): 3-digit addition, 10,000 steps, where the
  // curricula separate (naive below baseline; combined vs baseline depends on the seed).
  var LONGER = { task: 'addition', length: 3, nesting: 1, steps: 10000 };
  var H = HS.make(SCHEMA);
  var KEYS = H.KEYS, defaults = H.defaults, serialize = H.serialize;

  function maxLength(task) { return P.length.maxByTask[task] || P.length.min; }

  // '#a=1&b=2' -> {state, invalid:[key...], unknown:[key...]}
  function parse(hash) {
    var r = H.parse(hash);
    // a length the task cannot have (addition of 20-digit numbers)
    if (r.state.length > maxLength(r.state.task)) { if (r.invalid.indexOf('length') < 0) r.invalid.push('length'); r.state.length = SCHEMA.length.def; }
    return r;
  }

  // Checks a value coming from a form field; returns {ok, value}.
  function check(key, raw, state) {
    var r = H.parseValue(key, String(raw).trim());
    if (r.ok && key === 'length' && state && r.value > maxLength(state.task)) return { ok: false };
    return r;
  }

  // The engine's createL2E options for one strategy of the race.
  function modelConfig(state, strategy) {
    return {
      task: state.task, length: state.length, nesting: state.nesting, strategy: strategy,
      hidden: state.hidden, batch: state.batch, lr: RACE.lr, clip: RACE.clip, seed: state.seed,
      reverse: RACE.reverse, context: RACE.context, scramble: state.scramble, evalEvery: RACE.evalEvery,
      evalSamples: state.val,
    };
  }

  // The generator's options for the sample programs shown above the race.
  function sampleOptions(state, count) {
    return { task: state.task, length: state.length, nesting: state.nesting, seed: state.seed,
      scramble: state.scramble, count: count };
  }

  return { SCHEMA: SCHEMA, LONGER: LONGER, KEYS: KEYS, TASKS: TASKS, STRATEGIES: STRATEGIES, defaults: defaults, parse: parse,
    serialize: serialize, check: check, maxLength: maxLength, modelConfig: modelConfig, sampleOptions: sampleOptions };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnL2EState;
