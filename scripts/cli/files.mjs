// files.mjs - reading the CLI's input files with clear errors and a hard
// byte cap whatever the file type: a regular file is checked by its size
// first; a character device (/dev/zero) is read until the cap and refused
// past it; a FIFO or socket is refused before it is opened (opening a FIFO
// with no writer would block forever). The writing side is out-file.mjs.
import fs from 'node:fs';

export const MAX_TEXT_BYTES = 64 << 20;
const CHUNK = 1 << 20;

export function describe(err, file) {
  if (err.code === 'ENOENT') return `no such file: ${file}`;
  if (err.code === 'EACCES') return `permission denied: ${file}`;
  if (err.code === 'EISDIR') return `is a directory, not a file: ${file}`;
  return `cannot read ${file}: ${err.message}`;
}

// 'a FIFO (named pipe)' etc. for a stat result that is not a regular file
export function fileKind(st) {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function statInput(file) {
  try { return fs.statSync(file); } catch (e) { throw new Error(describe(e, file)); }
}

// Reads at most limit + 1 bytes, so that anything past the limit is noticed
// without holding it all.
function readCapped(file, limit) {
  let fd;
  try { fd = fs.openSync(file, 'r'); } catch (e) { throw new Error(describe(e, file)); }
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) throw new Error(`${file} is over the limit of ${limit} bytes`);
    }
  } catch (e) {
    throw e.code ? new Error(describe(e, file)) : e;
  } finally { fs.closeSync(fd); }
  return new Uint8Array(Buffer.concat(chunks, total));
}

export function readBytes(file, limit = MAX_TEXT_BYTES) {
  const st = statInput(file);
  if (st.isDirectory()) throw new Error(`is a directory, not a file: ${file}`);
  if (st.isFIFO() || st.isSocket()) throw new Error(`${file} is ${fileKind(st)}, not a regular file; save the text to a file first`);
  if (st.isFile() && st.size > limit) throw new Error(`${file} is ${st.size} bytes; the limit is ${limit}`);
  return readCapped(file, limit);
}

// Text must be UTF-8: invalid bytes are reported, never silently replaced.
export function readText(file) {
  const bytes = readBytes(file);
  // U+0000 is valid UTF-8, but a text with zero bytes is binary or UTF-16
  // (every ASCII letter followed by a zero): refused, as the page does
  const zero = bytes.indexOf(0);
  if (zero >= 0) throw new Error(`${file} is not UTF-8 text: a zero byte at offset ${zero} (a binary file, or UTF-16 text? save it as UTF-8)`);
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); }
  catch { throw new Error(`${file} is not UTF-8 text (binary file?)`); }
}

// true when both paths name one existing file (symlinks and ./ followed)
export function sameFile(a, b) {
  let sa, sb;
  try { sa = fs.statSync(a); sb = fs.statSync(b); } catch { return false; }
  return sa.dev === sb.dev && sa.ino === sb.ino;
}
