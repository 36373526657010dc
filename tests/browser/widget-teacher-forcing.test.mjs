// widget-teacher-forcing.test.mjs - the teacher-forcing widget (fixed seed,
// from file://): after training, free running leaves the text at or after
// the let-go step; it is scored by the model's own log-likelihood of what it
// wrote (not against the original text), and the sentence comparing that with
// the text's follows the engine's two means; setInput changes the let-go step
// and the text; a text of the user's own is used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visibleTexts } from './helpers.mjs';
import { EMBED, openWidget } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('teacher-forcing: the text\'s likelihood vs its own continuation\'s; drift, let-go and texts', async () => {
  const { context, page, lines: problems } = await openWidget(browser, `${EMBED}?w=teacher-forcing&lang=en#train=150&letGo=6`, { readyTimeout: 20000 });
  try {
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'done'), null, { timeout: 90000 });
    const done = await page.evaluate(() => window.__events.find((e) => e.event === 'done'));
    assert.equal(done.step, 150);
    assert.equal(done.letGo, 6);
    assert.ok(Number.isFinite(done.meanOwn) && Number.isFinite(done.meanTF));
    assert.ok(done.drift >= 6, `drift ${done.drift}`);
    const text = 'o rato roeu a roupa do rei de roma.';
    const cols = await page.locator('.tf-row').first().locator('.tf-col').count();
    assert.equal(cols, text.length - 1);
    const tfIn = (await page.locator('.tf-row').first().locator('.tf-char').allTextContents()).join('').replace(/␣/g, ' ');
    assert.equal(tfIn, text.slice(0, -1));
    const means = page.locator('.tf-means');
    assert.equal(Number(await means.getAttribute('data-tf')), done.meanTF);
    assert.equal(Number(await means.getAttribute('data-own')), done.meanOwn);
    const fmt = (x) => x.toFixed(2);
    assert.equal(await means.textContent(), `From step 7, per character: the text ${fmt(done.meanTF)} nats, its own continuation ${fmt(done.meanOwn)} nats.`);
    const key = await page.locator('.tf-compare').getAttribute('data-key');
    assert.equal(key, done.meanOwn < done.meanTF ? 'ownLikelier' : 'textLikelierSampled');
    // the free-running bars are -log p of what it wrote: it never reports the original text's loss
    const frBars = await page.locator('.tf-row').nth(1).locator('.tf-col').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-loss'))));
    const tfBars = await page.locator('.tf-row').first().locator('.tf-col').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-loss'))));
    const after = (a) => a.slice(6).reduce((x, y) => x + y, 0) / (a.length - 6);
    assert.ok(Math.abs(after(frBars) - done.meanOwn) < 1e-4 && Math.abs(after(tfBars) - done.meanTF) < 1e-4);
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

test('teacher-forcing: the pt/en switch changes every visible string, and back', async () => {
  const { context, page, lines: problems } = await openWidget(browser, `${EMBED}?w=teacher-forcing&lang=en#train=20`, { readyTimeout: 20000 });
  // the text's characters, the model's outputs and the lecture's terms are the same in both languages
  const skip = '.tf-char, .tf-custom';
  const isSame = (s) => /^[\d\s.,:%·–-]*$/.test(s) || /^(Teacher forcing|o rato roeu…|batatinha…|to be or not…)$/.test(s);
  try {
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'done'), null, { timeout: 60000 });
    const en = await page.evaluate(visibleTexts, { skip });
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip });
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    assert.deepEqual(en.filter((x) => !isSame(x.text) && ptByWhere.get(x.where) === x.text), [], 'left in English');
    assert.equal(pt.length, en.length);
    assert.match(await page.locator('.tf-means').textContent(), /^Do passo 7 em diante, por caractere: o texto \d+,\d\d nats, a própria continuação \d+,\d\d nats\.$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.evaluate(visibleTexts, { skip }), en);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
