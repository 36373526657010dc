// page-messages.test.mjs - issue 22's cosmetic page messages: the
// paste-too-big message goes once a later paste is accepted; `#cores=6` on a
// 2-core computer is said to be more than it has (not "not valid"), in both
// languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitReady, FILE_URL, hashFor, waitMessage, withPlayground } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the paste-too-big message goes away once a later paste is accepted', () => withPlayground(browser, hashFor(), async (page) => {
  const stopped = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'a'.repeat(6 * 1000 * 1000));
    return !document.getElementById('corpus-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  assert.equal(stopped, true);
  await waitMessage(page, /The pasted text is 6\.0 MB/);
  await page.evaluate(() => {   // a small paste: it lands (an input event), and is accepted
    const area = document.getElementById('corpus-text');
    area.value += ' and a little more text';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.getElementById('message').hidden, null, { timeout: 5000 });
}));

// the playground on a computer that reports `cores` cores
async function onMachine(cores, hash, lang, fn) {
  const context = await browser.newContext({ locale: lang === 'pt' ? 'pt-BR' : 'en-US', viewport: { width: 1200, height: 900 } });
  await context.addInitScript((n) => { Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }); }, cores);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(FILE_URL + hash);
    await waitReady(page);
    await fn(page);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
}

test('#cores=6 on a 2-core computer says it is more than the computer has, in English and Portuguese', async () => {
  await onMachine(2, hashFor({ cores: 6 }), 'en', async (page) => {
    const msg = await waitMessage(page, /cores/);
    assert.match(msg, /^The link asks for 6 cores; this computer has 2, so training uses 1\.$/);
    assert.doesNotMatch(msg, /not valid/);
  });
  await onMachine(2, hashFor({ cores: 6, lang: 'pt' }), 'pt', async (page) => {
    assert.match(await waitMessage(page, /núcleos/), /^O link pede 6 núcleos; este computador tem 2, então o treino usa 1\.$/);
  });
  // 65 is over the engine's limit: that is not valid, as before
  await onMachine(2, hashFor({ cores: 65 }), 'en', async (page) => {
    assert.match(await waitMessage(page, /not valid/), /not valid and were replaced by defaults: cores/);
  });
});
