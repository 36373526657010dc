// boot.js - the first script of every page. Two jobs, with no dependency on
// any other file (any other file may be the one that failed):
// 1. A navigator.language (or an entry of navigator.languages) that is not a
//    valid language tag is replaced by a valid one before any library reads
//    it: WebKit under LANG=C reports "C", and uPlot's `new
//    Intl.NumberFormat(navigator.language)` throws at load on that.
// 2. Whatever fails while the page starts is named in one message
//    (#boot-failure, role=alert, in the page's language): a script that
//    throws or cannot be loaded (a missing generated file), or a part the
//    page starts itself (RnnBoot.part / RnnBoot.fail: the chart, the
//    engine's worker, the widget). The rest of the page keeps working.
//    The page calls RnnBoot.started() once it is up; errors after that are
//    no longer boot failures.
/* exported RnnBoot */
'use strict';
var RnnBoot = (function () {
  var STR = {
    en: {
      head: 'Part of the page could not start:',
      script: '{file} stopped with an error ({detail})',
      scriptMuted: '{file} stopped with an error',
      missing: '{file} could not be loaded (a missing file?)',
      part: '{part}: {detail}',
      chart: 'the chart (the rest of the page works without it)',
      engine: 'the engine (its worker could not start)',
      widget: 'the widget',
      page: 'the page',
    },
    pt: {
      head: 'Parte da página não pôde começar:',
      script: '{file} parou com um erro ({detail})',
      scriptMuted: '{file} parou com um erro',
      missing: '{file} não pôde ser carregado (arquivo ausente?)',
      part: '{part}: {detail}',
      chart: 'o gráfico (o resto da página funciona sem ele)',
      engine: 'o motor (o worker dele não pôde começar)',
      widget: 'o widget',
      page: 'a página',
    },
  };
  var entries = [];
  var done = false;
  var box = null;

  function validTag(tag) {
    try { return typeof tag === 'string' && Intl.getCanonicalLocales(tag).length === 1; } catch (e) { return false; }
  }

  // Shadows navigator.language(s) on the navigator object when they are not valid tags.
  function fixLocale() {
    var nav = window.navigator;
    if (!nav) return;
    var list = Array.prototype.slice.call(nav.languages || []);
    var good = list.filter(validTag);
    var first = validTag(nav.language) ? nav.language : (good[0] || 'en-US');
    try {
      if (first !== nav.language) Object.defineProperty(nav, 'language', { value: first, configurable: true });
      if (good.length !== list.length) Object.defineProperty(nav, 'languages', { value: Object.freeze(good.length ? good : [first]), configurable: true });
    } catch (e) { /* a navigator that cannot be shadowed: nothing else to do */ }
  }

  function lang() {
    var l = (document.documentElement && document.documentElement.lang) || '';
    return /^pt/i.test(l) ? 'pt' : 'en';
  }

  function t(key, params) {
    var s = STR[lang()][key] || STR.en[key] || key;
    return s.replace(/\{(\w+)\}/g, function (m, k) { return params && params[k] !== undefined ? String(params[k]) : m; });
  }

  // A file's address as the page names it: the part after web/ (or its last segment).
  function fileName(url) {
    var s = String(url || '');
    if (/^blob:/.test(s)) return 'worker';
    var m = /\/web\/(.+)$/.exec(s.split(/[?#]/)[0]);
    return m ? m[1] : s.split(/[?#]/)[0].split('/').pop() || '?';
  }

  function detailOf(e) {
    if (!e) return '?';
    if (e.message) return (e.name && e.name !== 'Error' ? e.name + ': ' : '') + e.message;
    return String(e);
  }

  function render() {
    if (!entries.length || !document.body) return;
    if (!box) {
      box = document.createElement('div');
      box.id = 'boot-failure';
      box.setAttribute('role', 'alert');
      box.className = 'boot-failure';
      // CSSOM styles (allowed by the pages' CSP): this must show even when a style sheet is missing
      box.style.background = '#fdecea';
      box.style.color = '#611a15';
      box.style.border = '1px solid #f5c2c0';
      box.style.padding = '0.5em 0.75em';
      box.style.margin = '0.5em';
      box.style.font = '14px/1.4 system-ui, sans-serif';
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = t('head') + ' ' + entries.map(function (x) {
      if (x.kind === 'missing') return t('missing', { file: x.file });
      if (x.kind === 'script') return t(x.detail ? 'script' : 'scriptMuted', { file: x.file, detail: x.detail });
      return t('part', { part: t(x.part), detail: x.detail });
    }).join('; ') + '.';
    box.setAttribute('data-count', String(entries.length));
  }

  function add(entry) {
    var key = JSON.stringify(entry);
    for (var i = 0; i < entries.length; i++) if (JSON.stringify(entries[i]) === key) return;
    entries.push(entry);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
    else render();
  }

  // part: 'chart' | 'engine' | 'widget' | 'page' (the names above)
  function fail(part, e) { add({ kind: 'part', part: part, detail: detailOf(e) }); }

  // Runs make(); if it throws, names the failure and returns an object whose
  // methods (the names in `methods`) do nothing, so the page goes on without it.
  function part(name, make, methods) {
    try { return make(); } catch (e) {
      fail(name, e);
      var stub = {};
      (methods || []).forEach(function (m) { stub[m] = function () {}; });
      return stub;
    }
  }

  function onError(ev) {
    if (done) return;
    var target = ev.target;
    if (target && target !== window && (target.tagName === 'SCRIPT' || target.tagName === 'LINK')) {
      add({ kind: 'missing', file: fileName(target.src || target.href) });
      return;
    }
    // a muted error (Chromium treats each file:// script as another origin:
    // "Script error.", no file, no error object): the running script names the file
    var file = ev.filename || (document.currentScript && document.currentScript.src) || '';
    var muted = !ev.error && /^Script error\.?$/.test(String(ev.message));
    var detail = ev.error ? detailOf(ev.error) : muted ? '' : String(ev.message || '?').replace(/^Uncaught /, '');
    add({ kind: 'script', file: fileName(file), detail: detail });
  }

  function onRejection(ev) { if (!done) fail('page', ev.reason); }

  fixLocale();
  window.addEventListener('error', onError, true);   // capture: a <script>'s load error does not bubble
  window.addEventListener('unhandledrejection', onRejection);
  // the message follows the page's language switch
  if (window.MutationObserver) new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  return {
    fail: fail,
    part: part,
    started: function () { done = true; },
    failures: function () { return entries.slice(); },
    validTag: validTag,
  };
})();
