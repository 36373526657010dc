// story.test.mjs - issue 10, the playground's first minute: the offline Tiny
// Shakespeare (the default text) loads from file:// with no network request;
// the Kneser-Ney line is the engine's number on the same split; validation
// comes at a steady rhythm; a loss jump (forced by a high learning rate) is
// marked on the chart, named with its gradient norm and can be rolled back;
// the timeline keeps samples with their steps (and saves them); the
// presentation view fits 1280x720 and 1920x1080 without scrollbars.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openPage, waitReady, FILE_URL, hashFor, externalRequests, waitStepAbove } from './helpers.mjs';
import { loadEngine } from '../node/helpers.mjs';
import { defaultText } from '../node/stability-run.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const VAL_CHARS = 8000; // web/playground/worker.js: the validation slice

test('file://: the default text is the offline Tiny Shakespeare, loaded with no network request; the KN line is the engine\'s', async () => {
  const { context, page, problems, requests } = await openPage(browser, FILE_URL, { hash: '#lang=en' });
  try {
    await waitReady(page, 60000);
    assert.equal(await page.locator('#corpus-select').inputValue(), 'shakespeare');
    await page.waitForFunction(() => /1,115,394 characters/.test(document.getElementById('corpus-stats').textContent));
    assert.ok(requests.some((u) => u.startsWith('file:') && u.endsWith('/data/tinyshakespeare.js')), 'the script was loaded');
    assert.deepEqual(externalRequests(requests), []);
    // the n-gram line: order 5 counted on the model's training text, scored on its validation slice
    await page.waitForFunction(() => document.getElementById('chart').getAttribute('data-kn'), null, { timeout: 60000 });
    const kn = Number(await page.locator('#chart').getAttribute('data-kn'));
    const eng = await loadEngine('auto');
    const text = defaultText();
    const m = eng.createCharLM(text, eng.contract.charlm.presets.live);
    const { trainChars, valChars } = m.info;
    m.free();
    const cps = Array.from(text);
    const want = eng.ngramText(cps.slice(0, trainChars).join(''), cps.slice(trainChars, trainChars + Math.min(valChars, VAL_CHARS)).join(''), 5);
    assert.ok(Math.abs(kn - want.bpc) < 1e-9, `page ${kn}, engine ${want.bpc}`);
    assert.match(await page.locator('#kn-label').textContent(), /5-gram/);
    // another order: the line follows
    await page.selectOption('#set-ngram', '3');
    await page.waitForFunction((k) => Number(document.getElementById('chart').getAttribute('data-kn')) !== k, kn, { timeout: 30000 });
    assert.match(await page.evaluate(() => location.hash), /ngram=3/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('validation at a steady rhythm while training, drawn as points; smoothing and the log step axis are settings', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor({ corpus: 'sentences' }) });
  try {
    await waitReady(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForTimeout(7000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const [train, val] = (await page.locator('#chart').getAttribute('data-points')).split(',').map(Number);
    assert.ok(train > 20, `${train} training points`);
    assert.ok(val >= 4 && val <= 8, `${val} validation points in ~7 s (every 1.5 s, and one at the start)`);
    await page.selectOption('#set-smooth', '0');
    await page.check('#set-logx');
    await page.waitForFunction(() => document.getElementById('chart').getAttribute('data-log') === '1');
    assert.match(await page.evaluate(() => location.hash), /smooth=0.*logx=1/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a loss jump (forced by a high learning rate) is marked, named with its gradient norm, and rolled back', async () => {
  const hash = hashFor({ corpus: 'sentences', hidden: 64, seq: 32, batch: 16, lr: 0.03, clip: 0 });
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash });
  try {
    await waitReady(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('chart').getAttribute('data-jumps'), null, { timeout: 90000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const jumpStep = Number((await page.locator('#chart').getAttribute('data-jumps')).split(',')[0]);
    assert.ok(jumpStep > 100, `jump at ${jumpStep}`);
    const note = await page.locator('#jump-text').textContent();
    assert.match(note, new RegExp(`The loss jumped at step ${jumpStep.toLocaleString('en')}: smoothed \\d\\.\\d\\d → \\d\\.\\d\\d bits per char\\. The largest gradient norm just before it: \\d+\\.\\d\\d \\(step [\\d,]+\\)`));
    const button = page.locator('#btn-rollback');
    const good = Number((await button.textContent()).replace(/[^\d]/g, ''));
    assert.ok(good < jumpStep, `roll back to ${good}, before ${jumpStep}`);
    await page.waitForFunction(() => !document.getElementById('btn-rollback').disabled);
    await button.click();
    await page.waitForFunction(() => /Rolled back/.test(document.getElementById('message').textContent));
    assert.equal(Number((await page.locator('#step-value').textContent()).replace(/[^\d]/g, '')), good);
    assert.ok(await page.locator('#jump-note').isHidden());
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('the timeline keeps samples at steps 10 and 100 and on "Keep this sample", newest first, and saves them as JSON', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await waitReady(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitStepAbove(page, 150, 30000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const step = Number((await page.locator('#step-value').textContent()).replace(/[^\d]/g, ''));
    const auto = await page.locator('#timeline li.auto').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-step'))));
    auto.reverse(); // the list shows the newest first
    // one sample per power of ten reached: the first chunk that ends at or past it
    assert.equal(auto.length, Math.floor(Math.log10(step)), `${JSON.stringify(auto)} at step ${step}`);
    auto.forEach((s, i) => assert.ok(s >= 10 ** (i + 1) && s < 10 ** (i + 2), JSON.stringify(auto)));
    assert.match(await page.locator('#timeline li.auto').last().locator('.timeline-head').textContent(), /^Step \d+ · \d\.\d\d bits\/char$/);
    // once the pause has taken effect, the step no longer moves; the sample drawn now carries it
    await page.waitForFunction(() => !document.getElementById('btn-step').disabled, null, { timeout: 15000 });
    const paused = Number((await page.locator('#step-value').textContent()).replace(/[^\d]/g, ''));
    await page.getByRole('button', { name: 'Sample now' }).click();
    // wait for the new sample (drawn at the paused step), not a refresh from before the pause
    await page.waitForFunction((s) => new RegExp(`step ${s.toLocaleString('en-US')}\\b`).test(document.querySelector('#samples .caption')?.textContent || ''),
      paused, { timeout: 15000 });
    const caption = await page.locator('#samples .caption').textContent();
    const shown = Number(caption.match(/step ([\d,]+)/)[1].replace(/,/g, ''));
    await page.getByRole('button', { name: 'Keep this sample' }).click();
    const kept = page.locator('#timeline li.user');
    assert.equal(await kept.count(), 1);
    assert.equal(Number(await kept.getAttribute('data-step')), shown);
    assert.match(await kept.locator('.timeline-head').textContent(), /kept by you$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the timeline (JSON)' }).click()]);
    assert.match(download.suggestedFilename(), /^rnn-charlm-h32-step\d+\.timeline\.json$/);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(json.format, 'rnn-playground-timeline');
    assert.deepEqual(json.samples.map((s) => s.kept), [...auto.map(() => 'auto'), 'user']);
    assert.deepEqual(json.samples.map((s) => s.step), [...auto, shown]);
    assert.ok(json.samples.every((s) => typeof s.text === 'string' && s.text.length > 0 && typeof s.bpc === 'number'));
    assert.equal(json.model.H, 32);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`presentation view at ${width}x${height}: chart, loss figures and the live sample on one screen, no scrollbars`, async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(FILE_URL + hashFor({ corpus: 'sentences', present: 1, len: 300 }));
      await waitReady(page);
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await waitStepAbove(page, 50, 30000);
      await page.waitForTimeout(1500);
      const m = await page.evaluate(() => {
        const box = (id) => document.getElementById(id).getBoundingClientRect().toJSON();
        const de = document.documentElement;
        return { sh: de.scrollHeight, sw: de.scrollWidth, ih: innerHeight, iw: innerWidth,
          chart: box('chart'), canvas: document.querySelector('#chart canvas').getBoundingClientRect().toJSON(),
          loss: box('loss-status'), val: box('val-value'), kn: box('kn-value'), sample: box('samples'),
          sampleFont: parseFloat(getComputedStyle(document.querySelector('#samples .sample-text')).fontSize),
          lossFont: parseFloat(getComputedStyle(document.getElementById('loss-status')).fontSize) };
      });
      assert.ok(m.sh <= m.ih && m.sw <= m.iw, `scrolls: ${m.sw}x${m.sh} in ${m.iw}x${m.ih}`);
      const inside = (b, name) => assert.ok(b.top >= 0 && b.left >= 0 && b.bottom <= m.ih && b.right <= m.iw && b.width > 0 && b.height > 0,
        `${name} ${JSON.stringify(b)} outside ${m.iw}x${m.ih}`);
      for (const k of ['chart', 'canvas', 'loss', 'val', 'kn', 'sample']) inside(m[k], k);
      assert.ok(m.canvas.height >= height * 0.35, `chart ${m.canvas.height} px high`);
      assert.ok(m.sampleFont >= (width > 1500 ? 24 : 18), `sample type ${m.sampleFont}px`);
      assert.ok(m.lossFont >= (width > 1500 ? 36 : 24), `loss type ${m.lossFont}px`);
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });
}
