// corpus.h - built-in corpora the project generates itself (no shipped
// third-party text): deterministic for a seed.
//   RNN_CORPUS_ARITHMETIC  lines like "37+5=42" and "81-9=72"
//   RNN_CORPUS_ALPHABET    the alphabet, forwards and backwards, in runs of varying length
//   RNN_CORPUS_COUNTING    numbers counted in Portuguese words ("um, dois, três, ...")
//   RNN_CORPUS_SENTENCES   Portuguese sentences from a small grammar (accents, commas,
//                          paragraphs): enough structure to learn for minutes, unlimited size
#ifndef RNN_CORPUS_H
#define RNN_CORPUS_H
#include "../status.h"
#define RNN_CORPUS_MAX_BYTES (64L << 20)
typedef enum { RNN_CORPUS_ARITHMETIC = 0, RNN_CORPUS_ALPHABET = 1, RNN_CORPUS_COUNTING = 2, RNN_CORPUS_SENTENCES = 3 } rnn_corpus_kind;
// Writes about `bytes` bytes of UTF-8 (whole lines, NUL-terminated) into out
// (cap >= bytes + 512); *len receives the length.
rnn_status rnn_corpus_generate(rnn_corpus_kind kind, unsigned seed, long bytes, char *out, long cap, long *len);
#endif
