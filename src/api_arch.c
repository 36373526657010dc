// api_arch.c - the exported C ABI of the architectures widget's data: the
// seven-segment digits and counting on (data/arch_tasks.h) and the
// name-tagging sentences (data/names_tag.h), and the encoder-decoder's
// parameters tensor by tensor (models/seq2seq.h). The caller allocates every
// output array (sizes in the comments); failures return a non-zero status
// and rnn_error() gives the reason. js/engine.js: EXPORTS block api_arch.
#include "api.h"
#include "data/arch_tasks.h"
#include "data/names_tag.h"
#include "models/seq2seq.h"
#include <string.h>

static int check_count(int count) {
    return count < 0 || count > 1000000 ? (int)rnn_fail(RNN_E_ARG, "count %d not in 0..1000000", count) : 0;
}

// out[3]: SEG7_SEGMENTS, COUNT_MAX_LEN, NAMES_MAX_WORDS
API void rnn_arch_limits(int *out) {
    const int v[3] = {SEG7_SEGMENTS, COUNT_MAX_LEN, NAMES_MAX_WORDS};
    memcpy(out, v, sizeof v);
}

// count noisy seven-segment digits: x[count*7], digit[count]; noise in [0, 1].
API int rnn_seg7_generate(int seed, int count, float noise, float *x, int *digit) {
    if (check_count(count)) return RNN_E_ARG;
    if (!(noise >= 0.0f && noise <= 1.0f)) return rnn_fail(RNN_E_ARG, "noise %g not in [0, 1]", (double)noise);
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)(uint32_t)seed);
    for (int i = 0; i < count; i++) digit[i] = seg7_generate(&r, noise, x + (long)i * SEG7_SEGMENTS);
    return RNN_OK;
}

// count start digits start[count] and the digits counting on from each, out[count*len].
API int rnn_count_generate(int seed, int count, int len, int *start, int *out) {
    if (check_count(count)) return RNN_E_ARG;
    if (len < 1 || len > COUNT_MAX_LEN) return rnn_fail(RNN_E_ARG, "length %d not in 1..%d", len, COUNT_MAX_LEN);
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)(uint32_t)seed);
    for (int i = 0; i < count; i++) start[i] = count_generate(&r, len, out + (long)i * len);
    return RNN_OK;
}

// Every word of the name-tagging sentences, id order, each followed by "\n".
API const char *rnn_names_vocab(void) {
    static char buf[1024];
    if (!buf[0]) {
        size_t n = 0;
        for (int i = 0; i < names_vocab_size(); i++) {
            const size_t k = strlen(names_word(i));
            memcpy(buf + n, names_word(i), k);
            n += k;
            buf[n++] = '\n';
        }
        buf[n] = '\0';
    }
    return buf;
}

// count sentences of `split` (0 train, 1 held out, -1 any): words and tags
// [count*NAMES_MAX_WORDS] (unused slots -1), len[count].
API int rnn_names_generate(int seed, int count, int split, int *words, int *tags, int *len) {
    if (check_count(count)) return RNN_E_ARG;
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)(uint32_t)seed);
    for (int i = 0; i < count; i++) {
        names_sentence s;
        const rnn_status st = names_generate(&r, (names_split)split, &s);
        if (st) return st;
        for (int k = 0; k < NAMES_MAX_WORDS; k++) {
            words[(long)i * NAMES_MAX_WORDS + k] = k < s.len ? s.words[k] : -1;
            tags[(long)i * NAMES_MAX_WORDS + k] = k < s.len ? s.tags[k] : -1;
        }
        len[i] = s.len;
    }
    return RNN_OK;
}

// The lecture's sentence "Yesterday, Harry Potter met Hermione Granger." as
// the tagger's words and tags: words[NAMES_MAX_WORDS], tags[NAMES_MAX_WORDS]
// (unused slots -1); info[2] = its length, its split (1: held out).
API void rnn_names_lecture(int *words, int *tags, int *info) {
    names_sentence s;
    names_lecture(&s);
    for (int k = 0; k < NAMES_MAX_WORDS; k++) {
        words[k] = k < s.len ? s.words[k] : -1;
        tags[k] = k < s.len ? s.tags[k] : -1;
    }
    info[0] = s.len;
    info[1] = (int)names_split_of(&s);
}

// The encoder-decoder's parameters, tensor by tensor (the architectures
// widget shows the encoder and the decoder as two networks with their own
// weights; tests/node/architectures.test.mjs checks that they are).
// table[8*3]: for eU, eW, eb, dU, dW, db, Wy, by (seq2seq.h order): the
// offset in the parameter block, rows, cols (engine layout: U [in, H], W [H, H],
// Wy [H, V]); params[cap] gets the whole block (cap >= the parameter count).
API int rnn_ed_tensors(const s2s_model *m, int *table, float *params, int cap) {
    if (!m) return rnn_fail(RNN_E_ARG, "encoder-decoder: NULL model");
    if (cap < m->nparams) return rnn_fail(RNN_E_ARG, "room for %d values, %ld needed", cap, m->nparams);
    const real *p[S2S_NTENSORS] = {m->p.eU, m->p.eW, m->p.eb, m->p.dU, m->p.dW, m->p.db, m->p.Wy, m->p.by};
    const int rows[S2S_NTENSORS] = {m->V, m->H, 1, m->I, m->H, 1, m->H, 1};
    const int cols[S2S_NTENSORS] = {m->H, m->H, m->H, m->H, m->H, m->H, m->V, m->V};
    for (int k = 0; k < S2S_NTENSORS; k++) {
        table[3 * k] = (int)(p[k] - m->params);
        table[3 * k + 1] = rows[k];
        table[3 * k + 2] = cols[k];
    }
    for (long i = 0; i < m->nparams; i++) params[i] = (float)m->params[i];
    return RNN_OK;
}
