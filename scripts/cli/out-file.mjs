// out-file.mjs - where `--out` writes, and the atomic writer.
// - A symlink is followed: its target is written and the link stays a link
//   (a dangling link gets its target created).
// - Only a regular file (or a new name) is written: a device, FIFO, socket or
//   directory is refused, never replaced.
// - An existing file keeps its mode.
// - The data goes to a temporary file next to the target, then a rename, so
//   an interrupted write never leaves a half-written model where a good one
//   was. checkOut() proves that the temporary file can be created before any
//   work starts; if it cannot (a read-only directory), the command is refused
//   with the reason rather than writing in place without that guarantee.
// - Temporary files of dead processes left by an earlier crash (kill -9) for
//   the same target are removed on the next save.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.mjs';
import { fileKind, sameFile } from './files.mjs';
import { trapSignals } from './signals.mjs';

const REASONS = { EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', ENOENT: 'the file system takes no new files there',
  ELOOP: 'too many levels of symbolic links', ENAMETOOLONG: 'file name too long', ENOTDIR: 'a path component is not a directory' };
const reason = (e) => REASONS[e.code] || e.message;

// The real file a name refers to, following a chain of dangling links.
function danglingTarget(file) {
  let p = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try { st = fs.lstatSync(p); } catch { return p; }
    if (!st.isSymbolicLink()) return p;
    p = path.resolve(path.dirname(p), fs.readlinkSync(p));
  }
  return p; // a loop: creating it fails with ELOOP and says so
}

// -> { target, mode } or throws with the reason
function resolveOut(file) {
  let st = null;
  try { st = fs.statSync(file); } catch (e) {
    if (e.code !== 'ENOENT') throw new Error(`cannot write ${file}: ${reason(e)}`);
  }
  if (st && st.isDirectory()) throw new Error(`cannot write ${file}: it is a directory`);
  if (st && !st.isFile()) throw new Error(`${file} is ${fileKind(st)}, not a regular file; --out only writes regular files`);
  if (st) return { target: fs.realpathSync(file), mode: st.mode & 0o7777 };
  return { target: danglingTarget(file), mode: null };
}

const tempName = (target, pid = process.pid) => path.join(path.dirname(target), `.${path.basename(target)}.${pid}.tmp`);

function checkDirectory(dir, file) {
  let st;
  try { st = fs.statSync(dir); } catch (e) {
    throw new Error(`cannot write ${file}: ${e.code === 'ENOENT' ? `no such directory: ${dir}` : reason(e)}`);
  }
  if (!st.isDirectory()) throw new Error(`cannot write ${file}: ${dir} is not a directory`);
}

function createTemp(tmp, mode) {
  try { fs.unlinkSync(tmp); } catch { /* none of ours left from a reused pid */ }
  return fs.openSync(tmp, 'wx', mode ?? 0o666);
}

// Fails before any work when --out cannot be written safely.
export function checkOut(file) {
  const { target, mode } = resolveOut(file);
  const dir = path.dirname(target);
  checkDirectory(dir, file);
  const tmp = tempName(target);
  try { fs.closeSync(createTemp(tmp, mode)); } catch (e) {
    throw new Error(`cannot create a temporary file in ${dir} (${reason(e)}), so ${file} cannot be replaced safely; choose an --out in a writable directory`);
  }
  fs.unlinkSync(tmp);
}

// --out must not name an input file (compared by file identity), and must be writable
export function checkOutput(out, inputs) {
  for (const [name, file] of Object.entries(inputs)) {
    if (file !== undefined && sameFile(out, file)) throw new UsageError(`--out ${out} is the same file as --${name} ${file}; refusing to overwrite the input`);
  }
  checkOut(out);
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

function removeStaleTemps(target) {
  const base = path.basename(target), dir = path.dirname(target);
  let names;
  try { names = fs.readdirSync(dir); } catch { return; }
  for (const n of names) {
    if (!n.startsWith(`.${base}.`) || !n.endsWith('.tmp')) continue;
    const pid = n.slice(base.length + 2, -4);
    if (!/^[1-9]\d*$/.test(pid) || Number(pid) === process.pid || alive(Number(pid))) continue;
    try { fs.unlinkSync(path.join(dir, n)); } catch { /* someone else removed it */ }
  }
}

export function writeAtomic(file, data) {
  trapSignals(); // a signal during the write is handled after it
  const { target, mode } = resolveOut(file);
  checkDirectory(path.dirname(target), file);
  removeStaleTemps(target);
  const tmp = tempName(target);
  try {
    const fd = createTemp(tmp, mode);
    try {
      fs.writeFileSync(fd, data);
      if (mode !== null) fs.fchmodSync(fd, mode); // the umask applied at creation
      fs.fsyncSync(fd); // on disk before the rename: a power cut leaves the old file or the new one
    } finally { fs.closeSync(fd); }
    fs.renameSync(tmp, target);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* nothing to clean */ }
    throw new Error(`cannot write ${file}: ${reason(e)}`);
  }
}
