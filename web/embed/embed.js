// embed.js - embed.html?w=<id>&lang=pt|en: one widget and nothing else, for
// a slide (an iframe at 960×540 or 1280×720). Loads the widget's files from
// the registry, reads its settings from the URL hash (nonsense named and
// replaced by defaults) and hands it to host.js.
/* global RnnLocale, RnnHashSchema, RnnLoadScripts, RnnWidgetRegistry, RnnWidgetHost, RnnEmbedStrings, RnnBoot */
'use strict';
(function () {
  var query = new URLSearchParams(location.search);
  var id = query.get('w') || '';
  var lang = RnnLocale.pick(query.get('lang'), navigator.languages);
  var t = RnnLocale.translator(RnnEmbedStrings, function () { return lang; });
  var el = document.getElementById('widget');
  var notice = document.getElementById('embed-notice');
  var noticeMsg = null;   // {key, params}, rewritten on a language switch
  var host = null;
  var buttons = {
    play: document.getElementById('btn-play'),
    step: document.getElementById('btn-step'),
    reset: document.getElementById('btn-reset'),
  };

  function label() {
    document.documentElement.lang = RnnLocale.tag(lang);
    document.querySelectorAll('[data-k]').forEach(function (e) { e.textContent = t(e.getAttribute('data-k')); });
    document.getElementById('embed-lang').lang = RnnLocale.tag(lang === 'pt' ? 'en' : 'pt');
    notice.hidden = !noticeMsg;
    notice.textContent = noticeMsg ? t(noticeMsg.key, noticeMsg.params) : '';
    if (host) document.title = t('pageTitle', { title: host.title() });
  }

  function say(key, params) { noticeMsg = { key: key, params: params || {} }; label(); }

  document.getElementById('embed-lang').addEventListener('click', function () {
    lang = lang === 'pt' ? 'en' : 'pt';
    if (host) host.relabel(lang);
    label();
  });

  function start() {
    label();
    var list = RnnWidgetRegistry.ids().join(', ');
    if (!id) { say('noWidget', { list: list }); return; }
    var row = RnnWidgetRegistry.row(id);
    if (!row) { say('unknownWidget', { id: id.slice(0, 40), list: list }); return; }
    RnnLoadScripts.load(RnnWidgetRegistry.files(row)).then(function () {
      try {
        host = RnnWidgetHost.mount(RnnWidgetRegistry.get(id), {
          id: id, el: el, lang: lang, hash: location.hash, buttons: buttons, onLabels: label,
        });
      } catch (e) { RnnBoot.fail('widget', e); return; }
      var invalid = host.invalid.slice();
      if (query.has('lang') && RnnLocale.LANGS.indexOf(query.get('lang')) < 0) invalid.unshift('lang');
      if (host.tooLong) say('hashTooLong', { max: RnnHashSchema.MAX_HASH.toLocaleString(RnnLocale.tag(lang)) });
      else if (invalid.length) say('ignored', { keys: invalid.join(', ') });
      label();
    }, function (e) {
      // a file that could not be loaded is already named by shared/boot.js
      if (!RnnBoot.failures().length) RnnBoot.fail('widget', e);
    });
  }

  start();
})();
