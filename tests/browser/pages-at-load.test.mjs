// Every page under web/ (whatever pages exist: the playground, the race, and
// any page added later), opened from disk: no request leaves the machine at
// load, no console error or warning, no uncaught error. Any page found here is
// tested without editing this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, ROOT, externalRequests } from './helpers.mjs';

const PAGES = readdirSync(join(ROOT, 'web')).filter((f) => f.endsWith('.html')).sort();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the pages are found', () => {
  assert.ok(PAGES.includes('index.html') && PAGES.includes('l2e.html'), PAGES.join(', '));
});

for (const name of PAGES) {
  test(`${name} from file://: no request off the machine, no console error at load`, async () => {
    const url = pathToFileURL(join(ROOT, 'web', name)).href;
    const { context, page, problems, requests } = await openPage(browser, url);
    try {
      await page.waitForLoadState('load');
      await page.waitForTimeout(1500); // workers start, self-checks run, iframes load
      assert.deepEqual(externalRequests(requests), []);
      assert.deepEqual(problems, []);
      assert.ok((await page.title()).length > 0, 'the page has a title');
    } finally { await context.close(); }
  });
}
