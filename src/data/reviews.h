// reviews.h - short Portuguese film reviews over the lecture's 15-word
// vocabulary, for the many-to-one sentiment widget (docs/tasks.md).
//
//   index: 0 ator  1 a  2 boa  3 bom  4 chato  5 é  6 filme  7 horrível
//          8 incrível  9 lindo  10 mas  11 música  12 o  13 péssimo  14 roteiro
// (the slide fixes 1, 2, 5, 6, 7, 10, 11, 12, 13, 14; the project chose
// 0 ator, 3 bom, 4 chato, 8 incrível, 9 lindo)
//
// A review is one or two parts joined by "mas"; a part is one or two clauses;
// a clause is "ART NOUN é ADJ" ("o filme é péssimo") or "NOUN ADJ" ("roteiro
// horrível"), with gender agreement (o/a, bom/boa). The label is +1 (positive)
// or -1 (negative): the majority of the sentiment words decides, and on a tie
// the part after "mas" decides ("o filme é péssimo mas a música é boa" is +1:
// what follows "mas" is the speaker's conclusion). A review without "mas"
// never ties. The lecture's review "o filme é péssimo roteiro horrível mas a
// música é boa" has two negative words against one positive: -1.
// Train / held-out split by a hash of the words: a review is always in the
// same split, whatever the seed.
#ifndef RNN_REVIEWS_H
#define RNN_REVIEWS_H
#include "../rng.h"
#include "../status.h"

#define REVIEWS_VOCAB 15
#define REVIEWS_MAX_WORDS 17   // 2 parts x 2 clauses x 4 words + "mas"
#define REVIEWS_HELD_OUT 5     // one review in 5 (by hash) is held out

typedef enum { REVIEWS_TRAIN = 0, REVIEWS_HELDOUT = 1, REVIEWS_ANY = -1 } reviews_split;
typedef enum { RW_ARTICLE = 0, RW_NOUN = 1, RW_VERB = 2, RW_ADJECTIVE = 3, RW_CONNECTIVE = 4 } reviews_class;

typedef struct {
    int words[REVIEWS_MAX_WORDS];
    int len;
    int label;   // +1 / -1
} review;

const char *reviews_word(int id);        // UTF-8 word of an index, NULL out of range
int reviews_polarity(int id);            // +1, -1 or 0 (not a sentiment word)
reviews_class reviews_class_of(int id);
// Draws reviews from r until one falls in split; fills *out.
rnn_status reviews_generate(review *out, reviews_split split, rnn_rng *r);
// The label of any word sequence by the rule above (0: tie without "mas", or
// no sentiment word).
int reviews_label(const int *words, int len);
reviews_split reviews_split_of(const int *words, int len);
// The lecture slide's W_ax (rows filme, sentim., gênero; columns 1..15).
// The slide numbers a 1, boa 2, é 5, filme 6, horrível 7, mas 10, música 11,
// o 12, péssimo 13, roteiro 14: the same as the ids. It names no word in
// columns 3, 4, 8, 9 (here bom, chato, incrível, lindo) or 15 (here ator,
// id 0), and its matrix is 0 there. Rows: filme = 1 for filme and roteiro;
// sentim. = +1 boa, -1 horrível, péssimo; gênero = grammatical gender,
// +1 feminine (a, boa, música), -1 masculine (o, filme, péssimo, roteiro),
// 0 both (é, horrível, mas).
#define REVIEWS_SLIDE_ROWS 3
int reviews_slide_column(int id);        // 1..15, 0 out of range
int reviews_slide_named(int id);         // 1 if the slide names the word
int reviews_slide_weight(int row, int id);
// Lowercases and splits a UTF-8 text on everything that is not a letter;
// for each word: its index (-1 unknown), byte offset and byte length in text.
// *count = the number of words (at most cap are written; more is an error).
rnn_status reviews_tokenize(const char *text, long len, int *ids, int *starts, int *lens, int cap, int *count);
#endif
