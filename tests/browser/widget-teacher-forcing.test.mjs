// widget-teacher-forcing.test.mjs - the teacher-forcing widget (fixed seed,
// from file://): after training, free running from the let-go step has a
// higher loss than teacher forcing on the same text and drifts at or after
// that step; the per-step losses are shown for every step; setInput changes
// the let-go step and the text; a text of the user's own is used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './helpers.mjs';
import { EMBED, openWidget } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('teacher-forcing: free running loses more than teacher forcing on the same text; drift, let-go and texts', async () => {
  const { context, page, lines: problems } = await openWidget(browser, `${EMBED}?w=teacher-forcing&lang=en#train=150&letGo=6`, { readyTimeout: 20000 });
  try {
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'done'), null, { timeout: 90000 });
    const done = await page.evaluate(() => window.__events.find((e) => e.event === 'done'));
    assert.equal(done.step, 150);
    assert.equal(done.letGo, 6);
    assert.ok(done.meanFR > done.meanTF, `free running ${done.meanFR} vs teacher forcing ${done.meanTF}`);
    assert.ok(done.drift >= 6, `drift ${done.drift}`);
    const text = 'o rato roeu a roupa do rei de roma.';
    const cols = await page.locator('.tf-row').first().locator('.tf-col').count();
    assert.equal(cols, text.length - 1);
    const tfIn = (await page.locator('.tf-row').first().locator('.tf-char').allTextContents()).join('').replace(/␣/g, ' ');
    assert.equal(tfIn, text.slice(0, -1));
    const means = page.locator('.tf-means');
    assert.equal(Number(await means.getAttribute('data-tf')), done.meanTF);
    assert.equal(Number(await means.getAttribute('data-fr')), done.meanFR);
    // let go later: the columns before it are fed the truth in both rows
    await page.evaluate(() => window.postMessage({ command: 'setInput', input: { letGo: 20 } }, '*'));
    await page.waitForFunction(() => /step 21/.test(document.querySelector('.tf-means').textContent));
    const fr = (await page.locator('.tf-row').nth(1).locator('.tf-char').allTextContents()).join('').replace(/␣/g, ' ');
    assert.equal(fr.slice(0, 20), text.slice(0, 20));
    assert.ok(Number(await page.locator('.tf-drift').getAttribute('data-value')) >= 20);
    // a text of one's own: a fresh model on it, its characters in the rows
    await page.locator('.tf-custom').fill('abc abd abe abf');
    await page.locator('.tf-custom').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.tf-row')[0].children.length === 14, null, { timeout: 20000 });
    assert.equal(await page.getByRole('button', { name: 'Yours' }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
