// texts.js - localized text in the page. say(el, key, params) writes a
// string with textContent (never HTML) and remembers it, so that relabel()
// can rewrite every such text when the language changes; message() is the
// one alert line under the header.
/* global RnnI18n */
'use strict';
var RnnTexts = (function () {
  var dynamic = new Map(); // element -> {key, params}

  // Params may name other keys (reasonKey, whatKey), hold sizes in bytes or
  // plain counts (*Num), all formatted in the current language.
  function resolve(p) {
    var out = {};
    Object.keys(p).forEach(function (k) { out[k] = p[k]; });
    if (p.whatKey) out.what = RnnI18n.t(p.whatKey);
    if (p.reasonKey) out.reason = RnnI18n.t(p.reasonKey, p);
    if (p.sizeBytes !== undefined) out.size = RnnI18n.size(p.sizeBytes);
    if (p.limitBytes !== undefined) out.limit = RnnI18n.size(p.limitBytes);
    Object.keys(p).forEach(function (k) {
      if (/Num$/.test(k)) out[k.slice(0, -3)] = RnnI18n.number(p[k], 0);
    });
    return out;
  }

  function say(el, key, params) {
    if (key === null) { dynamic.delete(el); el.textContent = ''; return; }
    dynamic.set(el, { key: key, params: params || {} });
    el.textContent = RnnI18n.t(key, resolve(params || {}));
  }

  function relabel() {
    dynamic.forEach(function (v, el) { el.textContent = RnnI18n.t(v.key, resolve(v.params)); });
  }

  // kind: 'error' (default), 'warn' or 'info'; message(null) hides it.
  function message(key, params, kind) {
    var el = document.getElementById('message');
    if (!key) { el.hidden = true; say(el, null); return; }
    el.className = 'message ' + (kind || 'error');
    el.hidden = false;
    say(el, key, params);
  }

  // Hides the message if it still shows key (a problem that a later action
  // put right: the paste that was too big, once a paste is accepted).
  function clearMessage(key) {
    var el = document.getElementById('message'), v = dynamic.get(el);
    if (!el.hidden && v && v.key === key) message(null);
  }

  // A user error (corpus-input.js's UserError: {key, params}) carries its own
  // message key; anything else is shown with fallbackKey and its message as the
  // reason. Tested by shape, not class: texts.js also serves l2e.html, which
  // does not load corpus-input.js.
  function userError(e, fallbackKey) {
    if (e && typeof e.key === 'string' && RnnI18n.STRINGS.en[e.key] !== undefined) message(e.key, e.params);
    else message(fallbackKey || 'errSetup', { reason: e && e.message ? e.message : String(e) });
  }

  return { say: say, relabel: relabel, message: message, clearMessage: clearMessage, userError: userError };
})();
