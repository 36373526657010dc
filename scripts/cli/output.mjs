// output.mjs - the CLI's stdout and stderr, guarded against a reader that
// goes away (`rnn train ... | head -1`, a closed terminal): the first write
// error (EPIPE, EIO) marks that stream closed and every later write to it is
// dropped, so the command goes on (a training run reaches its budget and
// saves --out) instead of dying of an uncaught 'error' event. The exit code
// is the command's own: lost progress lines are not a failure of the run.
function guard(stream) {
  let closed = false;
  stream.on('error', () => { closed = true; });
  return {
    get isTTY() { return !!stream.isTTY; },
    get closed() { return closed; },
    write(s) {
      if (closed) return false;
      try { return stream.write(s); } catch (e) { closed = true; return false; }
    },
  };
}

let io = null;
// -> { stdout, stderr } for process.stdout/stderr, guarded (one pair per process)
export function processIo() {
  if (!io) io = { stdout: guard(process.stdout), stderr: guard(process.stderr) };
  return io;
}
