// WebKit-specific checks, from file:// (driver.mjs):
// - the neurons widget un-gzips its bundled model (WebKit cannot read a
//   Blob's stream in a Blob-URL worker: the widget streams the bytes itself)
//   and refuses hostile model files by name (issue 22 item 3): a gzip bomb
//   stops at the 64 MiB cap, a corrupt gzip is named, a file past the cap is
//   refused by its size; the bundled model stays.
// - a library that throws at load (a copy of web/ whose uPlot throws) is
//   named in the page's boot-failure message (shared/boot.js) and the
//   playground trains without its chart. (Under WebDriver, WebKitGTK reports
//   navigator.language "en-US" even with LANG=C, so the "C" tag itself is
//   forced in Chromium: tests/browser/boot-failure.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, fileUrl, ROOT } from './driver.mjs';
import { gzipBomb, corruptGzip, bigSparseFile } from './bad-models.mjs';

let wk, dir, big;
before(async () => {
  wk = await launch();
  dir = mkdtempSync(join(tmpdir(), 'rnn-wk-neurons-'));
  writeFileSync(join(dir, 'bomb.rnn.gz'), await gzipBomb(256));
  writeFileSync(join(dir, 'corrupt.rnn.gz'), corruptGzip());
  big = bigSparseFile(64 * 1024 * 1024 + 1);
});
after(async () => { await wk?.close(); rmSync(dir, { recursive: true, force: true }); big?.remove(); });

const note = () => wk.exec(() => document.querySelector('.neurons-note').textContent);
const waitNote = (re) => wk.waitFor((src) => new RegExp(src).test(document.querySelector('.neurons-note').textContent), [re.source],
  { timeout: 30000, what: `note ${re}` });

test('WebKit: neurons starts on its bundled (gzip) model and refuses a bomb, a corrupt gzip and a file past 64 MiB', async () => {
  await wk.go(fileUrl('embed.html') + '?w=neurons&lang=en');
  await wk.waitFor(() => /^bundled model: H = 64/.test((document.querySelector('.neurons-model') || {}).textContent || ''), [],
    { timeout: 60000, what: 'the bundled model' });
  await wk.watchErrors();
  assert.equal(await wk.bootFailure(), '');
  assert.ok(await wk.exec(() => document.querySelectorAll('.neurons-cell').length) > 50);
  await wk.upload('.neurons-file', join(dir, 'bomb.rnn.gz'));
  await waitNote(/64 MiB/);
  assert.equal(await note(), 'Could not read that model file: unpacked (gzip), it would be larger than 64 MiB, the limit for a model.');
  await wk.upload('.neurons-file', join(dir, 'corrupt.rnn.gz'));
  await waitNote(/gzip file\./);
  assert.equal(await note(), 'Could not read that model file: it is not a valid gzip file.');
  await wk.upload('.neurons-file', big.path);
  await waitNote(/limit for a model file/);
  assert.equal(await note(), 'Could not read that model file: it is larger than 64 MiB, the limit for a model file.');
  assert.match(await wk.exec(() => document.querySelector('.neurons-model').textContent), /^bundled model: H = 64/);
  assert.deepEqual(await wk.problems(), []);
});

test('WebKit: a library that throws at load is named; the playground trains without its chart', async () => {
  const copy = join(dir, 'copy');
  cpSync(join(ROOT, 'web'), join(copy, 'web'), { recursive: true });
  writeFileSync(join(copy, 'web', 'vendor', 'uPlot.iife.min.js'), 'throw new RangeError("invalid language tag: C");\n');
  await wk.go(pathToFileURL(join(copy, 'web', 'index.html')).href + '#lang=en&corpus=sentences&hidden=16&seq=16&batch=4&cores=1');
  await wk.waitFor(() => document.getElementById('engine-status').getAttribute('data-kind') && !document.getElementById('btn-train').disabled,
    [], { timeout: 60000, what: 'the engine' });
  assert.match(await wk.bootFailure(), /^Part of the page could not start: vendor\/uPlot\.iife\.min\.js stopped with an error( \(RangeError: invalid language tag: C\))?; the chart \(the rest of the page works without it\): ReferenceError: /);
  await wk.exec(() => document.getElementById('btn-train').click());
  await wk.waitFor(() => Number(document.getElementById('step-value').textContent.replace(/[^\d]/g, '')) > 20, [], { timeout: 60000, what: 'training' });
  await wk.exec(() => document.getElementById('btn-pause').click());
});
