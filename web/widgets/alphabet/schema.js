// schema.js - the alphabet widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('alphabet', 'schema', {
  fields: {
    start: { type: 'enum', values: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''), def: 'A' },  // the cue letter
    dir: { type: 'enum', values: ['forward', 'backward'], def: 'forward' },
    starts: { type: 'enum', values: ['A', 'any'], def: 'A' },                            // training recitals start at A, or at any letter
    steps: { type: 'int', min: 10, max: 2000, def: 200 },                              // training steps when playing
    hidden: { type: 'int', min: 4, max: 64, def: 24 },
    seed: { type: 'int', min: 1, max: 2147483647, def: 1 },
  },
  inputKeys: ['start', 'dir', 'starts'],
});
