#!/usr/bin/env node
// bench-lecture.mjs - the lecture deck's memory (a benchmark, not a test), in
// headless Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) from file://: for
// every slide of web/lecture.html, go there, wait until the widgets near it
// (the slide and its neighbours, web/lecture/frames.js) are ready, play the
// slide's own widget for --seconds, then add up the proportional set size (PSS,
// /proc/<pid>/smaps_rollup: shared pages split between the processes that map
// them) of the browser and every process under it. Prints the number per slide,
// the heaviest slide, and the total after walking back to the first slide.
// With --print: the print view (?print-pdf) instead, where every widget loads
// (one after another) and stays: the total once all are ready.
// Linux only (reads /proc).
//   node scripts/bench-lecture.mjs [--seconds 5] [--print] [--json]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf('--' + name); return i >= 0 ? Number(args[i + 1]) : def; };
const SECONDS = opt('seconds', 5);
const JSON_OUT = args.includes('--json');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function readProc(pid, file) { try { return readFileSync(`/proc/${pid}/${file}`, 'utf8'); } catch { return null; } }

// The browser whose command line names our profile, and all its descendants.
function browserPids(profile) {
  const parent = new Map();
  let root = null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(name, 'stat');
    if (!stat) continue;
    parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    const cmd = readProc(name, 'cmdline') || '';
    if (cmd.includes(`--user-data-dir=${profile}`) && !cmd.includes('--type=')) root = Number(name);
  }
  if (root === null) throw new Error('the browser process was not found');
  const pids = [root];
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) if (pids.includes(ppid) && !pids.includes(pid)) { pids.push(pid); grew = true; }
  }
  return pids;
}

function pssMB(profile) {
  let kb = 0;
  for (const pid of browserPids(profile)) {
    const m = (readProc(pid, 'smaps_rollup') || '').match(/^Pss:\s+(\d+) kB/m);
    if (m) kb += Number(m[1]);
  }
  return kb / 1024;
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'rnn-lecture-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, viewport: { width: 1280, height: 720 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const url = pathToFileURL(join(ROOT, 'web', 'lecture.html')).href;
    if (args.includes('--print')) {
      await page.goto(url + '?print-pdf');
      await page.waitForFunction(() => typeof RnnLecture === 'object' && RnnLecture.frames().every((f) => f.state === 'ready'),
        null, { timeout: 300000 });
      await sleep(2000);
      const mb = pssMB(profile);
      console.log(JSON_OUT ? JSON.stringify({ print: mb }) : `print view, every widget loaded: ${mb.toFixed(0)} MB`);
      return;
    }
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-deck') === 'ready');
    const n = await page.evaluate(() => RnnLecture.slideCount());
    const rows = [];
    for (let i = 0; i < n; i++) {
      await page.evaluate((i) => Reveal.slide(i), i);
      await page.waitForFunction(() => RnnLecture.frames().every((f) => !f.loaded || f.state === 'ready'), null, { timeout: 120000 });
      const own = await page.evaluate(() => {
        const f = document.querySelector('.slides > section.present iframe.widget-frame');
        if (f && f.contentWindow) f.contentWindow.postMessage({ command: 'play' }, '*');
        return f ? f.getAttribute('data-widget') : null;
      });
      if (own) await sleep(SECONDS * 1000);
      const loaded = (await page.evaluate(() => RnnLecture.frames())).filter((f) => f.loaded).map((f) => f.id);
      const id = await page.evaluate(() => document.querySelector('.slides > section.present').id);
      rows.push({ slide: i + 1, id, loaded, mb: pssMB(profile) });
      if (!JSON_OUT) console.log(`slide ${String(i + 1).padStart(2)} ${id.padEnd(18)} ${rows.at(-1).mb.toFixed(0).padStart(5)} MB  widgets: ${loaded.join(', ') || '-'}`);
    }
    await page.evaluate(() => Reveal.slide(0));
    await sleep(3000);
    const after = pssMB(profile);
    const heaviest = rows.reduce((a, b) => (b.mb > a.mb ? b : a));
    if (JSON_OUT) console.log(JSON.stringify({ seconds: SECONDS, rows, heaviest, afterWalkBack: after }));
    else {
      console.log(`heaviest: slide ${heaviest.slide} (${heaviest.id}) ${heaviest.mb.toFixed(0)} MB (target ≤ 700 MB)`);
      console.log(`back on slide 1: ${after.toFixed(0)} MB`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error('bench-lecture: ' + e.message); process.exitCode = 1; });
