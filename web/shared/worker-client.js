// worker-client.js - the page's side of the worker protocol. Picks the SIMD
// or the scalar module, starts the worker from a Blob URL (the only way that
// works from file:// as well as over http), and turns requests into Promises.
/* global RNN_WORKER_SOURCES */
// The engine glue: RNN_WORKER_SOURCES.simd|scalar (the playground's char-LM
// modules) or, given as options.glue, RNN_ENGINE_GLUE (the full modules: the
// race and the widgets).
'use strict';
var RnnWorkerClient = (function () {
  // The smallest module that uses a SIMD128 instruction (i8x16.splat /
  // i8x16.popcnt), as in wasm-feature-detect: validate() says if SIMD is there.
  var SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3,
    2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

  function simdSupported() {
    try { return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE); } catch (e) { return false; }
  }

  function sourcesAvailable(glue, kind, common) {
    return typeof glue === 'object' && glue !== null && typeof glue[kind] === 'string' && typeof common === 'string';
  }

  // glue[kind]: the engine glue; common: the worker program after it.
  function Client(kind, common, glue) {
    var blob = new Blob([glue[kind], common], { type: 'text/javascript' });
    this.url = URL.createObjectURL(blob);
    this.kind = kind;
    this.worker = new Worker(this.url);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = {};
    var self = this;
    this.worker.onmessage = function (ev) { self.receive(ev.data); };
    this.worker.onerror = function (ev) {
      ev.preventDefault();
      self.crash(ev.message || 'worker error');
    };
  }

  Client.prototype.receive = function (msg) {
    if (!msg) return;
    if (msg.event) { this.dispatch(msg.event, msg); return; }
    var p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.error !== undefined) p.reject(new Error(msg.error));
    else p.resolve(msg);
  };

  Client.prototype.crash = function (reason) {
    this.pending.forEach(function (p) { p.reject(new Error(reason)); });
    this.pending.clear();
    this.dispatch('crash', { reason: reason });
  };

  Client.prototype.dispatch = function (event, msg) {
    (this.listeners[event] || []).forEach(function (fn) { fn(msg); });
  };

  Client.prototype.on = function (event, fn) {
    (this.listeners[event] = this.listeners[event] || []).push(fn);
    return this;
  };

  // request('setup', {text, config}) -> Promise of the reply
  Client.prototype.request = function (type, payload, transfer) {
    var id = this.nextId++;
    var msg = { id: id, type: type };
    if (payload) for (var k in payload) if (Object.prototype.hasOwnProperty.call(payload, k)) msg[k] = payload[k];
    var self = this;
    return new Promise(function (resolve, reject) {
      self.pending.set(id, { resolve: resolve, reject: reject });
      self.worker.postMessage(msg, transfer || []);
    });
  };

  Client.prototype.terminate = function () {
    this.worker.terminate();
    URL.revokeObjectURL(this.url);
    this.crash('worker stopped');
    this.listeners = {};
  };

  // Starts the best module that passes its self-check. Resolves with
  // {client, kind, selfCheck, fallbackReason}; rejects with a reason.
  // options.common: another worker program (the race's, a widget's) and
  // options.glue the engine glue it runs on ({simd, scalar}: RNN_ENGINE_GLUE);
  // default: the playground's RNN_WORKER_SOURCES.
  function start(options) {
    var sources = typeof RNN_WORKER_SOURCES === 'object' ? RNN_WORKER_SOURCES : null;
    var glue = options && options.glue !== undefined ? options.glue : sources;
    var common = options && typeof options.common === 'string' ? options.common : sources && sources.common;
    if (!sourcesAvailable(glue, 'scalar', common)) {
      return Promise.reject(new Error('engine not built: web/gen/' + (glue === sources ? 'worker-sources.js' : 'engine-glue.js') +
        ' has no module (run make generated)'));
    }
    var order = simdSupported() && sourcesAvailable(glue, 'simd', common) ? ['simd', 'scalar'] : ['scalar'];
    var fallbackReason = order.length === 1 ? 'nosimd' : null;
    var attempt = function (i) {
      var c = new Client(order[i], common, glue);
      return c.request('init').then(function (r) {
        if (!r.selfCheck.ok && i + 1 < order.length) {
          c.terminate();
          fallbackReason = 'selfcheck';
          return attempt(i + 1);
        }
        return { client: c, kind: r.kind, selfCheck: r.selfCheck, fallbackReason: fallbackReason };
      }, function (e) {
        c.terminate();
        if (i + 1 < order.length) { fallbackReason = 'failed'; return attempt(i + 1); }
        throw e;
      });
    };
    return attempt(0);
  }

  return { start: start, simdSupported: simdSupported };
})();
