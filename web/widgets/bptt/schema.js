// schema.js - the bptt widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput. The defaults are the
// "vanishing" preset: g linear, W = 0.5·Q, the loss at the last step.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('bptt', 'schema', {
  fields: {
    view: { type: 'enum', values: ['paths', 'norms'], def: 'paths' },        // Σ over the steps | vanishing or exploding
    weight: { type: 'enum', values: ['U', 'W', 'V'], def: 'W' },             // the shared weight whose per-step terms are shown
    activation: { type: 'enum', values: ['linear', 'tanh'], def: 'linear' }, // g
    radius: { type: 'float', min: 0.2, max: 2, def: 0.5 },                    // spectral radius of W at the start
    clip: { type: 'bool', def: true },                                        // clip the gradient norm at 1
    loss: { type: 'enum', values: ['last', 'every'], def: 'last' },           // L_T only, or L_t at every step
    preset: { type: 'enum', values: ['none', 'vanish', 'explode'], def: 'none' }, // linear g, loss at the last step, r = 0.5 | 1.5
    steps: { type: 'int', min: 4, max: 20, def: 14 },                         // T, the unrolled steps
    delay: { type: 'int', min: 1, max: 6, def: 3 },                           // the echo task's delay
    train: { type: 'int', min: 20, max: 5000, def: 600 },                     // training steps when playing
    seed: { type: 'int', min: 1, max: 2147483647, def: 1 },
  },
  inputKeys: ['view', 'weight', 'activation', 'radius', 'clip', 'loss', 'preset'],
});
