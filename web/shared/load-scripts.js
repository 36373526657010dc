// load-scripts.js - adds classic scripts and style sheets to the page, one
// after the other, and resolves when all have run (the embed and gallery
// pages load only the widgets they show). Works from file:// and over http:
// the files are the page's own ('self' in the CSP).
'use strict';
var RnnLoadScripts = (function () {
  function one(src) {
    return new Promise(function (resolve, reject) {
      var css = /\.css$/.test(src);
      var el = document.createElement(css ? 'link' : 'script');
      if (css) { el.rel = 'stylesheet'; el.href = src; } else { el.src = src; el.async = false; }
      el.onload = function () { resolve(); };
      el.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(el);
    });
  }

  function load(list) {
    return list.reduce(function (p, src) { return p.then(function () { return one(src); }); }, Promise.resolve());
  }

  return { load: load };
})();
