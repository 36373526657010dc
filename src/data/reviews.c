// reviews.c - the review grammar, its labelling rule, the hash split and the
// word tokenizer (see reviews.h).
#include "reviews.h"
#include "utf8.h"
#include <stdlib.h>
#include <string.h>

enum { M = 1, F = 2, MF = 3 }; // grammatical gender a word agrees with

typedef struct {
    const char *text;
    reviews_class cls;
    int polarity, gender;
} lexeme;

static const lexeme LEXICON[REVIEWS_VOCAB] = {
    {"ator", RW_NOUN, 0, M},           {"a", RW_ARTICLE, 0, F},           {"boa", RW_ADJECTIVE, +1, F},
    {"bom", RW_ADJECTIVE, +1, M},      {"chato", RW_ADJECTIVE, -1, M},    {"\xc3\xa9", RW_VERB, 0, MF},
    {"filme", RW_NOUN, 0, M},          {"horr\xc3\xadvel", RW_ADJECTIVE, -1, MF},
    {"incr\xc3\xadvel", RW_ADJECTIVE, +1, MF},                           {"lindo", RW_ADJECTIVE, +1, M},
    {"mas", RW_CONNECTIVE, 0, MF},     {"m\xc3\xbasica", RW_NOUN, 0, F},  {"o", RW_ARTICLE, 0, M},
    {"p\xc3\xa9ssimo", RW_ADJECTIVE, -1, M},                             {"roteiro", RW_NOUN, 0, M},
};
enum { W_E = 5, W_MAS = 10 };

const char *reviews_word(int id) { return id >= 0 && id < REVIEWS_VOCAB ? LEXICON[id].text : NULL; }
int reviews_polarity(int id) { return id >= 0 && id < REVIEWS_VOCAB ? LEXICON[id].polarity : 0; }
reviews_class reviews_class_of(int id) { return id >= 0 && id < REVIEWS_VOCAB ? LEXICON[id].cls : RW_CONNECTIVE; }

// The slide's matrix as it prints it, by column 1..15 (see reviews.h).
static const signed char SLIDE_WAX[REVIEWS_SLIDE_ROWS][REVIEWS_VOCAB] = {
    {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0},    // filme
    {0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, -1, 0, 0},  // sentim.
    {1, 1, 0, 0, 0, -1, 0, 0, 0, 0, 1, -1, -1, -1, 0}, // gênero (grammatical gender)
};

int reviews_slide_column(int id) { return id < 0 || id >= REVIEWS_VOCAB ? 0 : id == 0 ? REVIEWS_VOCAB : id; }
int reviews_slide_named(int id) {
    const int c = reviews_slide_column(id);
    return c && c != 3 && c != 4 && c != 8 && c != 9 && c != 15;
}
int reviews_slide_weight(int row, int id) {
    const int c = reviews_slide_column(id);
    return row < 0 || row >= REVIEWS_SLIDE_ROWS || !c ? 0 : SLIDE_WAX[row][c - 1];
}

// A uniformly drawn word of class cls agreeing with gender g (and, for
// adjectives, of polarity pol).
static int draw_word(rnn_rng *r, reviews_class cls, int g, int pol) {
    int pool[REVIEWS_VOCAB], n = 0;
    for (int i = 0; i < REVIEWS_VOCAB; i++) {
        const lexeme *x = &LEXICON[i];
        if (x->cls == cls && (x->gender & g) && (cls != RW_ADJECTIVE || x->polarity == pol)) pool[n++] = i;
    }
    return pool[rnn_rng_range(r, 0, n - 1)];
}

// "ART NOUN é ADJ" or "NOUN ADJ"; returns the number of words written.
static int clause(int *w, rnn_rng *r) {
    const int noun = draw_word(r, RW_NOUN, MF, 0), g = LEXICON[noun].gender;
    const int pol = rnn_rng_range(r, 0, 1) ? +1 : -1;
    const int adj = draw_word(r, RW_ADJECTIVE, g, pol);
    if (rnn_rng_range(r, 0, 1)) {
        w[0] = draw_word(r, RW_ARTICLE, g, 0); w[1] = noun; w[2] = W_E; w[3] = adj;
        return 4;
    }
    w[0] = noun; w[1] = adj;
    return 2;
}

