// The lecture deck (web/lecture.html) in WebKit (MiniBrowser through
// WebKitWebDriver; driver.mjs), from file://: the keyboard (WebDriver key
// actions) walks it first → last, each widget slide's frame reports `ready`,
// only the current slide's neighbours are loaded and none is left after the
// walk back; a click gives a widget the keys and Esc gives them back; leaving a
// slide pauses its widget; L switches the visible strings pt-BR ↔ English; the
// print view has one page per slide with every widget ready; no error or
// warning in the deck's document from its start on (watchErrors), no boot
// failure. (Chromium runs the fuller set: tests/browser/lecture.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, fileUrl } from './driver.mjs';

let wk;
before(async () => { wk = await launch(); await wk.setWindow(1280, 720); });
after(async () => { await wk?.close(); });

const DECK = fileUrl('lecture.html');
const NEAR = 1;
const KEY = { right: '\uE014', left: '\uE012', esc: '\uE00C' };

// One key pressed and released, sent to the element that has the focus.
function press(key) {
  return wk.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard',
    actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }] });
}

async function openDeck(suffix = '') {
  await wk.topFrame();
  await wk.go('about:blank');          // a fresh page even when only the hash differs
  await wk.go(DECK + suffix);
  await wk.waitFor(() => document.documentElement.getAttribute('data-deck') === 'ready', [], { timeout: 30000, what: 'the deck' });
  await wk.watchErrors();
  assert.equal(await wk.bootFailure(), '');
}
const index = () => wk.exec(() => Reveal.getIndices().h);
const frames = () => wk.exec(() => RnnLecture.frames());
const frameOf = (id) => wk.exec((id) => RnnLecture.frames().find((f) => f.id === id), id);
const waitReady = (id, timeout = 60000) => wk.waitFor((id) => RnnLecture.frames().some((f) => f.id === id && f.state === 'ready'),
  [id], { timeout, what: `${id}: ready` });
const slideOf = (id) => wk.exec((id) => [...document.querySelectorAll('.slides > section')].findIndex((s) => s.id === id), id);
// A key that moves the deck: wait for the slide it moves to (reveal.js answers on keydown).
async function pressTo(key, want) {
  await press(key);
  await wk.waitFor((w) => Reveal.getIndices().h === w, [want], { timeout: 10000, what: `slide ${want}` });
}
const keys = () => wk.exec(() => document.querySelector('.reveal').getAttribute('data-keys'));
// A mouse click at a point of the page (viewport pixels), as a user clicks:
// WebDriver's element click inside a frame would not move the page's focus.
function clickAt([x, y]) {
  return wk.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
    { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
    { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] });
}
// The centre of an element of the deck's page, in viewport pixels.
const centre = (css) => wk.exec((css) => { const b = document.querySelector(css).getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; }, css);
// WebDriver's switch into a frame moves WebKit's keyboard into that frame
// (which no user can do); a click on the slide's title brings it back.
async function backToDeck(slideId) {
  await wk.topFrame();
  await clickAt(await centre(`#${slideId} h2`));
  await wk.waitFor(() => document.querySelector('.reveal').getAttribute('data-keys') === 'deck', [], { timeout: 10000, what: 'the deck has the keys' });
}
// A click on the widget's title (inside the frame on the slide with this id).
async function clickWidget(slideId) {
  await enterFrame(slideId);
  const h = await wk.exec(() => { const b = document.querySelector('h1').getBoundingClientRect(); return [b.x + Math.min(b.width, 200) / 2, b.y + b.height / 2]; });
  await backToDeck(slideId);
  const f = await wk.exec((sid) => {   // the slide is scaled to the window: frame pixels → page pixels
    const el = document.querySelector(`#${sid} iframe.widget-frame`);
    const b = el.getBoundingClientRect();
    return [b.x + el.clientLeft, b.y + el.clientTop, b.width / el.offsetWidth];
  }, slideId);
  await clickAt([f[0] + h[0] * f[2], f[1] + h[1] * f[2]]);
}
// Into the document of the iframe on the slide with this id. WebDriver counts
// frames as window.frames does, which in WebKit is the order the frames were
// made (a frame the deck replaced comes last), not the order of the page.
async function enterFrame(slideId) {
  const n = await wk.exec((sid) => {
    const w = document.querySelector(`#${sid} iframe.widget-frame`).contentWindow;
    for (let i = 0; i < window.frames.length; i++) if (window.frames[i] === w) return i;
    return -1;
  }, slideId);
  assert.ok(n >= 0, `no frame on #${slideId}`);
  await wk.frame(n);
}

