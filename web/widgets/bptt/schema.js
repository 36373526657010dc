// schema.js - the bptt widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('bptt', 'schema', {
  fields: {
    activation: { type: 'enum', values: ['tanh', 'linear'], def: 'tanh' },   // g
    radius: { type: 'float', min: 0.2, max: 2, def: 1 },                      // spectral radius of W at the start
    clip: { type: 'bool', def: true },
    loss: { type: 'enum', values: ['every', 'last'], def: 'every' },           // L_t at every step, or L_T only                                        // clip the gradient norm at 1
    steps: { type: 'int', min: 4, max: 20, def: 10 },                         // T, the unrolled steps
    delay: { type: 'int', min: 1, max: 6, def: 3 },                           // the echo task's delay
    train: { type: 'int', min: 20, max: 5000, def: 600 },                     // training steps when playing
    seed: { type: 'int', min: 1, max: 2147483647, def: 1 },
  },
  inputKeys: ['activation', 'radius', 'clip', 'loss'],
});
