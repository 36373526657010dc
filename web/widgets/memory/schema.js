// schema.js - the memory widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('memory', 'schema', {
  fields: {
    gap: { type: 'enum', values: ['2', '3', '4', '5', '6', '8', '12', '16', '24', '32'], def: '6' },  // the example shown
    example: { type: 'int', min: 0, max: 499, def: 0 },            // which held-out sequence
    order: { type: 'int', min: 2, max: 6, def: 4 },                // the n-gram's order n
    steps: { type: 'int', min: 10, max: 2000, def: 300 },          // training steps when playing
    hidden: { type: 'int', min: 4, max: 64, def: 16 },
    seed: { type: 'int', min: 1, max: 1000, def: 1 },
  },
  inputKeys: ['gap', 'example'],
});