test('WebKit: the keyboard walks the deck first → last and back; each widget gets ready; only neighbours load', async () => {
  await openDeck();
  const n = await wk.exec(() => RnnLecture.slideCount());
  assert.ok(n >= 25, `${n} slides`);
  for (let i = 0; i < n; i++) {
    assert.equal(await index(), i);
    const fit = await wk.exec(() => {
      const d = document.documentElement;
      return d.scrollWidth <= d.clientWidth && d.scrollHeight <= d.clientHeight;
    });
    assert.ok(fit, `slide ${i} scrolls`);
    for (const f of await frames()) {
      assert.equal(f.loaded, Math.abs(f.slide - i) <= NEAR, `slide ${i}: ${f.id} (slide ${f.slide}) loaded = ${f.loaded}`);
    }
    const here = (await frames()).find((f) => f.slide === i);
    if (here) await waitReady(here.id);
    if (i < n - 1) await pressTo(KEY.right, i + 1);
  }
  const all = await frames();
  assert.equal(new Set(all.map((f) => f.slide)).size, 11, 'one slide per widget');
  for (const f of all) {
    assert.ok(f.events.includes('ready'), `${f.id}: no ready event`);
    assert.ok(f.pauses >= 1, `${f.id}: never paused`);
  }
  for (let i = n - 1; i > 0; i--) await pressTo(KEY.left, i - 1);
  assert.equal(await index(), 0);
  assert.deepEqual((await frames()).filter((f) => f.loaded).map((f) => f.id), []);
  assert.equal(await wk.exec(() => document.querySelectorAll('iframe[src]').length), 0);
  assert.deepEqual(await wk.problems(), []);
  assert.equal(await wk.bootFailure(), '');
});

