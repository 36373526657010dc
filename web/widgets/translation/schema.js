// schema.js - the translation widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('translation', 'schema', {
  fields: {
    text: { type: 'string', maxLength: 80, def: 'o gato pequeno não vê a bola' },  // the phrase to translate
    dir: { type: 'enum', values: ['pt-en', 'en-pt'], def: 'pt-en' },
    steps: { type: 'int', min: 50, max: 5000, def: 1000 },                          // training steps when playing
    seed: { type: 'int', min: 1, max: 2147483647, def: 1 },
  },
  inputKeys: ['text', 'dir'],
});
