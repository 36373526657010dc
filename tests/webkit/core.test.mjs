// The core flows in WebKit (MiniBrowser through WebKitWebDriver; driver.mjs),
// from file://: the playground starts its engine (no boot failure; the
// locale is a real one), one step gives a loss near log2 V and training
// lowers it, a sample appears, save -> load continues at the saved step, a
// file that is not a model is refused by name and leaves the model, the
// language switch relabels the page; the learning-to-execute race runs its
// workers; the gallery lists every widget and its first preview starts.
// Numbers are read from the DOM (the attributes the Chromium and Firefox
// tests read). Errors: from each page's start on (watchErrors).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, fileUrl } from './driver.mjs';

let wk, dir;
before(async () => { wk = await launch(); dir = mkdtempSync(join(tmpdir(), 'rnn-wk-')); });
after(async () => { await wk?.close(); rmSync(dir, { recursive: true, force: true }); });

// Small, fast settings for tests, written into the URL hash (as tests/browser/helpers.mjs).
function hashFor(over = {}) {
  const s = { lang: 'en', corpus: 'en-prose', hidden: 32, seq: 16, batch: 8, lr: 0.01, optim: 'adam', clip: 5,
    act: 'tanh', seed: 1, cores: 1, temp: 0.8, len: 120, prime: '', greedy: 0, present: 0, ...over };
  return '#' + Object.entries(s).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

const click = (sel) => wk.exec((s) => { document.querySelector(s).click(); return true; }, sel);
const text = (sel) => wk.exec((s) => document.querySelector(s).textContent, sel);
const stepCount = () => wk.exec(() => Number(document.getElementById('step-value').textContent.replace(/[^\d]/g, '')));
const lossExact = () => wk.exec(() => Number(document.getElementById('loss-status').getAttribute('data-value')));
const waitStepAbove = (n, timeout = 60000) => wk.waitFor((k) => Number(document.getElementById('step-value').textContent.replace(/[^\d]/g, '')) > k,
  [n], { timeout, what: `step above ${n}` });
const waitMessage = (re, timeout = 20000) => wk.waitFor((src) => {
  const el = document.getElementById('message');
  return !el.hidden && new RegExp(src).test(el.textContent) && el.textContent;
}, [re.source], { timeout, what: `message ${re}` });

test('WebKit, file://: start, train, sample, save and load, a bad file refused, language switch', async () => {
  await wk.go(fileUrl('index.html') + hashFor({ seed: 3 }));
  await wk.waitFor(() => document.getElementById('engine-status').getAttribute('data-kind') && !document.getElementById('btn-reset').disabled,
    [], { timeout: 60000, what: 'the engine' });
  await wk.watchErrors();
  assert.equal(await wk.bootFailure(), '');
  assert.match(await wk.exec(() => navigator.language), /^[a-z]{2}(-[A-Z]{2})?$/);
  assert.match(await text('#engine-status'), /Engine: WebAssembly (SIMD128 \(self-check passed|, scalar)/);
  // one step: the loss is near log2 V; then training brings it down
  await click('#btn-step');
  await waitStepAbove(0);
  const first = await lossExact();
  assert.ok(first > 4, `first loss ${first} bits/char should be near log2 V`);
  await click('#btn-train');
  await waitStepAbove(400, 120000);
  await click('#btn-pause');
  await wk.waitFor(() => !document.getElementById('btn-step').disabled, [], { what: 'paused' });
  const later = await lossExact();
  assert.ok(later < first - 1, `loss should fall: ${first} -> ${later}`);
  // a sample, drawn by the engine
  await click('#btn-sample');
  await wk.waitFor(() => (document.querySelector('#samples .sample-text')?.textContent || '').length >= 100, [], { what: 'a sample' });
  // save: capture the file the page offers as a download
  await wk.exec(() => {
    const orig = URL.createObjectURL.bind(URL);
    window.__saved = [];
    URL.createObjectURL = (b) => { window.__saved.push(b); return orig(b); };
  });
  const savedStep = await stepCount();
  await click('#btn-save');
  await waitMessage(/Saved the model at step/);
  await wk.exec(() => { window.__bytes = null; window.__saved.at(-1).arrayBuffer().then((b) => { window.__bytes = Array.from(new Uint8Array(b)); }); });
  const bytes = await wk.waitFor(() => window.__bytes, [], { what: 'the saved bytes' });
  assert.ok(bytes.length > 1000, `saved ${bytes.length} bytes`);
  writeFileSync(join(dir, 'saved.rnn'), Buffer.from(bytes));
  // reset, then load the saved file: back at the saved step
  await click('#btn-reset');
  await wk.waitFor(() => document.getElementById('step-value').textContent === '0' && !document.getElementById('btn-step').disabled, [], { what: 'reset' });
  await wk.upload('#model-file', join(dir, 'saved.rnn'));
  await waitMessage(/Loaded the model/);
  assert.equal(await stepCount(), savedStep);
  await click('#btn-step');
  await waitStepAbove(savedStep);
  // a file that is not a model: a clear message, the model survives
  writeFileSync(join(dir, 'bad.rnn'), 'not a model');
  await wk.upload('#model-file', join(dir, 'bad.rnn'));
  const msg = await waitMessage(/model/i);
  assert.doesNotMatch(msg, /Loaded the model/);
  assert.equal(await stepCount(), savedStep + 1, 'a failed load leaves the current model');
  // language switch: every control relabels
  assert.equal((await text('#btn-train')).trim(), 'Train');
  await click('#lang-toggle');
  await wk.waitFor(() => document.documentElement.lang.startsWith('pt'), [], { what: 'pt' });
  assert.equal((await text('#btn-train')).trim(), 'Treinar');
  assert.deepEqual(await wk.problems(), []);
});

test('WebKit, file://: the learning-to-execute race runs its workers', async () => {
  const hash = '#' + Object.entries({ lang: 'en', task: 'addition', length: 2, nesting: 1, steps: 20000, hidden: 16,
    batch: 8, val: 32, rows: 4, seed: 1, scramble: 0 }).map(([k, v]) => `${k}=${v}`).join('&');
  await wk.go(fileUrl('l2e.html') + hash);
  await wk.waitFor(() => document.documentElement.getAttribute('data-phase') === 'idle', [], { timeout: 60000, what: 'idle' });
  await wk.watchErrors();
  assert.equal(await wk.bootFailure(), '');
  await click('#btn-start');
  await wk.waitFor(() => ['chart-char', 'chart-exact'].every((id) =>
    (document.getElementById(id).getAttribute('data-points') || '0,0,0,0').split(',').every((x) => Number(x) >= 2)),
  [], { timeout: 120000, what: 'two points per runner' });
  await click('#btn-pause');
  assert.ok(await wk.exec(() => document.querySelectorAll('#predictions tbody tr').length) >= 1, 'the predictions table fills');
  assert.deepEqual(await wk.problems(), []);
});

test('WebKit, file://: the gallery lists every widget and its first preview starts', async () => {
  await wk.go(fileUrl('gallery.html') + '?lang=en');
  const n = await wk.waitFor(() => document.querySelectorAll('.widget-card h2').length, [], { what: 'the cards' });
  assert.equal(n, 11);
  await wk.watchErrors();
  assert.equal(await wk.bootFailure(), '');
  const titles = await wk.exec(() => Array.from(document.querySelectorAll('.widget-card h2'), (h) => h.textContent.trim()));
  assert.ok(titles.every((t) => t.length > 0), titles.join(' | '));
  await wk.frame(0);
  await wk.waitFor(() => typeof RnnBoot === 'object' && !document.getElementById('btn-step').disabled, [], { timeout: 60000, what: 'the first preview' });
  assert.equal(await wk.bootFailure(), '');
  await wk.topFrame();
  assert.deepEqual(await wk.problems(), []);
});
