// locale-numbers.test.mjs - numbers on charts follow the page's language, not
// the browser's: a uPlot chart built by shared/chart-base.js (the playground's
// loss chart and the race's accuracy charts are) in a pt-BR page, in an
// en-US browser, writes "1.000" on its axis, never "1,000", and a real minus
// sign; the same chart in English writes "1,000". The axis text is drawn on a
// canvas, so the test records what fillText draws. The playground's decimal
// fields (learning rate, clipping) are written and read in the page's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, ROOT, openPage, FILE_URL, hashFor, waitReady } from './helpers.mjs';

let browser, dir;
before(async () => { browser = await launch(); dir = mkdtempSync(join(tmpdir(), 'axes-')); });
after(async () => { await browser?.close(); rmSync(dir, { recursive: true, force: true }); });

const src = (p) => pathToFileURL(join(ROOT, 'web', p)).href;

// A page in language `lang` with one chart: x from 0 to 5000, y from −0.5 to 1.5.
function page(lang) {
  const file = join(dir, `chart-${lang}.html`);
  writeFileSync(file, `<!doctype html><html lang="${lang}"><meta charset="utf-8">
<link rel="stylesheet" href="${src('vendor/uPlot.min.css')}">
<script>window.drawn = []; const f = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (t, x, y) { window.drawn.push(String(t)); return f.apply(this, arguments); };</script>
<script src="${src('vendor/uPlot.iife.min.js')}"></script>
<script src="${src('shared/chart-base.js')}"></script>
<div id="c" style="width:700px"></div>
<script>
const xs = [], ys = [];
for (let i = 0; i <= 50; i++) { xs.push(i * 100); ys.push(-0.5 + i / 25); }
window.chart = new RnnChartBase.Chart(document.getElementById('c'), {
  options: () => ({ scales: { x: { time: false } }, axes: [{ label: 'x' }, { label: 'y' }], series: [{}, { stroke: 'red' }] }),
  data: () => [xs, ys],
});
</script>`);
  return pathToFileURL(file).href;
}

async function axisTexts(lang) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 800, height: 500 } });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  try {
    await p.goto(page(lang));
    await p.waitForFunction(() => window.drawn.length > 4);
    assert.deepEqual(errors, []);
    return await p.evaluate(() => window.drawn);
  } finally { await context.close(); }
}

test('pt-BR page in an en-US browser: axes read 1.000 and −0,5, never 1,000', async () => {
  const drawn = await axisTexts('pt-BR');
  assert.ok(drawn.includes('1.000') || drawn.includes('2.000'), drawn.join(' | '));
  assert.ok(!drawn.some((t) => /\d,\d{3}\b/.test(t)), drawn.join(' | '));
  assert.ok(drawn.some((t) => /^−0,5$/.test(t)), drawn.join(' | '));
  assert.ok(!drawn.some((t) => /^-\d/.test(t)), drawn.join(' | '));
});

test('English page: axes read 1,000 and −0.5', async () => {
  const drawn = await axisTexts('en');
  assert.ok(drawn.includes('1,000') || drawn.includes('2,000'), drawn.join(' | '));
  assert.ok(drawn.some((t) => /^−0\.5$/.test(t)), drawn.join(' | '));
});

test('playground in pt-BR (en-US browser): the learning rate reads 0,01, a typed 0,02 is taken, the hash keeps 0.02', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor({ lang: 'pt', lr: 0.01, clip: 2.5 }) });
  try {
    await waitReady(page);
    const lr = page.locator('#set-lr'), clip = page.locator('#set-clip');
    assert.equal(await lr.inputValue(), '0,01');
    assert.equal(await clip.inputValue(), '2,5');
    await lr.fill('0,02');
    assert.equal(await lr.getAttribute('aria-invalid'), 'false');
    assert.match(await page.evaluate(() => location.hash), /[#&]lr=0\.02(&|$)/);
    await lr.fill('0.03');                                   // a dot is read too
    assert.match(await page.evaluate(() => location.hash), /[#&]lr=0\.03(&|$)/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await lr.inputValue(), '0.03');
    assert.equal(await clip.inputValue(), '2.5');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
