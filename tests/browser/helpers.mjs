// helpers.mjs - shared pieces of the browser tests: headless Chromium through
// playwright-core, the page opened from disk (file://) or over http, and a
// record of every console error, page error and failed request.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INDEX = join(ROOT, 'web', 'index.html');
export const FILE_URL = pathToFileURL(INDEX).href;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export async function startServer() {
  return serve(0, { fallback: false, quiet: true });
}

// A fresh context and page; `problems` collects console errors, uncaught
// errors, failed requests and requests that left the machine.
// `route(route)` answers every https request instead of the network.
export async function openPage(browser, url, { locale = 'en-US', hash = '', acceptDownloads = true, route = null } = {}) {
  const context = await browser.newContext({ locale, acceptDownloads, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  if (route) await page.route((u) => u.protocol === 'https:', route); // before goto
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure() && r.failure().errorText}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker console.error: ${m.text()}`); }));
  await page.goto(url + hash);
  return { context, page, problems, requests };
}

// Waits until the worker has started and the first model exists.
// Opens the playground from file:// with `hash` in a fresh context, waits
// until it is ready, runs fn(page), and asserts the page logged nothing.
export async function withPlayground(browser, hash, fn) {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash });
  try {
    await waitReady(page);
    await fn(page);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
}

export async function waitReady(page, timeout = 20000) {
  await page.waitForFunction(() => {
    const s = document.getElementById('engine-status');
    return s && s.getAttribute('data-kind') && !document.getElementById('btn-reset').disabled;
  }, null, { timeout });
}

export const num = (s) => Number(String(s).replace(/\u2009|\s/g, '').replace(/,/g, ''));

// The current loss value of the status named "Loss" (en page).
export async function lossValue(page) {
  const t = await page.getByRole('status', { name: 'Loss' }).textContent();
  return num(t);
}

export async function stepCount(page) {
  return num(await page.locator('#step-value').textContent());
}

// Small, fast settings for tests, written into the URL hash.
export function hashFor(over = {}) {
  const s = { lang: 'en', corpus: 'en-prose', hidden: 32, seq: 16, batch: 8, lr: 0.01, optim: 'adam', clip: 5,
    act: 'tanh', seed: 1, cores: 1, temp: 0.8, len: 120, prime: '', greedy: 0, present: 0, ...over };
  return '#' + Object.entries(s).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

// The full-precision bits/char of the last progress report (data-value of "Loss").
export async function lossExact(page) {
  return Number(await page.getByRole('status', { name: 'Loss' }).getAttribute('data-value'));
}

export async function waitStepAbove(page, n, timeout = 20000) {
  await page.waitForFunction((n) => {
    const v = Number(document.getElementById('step-value').textContent.replace(/[^\d]/g, ''));
    return v > n;
  }, n, { timeout });
}

// Clicks "Step" once and waits for its progress report. The 60 s bound is a
// hang guard, not a speed check: a step queued behind the page's start-up
// requests (setup, sample, the n-gram count) on a loaded 2-core machine once
// took over 20 s in a full run.
export async function stepOnce(page) {
  const before = await stepCount(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitStepAbove(page, before, 60000);
  await page.waitForFunction(() => !document.getElementById('btn-step').disabled);
}

export async function messageText(page) {
  const el = page.locator('#message');
  if (await el.isHidden()) return '';
  return (await el.textContent()) || '';
}

export async function waitMessage(page, re, timeout = 10000) {
  await page.waitForFunction((src) => {
    const el = document.getElementById('message');
    return !el.hidden && new RegExp(src).test(el.textContent);
  }, re.source, { timeout });
  return messageText(page);
}

// Requests that are neither the page's own files nor blob: URLs.
export function externalRequests(requests) {
  return requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:') &&
    !u.startsWith('http://127.0.0.1:'));
}

// Visible text nodes and visible accessible labels (aria-label, and
// data-label where present), in document order, each with a DOM path so two
// languages can be compared node by node. Runs in the page:
// page.evaluate(visibleTexts, {skip}) — skip is a selector for text that is
// the same in every language (code, samples). Self-contained on purpose.
export function visibleTexts({ skip }) {
  const out = [];
  const hiddenEl = (el) => {
    for (let e = el; e; e = e.parentElement) {
      if (e.hidden || e.getAttribute('aria-hidden') === 'true') return true;
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
    }
    return false;
  };
  const path = (el) => { const p = []; for (let e = el; e && e !== document.body; e = e.parentElement) p.push(e.tagName + (e.id ? '#' + e.id : '') + ':' + Array.prototype.indexOf.call(e.parentElement ? e.parentElement.children : [], e)); return p.reverse().join('/'); };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const s = n.nodeValue.trim();
    const el = n.parentElement;
    if (!s || el.closest('script, style, ' + skip)) continue;
    if (el.tagName !== 'OPTION' && hiddenEl(el)) continue;
    out.push({ where: path(el), text: s });
  }
  document.querySelectorAll('[aria-label]').forEach((el) => {
    if (!hiddenEl(el)) out.push({ where: path(el) + '@aria-label', text: el.getAttribute('aria-label') });
  });
  document.querySelectorAll('[data-label]').forEach((el) => {
    if (el.getAttribute('data-label')) out.push({ where: path(el) + '@data-label', text: el.getAttribute('data-label') });
  });
  out.push({ where: 'title', text: document.title });
  return out;
}
