// api_tasks.c - the exported C ABI of the lecture widgets' data: the task
// generators (data/reviews.h, data/ball.h, data/memory_task.h) and the named
// limits of those and of the n-gram model (whose exports are api_ngram.c).
// Plain ints, floats, doubles and pointers into the module's memory; the
// caller allocates every output array (sizes in the comments); failures
// return a non-zero status (or NULL) and rnn_error() gives the reason.
// js/engine.js declares each of these once (EXPORTS, block "api_tasks").
#include "api.h"
#include "data/ball.h"
#include "data/memory_task.h"
#include "data/reviews.h"
#include "models/ngram.h"
#include <string.h>

static void seed_rng(rnn_rng *r, int seed) { rnn_rng_seed(r, (uint64_t)(uint32_t)seed); }

static int check_count(int count) {
    return count < 0 || count > 1000000 ? (int)rnn_fail(RNN_E_ARG, "count %d not in 0..1000000", count) : 0;
}

// out[9]: NGRAM_MAX_ORDER, NGRAM_MAX_VOCAB, NGRAM_MAX_TOKENS, REVIEWS_VOCAB,
// REVIEWS_MAX_WORDS, BALL_MAX_GRID, BALL_MAX_FRAMES, MEMORY_MAX_SYMBOLS, MEMORY_MAX_GAP
API void rnn_tasks_limits(int *out) {
    const int v[9] = {NGRAM_MAX_ORDER, NGRAM_MAX_VOCAB, (int)NGRAM_MAX_TOKENS, REVIEWS_VOCAB, REVIEWS_MAX_WORDS,
                      BALL_MAX_GRID, BALL_MAX_FRAMES, MEMORY_MAX_SYMBOLS, MEMORY_MAX_GAP};
    memcpy(out, v, sizeof v);
}

// ----------------------------------------------------------------- reviews

// The 15 words in index order, one per line (UTF-8, NUL-terminated).
API const char *rnn_reviews_vocab(void) {
    static char buf[REVIEWS_VOCAB * 16];
    if (!buf[0]) {
        size_t n = 0;
        for (int i = 0; i < REVIEWS_VOCAB; i++) {
            const size_t k = strlen(reviews_word(i));
            memcpy(buf + n, reviews_word(i), k);
            n += k;
            buf[n++] = '\n';
        }
        buf[n] = '\0';
    }
    return buf;
}

// polarity[15] (+1, -1, 0) and cls[15] (reviews_class: article, noun, verb,
// adjective, connective).
API void rnn_reviews_lexicon(int *polarity, int *cls) {
    for (int i = 0; i < REVIEWS_VOCAB; i++) { polarity[i] = reviews_polarity(i); cls[i] = (int)reviews_class_of(i); }
}

// The lecture slide's W_ax (data/reviews.h), by word id: column[15] (the
// slide's column, 1..15), named[15] (1: the slide names the word) and
// wax[3*15] (row-major [row][id]: filme, sentim., gênero).
API void rnn_reviews_slide(int *column, int *named, float *wax) {
    for (int i = 0; i < REVIEWS_VOCAB; i++) {
        column[i] = reviews_slide_column(i);
        named[i] = reviews_slide_named(i);
        for (int r = 0; r < REVIEWS_SLIDE_ROWS; r++) wax[r * REVIEWS_VOCAB + i] = (float)reviews_slide_weight(r, i);
    }
}

// count reviews of split (0 train, 1 held-out, -1 any) from one stream
// seeded with seed: words[count*REVIEWS_MAX_WORDS] (padded with -1),
// lens[count], labels[count] (+1 / -1).
API int rnn_reviews_generate(int seed, int count, int split, int *words, int *lens, int *labels) {
    if (check_count(count)) return RNN_E_ARG;
    rnn_rng r;
    seed_rng(&r, seed);
    for (int i = 0; i < count; i++) {
        review v;
        const rnn_status st = reviews_generate(&v, (reviews_split)split, &r);
        if (st) return st;
        int *w = words + (long)i * REVIEWS_MAX_WORDS;
        for (int t = 0; t < REVIEWS_MAX_WORDS; t++) w[t] = t < v.len ? v.words[t] : -1;
        lens[i] = v.len;
        labels[i] = v.label;
    }
    return RNN_OK;
}

// The rule's label of any word ids (+1, -1, 0 for no decision) and its split.
API int rnn_reviews_label(const int *words, int n) { return reviews_label(words, n); }
API int rnn_reviews_split(const int *words, int n) { return (int)reviews_split_of(words, n); }

// Words of a UTF-8 text: ids[cap] (-1 unknown), byte starts[cap], byte lens[cap].
API int rnn_reviews_tokenize(const char *text, int len, int *ids, int *starts, int *lens, int cap, int *count) {
    return reviews_tokenize(text, len, ids, starts, lens, cap, count);
}

// -------------------------------------------------------- ball trajectories

// cells[count*frames], x[count*frames*grid*grid] one-hot frames (or NULL),
// labels[count] (direction).
API int rnn_ball_generate(int grid, int frames, int dirs, int seed, int count, int *cells, float *x, int *labels) {
    const ball_config c = {grid, frames, dirs};
    if (ball_check(&c) || check_count(count)) return RNN_E_ARG;
    const long G2 = (long)grid * grid;
    rnn_rng r;
    seed_rng(&r, seed);
    for (int i = 0; i < count; i++) {
        int *cl = cells + (long)i * frames;
        ball_generate(&c, &r, cl, &labels[i]);
        if (!x) continue;
        float *xi = x + (long)i * frames * G2;
        memset(xi, 0, sizeof(float) * (size_t)(frames * G2));
        for (int t = 0; t < frames; t++) xi[t * G2 + cl[t]] = 1.0f;
    }
    return RNN_OK;
}

// ---------------------------------------------------------- memory-gap task

// tokens[count*gap], targets[count]; the vocabulary is cues + distractors + 1.
API int rnn_memory_generate(int cues, int distractors, int gap, int seed, int count, int *tokens, int *targets) {
    const memory_config c = {cues, distractors, gap};
    if (memory_check(&c) || check_count(count)) return RNN_E_ARG;
    rnn_rng r;
    seed_rng(&r, seed);
    for (int i = 0; i < count; i++) memory_generate(&c, &r, tokens + (long)i * gap, &targets[i]);
    return RNN_OK;
}
