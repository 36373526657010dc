// The core flows in Firefox ESR, from file://: the engine starts with no
// console error (the glue compiles its embedded module without fetching a
// data: URI, which the pages' CSP would block), training lowers the loss,
// samples appear, save -> load continues at the saved step, the language
// switch relabels the page, and the learning-to-execute race runs its four
// workers. No request leaves the machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, fileUrl, externalRequests, waitReady, stepCount, waitStepAbove, waitMessage } from './firefox.mjs';

let ff, dir;
before(async () => { ff = await launch(); dir = mkdtempSync(join(tmpdir(), 'rnn-ff-')); });
after(async () => { await ff?.close(); rmSync(dir, { recursive: true, force: true }); });

// Small, fast settings for tests, written into the URL hash (as tests/browser/helpers.mjs).
function hashFor(over = {}) {
  const s = { lang: 'en', corpus: 'en-prose', hidden: 32, seq: 16, batch: 8, lr: 0.01, optim: 'adam', clip: 5,
    act: 'tanh', seed: 1, cores: 1, temp: 0.8, len: 120, prime: '', greedy: 0, present: 0, ...over };
  return '#' + Object.entries(s).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

const lossExact = (page) => page.$eval('#loss-status', (e) => Number(e.getAttribute('data-value')));
const click = (page, sel) => page.$eval(sel, (e) => e.click());

test('Firefox, file://: 2 cores (a replica worker from the same Blob) train', async () => {
  const { page, problems, requests } = await openPage(ff.browser, fileUrl('index.html') + hashFor({ corpus: 'sentences', cores: 2 }));
  try {
    await waitReady(page);
    assert.equal(await page.$eval('#batch-value', (e) => e.getAttribute('data-workers')), '2');
    await click(page, '#btn-train');
    await waitStepAbove(page, 100);
    await click(page, '#btn-pause');
    assert.equal(await page.$eval('#batch-value', (e) => e.getAttribute('data-workers')), '2', 'still 2 workers');
    assert.equal(await page.$eval('#message', (e) => e.hidden || !/stopped/.test(e.textContent)), true);
    assert.deepEqual(problems, []);
    assert.deepEqual(externalRequests(requests), []);
  } finally { await page.close(); }
});

test('Firefox, file://: start, train, sample, save and load, language switch; no console error', async () => {
  const { page, problems, requests } = await openPage(ff.browser, fileUrl('index.html') + hashFor({ seed: 3 }));
  try {
    await waitReady(page);
    assert.match(await page.$eval('#engine-status', (e) => e.textContent), /Engine: WebAssembly (SIMD128 \(self-check passed|, scalar)/);
    // one step: the loss is near log2 V; then training brings it down
    await click(page, '#btn-step');
    await waitStepAbove(page, 0);
    const first = await lossExact(page);
    assert.ok(first > 4, `first loss ${first} bits/char should be near log2 V`);
    await click(page, '#btn-train');
    await waitStepAbove(page, 600);
    await click(page, '#btn-pause');
    await page.waitForFunction(() => !document.getElementById('btn-step').disabled);
    const later = await lossExact(page);
    assert.ok(later < first - 1, `loss should fall: ${first} -> ${later}`);
    // a sample, drawn by the engine
    await click(page, '#btn-sample');
    await page.waitForFunction(() => (document.querySelector('#samples .sample-text')?.textContent || '').length >= 100, { timeout: 15000 });
    // save: capture the file the page offers as a download
    await page.evaluate(() => {
      const orig = URL.createObjectURL.bind(URL);
      window.__saved = [];
      URL.createObjectURL = (b) => { window.__saved.push(b); return orig(b); };
    });
    const savedStep = await stepCount(page);
    await click(page, '#btn-save');
    await waitMessage(page, /Saved the model at step/);
    const bytes = await page.evaluate(async () => Array.from(new Uint8Array(await window.__saved.at(-1).arrayBuffer())));
    assert.ok(bytes.length > 1000, `saved ${bytes.length} bytes`);
    const path = join(dir, 'saved.rnn');
    writeFileSync(path, Buffer.from(bytes));
    // reset, then load the saved file: back at the saved step
    await click(page, '#btn-reset');
    await page.waitForFunction(() => document.getElementById('step-value').textContent === '0' && !document.getElementById('btn-step').disabled);
    const input = await page.$('#model-file');
    await input.uploadFile(path);
    await waitMessage(page, /Loaded the model/);
    assert.equal(await stepCount(page), savedStep);
    await click(page, '#btn-step');
    await waitStepAbove(page, savedStep);
    // a file that is not a model: a clear message, the model survives
    writeFileSync(join(dir, 'bad.rnn'), 'not a model');
    await (await page.$('#model-file')).uploadFile(join(dir, 'bad.rnn'));
    await page.waitForFunction(() => /model|modelo/i.test(document.getElementById('message').textContent) &&
      !/Loaded the model/.test(document.getElementById('message').textContent), { timeout: 15000 });
    assert.equal(await stepCount(page), savedStep + 1, 'a failed load leaves the current model');
    // language switch: every control relabels
    assert.equal(await page.$eval('#btn-train', (e) => e.textContent.trim()), 'Train');
    await click(page, '#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang.startsWith('pt'));
    assert.equal(await page.$eval('#btn-train', (e) => e.textContent.trim()), 'Treinar');
    assert.deepEqual(problems, []);
    assert.deepEqual(externalRequests(requests), []);
  } finally { await page.close(); }
});

test('Firefox, file://: the learning-to-execute race runs its four workers', async () => {
  const hash = '#' + Object.entries({ lang: 'en', task: 'addition', length: 2, nesting: 1, steps: 20000, hidden: 16,
    batch: 8, val: 32, rows: 4, seed: 1, scramble: 0 }).map(([k, v]) => `${k}=${v}`).join('&');
  const { page, problems, requests } = await openPage(ff.browser, fileUrl('l2e.html') + hash);
  try {
    await page.waitForFunction(() => document.documentElement.getAttribute('data-phase') === 'idle', { timeout: 30000 });
    await click(page, '#btn-start');
    await page.waitForFunction(() => ['chart-char', 'chart-exact'].every((id) =>
      (document.getElementById(id).getAttribute('data-points') || '0,0,0,0').split(',').every((x) => Number(x) >= 2)),
    { timeout: 60000 });
    await click(page, '#btn-pause');
    const rows = await page.$$eval('#predictions tbody tr', (r) => r.length);
    assert.ok(rows >= 1, 'the predictions table fills');
    assert.deepEqual(problems, []);
    assert.deepEqual(externalRequests(requests), []);
  } finally { await page.close(); }
});
