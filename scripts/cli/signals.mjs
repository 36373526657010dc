// signals.mjs - Ctrl-C (SIGINT), SIGTERM and SIGHUP in the CLI. Once trapped,
// a signal either goes to the running training loop (which stops after its
// current chunk and saves) or ends the process with 128 + the signal number.
// Model writes are synchronous, so a signal that arrives during one is
// handled when it has finished: the temporary file is renamed or removed
// first, never left behind (out-file.mjs).
const NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
let hook = null;
let trapped = false;

export const signalExitCode = (sig) => 128 + NUMBERS[sig];

function handle(sig) {
  if (hook) hook(sig);
  else process.exit(signalExitCode(sig));
}

export function trapSignals() {
  if (trapped) return;
  trapped = true;
  for (const sig of Object.keys(NUMBERS)) process.on(sig, handle);
}

// One turn of the event loop, so that a signal that arrived during
// synchronous work is handled now (a process with nothing left to do would
// otherwise exit without looking).
export const letSignalsIn = () => new Promise((resolve) => setImmediate(resolve));

// fn(sig) receives the signals from now on; null: back to exiting.
export function onInterrupt(fn) {
  trapSignals();
  hook = fn;
}
