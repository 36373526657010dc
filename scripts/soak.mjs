#!/usr/bin/env node
// soak.mjs - long-run check, not part of CI: does memory stay flat while the
// model trains for a long time?
//   node scripts/soak.mjs [--minutes 10] [--every 30] [--only page|cli] [--hidden 128]
// page: the playground from file:// in headless Chromium (tests/browser/helpers.mjs),
//   training without pause; every --every seconds it samples the page's JS heap and
//   the training worker's JS heap (Chrome DevTools Protocol, Runtime.getHeapUsage),
//   the worker's WASM memory (its progress events carry wasmBytes), the step count,
//   and every console error, page error or failed request.
// cli: `rnn train` on the built-in corpus for the same time; every --every seconds
//   its resident set size (/proc/PID/status VmRSS); at the end SIGINT (expects 130).
// Both run at the same time. Prints one table row per sample and a JSON summary;
// exits 1 if a memory grew after warm-up (last third of the samples against the
// first: more than 25 % and more than 1 MB) or an error appeared.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, hashFor, ROOT } from '../tests/browser/helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const MINUTES = Number(opt('minutes', 10));
const EVERY = Number(opt('every', 30));
const ONLY = opt('only', '');
const HIDDEN = Number(opt('hidden', 128));
const WARMUP = 2;          // samples before the baseline (JIT, first growth of the WASM heap)
const TOLERANCE = 0.25;    // growth after warm-up allowed (last third against first third)...
const SLACK = 1048576;     // ...and at least this many bytes: a leak grows, noise does not
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MB = (b) => (b / 1048576).toFixed(1);

// Sends CDP commands to the page's dedicated worker through the page's session
// (a worker is an auto-attached child target).
async function workerSession(cdp) {
  const pending = new Map();
  let nextId = 1, worker = null;
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker' && !worker) worker = e.sessionId; });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    ready: () => worker !== null,
    send: (method, params = {}) => new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => { pending.delete(id); reject(new Error(`worker ${method}: no answer`)); }, 10000);
      pending.set(id, (m) => { clearTimeout(timer); m.error ? reject(new Error(m.error.message)) : resolve(m.result); });
      cdp.send('Target.sendMessageToTarget', { sessionId: worker, message: JSON.stringify({ id, method, params }) }).catch(reject);
    }),
  };
}

