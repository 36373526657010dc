// Bad inputs each give a clear message and break nothing; user text is only
// ever text; a huge learning rate takes the divergence path and rolls back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, FILE_URL, hashFor, stepCount, waitStepAbove, waitMessage,
  lossExact, withPlayground } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const withPage = (hash, fn) => withPlayground(browser, hash, fn);

async function stillTrains(page) {
  await page.locator('#corpus-select').selectOption('en-prose');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.waitForFunction(() => !document.getElementById('btn-train').disabled);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitStepAbove(page, 10);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

test('empty corpus: a clear message, and the page still works', () => withPage(hashFor(), async (page) => {
  await page.locator('#corpus-text').fill('');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const msg = await waitMessage(page, /empty/);
  assert.match(msg, /The training text is empty/);
  await stillTrains(page);
}));

test('a one-character corpus: the engine says why', () => withPage(hashFor(), async (page) => {
  await page.locator('#corpus-text').fill('a');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const msg = await waitMessage(page, /could not be built/);
  assert.match(msg, /The model could not be built: .*(single distinct character|too short)/);
  await page.locator('#corpus-text').fill('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' .repeat(10));
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  assert.match(await waitMessage(page, /single distinct character/), /nothing to predict/);
  await stillTrains(page);
}));

test('a binary file is refused with its name shown as text', () => withPage(hashFor(), async (page) => {
  const name = '<img src=x onerror="window.__pwned=1">.bin';
  await page.locator('#corpus-file').setInputFiles({ name, mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0xff]) });
  const msg = await waitMessage(page, /does not look like UTF-8/);
  assert.ok(msg.includes(name), msg);
  assert.match(msg, /zero bytes/);
  await page.locator('#corpus-file').setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain',
    buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) });
  assert.match(await waitMessage(page, /latin1\.txt/), /not valid UTF-8/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#message img').count(), 0);
  await stillTrains(page);
}));

test('an oversized file is refused before it is read', () => withPage(hashFor(), async (page) => {
  await page.locator('#corpus-file').setInputFiles({ name: 'big.txt', mimeType: 'text/plain',
    buffer: Buffer.alloc(5 * 1000 * 1000 + 1, 0x61) });
  const msg = await waitMessage(page, /limit/);
  assert.match(msg, /The file is 5\.0 MB; the limit is 5\.0 MB/);
  await stillTrains(page);
}));

test('a text file loads, and its counts are shown', () => withPage(hashFor(), async (page) => {
  const text = 'olá mundo, ação e coração!\n'.repeat(40);
  await page.locator('#corpus-file').setInputFiles({ name: 'pt.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  assert.match(await waitMessage(page, /pt\.txt/), /Loaded “pt\.txt”: 1,080 characters/);
  assert.equal(await page.locator('#corpus-select').inputValue(), 'custom');
  await page.waitForFunction(() => /1,080 characters · 1,280 bytes · 17 distinct/.test(document.getElementById('corpus-stats').textContent),
    null, { timeout: 3000 }).catch(async (e) => { throw new Error(e.message + ': ' + await page.locator('#corpus-stats').textContent()); });
}));

test('nonsense URL hash values fall back to defaults with a message', () => withPage(
  '#hidden=-5&lr=banana&optim=quantum&seed=1e99&batch=3.5&corpus=../../etc&foo=%3Cscript%3E&temp=NaN&lang=en', async (page) => {
    const msg = await waitMessage(page, /not valid/);
    for (const k of ['hidden', 'lr', 'optim', 'seed', 'batch', 'corpus', 'foo', 'temp']) assert.ok(msg.includes(k), `${k} named in: ${msg}`);
    assert.equal(await page.locator('#set-hidden').inputValue(), '128');
    assert.equal(await page.locator('#set-optim').inputValue(), 'adam');
    const hash = await page.evaluate(() => location.hash);
    assert.doesNotMatch(hash, /banana|quantum|foo|script/);
    assert.match(hash, /hidden=128/);
    await stillTrains(page);
  }));

test('HTML and script in the corpus are shown as text and run nothing', () => withPage(hashFor(), async (page) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>\n';
  await page.locator('#corpus-text').fill(payload.repeat(30));
  await page.locator('#set-prime').fill('<script>window.__pwned=3</script>');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.waitForFunction(() => !document.getElementById('btn-train').disabled);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitStepAbove(page, 400);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Sample now' }).click();
  await page.waitForFunction(() => (document.querySelector('#samples .sample-text')?.textContent || '').includes('<'));
  const region = page.getByRole('region', { name: 'Samples', exact: true });
  assert.ok((await region.textContent()).includes('<script>window.__pwned=3</script>'), 'prime shown as text');
  assert.equal(await region.locator('img, script, b').count(), 0);
  assert.equal(await page.locator('body img, body b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
}));

test('a huge learning rate diverges: the worker stops, rolls back, and the page says what to do', () => withPage(
  hashFor({ lr: 100, optim: 'sgd', clip: 0, act: 'linear' }), async (page) => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const msg = await waitMessage(page, /diverged/, 20000);
    const m = msg.match(/diverged at step ([\d,]+).*rolled back to step ([\d,]+)/);
    assert.ok(m, msg);
    const bad = Number(m[1].replace(/,/g, '')), restored = Number(m[2].replace(/,/g, ''));
    assert.ok(bad > restored, `bad step ${bad} after restored ${restored}`);
    assert.match(msg, /lower learning rate \(now 100\)/);
    assert.match(msg, /clipping/);
    await page.waitForFunction(() => !document.getElementById('btn-train').disabled);
    assert.equal(await stepCount(page), restored);
    await page.waitForTimeout(300);
    assert.equal(await stepCount(page), restored, 'training stopped');
    // the restored weights are finite: a sample still comes out
    await page.getByRole('button', { name: 'Sample now' }).click();
    await page.waitForFunction(() => /step/.test(document.querySelector('#samples .caption')?.textContent || ''));
    const loss = await lossExact(page);
    assert.ok(!Number.isNaN(loss) || (await page.getByRole('status', { name: 'Loss' }).textContent()) === '–');
  }));
