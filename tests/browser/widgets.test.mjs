// The lecture widgets: embed.html (every registered widget, from file://, at
// the two slide sizes), the keyboard and postMessage API, the language
// switch, the alphabet widget's numbers, the gallery, and the pure parts
// (command validation, snippets) in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { launch, ROOT, visibleTexts, externalRequests, startServer } from './helpers.mjs';

const require = createRequire(import.meta.url);
const RnnHashSchema = require('../../web/shared/hash-schema.js');
const RnnWidgetApi = require('../../web/shared/widget-api.js');
const RnnGallerySnippets = require('../../web/gallery/snippets.js');
const REGISTRY = runInNewContext(readFileSync(join(ROOT, 'web', 'widgets', 'registry.js'), 'utf8') + '\nRnnWidgetRegistry;', {});
const IDS = REGISTRY.ids();
const EMBED = pathToFileURL(join(ROOT, 'web', 'embed.html')).href;
const GALLERY = pathToFileURL(join(ROOT, 'web', 'gallery.html')).href;
const SIZES = [[960, 540], [1280, 720]];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A page of its own size; every console message (any type), page error,
// failed request and request is recorded; widget events land in window.__events.
async function open(url, { width = 960, height = 540 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [], requests = [], consoleLines = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => consoleLines.push(`worker ${m.type()}: ${m.text()}`)));
  await page.addInitScript(() => {
    window.__events = [];
    window.addEventListener('message', (ev) => { if (ev.data && ev.data.source === 'rnn-widget') window.__events.push(ev.data); });
  });
  const t0 = Date.now();
  await page.goto(url);
  return { context, page, problems, requests, consoleLines, t0 };
}

const waitReady = (page) => page.waitForFunction(() => window.__events.some((e) => e.event === 'ready'), null, { timeout: 15000 });
const events = (page, name) => page.evaluate((n) => window.__events.filter((e) => e.event === n), name);
const lastStep = async (page) => { const s = await events(page, 'step'); return s.length ? s[s.length - 1].step : null; };
const waitEvents = (page, name, n, timeout = 20000) =>
  page.waitForFunction(([nm, k]) => window.__events.filter((e) => e.event === nm).length >= k, [name, n], { timeout });
const post = (page, msg) => page.evaluate((m) => window.postMessage(m, '*'), msg);
const meanValue = async (page) => Number(await page.locator('.alphabet-mean').getAttribute('data-value'));

for (const id of IDS) {
  for (const [width, height] of SIZES) {
    test(`${id} at ${width}×${height} from file://: renders, fits without scrollbars, no console output, no network`, async () => {
      const { context, page, problems, requests, consoleLines, t0 } = await open(`${EMBED}?w=${id}&lang=en`, { width, height });
      try {
        await waitReady(page);
        const startMs = Date.now() - t0;
        console.log(`# ${id}: ready after ${startMs} ms`); // printed, not asserted: no timing assertions
        const title = await page.locator('#widget h1').textContent();
        assert.ok(title.length > 5, title);
        const fit = await page.evaluate(() => {
          const d = document.documentElement, b = document.body;
          return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight, bsw: b.scrollWidth, bsh: b.scrollHeight };
        });
        assert.ok(fit.sw <= fit.cw && fit.sh <= fit.ch && fit.bsw <= fit.cw && fit.bsh <= fit.ch, JSON.stringify(fit));
        // nothing inside the frame is cut off at the bottom or the right
        const outside = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5);
        }).map((e) => e.tagName + '.' + e.className));
        assert.deepEqual(outside, []);
        // type readable from the back of a room: at least 1/40 of the frame height
        const px = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
        assert.ok(px >= height / 40, `root font ${px}px`);
        await page.keyboard.press('ArrowRight');
        await waitEvents(page, 'step', 1);
        assert.deepEqual(consoleLines, []);
        assert.deepEqual(problems, []);
        assert.deepEqual(externalRequests(requests), []);
        assert.ok(requests.every((u) => /^(file|blob|data):/.test(u)), requests.join('\n'));
      } finally { await context.close(); }
    });
  }
}

