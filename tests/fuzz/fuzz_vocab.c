// fuzz_vocab.c - libFuzzer target: UTF-8 decoding and the vocabulary builder
// (the linear code-point count, the frequency cap). The first byte picks the
// cap. Invariants: no crash, no sanitizer report; a built vocabulary is
// ascending, within the cap, and maps every character of the text to itself
// or to the unknown symbol.
#include "rnn.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what) {
    fprintf(stderr, "invariant broken: %s (%s)\n", what, rnn_last_error());
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const int cap = 2 + data[0] % 40;
    const long len = (long)size - 1;
    char *text = malloc((size_t)(len ? len : 1));
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)(len ? len : 1));
    if (!text || !cps) { free(text); free(cps); return 0; }
    memcpy(text, data + 1, (size_t)len);
    long n = 0;
    if (utf8_decode(text, len, cps, &n) == RNN_OK && n > 0) {
        if (n > len) fail("more code points than bytes");
        rnn_vocab v;
        if (vocab_build(&v, cps, n, cap) != RNN_OK) fail("vocabulary of valid UTF-8 refused");
        if (v.size < 1 || v.size > cap) fail("vocabulary size outside [1, cap]");
        const int ordered = v.unk >= 0 ? v.size - 1 : v.size;
        for (int i = 1; i < ordered; i++)
            if (v.cp[i] <= v.cp[i - 1]) fail("vocabulary not ascending");
        for (long i = 0; i < n; i++) {
            const int k = vocab_index(&v, cps[i]);
            if (k < 0 || (k != v.unk && v.cp[k] != cps[i])) fail("a character maps to the wrong symbol");
            if (k == v.unk && v.unk < 0) fail("unknown symbol without one");
        }
        vocab_free(&v);
    }
    free(text);
    free(cps);
    return 0;
}
