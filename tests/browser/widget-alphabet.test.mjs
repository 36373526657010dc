// The alphabet widget's captions (issue 18 item 5): the "from Q" hesitation
// is measured, and said for what it is. A network that only ever started its
// recitals at A starts cold at Q with a state it never had there and is
// unsure of R; one trained from every starting letter (each from a blank
// state: `starts=any`) is not. "Backwards" is said to be a sequence it never
// learned. The sentences are filled from the engine's probabilities. The
// basic numbers (forwards right, backwards wrong) are in widgets.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './helpers.mjs';
import { EMBED, openWidget, events, waitEvents, post } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const firstP = async (page) => Number((await page.locator('.alphabet-p').allTextContents())[1]);

async function trainedFromQ(starts) {
  const { context, page, lines } = await openWidget(browser, `${EMBED}?w=alphabet&lang=en#start=Q&starts=${starts}&seed=1`);
  await post(page, { command: 'play' });
  await waitEvents(page, 'done', 1, 60000);
  await page.waitForFunction(() => document.querySelector('.alphabet-explain').textContent !== '');
  return { context, page, lines };
}

test('from Q: trained always from A it hesitates at R, and the caption says why with the engine\'s number', async () => {
  const { context, page, lines } = await trainedFromQ('A');
  try {
    const p1 = await firstP(page);
    assert.ok(p1 < 75, `P(R | cold Q) = ${p1}%`);
    const sure = Number(await page.locator('.alphabet-explain').getAttribute('data-sure'));
    assert.ok(sure >= 1, `sure from index ${sure}`);
    const letters = await page.locator('.alphabet-letter').allTextContents();
    assert.equal(await page.locator('.alphabet-explain').textContent(),
      `It only ever started at A, so at Q its state always carried the letters before. Started cold at Q, it gives R ${p1}%; from ${letters[sure + 1]} on it is sure (≥ 90%).`);
    assert.equal(await page.locator('button[aria-pressed=true]', { hasText: 'always from A' }).count(), 1);
    // backwards: said to be a sequence it never learned
    await post(page, { command: 'setInput', input: { start: 'Z', dir: 'backward' } });
    await page.waitForFunction(() => document.querySelector('.alphabet-explain').textContent.startsWith('Backwards'));
    assert.match(await page.locator('.alphabet-explain').textContent(), /^Backwards is a sequence it never learned: it trained on the alphabet forwards only\./);
    assert.deepEqual(lines, []);
  } finally { await context.close(); }
});

test('from Q: trained from every letter it does not hesitate (the hesitation came from the unseen start)', async () => {
  const a = await trainedFromQ('A');
  const pA = await firstP(a.page);
  await a.context.close();
  const { context, page, lines } = await trainedFromQ('any');
  try {
    const p1 = await firstP(page);
    assert.ok(p1 >= 80 && p1 >= pA + 20, `P(R | cold Q): ${p1}% trained from every letter, ${pA}% trained from A`);
    assert.match(await page.locator('.alphabet-explain').textContent(), new RegExp(`^It learned to start at any letter, each time from a blank state: from Q it gives R ${p1}% at once\\.`));
    // the switch is a setInput key: back to "always from A" starts a fresh network
    await post(page, { command: 'setInput', input: { starts: 'A' } });
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'step' && e.step === 0 && window.__events.indexOf(e) > 2));
    assert.match(await page.locator('.alphabet-status').textContent(), /^Untrained/);
    assert.deepEqual(lines, []);
  } finally { await context.close(); }
});
