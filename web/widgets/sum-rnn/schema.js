// schema.js - the sum-rnn widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput. x: 1 to 6 numbers
// (shared/number-list.js), e.g. #x=2;-0.5;1;1&W=0.5
/* global RnnWidgetRegistry, RnnNumberList */
'use strict';
RnnWidgetRegistry.provide('sum-rnn', 'schema', {
  fields: {
    x: { type: 'string', maxLength: 80, pattern: RnnNumberList.pattern(6), def: '2; -0.5; 1; 1' },  // the inputs x_1..x_T
    U: { type: 'float', min: -5, max: 5, def: 1 },     // input weight
    W: { type: 'float', min: -5, max: 5, def: 1 },     // recurrent weight
    V: { type: 'float', min: -5, max: 5, def: 1 },     // output weight
    delay: { type: 'int', min: 100, max: 5000, def: 900 },  // ms between steps when playing
  },
  inputKeys: ['x', 'U', 'W', 'V'],
});
