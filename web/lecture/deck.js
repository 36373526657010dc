// deck.js - web/lecture.html: reveal.js with this deck's rules.
//   - pt-BR by default, English with ?lang=en or the key L (the language
//     button does the same); every text is a lang="pt-BR" / lang="en" pair;
//   - the URL hash names the slide (#/bptt), so a link opens where the class stopped;
//   - → / ← move slides while the deck has the keyboard; a click on a widget
//     gives it the keyboard (its frame is outlined and a line says so); Esc in
//     the widget posts an 'escape' event and the deck takes the keyboard back;
//   - the widgets near the current slide run, the others are paused or
//     unloaded (frames.js); ?print-pdf is reveal.js's print view, with every
//     widget loaded one after another; ?speaker is the speaker window (speaker.js).
/* global Reveal, RnnLectureStrings, RnnLectureFrames, RnnLectureSpeaker, RnnBoot */
'use strict';
var RnnLecture = (function () {
  var query = new URLSearchParams(location.search);
  var isSpeaker = query.has('speaker');
  var isPrint = /(^|[?&])print-pdf(&|=|$)/i.test(location.search.slice(1));
  var lang = query.get('lang') === 'en' ? 'en' : 'pt';
  var root = document.documentElement;
  var deckEl = document.querySelector('.reveal');
  var slides = Array.prototype.slice.call(document.querySelectorAll('.reveal .slides > section'));
  var focusLine = document.getElementById('deck-focus');
  var langButton = document.getElementById('deck-lang');
  var t = function (key) { return RnnLectureStrings[lang][key]; };

  var frames = isSpeaker ? null : RnnLectureFrames.create(slides, {
    lang: function () { return lang; }, embed: 'embed.html', onEscape: takeKeysBack,
  });
  var speaker = RnnLectureSpeaker.create(isSpeaker, {
    count: function () { return slides.length; },
    current: function () { return Reveal.getIndices().h; },
    go: function (h) { Reveal.slide(h); },
    lang: function () { return lang; },
  });

  function label() {
    root.lang = lang === 'pt' ? 'pt-BR' : 'en';
    root.classList.toggle('lang-pt', lang === 'pt');
    root.classList.toggle('lang-en', lang === 'en');
    langButton.textContent = t('otherLanguage');
    langButton.lang = lang === 'pt' ? 'en' : 'pt-BR';
    focusLine.textContent = t('widgetHasKeys');
    document.title = t('pageTitle');
  }

  // The language in the query too, so that a reload or a copied link keeps it.
  function setLang(next) {
    lang = next;
    label();
    if (frames) frames.relabel();
    try {
      var q = new URLSearchParams(location.search);
      if (lang === 'en') q.set('lang', 'en'); else q.delete('lang');
      var s = q.toString().replace(/=(&|$)/g, '$1');
      history.replaceState(history.state, '', location.pathname + (s ? '?' + s : '') + location.hash);
    } catch (e) { /* some browsers refuse a changed query on file:// */ }
  }
  function toggleLang() { setLang(lang === 'pt' ? 'en' : 'pt'); }

  // Which element has the keyboard: a widget frame (after a click) or the deck.
  function syncFocus() {
    var a = document.activeElement;
    var inWidget = !!(a && a.classList && a.classList.contains('widget-frame'));
    document.querySelectorAll('.widget-frame').forEach(function (f) { f.classList.toggle('has-keys', f === a); });
    focusLine.hidden = !inWidget;
    deckEl.setAttribute('data-keys', inWidget ? 'widget' : 'deck');
  }
  function takeKeysBack() {
    var a = document.activeElement;
    if (a && a !== document.body && a.blur) a.blur();
    deckEl.focus({ preventScroll: true });
    syncFocus();
  }
  // A frame that takes the focus blurs this window (the frame's document has it now).
  window.addEventListener('blur', function () { setTimeout(syncFocus, 0); });
  window.addEventListener('focus', syncFocus);
  document.addEventListener('focusin', syncFocus);

  function onSlide(h) {
    if (frames && !isPrint) frames.show(h);
    // a frame left behind keeps no keyboard
    var a = document.activeElement;
    if (a && a.classList && a.classList.contains('widget-frame') && !slides[h].contains(a)) takeKeysBack();
    speaker.changed(h);
  }

  langButton.addEventListener('click', function () { toggleLang(); takeKeysBack(); });
  root.classList.toggle('speaker', isSpeaker);
  label();
  // The print view lays the slides out on pages (moving them: a frame loaded
  // before would load again), then says 'pdf-ready'; the widgets load after it.
  var printed = false;
  if (isPrint && frames) Reveal.on('pdf-ready', function () { if (!printed) { printed = true; frames.loadAll(); } });

  Reveal.initialize({
    width: 1280, height: 720, margin: 0.04, center: true,
    hash: true, history: false, respondToHashChanges: true,
    controls: true, progress: true, slideNumber: 'c/t', help: true,
    transition: 'none', backgroundTransition: 'none',
    viewDistance: 3, preloadIframes: false, postMessage: false, postMessageEvents: false,
    showNotes: isSpeaker, pdfMaxPagesPerSlide: 1, pdfSeparateFragments: false,
  }).then(function () {
    // these two replace reveal.js's own L (→) and S; its help overlay (?) lists them
    Reveal.addKeyBinding({ keyCode: 76, key: 'L', description: 'Português / English' }, toggleLang);
    Reveal.addKeyBinding({ keyCode: 83, key: 'S', description: 'Notas do apresentador / speaker notes' }, function () { speaker.open(); });
    if (!isPrint) onSlide(Reveal.getIndices().h);
    Reveal.on('slidechanged', function (e) { onSlide(e.indexh); });
    takeKeysBack();
    root.setAttribute('data-deck', 'ready');
    RnnBoot.started();
  }, function (e) { RnnBoot.fail('page', e); });

  return {
    frames: function () { return frames ? frames.snapshot() : []; },
    lang: function () { return lang; },
    setLang: setLang,
    slideCount: function () { return slides.length; },
  };
})();
