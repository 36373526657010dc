#!/usr/bin/env node
// bench-web.mjs - browser numbers for the README (a benchmark, not a test),
// measured in headless Chromium (/usr/bin/chromium, or $CHROMIUM_PATH):
//   1. training chars/s of the engine's fixed workload (V=65 H=256 B=32 T=64
//      Adam, as `rnn bench`) in the page's Web Worker, next to the same module
//      in Node, alternating runs, medians, and their ratio;
//   2. time from page load to the engine being ready and to the first training
//      step (Train pressed as soon as it is enabled), from file:// and http;
//   3. the longest main-thread task while training (PerformanceObserver
//      'longtask', which reports tasks over 50 ms, plus the largest delay of a
//      zero-delay timer as a finer measure);
//   4. the page's own chars/s (the "Speed" shown) with 1 and 2 cores from
//      file:// on the bench size, in interleaved pairs, and the median ratio
//      (the speed-up that tests/browser/cores.test.mjs does not assert).
//   node scripts/bench-web.mjs [--reps 7] [--steps 20] [--seconds 8] [--json]
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf('--' + name); return i >= 0 ? Number(args[i + 1]) : def; };
const REPS = opt('reps', 7), STEPS = opt('steps', 20), SECONDS = opt('seconds', 8);
const JSON_OUT = args.includes('--json');
const WORKLOAD = { hidden: 256, batch: 32, seq: 64, steps: STEPS };
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };

function benchText(n) {
  let s = 12345, out = '';
  for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; out += String.fromCharCode(33 + (s >>> 8) % 65); }
  return out;
}

async function nodeRun(eng, w) {
  const text = benchText(w.batch * (w.seq + 1) * (w.steps + 3) + 1000);
  const m = eng.createCharLM(text, { hidden: w.hidden, batch: w.batch, seq: w.seq, valFraction: 0 });
  try {
    m.train(1);
    const t0 = performance.now();
    const r = m.train(w.steps);
    return r.chars / ((performance.now() - t0) / 1000);
  } finally { m.free(); }
}

// Installed before the page's scripts: records long tasks and timer delays.
function monitor() {
  window.__bench = { longtasks: [], maxLag: 0, firstStepAt: null, readyAt: null, measuring: false };
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longtasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { /* not supported */ }
  let last = performance.now();
  const tick = () => {
    const t = performance.now();
    if (window.__bench.measuring) window.__bench.maxLag = Math.max(window.__bench.maxLag, t - last);
    last = t;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  document.addEventListener('DOMContentLoaded', () => {
    const step = document.getElementById('step-value'), train = document.getElementById('btn-train');
    new MutationObserver(() => {
      if (window.__bench.firstStepAt === null && step.textContent !== '0' && step.textContent !== '') window.__bench.firstStepAt = performance.now();
    }).observe(step, { childList: true, characterData: true, subtree: true });
    new MutationObserver(() => {
      if (!train.disabled && window.__bench.readyAt === null) { window.__bench.readyAt = performance.now(); train.click(); }
    }).observe(train, { attributes: true });
  });
}

// The chars/s the page shows, read every 500 ms for `ms` after a warm-up.
async function pageSpeed(browser, url, ms) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  try {
    await p.goto(url);
    await p.waitForFunction(() => !document.getElementById('btn-train').disabled, null, { timeout: 60000 });
    await p.click('#btn-train');
    await p.waitForFunction(() => Number(document.getElementById('step-value').textContent.replace(/[^\d]/g, '')) > 5,
      null, { timeout: 60000 });
    await p.waitForTimeout(1500);
    const xs = [];
    for (let t = 0; t < ms; t += 500) {
      await p.waitForTimeout(500);
      xs.push(Number(await p.locator('#speed-value').getAttribute('data-value')));
    }
    return median(xs);
  } finally { await ctx.close(); }
}

