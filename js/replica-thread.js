// replica-thread.js - a worker_threads entry: one data-parallel replica of the
// char LM (js/data-parallel.js) in Node. workerData: { port, kind }.
'use strict';
const { workerData } = require('worker_threads');
const { loadEngine } = require('./node-engine.js');
const { serve } = require('./data-parallel.js');

loadEngine(workerData.kind).then((eng) => serve(workerData.port, eng));
