// widget-sum-rnn.test.mjs - the sum-rnn widget ("esta RNN soma as entradas")
// in embed.html from file://: the slide's numbers (2, 1.5, 2.5, 3.5), the
// recurrent weight's regimes (0.5 forgets, 2 blows up) with the engine's
// numbers, play to the end, fields and setInput checked like the hash, and
// the pt/en switch. The generic checks (sizes, console, network, keyboard)
// are in widgets.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visibleTexts } from './helpers.mjs';
import { EMBED, openWidget, post } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (hash = '', lang = 'en') => openWidget(browser, `${EMBED}?w=sum-rnn&lang=${lang}${hash ? '#' + hash : ''}`);
const stepEvents = (page) => page.evaluate(() => window.__events.filter((e) => e.event === 'step' && e.t > 0));
const waitSteps = (page, n) => page.waitForFunction((k) => window.__events.filter((e) => e.event === 'step' && e.t > 0).length >= k, n);
const waitLast = (page, pred) => page.waitForFunction(pred, null, { timeout: 10000 });
// the hidden and output values the graph shows, from the engine (data-value)
const graphValues = (page, kind) => page.evaluate((k) => [...document.querySelectorAll(`.sumrnn-${k}`)]
  .filter((n) => n.getAttribute('data-key') !== 'h0')
  .map((n) => { const v = n.querySelector('.sumrnn-val').getAttribute('data-value'); return v === null ? null : Number(v); }), kind);

