// The ball widget ("em que direção a bola irá?"): trained live with the
// default seed, the RNN that sees the frames in order is right on >= 90% of
// the held-out trajectories, the model that sees only the last frame stays
// near chance (1/4 +- 0.1); a trajectory drawn by clicking 4 cells is answered;
// setInput picks a held-out trajectory; the pt/en switch changes every string;
// scene=car is the lecture's "Caso Tesla" on the same models.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visibleTexts } from './helpers.mjs';
import { EMBED, openWidget, events, waitEvents } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (url) => openWidget(browser, url);
const values = (page, sel) => page.locator(sel).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));

test('ball: the sequence model reaches >= 90% held out, the last-frame model stays near chance', async () => {
  const { context, page, lines: consoleLines } = await open(`${EMBED}?w=ball&lang=en`);
  try {
    const [seq0, last0] = await values(page, '.ball-model.seq .ball-acc, .ball-model.last .ball-acc').then((v) => [v[1], v[0]]);
    assert.ok(seq0 < 0.5 && last0 < 0.5, `untrained ${seq0} ${last0}`);
    await page.keyboard.press(' ');
    await waitEvents(page, 'done', 1, 60000);
    const done = (await events(page, 'done'))[0];
    assert.equal(done.step, 200);
    assert.ok(done.seqAcc >= 0.9, `frames in order: ${done.seqAcc}`);
    assert.ok(Math.abs(done.lastAcc - 0.25) <= 0.1, `last frame only: ${done.lastAcc} (chance 0.25)`);
    assert.equal(Number(await page.locator('.ball-model.seq .ball-acc').getAttribute('data-value')), done.seqAcc);
    assert.equal(await page.locator('.ball-model.seq .ball-acc').textContent(), `held-out accuracy: ${Math.round(done.seqAcc * 100)}%`);
    // every step event carried both accuracies; the curve has one point per event (+ the untrained one)
    const steps = await events(page, 'step');
    assert.equal(steps.length, 20);
    assert.equal(await page.locator('.ball-chart-line.seq').getAttribute('points').then((p) => p.split(' ').length), 21);
    // the held-out trajectory shown: the RNN's most probable direction is the true one
    const truth = await page.locator('.ball-shown').textContent();
    const best = await page.locator('.ball-model.seq .ball-bar.best .ball-bar-name').textContent();
    assert.ok(truth.includes(best.split(' ')[0]), `${truth} / ${best}`);   // the same arrow
    // draw a trajectory: row 3, columns 5, 4, 3, 2 (moving left); the models answer at its 4th frame
    for (const c of [14, 13]) await page.locator('.ball-cell').nth(c).click();
    await page.waitForFunction(() => document.querySelector('.ball-shown').textContent === 'Your trajectory: 2 of 4 frames; click 2 more.');
    assert.equal(await page.locator('.ball-bar[data-value]').count(), 0);
    for (const c of [12, 11]) await page.locator('.ball-cell').nth(c).click();
    await page.waitForFunction(() => document.querySelector('.ball-shown').textContent === 'Your trajectory: 4 frames.');
    await page.waitForFunction(() => document.querySelectorAll('.ball-cell.visited').length === 4);
    await page.waitForFunction(() => document.querySelectorAll('.ball-model.seq .ball-bar[data-value]').length === 4);
    assert.equal(await page.locator('.ball-model.seq .ball-bar.best .ball-bar-name').textContent(), '← left');
    const seqProbs = await values(page, '.ball-model.seq .ball-bar');
    assert.equal(seqProbs.length, 4);
    assert.ok(Math.abs(seqProbs.reduce((a, b) => a + b) - 1) < 1e-4, String(seqProbs));
    assert.ok(seqProbs[3] > 0.5, `left: ${seqProbs}`);
    const lastProbs = await values(page, '.ball-model.last .ball-bar');
    assert.ok(Math.max(...lastProbs) < 0.6, `one frame is never sure: ${lastProbs}`);
    await page.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await page.locator('.ball-cell.visited').count(), 0);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('ball: setInput shows a held-out trajectory; Next steps through them', async () => {
  const { context, page, lines: consoleLines } = await open(`${EMBED}?w=ball&lang=en`);
  try {
    await page.evaluate(() => window.postMessage({ command: 'setInput', input: { example: 41 } }, '*'));
    await page.waitForFunction(() => /^Test trajectory 42: it goes (up|down|to the right|to the left) [↑↓→←]\.$/.test(document.querySelector('.ball-shown').textContent));
    assert.equal(await page.locator('.ball-cell.visited').count() >= 3, true);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.waitForFunction(() => /^Test trajectory 43:/.test(document.querySelector('.ball-shown').textContent));
    await page.evaluate(() => window.postMessage({ command: 'setInput', input: { example: 400 } }, '*'));
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'rejected'));
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('ball: the pt/en switch changes every visible string, and back', async () => {
  const { context, page, lines: consoleLines } = await open(`${EMBED}?w=ball&lang=en`);
  const isNumberish = (s) => /^[\d\s.,:%·–]*$/.test(s);
  try {
    await page.keyboard.press('ArrowRight');
    await waitEvents(page, 'step', 1);
    const en = await page.evaluate(visibleTexts, { skip: '.ball-cell' });
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip: '.ball-cell' });
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    assert.deepEqual(en.filter((x) => !isNumberish(x.text) && ptByWhere.get(x.where) === x.text), [], 'left in English');
    assert.equal(pt.length, en.length);
    assert.ok(pt.length >= 30, `walked ${pt.length} strings`);
    assert.equal(await page.locator('h1').first().textContent(), 'Em que direção a bola irá?');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.evaluate(visibleTexts, { skip: '.ball-cell' }), en);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('ball: scene=car is the Tesla case (the slide\'s question, a road, a pedestrian), same models; setInput switches back', async () => {
  const { context, page, lines: consoleLines } = await open(`${EMBED}?w=ball&lang=pt#scene=car`);
  try {
    assert.equal(await page.locator('h1').first().textContent(), 'Caso Tesla: é possível evitar acidentes somente com uma CNN?');
    assert.equal(await page.locator('.ball-cell.road').count(), 5);                 // one row of the 5 × 5 grid
    await page.waitForFunction(() => /^Pedestre de teste 1: ele anda para (cima|baixo|a direita|a esquerda) [↑↓→←]\.$/
      .test(document.querySelector('.ball-shown').textContent));
    assert.equal(await page.locator('.ball-model.last .ball-model-title').textContent(), 'Uma foto (uma CNN, último quadro)');
    assert.match(await page.locator('.ball-caption').textContent(), /não para onde ele vai.*Os mesmos modelos e trajetórias da bola\.$/);
    await page.keyboard.press('ArrowRight');
    await waitEvents(page, 'step', 1);
    const ev = (await events(page, 'step'))[0];
    assert.equal(ev.step, 10);
    await page.evaluate(() => window.postMessage({ command: 'setInput', input: { scene: 'ball' } }, '*'));
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Em que direção a bola irá?');
    assert.equal(await page.locator('.ball-cell.road').count(), 0);
    assert.match(await page.locator('.ball-shown').textContent(), /^Trajetória de teste 1: ela vai para /);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});
