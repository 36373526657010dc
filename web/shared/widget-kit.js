// widget-kit.js - the pieces every lecture widget view (web/widgets/*/view.js)
// shares: a DOM node helper, the serial queue of worker requests, the queue
// of commands (in order; pause and reset cancel waiting plays and steps), the play
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
  // Every queue of the page counts its requests not yet done (busy), so that
  // commands wait for the work of the commands before them (commandQueue).
  var busy = 0, idleWaiters = [];
  function settled() {
    busy--;
    if (busy === 0) idleWaiters.splice(0).forEach(function (f) { f(); });
  }
  function serialQueue(fail) {
    var queue = Promise.resolve();
    return function serial(fn) {
      busy++;
      queue = queue.then(fn).catch(fail).then(function (v) { settled(); return v; });
      return queue;
    };
  }
  // fn() once no worker request is queued or running (at once if none is)
  function whenIdle(fn) { if (busy === 0) fn(); else idleWaiters.push(fn); }

  // The widget's commands (play, pause, step, reset, setInput: buttons, keys
  // and postMessage alike) apply in the order they came: each runs once the
  // worker requests queued by the ones before it are done, so a play sent
  // right after a reset sees the new model. pause runs at once and, like
  // reset, cancels the plays and steps still waiting; a play already waiting
  // is not queued twice; at most MAX_STEPS steps wait (10,000 step messages
  // do not become 10,000 worker requests). run(command, input) applies one.
  // Returns submit(command, input) -> {ok: true} or {ok: false, reason}.
  var MAX_STEPS = 8;
  function commandQueue(run) {
    var waiting = [], armed = false;
    function count(name) { return waiting.filter(function (c) { return c.command === name; }).length; }
    function pump() {
      while (waiting.length) {
        if (busy > 0) {
          if (!armed) { armed = true; whenIdle(function () { armed = false; pump(); }); }
          return;
        }
        var c = waiting.shift();
        run(c.command, c.input);
      }
    }
    return function submit(command, input) {
      if (command === 'pause' || command === 'reset') {
        waiting = waiting.filter(function (c) { return c.command !== 'play' && c.command !== 'step'; });
      }
      if (command === 'pause') { run('pause'); return { ok: true }; }
      if (command === 'step' && count('step') >= MAX_STEPS) {
        return { ok: false, reason: 'too many steps waiting (at most ' + MAX_STEPS + '); wait for their step events' };
      }
      if (command === 'play' && count('play') > 0) return { ok: true };
      waiting.push({ command: command, input: input });
      pump();
      return { ok: true };
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

  return { node: node, serialQueue: serialQueue, whenIdle: whenIdle, commandQueue: commandQueue, MAX_STEPS: MAX_STEPS,
    playLoop: playLoop, startWorker: startWorker };
})();
