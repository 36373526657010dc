// corpus-input.js - turns files, dropped files and URLs into checked text.
// Rejects oversized input before reading it, and binary input (zero bytes or
// invalid UTF-8) with a reason. Errors are UserError {key, params} so the
// page can say them in the current language. No DOM here.
'use strict';
var RnnCorpusInput = (function () {
  var MAX_TEXT_BYTES = 5 * 1000 * 1000;
  var MAX_MODEL_BYTES = 64 * 1000 * 1000;
  var SHAKESPEARE_URL = 'https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt';

  function UserError(key, params) {
    this.key = key;
    this.params = params || {};
    this.message = key;
  }
  UserError.prototype = Object.create(Error.prototype);

  // bytes -> text, or throws UserError for data that is not UTF-8 text.
  function decode(bytes, name) {
    if (bytes.indexOf(0) >= 0) throw new UserError('errBinary', { name: name, whatKey: 'errBinaryNul' });
    try {
      var text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text;
    } catch (e) {
      throw new UserError('errBinary', { name: name, whatKey: 'errBinaryUtf8' });
    }
  }

  function checkSize(size, limit) {
    if (size > limit) throw new UserError('errTooBig', { sizeBytes: size, limitBytes: limit });
  }

  function readBytes(file, limit) {
    return new Promise(function (resolve, reject) {
      checkSize(file.size, limit);
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(new UserError('errRead', { reason: String(r.error && r.error.message) })); };
      r.readAsArrayBuffer(file);
    });
  }

  // File -> Promise<{text, name}>
  function readTextFile(file) {
    return Promise.resolve().then(function () { return readBytes(file, MAX_TEXT_BYTES); })
      .then(function (bytes) { return { text: decode(bytes, file.name), name: file.name }; });
  }

  // File -> Promise<Uint8Array> (a model file: binary or PyTorch JSON)
  function readModelFile(file) {
    return Promise.resolve().then(function () {
      if (file.size > MAX_MODEL_BYTES) throw new UserError('errModelTooBig', { sizeBytes: file.size, limitBytes: MAX_MODEL_BYTES });
      return readBytes(file, MAX_MODEL_BYTES);
    });
  }

  function checkUrl(s) {
    var u;
    try { u = new URL(String(s).trim()); } catch (e) { throw new UserError('errUrl'); }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserError('errUrl');
    return u.href;
  }

  // Reads a response body, stopping as soon as it passes the limit.
  function readLimited(res, limit) {
    var len = Number(res.headers.get('content-length'));
    if (len > 0) checkSize(len, limit);
    if (!res.body || !res.body.getReader) {
      return res.arrayBuffer().then(function (b) { checkSize(b.byteLength, limit); return new Uint8Array(b); });
    }
    var reader = res.body.getReader(), chunks = [], total = 0;
    var pump = function () {
      return reader.read().then(function (r) {
        if (r.done) {
          var out = new Uint8Array(total), off = 0;
          chunks.forEach(function (c) { out.set(c, off); off += c.length; });
          return out;
        }
        total += r.value.length;
        if (total > limit) { reader.cancel(); throw new UserError('errTooBig', { sizeBytes: total, limitBytes: limit }); }
        chunks.push(r.value);
        return pump();
      });
    };
    return pump();
  }

  // Only ever called on the user's request (a button press).
  function fetchText(url) {
    var href;
    try { href = checkUrl(url); } catch (e) { return Promise.reject(e); }
    return fetch(href, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache' })
      .catch(function (e) { throw new UserError('errFetch', { url: href, reason: String(e && e.message || e) }); })
      .then(function (res) {
        if (!res.ok) throw new UserError('errFetch', { url: href, reasonKey: 'errFetchStatus', status: res.status });
        return readLimited(res, MAX_TEXT_BYTES);
      })
      .then(function (bytes) { return { text: decode(bytes, href), name: href }; });
  }

  // UTF-8 size of a string, as the engine will see it (unpaired surrogates
  // count 3 bytes, like the replacement character TextEncoder would write).
  function utf8Bytes(text) {
    var bytes = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { bytes += 4; i++; continue; }
      }
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }

  // Typed or pasted text gets the file input's limit: throws UserError past it.
  // (at least 1 byte per UTF-16 unit, at most 3: most texts need no count)
  function checkTypedText(text) {
    if (text.length * 3 <= MAX_TEXT_BYTES) return;
    var size = text.length > MAX_TEXT_BYTES ? text.length : utf8Bytes(text);
    if (size > MAX_TEXT_BYTES) throw new UserError('errPasteTooBig', { sizeBytes: size, limitBytes: MAX_TEXT_BYTES });
  }

  // Counts for the stats line (characters are code points, as the engine sees them).
  // (a plain loop over UTF-16 units: for..of and a Set took ~100 ms on 1 MB)
  function stats(text) {
    var chars = 0, bytes = 0, distinct = 0, seen = new Uint8Array(65536), astral = new Set();
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      chars++;
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { astral.add(c * 1024 + d); bytes += 4; i++; continue; }
      }
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      if (!seen[c]) { seen[c] = 1; distinct++; }
    }
    return { chars: chars, bytes: bytes, distinct: distinct + astral.size };
  }

  return {
    MAX_TEXT_BYTES: MAX_TEXT_BYTES, MAX_MODEL_BYTES: MAX_MODEL_BYTES, SHAKESPEARE_URL: SHAKESPEARE_URL,
    UserError: UserError, decode: decode, readTextFile: readTextFile, readModelFile: readModelFile,
    fetchText: fetchText, checkUrl: checkUrl, stats: stats, utf8Bytes: utf8Bytes, checkTypedText: checkTypedText,
  };
})();
