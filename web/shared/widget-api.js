// widget-api.js - the postMessage API of an embedded widget: which messages
// are commands, and their validation. No DOM here (Node tests load it).
//   command messages   {command: 'play' | 'pause' | 'step' | 'reset'}
//                      {command: 'setInput', input: {key: value, ...}}  keys: the widget's inputKeys,
//                      values checked by its hash schema exactly like a link's
//   event messages     {source: 'rnn-widget', widget, event: 'ready' | 'step' | 'done' | 'rejected', ...}
// A message that is not an object with a `command` field is not for us and is
// ignored silently (decks and other libraries post their own messages). A
// command message that breaks a rule is not run; the sender gets one
// 'rejected' event naming the reason. Nothing is written to the console.
'use strict';
var RnnWidgetApi = (function () {
  var COMMANDS = ['play', 'pause', 'step', 'reset', 'setInput'];
  var SOURCE = 'rnn-widget';
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var plain = function (o) { return !!o && typeof o === 'object' && Object.getPrototypeOf(o) === Object.prototype; };

  // -> null (not a command: ignore), {ok: true, command, input?} or {ok: false, reason}
  // hash: RnnHashSchema.make(fields) of the widget; inputKeys: what setInput may set.
  function parse(data, hash, inputKeys) {
    if (!plain(data) || !has(data, 'command')) return null;
    if (typeof data.command !== 'string' || COMMANDS.indexOf(data.command) < 0) {
      return { ok: false, reason: 'unknown command (one of: ' + COMMANDS.join(', ') + ')' };
    }
    var extra = Object.keys(data).filter(function (k) { return k !== 'command' && k !== 'input'; });
    if (extra.length) return { ok: false, reason: 'unknown field ' + extra[0].slice(0, 40) };
    if (data.command !== 'setInput') {
      return has(data, 'input') ? { ok: false, reason: 'only setInput takes an input' } : { ok: true, command: data.command };
    }
    return parseInput(data.input, hash, inputKeys);
  }

  function parseInput(input, hash, inputKeys) {
    if (!plain(input) || Object.keys(input).length === 0) return { ok: false, reason: 'setInput needs an input object' };
    var out = {};
    var keys = Object.keys(input);
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i], v = input[k];
      if (inputKeys.indexOf(k) < 0) return { ok: false, reason: 'unknown input ' + k.slice(0, 40) + ' (one of: ' + inputKeys.join(', ') + ')' };
      var scalar = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && isFinite(v));
      // true/false only for a yes/no field: {example: true} is not example 1
      if (typeof v === 'boolean' && hash.parseValue(k, 'true').value !== true) return { ok: false, reason: 'bad value for ' + k + ' (not a yes/no setting)' };
      var r = scalar ? hash.parseValue(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)) : { ok: false };
      if (!r.ok) return { ok: false, reason: 'bad value for ' + k };
      out[k] = r.value;
    }
    return { ok: true, command: 'setInput', input: out };
  }

  function event(widget, name, data) {
    var msg = { source: SOURCE, widget: widget, event: name };
    if (data) Object.keys(data).forEach(function (k) { if (!has(msg, k)) msg[k] = data[k]; });
    return msg;
  }

  return { COMMANDS: COMMANDS, SOURCE: SOURCE, parse: parse, event: event };
})();
if (typeof module === 'object' && module.exports) module.exports = RnnWidgetApi;
