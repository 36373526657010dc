// neurons.h - looking inside a char model (the lecture's "what do the hidden
// units of a char RNN do?"): read a text through a trained char LM keeping
// every hidden state h_t and the k most likely next characters, compute a
// feature of the text per position (inside quotes, position in the line...),
// and rank the hidden units by how well their activation tracks it
// (Pearson correlation over the positions).
//
//   float hs[n * H]; int ti[n * 5]; float tp[n * 5];
//   neurons_trace(m, cp, n, 5, hs, ti, tp);                 // h_t and top-5 after each char
//   float f[n]; neurons_feature(NEURON_F_QUOTE, cp, n, f);  // 1 inside "...", else 0
//   float r[H]; int order[H]; neurons_rank(hs, n, H, f, r, order);  // order[0]: the best unit
#ifndef RNN_NEURONS_H
#define RNN_NEURONS_H
#include <stdint.h>
#include "charlm.h"

#define NEURONS_MAX_TEXT 20000  // characters one trace may read
#define NEURONS_MAX_TOPK 16

// The features, per position t (the state after reading character t):
typedef enum {
    NEURON_F_QUOTE = 0,   // 1 inside a quotation: from an opening " (or “) up to, not including, its closing " (”)
    NEURON_F_PAREN = 1,   // 1 inside parentheses: from ( up to, not including, the matching ); nesting counts once
    NEURON_F_COLUMN = 2,  // position in the line: characters read since the last newline (the newline itself: 0)
    NEURON_F_VOWEL = 3,   // 1 if the next character is a vowel (a e i o u, accented or not, any case); last: 0
    NEURON_F_SPACE = 4,   // 1 right after a space: the character just read is a space
    NEURON_F_COUNT = 5
} neurons_feature_kind;
#define NEURONS_FEATURE_NAMES "quote,paren,column,vowel,space"

// Reads cp[0..n) as one stream from a zero state: hs[t*H..] = h_t after
// character t; top_idx/top_p[t*k..] = the k most likely next characters
// (vocabulary indices, probabilities, most likely first). A character
// outside the vocabulary reads as the unknown symbol when the model has one,
// else it is refused with its position.
rnn_status neurons_trace(const rnn_charlm *m, const uint32_t *cp, long n, int k, float *hs, int *top_idx, float *top_p);
rnn_status neurons_feature(int kind, const uint32_t *cp, long n, float *f);
// r[j] = Pearson correlation of unit j's activation with f over the n
// positions (0 for a unit that never changes); order = units by |r|,
// largest first (ties: lower index first). A constant feature is refused.
rnn_status neurons_rank(const float *hs, long n, int H, const float *f, float *r, int *order);
#endif
