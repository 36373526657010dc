#!/usr/bin/env node
// serve.mjs - a tiny static server for web/ on 127.0.0.1 (no dependencies).
// Serves only files inside web/ (no listing, no dotfiles, GET/HEAD only).
//   node scripts/serve.mjs            port from $PORT, else 8080, else the next free one
//   PORT=0 node scripts/serve.mjs     any free port
// Prints "Serving web/ at http://127.0.0.1:PORT/" once listening.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, normalize, sep, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};

// Maps a request path to a file under ROOT, or null if it would leave it.
export function resolvePath(urlPath) {
  let rel;
  try { rel = decodeURIComponent(urlPath.split('?')[0].split('#')[0]); } catch { return null; }
  if (rel.includes('\0')) return null;
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(ROOT, rel));
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return null;
  if (file.slice(ROOT.length).split(sep).some((s) => s.startsWith('.'))) return null;
  return file;
}

async function handle(req, res) {
  const send = (code, body, type = 'text/plain; charset=utf-8') => {
    res.writeHead(code, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
  const file = resolvePath(req.url || '/');
  if (!file) return send(404, 'not found\n');
  try {
    const st = await stat(file);
    if (!st.isFile()) return send(404, 'not found\n');
    send(200, await readFile(file), TYPES[extname(file).toLowerCase()] || 'application/octet-stream');
  } catch {
    send(404, 'not found\n');
  }
}

// Starts the server; resolves with {server, port, url}. port 0 = any free port.
export function serve(port = 8080, { fallback = true, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => { handle(req, res).catch(() => res.destroy()); });
    server.on('error', (e) => {
      if (e.code === 'EADDRINUSE' && fallback && port !== 0 && port < 65535) {
        resolve(serve(port + 1, { fallback: port + 1 < 8100, quiet }));
      } else reject(e);
    });
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      const url = `http://127.0.0.1:${actual}/`;
      if (!quiet) console.log(`Serving web/ at ${url}`);
      resolve({ server, port: actual, url });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const env = process.env.PORT;
  const port = env === undefined || env === '' ? 8080 : Number(env);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be an integer 0-65535, got ${JSON.stringify(env)}`);
    process.exit(2);
  }
  serve(port, { fallback: env === undefined || env === '' }).catch((e) => {
    console.error('serve: ' + e.message);
    process.exit(1);
  });
}
