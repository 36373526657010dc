// widget-architectures.test.mjs - the architectures widget in embed mode
// (file://): each architecture is drawn unrolled with its losses where the
// lecture puts them, no two labels of the picture overlap, the accuracy chart
// has labelled axes; the encoder-decoder is drawn as two networks with their
// own weights, the context c entering every decoder step and the input read
// backwards (as the model does); the aligned tagger's first example is the
// lecture's "Yesterday, Harry Potter met Hermione Granger.", and trained by
// `play` it reaches its stated accuracy and tags the names in it. Fixed seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch } from './helpers.mjs';
import { EMBED, openWidget, post } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (hash, lang = 'en') => openWidget(browser, `${EMBED}?w=architectures&lang=${lang}${hash}`);
const STEPS = { 'one-to-one': 300, 'one-to-many': 200, 'many-to-one': 300, 'many-to-many': 300, 'encoder-decoder': 1000 };
const diagram = (page) => page.evaluate(() => ({
  losses: document.querySelectorAll('.arch-diagram .arch-loss').length,
  hidden: document.querySelectorAll('.arch-diagram .arch-h').length,
  outputs: document.querySelectorAll('.arch-diagram .arch-box.out').length,
  words: [...document.querySelectorAll('.arch-diagram .arch-word.in')].map((t) => t.firstChild.nodeValue),
  outs: [...document.querySelectorAll('.arch-diagram .arch-word.out')].map((t) => t.firstChild.nodeValue),
  parts: [...document.querySelectorAll('.arch-diagram .arch-part')].map((t) => t.textContent),
  weights: [...document.querySelectorAll('.arch-diagram .arch-partw')].map((t) => t.textContent),
  ctxArrows: document.querySelectorAll('.arch-diagram .arch-arrow.ctx').length,
  cNodes: document.querySelectorAll('.arch-diagram .arch-cnode').length,
  decStates: document.querySelectorAll('.arch-diagram .arch-h.dec').length,
  app: document.querySelector('.arch-app').textContent,
  note: document.querySelector('.arch-note').hidden ? '' : document.querySelector('.arch-note').textContent,
  axis: [...document.querySelectorAll('.arch-curve .arch-axis')].map((t) => t.textContent),
  // pairs of text labels whose boxes overlap (words, states, losses, the networks' names)
  overlaps: (() => {
    const els = [...document.querySelectorAll('.arch-diagram text')].map((e) => ({ t: e.textContent, r: e.getBoundingClientRect() }));
    const out = [];
    els.forEach((a, i) => els.slice(i + 1).forEach((b) => {
      if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1) out.push(`${a.t} / ${b.t}`);
    }));
    return out;
  })(),
}));

