// utf8.h - strict UTF-8 decoding/encoding of Unicode code points.
// Rejects overlong forms, surrogates, code points past U+10FFFF and
// truncated sequences, with the byte offset in the reason.
#ifndef RNN_UTF8_H
#define RNN_UTF8_H
#include <stdint.h>
#include "../status.h"
// Decodes len bytes into out (capacity >= len code points); *n = count.
rnn_status utf8_decode(const char *s, long len, uint32_t *out, long *n);
// Writes the UTF-8 form of cp into out (4 bytes of room); returns its length.
int utf8_encode(uint32_t cp, char *out);
#endif
