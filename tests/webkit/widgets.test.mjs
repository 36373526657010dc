// Every registered lecture widget in WebKit (MiniBrowser through
// WebKitWebDriver; driver.mjs), from file://: embed.html?w=<id> in a 960×540
// iframe of a host page (frame.html), as a slide embeds it. Each widget
// starts (its `ready` event), shows no boot failure, answers a `step`
// command sent by postMessage with a `step` event, has no scrollbars, and
// logs no error or warning from its ready event on. (Chromium runs the
// fuller set: tests/browser/widgets.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { launch, harnessUrl, ROOT } from './driver.mjs';

const REGISTRY = runInNewContext(readFileSync(join(ROOT, 'web', 'widgets', 'registry.js'), 'utf8') + '\nRnnWidgetRegistry;', {});
const IDS = REGISTRY.ids();

let wk;
before(async () => { wk = await launch(); });
after(async () => { await wk?.close(); });

test('the registry lists the eleven widgets', () => {
  assert.deepEqual(Array.from(IDS), ['alphabet', 'sentiment', 'ball', 'memory', 'sum-rnn', 'compare-rnn', 'neurons', 'bptt',
    'teacher-forcing', 'architectures', 'translation']);
});

const count = (name) => wk.exec((n) => window.__events.filter((e) => e.event === n).length, name);

for (const id of IDS) {
  test(`WebKit: ${id} in a 960×540 frame from file:// starts, steps by postMessage, fits, logs nothing`, async () => {
    await wk.topFrame();
    await wk.go(harnessUrl(id));
    await wk.waitFor(() => window.__events.some((e) => e.event === 'ready'), [], { timeout: 60000, what: `${id}: ready` });
    await wk.frame(0);
    await wk.watchErrors();
    assert.equal(await wk.bootFailure(), '');
    await wk.topFrame();
    const before = await count('step');
    await wk.exec(() => window.__post({ command: 'step' }));
    await wk.waitFor((n) => window.__events.filter((e) => e.event === 'step').length > n, [before], { timeout: 60000, what: `${id}: a step event` });
    assert.deepEqual(await wk.exec(() => window.__events.filter((e) => e.event === 'rejected')), []);
    await wk.frame(0);
    const m = await wk.exec(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight,
      cw: document.documentElement.clientWidth, ch: document.documentElement.clientHeight,
      h1: (document.querySelector('h1') || {}).textContent || '' }));
    assert.equal(m.cw, 960);
    assert.ok(m.sw <= m.cw && m.sh <= m.ch, `${id}: scrolls (${m.sw}×${m.sh} in ${m.cw}×${m.ch})`);
    assert.ok(m.h1.trim().length > 0, `${id}: no title`);
    assert.deepEqual(await wk.problems(), []);
    assert.equal(await wk.bootFailure(), '');
  });
}