test('each architecture drawn unrolled: inputs, hidden states, outputs and losses where the lecture puts them', async () => {
  const { context, page, lines: problems } = await open('#arch=one-to-one');
  try {
    const expect = {
      'one-to-one': (d) => d.hidden === 1 && d.outputs === 1 && d.losses === 1 && /Vanilla Neural Networks.*feed-forward/.test(d.app),
      'one-to-many': (d) => d.hidden === 5 && d.outputs === 5 && d.losses === 5 && /captioning/.test(d.app),
      'many-to-one': (d) => d.hidden >= 3 && d.outputs === 1 && d.losses === 1 && /sentiment/.test(d.app),
      'many-to-many': (d) => d.hidden >= 4 && d.outputs === d.hidden && d.losses === d.hidden && /frame/.test(d.app),
      'encoder-decoder': (d) => d.parts.join() === 'encoder,decoder' && d.outputs >= 1 && d.losses === d.outputs &&
        d.hidden > d.outputs && /translation/.test(d.app) && /different weights/.test(d.app) &&
        d.weights.join() === 'weights U, W,other weights U′, W′, V′' &&
        // c: one node; h_n → c, c → s₁, and c into each later decoder step (context 'every')
        d.cNodes === 1 && d.ctxArrows === d.decStates + 1 &&
        /backwards/.test(d.note) && /each of its steps/.test(d.note) &&
        // read backwards except the final ".": the original first word (an article) comes just before "."
        d.words.indexOf('.') > 0 && ['o', 'a', 'um', 'uma'].includes(d.words[d.words.indexOf('.') - 1]),
    };
    for (const [arch, ok] of Object.entries(expect)) {
      await post(page, { command: 'setInput', input: { arch } });
      // a new architecture is a fresh network: a step event with step 0 (one-to-one is already shown)
      if (arch !== 'one-to-one') {
        await page.waitForFunction((a) => window.__events.some((e) => e.event === 'step' && e.arch === a && e.step === 0), arch, { timeout: 15000 });
      }
      const d = await diagram(page);
      assert.ok(ok(d), `${arch}: ${JSON.stringify(d)}`);
      assert.deepEqual(d.overlaps, [], arch);
      assert.deepEqual(d.axis, ['0%', '50%', '100%', '0', arch === 'encoder-decoder' ? '1,000' : String(STEPS[arch]), 'training steps'], arch);
    }
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('play trains the aligned name tagger to its stated accuracy (95%); it tags the lecture\'s sentence', async () => {
  const { context, page, lines: problems } = await open('#arch=many-to-many&seed=1');
  try {
    const d0 = await diagram(page);
    assert.deepEqual(d0.words, ['yesterday', ',', 'harry', 'potter', 'met', 'hermione', 'granger', '.']);
    assert.match(d0.note, /lecture's sentence \(never seen in training\)/);
    const a0 = Number(await page.locator('.arch-acc').getAttribute('data-value'));
    assert.ok(a0 < 0.5, `untrained ${a0}`);
    await post(page, { command: 'play' });
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'done'), null, { timeout: 60000 });
    const done = await page.evaluate(() => window.__events.find((e) => e.event === 'done'));
    assert.equal(done.step, 300);
    assert.ok(done.accuracy >= 0.95, `accuracy ${done.accuracy}`);
    const shown = Number(await page.locator('.arch-acc').getAttribute('data-value'));
    assert.equal(shown, done.accuracy);
    const d = await diagram(page);
    assert.ok(await page.locator('.arch-box.out.right').count() === d.outputs, 'every tag of the example right');
    // the outputs are the tags: Harry Potter and Hermione Granger are names
    assert.deepEqual(d.outs, ['0', '0', '1', '1', '0', '1', '1', '0']);
    assert.ok(await page.locator('.arch-curve polyline').count() === 1);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('in Portuguese: codificador and decodificador named apart, pt-BR axes, the one-to-many caption says 10 inputs', async () => {
  const { context, page, lines: problems } = await open('#arch=encoder-decoder', 'pt');
  try {
    const d = await diagram(page);
    assert.deepEqual(d.parts, ['codificador', 'decodificador']);
    assert.deepEqual(d.overlaps, []);
    assert.deepEqual(d.axis, ['0%', '50%', '100%', '0', '1.000', 'passos de treino']);
    assert.match(d.app, /duas redes, pesos diferentes/);
    await post(page, { command: 'setInput', input: { arch: 'one-to-many' } });
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'step' && e.arch === 'one-to-many'), null, { timeout: 15000 });
    assert.match(await page.locator('.arch-acc').textContent(), /^Acurácia nas 10 entradas: /);
    assert.match(await page.locator('.arch-task').textContent(), /Só há 10 entradas/);
    await post(page, { command: 'setInput', input: { arch: 'one-to-one' } });
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'step' && e.arch === 'one-to-one' && e.step === 0), null, { timeout: 15000 });
    assert.match(await page.locator('.arch-app').textContent(), /Vanilla Neural Networks.*feed-forward/);
    const text = await page.locator('#widget').innerText();
    assert.doesNotMatch(text, /dados retidos|mesmos pesos em todo passo/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('on a slide (960×540, Portuguese): the five buttons on one line at 18 px; every label of the diagram and the chart >= 18 px, long words included', async () => {
  const { context, page, lines: problems } = await open('#arch=one-to-one', 'pt');
  try {
    const picks = await page.locator('.arch-picks button').evaluateAll((bs) => bs.map((b) => ({
      top: Math.round(b.getBoundingClientRect().top), px: parseFloat(getComputedStyle(b).fontSize) })));
    assert.equal(picks.length, 5);
    assert.equal(new Set(picks.map((p) => p.top)).size, 1, `one line: ${JSON.stringify(picks)}`);
    assert.ok(picks.every((p) => p.px >= 18), JSON.stringify(picks));
    for (const arch of Object.keys(STEPS)) {
      await post(page, { command: 'setInput', input: { arch } });
      if (arch !== 'one-to-one') {
        await page.waitForFunction((a) => window.__events.some((e) => e.event === 'step' && e.arch === a && e.step === 0), arch, { timeout: 15000 });
      }
      // rendered size: the font size times the SVG's scale (viewBox to screen)
      const small = await page.evaluate(() => [...document.querySelectorAll('.arch-diagram text, .arch-curve text')]
        .map((t) => ({ text: t.firstChild.nodeValue, px: Math.round(parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a * 10) / 10 }))
        .filter((t) => t.px < 18));
      assert.deepEqual(small, [], arch);
      assert.deepEqual((await diagram(page)).overlaps, [], arch);
    }
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
