// quoted.c - sentences with quotations and asides (see quoted.h).
// Each sentence of the plain corpus becomes, with the seed's dice:
//   plain (30%)            A rede lê os pesos.
//   quoted (10%)           O professor disse: "A rede lê os pesos."
//   a short quote (30%)    A rede lê os pesos e diz "sem pressa".
//   with an aside (30%)    A rede lê os pesos (sem pressa).
// Short quotes and asides draw from the same words, so only a memory of the
// opening mark tells which closing mark comes; the span between them stays
// within what a small vanilla RNN can remember.
// and ends its line with probability 1/3 (else a space follows).
#include "quoted.h"
#include "corpus.h"
#include "../rng.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
static const char *const SPEAKERS[] = {"O professor disse", "A aluna perguntou", "A rede respondeu", "Alguém escreveu",
                                       "O livro diz", "A menina gritou", "Ele repetiu", "Ela leu em voz alta"};
static const char *const ASIDES[] = {"de novo", "como sempre", "veja a figura", "ou quase", "sem pressa",
                                     "em silêncio", "isto é, a rede", "uma vez por dia", "e ninguém viu",
                                     "mas só no começo", "o que é raro", "pela manhã"};

static const char *pick(rnn_rng *r, const char *const *list, int n) { return list[rnn_rng_range(r, 0, n - 1)]; }

// One sentence s[0..n) (ends with . ! or ?) decorated into o; returns bytes written.
static long decorate(rnn_rng *r, const char *s, long n, char *o) {
    const unsigned d = rnn_rng_u32(r) % 20;
    long k = 0;
    if (d < 2) {                                   // quotation
        k += sprintf(o, "%s: \"", pick(r, SPEAKERS, COUNT(SPEAKERS)));
        memcpy(o + k, s, (size_t)n); k += n;
        o[k++] = '"';
    } else if (d < 8) {                            // short quote before the final mark
        memcpy(o, s, (size_t)(n - 1)); k = n - 1;
        k += sprintf(o + k, " e diz \"%s\"%c", pick(r, ASIDES, COUNT(ASIDES)), s[n - 1]);
    } else if (d < 14) {                           // aside before the final mark
        memcpy(o, s, (size_t)(n - 1)); k = n - 1;
        k += sprintf(o + k, " (%s)%c", pick(r, ASIDES, COUNT(ASIDES)), s[n - 1]);
    } else {
        memcpy(o, s, (size_t)n); k = n;
    }
    o[k++] = rnn_rng_u32(r) % 3 == 0 ? '\n' : ' ';
    return k;
}

rnn_status rnn_quoted_generate(unsigned seed, long bytes, char *out, long cap, long *len) {
    *len = 0;
    if (bytes < 1 || bytes > RNN_CORPUS_MAX_BYTES / 2) return rnn_fail(RNN_E_ARG, "text size %ld not in [1, 32 MB]", bytes);
    if (cap < 3 * bytes + 1024) return rnn_fail(RNN_E_ARG, "buffer too small");
    char *plain = malloc((size_t)bytes + 512);
    if (!plain) return rnn_fail(RNN_E_NOMEM, "plain sentences");
    long np = 0, k = 0;
    rnn_status st = rnn_corpus_generate(RNN_CORPUS_SENTENCES, seed, bytes, plain, bytes + 512, &np);
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)seed ^ 0x51u);
    for (long i = 0; !st && i < np;) {
        while (i < np && (plain[i] == ' ' || plain[i] == '\n')) i++;       // the plain corpus's separators
        long j = i;
        while (j < np && plain[j] != '.' && plain[j] != '!' && plain[j] != '?') j++;
        if (j >= np) break;                                                // a cut sentence at the end
        k += decorate(&r, plain + i, j + 1 - i, out + k);
        i = j + 1;
    }
    free(plain);
    if (st) return st;
    out[k] = 0;
    *len = k;
    return RNN_OK;
}
