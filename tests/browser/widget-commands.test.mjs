// widget-commands.test.mjs - issue 22 items 4 and 9: a widget's commands
// apply in the order they came (web/shared/widget-kit.js commandQueue).
// After a widget finished, `reset` then `play` back to back trains again
// (before: the play checked the step count before the queued reset had run,
// and was dropped without a word). 10,000 `step` messages do not become
// 10,000 worker requests: at most a few wait, the rest are refused, and a
// `pause` or `reset` cancels the ones still waiting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './helpers.mjs';
import { EMBED, openWidget, events, waitEvents, waitWidgetEvent } from './widget-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// the first step event after the last reset's step 0 (the widget's own step field)
const stepsAfterReset = (page, field) => page.evaluate((f) => {
  const ev = window.__events.filter((e) => e.event === 'step');
  let i = ev.length - 1;
  while (i >= 0 && ev[i][f] !== 0) i--;
  return ev.slice(i + 1).map((e) => e[f]);
}, field);

for (const [id, hash, field] of [['alphabet', '#steps=10', 'step'], ['bptt', '#train=20', 'step']]) {
  test(`${id}: after "done", reset and play sent back to back train again`, async () => {
    const { context, page, lines } = await openWidget(browser, `${EMBED}?w=${id}${hash}`);
    try {
      await page.evaluate(() => window.postMessage({ command: 'play' }, '*'));
      await waitWidgetEvent(page, 'done', 60000);
      const before = (await events(page, 'done')).length;
      await page.evaluate(() => { window.postMessage({ command: 'reset' }, '*'); window.postMessage({ command: 'play' }, '*'); });
      await page.waitForFunction((n) => window.__events.filter((e) => e.event === 'done').length > n, before, { timeout: 60000 });
      const after = await stepsAfterReset(page, field);
      assert.ok(after.length > 0 && after.every((s) => s > 0), `steps after the reset: ${after}`);
      assert.equal((await events(page, 'rejected')).length, 0);
      assert.deepEqual(lines, []);
    } finally { await context.close(); }
  });
}

test('alphabet: 10,000 step messages: a few wait, the rest are refused; pause cancels the waiting ones', async () => {
  const { context, page, lines } = await openWidget(browser, `${EMBED}?w=alphabet#steps=10`);
  try {
    await page.evaluate(() => { for (let i = 0; i < 10000; i++) window.postMessage({ command: 'step' }, '*'); });
    await waitEvents(page, 'rejected', 10000 - 9, 30000); // one runs, MAX_STEPS (8) wait
    const rejected = await events(page, 'rejected');
    assert.match(rejected[0].reason, /too many steps waiting \(at most 8\)/);
    await page.evaluate(() => window.postMessage({ command: 'pause' }, '*'));
    await page.waitForTimeout(3000);
    const steps = (await events(page, 'step')).map((e) => e.step);
    // the alphabet trains 5 steps a chunk: at most 1 + 8 chunks (the pause cancels those still waiting)
    assert.ok(steps.length >= 1 && steps.length <= 9, `step events: ${steps.length}`);
    assert.ok(steps[steps.length - 1] <= 45, `last step ${steps[steps.length - 1]}`);
    const n = steps.length;
    await page.waitForTimeout(2000);
    assert.equal((await events(page, 'step')).length, n, 'nothing more after the pause');
    // a reset sent now takes effect at once (no backlog in front of it)
    await page.evaluate(() => window.postMessage({ command: 'reset' }, '*'));
    await page.waitForFunction((k) => window.__events.filter((e) => e.event === 'step').length > k, n, { timeout: 5000 });
    assert.equal((await events(page, 'step')).pop().step, 0);
    assert.deepEqual(lines, []);
  } finally { await context.close(); }
});
