// The learning-to-execute page (web/l2e.html): from file://, sample programs
// appear, the race of the four curricula starts in four workers, the four
// curves move, the predictions table fills, pause stops progress, a typed
// program runs in the engine and in the four networks, the scrambled toggle
// restarts the race on relabelled programs; every visible string exists in pt-BR and
// English; a nonsense link is reported; phone width, keyboard, http, and the
// links between the two pages. Tiny models (hidden 16, batch 8) keep it short.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { launch, openPage, startServer, ROOT, FILE_URL, externalRequests, waitMessage, visibleTexts } from './helpers.mjs';
import { TABLE } from '../../scripts/build-web.mjs';

const L2E_URL = pathToFileURL(join(ROOT, 'web', 'l2e.html')).href;
const require = createRequire(import.meta.url);
const S = require('../../web/l2e/state.js');

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); server?.server.close(); });

// Small, fast settings (a budget large enough to still be running when paused).
function l2eHash(over = {}) {
  const s = { lang: 'en', task: 'addition', length: 2, nesting: 1, steps: 20000, hidden: 16, batch: 8, val: 32, rows: 4,
    seed: 1, scramble: 0, ...over };
  return '#' + Object.entries(s).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

const phase = (page) => page.evaluate(() => document.documentElement.getAttribute('data-phase'));
const waitPhase = (page, p, timeout = 20000) =>
  page.waitForFunction((p) => document.documentElement.getAttribute('data-phase') === p, p, { timeout });
const points = (page, id) => page.evaluate((id) =>
  (document.getElementById(id).getAttribute('data-points') || '0,0,0,0').split(',').map(Number), id);
const scoreSteps = (page) => page.evaluate(() => Array.from(document.querySelectorAll('#score tbody tr'))
  .slice(0, 4).map((tr) => Number(tr.cells[1].textContent.replace(/[^\d]/g, '')) || 0));

async function waitPoints(page, n, timeout = 20000) {
  await page.waitForFunction((n) => ['chart-char', 'chart-exact'].every((id) =>
    (document.getElementById(id).getAttribute('data-points') || '0,0,0,0').split(',').every((x) => Number(x) >= n)),
  n, { timeout });
}

test('file://: samples, a race of four workers, moving curves, predictions, pause, scrambled restart', async () => {
  const { context, page, problems, requests } = await openPage(browser, L2E_URL, { hash: l2eHash() });
  try {
    await waitPhase(page, 'idle');
    assert.match(await page.locator('#engine-status').textContent(), /Engine: WebAssembly (SIMD128 \(self-check passed|, scalar)/);
    // sample programs with their targets
    const cards = page.locator('#sample-cards figure');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 4);
    const first = await cards.first().locator('pre').textContent();
    assert.match(first, /^print\(\d\d\+\d\d\)$/);
    assert.match(await cards.first().locator('.l2e-target .code').textContent(), /^\d+\.$/);
    assert.match(await page.locator('#budget').textContent(), /20,000 steps of 8 examples \(160,000 examples\), hidden size 16/);
    // the format guess is known before the race (the dashed line and its row)
    assert.match(await page.locator('#score tr.ref').textContent(), /\d+\.\d%/);

    await page.getByRole('button', { name: 'Start race' }).click();
    await waitPoints(page, 1);                              // step 0, from setup
    const before = await points(page, 'chart-char');
    // every curve gains points after `before` (they start at different times)
    await page.waitForFunction((b) => (document.getElementById('chart-char').getAttribute('data-points') || '0,0,0,0')
      .split(',').map(Number).every((n, i) => n > b[i] && n >= 4), before, { timeout: 30000 });
    const after = await points(page, 'chart-char');
    for (let i = 0; i < 4; i++) assert.ok(after[i] > before[i], `curve ${i} moves: ${before} -> ${after}`);
    assert.equal(await phase(page), 'running');
    // every strategy's prediction for every row (characters in spans, verdicts)
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('#predictions tbody tr');
      return rows.length === 4 && Array.from(rows).every((tr) => tr.querySelectorAll('td.pred .prediction').length === 4);
    });
    const row = page.locator('#predictions tbody tr').first();
    assert.match(await row.locator('th pre').textContent(), /^print\(\d\d\+\d\d\)$/);
    assert.match(await row.locator('.target').textContent(), /^\d+\.$/);
    // a wrong character is marked; a cell is either correct or wrong
    const marks = await page.evaluate(() => Array.from(document.querySelectorAll('#predictions td.pred')).map((td) =>
      (td.classList.contains('correct') ? 'c' : td.classList.contains('wrong') ? 'w' : '?') +
      (td.querySelector('.bad, .miss') ? '!' : '')));
    assert.equal(marks.length, 16);
    for (const m of marks) assert.ok(m === 'c' || m === 'w!', `cell marks ${m}`);

    // pause: nothing moves any more
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitPhase(page, 'paused');
    const paused = await scoreSteps(page);
    const pausedPts = await points(page, 'chart-char');
    assert.ok(paused.every((s) => s > 0), `steps ${paused}`);
    await page.waitForTimeout(800);
    assert.deepEqual(await scoreSteps(page), paused);
    assert.deepEqual(await points(page, 'chart-char'), pausedPts);
    // type a program: the slide's first one, run by the engine and by the four networks
    await page.getByRole('button', { name: 'Slide program 1' }).click();
    await page.waitForFunction(() => document.getElementById('try-target').textContent !== '');
    assert.equal(await page.locator('#try-input').textContent(), 'j=8584#for x in range(8):j+=920#b=(1500+j);#print((b+7567))@');
    assert.equal(await page.locator('#try-target').textContent(), '25011.');
    const answers = await page.locator('#try-out tr[class^="s"] td').allTextContents();
    assert.equal(answers.length, 4);
    for (const a of answers) assert.match(a, /^[-\d.]+$/, `a network's answer: ${a}`);
    assert.match(await page.locator('#try-msg').textContent(), /^[0-4] of the 4 networks printed exactly the right answer\.$/);
    const tryIt = async (program) => {
      await page.locator('#try-program').fill(program);
      await page.getByRole('button', { name: 'Run it in the four networks' }).click();
      await page.waitForFunction(() => !document.getElementById('btn-try').disabled);
      return page.locator('#try-msg').textContent();
    };
    assert.match(await tryIt('print(12+34)\n'), /of the 4 networks/);
    assert.equal(await page.locator('#try-target').textContent(), '46.');
    assert.match(await tryIt('print(12+34)!'), /not among the 42 symbols.*“!”/);
    assert.match(await tryIt('print(' + '1'.repeat(200) + ')'), /Too long: the program has 208 characters and these networks read at most 160\./);
    assert.match(await tryIt('print(a)'), /the right answer is unknown/);
    assert.match(await page.locator('#try-target').textContent(), /^unknown: .*before it is assigned/);
    assert.match(await tryIt('   '), /Type a program first/);
    // resume
    await page.getByRole('button', { name: 'Resume' }).click();
    await waitPhase(page, 'running');
    await page.waitForFunction((p) => Array.from(document.querySelectorAll('#score tbody tr')).slice(0, 4)
      .every((tr, i) => Number(tr.cells[1].textContent.replace(/[^\d]/g, '')) > p[i]), paused);

    // scrambled inputs: one click restarts the race on shuffled characters
    const toggle = page.getByRole('button', { name: 'Scrambled inputs' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    // the old race is still 'running' for a moment after the click: wait for the
    // scrambled one (reset, set-up, running again) rather than for the phase
    await page.waitForFunction(() => document.documentElement.getAttribute('data-phase') === 'running' &&
      /scrambled/.test(document.querySelector('#run-state').textContent), null, { timeout: 20000 });
    assert.match(await page.evaluate(() => location.hash), /scramble=1/);
    await page.waitForFunction(() => /scrambled/.test(document.querySelector('#sample-cards figcaption').textContent));
    // the same program relabelled by one substitution: same length, the '+' and
    // the parentheses now other symbols, no '@' shown (lines are kept, as on the slide)
    const scrambled = await page.locator('#sample-cards pre').first().textContent();
    assert.doesNotMatch(scrambled, /^print\(/);
    assert.equal(scrambled.length, first.length, `${scrambled} vs ${first}`);
    assert.doesNotMatch(scrambled, /@/);
    assert.doesNotMatch(await page.locator('#sample-cards .l2e-target .code').first().textContent(), /^\d+\.$/);
    // the chart started over and moves again
    await waitPoints(page, 3);
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('#predictions tbody tr');
      return rows.length === 4 && !/^print\(/.test(rows[0].querySelector('th pre').textContent) &&
        rows[0].querySelectorAll('.prediction').length === 4;
    });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitPhase(page, 'idle');
    assert.deepEqual(await points(page, 'chart-char'), [0, 0, 0, 0]);
    assert.deepEqual(problems, []);
    assert.deepEqual(externalRequests(requests), []);
  } finally { await context.close(); }
});


const isNumberish = (s) => /^[\d\s.,:%·e+\-–−()]*$/i.test(s);
const NEUTRAL = new Set(['1', '2', '3', '4', '5', '6']);

test('switching the language changes every visible string, and back', async () => {
  const { context, page, problems } = await openPage(browser, L2E_URL, { hash: l2eHash({ task: 'program', length: 1, nesting: 2 }) });
  try {
    await waitPhase(page, 'idle');
    await page.locator('#sample-cards figure').first().waitFor();
    await page.getByRole('button', { name: 'Start race' }).click();
    await waitPoints(page, 2);
    await page.waitForFunction(() => document.querySelectorAll('#predictions td.pred .prediction').length === 16);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitPhase(page, 'paused');
    const en = await page.evaluate(visibleTexts, { skip: '.code, #engine-status' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('button', { name: 'Português' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
    const pt = await page.evaluate(visibleTexts, { skip: '.code, #engine-status' });
    assert.match(await page.evaluate(() => location.hash), /lang=pt/);
    assert.match(await page.locator('#nav-back').getAttribute('href'), /^index\.html#lang=pt$/);
    const ptByWhere = new Map(pt.map((x) => [x.where, x.text]));
    const same = [];
    for (const { where, text } of en) {
      if (NEUTRAL.has(text) || isNumberish(text)) continue;
      if (!ptByWhere.has(where)) continue;
      if (ptByWhere.get(where) === text) same.push(`${where}: ${text}`);
    }
    assert.deepEqual(same, [], 'strings left in English after switching to Portuguese');
    const enWords = new Set(en.map((x) => x.text));
    const leaked = pt.filter((x) => enWords.has(x.text) && !NEUTRAL.has(x.text) && !isNumberish(x.text));
    assert.deepEqual(leaked, []);
    assert.ok(pt.length >= 60, `walked ${pt.length} strings`);
    await page.getByRole('button', { name: 'Continuar' }).waitFor();
    await page.getByRole('img', { name: 'Gráfico da acurácia por caractere' }).waitFor();
    // numbers follow the language too (0,5 and 1.234)
    assert.match(await page.locator('#score tr.ref td').nth(2).textContent(), /^\d+,\d%$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const back = await page.evaluate(visibleTexts, { skip: '.code, #engine-status' });
    const words = (list) => list.map((x) => x.text).filter((s) => !isNumberish(s));
    assert.deepEqual(words(back), words(en));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('the language comes from the browser unless the link names it', async () => {
  for (const [locale, hash, want] of [['pt-BR', '', 'pt-BR'], ['en-US', '', 'en'], ['pt-BR', '#lang=en', 'en']]) {
    const { context, page } = await openPage(browser, L2E_URL, { locale, hash });
    try {
      await page.waitForFunction(() => document.documentElement.getAttribute('data-booted') === '1');
      assert.equal(await page.evaluate(() => document.documentElement.lang), want, `${locale} ${hash}`);
      if (want === 'pt-BR') assert.equal(await page.locator('h1').textContent(), 'Aprendendo a executar');
    } finally { await context.close(); }
  }
});

test('a nonsense link is reported by name and replaced by defaults', async () => {
  const { context, page, problems } = await openPage(browser, L2E_URL,
    { hash: '#lang=en&task=banana&length=-3&nesting=99&steps=abc&hidden=1e9&scramble=maybe&zzz=1&%E0%A4%A=1' });
  try {
    const text = await waitMessage(page, /not valid/);
    assert.match(text, /replaced by defaults/);
    for (const k of ['task', 'length', 'nesting', 'steps', 'hidden', 'scramble', 'zzz']) assert.match(text, new RegExp(`\\b${k}\\b`));
    assert.equal(await page.locator('#set-task').inputValue(), 'program');
    assert.equal(await page.locator('#set-length').inputValue(), '2');
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /task=program&length=2&nesting=1&steps=3000&hidden=128/);
    await waitPhase(page, 'idle');
    // the longer preset and back to the class one
    await page.getByRole('button', { name: /^Longer preset/ }).click();
    await page.waitForFunction(() => /task=addition&length=3&nesting=1&steps=10000/.test(location.hash));
    assert.match(await page.locator('#budget').textContent(), /10,000 steps/);
    await page.getByRole('button', { name: /^Class preset/ }).click();
    await page.waitForFunction(() => /task=program&length=2&nesting=1&steps=3000/.test(location.hash));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
  // a length the task cannot have
  const again = await openPage(browser, L2E_URL, { hash: l2eHash({ task: 'addition', length: 20 }) });
  try {
    assert.match(await waitMessage(again.page, /not valid/), /length/);
    assert.equal(await again.page.locator('#set-length').inputValue(), '2');
  } finally { await again.context.close(); }
});

test('phone width, keyboard, http, and the links between the two pages', async () => {
  const { context, page, problems, requests } = await openPage(browser, server.url + 'l2e.html', { hash: l2eHash() });
  try {
    await page.setViewportSize({ width: 360, height: 740 });
    await waitPhase(page, 'idle');
    // every control has a name
    const unnamed = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, button'))
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
      .map((el) => el.id));
    assert.deepEqual(unnamed, []);
    // a new task from the keyboard: new samples
    await page.locator('#set-task').focus();
    await page.keyboard.press('ArrowDown');   // addition -> copy
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#sample-cards pre').textContent));
    assert.match(await page.evaluate(() => location.hash), /task=copy/);
    // Tab to "Start race", Enter
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement && document.activeElement.id === 'btn-start');
    }
    assert.ok(found, 'Start race is reachable with Tab');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
    await page.keyboard.press('Enter');
    await waitPoints(page, 2);
    await page.waitForFunction(() => document.querySelectorAll('#predictions td.pred .prediction').length === 16);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
    await page.locator('#btn-pause').focus();
    await page.keyboard.press(' ');
    await waitPhase(page, 'paused');
    // back to the playground, and its link here (both languages)
    await page.getByRole('link', { name: '← Character-level playground' }).click();
    await page.waitForURL(/index\.html#lang=en/);
    await page.getByRole('link', { name: 'Learning to execute →' }).waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(externalRequests(requests), []);
  } finally { await context.close(); }
  const pt = await openPage(browser, FILE_URL, { hash: '#lang=pt' });
  try {
    const link = pt.page.getByRole('link', { name: 'Aprendendo a executar →' });
    assert.equal(await link.getAttribute('href'), 'l2e.html');
  } finally { await pt.context.close(); }
});

test('without SIMD128 the four workers run the scalar module and the race still moves', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => {
      const b = new Uint8Array(bytes.buffer || bytes);
      for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0xfd) return false; // SIMD opcode prefix
      return validate.call(WebAssembly, bytes);
    };
  });
  try {
    await page.goto(L2E_URL + l2eHash());
    await waitPhase(page, 'idle');
    assert.equal(await page.locator('#engine-status').textContent(), 'Engine: WebAssembly, scalar (this browser has no SIMD128)');
    await page.getByRole('button', { name: 'Start race' }).click();
    await waitPoints(page, 3);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitPhase(page, 'paused');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('settings round-trip through the hash; every key the page names exists in both languages', () => {
  const s = { ...S.defaults(), lang: 'pt', task: 'program', length: 4, nesting: 3, steps: 123, hidden: 7, batch: 2,
    val: 64, rows: 12, seed: 2147483647, scramble: true };
  assert.deepEqual(S.parse(S.serialize(s)).state, s);
  assert.deepEqual(S.parse('#task=copy&length=30').invalid, []);
  assert.deepEqual(S.parse('#task=program&length=30').invalid, ['length']);
  assert.deepEqual(S.check('length', '12', { task: 'addition' }).ok, false);
  assert.equal(S.modelConfig(s, 'mix').strategy, 'mix');
  assert.equal(S.modelConfig(s, 'mix').evalSamples, 64);

  const web = join(ROOT, 'web');
  const I = runInNewContext(readFileSync(join(web, 'shared', 'i18n.js'), 'utf8') + '\nRnnI18n;', {});
  const html = readFileSync(join(web, 'l2e.html'), 'utf8');
  const used = [...html.matchAll(/data-i18n(?:-aria-label|-placeholder)?="([^"]+)"/g)].map((m) => m[1]);
  const files = ['l2e/app.js', 'l2e/table.js', 'l2e/samples.js', 'l2e/score.js', 'l2e/chart.js', 'l2e/race.js', 'l2e/state.js',
    'l2e/try.js'];
  for (const f of files) {
    const src = readFileSync(join(web, f), 'utf8');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|(?<![.\w])eval\s*\(|new Function/, f);
    used.push(...[...src.matchAll(/\b(?:say|message|t)\([^,()]*?,\s*'([a-zA-Z0-9]+)'/g)].map((m) => m[1]));
    used.push(...[...src.matchAll(/\b(?:t|this\.t|message)\('([a-zA-Z0-9]+)'/g)].map((m) => m[1]));
    used.push(...[...src.matchAll(/'(l2e[A-Z][a-zA-Z0-9]*)'/g)].map((m) => m[1]));
  }
  const missing = [...new Set(used)].filter((k) => !(k in I.STRINGS.en) || !(k in I.STRINGS.pt));
  assert.deepEqual(missing, []);
  assert.ok(new Set(used).size > 60, `found ${new Set(used).size} keys`);
  // the same CSP as the playground
  const csp = (f) => readFileSync(join(web, f), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(csp('l2e.html'), csp('index.html'));
  // the generated worker source: engine + protocol + race worker, no glue
  const row = TABLE.find((r) => r.out === 'web/gen/l2e-worker-sources.js');
  const src = runInNewContext(row.make((f) => `/* ${f} */`) + '\nRNN_L2E_WORKER_SOURCES;', {});
  assert.deepEqual(Object.keys(src), ['common']);
  assert.match(src.common, /\/\* js\/engine\.js \*\/[\s\S]*\/\* web\/shared\/worker-protocol\.js \*\/[\s\S]*\/\* web\/l2e\/worker\.js \*\//);
  const gen = readFileSync(join(web, 'gen', 'l2e-worker-sources.js'), 'utf8');
  // the race pairs this with the glue of worker-sources.js: no module embedded here
  assert.ok(!gen.includes('data:application/octet-stream;base64') && !gen.includes('var RnnWasmSimd'),
    `l2e-worker-sources.js (${gen.length} bytes) embeds a WASM module: the glue must not be embedded twice`);
});