test('alphabet: trained forwards it recites forwards right, backwards wrong, from Q unsure then sure', async () => {
  const { context, page, problems, consoleLines } = await open(`${EMBED}?w=alphabet&lang=en`);
  try {
    await waitReady(page);
    const untrained = await meanValue(page);
    assert.ok(untrained < 0.2, `untrained ${untrained}`);
    await page.keyboard.press(' ');                        // play: trains to the end (200 steps)
    await page.locator('#btn-play[data-k=pause]').waitFor();
    await waitEvents(page, 'done', 1, 30000);
    const done = (await events(page, 'done'))[0];
    assert.equal(done.step, 200);
    assert.ok(done.meanProb >= 0.9, `forwards ${done.meanProb}`);
    assert.equal(await page.locator('#btn-play').getAttribute('data-k'), 'play');
    const guesses = await page.locator('.alphabet-guess').allTextContents();
    assert.equal(guesses.join(''), 'BCDEFGHIJKLMNOPQRSTUVWXYZ');
    await page.getByRole('button', { name: 'Backwards' }).click();
    await page.waitForFunction(() => document.querySelector('.alphabet-letter').textContent === 'Z');
    assert.equal(await page.locator('.alphabet-prompt').textContent(), 'Now backwards.');
    const back = await meanValue(page);
    assert.ok(back <= 0.1, `backwards ${back}`);
    assert.ok((await page.locator('.alphabet-guess.wrong').count()) >= 20);
    await page.getByRole('button', { name: 'From Q' }).click();
    await page.waitForFunction(() => document.querySelector('.alphabet-letter').textContent === 'Q');
    const p = (await page.locator('.alphabet-p').allTextContents()).slice(1).map(Number);
    assert.equal(p.length, 9);                              // R…Z after the cue Q
    assert.ok(p[0] < Math.min(...p.slice(2)), `from Q ${p}`);
    assert.ok(Math.min(...p.slice(2)) >= 90, `from Q ${p}`);
    assert.deepEqual([consoleLines, problems], [[], []]);
  } finally { await context.close(); }
});

test('keyboard: space plays and pauses, → steps, r resets; the hint is visible', async () => {
  const { context, page, consoleLines } = await open(`${EMBED}?w=alphabet&lang=en#steps=2000`);
  try {
    await waitReady(page);
    assert.match(await page.locator('#embed-keys').textContent(), /space.*→.*r reset/);
    assert.ok(await page.locator('#embed-keys').isVisible());
    await page.keyboard.press('ArrowRight');
    await waitEvents(page, 'step', 1);
    assert.equal(await lastStep(page), 5);
    await page.keyboard.press(' ');
    await page.locator('#btn-play[data-k=pause]').waitFor();
    await waitEvents(page, 'step', 3);
    await page.keyboard.press(' ');
    await page.locator('#btn-play[data-k=play]').waitFor();
    await page.waitForTimeout(300);
    const paused = await lastStep(page);
    assert.ok(paused > 5, `after playing: ${paused}`);
    await page.waitForTimeout(300);
    assert.equal(await lastStep(page), paused, 'paused: no more steps');
    await page.keyboard.press('r');
    await page.waitForFunction(() => window.__events[window.__events.length - 1].step === 0);
    assert.match(await page.locator('.alphabet-status').textContent(), /^Untrained/);
    // r while training: the chunk in flight finishes, then the fresh model; nothing runs after it
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__events[window.__events.length - 1].step > 0);
    await page.keyboard.press('r');
    await page.locator('#btn-play[data-k=play]').waitFor();
    await page.waitForFunction(() => window.__events[window.__events.length - 1].step === 0);
    await page.waitForTimeout(400);
    assert.equal(await lastStep(page), 0);
    assert.match(await page.locator('.alphabet-status').textContent(), /^Untrained/);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('postMessage: documented commands work, bad payloads are ignored without console output', async () => {
  const { context, page, consoleLines, problems } = await open(`${EMBED}?w=alphabet&lang=en`);
  try {
    await waitReady(page);
    await post(page, { command: 'step' });
    await waitEvents(page, 'step', 1);
    assert.equal(await lastStep(page), 5);
    await post(page, { command: 'setInput', input: { start: 'Q' } });
    await page.waitForFunction(() => document.querySelector('.alphabet-prompt').textContent === 'Now from the letter Q.');
    await post(page, { command: 'setInput', input: { start: 'M', dir: 'backward' } });
    await page.waitForFunction(() => document.querySelector('.alphabet-prompt').textContent === 'Backwards from the letter M.');
    const bad = [
      { command: 'explode' }, { command: 'PLAY' }, { command: 'play', extra: 1 }, { command: 'step', input: {} },
      { command: 'setInput' }, { command: 'setInput', input: { start: 'q' } }, { command: 'setInput', input: { start: '7' } },
      { command: 'setInput', input: { dir: 'sideways' } }, { command: 'setInput', input: { hidden: 64 } },
      { command: 'setInput', input: { start: ['A'] } }, { command: 'setInput', input: {} }, { command: 3 },
    ];
    const ignored = ['play', null, 42, [1, 2], { type: 'play' }, { event: 'step' }];
    for (const m of bad.concat(ignored)) await post(page, m);
    await page.waitForFunction((n) => window.__events.filter((e) => e.event === 'rejected').length >= n, bad.length);
    await page.waitForTimeout(300);
    const rejected = await events(page, 'rejected');
    assert.equal(rejected.length, bad.length, JSON.stringify(rejected));
    assert.ok(rejected.every((e) => typeof e.reason === 'string' && e.widget === 'alphabet'));
    assert.equal(await lastStep(page), 5, 'no command ran');
    assert.equal(await page.locator('#btn-play').getAttribute('data-k'), 'play');
    assert.equal(await page.locator('.alphabet-prompt').textContent(), 'Backwards from the letter M.');
    await post(page, { command: 'play' });
    await page.locator('#btn-play[data-k=pause]').waitFor();
    await post(page, { command: 'pause' });
    await page.locator('#btn-play[data-k=play]').waitFor();
    await post(page, { command: 'reset' });
    await page.waitForFunction(() => window.__events[window.__events.length - 1].step === 0);
    assert.deepEqual([consoleLines, problems], [[], []]);
  } finally { await context.close(); }
});

test('a deck in another file:// folder drives the widget in an iframe and hears its events', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'deck-'));
  const deck = join(dir, 'deck.html');
  writeFileSync(deck, `<!doctype html><meta charset="utf-8"><iframe id="f" src="${EMBED}?w=alphabet&lang=pt" width="960" height="540"></iframe>
<script>window.heard = []; addEventListener('message', (e) => { if (e.data && e.data.source === 'rnn-widget') {
  heard.push({ event: e.data.event, step: e.data.step, origin: e.origin });
  if (e.data.event === 'ready') document.getElementById('f').contentWindow.postMessage({ command: 'step' }, '*'); } });</script>`);
  const { context, page, consoleLines } = await open(pathToFileURL(deck).href, { width: 1000, height: 600 });
  try {
    await page.waitForFunction(() => window.heard.some((e) => e.event === 'step'), null, { timeout: 15000 });
    const heard = await page.evaluate(() => window.heard);
    assert.deepEqual(heard.map((e) => e.event), ['ready', 'step']);
    assert.equal(heard[1].step, 5);
    assert.equal(heard[0].origin, 'null');   // file:// origins are opaque: why origins are not checked
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); rmSync(dir, { recursive: true, force: true }); }
});

