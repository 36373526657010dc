// host.js - runs one widget: mounts it, and wires the Play / Step / Reset
// buttons, the keyboard (space = play/pause, → = one step, r = reset) and
// the postMessage API (shared/widget-api.js) to the widget's instance.
// Events the widget emits ('ready', 'step', 'done') go to the parent frame.
/* global RnnLocale, RnnHashSchema, RnnWidgetApi, RnnWidgetRegistry, RnnWidgetKit, RnnBoot */
'use strict';
var RnnWidgetHost = (function () {
  // def: the registered parts {strings, schema, mount}; opts: {id, el, lang,
  // hash, buttons: {play, step, reset}, onLabels()}.
  function mount(def, opts) {
    var lang = opts.lang;
    var getLang = function () { return lang; };
    var hash = RnnHashSchema.make(def.schema.fields);
    var parsed = hash.parse(opts.hash);
    var target = window.parent;
    var instance = null;
    var emit = function (name, data) {
      if (name === 'ready') RnnBoot.started();
      try { target.postMessage(RnnWidgetApi.event(opts.id, name, data), '*'); } catch (e) { /* a closed parent */ }
      syncButtons();
    };
    var ctx = {
      id: opts.id,
      settings: parsed.state,
      t: RnnLocale.translator(def.strings, getLang),
      lang: getLang,
      number: function (x, d) { return RnnLocale.number(x, d, lang); },
      percent: function (p) { return RnnLocale.percent(p, lang); },
      emit: emit,
      changed: function () { syncButtons(); },
    };
    var b = opts.buttons;
    function syncButtons() {
      if (!instance) return;
      var ready = instance.ready();
      b.play.disabled = b.step.disabled = b.reset.disabled = !ready;
      b.play.setAttribute('data-k', instance.playing() ? 'pause' : 'play');
      b.play.setAttribute('aria-pressed', instance.playing() ? 'true' : 'false');
      opts.onLabels();
    }

    // every command goes through the kit's queue: in order, pause and reset
    // cancel waiting plays and steps, a bounded number of steps wait
    var submit = RnnWidgetKit.commandQueue(function (command, input) { run(command, input); });

    function run(command, input) {
      if (command === 'play') instance.play();
      else if (command === 'pause') instance.pause();
      else if (command === 'step') instance.step();
      else if (command === 'reset') instance.reset();
      else if (command === 'setInput') instance.setInput(input);
      syncButtons();
    }

    function onKey(ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      // Esc gives the keyboard back to the page that embeds us (a deck): the
      // frame cannot move the parent's focus itself, so it says so and the
      // parent refocuses (web/lecture/widgets.js); also from a text field.
      if (ev.key === 'Escape' || ev.key === 'Esc') {
        if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
        try { target.postMessage(RnnWidgetApi.event(opts.id, 'escape'), '*'); } catch (e) { /* a closed parent */ }
        return;
      }
      var tag = ev.target && ev.target.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      if (ev.key === ' ' || ev.key === 'Spacebar') {
        if (tag === 'BUTTON') return;          // a focused button's own space press
        ev.preventDefault();
        submit(instance.playing() ? 'pause' : 'play');
      } else if (ev.key === 'ArrowRight') { ev.preventDefault(); submit('step'); }
      else if (ev.key === 'r' || ev.key === 'R') { ev.preventDefault(); submit('reset'); }
    }

    function onMessage(ev) {
      if (ev.source !== window.parent) return;  // only the page that embeds us (or this page itself)
      var c = RnnWidgetApi.parse(ev.data, hash, def.schema.inputKeys);
      if (c === null) return;
      if (c.ok) c = submit(c.command, c.input);
      if (!c.ok) {
        try { ev.source.postMessage(RnnWidgetApi.event(opts.id, 'rejected', { reason: c.reason }), '*'); } catch (e) { /* gone */ }
      }
    }

    instance = def.mount(opts.el, ctx);
    b.play.addEventListener('click', function () { submit(instance.playing() ? 'pause' : 'play'); });
    b.step.addEventListener('click', function () { submit('step'); });
    b.reset.addEventListener('click', function () { submit('reset'); });
    document.addEventListener('keydown', onKey);
    window.addEventListener('message', onMessage);
    syncButtons();

    return {
      invalid: parsed.invalid.concat(parsed.unknown),
      tooLong: parsed.tooLong,
      relabel: function (l) { lang = l; instance.relabel(); syncButtons(); },
      instance: instance,
      title: function () { return ctx.t('title'); },
    };
  }

  return { mount: mount };
})();
