// widget-kit.js - the pieces every lecture widget view (web/widgets/*/view.js)
// shares: a DOM node helper, the serial queue of worker requests, the play
// loop (one tick, a pause, the next tick) and the start of the widget's
// worker. Loaded once by embed.html, before any widget's files.
/* global RnnWorkerClient, RNN_WIDGET_WORKER_SOURCES, RNN_ENGINE_GLUE, RnnBoot */
'use strict';
var RnnWidgetKit = (function () {
  // A new element: class cls (if any), appended to parent (if any), with
  // text as its textContent (if given).
  function node(tag, cls, parent, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  // Worker requests run one after another, in the order they were asked for
  // (a reset pressed during a training chunk waits for it); a failure goes to
  // fail and the queue goes on. Returns serial(fn) -> the queue's promise.
  function serialQueue(fail) {
    var queue = Promise.resolve();
    return function serial(fn) {
      queue = queue.then(fn).catch(fail);
      return queue;
    };
  }

  // The play state of a widget and its loop: while playing and running()
  // (the widget is ready and not destroyed), one tick, a pause of delay ms (a
  // number or a function returning one), the next tick. The tick goes
  // through serial (a worker request) or, without one, runs at once (a step
  // the view already has). play() starts the loop unless one is going;
  // pause() stops it and cancels the pending pause; halt() only clears the
  // flag (the loop ends after the tick in flight: the end of training, a
  // failure); arm() only sets it (the view starts the loop itself); start()
  // resumes a play asked for before the widget was ready.
  function playLoop(o) {
    var playing = false, timer = 0, looping = false;
    function wait() { return typeof o.delay === 'function' ? o.delay() : o.delay; }
    function going() { return playing && o.running(); }
    function next() {
      if (going()) timer = setTimeout(loop, wait());
      else looping = false;
    }
    function loop() {
      timer = 0;
      if (!going()) { looping = false; return; }
      looping = true;
      if (o.serial) o.serial(o.tick).then(next);
      else { o.tick(); next(); }
    }
    function start() { if (!looping) loop(); }
    return {
      playing: function () { return playing; },
      looping: function () { return looping; },
      start: start,
      play: function () { playing = true; start(); },
      halt: function () { playing = false; },
      arm: function () { playing = true; },
      pause: function () {
        playing = false;
        if (timer) { clearTimeout(timer); timer = 0; looping = false; }
      },
    };
  }

  // Starts widget id's worker (its source from gen/widget-<id>-worker-sources.js)
  // and resolves with what setup(client) resolves with.
  function startWorker(id, setup) {
    return Promise.resolve().then(function () {   // a missing worker source or a Worker that throws: a rejection
      return RnnWorkerClient.start({ common: RNN_WIDGET_WORKER_SOURCES[id].common, glue: typeof RNN_ENGINE_GLUE === 'object' ? RNN_ENGINE_GLUE : null });
    }).then(function (r) {
      return setup(r.client);
    }, function (e) {
      // named once for the page (shared/boot.js), then the widget's own status says it too
      if (typeof RnnBoot === 'object') RnnBoot.fail('engine', e);
      throw e;
    });
  }

  return { node: node, serialQueue: serialQueue, playLoop: playLoop, startWorker: startWorker };
})();
