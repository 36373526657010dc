// driver.mjs - a small W3C WebDriver client (Node's fetch) for the WebKit
// browser tests: Debian's WebKitWebDriver drives WebKitGTK's MiniBrowser
// (Safari's engine). It needs an X display: scripts/test.sh runs the stage
// under `xvfb-run -a` with LANG/LC_ALL set to a real locale (with LANG=C,
// WebKit's navigator.language is "C"). Classic WebDriver has no console or
// page-error events, so watchErrors() records them from the moment it is
// called; what fails while a page starts is shown by the page itself (its
// boot-failure message, web/shared/boot.js), which the tests check.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fileUrl = (...parts) => pathToFileURL(join(ROOT, 'web', ...parts)).href;
export const harnessUrl = (id) => pathToFileURL(join(ROOT, 'tests', 'webkit', 'frame.html')).href + `?w=${encodeURIComponent(id)}`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The multiarch triplet (x86_64-linux-gnu, aarch64-linux-gnu, ...) names the
// folder MiniBrowser is in: dpkg-architecture if present, else gcc, else a glob.
export function miniBrowserPath() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  const tries = [['dpkg-architecture', ['-qDEB_HOST_MULTIARCH']], ['gcc', ['-print-multiarch']]];
  for (const [cmd, args] of tries) {
    try {
      const triplet = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      const p = `/usr/lib/${triplet}/webkit2gtk-4.1/MiniBrowser`;
      if (triplet && existsSync(p)) return p;
    } catch { /* try the next way */ }
  }
  for (const t of ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf', 'i386-linux-gnu', 'riscv64-linux-gnu']) {
    const p = `/usr/lib/${t}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(p)) return p;
  }
  throw new Error('MiniBrowser not found: install webkit2gtk-driver (bash scripts/setup.sh)');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

class WebDriverError extends Error {}

// Starts WebKitWebDriver and one browser session. Returns a Session.
// env: variables for the driver and its browser (e.g. {LANG: 'C'}).
export async function launch({ env = {} } = {}) {
  if (!process.env.DISPLAY) throw new Error('no X display: run the WebKit tests under xvfb-run -a (scripts/test.sh does)');
  const port = await freePort();
  const drv = spawn(process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver', [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env },
  });
  let exited = null;
  drv.on('exit', (code) => { exited = code; });
  drv.stderr.on('data', () => {});   // MiniBrowser's GTK warnings
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (exited !== null) throw new Error(`WebKitWebDriver exited (${exited})`);
    try { await fetch(base + '/status'); break; } catch { if (i > 100) throw new Error('WebKitWebDriver did not answer'); await sleep(100); }
  }
  const caps = { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] } } } };
  const created = await call(base, 'POST', '/session', caps);
  return new Session(base, created.sessionId, drv);
}

async function call(base, method, path, body) {
  const r = await fetch(base + path, {
    method, headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const j = await r.json();
  if (!r.ok || (j.value && j.value.error)) throw new WebDriverError(`${method} ${path}: ${j.value && j.value.error}: ${j.value && j.value.message}`);
  return j.value;
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';   // the W3C web element identifier

export class Session {
  constructor(base, id, drv) { this.base = base; this.id = id; this.drv = drv; }
  cmd(method, path, body) { return call(this.base, method, `/session/${this.id}${path}`, body); }

  async close() {
    try { await this.cmd('DELETE', ''); } catch { /* already gone */ }
    this.drv.kill();
  }

  go(url) { return this.cmd('POST', '/url', { url }); }
  setWindow(width, height) { return this.cmd('POST', '/window/rect', { width, height }); }

  // Runs fn (a function, sent as its source) in the page with args (JSON) and returns its value.
  exec(fn, ...args) { return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args }); }

  // Polls fn in the page until it returns a truthy value; returns that value.
  async waitFor(fn, args = [], { timeout = 30000, what = String(fn).slice(0, 120) } = {}) {
    const t0 = Date.now();
    let last;
    for (;;) {
      try { last = await this.exec(fn, ...args); if (last) return last; } catch (e) { last = e.message; }
      if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await sleep(150);
    }
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  // A file input: WebDriver's "send keys" with the file's path sets its files.
  async upload(css, path) {
    const el = await this.find(css);
    return this.cmd('POST', `/element/${el}/value`, { text: path });
  }

  // Into the page's n-th frame (WebKitWebDriver wants the index), or back to the top.
  frame(n = 0) { return this.cmd('POST', '/frame', { id: n }); }
  topFrame() { return this.cmd('POST', '/frame', { id: null }); }

  // From now on, uncaught errors, unhandled rejections and console.error/warn
  // of this document land in window.__problems (read with problems()).
  watchErrors() {
    return this.exec(() => {
      if (window.__problems) return;
      window.__problems = [];
      window.addEventListener('error', (e) => window.__problems.push('error: ' + e.message));
      window.addEventListener('unhandledrejection', (e) => window.__problems.push('unhandledrejection: ' + (e.reason && e.reason.message || e.reason)));
      for (const k of ['error', 'warn']) {
        const orig = console[k].bind(console);
        console[k] = (...a) => { window.__problems.push(`console.${k}: ${a.join(' ')}`); orig(...a); };
      }
    });
  }
  problems() { return this.exec(() => window.__problems || ['watchErrors() was not called']); }

  // The page's boot-failure message (web/shared/boot.js), '' when there is none.
  bootFailure() { return this.exec(() => { const el = document.getElementById('boot-failure'); return el && !el.hidden ? el.textContent : ''; }); }
}
