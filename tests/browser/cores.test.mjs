// The playground on several cores (issue 11): replica Web Workers from the
// page's own Blob, from file://. The worker count, batch and automatic lr
// shown, and the same bits from the same seed (the speed-up is measured by
// scripts/bench-web.mjs, not asserted); save with 2 cores and continue
// exactly; a file loaded with another number of cores says its text streams
// restart; a replica that fails leaves the page training on one core; a text
// too short for 2 cores trains on 1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openPage, waitReady, FILE_URL, hashFor, stepCount, waitStepAbove, waitMessage,
  lossExact, stepOnce, withPlayground } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { loadEngine } = require('../../js/node-engine.js');

let browser, dir;
before(async () => { browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'rnn-cores-')); });
after(async () => { await browser?.close(); await rm(dir, { recursive: true, force: true }); });

const withPage = (hash, fn) => withPlayground(browser, hash, fn);

const workersShown = (page) => page.locator('#batch-value').getAttribute('data-workers').then(Number);

// Steps a paused page `n` times; returns the full-precision loss after each step.
async function lossesOfSteps(page, n) {
  const out = [];
  for (let i = 0; i < n; i++) { await stepOnce(page); out.push(await lossExact(page)); }
  return out;
}

// No speed assertion here (a loaded machine makes any timing flaky): the chars/s
// of 1 vs 2 cores in the page is measured by `node scripts/bench-web.mjs`.
test('1 and 2 cores from file://: the workers, batch and automatic lr shown; the same seed trains the same bits twice', async () => {
  const big = { corpus: 'sentences', hidden: 64, batch: 16, seq: 32, lr: 'auto', seed: 3 };
  const eng = await loadEngine('scalar');
  const runs = { 1: [], 2: [] };
  for (const cores of [1, 2, 2, 1]) {
    await withPage(hashFor({ ...big, cores }), async (page) => {
      assert.equal(await workersShown(page), cores);
      assert.equal(await page.locator('#batch-value').textContent(), `${cores} × 16 = ${cores * 16}`);
      // the automatic learning rate is the engine's for this many workers
      const lr = Number((await page.locator('#lr-value').textContent()).split(' ')[0]);
      assert.equal(lr, Number(eng.workersLr(eng.contract.charlm.presets.live.lr, cores).toPrecision(6)));
      assert.equal(await page.getByLabel('Learning rate', { exact: true }).isDisabled(), true);
      runs[cores].push(await lossesOfSteps(page, 4));
    });
  }
  for (const cores of [1, 2]) {
    const [a, b] = runs[cores];
    assert.ok(a.every(Number.isFinite), `finite losses with ${cores} cores: ${a}`);
    assert.deepEqual(b, a, `${cores} core(s), same seed: the same loss bits in two page loads`);
  }
  // 2 workers of batch 16 are not 1 worker of batch 16: their runs differ
  assert.notDeepEqual(runs[2][0], runs[1][0]);
});

async function downloadOf(page, buttonName) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

test('saved with 2 cores: loads and continues exactly; with 1 core the text streams restart (said)', async () => {
  let file, direct, savedStep;
  await withPage(hashFor({ corpus: 'sentences', seed: 5, cores: 2 }), async (page) => {
    assert.equal(await workersShown(page), 2);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitStepAbove(page, 200);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForFunction(() => !document.getElementById('btn-step').disabled);
    savedStep = await stepCount(page);
    file = await downloadOf(page, 'Save model');
    await stepOnce(page);
    await stepOnce(page);
    direct = await lossExact(page);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('step-value').textContent === '0');
    await page.locator('#model-file').setInputFiles(file);
    await waitMessage(page, /Loaded the model/);
    assert.equal(await stepCount(page), savedStep);
    await stepOnce(page);
    await stepOnce(page);
    assert.equal(await lossExact(page), direct, 'the file continues the 2-core run exactly');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitStepAbove(page, savedStep + 50);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  });
  await withPage(hashFor({ corpus: 'sentences', seed: 5, cores: 1 }), async (page) => {
    await page.locator('#model-file').setInputFiles(file);
    assert.match(await waitMessage(page, /Model saved with 2 cores/),
      /Model saved with 2 cores, resumed with 1: the text streams restart/);
    assert.equal(await workersShown(page), 1);
    await stepOnce(page);
    assert.equal(await stepCount(page), savedStep + 1);
  });
});

test('a replica that fails: an error, and the page trains on with 1 core (no hang)', () =>
  withPage(hashFor({ corpus: 'sentences', cores: 2 }), async (page) => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitStepAbove(page, 20);
    await page.evaluate(() => RnnCores.pool.workers[0].postMessage({ type: 'not-for-a-replica' }));
    assert.match(await waitMessage(page, /training goes on with 1 core/), /A training worker stopped \(worker 1 stopped/);
    assert.equal(await workersShown(page), 1);
    const after = await stepCount(page);
    await waitStepAbove(page, after + 50);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // and the cores setting brings 2 workers back
    await page.getByLabel('Cores (workers)').fill('2');
    await page.getByLabel('Cores (workers)').dispatchEvent('change');
    await page.waitForFunction(() => document.getElementById('batch-value').getAttribute('data-workers') === '2');
    assert.match(await waitMessage(page, /Cores in use: 2/), /text streams restart/);
    await stepOnce(page);
  }));

test('a text too short for 2 cores trains on 1, and says so', () =>
  withPage(hashFor({ corpus: 'en-prose', batch: 32, seq: 64, cores: 2 }), async (page) => {
    assert.match(await waitMessage(page, /too short for 2 cores/), /training with 1/);
    assert.equal(await workersShown(page), 1);
    await stepOnce(page);
  }));
