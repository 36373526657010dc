// bad-models.mjs - hostile model files for the neurons widget's loader
// (issue 22 item 3), shared by the Chromium and WebKit tests: a gzip bomb,
// a corrupt gzip, and a sparse file just past the 64 MiB cap.
import { createGzip } from 'node:zlib';
import { mkdtempSync, openSync, ftruncateSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `mb` million zero bytes, gzip -9 (about 1,000:1): streamed, never all in memory.
export function gzipBomb(mb) {
  return new Promise((resolve, reject) => {
    const z = createGzip({ level: 9 });
    const parts = [];
    z.on('data', (c) => parts.push(c));
    z.on('end', () => resolve(Buffer.concat(parts)));
    z.on('error', reject);
    const block = Buffer.alloc(1000 * 1000);
    let left = mb;
    const pump = () => {
      while (left > 0) { left--; if (!z.write(block)) { z.once('drain', pump); return; } }
      z.end();
    };
    pump();
  });
}

// gzip's magic and method, then bytes that are no deflate stream.
export const corruptGzip = () => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(64, 0xff)]);

// A sparse file of `size` bytes (takes no disk): {path, remove()}.
export function bigSparseFile(size, name = 'big.rnn') {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-big-'));
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
