// number.h - reads a decimal number without libc's strtod (whose musl
// implementation brings 128-bit soft-float into the WebAssembly module).
#ifndef RNN_NUMBER_H
#define RNN_NUMBER_H

// Reads "[+-]digits[.digits][(e|E)[+-]digits]" (".5" and "5." too) from the
// first n bytes of s, never past them, into *out. Returns the number of bytes
// read, or 0 (and *out = 0) if s does not start with a number. No "inf"/"nan",
// no hexadecimal, no leading white space: the callers (the JSON reader, the
// contract's shortest-%g check) give it numbers they have already delimited.
// Accuracy: see number.c.
long rnn_parse_double(const char *s, long n, double *out);
#endif
