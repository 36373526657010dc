// The lecture deck (web/lecture.html) in Firefox ESR, from file://: the
// keyboard walks it first → last, each widget slide's frame reports `ready`,
// only the current slide's neighbours are loaded and none is left after the
// walk back; a click gives a widget the keys and Esc gives them back; L
// switches to English; the print view has one page per slide; no console
// error or warning, no request off the machine. (Chromium runs the fuller set:
// tests/browser/lecture.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, fileUrl, externalRequests } from './firefox.mjs';

let ff;
before(async () => { ff = await launch(); });
after(async () => { await ff?.close(); });

const DECK = fileUrl('lecture.html');
const NEAR = 1;

async function openDeck(suffix = '') {
  const { page, problems, requests } = await openPage(ff.browser, DECK + suffix, { width: 1280, height: 720 });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-deck') === 'ready', { timeout: 30000 });
  return { page, problems, requests };
}
const index = (page) => page.evaluate(() => Reveal.getIndices().h);
const frames = (page) => page.evaluate(() => RnnLecture.frames());
const waitReady = (page, id) => page.waitForFunction((id) => RnnLecture.frames().some((f) => f.id === id && f.state === 'ready'),
  { timeout: 60000 }, id);
const local = (requests) => externalRequests(requests).filter((u) => u !== 'about:blank');

test('Firefox: the keyboard walks the deck first → last and back; each widget gets ready; only neighbours load', async () => {
  const { page, problems, requests } = await openDeck();
  try {
    const n = await page.evaluate(() => RnnLecture.slideCount());
    for (let i = 0; i < n; i++) {
      assert.equal(await index(page), i);
      const fit = await page.evaluate(() => {
        const d = document.documentElement;
        return d.scrollWidth <= d.clientWidth && d.scrollHeight <= d.clientHeight;
      });
      assert.ok(fit, `slide ${i} scrolls`);
      for (const f of await frames(page)) {
        assert.equal(f.loaded, Math.abs(f.slide - i) <= NEAR, `slide ${i}: ${f.id} (slide ${f.slide}) loaded = ${f.loaded}`);
      }
      const here = (await frames(page)).find((f) => f.slide === i);
      if (here) await waitReady(page, here.id);
      if (i < n - 1) await page.keyboard.press('ArrowRight');
    }
    for (const f of await frames(page)) assert.ok(f.events.includes('ready'), `${f.id}: no ready event`);
    for (let i = n - 1; i > 0; i--) await page.keyboard.press('ArrowLeft');
    assert.equal(await index(page), 0);
    assert.deepEqual((await frames(page)).filter((f) => f.loaded).map((f) => f.id), []);
    assert.equal(await page.evaluate(() => document.querySelectorAll('iframe[src]').length), 0);
    assert.deepEqual(local(requests), []);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('Firefox: a click gives the widget the keys, Esc gives them back; L switches the language', async () => {
  const { page, problems } = await openDeck('#/soma');
  try {
    const at = await index(page);
    await waitReady(page, 'sum-rnn');
    const frame = page.frames().find((f) => /embed\.html\?w=sum-rnn/.test(f.url()));
    assert.ok(frame, 'the sum-rnn frame');
    await frame.click('h1');
    await page.waitForFunction(() => document.querySelector('.reveal').getAttribute('data-keys') === 'widget', { timeout: 10000 });
    const before = (await frames(page)).find((f) => f.id === 'sum-rnn').steps;
    await page.keyboard.press('ArrowRight');           // the widget's step
    await page.waitForFunction((n) => RnnLecture.frames().find((f) => f.id === 'sum-rnn').steps > n, { timeout: 20000 }, before);
    assert.equal(await index(page), at);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('.reveal').getAttribute('data-keys') === 'deck', { timeout: 10000 });
    await page.keyboard.press('l');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.$eval('#soma h2', (e) => e.innerText), 'This RNN sums its inputs');
    await page.keyboard.press('ArrowRight');
    assert.equal(await index(page), at + 1);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('Firefox: leaving a slide pauses its widget', async () => {
  const { page, problems } = await openDeck('#/inicio');
  try {
    // a long play (5,000 training steps), so that only a pause can stop it while the test looks
    await page.evaluate(() => document.querySelector('#traducao iframe').setAttribute('data-hash', 'steps=5000'));
    await page.evaluate(() => Reveal.slide([...document.querySelectorAll('.slides > section')].findIndex((s) => s.id === 'traducao')));
    await waitReady(page, 'translation');
    const frame = page.frames().find((f) => /embed\.html\?w=translation/.test(f.url()));
    await page.evaluate(() => document.querySelector('#traducao iframe').contentWindow.postMessage({ command: 'play' }, '*'));
    await frame.waitForSelector('#btn-play[data-k="pause"]', { timeout: 20000 });
    await page.keyboard.press('ArrowRight');
    // with 5,000 steps to go, only the deck's pause stops the play (a step in flight may still land)
    await frame.waitForSelector('#btn-play[data-k="play"]', { timeout: 10000 });
    assert.ok((await frames(page)).find((f) => f.id === 'translation').pauses >= 1);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await frame.$eval('#btn-play', (b) => b.getAttribute('data-k')), 'play', 'the widget plays again');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('Firefox: the print view renders one page per slide, each widget loaded', async () => {
  const { page, problems, requests } = await openDeck('?print-pdf');
  try {
    const n = await page.evaluate(() => RnnLecture.slideCount());
    await page.waitForFunction((n) => document.querySelectorAll('.pdf-page').length === n, { timeout: 30000 }, n);
    await page.waitForFunction(() => RnnLecture.frames().every((f) => f.state === 'ready'), { timeout: 240000 });
    assert.deepEqual(local(requests), []);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
