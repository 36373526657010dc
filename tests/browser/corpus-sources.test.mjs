// Corpus sources other than typing: "load from URL" (only on request; the
// network is replaced by Playwright routes, so nothing leaves the machine),
// drag and drop, and the Content-Security-Policy that guards the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, FILE_URL, hashFor, waitMessage, startServer, waitStepAbove, ROOT } from './helpers.mjs';

const SHAKESPEARE = 'https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt';
let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); server?.server.close(); });

test('no request at load; "Load from URL" fetches only when asked, with limits', async () => {
  const asked = [];
  const route = (route) => {
    const url = route.request().url();
    asked.push(url);
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'text/plain; charset=utf-8' };
    if (url === SHAKESPEARE) return route.fulfill({ status: 200, headers, body: 'First Citizen:\nBefore we proceed any further, hear me speak.\n'.repeat(50) });
    if (url.endsWith('/missing.txt')) return route.fulfill({ status: 404, headers, body: 'nope' });
    if (url.endsWith('/huge.txt')) return route.fulfill({ status: 200, headers, body: Buffer.alloc(5 * 1000 * 1000 + 10, 0x62) });
    if (url.endsWith('/binary.bin')) return route.fulfill({ status: 200, headers, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) });
    return route.abort();
  };
  const { context, page, problems, requests } = await openPage(browser, FILE_URL, { hash: hashFor(), route });
  try {
    await waitReady(page);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:')), [], 'nothing fetched at load');
    await page.getByRole('button', { name: 'Tiny Shakespeare (public copy)' }).click();
    assert.match(await waitMessage(page, /Loaded \d|Could not/), /Loaded 3,050 characters from https:\/\/raw\.githubusercontent\.com/);
    assert.match(await page.locator('#corpus-text').inputValue(), /^First Citizen:/);
    assert.deepEqual(asked, [SHAKESPEARE]);
    const url = page.getByLabel('Load from a URL');
    await url.fill('https://example.test/missing.txt');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    assert.match(await waitMessage(page, /Could not load/), /the server answered 404/);
    await url.fill('https://example.test/huge.txt');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    assert.match(await waitMessage(page, /limit/), /the limit is 5\.0 MB/);
    await url.fill('https://example.test/binary.bin');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    assert.match(await waitMessage(page, /UTF-8/), /does not look like UTF-8 text/);
    await url.fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    assert.match(await waitMessage(page, /valid http/), /not a valid http\(s\) URL/);
    // the loaded text trains
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('vocab-value').textContent !== '–' && !document.getElementById('btn-train').disabled);
    assert.equal(await page.locator('#corpus-select').inputValue(), 'custom');
    const failedFetchNoise = problems.filter((p) => !/404|Failed to load resource/.test(p));
    assert.deepEqual(failedFetchNoise, []);
  } finally { await context.close(); }
});

