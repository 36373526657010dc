// api_ngram.c - the exported C ABI of the n-gram model: the interpolated
// Kneser-Ney reference line of the playground (models/ngram_text.h) and the
// token model the widgets compare with their RNNs (models/ngram.h). Plain
// ints, doubles and pointers into the module's memory; failures return a
// non-zero status (or NULL) and rnn_error() gives the reason. js/engine.js
// declares each of these once (EXPORTS, block "api_ngram"). Its own file so
// that the playground's char-LM module (Makefile, LM_SRC) carries it without
// the widgets' task generators.
#include "api.h"
#include "models/ngram.h"
#include "models/ngram_text.h"
#include <stddef.h>

// The reference line of a text: out[3] = bits per character of data under
// the order-`order` model counted on train, characters of data, vocabulary.
API int rnn_ngram_text(const char *train, int train_len, const char *data, int data_len, int order, double *out) {
    double bpc; long chars; int vocab;
    const rnn_status st = ngram_text_bits(train, train_len, data, data_len, order, &bpc, &chars, &vocab);
    out[0] = bpc; out[1] = (double)chars; out[2] = vocab;
    return st;
}

// A model counted on tokens[n] (ids in 0..vocab-1); NULL on failure.
API ngram *rnn_ngram_create(const int *tokens, int n, int vocab, int order) {
    ngram *m = NULL;
    ngram_create(&m, tokens, n, vocab, order);
    return m;
}

// out[2]: total bits of tokens[n], bits per token.
API int rnn_ngram_bits(const ngram *m, const int *tokens, int n, double *out) {
    double bits = 0.0;
    const rnn_status st = n > 0 ? ngram_bits(m, tokens, n, &bits) : rnn_fail(RNN_E_DATA, "no tokens to score");
    out[0] = bits; out[1] = n > 0 ? bits / n : 0.0;
    return st;
}

// probs[V] (or NULL) = P(next | context[n]); *best = the argmax.
API int rnn_ngram_predict(const ngram *m, const int *context, int n, float *probs, int *best) {
    return ngram_predict(m, context, n, probs, best);
}

// count sequences of len tokens (seqs[count*len]) with their targets[count]:
// out[2] = the fraction whose argmax prediction is the target, and the mean
// probability given to the target.
API int rnn_ngram_accuracy(const ngram *m, const int *seqs, int count, int len, const int *targets, double *out) {
    out[0] = out[1] = 0.0;
    if (count < 1 || len < 0) return rnn_fail(RNN_E_ARG, "accuracy of %d sequences of %d tokens", count, len);
    long right = 0;
    double mass = 0.0;
    for (int i = 0; i < count; i++) {
        int best = -1;
        const rnn_status st = ngram_predict(m, seqs + (long)i * len, len, NULL, &best);
        if (st) return st;
        if (targets[i] < 0 || targets[i] >= ngram_vocab(m)) return rnn_fail(RNN_E_ARG, "target %d of sequence %d", targets[i], i);
        const int from = len - (ngram_order(m) - 1) > 0 ? len - (ngram_order(m) - 1) : 0;
        right += best == targets[i];
        mass += ngram_prob(m, seqs + (long)i * len + from, len - from, targets[i]);
    }
    out[0] = (double)right / count;
    out[1] = mass / count;
    return RNN_OK;
}

// out[10]: order, vocab, distinct grams, bytes, D_1..D_6 (0 past the order)
API void rnn_ngram_info(const ngram *m, double *out) {
    out[0] = ngram_order(m); out[1] = ngram_vocab(m); out[2] = (double)ngram_entries(m); out[3] = (double)ngram_bytes(m);
    for (int k = 1; k <= NGRAM_MAX_ORDER; k++) out[3 + k] = ngram_discount(m, k);
}

API void rnn_ngram_free(ngram *m) { ngram_free(m); }

