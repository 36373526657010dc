// corpus.c - generated training text.
#include "corpus.h"
#include "../rng.h"
#include <stdio.h>
#include <string.h>

static int line_arithmetic(rnn_rng *r, char *o) {
    const int a = (int)rnn_rng_range(r, 0, 99), b = (int)rnn_rng_range(r, 0, 99);
    if (rnn_rng_u32(r) & 1) return sprintf(o, "%d+%d=%d\n", a, b, a + b);
    return a >= b ? sprintf(o, "%d-%d=%d\n", a, b, a - b) : sprintf(o, "%d-%d=%d\n", b, a, b - a);
}

static int line_alphabet(rnn_rng *r, char *o) {
    const int start = (int)rnn_rng_range(r, 0, 20), n = (int)rnn_rng_range(r, 5, 26 - start);
    const int back = (int)(rnn_rng_u32(r) % 4 == 0);
    int k = 0;
    for (int i = 0; i < n; i++) o[k++] = (char)(back ? 'a' + start + n - 1 - i : 'a' + start + i);
    o[k++] = '\n';
    return k;
}

// Portuguese number words 1..99: teaches accents (três) as single characters.
static int words_pt(int n, char *o) {
    static const char *const units[20] = {"zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove",
                                          "dez", "onze", "doze", "treze", "catorze", "quinze", "dezesseis", "dezessete",
                                          "dezoito", "dezenove"};
    static const char *const tens[10] = {"", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta",
                                         "oitenta", "noventa"};
    if (n < 20) return sprintf(o, "%s", units[n]);
    if (n % 10 == 0) return sprintf(o, "%s", tens[n / 10]);
    return sprintf(o, "%s e %s", tens[n / 10], units[n % 10]);
}

static int line_counting(rnn_rng *r, char *o) {
    const int start = (int)rnn_rng_range(r, 1, 90), n = (int)rnn_rng_range(r, 3, 8);
    int k = 0;
    for (int i = 0; i < n && start + i < 100; i++) {
        if (i) k += sprintf(o + k, ", ");
        k += words_pt(start + i, o + k);
    }
    o[k++] = '\n';
    return k;
}

rnn_status rnn_corpus_generate(rnn_corpus_kind kind, unsigned seed, long bytes, char *out, long cap, long *len) {
    *len = 0;
    if ((unsigned)kind > RNN_CORPUS_COUNTING) return rnn_fail(RNN_E_ARG, "unknown corpus kind %d", (int)kind);
    if (bytes < 1 || bytes > (64L << 20)) return rnn_fail(RNN_E_ARG, "corpus size %ld not in [1, 64 MB]", bytes);
    if (cap < bytes + 512) return rnn_fail(RNN_E_ARG, "buffer too small");
    rnn_rng r;
    rnn_rng_seed(&r, seed);
    long k = 0;
    while (k < bytes) {
        if (kind == RNN_CORPUS_ARITHMETIC) k += line_arithmetic(&r, out + k);
        else if (kind == RNN_CORPUS_ALPHABET) k += line_alphabet(&r, out + k);
        else k += line_counting(&r, out + k);
    }
    out[k] = 0;
    *len = k;
    return RNN_OK;
}
