// widget-architectures.test.mjs - the architectures widget in embed mode
// (file://): each architecture is drawn unrolled with its losses where the
// lecture puts them, and the aligned tagger trained by `play` reaches its
// stated held-out accuracy, read from the engine's number (data-value) and
// the step event. Fixed seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch } from './helpers.mjs';
import { EMBED, openWidget, post } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (hash) => openWidget(browser, `${EMBED}?w=architectures&lang=en${hash}`);
const diagram = (page) => page.evaluate(() => ({
  losses: document.querySelectorAll('.arch-diagram .arch-loss').length,
  hidden: document.querySelectorAll('.arch-diagram .arch-h').length,
  outputs: document.querySelectorAll('.arch-diagram .arch-box.out').length,
  words: [...document.querySelectorAll('.arch-diagram .arch-word')].map((t) => t.textContent),
  parts: [...document.querySelectorAll('.arch-diagram .arch-part')].map((t) => t.textContent),
  app: document.querySelector('.arch-app').textContent,
}));

test('each architecture drawn unrolled: inputs, hidden states, outputs and losses where the lecture puts them', async () => {
  const { context, page, lines: problems } = await open('#arch=one-to-one');
  try {
    const expect = {
      'one-to-one': (d) => d.hidden === 1 && d.outputs === 1 && d.losses === 1 && /image classification/.test(d.app),
      'one-to-many': (d) => d.hidden === 5 && d.outputs === 5 && d.losses === 5 && /captioning/.test(d.app),
      'many-to-one': (d) => d.hidden >= 3 && d.outputs === 1 && d.losses === 1 && /sentiment/.test(d.app),
      'many-to-many': (d) => d.hidden >= 4 && d.outputs === d.hidden && d.losses === d.hidden && /frame/.test(d.app),
      'encoder-decoder': (d) => d.parts.join() === 'encoder,decoder' && d.outputs >= 1 && d.losses === d.outputs &&
        d.hidden > d.outputs && /translation/.test(d.app),
    };
    for (const [arch, ok] of Object.entries(expect)) {
      await post(page, { command: 'setInput', input: { arch } });
      // a new architecture is a fresh network: a step event with step 0 (one-to-one is already shown)
      if (arch !== 'one-to-one') {
        await page.waitForFunction((a) => window.__events.some((e) => e.event === 'step' && e.arch === a && e.step === 0), arch, { timeout: 15000 });
      }
      const d = await diagram(page);
      assert.ok(ok(d), `${arch}: ${JSON.stringify(d)}`);
    }
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('play trains the aligned name tagger to its stated held-out accuracy (95%), shown and sent in step events', async () => {
  const { context, page, lines: problems } = await open('#arch=many-to-many&seed=1');
  try {
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
    assert.ok(await page.locator('.arch-curve polyline').count() === 1);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
