// gallery.js - every registered widget: title and summary (its strings.js),
// a live preview (an iframe of embed.html) and the snippets to copy.
/* global RnnLocale, RnnLoadScripts, RnnWidgetRegistry, RnnGalleryStrings, RnnGallerySnippets, RnnWidgetKit, RnnBoot */
'use strict';
(function () {
  var lang = RnnLocale.pick(new URLSearchParams(location.search).get('lang'), navigator.languages);
  var t = RnnLocale.translator(RnnGalleryStrings, function () { return lang; });
  var list = document.getElementById('widget-list');

  var node = RnnWidgetKit.node; // a new element with class, parent and text (shared/widget-kit.js)

  function copyButton(parent, pre) {
    var b = node('button', 'secondary copy', parent, t('copy'));
    b.type = 'button';
    b.addEventListener('click', function () {
      var done = function (key) { b.textContent = t(key); setTimeout(function () { b.textContent = t('copy'); }, 1500); };
      var select = function () {
        var r = document.createRange();
        r.selectNodeContents(pre);
        var s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        done('selected');
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(pre.textContent).then(function () { done('copied'); }, select);
      } else select();
    });
  }

  function card(row) {
    var wt = RnnLocale.translator(RnnWidgetRegistry.get(row.id).strings, function () { return lang; });
    var sec = node('section', 'panel wide widget-card', list);
    sec.id = 'widget-' + row.id;
    node('h2', null, sec, wt('title'));
    node('p', null, sec, wt('summary'));
    var body = node('div', 'widget-body', sec);
    var box = node('div', 'preview', body);
    var frame = node('iframe', null, box);
    frame.src = 'embed.html?w=' + encodeURIComponent(row.id) + '&lang=' + lang;
    frame.title = t('preview', { title: wt('title') });
    frame.loading = 'lazy';
    var side = node('div', 'snippets', body);
    var open = node('a', 'nav-link', side, t('openFull'));
    open.href = frame.src;
    var code = RnnGallerySnippets.make(row.id, lang, wt('title'), location.href);
    [['snippetIframe', code.iframe], ['snippetReveal', code.reveal], ['snippetMarp', code.marp]].forEach(function (s) {
      var head = node('div', 'snippet-head', side);
      node('h3', null, head, t(s[0]));
      var pre = node('pre', 'snippet', side);
      node('code', null, pre, s[1]);
      copyButton(head, pre);
    });
  }

  function render() {
    document.documentElement.lang = RnnLocale.tag(lang);
    document.title = t('pageTitle');
    document.querySelectorAll('[data-k]').forEach(function (e) { e.textContent = t(e.getAttribute('data-k')); });
    document.getElementById('lang-toggle').lang = RnnLocale.tag(lang === 'pt' ? 'en' : 'pt');
    list.textContent = '';
    RnnWidgetRegistry.ROWS.forEach(card);
  }

  document.getElementById('lang-toggle').addEventListener('click', function () {
    lang = lang === 'pt' ? 'en' : 'pt';
    render();
  });

  // a strings file that cannot be loaded is named by shared/boot.js (the missing file)
  RnnLoadScripts.load(RnnWidgetRegistry.stringFiles()).then(function () { render(); RnnBoot.started(); }, function (e) {
    if (!RnnBoot.failures().length) RnnBoot.fail('page', e);
    render();
  });
})();