// 1 vs 2 cores in interleaved pairs (the machine's load drifts); the ratio within each pair, then the median.
async function coresRatio(browser, fileUrl) {
  const hash = '#lang=en&corpus=sentences&hidden=256&batch=32&seq=64&lr=auto';
  const speed = { 1: [], 2: [] };
  for (const cores of [1, 2, 2, 1, 1, 2]) speed[cores].push(await pageSpeed(browser, `${fileUrl}${hash}&cores=${cores}`, SECONDS * 500));
  return { oneCore: speed[1].map(Math.round), twoCores: speed[2].map(Math.round),
    ratio: +median(speed[2].map((x, i) => x / speed[1][i])).toFixed(3) };
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  const { server, url: httpUrl } = await serve(0, { fallback: false, quiet: true });
  const fileUrl = pathToFileURL(join(ROOT, 'web', 'index.html')).href;
  const out = { workload: { V: 65, ...WORKLOAD, optim: 'adam', reps: REPS } };
  try {
    // 1. worker vs Node
    const page = await browser.newPage();
    await page.goto(fileUrl + '#lang=en');
    const kind = await page.evaluate(async () => {
      const r = await RnnWorkerClient.start();
      window.__benchClient = r.client;
      return r.kind;
    });
    const { loadEngine } = require(join(ROOT, 'js', 'node-engine.js'));
    const eng = await loadEngine(kind);
    const worker = [], node = [];
    for (let i = 0; i < REPS; i++) {
      worker.push(await page.evaluate((w) => window.__benchClient.request('bench', { workload: w }).then((r) => r.charsPerSec), WORKLOAD));
      node.push(await nodeRun(eng, WORKLOAD));
    }
    await page.close();
    out.module = kind;
    out.workerCharsPerSec = Math.round(median(worker));
    out.nodeCharsPerSec = Math.round(median(node));
    out.ratio = +(out.workerCharsPerSec / out.nodeCharsPerSec).toFixed(3);
    // 2 and 3: page load to first step, longest task while training
    out.pages = [];
    for (const [name, url] of [['file', fileUrl], ['http', httpUrl]]) {
      for (const [label, hash] of [['page defaults (H=64 B=16 T=32)', '#lang=en'],
        ['bench size (H=256 B=32 T=64, additions)', '#lang=en&hidden=256&batch=32&seq=64&corpus=arithmetic']]) {
        const ctx = await browser.newContext();
        const p = await ctx.newPage();
        await p.addInitScript(monitor);
        await p.goto(url + hash);
        await p.waitForFunction(() => window.__bench.firstStepAt !== null, null, { timeout: 30000 })
          .catch(async (e) => {
            const why = await p.evaluate(() => ['run-state', 'message', 'engine-status']
              .map((id) => document.getElementById(id).textContent).join(' | '));
            throw new Error(`${e.message} (${name} ${label}: ${why})`);
          });
        await p.evaluate(() => { window.__bench.longtasks = []; window.__bench.maxLag = 0; window.__bench.measuring = true; });
        await p.waitForTimeout(SECONDS * 1000);
        const b = await p.evaluate(() => ({ ...window.__bench, loss: document.getElementById('loss-status').textContent,
          steps: document.getElementById('step-value').textContent }));
        out.pages.push({ via: name, model: label, readyMs: Math.round(b.readyAt), firstStepMs: Math.round(b.firstStepAt),
          longTasksOver50ms: b.longtasks.length, longestTaskMs: b.longtasks.length ? Math.round(Math.max(...b.longtasks)) : 0,
          maxTimerLagMs: +b.maxLag.toFixed(1), trainedSeconds: SECONDS, steps: b.steps, loss: b.loss });
        await ctx.close();
      }
    }
    // 4. the page on 1 and 2 cores
    out.cores = await coresRatio(browser, fileUrl);
  } finally {
    await browser.close();
    server.close();
  }
  if (JSON_OUT) { console.log(JSON.stringify(out, null, 2)); return; }
  const w = out.workload;
  console.log(`workload: V=65 H=${w.hidden} B=${w.batch} T=${w.seq} Adam, ${w.steps} steps x ${w.reps} reps (medians), module ${out.module}`);
  console.log(`worker (Chromium) ${out.workerCharsPerSec} chars/s   Node ${out.nodeCharsPerSec} chars/s   ratio ${out.ratio}`);
  for (const r of out.pages) {
    console.log(`${r.via.padEnd(4)} ${r.model}: engine ready ${r.readyMs} ms, first step ${r.firstStepMs} ms after load; ` +
      `${r.trainedSeconds} s of training: ${r.longTasksOver50ms} long tasks (longest ${r.longestTaskMs} ms), ` +
      `max timer delay ${r.maxTimerLagMs} ms; step ${r.steps}, loss ${r.loss} bits/char`);
  }
  const c = out.cores;
  console.log(`page chars/s (file://, H=256 B=32 T=64 per core): 1 core ${c.oneCore}, 2 cores ${c.twoCores}, median ratio x${c.ratio}`);
}

main().catch((e) => { console.error('bench-web: ' + (e && e.stack || e)); process.exit(1); });
