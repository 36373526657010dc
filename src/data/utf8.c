// utf8.c - strict UTF-8 codec.
#include "utf8.h"

static int seq_len(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2; // 0xC0, 0xC1 would be overlong
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

rnn_status utf8_decode(const char *s, long len, uint32_t *out, long *n) {
    static const uint32_t MIN[5] = {0, 0, 0x80, 0x800, 0x10000};
    const unsigned char *p = (const unsigned char *)s;
    long i = 0, k = 0;
    while (i < len) {
        const int L = seq_len(p[i]);
        if (L == 0) return rnn_fail(RNN_E_UTF8, "byte 0x%02X at offset %ld cannot start a character", p[i], i);
        if (i + L > len) return rnn_fail(RNN_E_UTF8, "character cut short at offset %ld", i);
        uint32_t cp = L == 1 ? p[i] : (uint32_t)(p[i] & (0x7F >> L));
        for (int j = 1; j < L; j++) {
            if ((p[i + j] & 0xC0) != 0x80) return rnn_fail(RNN_E_UTF8, "bad continuation byte at offset %ld", i + j);
            cp = (cp << 6) | (p[i + j] & 0x3F);
        }
        if (cp < MIN[L]) return rnn_fail(RNN_E_UTF8, "overlong encoding at offset %ld", i);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return rnn_fail(RNN_E_UTF8, "invalid code point U+%04X at offset %ld", (unsigned)cp, i);
        out[k++] = cp;
        i += L;
    }
    *n = k;
    return RNN_OK;
}

int utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = (unsigned char)(0xC0 | (cp >> 6)); o[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
