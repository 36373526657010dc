// locale.js - the i18n core of the widgets and of the embed and gallery pages:
// the two languages, choosing one, a translator over a {en, pt} string table
// ({name} placeholders), and number formats. No DOM here.
'use strict';
var RnnLocale = (function () {
  var LANGS = ['en', 'pt'];

  // The language a link asks for, else the browser's first en/pt, else en.
  function pick(asked, navigatorLanguages) {
    if (LANGS.indexOf(asked) >= 0) return asked;
    var list = navigatorLanguages || [];
    for (var i = 0; i < list.length; i++) {
      var l = String(list[i]).toLowerCase();
      if (l.indexOf('pt') === 0) return 'pt';
      if (l.indexOf('en') === 0) return 'en';
    }
    return 'en';
  }

  function tag(lang) { return lang === 'pt' ? 'pt-BR' : 'en'; }

  // strings: {en: {key: text}, pt: {...}}; getLang(): the current language.
  function translator(strings, getLang) {
    return function t(key, params) {
      var table = strings[getLang()] || strings.en;
      var s = table[key] !== undefined ? table[key] : strings.en[key];
      if (s === undefined) return key;
      return s.replace(/\{(\w+)\}/g, function (m, name) {
        return params && params[name] !== undefined ? String(params[name]) : m;
      });
    };
  }

  // A shown number has a real minus sign (U+2212), not a hyphen.
  function minus(s) { return s.replace(/^-/, '\u2212'); }

  function number(x, digits, lang) {
    if (typeof x !== 'number' || !isFinite(x)) return '–';
    return minus(x.toLocaleString(tag(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }

  // 0.973 -> "97%" (pt-BR: "97%"); a formatted value, not a computation.
  function percent(p, lang) {
    if (typeof p !== 'number' || !isFinite(p)) return '–';
    return minus(p.toLocaleString(tag(lang), { style: 'percent', maximumFractionDigits: 0 }));
  }

  return { LANGS: LANGS, pick: pick, tag: tag, translator: translator, number: number, percent: percent, minus: minus };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnLocale;
