// The page's size limits on what a user can hand it (issue 14): a pasted or
// typed text gets the file input's 5 MB cap with a message in the page's
// language; a URL hash over 4,000 characters is refused as a whole with a
// named warning; the hash warning names each bad key once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, openPage, waitReady, FILE_URL, hashFor, waitMessage, messageText } from './helpers.mjs';

const require = createRequire(import.meta.url);
const S = require('../../web/playground/state.js');

test('a hash over 4,000 characters is refused as a whole, and says so', () => {
  const long = '#hidden=7&' + 'zz=1&'.repeat(800) + 'seed=9';
  assert.ok(long.length > 4001);
  const r = S.parse(long);
  assert.equal(r.tooLong, true);
  assert.deepEqual(r.state, S.defaults(), 'no setting is taken from a hash cut at an arbitrary point');
  const ok = S.parse('#hidden=7&seed=9');
  assert.equal(ok.tooLong, false);
  assert.equal(ok.state.hidden, 7);
  assert.equal(ok.state.seed, 9);
});

test('the hash warning names each bad key once, and at most ten', () => {
  const r = S.parse('#' + 'foo&'.repeat(800) + 'hidden=x&'.repeat(50) + 'seed=5');
  assert.deepEqual(r.unknown, ['foo']);
  assert.deepEqual(r.invalid, ['hidden']);
  assert.equal(r.state.seed, 5, 'a valid setting after them still counts');
  assert.equal(S.problemList(r), 'hidden, foo');
  const many = S.parse('#' + Array.from({ length: 30 }, (_, i) => `k${i}=1`).join('&'));
  assert.equal(S.problemList(many), 'k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, …');
});

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withPage(hash, fn, locale = 'en-US') {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash, locale });
  try {
    await waitReady(page);
    await fn(page);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
}

// A paste event as the browser fires it, with `n` bytes of text on the clipboard.
function paste(page, n) {
  return page.evaluate((n) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'a'.repeat(n));
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    return !document.getElementById('corpus-text').dispatchEvent(ev); // true: prevented
  }, n);
}

const buttonsEnabled = (page) => page.evaluate(() => !document.getElementById('btn-train').disabled && !document.getElementById('btn-reset').disabled);

test('a 12 MB paste is refused with a message, and the buttons stay usable', () => withPage(hashFor(), async (page) => {
  const before = await page.locator('#corpus-text').inputValue();
  assert.equal(await paste(page, 12 * 1000 * 1000), true, 'the paste was stopped');
  assert.match(await waitMessage(page, /limit/), /The pasted text is 12\.0 MB; the limit is 5\.0 MB/);
  assert.equal(await page.locator('#corpus-text').inputValue(), before);
  assert.equal(await buttonsEnabled(page), true);
  assert.equal(await paste(page, 1000), false, 'a small paste goes through');
}));

test('a 6 MB text that lands in the box anyway is taken back, in Portuguese too', () => withPage(hashFor({ lang: 'pt' }), async (page) => {
  const before = await page.locator('#corpus-text').inputValue();
  await page.evaluate(() => {
    const area = document.getElementById('corpus-text');
    area.value = 'ç'.repeat(3 * 1000 * 1000); // 6 MB in UTF-8
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.match(await waitMessage(page, /limite/), /O texto colado tem 6,0 MB; o limite é 5,0 MB/);
  assert.equal(await page.locator('#corpus-text').inputValue(), before);
  assert.equal(await page.locator('#corpus-select').inputValue(), 'en-prose', 'the text in use did not change');
  assert.equal(await buttonsEnabled(page), true);
}, 'pt-BR'));

test('a page opened with an over-long hash uses the defaults and says why', () => withPage(
  hashFor({ hidden: 48 }) + '&' + 'zz=1&'.repeat(800), async (page) => {
    const msg = await waitMessage(page, /4,000/);
    assert.match(msg, /longer than 4,000 characters/);
    // the default is the engine's live preset (gen/engine-contract.js), not the hash's 48
    const live = String(require('../../web/gen/engine-contract.js').charlm.presets.live.hidden);
    assert.equal(await page.locator('#set-hidden').inputValue(), live);
    assert.ok((await messageText(page)).length < 300);
  }));
