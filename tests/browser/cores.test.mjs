// The playground on several cores (issue 11): replica Web Workers from the
// page's own Blob, from file://. Faster than one worker in the same run;
// save with 2 cores and continue exactly; a file loaded with another number
// of cores says its text streams restart; a replica that fails leaves the
// page training on one core; a text too short for 2 cores trains on 1.
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const workersShown = (page) => page.locator('#batch-value').getAttribute('data-workers').then(Number);

// The chars/s the page shows, read every 500 ms for `ms` after a warm-up.
async function speedOf(page, ms) {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitStepAbove(page, 5, 30000);
  await sleep(1500);
  const xs = [];
  for (let t = 0; t < ms; t += 500) {
    await sleep(500);
    xs.push(Number(await page.locator('#speed-value').getAttribute('data-value')));
  }
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return median(xs);
}

test('2 cores from file:// train faster than 1 (the chars/s shown, same settings, same run)', async () => {
  const big = { corpus: 'sentences', hidden: 256, batch: 32, seq: 64, lr: 'auto' };
  const speed = { 1: [], 2: [] };
  const eng = await loadEngine('scalar');
  for (const cores of [1, 2, 2, 1, 1, 2]) { // interleaved pairs: the machine is shared, its load drifts
    await withPage(hashFor({ ...big, cores }), async (page) => {
      assert.equal(await workersShown(page), cores);
      assert.equal(await page.locator('#batch-value').textContent(), `${cores} × 32 = ${cores * 32}`);
      // the automatic learning rate is the engine's for this many workers
      const lr = Number((await page.locator('#lr-value').textContent()).split(' ')[0]);
      assert.equal(lr, Number(eng.workersLr(eng.contract.charlm.presets.live.lr, cores).toPrecision(6)));
      assert.equal(await page.getByLabel('Learning rate', { exact: true }).isDisabled(), true);
      speed[cores].push(await speedOf(page, 4000));
    });
  }
  // the ratio within each pair (measured next to each other), then their median
  const ratio = median(speed[2].map((x, i) => x / speed[1][i]));
  console.log(`# chars/s shown: 1 core ${speed[1].map(Math.round)}, 2 cores ${speed[2].map(Math.round)} (median ratio x${ratio.toFixed(2)})`);
  assert.ok(ratio > 1, `2 cores ${speed[2]} vs 1 core ${speed[1]}: median ratio ${ratio}`);
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
