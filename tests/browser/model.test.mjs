// Save -> load -> continue exactly; PyTorch JSON export and import; a
// malformed model file gives a clear message; the URL hash replays a run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, waitReady, FILE_URL, hashFor, stepCount, waitStepAbove, waitMessage,
  lossExact, stepOnce, withPlayground } from './helpers.mjs';

let browser, dir;
before(async () => { browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'rnn-web-')); });
after(async () => { await browser?.close(); await rm(dir, { recursive: true, force: true }); });

const withPage = (hash, fn) => withPlayground(browser, hash, fn);

async function downloadOf(page, buttonName) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { path, name: dl.suggestedFilename() };
}

test('save, load and continue exactly; export PyTorch JSON', () => withPage(hashFor({ seed: 3 }), async (page) => {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitStepAbove(page, 300);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() => !document.getElementById('btn-step').disabled);
  const savedStep = await stepCount(page);
  const saved = await downloadOf(page, 'Save model');
  assert.match(saved.name, new RegExp(`^rnn-charlm-h32-step${savedStep}\\.rnn$`));
  assert.match(await waitMessage(page, /Saved/), /Saved the model at step/);
  await stepOnce(page);
  await stepOnce(page);
  const direct = await lossExact(page);
  // a fresh model, then the saved one: the same next two steps
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.waitForFunction(() => document.getElementById('step-value').textContent === '0');
  await page.locator('#model-file').setInputFiles(saved.path);
  assert.match(await waitMessage(page, /Loaded the model/), new RegExp(`at step ${savedStep.toLocaleString('en-US')}`));
  assert.equal(await stepCount(page), savedStep);
  assert.equal(await page.getByLabel('Learning rate').inputValue(), '0.01', 'settings read back from the file');
  assert.equal(await page.getByLabel('Seed').inputValue(), '3');
  await stepOnce(page);
  await stepOnce(page);
  assert.equal(await stepCount(page), savedStep + 2);
  assert.equal(await lossExact(page), direct, 'continuing from the file gives the same loss');
  // training goes on from there
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitStepAbove(page, savedStep + 50);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // export
  const exp = await downloadOf(page, 'Export PyTorch JSON');
  assert.match(exp.name, /\.pytorch\.json$/);
  const json = JSON.parse(await readFile(exp.path, 'utf8'));
  const flat = JSON.stringify(Object.keys(json)) + JSON.stringify(Object.keys(json.state_dict || {}));
  assert.match(flat, /rnn\.weight_ih_l0/);
  assert.match(flat, /fc\.weight/);
  // import it back: a sampling model
  await page.locator('#model-file').setInputFiles(exp.path);
  await waitMessage(page, /Loaded the model/);
  await page.getByRole('button', { name: 'Sample now' }).click();
  await page.waitForFunction(() => (document.querySelector('#samples .sample-text')?.textContent || '').length > 50);
}));

test('a malformed model file gives a clear message and breaks nothing', () => withPage(hashFor(), async (page) => {
  await page.locator('#model-file').setInputFiles({ name: 'junk.rnn', mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not a model file at all, just some words'.repeat(5)) });
  assert.match(await waitMessage(page, /could not be loaded/), /This model file could not be loaded: .+/);
  await page.locator('#model-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format": "nonsense", "state_dict": {"x": [1, 2]}}') });
  assert.match(await waitMessage(page, /could not be loaded/), /This model file could not be loaded: .+/);
  await page.locator('#model-file').setInputFiles({ name: 'empty.rnn', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) });
  assert.match(await waitMessage(page, /could not be loaded/), /could not be loaded/);
  // the model in place is untouched
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitStepAbove(page, 20);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}));

async function lossAfterSteps(hash, n) {
  let loss;
  await withPage(hash, async (page) => {
    for (let i = 0; i < n; i++) await stepOnce(page);
    assert.equal(await stepCount(page), n);
    loss = await lossExact(page);
  });
  return loss;
}

test('the URL hash replays a run: same seed, same loss after N steps', async () => {
  const hash = hashFor({ seed: 42, hidden: 24, lr: 0.02, optim: 'rmsprop', corpus: 'pt-prose' });
  const a = await lossAfterSteps(hash, 6);
  const b = await lossAfterSteps(hash, 6);
  assert.ok(Number.isFinite(a));
  assert.equal(a, b);
  const c = await lossAfterSteps(hashFor({ seed: 43, hidden: 24, lr: 0.02, optim: 'rmsprop', corpus: 'pt-prose' }), 6);
  assert.notEqual(a, c, 'another seed gives another run');
});

test('form changes are written to the hash and read back', async () => {
  let hash;
  await withPage(hashFor(), async (page) => {
    await page.getByLabel('Hidden units (H)').fill('40');
    await page.getByLabel('Optimiser').selectOption('adagrad');
    await page.getByLabel('Seed').fill('9');
    await page.locator('#corpus-select').selectOption('arithmetic');
    assert.match(await page.locator('#settings-note').textContent(), /press Reset/);
    hash = await page.evaluate(() => location.hash);
  });
  assert.match(hash, /hidden=40/);
  assert.match(hash, /optim=adagrad/);
  assert.match(hash, /seed=9/);
  assert.match(hash, /corpus=arithmetic/);
  await withPage(hash, async (page) => {
    assert.equal(await page.getByLabel('Hidden units (H)').inputValue(), '40');
    assert.equal(await page.getByLabel('Optimiser').inputValue(), 'adagrad');
    assert.match(await page.locator('#corpus-text').inputValue(), /^\d+[+-]\d+=\d+\n/);
    await page.waitForFunction(() => document.getElementById('vocab-value').textContent !== '–');
  });
});
