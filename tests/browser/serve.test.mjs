// scripts/serve.mjs serves web/ and nothing outside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.server.close());

// raw path (no URL normalisation by the client)
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves the page and its scripts with the right types', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.match(index.type, /^text\/html/);
  assert.match(index.body, /Content-Security-Policy/);
  assert.match((await get('/playground/app.js')).type, /^text\/javascript/);
  assert.match((await get('/vendor/uPlot.min.css')).type, /^text\/css/);
  assert.equal((await get('/gen/worker-sources.js')).status, 200);
});

test('refuses paths outside web/, dotfiles, and other methods', async () => {
  for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/..%5cpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/.git/config', '/%00', '/nope.html', '/gen']) {
    assert.equal((await get(p)).status, 404, p);
  }
  assert.equal((await get('/', 'POST')).status, 405);
});
