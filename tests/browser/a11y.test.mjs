// a11y.test.mjs - an accessibility audit (axe-core, pinned in package.json,
// test-only: nothing of it is copied into web/) of every page in Chromium,
// from file://, in pt-BR and in English: the playground, the race, the
// gallery, and embed.html for every registered widget, each once it is ready.
// Zero serious or critical violations; the moderate and minor ones are printed.
// axe's source goes in through the driver (page.evaluate is not subject to the
// pages' Content-Security-Policy), so the pages stay as shipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { launch, ROOT } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const REGISTRY = runInNewContext(readFileSync(join(ROOT, 'web', 'widgets', 'registry.js'), 'utf8') + '\nRnnWidgetRegistry;', {});
const url = (page) => pathToFileURL(join(ROOT, 'web', page)).href;

// Each page and the state that says it has started.
const PAGES = [
  ['index.html', url('index.html'), () => {
    const s = document.getElementById('engine-status');
    return s && s.getAttribute('data-kind') && !document.getElementById('btn-reset').disabled;
  }],
  ['l2e.html', url('l2e.html'), () => document.documentElement.getAttribute('data-phase') === 'idle'],
  ['gallery.html', url('gallery.html'), () => document.querySelectorAll('iframe').length > 0],
  ...[...REGISTRY.ids()].map((id) => [`embed.html?w=${id}`, `${url('embed.html')}?w=${id}`,
    () => window.__events.some((e) => e.event === 'ready')]),
];
const LOCALES = ['pt-BR', 'en-US'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every registered widget and the three pages are audited', () => {
  assert.equal(PAGES.length, 3 + 11);
});

// The axe results of the page in its current state, the frames left out (each
// widget frame of the gallery is audited as its own embed.html page).
async function audit(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

for (const [name, address, ready] of PAGES) {
  for (const locale of LOCALES) {
    test(`${name} (${locale}): no serious or critical accessibility violation (axe-core)`, async () => {
      const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          window.__events = [];
          window.addEventListener('message', (ev) => { if (ev.data && ev.data.source === 'rnn-widget') window.__events.push(ev.data); });
        });
        await page.goto(address);
        await page.waitForFunction(ready, null, { timeout: 30000 });
        assert.equal(await page.evaluate(() => document.documentElement.lang), locale === 'pt-BR' ? 'pt-BR' : 'en');
        const found = await audit(page);
        const minor = found.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
        for (const v of minor) console.log(`# ${name} ${locale}: ${v.impact} ${v.id} (${v.nodes.length} nodes): ${v.help}`);
        const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(bad, [], `${name} ${locale}: ${JSON.stringify(bad, null, 1)}`);
      } finally { await context.close(); }
    });
  }
}
