// widget-translation.test.mjs - the translation widget in embed mode
// (file://): a typed phrase is translated word by word, unknown words are
// named, the memorised sentence has one cell per hidden unit, and after a
// short training (fixed seed) the aligned network's exact match is lower
// where the lengths differ and near zero where an adjective moves, while
// the encoder-decoder learns; numbers read from data-value and step events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visibleTexts } from './helpers.mjs';
import { EMBED, openWidget } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('translation: phrase word by word, unknown words named, the aligned network fails where lengths or order differ', async () => {
  const { context, page, lines: problems } = await openWidget(browser, `${EMBED}?w=translation&lang=pt#steps=300&seed=1`, { width: 1280, height: 720, locale: 'pt-BR' });
  try {
    assert.equal(await page.locator('.tr-input').inputValue(), 'o gato pequeno não vê a bola');
    assert.equal(await page.locator('.tr-mem rect').count(), 128);
    assert.match(await page.locator('.tr-question').textContent(), /O que há de errado com essa rede\?/);
    assert.match(await page.locator('.tr-mem-label').textContent(), /frase memorizada/);

    await page.evaluate(() => window.postMessage({ command: 'play' }, '*'));
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'done'), null, { timeout: 90000 });
    const done = await page.evaluate(() => window.__events.find((e) => e.event === 'done'));
    assert.equal(done.step, 300);
    const split = Object.fromEntries(await page.locator('.tr-split li').evaluateAll((ls) => ls.map((l) => [l.dataset.key, Number(l.dataset.value)])));
    assert.equal(split.bySame, done.alignedSame);
    assert.ok(done.alignedLengths <= done.alignedSame - 0.2, JSON.stringify(done));
    assert.ok(done.alignedOrder <= 0.1, JSON.stringify(done));
    assert.equal(Number(await page.locator('.tr-panel .tr-score').first().getAttribute('data-value')), done.exact);
    const ed = await page.locator('.tr-words').first().getAttribute('data-value');
    assert.equal(ed, done.translation);
    assert.match(ed, /\.$/);

    await page.locator('.tr-input').fill('o gato vê a xícara');
    await page.waitForFunction(() => /xícara/.test(document.querySelector('.tr-note').textContent));
    assert.match(await page.locator('.tr-note').textContent(), /Palavras desconhecidas.*xícara/);
    assert.equal(await page.locator('.tr-words li').count(), 0);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// Every visible string (and accessible label) switches language, and back;
// the translated words and the typed phrase are data, not strings of ours.
test('translation: the pt/en switch changes every visible string, and back', async () => {
  const { context, page, lines: problems } = await openWidget(browser, `${EMBED}?w=translation&lang=en`);
  const skip = '.tr-words, .tr-input';
  const numberish = (s) => /^[\d\s.,:%·–−+]*$/.test(s);
  try {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'step'));
    const en = await page.evaluate(visibleTexts, { skip });
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip });
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    assert.deepEqual(en.filter((x) => !numberish(x.text) && ptByWhere.get(x.where) === x.text), [], 'left in English');
    assert.equal(pt.length, en.length);
    assert.ok(pt.length >= 15, `walked ${pt.length} strings`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.evaluate(visibleTexts, { skip }), en);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
