// wasm-env.js - a --pre-js of the wasm32 test builds (Makefile, test-c-wasm32):
// Emscripten's getenv does not see the host's environment, so the RNN_* knobs
// of the C tests (RNN_NUMBER_N, RNN_FORMAT_N) are copied in before main runs.
Module['preRun'] = [function () {
  for (const k of Object.keys(process.env)) if (k.startsWith('RNN_')) ENV[k] = process.env[k];
}];
