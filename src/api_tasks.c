// api_tasks.c - the exported C ABI of the lecture widgets' data and of the
// n-gram model: the Kneser-Ney model (models/ngram.h, models/ngram_text.h)
// and the task generators (data/reviews.h, data/ball.h, data/memory_task.h).
// Plain ints, floats, doubles and pointers into the module's memory; the
// caller allocates every output array (sizes in the comments); failures
// return a non-zero status (or NULL) and rnn_error() gives the reason.
// js/engine.js declares each of these once (TASK_EXPORTS).
#include "api.h"
#include "data/ball.h"
#include "data/memory_task.h"
#include "data/reviews.h"
#include "models/ngram.h"
#include "models/ngram_text.h"
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

// ------------------------------------------------------------- n-gram model

// The reference line of a text: out[3] = bits per character of data under
// the order-`order` model counted on train, characters of data, vocabulary.
API int rnn_ngram_text(const char *train, int train_len, const char *data, int data_len, int order, double *out) {
    double bpc; long chars; int vocab;
    const rnn_status st = ngram_text_bits(train, train_len, data, data_len, order, &bpc, &chars, &vocab);
    out[0] = bpc; out[1] = (double)chars; out[2] = vocab;
    return st;
}

// A model counted on tokens[n] (ids in 0..vocab-1); NULL on failure.
API ngram *rnn_ngram_create(const int *tokens, int n, int vocab, int order) {
    ngram *m = NULL;
    ngram_create(&m, tokens, n, vocab, order);
    return m;
}

// out[2]: total bits of tokens[n], bits per token.
API int rnn_ngram_bits(const ngram *m, const int *tokens, int n, double *out) {
    double bits = 0.0;
    const rnn_status st = n > 0 ? ngram_bits(m, tokens, n, &bits) : rnn_fail(RNN_E_DATA, "no tokens to score");
    out[0] = bits; out[1] = n > 0 ? bits / n : 0.0;
    return st;
}

// probs[V] (or NULL) = P(next | context[n]); *best = the argmax.
API int rnn_ngram_predict(const ngram *m, const int *context, int n, float *probs, int *best) {
    return ngram_predict(m, context, n, probs, best);
}

// count sequences of len tokens (seqs[count*len]) with their targets[count]:
// out[2] = the fraction whose argmax prediction is the target, and the mean
// probability given to the target.
API int rnn_ngram_accuracy(const ngram *m, const int *seqs, int count, int len, const int *targets, double *out) {
    out[0] = out[1] = 0.0;
    if (count < 1 || len < 0) return rnn_fail(RNN_E_ARG, "accuracy of %d sequences of %d tokens", count, len);
    long right = 0;
    double mass = 0.0;
    for (int i = 0; i < count; i++) {
        int best = -1;
        const rnn_status st = ngram_predict(m, seqs + (long)i * len, len, NULL, &best);
        if (st) return st;
        if (targets[i] < 0 || targets[i] >= ngram_vocab(m)) return rnn_fail(RNN_E_ARG, "target %d of sequence %d", targets[i], i);
        const int from = len - (ngram_order(m) - 1) > 0 ? len - (ngram_order(m) - 1) : 0;
        right += best == targets[i];
        mass += ngram_prob(m, seqs + (long)i * len + from, len - from, targets[i]);
    }
    out[0] = (double)right / count;
    out[1] = mass / count;
    return RNN_OK;
}

// out[10]: order, vocab, distinct grams, bytes, D_1..D_6 (0 past the order)
API void rnn_ngram_info(const ngram *m, double *out) {
    out[0] = ngram_order(m); out[1] = ngram_vocab(m); out[2] = (double)ngram_entries(m); out[3] = (double)ngram_bytes(m);
    for (int k = 1; k <= NGRAM_MAX_ORDER; k++) out[3 + k] = ngram_discount(m, k);
}

API void rnn_ngram_free(ngram *m) { ngram_free(m); }

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