test('WebKit: a click gives the widget the keys, Esc gives them back; L switches the visible strings', async () => {
  await openDeck('#/soma');
  const at = await index();
  assert.equal(at, await slideOf('soma'));
  await waitReady('sum-rnn');
  // pt-BR by default: only the pt-BR half of each pair shows
  const visible = (lang) => wk.exec((lang) => [...document.querySelectorAll(`.slides [lang="${lang}"]:not(.keep)`)]
    .filter((e) => getComputedStyle(e).display !== 'none').length, lang);
  assert.equal(await wk.exec(() => document.documentElement.lang), 'pt-BR');
  assert.equal(await visible('en'), 0);
  assert.ok(await visible('pt-BR') > 50);
  assert.equal(await wk.exec(() => document.querySelector('#soma h2').innerText.trim()), 'Esta RNN soma as entradas');
  await enterFrame('soma');
  await wk.watchErrors();
  const ptTitle = await wk.exec(() => document.querySelector('h1').textContent);
  await wk.topFrame();
  assert.equal(await keys(), 'deck');
  // a click in the widget: it takes the keys; → steps it and leaves the slide where it is
  await clickWidget('soma');
  await wk.waitFor(() => document.querySelector('.reveal').getAttribute('data-keys') === 'widget', [], { timeout: 10000, what: 'the widget has the keys' });
  assert.equal(await wk.exec(() => document.getElementById('deck-focus').hidden), false, 'the line saying the widget has the keys');
  const before = (await frameOf('sum-rnn')).steps;
  await press(KEY.right);
  await wk.waitFor((n) => RnnLecture.frames().find((f) => f.id === 'sum-rnn').steps > n, [before], { timeout: 20000, what: 'a widget step' });
  assert.equal(await index(), at, '→ moved the deck while the widget had the keys');
  await enterFrame('soma');
  assert.deepEqual(await wk.problems(), [], 'the widget logged a problem');
  await wk.topFrame();
  // Esc (the widget has the keys): the deck has them again
  await press(KEY.esc);
  await wk.waitFor(() => document.querySelector('.reveal').getAttribute('data-keys') === 'deck', [], { timeout: 10000, what: 'the deck has the keys' });
  assert.equal(await wk.exec(() => document.getElementById('deck-focus').hidden), true);
  // L: English; the widget on screen starts again, in English
  const loads = (await frameOf('sum-rnn')).loads;
  await press('l');
  await wk.waitFor(() => document.documentElement.lang === 'en', [], { timeout: 5000, what: 'en' });
  assert.equal(await visible('pt-BR'), 0);
  assert.ok(await visible('en') > 50);
  assert.equal(await wk.exec(() => document.querySelector('#soma h2').innerText.trim()), 'This RNN sums its inputs');
  assert.match(await wk.exec(() => document.querySelector('#soma iframe.widget-frame').getAttribute('src')), /[?&]lang=en(&|#|$)/);
  await wk.waitFor((n) => RnnLecture.frames().some((f) => f.id === 'sum-rnn' && f.loads > n && f.state === 'ready'), [loads],
    { timeout: 60000, what: 'sum-rnn: ready again' });
  await enterFrame('soma');
  const enTitle = await wk.exec(() => document.querySelector('h1').textContent);
  await wk.topFrame();
  assert.notEqual(enTitle, ptTitle, 'the widget is still in Portuguese');
  await backToDeck('soma');
  await pressTo(KEY.right, at + 1);
  await press('l');
  await wk.waitFor(() => document.documentElement.lang === 'pt-BR', [], { timeout: 5000, what: 'pt-BR' });
  assert.equal(await visible('en'), 0);
  assert.deepEqual(await wk.problems(), []);
});

test('WebKit: leaving a slide pauses its widget', async () => {
  await openDeck('#/inicio');
  // a long play (5,000 training steps), so that only a pause can stop it while the test looks
  await wk.exec(() => document.querySelector('#traducao iframe').setAttribute('data-hash', 'steps=5000'));
  const at = await slideOf('traducao');
  await wk.exec((h) => Reveal.slide(h), at);
  await waitReady('translation');
  await wk.exec(() => document.querySelector('#traducao iframe').contentWindow.postMessage({ command: 'play' }, '*'));
  // playing: its steps arrive (read from the deck: switching into the frame would take the keyboard there)
  const steps = (await frameOf('translation')).steps;
  await wk.waitFor((n) => RnnLecture.frames().find((f) => f.id === 'translation').steps > n + 1, [steps], { timeout: 20000, what: 'playing' });
  await pressTo(KEY.right, at + 1);
  assert.ok((await frameOf('translation')).pauses >= 1);
  await enterFrame('traducao');
  // with 5,000 steps to go, only the deck's pause stops the play (a step in flight may still land)
  await wk.waitFor(() => document.querySelector('#btn-play[data-k="play"]'), [], { timeout: 10000, what: 'paused' });
  await new Promise((r) => setTimeout(r, 1500));
  // WebKitWebDriver may lose its hold on a frame it was in while the test slept (a test-run
  // quirk: the same document is still there, its load count unchanged): enter it again
  await wk.topFrame();
  assert.equal((await frameOf('translation')).loads, 1);
  await enterFrame('traducao');
  assert.equal(await wk.exec(() => document.getElementById('btn-play').getAttribute('data-k')), 'play', 'the widget plays again');
  await wk.topFrame();
  assert.equal((await frameOf('translation')).loaded, true, 'the frame next door stays loaded');
  assert.deepEqual(await wk.problems(), []);
});

test('WebKit: the print view renders one page per slide, each widget loaded and ready', async () => {
  await openDeck('?print-pdf');
  const n = await wk.exec(() => RnnLecture.slideCount());
  await wk.waitFor((n) => document.querySelectorAll('.pdf-page').length === n, [n], { timeout: 30000, what: `${n} pages` });
  await wk.waitFor(() => RnnLecture.frames().every((f) => f.state === 'ready'), [], { timeout: 240000, what: 'every widget ready' });
  assert.equal(await wk.exec(() => document.querySelectorAll('iframe.widget-frame[src]').length), 11);
  // one slide on each page, every page the deck's print size (1331×748, deck.js), less
  // the 1 px reveal.js takes off each page's height (its pdfPageHeightOffset: −1)
  const pages = await wk.exec(() => [...document.querySelectorAll('.pdf-page')].map((p) => ({
    slides: p.querySelectorAll(':scope > section').length, w: p.offsetWidth, h: p.offsetHeight })));
  assert.deepEqual(pages.filter((p) => p.slides !== 1 || p.w !== 1331 || p.h !== 747), []);
  assert.deepEqual(await wk.problems(), []);
  assert.equal(await wk.bootFailure(), '');
});