async function soakPage() {
  const browser = await launch();
  const rows = [];
  const problems = [];
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } });
    // listen to the worker's progress events (wasmBytes) from outside the page's code
    await context.addInitScript(() => {
      const W = window.Worker;
      window.__soak = { wasmBytes: 0, step: 0, errors: [] };
      window.Worker = function (url, o) {
        const w = new W(url, o);
        w.addEventListener('message', (ev) => {
          const d = ev.data;
          if (d && d.event === 'progress') { window.__soak.wasmBytes = d.wasmBytes; window.__soak.step = d.step; }
          if (d && d.event === 'diverged') window.__soak.errors.push(d.event);
        });
        return w;
      };
      window.Worker.prototype = W.prototype;
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker: ${m.text()}`); }));
    const cdp = await context.newCDPSession(page);
    const worker = await workerSession(cdp);
    await page.goto(new URL('web/index.html', `file://${ROOT}/`).href + hashFor({ hidden: HIDDEN, seq: 64, batch: 16, len: 200 }));
    await waitReady(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const t0 = Date.now();
    for (let i = 0; i <= MINUTES * 60 / EVERY; i++) {
      await sleep(Math.max(0, t0 + i * EVERY * 1000 - Date.now()));
      // a full garbage collection first in both, so a sample is the live heap, not the GC's sawtooth
      await cdp.send('HeapProfiler.collectGarbage');
      const pageHeap = await cdp.send('Runtime.getHeapUsage');
      if (worker.ready()) await worker.send('HeapProfiler.collectGarbage');
      const workerHeap = worker.ready() ? await worker.send('Runtime.getHeapUsage') : { usedSize: NaN };
      const soak = await page.evaluate(() => window.__soak);
      const row = { t: Math.round((Date.now() - t0) / 1000), step: soak.step, pageHeap: pageHeap.usedSize,
        workerHeap: workerHeap.usedSize, wasm: soak.wasmBytes, errors: soak.errors.length };
      rows.push(row);
      console.log(`page  t=${row.t}s step=${row.step} pageHeap=${MB(row.pageHeap)}MB workerHeap=${MB(row.workerHeap)}MB wasm=${MB(row.wasm)}MB`);
    }
    await context.close();
  } finally { await browser.close(); }
  return { rows, problems };
}

async function soakCli() {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'rnn.mjs'), 'train', '--hidden', String(HIDDEN),
    '--seq', '64', '--batch', '16', '--steps', '1000000000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const rows = [];
  const t0 = Date.now();
  for (let i = 0; i <= MINUTES * 60 / EVERY; i++) {
    await sleep(Math.max(0, t0 + i * EVERY * 1000 - Date.now()));
    let rss = NaN;
    try { rss = 1024 * Number(/VmRSS:\s*(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]); } catch { /* exited */ }
    const steps = [...err.matchAll(/^step (\d+)/gm)]; // progress lines go to stderr
    const row = { t: Math.round((Date.now() - t0) / 1000), step: steps.length ? Number(steps[steps.length - 1][1]) : 0, rss };
    rows.push(row);
    console.log(`cli   t=${row.t}s step=${row.step} rss=${MB(row.rss)}MB`);
  }
  child.kill('SIGINT');
  const end = await exited;
  const problems = [];
  if (end.code !== 130) problems.push(`rnn train ended with ${end.code ?? end.signal}, expected 130 after SIGINT`);
  const bad = err.split('\n').filter((l) => /error|warning/i.test(l));
  if (bad.length) problems.push(...bad.slice(0, 5));
  if (!/^done:/m.test(err + out)) problems.push('no done line after SIGINT');
  return { rows, problems };
}

// After warm-up: the mean of the last third of the samples against the mean
// of the first third (a leak grows steadily; one high sample is not one).
function growth(rows, key) {
  const after = rows.slice(WARMUP).map((r) => r[key]).filter(Number.isFinite);
  if (after.length < 3) return null;
  const third = Math.max(1, Math.floor(after.length / 3));
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  const first = mean(after.slice(0, third)), last = mean(after.slice(-third));
  return { first, last, min: Math.min(...after), max: Math.max(...after), ratio: last / first,
    leak: last > first * (1 + TOLERANCE) && last - first > SLACK };
}

const jobs = [];
if (ONLY !== 'cli') jobs.push(soakPage().then((r) => ['page', r]));
if (ONLY !== 'page') jobs.push(soakCli().then((r) => ['cli', r]));
const results = Object.fromEntries(await Promise.all(jobs));
const summary = { minutes: MINUTES, every: EVERY, hidden: HIDDEN, warmupSamples: WARMUP, tolerance: TOLERANCE, slackBytes: SLACK };
let bad = false;
for (const [name, keys] of [['page', ['pageHeap', 'workerHeap', 'wasm']], ['cli', ['rss']]]) {
  const r = results[name];
  if (!r) continue;
  summary[name] = { steps: r.rows[r.rows.length - 1].step, problems: r.problems };
  for (const k of keys) {
    const g = growth(r.rows, k);
    summary[name][k] = g && { firstThird: MB(g.first) + ' MB', lastThird: MB(g.last) + ' MB', min: MB(g.min) + ' MB',
      max: MB(g.max) + ' MB', growth: (100 * (g.ratio - 1)).toFixed(1) + ' %' };
    if (!g || g.leak) bad = true;
  }
  if (r.problems.length || r.rows.some((x) => x.errors)) bad = true;
}
console.log(JSON.stringify(summary, null, 2));
process.exit(bad ? 1 : 0);