test('the pt/en switch changes every visible string, and back', async () => {
  const { context, page, consoleLines } = await open(`${EMBED}?w=alphabet&lang=en`);
  const skip = '.alphabet-letter, .alphabet-p, .alphabet-guess';
  const isNumberish = (s) => /^[\d\s.,:%·–]*$/.test(s);
  try {
    await waitReady(page);
    await page.keyboard.press('ArrowRight');
    await waitEvents(page, 'step', 1);
    const en = await page.evaluate(visibleTexts, { skip });
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip });
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    const same = en.filter((x) => !isNumberish(x.text) && ptByWhere.get(x.where) === x.text);
    assert.deepEqual(same, [], 'left in English');
    assert.equal(pt.length, en.length);
    assert.ok(pt.length >= 15, `walked ${pt.length} strings`);
    assert.match(await page.locator('.alphabet-status').textContent(), /^Treinando no alfabeto/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const back = await page.evaluate(visibleTexts, { skip });
    assert.deepEqual(back, en);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('embed over http (npm start): the widget starts and runs, nothing leaves the machine', async () => {
  const server = await startServer();
  const { context, page, consoleLines, problems, requests } = await open(`${server.url}embed.html?w=alphabet&lang=en`);
  try {
    await waitReady(page);
    await post(page, { command: 'step' });
    await waitEvents(page, 'step', 1);
    assert.deepEqual([consoleLines, problems, externalRequests(requests)], [[], [], []]);
  } finally { await context.close(); server.server.close(); }
});

test('embed: an unknown widget and nonsense settings are named; defaults are used', async () => {
  let { context, page, consoleLines } = await open(`${EMBED}?w=nope&lang=en`);
  try {
    await page.locator('#embed-notice').waitFor();
    assert.match(await page.locator('#embed-notice').textContent(), /no widget “nope”\. Widgets: alphabet/);
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
  ({ context, page, consoleLines } = await open(`${EMBED}?w=alphabet&lang=pt#start=7&dir=up&steps=5&seed=2&bogus=1`));
  try {
    await waitReady(page);
    assert.equal(await page.locator('#embed-notice').textContent(), 'Não entendido no link, valores padrão usados: start, dir, steps, bogus.');
    assert.equal(await page.locator('.alphabet-prompt').textContent(), 'Recite o alfabeto.');
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
  ({ context, page, consoleLines } = await open(`${EMBED}?w=alphabet&lang=fr`));   // the browser's language (en-US) instead
  try {
    await waitReady(page);
    assert.equal(await page.locator('#embed-notice').textContent(), 'Not understood in the link, defaults used: lang.');
    assert.equal(await page.locator('.alphabet-prompt').textContent(), 'Recite the alphabet.');
    assert.deepEqual(consoleLines, []);
  } finally { await context.close(); }
});

test('gallery: every widget with a live preview and iframe, reveal.js and Marp snippets; the playground links to it', async () => {
  const { context, page, consoleLines, problems, requests } = await open(GALLERY, { width: 1280, height: 900 });
  try {
    for (const id of IDS) {
      const card = page.locator(`#widget-${id}`);
      await card.waitFor();
      const frame = card.locator('iframe');
      assert.equal(await frame.getAttribute('src'), `embed.html?w=${id}&lang=en`);
      const code = await card.locator('pre').allTextContents();
      assert.equal(code.length, 3);
      assert.match(code[0], new RegExp(`^<iframe src="web/embed.html\\?w=${id}&amp;lang=en" width="960" height="540"`));
      assert.match(code[1], /^<section>\n {2}<iframe data-src="web\/embed.html/);
      assert.match(code[2], /^---\nmarp: true\n---\n\n<iframe src=/);
      const inner = page.frameLocator(`#widget-${id} iframe`);
      await inner.locator('#btn-play:not([disabled])').waitFor({ timeout: 15000 });
    }
    await page.getByRole('button', { name: 'Português' }).click();
    await page.getByRole('heading', { name: 'Widgets para slides' }).waitFor();
    assert.deepEqual([consoleLines, problems, externalRequests(requests)], [[], [], []]);
  } finally { await context.close(); }
  const index = readFileSync(join(ROOT, 'web', 'index.html'), 'utf8');
  assert.match(index, /href="gallery.html"/);
  assert.match(index, /href="embed.html\?w=alphabet"/);
});

test('command validation and snippets (no browser)', () => {
  const fields = { start: { type: 'enum', values: ['A', 'Q'], def: 'A' }, n: { type: 'int', min: 1, max: 9, def: 1 } };
  const H = RnnHashSchema.make(fields);
  const parse = (m) => RnnWidgetApi.parse(m, H, ['start', 'n']);
  assert.deepEqual(parse({ command: 'play' }), { ok: true, command: 'play' });
  assert.deepEqual(parse({ command: 'setInput', input: { start: 'Q', n: 3 } }), { ok: true, command: 'setInput', input: { start: 'Q', n: 3 } });
  assert.deepEqual(parse({ command: 'setInput', input: { n: '4' } }).input, { n: 4 });
  for (const m of ['play', null, undefined, 7, [], { type: 'x' }]) assert.equal(parse(m), null);
  for (const m of [{ command: 'go' }, { command: 'setInput', input: { n: 10 } }, { command: 'setInput', input: { n: 2.5 } },
    { command: 'setInput', input: { n: NaN } }, { command: 'setInput', input: { start: { a: 1 } } },
    { command: 'setInput', input: { other: 1 } }, { command: 'reset', input: { n: 1 } }, { command: 'play', x: 1 }]) {
    const r = parse(m);
    assert.equal(r.ok, false, JSON.stringify(m));
    assert.equal(typeof r.reason, 'string');
  }
  assert.deepEqual(RnnWidgetApi.event('alphabet', 'step', { step: 5, event: 'x' }), { source: 'rnn-widget', widget: 'alphabet', event: 'step', step: 5 });
  const s = RnnGallerySnippets.make('alphabet', 'pt', 'A "title"', 'https://example.org/rnn/gallery.html');
  assert.equal(s.iframe, '<iframe src="https://example.org/rnn/embed.html?w=alphabet&amp;lang=pt" width="960" height="540" style="border:0" title="A &quot;title&quot;"></iframe>');
  assert.match(RnnGallerySnippets.make('alphabet', 'en', 't', 'file:///x/gallery.html').reveal, /data-src="web\/embed.html\?w=alphabet&amp;lang=en"/);
});
