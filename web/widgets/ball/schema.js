// schema.js - the ball widget's settings: URL hash fields (checked by
// shared/hash-schema.js; nonsense falls back to the default and is named)
// and the ones a deck may change with setInput.
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('ball', 'schema', {
  fields: {
    scene: { type: 'enum', values: ['ball', 'car'], def: 'ball' },  // the ball, or the Tesla case (a pedestrian, a road)
    example: { type: 'int', min: 0, max: 399, def: 0 },             // the held-out trajectory shown
    grid: { type: 'int', min: 4, max: 8, def: 5 },                   // G x G cells
    frames: { type: 'int', min: 2, max: 8, def: 4 },                 // frames per trajectory
    dirs: { type: 'enum', values: ['4', '8'], def: '4' },            // directions
    steps: { type: 'int', min: 10, max: 2000, def: 200 },            // training steps when playing
    hidden: { type: 'int', min: 4, max: 64, def: 16 },
    seed: { type: 'int', min: 1, max: 20000, def: 1 },
  },
  inputKeys: ['example', 'scene'],
});
