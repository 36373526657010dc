// widget-helpers.mjs - the set-up every per-widget browser test shares: one
// widget in embed.html from file://, its API events recorded in
// window.__events, every console line and page error collected (the tests
// assert there are none), and a wait for the widget's 'ready' event.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

export const EMBED = pathToFileURL(join(ROOT, 'web', 'embed.html')).href;

// Opens url (an embed.html address) in a new context of browser. Returns
// {context, page, lines}: lines are the console lines and page errors (and
// the worker's console lines with workerConsole).
export async function openWidget(browser, url, {
  width = 960, height = 540, locale = 'en-US', readyTimeout = 15000, workerConsole = false,
} = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  const lines = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  if (workerConsole) page.on('worker', (w) => w.on('console', (m) => lines.push(`worker ${m.type()}: ${m.text()}`)));
  await recordEvents(page);
  await page.goto(url);
  await waitWidgetEvent(page, 'ready', readyTimeout);
  return { context, page, lines };
}

// From the next navigation on, the widget's API messages land in window.__events.
export function recordEvents(page) {
  return page.addInitScript(() => {
    window.__events = [];
    window.addEventListener('message', (ev) => { if (ev.data && ev.data.source === 'rnn-widget') window.__events.push(ev.data); });
  });
}

// Waits for the first API event named name.
export function waitWidgetEvent(page, name, timeout = 15000) {
  return page.waitForFunction((n) => window.__events.some((e) => e.event === n), name, { timeout });
}

// The recorded API events named name.
export const events = (page, name) => page.evaluate((n) => window.__events.filter((e) => e.event === n), name);

// Waits until n API events named name were recorded.
export const waitEvents = (page, name, n, timeout = 30000) =>
  page.waitForFunction(([nm, k]) => window.__events.filter((e) => e.event === nm).length >= k, [name, n], { timeout });

// Sends a command to the widget as a host page would.
export const post = (page, msg) => page.evaluate((m) => window.postMessage(m, '*'), msg);
