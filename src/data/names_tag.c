// names_tag.c - the name-tagging sentences of names_tag.h.
#include "names_tag.h"
#include <string.h>

// Lower case: the network sees words, not capitals, so "potter" is the same
// token whether it is a surname or a job.
static const char *const WORDS[] = {
    ".", ",", "the", "a",
    "yesterday", "today", "later",
    "harry", "hermione", "ron", "ginny", "luna", "neville", "rose", "albus",   // first names
    "potter", "granger", "weasley", "lovegood", "baker", "longbottom",         // surnames
    "teacher", "driver", "tulip",                                              // jobs, flowers: potter, baker, rose too
    "met", "saw", "called", "helped", "thanked",
    "in", "at", "london", "school", "market",
};
#define NWORDS ((int)(sizeof WORDS / sizeof WORDS[0]))

int names_vocab_size(void) { return NWORDS; }
const char *names_word(int id) { return id >= 0 && id < NWORDS ? WORDS[id] : NULL; }

static int id_of(const char *w) {
    for (int i = 0; i < NWORDS; i++) if (strcmp(WORDS[i], w) == 0) return i;
    return -1;
}

static const char *const TIMES[] = {"yesterday", "today", "later"};
static const char *const FIRSTS[] = {"harry", "hermione", "ron", "ginny", "luna", "neville", "rose", "albus"};
static const char *const LASTS[] = {"potter", "granger", "weasley", "lovegood", "baker", "longbottom"};
static const char *const JOBS[] = {"potter", "baker", "teacher", "driver"};
static const char *const FLOWERS[] = {"rose", "tulip"};
static const char *const VERBS[] = {"met", "saw", "called", "helped", "thanked"};
#define PICK(r, a) (a[rnn_rng_range(r, 0, (int64_t)(sizeof a / sizeof a[0]) - 1)])

static void put(names_sentence *s, const char *w, int tag) {
    s->words[s->len] = id_of(w);
    s->tags[s->len] = tag;
    s->len++;
}

// A name (first name, maybe a surname), or "the" and a job, or (as an
// object) "a" and a flower.
static void person(rnn_rng *r, names_sentence *s, int object) {
    const float u = rnn_rng_float(r);
    if (u < 0.7f) {
        put(s, PICK(r, FIRSTS), 1);
        if (rnn_rng_float(r) < 0.6f) put(s, PICK(r, LASTS), 1);
    } else if (u < 0.9f || !object) {
        put(s, "the", 0);
        put(s, PICK(r, JOBS), 0);
    } else {
        put(s, "a", 0);
        put(s, PICK(r, FLOWERS), 0);
    }
}

static void draw(rnn_rng *r, names_sentence *s) {
    s->len = 0;
    if (rnn_rng_float(r) < 0.5f) { put(s, PICK(r, TIMES), 0); put(s, ",", 0); }
    person(r, s, 0);
    put(s, PICK(r, VERBS), 0);
    person(r, s, 1);
    const float u = rnn_rng_float(r);
    if (u < 0.15f) { put(s, "in", 0); put(s, "london", 0); }
    else if (u < 0.3f) { put(s, "at", 0); put(s, "school", 0); }
    else if (u < 0.4f) { put(s, "at", 0); put(s, "the", 0); put(s, "market", 0); }
    put(s, ".", 0);
}

// The lecture's sentence, "Yesterday, Harry Potter met Hermione Granger."
static const char *const LECTURE[] = {"yesterday", ",", "harry", "potter", "met", "hermione", "granger", "."};
static const int LECTURE_TAGS[] = {0, 0, 1, 1, 0, 1, 1, 0};
#define LECTURE_LEN ((int)(sizeof LECTURE / sizeof LECTURE[0]))

void names_lecture(names_sentence *out) {
    out->len = 0;
    for (int i = 0; i < LECTURE_LEN; i++) put(out, LECTURE[i], LECTURE_TAGS[i]);
}

static int is_lecture(const names_sentence *s) {
    if (s->len != LECTURE_LEN) return 0;
    for (int i = 0; i < LECTURE_LEN; i++) if (s->words[i] != id_of(LECTURE[i])) return 0;
    return 1;
}

// The lecture's sentence is always held out (the widget shows it as a
// sentence the network never trained on); the rest by a hash of the words.
names_split names_split_of(const names_sentence *s) {
    if (is_lecture(s)) return NAMES_HELDOUT;
    uint32_t h = 2166136261u;
    for (int i = 0; i < s->len; i++) { h ^= (uint32_t)s->words[i]; h *= 16777619u; }
    return h % NAMES_HELD_OUT == 0 ? NAMES_HELDOUT : NAMES_TRAIN;
}

rnn_status names_generate(rnn_rng *r, names_split split, names_sentence *out) {
    if (split != NAMES_ANY && split != NAMES_TRAIN && split != NAMES_HELDOUT)
        return rnn_fail(RNN_E_ARG, "names split %d not in -1..1", (int)split);
    do draw(r, out); while (split != NAMES_ANY && names_split_of(out) != split);
    return RNN_OK;
}
