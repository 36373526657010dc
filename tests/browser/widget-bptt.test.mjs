// widget-bptt.test.mjs - the bptt widget's numbers, read from its step events
// and data-value attributes (fixed seeds, from file://): with g linear and
// W = r Q, ||dL/dh_1|| < 1e-3 ||dL/dh_T|| at r = 0.5 and > 1e3 at r = 1.5
// (T = 20, the loss at the last step); the per-step terms of dL/dW[1,1] sum
// to the engine's total; clipping reports the norm before and after; the
// gradient check's relative errors are small; training lowers the loss.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './helpers.mjs';
import { EMBED, openWidget } from './widget-helpers.mjs';

const GRADCHECK_TOL = 1e-2;   // relative error per tensor, float32 central differences

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (hash) => openWidget(browser, `${EMBED}?w=bptt&lang=en${hash}`, { readyTimeout: 20000 });
const steps = (page) => page.evaluate(() => window.__events.filter((e) => e.event === 'step'));
const attr = async (page, sel, name) => Number(await page.locator(sel).getAttribute(name));

test('bptt: linear g, W = rQ, T = 20, loss at the last step: vanishing at r = 0.5, exploding at r = 1.5', async () => {
  const { context, page, lines: problems } = await open('#activation=linear&radius=0.5&loss=last&steps=20');
  try {
    const ev = (await steps(page))[0];
    assert.equal(ev.step, 0);
    assert.ok(Math.abs(ev.rho - 0.5) < 2e-3, `rho ${ev.rho}`);
    assert.ok(ev.dhFirst < 1e-3 * ev.dhLast, `r = 0.5: ${ev.dhFirst} vs ${ev.dhLast}`);
    assert.equal(await page.locator('.bptt-trend').textContent(), 'vanishing');
    await page.evaluate(() => window.postMessage({ command: 'setInput', input: { radius: 1.5 } }, '*'));
    await page.waitForFunction(() => Number(document.querySelector('.bptt-rho').getAttribute('data-value')) > 1.4);
    assert.ok(Math.abs(await attr(page, '.bptt-rho', 'data-value') - 1.5) < 3e-3);
    const first = await attr(page, '.bptt-ends', 'data-first'), last = await attr(page, '.bptt-ends', 'data-last');
    assert.ok(first > 1e3 * last, `r = 1.5: ${first} vs ${last}`);
    assert.equal(await page.locator('.bptt-trend').textContent(), 'exploding');
    assert.equal(await page.locator('.bptt-cell.dhLabel').count(), 20);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('bptt: Σ_t ∂L/∂W_t = ∂L/∂W, clipping before/after, gradient check, training lowers the loss', async () => {
  const { context, page, lines: problems } = await open('#train=60');
  try {
    const sum = await attr(page, '.bptt-dwsum', 'data-sum'), total = await attr(page, '.bptt-dwsum', 'data-total');
    assert.ok(Math.abs(sum - total) <= 1e-5 * (1 + Math.abs(total)), `sum ${sum} vs total ${total}`);
    const terms = await page.locator('.bptt-cell.dwLabel').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    assert.equal(terms.length, 10);
    assert.ok(terms.some((v) => v !== 0));
    await page.getByRole('button', { name: 'Check gradients' }).click();
    await page.waitForFunction(() => document.querySelector('.bptt-checkout').hasAttribute('data-u'), null, { timeout: 20000 });
    for (const k of ['data-u', 'data-w', 'data-v']) {
      const rel = await attr(page, '.bptt-checkout', k);
      assert.ok(rel >= 0 && rel < GRADCHECK_TOL, `${k} ${rel}`);
    }
    const loss0 = (await steps(page))[0].loss;
    // the focus may still be on "Check gradients" (space would press it again): blur it first
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.keyboard.press(' ');                          // play to the end (60 steps)
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'done'), null, { timeout: 60000 });
    const evs = await steps(page), lastEv = evs[evs.length - 1];
    assert.equal(lastEv.step, 60);
    assert.ok(lastEv.loss < loss0, `loss ${loss0} -> ${lastEv.loss}`);
    assert.ok(lastEv.gradNormAfter <= 1 + 1e-4 && lastEv.gradNormAfter <= lastEv.gradNorm + 1e-9, JSON.stringify(lastEv));
    const before = await attr(page, '.bptt-norms', 'data-before'), afterN = await attr(page, '.bptt-norms', 'data-after');
    assert.equal(before, lastEv.gradNorm);
    assert.equal(afterN, lastEv.gradNormAfter);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
