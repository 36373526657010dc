// speaker.js - the speaker window (key S): lecture.html?speaker in a second
// window, the same deck with reveal.js's notes beside each slide and no live
// widget (it would double the memory). The two windows follow each other:
// each posts {source: 'rnn-lecture', slide: h} to the other when its slide
// changes, and moves to a slide the other names. (reveal.js's own notes
// plugin writes inline scripts into a popup, which this deck's CSP forbids.)
/* exported RnnLectureSpeaker */
'use strict';
var RnnLectureSpeaker = (function () {
  var SOURCE = 'rnn-lecture';

  // isSpeaker: this window is the speaker window; deck: {count(), current(), go(h), lang()}.
  function create(isSpeaker, deck) {
    var other = isSpeaker ? window.opener : null;

    function send(h) {
      if (!other || other.closed) return;
      try { other.postMessage({ source: SOURCE, slide: h }, '*'); } catch (e) { /* closed meanwhile */ }
    }
    window.addEventListener('message', function (ev) {
      if (!other || ev.source !== other) return;
      var d = ev.data;
      if (!d || typeof d !== 'object' || d.source !== SOURCE) return;
      var h = d.slide;
      if (typeof h !== 'number' || h !== Math.floor(h) || h < 0 || h >= deck.count()) return;
      if (h !== deck.current()) deck.go(h);
    });

    return {
      // Opens (or brings back) the speaker window; from the main window only.
      open: function () {
        if (isSpeaker) return;
        if (other && !other.closed) { other.focus(); send(deck.current()); return; }
        var url = location.pathname.split('/').pop() + '?speaker' + (deck.lang() === 'en' ? '&lang=en' : '') + location.hash;
        other = window.open(url, 'rnn-lecture-speaker', 'width=1100,height=700');
        if (other) other.addEventListener('load', function () { send(deck.current()); });
      },
      changed: send,
    };
  }

  return { create: create, SOURCE: SOURCE };
})();
