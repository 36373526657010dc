// playground-resume.test.mjs - issue 22 item 2 in the page: a model file
// saved by 8 workers, loaded on a text too short for 8 workers' streams
// (another text: its streams restart anyway), loads with the text and
// trains, says it was saved with 8 cores, and shows the batch of the workers
// it trains with (before: "it does not match the text above, so it can only
// sample", and 8 × 4 = 32).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, hashFor, stepCount, waitMessage, stepOnce, withPlayground, ROOT } from './helpers.mjs';

let browser, dir;
before(async () => { browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'rnn-resume-')); });
after(async () => { await browser?.close(); await rm(dir, { recursive: true, force: true }); });

// ASCII words, so that the first 300 characters use no letter the 3,000 lack
function words(n) {
  const w = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'and', 'then', 'it', 'ran', 'far', 'away'];
  let s = 3, out = '';
  while (out.length < n) { s = (s * 1103515245 + 12345) >>> 0; out += w[(s >>> 8) % w.length] + ((s >>> 20) % 9 === 0 ? '.\n' : ' '); }
  return out.slice(0, n);
}

test('a file of 8 workers loads on a 300-character text with the text: trains, says 8 cores, shows the batch it uses', async () => {
  const long = join(dir, 't.txt'), file = join(dir, 'w8.rnn');
  await writeFile(long, words(3000));
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rnn.mjs'), 'train', '--data', long, '--hidden', '16', '--seq', '16',
    '--batch', '4', '--steps', '5', '--workers', '8', '--out', file], { encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  await withPlayground(browser, hashFor({ hidden: 16, seq: 16, batch: 4, cores: 1 }), async (page) => {
    await page.locator('#corpus-text').fill(words(300));
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('step-value').textContent === '0' && !document.getElementById('btn-step').disabled);
    await page.locator('#model-file').setInputFiles(file);
    assert.match(await waitMessage(page, /Model saved with 8 cores/), /Model saved with 8 cores, resumed with 1: the text streams restart/);
    assert.doesNotMatch(await page.locator('#message').textContent(), /only sample/);
    assert.equal(await stepCount(page), 5);
    assert.equal(await page.locator('#batch-value').textContent(), '1 × 4 = 4');
    await stepOnce(page);
    assert.equal(await stepCount(page), 6, 'it trains on the 300 characters');
  });
});
