// firefox.mjs - the Firefox side of the browser tests: Debian's stock
// firefox-esr driven by puppeteer-core over WebDriver BiDi (Playwright needs a
// patched Firefox). Every page is opened from disk (file://), the way a
// student opens the downloaded folder; each page records console errors and
// warnings, uncaught errors and every request that is not a local file.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fileUrl = (...parts) => pathToFileURL(join(ROOT, 'web', ...parts)).href;
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'rnn-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true,
    userDataDir: profile,
    // no telemetry, updates or captive-portal probes: the machine's network is closed
    extraPrefsFirefox: {
      'network.captive-portal-service.enabled': false, 'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
    },
  });
  return { browser, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// A new page at `url`; `problems` collects console errors/warnings and page
// errors, `requests` every URL the page asked for.
export async function openPage(browser, url, { width = 1200, height = 900 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, problems, requests };
}

// Requests that left the machine (anything but the page's files, blob: and data:).
export const externalRequests = (requests) =>
  requests.filter((u) => !/^(file|blob|data):/.test(u));

export const num = (s) => Number(String(s).replace(/[^\d.-]/g, ''));

export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const s = document.getElementById('engine-status');
    return s && s.getAttribute('data-kind') && !document.getElementById('btn-reset').disabled;
  }, { timeout });
}

export async function stepCount(page) {
  return num(await page.$eval('#step-value', (e) => e.textContent));
}

export async function waitStepAbove(page, n, timeout = 30000) {
  await page.waitForFunction((n) => Number(document.getElementById('step-value').textContent.replace(/[^\d]/g, '')) > n,
    { timeout }, n);
}

export async function waitMessage(page, re, timeout = 15000) {
  await page.waitForFunction((src) => {
    const el = document.getElementById('message');
    return !el.hidden && new RegExp(src).test(el.textContent);
  }, { timeout }, re.source);
  return page.$eval('#message', (e) => e.textContent);
}
