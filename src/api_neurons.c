// api_neurons.c - the ABI of the "inside the char model" views (the neurons
// widget): hidden states and top-k next characters of a text read by a char
// LM, text features per position, the ranking of hidden units by
// correlation with a feature, and the widget's training text
// (src/models/neurons.h, src/data/quoted.h). js/engine.js: EXPORTS.api_neurons.
#include "api.h"
#include "rnn.h"
#include "models/neurons.h"
#include "data/quoted.h"
#include <stdlib.h>

// Decodes text into a fresh array *cp of *n code points (caller frees).
static rnn_status decode(const char *text, int len, uint32_t **cp, long *n) {
    *n = 0;
    *cp = NULL;
    if (len < 0) return rnn_fail(RNN_E_ARG, "negative text length");
    uint32_t *c = malloc(sizeof(uint32_t) * (size_t)(len > 0 ? len : 1));
    if (!c) return rnn_fail(RNN_E_NOMEM, "code points");
    rnn_status st = utf8_decode(text, len, c, n);
    if (st) { free(c); return st; }
    *cp = c;
    return RNN_OK;
}

// The feature names, comma-separated, in neurons_feature_kind order.
API const char *rnn_neurons_features(void) { return NEURONS_FEATURE_NAMES; }

// text (UTF-8, len bytes) read from a zero state; with n its characters
// (n <= cap): hs[n*H] hidden states, top_idx/top_p[n*k] the k most likely
// next characters after each one; out_n[0] = n.
API int rnn_neurons_trace(const rnn_charlm *m, const char *text, int len, int k, float *hs, int *top_idx,
                          float *top_p, int cap, int *out_n) {
    long n;
    *out_n = 0;
    uint32_t *cp;
    rnn_status st = decode(text, len, &cp, &n);
    if (st) return st;
    st = n > cap ? rnn_fail(RNN_E_ARG, "room for %d characters, the text has %ld", cap, n)
                            : neurons_trace(m, cp, n, k, hs, top_idx, top_p);
    if (!st) *out_n = (int)n;
    free(cp);
    return st;
}

// f[n] = feature `kind` of each character of text (n <= cap); out_n[0] = n.
API int rnn_neurons_feature(int kind, const char *text, int len, float *f, int cap, int *out_n) {
    long n;
    *out_n = 0;
    uint32_t *cp;
    rnn_status st = decode(text, len, &cp, &n);
    if (st) return st;
    st = n > cap ? rnn_fail(RNN_E_ARG, "room for %d characters, the text has %ld", cap, n)
                            : neurons_feature(kind, cp, n, f);
    if (!st) *out_n = (int)n;
    free(cp);
    return st;
}

// r[H], order[H]: see neurons_rank.
API int rnn_neurons_rank(const float *hs, int n, int H, const float *f, float *r, int *order) {
    if (n > NEURONS_MAX_TEXT || H > RNN_MAX_HIDDEN) return rnn_fail(RNN_E_ARG, "ranking of %d positions x %d units too large", n, H);
    return neurons_rank(hs, n, H, f, r, order);
}

// The widget's training text (malloc'd; *len bytes).
API char *rnn_neurons_corpus(int seed, int bytes, int *len) {
    if (bytes < 1 || bytes > RNN_CORPUS_MAX_BYTES / 2) { rnn_fail(RNN_E_ARG, "text size %d not in [1, 32 MB]", bytes); return NULL; }
    char *out = malloc((size_t)bytes * 3 + 1024);
    long n;
    if (!out) { rnn_fail(RNN_E_NOMEM, "training text"); return NULL; }
    if (rnn_quoted_generate((unsigned)seed, bytes, out, (long)bytes * 3 + 1024, &n)) { free(out); return NULL; }
    *len = (int)n;
    return out;
}
