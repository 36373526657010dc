// api.h - the export marker for the C ABI (src/api*.c): the only place that
// knows about Emscripten. Natively API expands to nothing, so the same
// functions are callable from C tests.
#ifndef RNN_API_H
#define RNN_API_H
#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define API EMSCRIPTEN_KEEPALIVE
#else
#define API
#endif
#endif
