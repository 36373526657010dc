// l2e-state.js - the learning-to-execute page's settings as one plain object
// that round-trips through the URL hash (#lang=pt&task=addition&length=2&...),
// so a link replays a race (same seed, same programs, same curves). Every value
// is validated against SCHEMA; nonsense falls back to the default and is
// reported by name. No DOM here. (The same rules as web/state.js, for another
// schema.)
'use strict';
var RnnL2EState = (function () {
  var TASKS = ['program', 'addition', 'copy'];
  var STRATEGIES = ['baseline', 'naive', 'mix', 'combined'];
  // the engine's limits on length per task (js/engine.js, learning to execute)
  var MAX_LENGTH = { program: 9, addition: 9, copy: 30 };
  // Browser defaults: 2-digit addition learns visibly within the budget
  // (docs/l2e.md: ~0.97 per char after 2,000 steps at hidden 128).
  var SCHEMA = {
    lang:     { type: 'enum', values: ['en', 'pt'], def: null },
    task:     { type: 'enum', values: TASKS, def: 'addition' },
    length:   { type: 'int', min: 1, max: 30, def: 2 },
    nesting:  { type: 'int', min: 1, max: 6, def: 1 },
    steps:    { type: 'int', min: 10, max: 100000, def: 2000 },  // budget per strategy
    hidden:   { type: 'int', min: 4, max: 512, def: 128 },
    batch:    { type: 'int', min: 1, max: 128, def: 32 },
    val:      { type: 'int', min: 8, max: 1024, def: 128 },       // fixed validation samples
    rows:     { type: 'int', min: 1, max: 12, def: 6 },           // rows of the predictions table
    seed:     { type: 'int', min: 0, max: 2147483647, def: 1 },
    scramble: { type: 'bool', def: false },
  };
  var H = (typeof RnnHashSchema !== 'undefined' ? RnnHashSchema : require('../shared/hash-schema.js')).make(SCHEMA);
  var KEYS = H.KEYS, defaults = H.defaults, serialize = H.serialize;

  function maxLength(task) { return MAX_LENGTH[task] || 9; }

  // '#a=1&b=2' -> {state, invalid:[key...], unknown:[key...]}
  function parse(hash) {
    var r = H.parse(hash);
    // a length the task cannot have (addition of 20-digit numbers)
    if (r.state.length > maxLength(r.state.task)) { r.invalid.push('length'); r.state.length = SCHEMA.length.def; }
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
      hidden: state.hidden, batch: state.batch, lr: 2e-3, clip: 5, seed: state.seed,
      reverse: false, context: 'every', scramble: state.scramble, evalEvery: 50, evalSamples: state.val,
    };
  }

  // The generator's options for the sample programs shown above the race.
  function sampleOptions(state, count) {
    return { task: state.task, length: state.length, nesting: state.nesting, seed: state.seed,
      scramble: state.scramble, count: count };
  }

  return { SCHEMA: SCHEMA, KEYS: KEYS, TASKS: TASKS, STRATEGIES: STRATEGIES, defaults: defaults, parse: parse,
    serialize: serialize, check: check, maxLength: maxLength, modelConfig: modelConfig, sampleOptions: sampleOptions };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnL2EState;
