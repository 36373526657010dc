// names_tag.h - sentences with people's names to tag, for the aligned
// many-to-many example of the architectures widget ("Yesterday, Harry Potter
// met Hermione Granger."): one tag per word, 1 = part of a name, 0 = not.
//
//   sentence  [TIME ,] PERSON VERB PERSON [PLACE] .
//   PERSON    FIRST [LAST]   (a name)  |  the JOB / a FLOWER   (not a name)
// Some words are names only in context: "potter" and "baker" are surnames
// after a first name and jobs after "the" ("harry potter met the potter .");
// "rose" is a first name, and a flower after "a". So a tagger must read the
// words before the one it tags: exactly what an aligned RNN sees.
// Tokens are word ids (names_word), all lower case ("yesterday , harry potter
// met hermione granger ."); "," and "." are words too.
// Train / held-out split by a hash of the words (one in NAMES_HELD_OUT held out);
// the lecture's sentence itself is always held out.
#ifndef RNN_NAMES_TAG_H
#define RNN_NAMES_TAG_H
#include "../rng.h"
#include "../status.h"

#define NAMES_MAX_WORDS 13   // TIME , F L VERB F L at the market . = 11 in practice
#define NAMES_HELD_OUT 5

typedef enum { NAMES_TRAIN = 0, NAMES_HELDOUT = 1, NAMES_ANY = -1 } names_split;

typedef struct {
    int words[NAMES_MAX_WORDS];
    int tags[NAMES_MAX_WORDS];
    int len;
} names_sentence;

int names_vocab_size(void);
const char *names_word(int id);   // NULL out of range
// Draws sentences from r until one falls in split; fills *out.
rnn_status names_generate(rnn_rng *r, names_split split, names_sentence *out);
// The lecture's sentence with its tags: "yesterday , harry potter met hermione
// granger ." = 0 0 1 1 0 1 1 0.
void names_lecture(names_sentence *out);
// Which split a sentence falls in (NAMES_TRAIN or NAMES_HELDOUT).
names_split names_split_of(const names_sentence *s);
#endif
