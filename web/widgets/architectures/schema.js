// schema.js - the architectures widget's settings: URL hash fields (checked
// by shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('architectures', 'schema', {
  fields: {
    arch: { type: 'enum', values: ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many', 'encoder-decoder'], def: 'one-to-one' },
    example: { type: 'int', min: 0, max: 255, def: 0 },            // which held-out example the diagram shows
    seed: { type: 'int', min: 1, max: 2147483647, def: 1 },
  },
  inputKeys: ['arch', 'example'],
});
