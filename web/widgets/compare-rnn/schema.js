// schema.js - the compare-rnn widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput. a, b: input 1 and input 2,
// 1 to 5 numbers each (shared/number-list.js), e.g. #a=2;0;1&b=1;1;0.5
/* global RnnWidgetRegistry, RnnNumberList */
'use strict';
RnnWidgetRegistry.provide('compare-rnn', 'schema', {
  fields: {
    a: { type: 'string', maxLength: 80, pattern: RnnNumberList.pattern(5), def: '2; 0; 1' },      // input 1
    b: { type: 'string', maxLength: 80, pattern: RnnNumberList.pattern(5), def: '1; 1; 0.5' },    // input 2
    V: { type: 'float', min: 1, max: 50, def: 10 },            // output weight: how sharp the logistic decision is
    net: { type: 'enum', values: ['hand', 'trained'], def: 'hand' },   // hand-set weights, or trained in the engine
    seed: { type: 'int', min: 1, max: 2147483647, def: 1 },     // first seed of the random pairs
    delay: { type: 'int', min: 100, max: 5000, def: 900 },      // ms between steps when playing
  },
  inputKeys: ['a', 'b', 'V', 'net'],
});
