// ngram_text.h - the n-gram reference line of a text: the bits per character
// of an interpolated Kneser-Ney model (ngram.h) counted on one text and
// measured on another. Characters are Unicode code points; the vocabulary is
// every code point of both texts (capped at RNN_VOCAB_MAX, past which the
// rarest share the unknown symbol), so V is the same for the model and for
// the uniform floor 1/V.
//
//   double bpc; long chars; int V;
//   ngram_text_bits(train, train_len, data, data_len, 5, &bpc, &chars, &V);
#ifndef RNN_NGRAM_TEXT_H
#define RNN_NGRAM_TEXT_H
#include "../status.h"

rnn_status ngram_text_bits(const char *train, long train_len, const char *data, long data_len, int order, double *bpc,
                           long *chars, int *vocab);
#endif
