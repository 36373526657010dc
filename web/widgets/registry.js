// registry.js - every lecture widget, one row each. A widget is a folder
// web/widgets/<id>/ whose files register their parts here:
//   strings.js  provide(id, 'strings', {en: {...}, pt: {...}})  (needs 'title' and 'summary')
//   schema.js   provide(id, 'schema', {fields, inputKeys})      (URL hash + setInput, on hash-schema.js)
//   view.js     provide(id, 'mount', function (el, ctx) -> instance)
//   worker.js   (only if it trains) runs in a Blob-URL worker; scripts/build-web.mjs
//               turns it into gen/widget-<id>-worker-sources.js
// The embed page (embed.html?w=<id>) and the gallery load a row's files on demand.
// Contract of mount and ctx: docs/widgets.md.
'use strict';
var RnnWidgetRegistry = (function () {
  var ROWS = [
    {
      id: 'alphabet',
      files: ['widgets/alphabet/strings.js', 'widgets/alphabet/schema.js', 'widgets/alphabet/view.js',
        'widgets/alphabet/alphabet.css'],
      worker: 'gen/widget-alphabet-worker-sources.js',
    },
    { id: 'sentiment', files: ['widgets/sentiment/strings.js', 'widgets/sentiment/schema.js', 'widgets/sentiment/grid.js', 'widgets/sentiment/view.js', 'widgets/sentiment/sentiment.css'], worker: 'gen/widget-sentiment-worker-sources.js' },
    { id: 'ball', files: ['widgets/ball/strings.js', 'widgets/ball/schema.js', 'widgets/ball/chart.js', 'widgets/ball/view.js', 'widgets/ball/ball.css'], worker: 'gen/widget-ball-worker-sources.js' },
    { id: 'memory', files: ['widgets/memory/strings.js', 'widgets/memory/schema.js', 'widgets/memory/chart.js', 'widgets/memory/view.js', 'widgets/memory/memory.css'], worker: 'gen/widget-memory-worker-sources.js' },
    {
      id: 'sum-rnn',
      files: ['shared/number-list.js', 'widgets/sum-rnn/strings.js', 'widgets/sum-rnn/schema.js', 'widgets/sum-rnn/view.js', 'widgets/sum-rnn/sum-rnn.css'],
      worker: 'gen/widget-sum-rnn-worker-sources.js',
    },
    {
      id: 'compare-rnn',
      files: ['shared/number-list.js', 'widgets/compare-rnn/strings.js', 'widgets/compare-rnn/schema.js', 'widgets/compare-rnn/view.js', 'widgets/compare-rnn/compare-rnn.css'],
      worker: 'gen/widget-compare-rnn-worker-sources.js',
    },
    { id: 'neurons', files: ['widgets/neurons/strings.js', 'widgets/neurons/schema.js', 'widgets/neurons/model.js', 'shared/model-snapshot.js', 'widgets/neurons/view.js', 'widgets/neurons/neurons.css'], worker: 'gen/widget-neurons-worker-sources.js' },
    { id: 'bptt', files: ['widgets/bptt/strings.js', 'widgets/bptt/schema.js', 'widgets/bptt/graph.js', 'widgets/bptt/view.js', 'widgets/bptt/bptt.css'], worker: 'gen/widget-bptt-worker-sources.js' },
    { id: 'teacher-forcing', files: ['widgets/teacher-forcing/strings.js', 'widgets/teacher-forcing/schema.js', 'widgets/teacher-forcing/view.js', 'widgets/teacher-forcing/teacher-forcing.css'], worker: 'gen/widget-teacher-forcing-worker-sources.js' },
    { id: 'architectures', files: ['widgets/architectures/strings.js', 'widgets/architectures/schema.js', 'widgets/architectures/diagram.js', 'widgets/architectures/view.js', 'widgets/architectures/architectures.css'], worker: 'gen/widget-architectures-worker-sources.js' },
    { id: 'translation', files: ['widgets/translation/strings.js', 'widgets/translation/schema.js', 'widgets/translation/view.js', 'widgets/translation/translation.css'], worker: 'gen/widget-translation-worker-sources.js' },
  ];
  var parts = {};

  function row(id) {
    for (var i = 0; i < ROWS.length; i++) if (ROWS[i].id === id) return ROWS[i];
    return null;
  }

  function provide(id, key, value) { (parts[id] = parts[id] || {})[key] = value; }
  function get(id) { return parts[id] || null; }

  // The files a page loads to show widget id: its worker source (with the
  // engine glue it runs on) first, then its own files.
  function files(r) {
    var pre = r.worker ? ['gen/engine-glue.js', r.worker] : [];
    return pre.concat(r.files);
  }

  // Only the strings (the gallery lists every widget without starting it).
  function stringFiles() {
    return ROWS.map(function (r) { return r.files.filter(function (f) { return /\/strings\.js$/.test(f); })[0]; });
  }

  return { ROWS: ROWS, row: row, provide: provide, get: get, files: files, stringFiles: stringFiles,
    ids: function () { return ROWS.map(function (r) { return r.id; }); } };
})();
