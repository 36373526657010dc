// format.h - the engine's snprintf, without libc's printf (whose code is a
// tenth of the playground's WebAssembly module). Same output as C's printf for
// what the engine prints: conversions d i u x X c s f e g %, flags - 0 + space,
// width and precision (digits or *), lengths h l ll z. Floating point is exact
// (every digit of the double, rounded half to even like glibc and musl), so
// %.9g of a float and the contract's %.*g are byte for byte libc's
// (tests/c/test_format.c compares with glibc on millions of values). Any other
// conversion is copied as written (its argument is not consumed).
#ifndef RNN_FORMAT_H
#define RNN_FORMAT_H
#include <stdarg.h>
#include <stddef.h>

// At most n bytes with the terminating NUL into s (n = 0: nothing written);
// returns the length the whole output has, as snprintf.
int rnn_vsnprintf(char *s, size_t n, const char *fmt, va_list ap);
int rnn_snprintf(char *s, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#endif
