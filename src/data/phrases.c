// phrases.c - the Portuguese <-> English grammar of phrases.h.
#include "phrases.h"
#include <string.h>

// The vocabulary: ".", "<go>", then Portuguese words, then English words.
static const char *const WORDS[] = {
    ".", "<go>",
    // Portuguese
    "o", "a", "um", "uma", "do", "da", "de", "não",
    "gato", "cão", "menino", "menina", "livro", "bola", "flor", "casa",
    "pequeno", "pequena", "grande", "feliz", "bonito", "bonita", "novo", "nova",
    "vê", "come", "gosta",
    // English ("a" is shared)
    "the", "does", "not",
    "cat", "dog", "boy", "girl", "book", "ball", "flower", "house",
    "small", "big", "happy", "pretty", "new",
    "sees", "see", "eats", "eat", "likes", "like",
};
#define NWORDS ((int)(sizeof WORDS / sizeof WORDS[0]))

// Nouns: Portuguese, gender (0 masculine, 1 feminine), English, animate.
typedef struct { const char *pt; int fem; const char *en; int animate; } noun;
static const noun NOUNS[] = {
    {"gato", 0, "cat", 1},  {"cão", 0, "dog", 1},    {"menino", 0, "boy", 1}, {"menina", 1, "girl", 1},
    {"livro", 0, "book", 0}, {"bola", 1, "ball", 0}, {"flor", 1, "flower", 0}, {"casa", 1, "house", 0},
};
#define NNOUNS ((int)(sizeof NOUNS / sizeof NOUNS[0]))

typedef struct { const char *m, *f, *en; } adjective;
static const adjective ADJS[] = {
    {"pequeno", "pequena", "small"}, {"grande", "grande", "big"}, {"feliz", "feliz", "happy"},
    {"bonito", "bonita", "pretty"}, {"novo", "nova", "new"},
};
#define NADJS ((int)(sizeof ADJS / sizeof ADJS[0]))

// Verbs: Portuguese, English third person, English base form; `de`: the
// Portuguese verb takes "de" (contracted with the article: do, da); `food`:
// its object is a thing (nobody eats the boy).
typedef struct { const char *pt, *en3, *en; int de, food; } verb;
static const verb VERBS[] = {
    {"vê", "sees", "see", 0, 0}, {"come", "eats", "eat", 0, 1}, {"gosta", "likes", "like", 1, 0},
};
#define NVERBS ((int)(sizeof VERBS / sizeof VERBS[0]))

int phrase_vocab_size(void) { return NWORDS; }
const char *phrase_word(int id) { return id >= 0 && id < NWORDS ? WORDS[id] : NULL; }

int phrase_lookup(const char *w, int n) {
    for (int i = 0; i < NWORDS; i++)
        if ((int)strlen(WORDS[i]) == n && memcmp(WORDS[i], w, (size_t)n) == 0) return i;
    return -1;
}

static int id_of(const char *w) { return phrase_lookup(w, (int)strlen(w)); }

// FNV-1a over the Portuguese ids.
phrase_split phrase_split_of(const int *pt, int n) {
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++) { h ^= (uint32_t)pt[i]; h *= 16777619u; }
    return h % PHRASE_HELD_OUT == 0 ? PHRASE_HELDOUT : PHRASE_TRAIN;
}

typedef struct { int *w; int n; } side;
static void put(side *s, const char *w) { s->w[s->n++] = id_of(w); }

typedef struct { int noun, adj, indef; } np;   // adj -1: none; indef: um/uma/a

// animate: 1 only people and animals, 0 only things, -1 any.
static np draw_np(rnn_rng *r, int animate) {
    np x;
    do x.noun = (int)rnn_rng_range(r, 0, NNOUNS - 1); while (animate >= 0 && NOUNS[x.noun].animate != animate);
    x.adj = rnn_rng_float(r) < 0.35f ? (int)rnn_rng_range(r, 0, NADJS - 1) : -1;
    x.indef = rnn_rng_float(r) < 0.3f;
    return x;
}

// Portuguese noun phrase; after "de" (with_de) the definite article contracts.
static void np_pt(side *s, np x, int with_de) {
    const noun *n = &NOUNS[x.noun];
    if (with_de && !x.indef) put(s, n->fem ? "da" : "do");
    else {
        if (with_de) put(s, "de");
        put(s, x.indef ? (n->fem ? "uma" : "um") : (n->fem ? "a" : "o"));
    }
    put(s, n->pt);
    if (x.adj >= 0) put(s, n->fem ? ADJS[x.adj].f : ADJS[x.adj].m);
}

