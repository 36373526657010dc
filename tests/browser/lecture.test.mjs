// The lecture deck (web/lecture.html) in Chromium, from file://: the keyboard
// walks it from the first slide to the last; every widget slide's frame
// reports `ready`; only the frames of the current slide and its neighbours are
// loaded, and after a walk back none is left; a widget takes the keys after a
// click and Esc gives them back; leaving a slide pauses its widget; pt-BR by
// default, English by the key L or ?lang=en, with every text in both; the hash
// opens a slide; the print view has one page per slide; no console error, no
// request off the machine, no scrollbars at 1280×720 and 1920×1080.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, ROOT, externalRequests, startServer } from './helpers.mjs';

const DECK = pathToFileURL(join(ROOT, 'web', 'lecture.html')).href;
const NEAR = 1;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openDeck(suffix = '', { width = 1280, height = 720, locale = 'en-US', base = DECK } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // a frame unloaded while it loads aborts its requests (ERR_ABORTED, NS_BINDING_ABORTED): by design
  page.on('requestfailed', (r) => { if (!/ABORTED/.test((r.failure() || {}).errorText || '')) problems.push(`requestfailed: ${r.url()}`); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(base + suffix);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-deck') === 'ready', null, { timeout: 20000 });
  return { context, page, problems, requests };
}

const index = (page) => page.evaluate(() => Reveal.getIndices().h);
const frames = (page) => page.evaluate(() => RnnLecture.frames());
// No scrollbar on the page, and the current slide's content inside its 1280×720.
const fits = (page) => page.evaluate(() => {
  const d = document.documentElement;
  const s = document.querySelector('.slides > section.present');
  return d.scrollWidth <= d.clientWidth && d.scrollHeight <= d.clientHeight && s.scrollHeight <= 720 && s.scrollWidth <= 1280;
});
async function waitReady(page, id, timeout = 60000) {
  await page.waitForFunction((id) => RnnLecture.frames().some((f) => f.id === id && f.state === 'ready'), id, { timeout });
}
// The dedicated workers that run in the page or its frames (Chromium's targets).
async function workers(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'worker').map((t) => t.url);
  } finally { await cdp.detach(); }
}
// The frames' documents that exist (the main page is one of page.frames()).
const liveFrames = (page) => page.frames().filter((f) => /embed\.html\?w=/.test(f.url()));

