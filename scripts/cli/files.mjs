// files.mjs - file reading/writing for the CLI with clear errors.
import fs from 'node:fs';
import path from 'node:path';

export const MAX_TEXT_BYTES = 64 << 20;

function describe(err, file) {
  if (err.code === 'ENOENT') return `no such file: ${file}`;
  if (err.code === 'EACCES') return `permission denied: ${file}`;
  if (err.code === 'EISDIR') return `is a directory, not a file: ${file}`;
  return `cannot read ${file}: ${err.message}`;
}

export function readBytes(file, limit = MAX_TEXT_BYTES) {
  let st;
  try { st = fs.statSync(file); } catch (e) { throw new Error(describe(e, file)); }
  if (st.isDirectory()) throw new Error(`is a directory, not a file: ${file}`);
  if (st.size > limit) throw new Error(`${file} is ${st.size} bytes; the limit is ${limit}`);
  try { return new Uint8Array(fs.readFileSync(file)); } catch (e) { throw new Error(describe(e, file)); }
}

// Text must be UTF-8: invalid bytes are reported, never silently replaced.
export function readText(file) {
  const bytes = readBytes(file);
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); }
  catch { throw new Error(`${file} is not UTF-8 text (binary file?)`); }
}

// Writes through a temporary file and a rename, so an interrupted write
// never leaves a half-written model where a good one was.
export function writeAtomic(file, data) {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* nothing to clean */ }
    throw new Error(`cannot write ${file}: ${e.code === 'ENOENT' ? 'no such directory' : e.message}`);
  }
}
