// schema.js - the teacher-forcing widget's settings: URL hash fields
// (checked by shared/hash-schema.js; nonsense falls back to the default and
// is named) and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('teacher-forcing', 'schema', {
  fields: {
    text: { type: 'enum', values: ['rato', 'batatinha', 'hamlet', 'custom'], def: 'rato' },   // a built-in text or the user's
    custom: { type: 'string', maxLength: 40, def: 'quem casa quer casa, quem cala consente' },
    letGo: { type: 'int', min: 1, max: 39, def: 6 },          // the first step fed the model's own sample
    sample: { type: 'enum', values: ['sample', 'greedy'], def: 'sample' },
    train: { type: 'int', min: 20, max: 3000, def: 300 },     // training steps when playing
    hidden: { type: 'int', min: 8, max: 64, def: 32 },
    seed: { type: 'int', min: 1, max: 2147483647, def: 1 },
  },
  inputKeys: ['text', 'custom', 'letGo', 'sample'],
});