test('the keyboard walks the deck first → last and back: each widget gets ready, only neighbours load, none is left', async () => {
  const { context, page, problems, requests } = await openDeck();
  try {
    const n = await page.evaluate(() => RnnLecture.slideCount());
    assert.ok(n >= 25, `${n} slides`);
    const widgetSlides = new Set((await frames(page)).map((f) => f.slide));
    assert.equal(widgetSlides.size, 11, 'one slide per widget');
    for (let i = 0; i < n; i++) {
      assert.equal(await index(page), i);
      assert.ok(await fits(page), `slide ${i} scrolls`);
      for (const f of await frames(page)) {
        if (Math.abs(f.slide - i) > NEAR) assert.equal(f.loaded, false, `slide ${i}: ${f.id} (slide ${f.slide}) is loaded`);
        else assert.equal(f.loaded, true, `slide ${i}: ${f.id} (slide ${f.slide}) is not loaded`);
      }
      const here = (await frames(page)).find((f) => f.slide === i);
      if (here) await waitReady(page, here.id);
      if (here && here.id === 'alphabet') assert.ok((await workers(page)).length >= 1, 'no worker seen on a widget slide');
      if (i < n - 1) await page.keyboard.press('ArrowRight');
    }
    // every widget said ready and was paused when its slide was not the current one
    for (const f of await frames(page)) {
      assert.ok(f.events.includes('ready'), `${f.id}: no ready event`);
      assert.ok(f.pauses >= 1, `${f.id}: never paused`);
    }
    for (let i = n - 1; i > 0; i--) await page.keyboard.press('ArrowLeft');
    assert.equal(await index(page), 0);
    assert.deepEqual((await frames(page)).filter((f) => f.loaded).map((f) => f.id), []);
    assert.equal(await page.locator('iframe[src]').count(), 0);
    await page.waitForFunction(() => true);
    assert.deepEqual(liveFrames(page).map((f) => f.url()), [], 'a widget document is still alive');
    await page.waitForFunction(() => true);
    assert.deepEqual(await workers(page), [], 'a widget worker still runs');
    assert.deepEqual(externalRequests(requests), []);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a click gives the widget the keys, Esc gives them back; leaving the slide pauses the widget', async () => {
  const { context, page, problems } = await openDeck('#/inicio');
  try {
    // a long play (5,000 training steps), so that only a pause can stop it while the test looks
    await page.evaluate(() => document.querySelector('#traducao iframe').setAttribute('data-hash', 'steps=5000'));
    await page.evaluate(() => Reveal.slide([...document.querySelectorAll('.slides > section')].findIndex((s) => s.id === 'traducao')));
    const at = await index(page);
    await waitReady(page, 'translation');
    assert.match(await page.locator('#traducao iframe').getAttribute('src'), /#steps=5000$/);
    const frame = page.frameLocator('#traducao iframe.widget-frame');
    await frame.locator('h1').click();
    await page.waitForFunction(() => document.querySelector('.reveal').getAttribute('data-keys') === 'widget');
    assert.equal(await page.locator('#deck-focus').isVisible(), true, 'the line saying the widget has the keys');
    const before = (await frames(page)).find((x) => x.id === 'translation').steps;
    await page.keyboard.press('ArrowRight');            // a step for the widget, not a new slide
    await page.waitForFunction((n) => RnnLecture.frames().find((x) => x.id === 'translation').steps > n, before, { timeout: 20000 });
    assert.equal(await index(page), at, '→ moved the deck while the widget had the keys');
    await page.keyboard.press('Space');                 // the widget plays
    await frame.locator('#btn-play[data-k="pause"]').waitFor({ timeout: 20000 });
    assert.equal(await frame.locator('#btn-play').getAttribute('data-k'), 'pause', 'the widget stopped playing on its own');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('.reveal').getAttribute('data-keys') === 'deck', null, { timeout: 5000 });
    assert.equal(await page.locator('#deck-focus').isVisible(), false);
    await page.keyboard.press('ArrowRight');
    assert.equal(await index(page), at + 1, '→ after Esc moves the deck');
    // the frame next door stays loaded, and paused
    const f = (await frames(page)).find((x) => x.id === 'translation');
    assert.equal(f.loaded, true);
    assert.ok(f.pauses >= 1);
    // with 5,000 steps to go, only the deck's pause stops the play (a step in flight may still land)
    await frame.locator('#btn-play[data-k="play"]').waitFor({ timeout: 10000 });
    await page.waitForTimeout(1500);
    assert.equal(await frame.locator('#btn-play').getAttribute('data-k'), 'play', 'the widget plays again');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('pt-BR by default, L switches to English; every text is a pt/en pair; frames reload in the new language', async () => {
  const { context, page, problems } = await openDeck('#/soma');
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'pt-BR');
    // pairs: a pt-BR element is followed by its en twin (same tag), and no slide lacks either
    const pairs = await page.evaluate(() => {
      const bad = [];
      document.querySelectorAll('.slides [lang="pt-BR"]').forEach((e) => {
        const n = e.nextElementSibling;
        if (!n || n.getAttribute('lang') !== 'en' || n.tagName !== e.tagName || !n.textContent.trim()) bad.push(e.textContent.slice(0, 40));
      });
      const sections = [...document.querySelectorAll('.slides > section')];
      const missing = sections.filter((s) => !s.querySelector('[lang="pt-BR"]') || !s.querySelector('[lang="en"]:not(.keep)')).map((s) => s.id);
      const notes = sections.filter((s) => !(s.querySelector('aside.notes') || {}).textContent).map((s) => s.id);
      return { bad, missing, notes };
    });
    assert.deepEqual(pairs, { bad: [], missing: [], notes: [] });
    const visible = (lang) => page.evaluate((lang) => [...document.querySelectorAll(`.slides [lang="${lang}"]:not(.keep)`)]
      .filter((e) => getComputedStyle(e).display !== 'none').length, lang);
    assert.equal(await visible('en'), 0);
    assert.ok(await visible('pt-BR') > 50);
    await waitReady(page, 'sum-rnn');
    const ptTitle = await page.frameLocator('#soma iframe.widget-frame').locator('h1').textContent();
    await page.keyboard.press('l');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await visible('pt-BR'), 0);
    assert.ok(await visible('en') > 50);
    assert.equal(await page.locator('#soma h2').innerText(), 'This RNN sums its inputs');
    assert.match(await page.locator('#soma iframe.widget-frame').getAttribute('src'), /[?&]lang=en(&|#|$)/);
    await waitReady(page, 'sum-rnn');
    const enTitle = await page.frameLocator('#soma iframe.widget-frame').locator('h1').textContent();
    assert.notEqual(enTitle, ptTitle, 'the widget is still in Portuguese');
    assert.match(page.url(), /[?&]lang=en/);
    await page.keyboard.press('l');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'pt-BR');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('?lang=en and the hash open the deck where the class stopped, in English', async () => {
  const { context, page, problems } = await openDeck('?lang=en#/bptt');
  try {
    const want = await page.evaluate(() => [...document.querySelectorAll('.slides > section')].findIndex((s) => s.id === 'bptt'));
    assert.ok(want > 0);
    assert.equal(await index(page), want);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/derivadas');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('1920×1080: no scrollbars on any slide, the slides scaled up', async () => {
  const { context, page, problems } = await openDeck('', { width: 1920, height: 1080 });
  try {
    const n = await page.evaluate(() => RnnLecture.slideCount());
    for (let i = 0; i < n; i++) {
      assert.ok(await fits(page), `slide ${i} scrolls at 1920×1080`);
      if (i < n - 1) await page.keyboard.press('ArrowRight');
    }
    // the 32 px body text of the 1280×720 slide is drawn 1.5 times larger or so
    const h = await page.evaluate(() => document.querySelector('.reveal .slides section.present h2').getBoundingClientRect().height);
    assert.ok(h > 50, `the title is ${h} px high`);
    // reveal.js's help overlay (its icons are data: images in reveal.css, replaced: the CSP blocks data:)
    await page.keyboard.press('Shift+?');
    await page.locator('.r-overlay-help').waitFor();
    await page.keyboard.press('Escape');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('the print view (?print-pdf) renders one page per slide, each widget loaded, without errors', async () => {
  const { context, page, problems, requests } = await openDeck('?print-pdf');
  try {
    const n = await page.evaluate(() => RnnLecture.slideCount());
    await page.waitForFunction((n) => document.querySelectorAll('.pdf-page').length === n, n, { timeout: 20000 });
    await page.waitForFunction(() => RnnLecture.frames().every((f) => f.state === 'ready'), null, { timeout: 180000 });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, n);
    assert.deepEqual(externalRequests(requests), []);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('S opens the speaker window: notes beside the slide, no widget, the two windows follow each other', async () => {
  const { context, page, problems } = await openDeck('#/hoje');
  try {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    const popupProblems = [];
    popup.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') popupProblems.push(m.text()); });
    await popup.waitForFunction(() => document.documentElement.getAttribute('data-deck') === 'ready', null, { timeout: 20000 });
    assert.match(popup.url(), /lecture\.html\?speaker#\/hoje$/);
    assert.equal(await popup.evaluate(() => Reveal.getIndices().h), 1);
    assert.ok(await popup.evaluate(() => document.querySelector('.reveal').classList.contains('show-notes')));
    assert.match(await popup.locator('.speaker-notes').innerText(), /Relembre a aula anterior/);
    await page.keyboard.press('ArrowRight');            // the main deck moves: the speaker window follows
    await popup.waitForFunction(() => Reveal.getIndices().h === 2, null, { timeout: 5000 });
    await popup.keyboard.press('ArrowRight');           // the speaker window moves: the main deck follows
    await page.waitForFunction(() => Reveal.getIndices().h === 3, null, { timeout: 5000 });
    await waitReady(page, 'ball');
    assert.deepEqual(await popup.evaluate(() => document.querySelectorAll('iframe[src]').length), 0, 'a widget runs in the speaker window');
    assert.deepEqual(popupProblems, []);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('over http (npm start) the deck runs its widgets too, nothing leaves the machine', async () => {
  const server = await startServer();
  const { context, page, problems, requests } = await openDeck('#/soma', { base: `http://127.0.0.1:${server.port}/lecture.html` });
  try {
    await waitReady(page, 'sum-rnn');
    assert.deepEqual(externalRequests(requests), []);
    assert.deepEqual(problems, []);
  } finally { await context.close(); server.server.close(); }
});
