// Every registered lecture widget in embed mode in Firefox ESR, from file://,
// at 960×540: it starts (its `ready` event), → gives a `step` event, the frame
// has no scrollbars, and there is no console error or warning and no request
// off the machine. (Chromium runs the fuller set: tests/browser/widgets.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { launch, openPage, fileUrl, externalRequests, ROOT } from './firefox.mjs';

const REGISTRY = runInNewContext(readFileSync(join(ROOT, 'web', 'widgets', 'registry.js'), 'utf8') + '\nRnnWidgetRegistry;', {});
const IDS = REGISTRY.ids();

let ff;
before(async () => { ff = await launch(); });
after(async () => { await ff?.close(); });

// The exact list (a widget dropped from the registry would silently drop its
// test below), and every widget folder under web/widgets/ is in it.
const EXPECTED = ['alphabet', 'sentiment', 'ball', 'memory', 'sum-rnn', 'compare-rnn', 'neurons', 'bptt',
  'teacher-forcing', 'architectures', 'translation'];
test('the registry lists the 11 widgets, one per folder of web/widgets/', () => {
  assert.deepEqual([...IDS], EXPECTED);
  const dir = join(ROOT, 'web', 'widgets');
  const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort();
  assert.deepEqual(folders, [...EXPECTED].sort());
});

for (const id of IDS) {
  test(`Firefox: ${id} embedded at 960×540 from file:// starts, steps, fits, logs nothing`, async () => {
    const { page, problems, requests } = await openPage(ff.browser, 'about:blank', { width: 960, height: 540 });
    try {
      // the widget posts its events to its parent, which is itself when it is not framed
      await page.evaluateOnNewDocument(() => {
        window.__events = [];
        window.addEventListener('message', (ev) => { if (ev.data && ev.data.source === 'rnn-widget') window.__events.push(ev.data); });
      });
      await page.goto(`${fileUrl('embed.html')}?w=${id}&lang=en`);
      await page.waitForFunction(() => window.__events.some((e) => e.event === 'ready'), { timeout: 30000 });
      const before = await page.evaluate(() => window.__events.filter((e) => e.event === 'step').length);
      await page.focus('body');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((n) => window.__events.filter((e) => e.event === 'step').length > n, { timeout: 30000 }, before);
      const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight,
        cw: document.documentElement.clientWidth, ch: document.documentElement.clientHeight,
        h1: (document.querySelector('h1') || {}).textContent || '' }));
      assert.ok(m.sw <= m.cw && m.sh <= m.ch, `${id}: scrolls (${m.sw}×${m.sh} in ${m.cw}×${m.ch})`);
      assert.ok(m.h1.trim().length > 0, `${id}: no title`);
      assert.deepEqual(problems, []);
      assert.deepEqual(externalRequests(requests).filter((u) => u !== 'about:blank'), []);
    } finally { await page.close(); }
  });
}
