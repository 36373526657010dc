// ngram.h - an interpolated Kneser-Ney n-gram model over token ids: the
// previous lecture's language model, counted by the engine, drawn as a
// reference line against the RNN and raced by the memory widget.
//
//   ngram *m;
//   if (ngram_create(&m, train, n_train, V, 5)) { ... rnn_last_error() ... }
//   double bits; ngram_bits(m, val, n_val, &bits);     // total bits of val
//   ngram_predict(m, context, n_ctx, probs, &best);    // P(next | context) over V
//   ngram_free(m);
//
// The model (Chen & Goodman's interpolated Kneser-Ney, one discount per order),
// N the order, k = 1..N, h a context of k-1 tokens, h' = h without its oldest:
//   P_k(w | h) = max(c_k(hw) - D_k, 0) / S_k(h) + D_k T_k(h) / S_k(h) P_{k-1}(w | h')
//   P_0(w)     = 1 / V
//   c_N(g)     = how often the n-gram g occurs in the training tokens (raw count)
//   c_k(g)     = N1+(. g) for k < N: how many distinct tokens occur just before g
//   S_k(h)     = sum_w c_k(hw),  T_k(h) = #{w : c_k(hw) > 0}
//   D_k        = n1 / (n1 + 2 n2), n1 and n2 the number of order-k grams with
//                c_k = 1 and 2 (0.5 when either is 0)
// A context never seen in training (S_k(h) = 0) hands P_{k-1} through. A query
// with a context of L < N-1 tokens uses P_{L+1}: the model's own lower order.
// Every probability is > 0 (the uniform floor), so bits are always finite.
//
// Storage: one open-addressing hash table whose entries are the grams of
// every order 0..N (order 0 is the empty context), each holding its raw count,
// its continuation count and, as a context, S and T. Training may grow the
// table (bounded by NGRAM_MAX_SLOTS); queries never allocate.
#ifndef RNN_NGRAM_H
#define RNN_NGRAM_H
#include <stdint.h>
#include "../status.h"

#define NGRAM_MAX_ORDER 6            // orders 1..6
#define NGRAM_MAX_VOCAB 65535        // token ids are stored as uint16
#define NGRAM_MAX_TOKENS (16L << 20) // training tokens (Tiny Shakespeare: 1.1 M)
#define NGRAM_MAX_SLOTS (1L << 23)   // hash slots, 32 bytes each: at most 256 MiB

typedef struct ngram ngram;

rnn_status ngram_create(ngram **out, const int *tokens, long n, int vocab, int order);
void ngram_free(ngram *m);

// Total bits (-log2 P) of tokens[0..n), each predicted from the at most N-1
// tokens before it in the same array.
rnn_status ngram_bits(const ngram *m, const int *tokens, long n, double *bits);
// P(next | context) for every token id into probs[V]; *best = the argmax
// (the lowest id on a tie); probs may be NULL (argmax only). Only the last
// N-1 context tokens matter.
rnn_status ngram_predict(const ngram *m, const int *context, int n, float *probs, int *best);
// P(w | context) of one token.
double ngram_prob(const ngram *m, const int *context, int n, int w);

int ngram_order(const ngram *m);
int ngram_vocab(const ngram *m);
long ngram_entries(const ngram *m);   // distinct grams stored (all orders)
long ngram_bytes(const ngram *m);     // memory held by the model
double ngram_discount(const ngram *m, int k); // D_k, k in 1..N
#endif