static int part(int *w, rnn_rng *r) {
    int n = clause(w, r);
    if (rnn_rng_range(r, 0, 1)) n += clause(w + n, r);
    return n;
}

int reviews_label(const int *words, int len) {
    int before = 0, after = 0, seen_mas = 0;
    for (int i = 0; i < len; i++) {
        if (words[i] == W_MAS) { seen_mas = 1; continue; }
        if (seen_mas) after += reviews_polarity(words[i]);
        else before += reviews_polarity(words[i]);
    }
    const int total = before + after;
    if (total != 0) return total > 0 ? +1 : -1;
    return after > 0 ? +1 : after < 0 ? -1 : 0;
}

reviews_split reviews_split_of(const int *words, int len) {
    uint32_t h = 2166136261u; // FNV-1a over the word indices
    for (int i = 0; i < len; i++) { h ^= (uint32_t)words[i]; h *= 16777619u; }
    return h % REVIEWS_HELD_OUT == 0 ? REVIEWS_HELDOUT : REVIEWS_TRAIN;
}

rnn_status reviews_generate(review *out, reviews_split split, rnn_rng *r) {
    if (split != REVIEWS_TRAIN && split != REVIEWS_HELDOUT && split != REVIEWS_ANY)
        return rnn_fail(RNN_E_ARG, "review split %d (0 train, 1 held-out, -1 any)", (int)split);
    for (;;) {
        int n = part(out->words, r);
        if (rnn_rng_range(r, 0, 1)) {
            out->words[n++] = W_MAS;
            n += part(out->words + n, r);
        }
        out->len = n;
        out->label = reviews_label(out->words, n);
        if (out->label != 0 && (split == REVIEWS_ANY || reviews_split_of(out->words, n) == split)) return RNN_OK;
    }
}

// ---------------------------------------------------------------- tokenizer

static int is_word_char(uint32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
    if (c >= 0xC0 && c <= 0xFF) return c != 0xD7 && c != 0xF7; // Latin-1 letters, not x and ÷
    return c >= 0x100;                                         // any other script: part of a word
}

static uint32_t lower(uint32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32; // À..Þ -> à..þ
    return c;
}

// The index of the lowercase UTF-8 word w (n bytes), or -1.
static int lookup(const char *w, int n) {
    for (int i = 0; i < REVIEWS_VOCAB; i++)
        if ((int)strlen(LEXICON[i].text) == n && memcmp(LEXICON[i].text, w, (size_t)n) == 0) return i;
    return -1;
}

rnn_status reviews_tokenize(const char *text, long len, int *ids, int *starts, int *lens, int cap, int *count) {
    *count = 0;
    if (len < 0 || cap < 0) return rnn_fail(RNN_E_ARG, "tokenize: length %ld, capacity %d", len, cap);
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)(len ? len : 1));
    if (!cps) return rnn_fail(RNN_E_NOMEM, "tokenize: %ld bytes", len);
    long n = 0;
    rnn_status st = utf8_decode(text, len, cps, &n);
    char word[64];
    int wn = 0, too_long = 0;
    long byte = 0, start = 0;
    for (long i = 0; i <= n && !st; i++) {
        char enc[4];
        const int bl = i < n ? utf8_encode(cps[i], enc) : 0;
        if (i < n && is_word_char(cps[i])) {
            if (wn == 0 && !too_long) start = byte;
            const int k = utf8_encode(lower(cps[i]), enc);
            if (wn + k <= (int)sizeof word) { memcpy(word + wn, enc, (size_t)k); wn += k; }
            else too_long = 1;
        } else if (wn > 0 || too_long) {
            if (*count >= cap) { st = rnn_fail(RNN_E_ARG, "tokenize: more than %d words", cap); break; }
            ids[*count] = too_long ? -1 : lookup(word, wn);
            starts[*count] = (int)start;
            lens[*count] = (int)(byte - start);
            (*count)++;
            wn = 0; too_long = 0;
        }
        byte += bl;
    }
    free(cps);
    return st;
}
