// schema.js - the neurons widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('neurons', 'schema', {
  fields: {
    feature: { type: 'enum', values: ['quote', 'paren', 'column', 'vowel', 'space'], def: 'vowel' },  // the bundled model's clearest unit
    unit: { type: 'int', min: -1, max: 1023, def: -1 },        // -1: the unit the search ranks first
    text: { type: 'string', maxLength: 120, def: '' },          // '' : the widget's sample text
  },
  inputKeys: ['feature', 'unit', 'text'],
});
