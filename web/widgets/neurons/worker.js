// worker.js - the neurons widget's worker part: [engine glue] + js/engine.js
// + shared/worker-protocol.js + this file (scripts/build-web.mjs). It owns
// one char LM (the bundled model or a model file the user loaded) and
// answers, for a text and a feature, every hidden state, the five most
// likely next characters after each character, the feature per position and
// the units ranked by correlation with it (CharLM.trace, neuronFeature,
// rankUnits: src/api_neurons.c).
/* global RnnEngine, RnnWorkerProtocol */
'use strict';
(function () {
  var engine = null;
  var model = null;

  function base64Bytes(b64) {
    var bin = atob(String(b64)), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  var MAX_BYTES = 64 * 1024 * 1024;   // the model loader's cap (shared/model-snapshot.js), inflated or not
  // input per pull: deflate inflates at most ~1,032:1, so one chunk adds at
  // most ~4 MB before the cap is checked (a 64 KB chunk of a bomb: ~64 MB at once)
  var CHUNK = 4 * 1024;

  // An error the widget names in its own words (strings.js key; view.js).
  function named(key, detail) { return new Error(key + (detail ? ": " + detail : "")); }

  // The bytes as a stream of copied chunks. Not Blob.stream(): WebKit cannot
  // read a Blob's stream inside a Blob-URL worker ("NotReadableError").
  function byteStream(bytes) {
    var off = 0;
    return new ReadableStream({
      pull: function (c) {
        if (off >= bytes.length) { c.close(); return; }
        c.enqueue(bytes.slice(off, off + CHUNK));
        off += CHUNK;
      },
    });
  }

  function concat(parts, total) {
    var out = new Uint8Array(total), at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  // Inflates gzip as a stream, refusing as soon as the output passes `limit`
  // (the stream is cancelled: a 1 GB bomb stops at the cap); a stream that is
  // not valid gzip is named as such.
  function inflate(bytes, limit) {
    var reader = byteStream(bytes).pipeThrough(new DecompressionStream('gzip')).getReader();
    var parts = [], total = 0;
    function next() {
      return reader.read().then(function (r) {
        if (r.done) return concat(parts, total);
        total += r.value.length;
        if (total > limit) {
          parts = [];
          reader.cancel().catch(function () {});
          throw named('errInflatedTooBig');
        }
        parts.push(r.value);
        return next();
      }, function (e) { throw named('errGzip', e && e.message ? e.message : String(e)); });
    }
    return next();
  }

  // A .rnn model file, or one compressed with gzip (the bundled model is).
  function unpack(bytes, limit) {
    if (bytes.length > limit) return Promise.reject(named('errFileTooBig'));
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(bytes);
    return inflate(bytes, limit);
  }

  RnnWorkerProtocol.serve({
    init: function () {
      return RnnEngine.create(self.RNN_FACTORY).then(function (e) {
        engine = e;
        var check = engine.selfCheck();
        return { kind: engine.kind, selfCheck: { ok: !!check.ok, maxDiff: check.maxDiff }, features: engine.neuronFeatures() };
      });
    },
    // msg.base64 (the bundled model) or msg.bytes (an ArrayBuffer: a file the user chose)
    load: function (msg) {
      var raw = msg.bytes ? new Uint8Array(msg.bytes) : base64Bytes(msg.base64);
      return unpack(raw, MAX_BYTES).then(function (bytes) {
        var next = engine.loadCharLM(bytes);
        if (model) model.free();
        model = next;
        var info = model.info;
        return { H: info.H, V: info.V, steps: info.step, activation: info.activation };
      });
    },
    // The text read from a zero state and the units ranked for the feature.
    // A ranking the engine refuses (a feature constant on this text) comes
    // back as rankError; the trace is still there.
    // msg.fallback: if the model does not know a character of the text (a
    // model just loaded), it reads 100 characters it writes itself instead
    // (sampled: true, seed 1, temperature 0.6).
    read: function (msg) {
      if (!model) throw new Error('no model yet');
      var text = String(msg.text), sampled = false, tr;
      try {
        tr = model.trace(text, 5);
      } catch (e) {
        if (!msg.fallback || !/not in the model's vocabulary/.test(e.message)) throw e;
        text = model.sample({ length: 100, temperature: 0.6, seed: 1 }).text;
        sampled = true;
        tr = model.trace(text, 5);
      }
      var f = engine.neuronFeature(msg.feature, text);
      var out = { n: tr.n, H: tr.H, chars: tr.chars, h: tr.h, feature: f, top: tr.top, r: null, order: null, rankError: null,
        text: text, sampled: sampled };
      try {
        var rk = engine.rankUnits(tr.h, tr.n, tr.H, f);
        out.r = rk.r; out.order = rk.order;
      } catch (e) { out.rankError = e.message; }
      out.__transfer = [tr.h.buffer, f.buffer];
      return out;
    },
  }, function () { return !!engine; });
})();