static void np_en(side *s, np x) {
    put(s, x.indef ? "a" : "the");
    if (x.adj >= 0) put(s, ADJS[x.adj].en);
    put(s, NOUNS[x.noun].en);
}

static void draw_pair(rnn_rng *r, phrase_pair *p) {
    const int v = (int)rnn_rng_range(r, 0, NVERBS - 1);
    const np subj = draw_np(r, 1), obj = draw_np(r, VERBS[v].food ? 0 : -1);
    const int neg = rnn_rng_float(r) < 0.25f;
    side pt = {p->pt, 0}, en = {p->en, 0};
    np_pt(&pt, subj, 0);
    if (neg) put(&pt, "não");
    put(&pt, VERBS[v].pt);
    np_pt(&pt, obj, VERBS[v].de);
    put(&pt, ".");
    np_en(&en, subj);
    if (neg) { put(&en, "does"); put(&en, "not"); put(&en, VERBS[v].en); }
    else put(&en, VERBS[v].en3);
    np_en(&en, obj);
    put(&en, ".");
    p->pt_len = pt.n; p->en_len = en.n;
    p->flags = (pt.n != en.n ? PHRASE_LENGTHS_DIFFER : 0) | (subj.adj >= 0 || obj.adj >= 0 ? PHRASE_ORDER_DIFFERS : 0);
}

rnn_status phrase_generate(rnn_rng *r, phrase_split split, phrase_pair *out) {
    if (split != PHRASE_ANY && split != PHRASE_TRAIN && split != PHRASE_HELDOUT)
        return rnn_fail(RNN_E_ARG, "phrase split %d not in -1..1", (int)split);
    do draw_pair(r, out); while (split != PHRASE_ANY && phrase_split_of(out->pt, out->pt_len) != split);
    return RNN_OK;
}

// The letter at text[i] (ASCII, or a Latin-1 letter "á".."ÿ", "Á".."Þ": the
// accented letters of Portuguese), written lower case into out; returns its
// byte length, or 0 if it is not a letter (then *skip = the bytes to skip:
// the whole UTF-8 sequence of any other character, or one stray byte).
static int letter_at(const unsigned char *t, int i, int len, char *out, int *skip) {
    const unsigned char c = t[i];
    *skip = 1;
    if (c < 0x80) {
        if ((c | 32) < 'a' || (c | 32) > 'z') return 0;
        out[0] = (char)(c | 32);
        return 1;
    }
    if (c == 0xC3 && i + 1 < len && (t[i + 1] & 0xC0) == 0x80) {
        const unsigned char b = t[i + 1];
        *skip = 2;
        if (b == 0x97 || b == 0xB7) return 0;           // "×", "÷"
        out[0] = (char)c;
        out[1] = (char)(b < 0xA0 && b != 0x9F ? b + 0x20 : b);   // "Á" -> "á"; "ß" stays
        return 2;
    }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    while (n > 1 && (i + n > len || (t[i + n - 1] & 0xC0) != 0x80)) n--;
    *skip = n;
    return 0;
}

rnn_status phrase_tokenize(const char *text, int len, int *ids, int *starts, int *lens, int cap, int *n) {
    *n = 0;
    if (len < 0 || (len > 0 && !text)) return rnn_fail(RNN_E_ARG, "tokenize: text of %d bytes", len);
    const unsigned char *t = (const unsigned char *)text;
    char word[64];
    for (int i = 0; i < len;) {
        int skip, k = letter_at(t, i, len, word, &skip);
        if (!k) { i += skip; continue; }
        int j = i + k, w = k;
        while (j < len && (k = letter_at(t, j, len, word + (w <= (int)sizeof word - 2 ? w : 0), &skip)) > 0) {
            j += k;
            w += k;
        }
        if (*n >= cap) return rnn_fail(RNN_E_ARG, "tokenize: more than %d words", cap);
        ids[*n] = w <= (int)sizeof word - 2 ? phrase_lookup(word, w) : -1;
        starts[*n] = i; lens[*n] = j - i; (*n)++;
        i = j;
    }
    return RNN_OK;
}
