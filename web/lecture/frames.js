// frames.js - the widget frames of the deck (iframe.widget-frame, each an
// embed.html?w=<id>&lang=<lang>). Only the frames near the current slide run:
//   - a frame on the current slide or the one before or after it is loaded
//     (its src set), so it is ready when the class gets there;
//   - a loaded frame that is not on the current slide is sent {command:'pause'};
//   - a frame farther away is unloaded: the element is replaced by a fresh one
//     without src, which ends its document and so its worker.
// It also listens to the widgets' events (ready, step, done, escape) and keeps
// a state per frame for the deck and the tests (snapshot()).
/* exported RnnLectureFrames */
'use strict';
var RnnLectureFrames = (function () {
  var NEAR = 1;

  // slides: the deck's slides in order (sections); opts: {lang(), embed
  // (URL of embed.html), onEscape(info), onEvent(info, data)}.
  function create(slides, opts) {
    var infos = [];
    slides.forEach(function (section, index) {
      section.querySelectorAll('iframe.widget-frame').forEach(function (el) {
        infos.push({ el: el, id: el.getAttribute('data-widget'), slide: index, state: 'unloaded',
          loads: 0, steps: 0, pauses: 0, events: [] });
      });
    });
    var current = -1;

    function src(info) {
      var hash = info.el.getAttribute('data-hash');
      return opts.embed + '?w=' + encodeURIComponent(info.id) + '&lang=' + opts.lang() + (hash ? '#' + hash : '');
    }
    function mark(info, state) { info.state = state; info.el.setAttribute('data-state', state); }
    function title(info) { info.el.title = info.el.getAttribute('data-title-' + opts.lang()) || info.id; }

    function load(info) {
      if (info.el.hasAttribute('src')) return;
      title(info);
      info.steps = 0;
      info.loads++;
      mark(info, 'loading');
      info.el.setAttribute('src', src(info));
    }
    // A new element in place of the old one: removing a frame from the
    // document ends its browsing context and the widget's worker with it
    // (removing the src attribute alone would not navigate the frame away).
    function unload(info) {
      if (!info.el.hasAttribute('src')) return;
      var fresh = info.el.cloneNode(false);
      fresh.removeAttribute('src');
      fresh.classList.remove('has-keys');
      info.el.parentNode.replaceChild(fresh, info.el);
      info.el = fresh;
      mark(info, 'unloaded');
    }
    function post(info, message) {
      if (!info.el.contentWindow || !info.el.hasAttribute('src')) return;
      try { info.el.contentWindow.postMessage(message, '*'); } catch (e) { /* a frame going away */ }
    }
    function pause(info) { info.pauses++; post(info, { command: 'pause' }); }

    // The class moved to slide `index`.
    function show(index) {
      current = index;
      infos.forEach(function (info) {
        var d = Math.abs(info.slide - index);
        if (d > NEAR) { unload(info); return; }
        load(info);
        if (info.slide !== index && info.state === 'ready') pause(info);
      });
    }

    // The print view: every frame, one after another (each starts when the one
    // before is ready or failed to within 30 s), so the pages show each widget.
    function loadAll() {
      var i = 0;
      (function next() {
        if (i >= infos.length) return;
        var info = infos[i++];
        load(info);
        var waited = 0;
        (function wait() {
          if (info.state === 'ready' || waited >= 30000) { next(); return; }
          waited += 200;
          setTimeout(wait, 200);
        })();
      })();
    }

    // The language changed: relabel every frame; the loaded ones start again
    // in the new language (a widget has no language command).
    function relabel() {
      infos.forEach(function (info) {
        title(info);
        if (info.el.hasAttribute('src')) { unload(info); load(info); }
      });
    }

    function infoOf(win) {
      for (var i = 0; i < infos.length; i++) if (infos[i].el.contentWindow === win) return infos[i];
      return null;
    }
    function onMessage(ev) {
      var d = ev.data;
      if (!d || typeof d !== 'object' || d.source !== 'rnn-widget') return;
      var info = infoOf(ev.source);
      if (!info) return;
      if (d.event === 'ready') {
        mark(info, 'ready');
        // a frame that became ready while its slide is not the current one waits paused
        if (info.slide !== current) pause(info);
      } else if (d.event === 'step') info.steps++;
      if (info.events.length < 50) info.events.push(d.event);
      if (d.event === 'escape' && opts.onEscape) opts.onEscape(info);
      if (opts.onEvent) opts.onEvent(info, d);
    }
    window.addEventListener('message', onMessage);
    infos.forEach(function (info) { mark(info, 'unloaded'); title(info); });

    return {
      show: show,
      loadAll: loadAll,
      relabel: relabel,
      frameOf: function (el) { for (var i = 0; i < infos.length; i++) if (infos[i].el === el) return infos[i]; return null; },
      // For the tests and the bench: one plain object per frame.
      snapshot: function () {
        return infos.map(function (i) {
          return { id: i.id, slide: i.slide, state: i.state, loaded: i.el.hasAttribute('src'), loads: i.loads,
            steps: i.steps, pauses: i.pauses, events: i.events.slice() };
        });
      },
    };
  }

  return { create: create, NEAR: NEAR };
})();
