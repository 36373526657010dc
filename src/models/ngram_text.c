// ngram_text.c - UTF-8 texts -> token ids over their joint vocabulary ->
// an n-gram model on the first, bits per character on the second.
#include "ngram_text.h"
#include "../data/utf8.h"
#include "../data/vocab.h"
#include "ngram.h"
#include <stdlib.h>

rnn_status ngram_text_bits(const char *train, long train_len, const char *data, long data_len, int order, double *bpc,
                           long *chars, int *vocab) {
    *bpc = 0.0; *chars = 0; *vocab = 0;
    if (train_len < 1 || data_len < 1) return rnn_fail(RNN_E_DATA, "n-gram: the %s text is empty", train_len < 1 ? "training" : "data");
    if (train_len > NGRAM_MAX_TOKENS) return rnn_fail(RNN_E_DATA, "n-gram: training text of %ld bytes; the limit is %ld", train_len, NGRAM_MAX_TOKENS);
    const long cap = train_len + data_len;
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)cap);
    int *tok = malloc(sizeof(int) * (size_t)cap);
    rnn_status st = cps && tok ? RNN_OK : rnn_fail(RNN_E_NOMEM, "n-gram: %ld characters", cap);
    long nt = 0, nd = 0;
    if (!st) st = utf8_decode(train, train_len, cps, &nt);
    if (!st) st = utf8_decode(data, data_len, cps + nt, &nd);
    rnn_vocab v = {0};
    if (!st) st = vocab_build(&v, cps, nt + nd, RNN_VOCAB_MAX);
    ngram *m = NULL;
    if (!st) {
        vocab_encode(&v, cps, nt + nd, tok);
        st = ngram_create(&m, tok, nt, v.size, order);
    }
    double bits = 0.0;
    if (!st) st = ngram_bits(m, tok + nt, nd, &bits);
    if (!st) { *bpc = bits / (double)nd; *chars = nd; *vocab = v.size; }
    ngram_free(m);
    vocab_free(&v);
    free(cps);
    free(tok);
    return st;
}
