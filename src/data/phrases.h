// phrases.h - Portuguese <-> English phrase pairs from a small grammar, for
// the translation and architectures widgets (the lecture's seq2seq section).
//
//   sentence  SUBJ [não] VERB OBJ
//   SUBJ/OBJ  ART NOUN [ADJ]          pt: "o gato pequeno"   en: "the small cat"
//   VERB      vê / come / gosta de    en: sees / eats / likes
//   negation  pt: "não vê"                    en: "does not see"
// so the two sides differ in word order (the adjective follows the noun in
// Portuguese, precedes it in English) and in length ("não vê" = "does not
// see", "gosta de um" = "likes a"; but "gosta do" = "likes the").
// Articles and adjectives agree in gender in Portuguese (o/a, um/uma,
// pequeno/pequena). Every sentence, on both sides, ends with the end-of-sentence
// token "." (PHRASE_EOS).
//
// Tokens: one vocabulary for both languages (ids 0..phrase_vocab_size()-1;
// 0 = ".", 1 = "<go>", the decoder's first input, never in a sentence); a
// word spelled the same in both languages shares its id ("a": the
// Portuguese feminine article and the English indefinite one).
// Train / held-out split by a hash of the Portuguese words: a sentence is
// always in the same split, whatever the seed (one in PHRASE_HELD_OUT held out).
#ifndef RNN_PHRASES_H
#define RNN_PHRASES_H
#include "../rng.h"
#include "../status.h"

#define PHRASE_MAX_WORDS 12   // longest side, with the final "." (10 in practice)
#define PHRASE_EOS 0
#define PHRASE_GO 1
#define PHRASE_HELD_OUT 5

typedef enum { PHRASE_TRAIN = 0, PHRASE_HELDOUT = 1, PHRASE_ANY = -1 } phrase_split;

// What makes a pair hard for an aligned (one output per input) network.
enum { PHRASE_LENGTHS_DIFFER = 1, PHRASE_ORDER_DIFFERS = 2 };

typedef struct {
    int pt[PHRASE_MAX_WORDS], en[PHRASE_MAX_WORDS];
    int pt_len, en_len;   // with the final "."
    int flags;            // PHRASE_LENGTHS_DIFFER | PHRASE_ORDER_DIFFERS
} phrase_pair;

int phrase_vocab_size(void);
const char *phrase_word(int id);               // NULL out of range
// The id of a word (exact bytes, n of them), or -1.
int phrase_lookup(const char *w, int n);
phrase_split phrase_split_of(const int *pt, int n);
// Draws pairs from r until one falls in split (or any); fills *out.
rnn_status phrase_generate(rnn_rng *r, phrase_split split, phrase_pair *out);

// Splits text into words: runs of letters (ASCII and the Latin-1 letters
// of Portuguese, "á".."ÿ"), lower-cased ("NÃO" -> "não"); every other
// character (spaces, punctuation, dashes, emoji) separates words and is
// dropped (the caller adds the final "."). A word longer than 62 bytes is unknown.
// For each word: its id (-1 if unknown), byte start and length in text.
// At most cap words (more: RNN_E_ARG); *n = words found.
rnn_status phrase_tokenize(const char *text, int len, int *ids, int *starts, int *lens, int cap, int *n);
#endif