test('sum-rnn: the slide\'s input 2, −0.5, 1, 1 gives the hidden values 2, 1.5, 2.5, 3.5, one column per →', async () => {
  const { context, page, lines: consoleLines } = await open();
  try {
    assert.deepEqual(await graphValues(page, 'h'), [null, null, null, null]);
    assert.deepEqual(await graphValues(page, 'x'), [2, -0.5, 1, 1]);
    assert.equal(await page.locator('.sumrnn-verdict').getAttribute('data-regime'), 'sum');
    await page.keyboard.press('ArrowRight');
    await waitSteps(page, 1);
    assert.deepEqual(await graphValues(page, 'h'), [2, null, null, null]);   // fills in as the user steps
    // the folded picture (self-loop W) shows the state after the latest step; why the weights are shared
    assert.equal(await page.locator('.sumrnn-fh').getAttribute('data-value'), '2');
    assert.match(await page.locator('.sumrnn-loop .sumrnn-weight').textContent(), /^W = 1$/);
    assert.match(await page.locator('.sumrnn-why').textContent(), /same rule holds at every instant \(time invariance\).*any length/);
    assert.match(await page.locator('.sumrnn-rule').textContent(), /bias b = 0 \(the slides omit it\)/);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await waitSteps(page, 4);
    assert.deepEqual(await graphValues(page, 'h'), [2, 1.5, 2.5, 3.5]);
    assert.deepEqual(await graphValues(page, 'y'), [2, 1.5, 2.5, 3.5]);
    assert.deepEqual((await stepEvents(page)).map((e) => e.h), [2, 1.5, 2.5, 3.5]);
    assert.deepEqual(await page.locator('.sumrnn-h .sumrnn-val').allTextContents(), ['0', '2', '1.5', '2.5', '3.5']);
    await page.keyboard.press('ArrowRight');                                 // past the end: nothing more
    await page.waitForTimeout(200);
    assert.equal((await stepEvents(page)).length, 4);
    assert.match(await page.locator('.sumrnn-status').textContent(), /After 4 steps: h = 3.5/);
    await page.keyboard.press('r');
    await waitLast(page, () => window.__events[window.__events.length - 1].t === 0);
    assert.deepEqual(await graphValues(page, 'h'), [null, null, null, null]);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('sum-rnn: recurrent weight 0.5 forgets, 2 blows up, 1 sums; the sentence follows the engine\'s numbers', async () => {
  const { context, page, lines: consoleLines } = await open('delay=100');
  try {
    const cases = [
      { W: 0.5, regime: 'forget', h: [2, 0.5, 1.25, 1.625], k: 0.125, text: /it forgets.*multiplied by 0.125/ },
      { W: 2, regime: 'explode', h: [2, 3.5, 8, 17], k: 8, text: /it blows up.*multiplied by 8/ },
      { W: -1, regime: 'alternate', h: [2, -2.5, 3.5, -2.5], k: -1, text: /sign flips/ },
      { W: 0, regime: 'none', h: [2, -0.5, 1, 1], k: 0, text: /no memory/ },
      { W: 1, regime: 'sum', h: [2, 1.5, 2.5, 3.5], k: 1, text: /it sums/ },
    ];
    for (const c of cases) {
      await post(page, { command: 'setInput', input: { W: c.W } });
      await page.waitForFunction((r) => document.querySelector('.sumrnn-verdict').getAttribute('data-regime') === r, c.regime);
      assert.equal(Number(await page.locator('.sumrnn-verdict').getAttribute('data-value')), c.k, `W = ${c.W}`);
      assert.match(await page.locator('.sumrnn-verdict').textContent(), c.text);
      const before = await page.evaluate(() => window.__events.filter((e) => e.event === 'done').length);
      await post(page, { command: 'play' });
      await page.waitForFunction((n) => window.__events.filter((e) => e.event === 'done').length > n, before, { timeout: 10000 });
      assert.deepEqual(await graphValues(page, 'h'), c.h, `W = ${c.W}`);
      assert.equal(await page.locator('#btn-play').getAttribute('data-k'), 'play');
    }
    // the presets set W
    await page.getByRole('button', { name: 'blows up (2)' }).click();
    await page.waitForFunction(() => document.querySelector('.sumrnn-verdict').getAttribute('data-regime') === 'explode');
    assert.equal(await page.getByRole('button', { name: 'blows up (2)' }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('sum-rnn: fields, setInput and the hash are checked alike; bad values change nothing', async () => {
  let { context, page, lines: consoleLines } = await open('x=1;2;3;4;5;6;7&W=9&U=2');
  try {
    assert.equal(await page.locator('#embed-notice').textContent(), 'Not understood in the link, defaults used: x, W.');
    assert.deepEqual(await graphValues(page, 'x'), [2, -0.5, 1, 1]);
    await page.keyboard.press('ArrowRight');
    await waitSteps(page, 1);
    assert.deepEqual(await graphValues(page, 'h'), [4, null, null, null]);   // U = 2 from the link
    const x = page.getByRole('textbox', { name: 'Inputs x, 1 to 6 numbers' });
    await x.fill('1 2,5; -3');
    await x.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.sumrnn-x').length === 3);
    assert.deepEqual(await graphValues(page, 'x'), [1, 2.5, -3]);
    await x.fill('one, two');
    await x.press('Enter');
    await page.locator('.sumrnn-error:not(:empty)').waitFor();
    assert.equal(await x.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await graphValues(page, 'x'), [1, 2.5, -3]);
    const w = page.getByRole('textbox', { name: 'Recurrent weight W' });
    await w.fill('0,5');
    await w.press('Enter');
    await page.waitForFunction(() => document.querySelector('.sumrnn-verdict').getAttribute('data-regime') === 'forget');
    assert.equal(await page.locator('.sumrnn-error').textContent(), '');
    for (const input of [{ x: [1, 2] }, { x: '1;;2' }, { W: 5.5 }, { U: 'big' }, { delay: 100 }]) {
      await post(page, { command: 'setInput', input });
    }
    await page.waitForFunction(() => window.__events.filter((e) => e.event === 'rejected').length >= 5);
    assert.deepEqual(await graphValues(page, 'x'), [1, 2.5, -3]);
    await post(page, { command: 'setInput', input: { x: '2; -0.5; 1; 1', W: 1, U: 1 } });
    await page.waitForFunction(() => document.querySelectorAll('.sumrnn-x').length === 4);
    for (let i = 0; i < 4; i++) await post(page, { command: 'step' });
    await page.waitForFunction(() => window.__events[window.__events.length - 1].t === 4);
    assert.deepEqual(await graphValues(page, 'h'), [2, 1.5, 2.5, 3.5]);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('sum-rnn: the pt/en switch changes every visible string, and back', async () => {
  const { context, page, lines: consoleLines } = await open('', 'en');
  const skip = '.math, .sumrnn-val';
  const isNumberish = (s) => /^[\d\s.,:%·–-]*$/.test(s);
  try {
    await page.keyboard.press('ArrowRight');
    await waitSteps(page, 1);
    const en = await page.evaluate(visibleTexts, { skip });
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip });
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    assert.deepEqual(en.filter((x) => !isNumberish(x.text) && ptByWhere.get(x.where) === x.text), [], 'left in English');
    assert.equal(pt.length, en.length);
    assert.equal(await page.locator('h1').textContent(), 'Esta RNN soma as entradas');
    assert.equal(await page.getByRole('textbox', { name: 'Entradas x, de 1 a 6 números' }).inputValue(), '2; −0,5; 1; 1');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.evaluate(visibleTexts, { skip }), en);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});