test('a text file dropped on the corpus panel is loaded', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await waitReady(page);
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['uma frase solta, arrastada para cá.\n'.repeat(30)], 'solta.txt', { type: 'text/plain' }));
      return d;
    });
    await page.locator('#drop-zone').dispatchEvent('dragover', { dataTransfer: dt });
    await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer: dt });
    assert.match(await waitMessage(page, /solta\.txt/), /Loaded “solta\.txt”/);
    assert.match(await page.locator('#corpus-text').inputValue(), /^uma frase solta/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('the Content-Security-Policy forbids inline script and eval, from disk and over http', async () => {
  for (const url of [FILE_URL, server.url]) {
    const { context, page, problems } = await openPage(browser, url, { hash: hashFor() });
    try {
      await waitReady(page);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
      // (code run by page.evaluate itself is exempt from CSP, so the probes are
      // strings the page would have to compile: a timer string, an inline
      // <script>, an inline event handler)
      // No fixed sleep before the negative checks: each probe is awaited until the
      // moment it would have run — the CSP violation report of all three
      // (securitypolicyviolation events) and the image's own error event (a
      // listener added from here runs after the inline handler would have).
      const r = await page.evaluate(async () => {
        const reports = [];
        let reported;
        const allReported = new Promise((res) => { reported = res; });
        document.addEventListener('securitypolicyviolation', (e) => {
          if (!/^script-src/.test(e.violatedDirective)) return; // (the data: image may be refused too)
          reports.push(e.violatedDirective);
          if (reports.length === 3) reported();
        });
        setTimeout('window.__timer = 1', 0);
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.appendChild(s);
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__handler = 1');
        const errored = new Promise((res) => img.addEventListener('error', res));
        img.src = 'data:,x';
        document.body.appendChild(img);
        // (the 20 s bound only turns a missing report into a failure instead of a hang)
        await Promise.race([Promise.all([allReported, errored]), new Promise((res) => setTimeout(res, 20000))]);
        await new Promise((res) => setTimeout(res, 0)); // a timer queued after the string timer would have run
        img.remove();
        return { timer: window.__timer === 1, inline: window.__inline === 1, handler: window.__handler === 1,
          reports: reports.join(' ') };
      });
      assert.equal(r.reports.split(' ').length, 3, `one CSP script-src violation report per probe: ${r.reports}`);
      delete r.reports;
      assert.deepEqual(r, { timer: false, inline: false, handler: false });
      // the only console errors are the refusals just provoked
      assert.ok(problems.length >= 2, problems.join('\n'));
      assert.ok(problems.every((p) => /Content Security Policy|unsafe-eval|Refused/.test(p)), problems.join('\n'));
    } finally { await context.close(); }
  }
});

test('Tiny Shakespeare (1.1 MB) from a file: preview only, counts, and it trains', async (t) => {
  const file = join(ROOT, '..', 'shared', 'data', 'tinyshakespeare.txt');
  if (!existsSync(file)) { t.skip('../shared/data/tinyshakespeare.txt not present'); return; }
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor({ hidden: 64, seq: 32, batch: 16 }) });
  try {
    await waitReady(page);
    await page.locator('#corpus-file').setInputFiles(file);
    assert.match(await waitMessage(page, /Loaded/), /Loaded “tinyshakespeare\.txt”: 1,115,394 characters/);
    assert.equal(await page.locator('#corpus-text').evaluate((el) => el.readOnly), true);
    assert.match(await page.locator('#corpus-preview').textContent(), /Showing the first 5,000 of 1,115,394 characters/);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('vocab-value').textContent === '65' && !document.getElementById('btn-train').disabled);
    await page.waitForFunction(() => /1,115,394 characters.*training 1,003,855, validation 111,539/.test(document.getElementById('corpus-stats').textContent));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitStepAbove(page, 5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // What once made training janky (80 ms per progress update) was the whole text
    // in the textarea; it holds the 5,000-character preview. (How smooth training
    // is, is measured by scripts/bench-web.mjs, not asserted: no timing here.)
    const shown = await page.locator('#corpus-text').inputValue();
    assert.equal(shown, readFileSync(file, 'utf8').slice(0, 5000) + '\n…');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('built-in texts the engine generates: counting in Portuguese and small programs', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor({ corpus: 'counting' }) });
  try {
    await waitReady(page);
    // from the link: generated once the engine runs, then the model is built on it
    assert.match(await page.locator('#corpus-text').inputValue(), /^(\p{L}+( e \p{L}+)*, )+/u);
    assert.match(await page.locator('#corpus-text').inputValue(), /\b(vinte|trinta|quarenta|cinquenta)\b/);
    await page.waitForFunction(() => document.getElementById('vocab-value').textContent !== '–');
    await page.locator('#corpus-select').selectOption('programs');
    await page.waitForFunction(() => /print\(/.test(document.getElementById('corpus-text').value));
    const text = await page.locator('#corpus-text').inputValue();
    assert.match(text, /^print\(|^\w=/);
    assert.match(text, /\n# -?\d+\n/);
    assert.match(await page.evaluate(() => location.hash), /corpus=programs/);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => !document.getElementById('btn-train').disabled);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitStepAbove(page, 50);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
