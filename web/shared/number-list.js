// number-list.js - a short list of numbers typed by a person or written in a
// link: "2; -0.5; 1; 1" (separators: ";" or spaces; decimal mark "." or ",",
// so "2; -0,5" in Portuguese; minus "-" or "−"; at most 3 digits before and
// after the mark). pattern(max) is the hash-schema `pattern` of such a field
// (1..max numbers); parse() turns a string that matched it into numbers;
// format() writes numbers back in a language (from 100 000 on, short:
// "1.2M", "1,2 mi"). No DOM here.
'use strict';
var RnnNumberList = (function () {
  var NUM = '[-\u2212]?(\\d{1,3}([.,]\\d{1,3})?|[.,]\\d{1,3})';

  function pattern(max) {
    return new RegExp('^\\s*' + NUM + '(\\s*[;\\s]\\s*' + NUM + '){0,' + (max - 1) + '}\\s*$');
  }

  function parse(s) {
    return String(s).trim().split(/\s*[;\s]\s*/).map(function (v) {
      return Number(v.replace('\u2212', '-').replace(',', '.'));
    });
  }

  // one number: at most 3 decimals, no grouping ("1234,5" in pt-BR), minus U+2212
  function one(x, lang) {
    if (typeof x !== 'number' || !isFinite(x)) return '–';
    if (Object.is(x, -0)) x = 0;
    var tag = lang === 'pt' ? 'pt-BR' : 'en';
    var s = Math.abs(x) >= 1e5 ? x.toLocaleString(tag, { notation: 'compact', maximumSignificantDigits: 3 })
      : x.toLocaleString(tag, { maximumFractionDigits: 3, useGrouping: false });
    return s.replace(/^-/, '\u2212');   // a real minus sign
  }

  function format(xs, lang) { return xs.map(function (x) { return one(x, lang); }).join('; '); }

  return { pattern: pattern, parse: parse, format: format, one: one };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnNumberList;
