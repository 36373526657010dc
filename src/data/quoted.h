// quoted.h - the "inside the char model" training text: the project's
// Portuguese sentences (corpus.c, RNN_CORPUS_SENTENCES) with quotations,
// asides in parentheses and short lines added, so that a small char model
// has something to track ("inside quotes", "inside parentheses", "position
// in the line"). Deterministic for a seed.
#ifndef RNN_QUOTED_H
#define RNN_QUOTED_H
#include "../status.h"
// Writes about `bytes` bytes of UTF-8 (whole sentences, NUL-terminated) into
// out (cap >= 3 * bytes + 1024); *len receives the length.
rnn_status rnn_quoted_generate(unsigned seed, long bytes, char *out, long cap, long *len);
#endif
