// schema.js - the sentiment widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput (the view and the review).
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('sentiment', 'schema', {
  fields: {
    mode: { type: 'enum', values: ['hand', 'train'], def: 'hand' },      // hand-set weights, or "train it"
    text: { type: 'string', maxLength: 200, def: 'O filme é péssimo, roteiro horrível, mas a música é boa!' },
    steps: { type: 'int', min: 20, max: 2000, def: 200 },                 // training steps when playing
    hidden: { type: 'int', min: 1, max: 3, def: 3 },                      // H of the trained network
    act: { type: 'enum', values: ['linear', 'tanh'], def: 'linear' },     // its hidden activation
    seed: { type: 'int', min: 1, max: 2147483646, def: 1 },
  },
  inputKeys: ['mode', 'text'],
});
