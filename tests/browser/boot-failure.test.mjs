// boot-failure.test.mjs - issue 19 item 3: whatever fails while a page
// starts is named in one message (#boot-failure, shared/boot.js), and what
// does not depend on the failed part keeps working. Forced three ways on
// the playground, the race and a widget in embed.html, from file://: a
// library that throws at load (a copy of web/ whose uPlot throws), a
// generated script that is missing (a copy without it), and a worker that
// cannot start (the Worker constructor stubbed to throw). Also: an invalid
// navigator.language ("C", as WebKit reports under LANG=C) is replaced by a
// valid tag before uPlot reads it, so nothing fails at all. (Chromium mutes
// the error text of a file:// script: the file is named, the detail is not.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, ROOT, hashFor, waitStepAbove } from './helpers.mjs';

let browser;
const dirs = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); dirs.forEach((d) => rmSync(d, { recursive: true, force: true })); });

// A copy of web/ changed by edit(dir); returns a file URL maker into it.
function brokenCopy(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-boot-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'web'), join(dir, 'web'), { recursive: true });
  edit(join(dir, 'web'));
  return (page) => pathToFileURL(join(dir, 'web', page)).href;
}

async function open(url, { init = null, lang = 'en-US' } = {}) {
  const context = await browser.newContext({ locale: lang, viewport: { width: 1200, height: 900 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

const failure = (page, re, timeout = 20000) => page.waitForFunction((src) => {
  const el = document.getElementById('boot-failure');
  return el && new RegExp(src).test(el.textContent) ? el.textContent : false;
}, re.source, { timeout }).then((h) => h.jsonValue());

const failureCount = (page) => page.evaluate(() => document.querySelectorAll('#boot-failure').length);

const throwingWorker = () => { window.Worker = function () { throw new Error('Workers are disabled here'); }; };
const brokenUplot = (web) => writeFileSync(join(web, 'vendor', 'uPlot.iife.min.js'), 'throw new RangeError("invalid language tag: C");\n');
const RACE_HASH = '#lang=en&task=addition&length=2&nesting=1&steps=20000&hidden=16&batch=8&val=32&rows=4&seed=1&scramble=0';

test('playground: uPlot throwing at load is named; the engine starts and trains without the chart', async () => {
  const url = brokenCopy(brokenUplot);
  const { context, page } = await open(url('index.html') + hashFor({ corpus: 'sentences' }));
  try {
    const text = await failure(page, /uPlot/);
    assert.match(text, /^Part of the page could not start: vendor\/uPlot\.iife\.min\.js stopped with an error( \(RangeError: invalid language tag: C\))?; the chart \(the rest of the page works without it\): ReferenceError: uPlot is not defined\.$/);
    await page.waitForFunction(() => document.getElementById('engine-status').getAttribute('data-kind') === 'simd', null, { timeout: 20000 });
    await page.locator('#btn-train').click();
    await waitStepAbove(page, 20);
    await page.locator('#btn-pause').click();
    assert.ok(Number(await page.locator('#loss-status').getAttribute('data-value')) > 0);
    assert.equal(await failureCount(page), 1, 'one message');
    // the message follows the language switch
    await page.locator('#lang-toggle').click();
    await failure(page, /^Parte da página não pôde começar: vendor\/uPlot\.iife\.min\.js parou com um erro/);
  } finally { await context.close(); }
});

test('playground: a missing generated script and a worker that cannot start are named', async () => {
  const url = brokenCopy((web) => rmSync(join(web, 'gen', 'worker-sources.js')));
  let { context, page } = await open(url('index.html') + hashFor());
  try {
    assert.match(await failure(page, /worker-sources/), /gen\/worker-sources\.js could not be loaded \(a missing file\?\)/);
    await failure(page, /the engine \(its worker could not start\)/);
    assert.match(await page.locator('#engine-status').textContent(), /could not start/i);
    // the rest of the page still works: the language switch relabels it
    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('pt'));
    assert.equal(await failureCount(page), 1);
  } finally { await context.close(); }
  ({ context, page } = await open(pathToFileURL(join(ROOT, 'web', 'index.html')).href + hashFor(), { init: throwingWorker }));
  try {
    assert.match(await failure(page, /engine/), /the engine \(its worker could not start\): Workers are disabled here/);
  } finally { await context.close(); }
});

test('race: uPlot throwing, a missing generated script and a worker that cannot start are named; the race runs without charts', async () => {
  let url = brokenCopy(brokenUplot);
  let { context, page } = await open(url('l2e.html') + RACE_HASH);
  try {
    assert.match(await failure(page, /uPlot/), /vendor\/uPlot\.iife\.min\.js stopped with an error( \(RangeError: invalid language tag: C\))?; the chart/);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-phase') === 'idle', null, { timeout: 30000 });
    await page.locator('#btn-start').click();
    await page.waitForFunction(() => document.querySelectorAll('#predictions tbody tr').length >= 1, null, { timeout: 60000 });
    await page.locator('#btn-pause').click();
  } finally { await context.close(); }
  url = brokenCopy((web) => rmSync(join(web, 'gen', 'l2e-worker-sources.js')));
  ({ context, page } = await open(url('l2e.html') + RACE_HASH));
  try {
    assert.match(await failure(page, /l2e-worker-sources/), /gen\/l2e-worker-sources\.js could not be loaded/);
  } finally { await context.close(); }
  ({ context, page } = await open(pathToFileURL(join(ROOT, 'web', 'l2e.html')).href + RACE_HASH, { init: throwingWorker }));
  try {
    assert.match(await failure(page, /engine/), /the engine \(its worker could not start\): Workers are disabled here/);
  } finally { await context.close(); }
});

test('embed: a widget whose library throws, whose worker source is missing, or whose worker cannot start is named', async () => {
  let url = brokenCopy((web) => writeFileSync(join(web, 'widgets', 'alphabet', 'view.js'), 'throw new TypeError("broken view");\n'));
  let { context, page } = await open(url('embed.html') + '?w=alphabet&lang=en');
  try {
    const text = await failure(page, /view\.js/);
    assert.match(text, /widgets\/alphabet\/view\.js stopped with an error( \(TypeError: broken view\))?;/);
    assert.match(text, /the widget: TypeError: /);
  } finally { await context.close(); }
  url = brokenCopy((web) => rmSync(join(web, 'gen', 'widget-alphabet-worker-sources.js')));
  ({ context, page } = await open(url('embed.html') + '?w=alphabet&lang=pt'));
  try {
    assert.equal(await failure(page, /widget-alphabet/),
      'Parte da página não pôde começar: gen/widget-alphabet-worker-sources.js não pôde ser carregado (arquivo ausente?).');
  } finally { await context.close(); }
  ({ context, page } = await open(pathToFileURL(join(ROOT, 'web', 'embed.html')).href + '?w=alphabet&lang=en', { init: throwingWorker }));
  try {
    assert.match(await failure(page, /engine/), /the engine \(its worker could not start\): Workers are disabled here/);
    assert.equal(await failureCount(page), 1);
  } finally { await context.close(); }
});

test('an invalid navigator.language ("C") is replaced by a valid tag: uPlot loads, nothing fails', async () => {
  const init = () => {
    Object.defineProperty(Navigator.prototype, 'language', { get: () => 'C', configurable: true });
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['C'], configurable: true });
  };
  const { context, page } = await open(pathToFileURL(join(ROOT, 'web', 'index.html')).href + '#cores=1', { init });
  try {
    await page.waitForFunction(() => document.getElementById('engine-status').getAttribute('data-kind'), null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => [navigator.language, typeof uPlot, document.getElementById('boot-failure')]).then(JSON.stringify),
      JSON.stringify(['en-US', 'function', null]));
    assert.equal(await page.evaluate(() => RnnBoot.validTag('C')), false);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  } finally { await context.close(); }
});

test('lecture deck: reveal.js missing is named, in the deck\'s language', async () => {
  const url = brokenCopy((web) => rmSync(join(web, 'vendor', 'reveal.js')));
  const { context, page } = await open(url('lecture.html'));
  try {
    const text = await failure(page, /reveal/);
    assert.match(text, /^Parte da página não pôde começar: vendor\/reveal\.js não pôde ser carregado \(arquivo ausente\?\)/);
    assert.equal(await failureCount(page), 1);
  } finally { await context.close(); }
});

test('lecture deck: a healthy deck shows no boot failure once reveal.js is up', async () => {
  const { context, page } = await open(pathToFileURL(join(ROOT, 'web', 'lecture.html')).href);
  try {
    await page.waitForFunction(() => document.documentElement.getAttribute('data-deck') === 'ready' || document.querySelector('[data-deck="ready"]'), null, { timeout: 20000 });
    assert.equal(await failureCount(page), 0);
  } finally { await context.close(); }
});
