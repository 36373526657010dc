// snippets.js - the copy-paste code that puts a widget on a slide: a plain
// iframe, a reveal.js slide, a Marp slide. 960×540: a 16:9 frame the widget
// fills without scrolling (1280×720 works too).
'use strict';
var RnnGallerySnippets = (function () {
  // Over http(s) the published address; from disk a path relative to the deck
  // (the web/ folder copied next to it).
  function embedUrl(id, lang, pageHref) {
    var q = 'embed.html?w=' + encodeURIComponent(id) + '&lang=' + lang;
    return /^https?:/.test(pageHref) ? new URL(q, pageHref).href : 'web/' + q;
  }

  function make(id, lang, title, pageHref) {
    var src = embedUrl(id, lang, pageHref).replace(/&/g, '&amp;');
    var attrs = 'width="960" height="540" style="border:0" title="' + title.replace(/"/g, '&quot;') + '"';
    return {
      iframe: '<iframe src="' + src + '" ' + attrs + '></iframe>',
      reveal: '<section>\n  <iframe data-src="' + src + '" data-preload ' + attrs + '></iframe>\n</section>',
      marp: '---\nmarp: true\n---\n\n<iframe src="' + src + '" ' + attrs + '></iframe>\n',
    };
  }

  return { make: make, embedUrl: embedUrl };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnGallerySnippets;
