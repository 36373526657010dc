// The sentiment widget (issue 8 §2 item 3): with the hand-set W_ax the
// lecture's review comes out negative, word by word from the engine's step();
// an edited weight changes the engine's answer; "train it" reaches ≥ 90% on
// held-out generated reviews (fixed seed, 200 steps); a typed review shows its
// unknown words as unknown; setInput and the language switch. The generic
// checks (sizes, scrollbars, console, network, keyboard) are in widgets.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visibleTexts } from './helpers.mjs';
import { EMBED, openWidget, events, post } from './widget-helpers.mjs';

const LECTURE = 'O filme é péssimo, roteiro horrível, mas a música é boa!';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (query, { width = 960, height = 540 } = {}) =>
  openWidget(browser, `${EMBED}?w=sentiment&${query}`, { width, height, workerConsole: true });

const waitEvents = (page, name, n, timeout = 20000) =>
  page.waitForFunction(([nm, k]) => window.__events.filter((e) => e.event === nm).length >= k, [name, n], { timeout });
const close = (a, b) => Math.abs(a - b) < 1e-5;

test('hand-set weights: the lecture review is accumulated word by word and called negative', async () => {
  const { context, page, lines: consoleLines } = await open('lang=en');
  try {
    assert.equal(await page.locator('.sent-text').inputValue(), LECTURE);
    assert.equal(await page.locator('.sent-status').textContent(), '11 words, a⁽⁰⁾ = 0. → adds a word.');
    assert.equal(await page.locator('.sent-out').getAttribute('data-verdict'), null);
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    await waitEvents(page, 'step', 11);
    const steps = await events(page, 'step');
    assert.deepEqual(steps.map((e) => e.step), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.deepEqual(steps.map((e) => e.word), ['O', 'filme', 'é', 'péssimo', 'roteiro', 'horrível', 'mas', 'a', 'música', 'é', 'boa']);
    // rows film / sentiment / genre: the running sums of the hand-set columns
    assert.deepEqual(steps[3].h, [1, -1, 0]);                    // "o filme é péssimo"
    assert.deepEqual(steps[5].h, [2, -2, 0]);                    // + "roteiro horrível"
    assert.deepEqual(steps[10].h, [3, -1, 1]);                   // + "mas a música é boa"
    assert.ok(steps.slice(0, 10).every((e) => e.y === null), 'many-to-one: no output before the last word');
    assert.ok(close(steps[10].y, Math.tanh(-1)), `y = ${steps[10].y}`);
    const out = page.locator('.sent-out');
    assert.equal(await out.getAttribute('data-verdict'), 'negative');
    assert.ok(close(Number(await out.getAttribute('data-value')), Math.tanh(-1)));
    assert.match(await out.textContent(), /^ŷ = tanh\(V a⁽ᵀ⁾\) = tanh\(−1\) = −0\.76 → negative \(y = −1\)$/);
    const last = await page.locator('.sent-acc tbody tr td:last-child').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    assert.deepEqual(last, [3, -1, 1]);
    // → at the end changes nothing; space replays from the first word
    await page.keyboard.press('ArrowRight');
    await waitEvents(page, 'step', 12);
    assert.equal((await events(page, 'step'))[11].step, 11);
    // edit a weight: "boa" counts 3 on the sentiment row -> -1 -1 +3 = +1, positive (the engine recomputes)
    const boa = page.getByRole('textbox', { name: 'sentiment, boa' });
    await boa.fill('3');
    await boa.press('Enter');
    await page.waitForFunction(() => document.querySelector('.sent-out').getAttribute('data-verdict') === 'positive');
    assert.ok(close(Number(await out.getAttribute('data-value')), Math.tanh(1)));
    // nonsense in a cell is marked and changes nothing
    await boa.fill('abc');
    await boa.press('Enter');
    assert.equal(await boa.getAttribute('aria-invalid'), 'true');
    await page.waitForTimeout(200);
    assert.equal(await out.getAttribute('data-verdict'), 'positive');
    // r: the default weights and the first word again
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    await page.waitForFunction(() => window.__events[window.__events.length - 1].step === 0);
    assert.equal(await boa.inputValue(), '1');
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__events[window.__events.length - 1].step === 11);
    assert.equal(await out.getAttribute('data-verdict'), 'negative');
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('train it: ≥ 90% on held-out generated reviews after 200 steps (seed 1), learned matrix beside the hand-set one', async () => {
  const { context, page, lines: consoleLines } = await open('lang=en#mode=train&seed=1&steps=200');
  try {
    const before = Number(await page.locator('.sent-score').getAttribute('data-value'));
    assert.ok(before < 0.9, `untrained ${before}`);
    assert.match(await page.locator('.sent-status').textContent(), /^Untrained/);
    await post(page, { command: 'play' });
    await waitEvents(page, 'done', 1, 60000);
    const done = (await events(page, 'done'))[0];
    assert.equal(done.mode, 'train');
    assert.equal(done.step, 200);
    assert.ok(done.accuracy >= 0.9, `held-out accuracy ${done.accuracy}`);
    assert.equal(Number(await page.locator('.sent-score').getAttribute('data-value')), done.accuracy);
    assert.match(await page.locator('.sent-score').textContent(), /^Held-out reviews classified right: \d+% \(of 500 never seen in training\)$/);
    const learned = await page.locator('.sent-learned tr').evaluateAll((rows) => rows.map((r) =>
      [...r.querySelectorAll('td')].map((td) => Number(td.getAttribute('data-value')))));
    assert.equal(learned.length, 3);
    assert.ok(learned.every((r) => r.length === 15 && r.every(Number.isFinite)));
    assert.equal(await page.locator('.sent-handrows tr').count(), 3);            // the hand-set rows stay, above
    const verdicts = await page.locator('.sent-verdict').evaluateAll((vs) => vs.map((v) => [v.getAttribute('data-net'), v.getAttribute('data-verdict')]));
    assert.deepEqual(verdicts, [['hand', 'negative'], ['trained', 'negative']]);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('a typed review: unknown words are shown as unknown (no input), the known ones still count', async () => {
  const { context, page, lines: consoleLines } = await open('lang=en');
  try {
    await page.locator('.sent-text').fill('O filme é ótimo, mas o roteiro é chato');
    await page.waitForFunction(() => document.querySelectorAll('.sent-acc-word').length === 9);
    const unknown = page.locator('.sent-acc-word.unknown');
    assert.equal(await unknown.count(), 1);
    assert.equal(await unknown.textContent(), 'ótimo');
    assert.equal(await unknown.getAttribute('aria-label'), 'ótimo (unknown word: no input)');
    // typing shows every word: the unknown one adds nothing, "chato" makes it negative
    const cols = await page.locator('.sent-acc tbody tr:nth-child(2) td').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    assert.deepEqual(cols, [0, 0, 0, 0, 0, 0, 0, 0, -1]);
    assert.equal(await page.locator('.sent-out').getAttribute('data-verdict'), 'negative');
    await page.getByRole('button', { name: 'Train it' }).click();
    const chips = page.locator('.sent-chip.unknown');
    await chips.waitFor();
    assert.equal(await chips.count(), 1);
    assert.equal(await chips.textContent(), 'ótimounknown');
    assert.equal(await page.locator('.sent-unknown').textContent(), 'unknown');
    assert.equal(await page.locator('.sent-chip').count(), 9);
    // only unknown words: nothing read, both verdicts "undecided"
    await page.locator('.sent-text').fill('great movie');
    await page.waitForFunction(() => document.querySelectorAll('.sent-chip.unknown').length === 2);
    const v = await page.locator('.sent-verdict').evaluateAll((vs) => vs.map((x) => x.getAttribute('data-verdict')));
    assert.equal(v[0], 'undecided');
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('setInput: a deck sets the review and the view; bad values are rejected', async () => {
  const { context, page, lines: consoleLines } = await open('lang=en');
  try {
    await post(page, { command: 'setInput', input: { text: 'a música é boa mas o filme é chato' } });
    await page.waitForFunction(() => document.querySelector('.sent-status').textContent.startsWith('9 words'));
    for (let i = 0; i < 9; i++) await post(page, { command: 'step' });
    await waitEvents(page, 'step', 9);
    assert.equal(await page.locator('.sent-out').getAttribute('data-verdict'), 'undecided');   // +1 -1 = 0 by hand
    await post(page, { command: 'setInput', input: { mode: 'train' } });
    await page.locator('.sent-train:not([hidden])').waitFor();
    await post(page, { command: 'step' });
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'step' && e.mode === 'train'));
    const ev = (await events(page, 'step')).filter((e) => e.mode === 'train')[0];
    assert.equal(ev.step, 10);
    assert.ok(ev.accuracy >= 0 && ev.accuracy <= 1 && Number.isFinite(ev.loss));
    for (const m of [{ command: 'setInput', input: { mode: 'auto' } }, { command: 'setInput', input: { text: 'x'.repeat(201) } },
      { command: 'setInput', input: { hidden: 2 } }, { command: 'setInput', input: { text: ['x'] } }]) await post(page, m);
    await page.waitForFunction(() => window.__events.filter((e) => e.event === 'rejected').length >= 4);
    assert.equal(await page.locator('.sent-text').inputValue(), 'a música é boa mas o filme é chato');
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('the pt/en switch changes every visible string, and back (both views)', async () => {
  const { context, page, lines: consoleLines } = await open('lang=en', { width: 1280, height: 720 });
  // the vocabulary, the review and the formulas are the lecture's, in both languages
  const skip = '.sent-word, .sent-acc-word, .sent-corner, .sent-value, .sent-chip, .sent-cell';
  const isSame = (s) => /^[\d\s.,:%·–-]*$/.test(s) || /^(ŷ|a⁽|tanh|linear)/.test(s);
  const walk = async () => {
    const en = await page.evaluate(visibleTexts, { skip });
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip });
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    assert.deepEqual(en.filter((x) => !isSame(x.text) && ptByWhere.get(x.where) === x.text), [], 'left in English');
    assert.equal(pt.length, en.length);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.evaluate(visibleTexts, { skip }), en);
    return pt;
  };
  try {
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    await waitEvents(page, 'step', 11);
    const pt = await walk();
    assert.ok(pt.some((x) => x.text === 'ŷ = tanh(V a⁽ᵀ⁾) = tanh(−1) = −0,76 → negativa (y = −1)'), JSON.stringify(pt));
    await page.getByRole('button', { name: 'Train it' }).click();
    await page.locator('.sent-train:not([hidden])').waitFor();
    await page.locator('.sent-text').focus();
    await walk();
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});
