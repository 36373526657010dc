// Every visible string exists in pt-BR and English; the language comes from
// the browser, can be switched and is kept in the URL; accessible names and
// keyboard operation; phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, FILE_URL, hashFor, waitStepAbove, stepOnce, visibleTexts } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Strings that are the same in both languages on purpose (names, symbols).
const NEUTRAL = new Set(['Adam', 'Adagrad', 'RMSprop', 'tanh', 'ReLU', 'Tiny Shakespeare', '–', '·']);
const isNumberish = (s) => /^[\d\s.,:%·e+\-–−×=]*$/i.test(s);


test('switching the language changes every visible string, and back', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await waitReady(page);
    await stepOnce(page);          // fill the stats and the sample caption
    await page.locator('#samples .sample-text span:not(.prime)').first().hover();
    await page.locator('#corpus-text').fill('');
    await page.getByRole('button', { name: 'Reset', exact: true }).click(); // an error message is visible too
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    await page.waitForFunction(() => /^0 characters/.test(document.getElementById('corpus-stats').textContent));
    const en = await page.evaluate(visibleTexts, { skip: '.sample-text, textarea' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip: '.sample-text, textarea' });
    assert.match(await page.evaluate(() => location.hash), /lang=pt/);
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    const same = [];
    for (const { where, text } of en) {
      if (NEUTRAL.has(text) || isNumberish(text) || text.startsWith('Tiny Shakespeare')) continue;
      if (!ptByWhere.has(where)) continue; // e.g. chart tick labels that moved
      if (ptByWhere.get(where) === text) same.push(`${where}: ${text}`);
    }
    assert.deepEqual(same, [], 'strings left in English after switching to Portuguese');
    const enWords = new Set(en.map((x) => x.text));
    const leaked = pt.filter((x) => enWords.has(x.text) && !NEUTRAL.has(x.text) && !isNumberish(x.text) &&
      !x.text.startsWith('Tiny Shakespeare'));
    assert.deepEqual(leaked, []);
    assert.ok(pt.length >= 60, `walked ${pt.length} strings`);
    // accessible names follow the language
    await page.getByRole('button', { name: 'Treinar', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Amostras', exact: true }).waitFor();
    await page.getByRole('status', { name: 'Perda' }).waitFor();
    // and back
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const back = await page.evaluate(visibleTexts, { skip: '.sample-text, textarea' });
    assert.deepEqual(back.map((x) => x.text).filter((s) => !isNumberish(s)), en.map((x) => x.text).filter((s) => !isNumberish(s)));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('the language comes from the browser, and the hash wins over it', async () => {
  for (const [locale, hash, want] of [['pt-BR', '', 'pt-BR'], ['en-GB', '', 'en'], ['pt-BR', '#lang=en', 'en'], ['fr-FR', '', 'en']]) {
    const { context, page } = await openPage(browser, FILE_URL, { locale, hash });
    try {
      await page.waitForFunction(() => document.documentElement.getAttribute('data-booted') === '1');
      assert.equal(await page.evaluate(() => document.documentElement.lang), want, `${locale} ${hash}`);
      if (want === 'pt-BR') assert.equal(await page.locator('h1').textContent(), 'Laboratório de RNN simples');
    } finally { await context.close(); }
  }
});

test('accessible names, keyboard operation and a phone-width screen', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await page.setViewportSize({ width: 360, height: 740 });
    await waitReady(page);
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await train.waitFor();
    await page.getByRole('region', { name: 'Samples', exact: true }).waitFor();
    const loss = page.getByRole('status', { name: 'Loss' });
    assert.equal(await loss.textContent(), '–');
    // every form control has a name
    const unnamed = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, textarea, button'))
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
      .map((el) => el.id || el.outerHTML.slice(0, 60)));
    assert.deepEqual(unnamed, []);
    // Tab to "Train" and press Enter
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement && document.activeElement.id === 'btn-train');
    }
    assert.ok(found, 'Train is reachable with Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await waitStepAbove(page, 50);
    assert.match(await loss.textContent(), /^\d+\.\d{3}$/);
    // Space on the focused Pause button
    await page.locator('#btn-pause').focus();
    await page.keyboard.press(' ');
    await page.waitForFunction(() => !document.getElementById('btn-train').disabled);
    // arrow keys walk the sample and show the top-5
    await page.locator('#samples').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelectorAll('#top5 li').length === 5);
    // no horizontal scrolling at phone width
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('presentation view hides the set-up panels, is kept in the URL, and keeps the run working', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await waitReady(page);
    const toggle = page.getByRole('button', { name: 'Presentation view' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByRole('region', { name: 'Training text' }).isVisible(), false);
    assert.equal(await page.getByRole('region', { name: 'Model and training' }).isVisible(), false);
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /present=1/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitStepAbove(page, 20);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('region', { name: 'Samples', exact: true }).waitFor();
    // a link with present=1 opens in presentation view
    const again = await openPage(browser, FILE_URL, { hash });
    try {
      await again.page.waitForFunction(() => document.body.classList.contains('present'));
    } finally { await again.context.close(); }
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
