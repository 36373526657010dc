// api_translate.c - the exported C ABI of the translation widget and the
// architectures widget's encoder-decoder: the Portuguese <-> English phrase
// generator (data/phrases.h) and a general encoder-decoder over token ids
// (models/seq2seq.h: separate encoder and decoder weights, greedy decoding).
// Plain ints, floats, doubles and pointers into the module's memory; the
// caller allocates every output array (sizes in the comments); failures
// return a non-zero status (or NULL) and rnn_error() gives the reason.
// js/engine.js declares each of these once (its EXPORTS block api_translate).
#include "api.h"
#include "data/phrases.h"
#include "models/seq2seq.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

// ------------------------------------------------------------ phrase pairs

// out[5]: vocabulary size, "." id, "<go>" id, PHRASE_MAX_WORDS, PHRASE_HELD_OUT
API void rnn_phrase_info(int *out) {
    const int v[5] = {phrase_vocab_size(), PHRASE_EOS, PHRASE_GO, PHRASE_MAX_WORDS, PHRASE_HELD_OUT};
    memcpy(out, v, sizeof v);
}

// Every word, id order, each followed by "\n" (a static string).
API const char *rnn_phrase_vocab(void) {
    static char buf[2048];
    if (!buf[0]) {
        size_t n = 0;
        for (int i = 0; i < phrase_vocab_size(); i++) {
            const size_t k = strlen(phrase_word(i));
            memcpy(buf + n, phrase_word(i), k);
            n += k;
            buf[n++] = '\n';
        }
        buf[n] = '\0';
    }
    return buf;
}

// count pairs of `split` (0 train, 1 held out, -1 any) from one stream seeded
// with seed: pt[count*PHRASE_MAX_WORDS], pt_len[count], en[...], en_len[count],
// flags[count] (1: the lengths differ, 2: the word order differs). Each side
// ends with "." (id 0); unused slots are -1.
API int rnn_phrase_generate(int seed, int count, int split, int *pt, int *pt_len, int *en, int *en_len, int *flags) {
    if (count < 0 || count > 1000000) return rnn_fail(RNN_E_ARG, "count %d not in 0..1000000", count);
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)(uint32_t)seed);
    for (int i = 0; i < count; i++) {
        phrase_pair p;
        const rnn_status st = phrase_generate(&r, (phrase_split)split, &p);
        if (st) return st;
        for (int k = 0; k < PHRASE_MAX_WORDS; k++) {
            pt[(long)i * PHRASE_MAX_WORDS + k] = k < p.pt_len ? p.pt[k] : -1;
            en[(long)i * PHRASE_MAX_WORDS + k] = k < p.en_len ? p.en[k] : -1;
        }
        pt_len[i] = p.pt_len; en_len[i] = p.en_len; flags[i] = p.flags;
    }
    return RNN_OK;
}

// The words of a typed phrase (see phrase_tokenize): ids[cap] (-1 unknown),
// starts[cap], lens[cap] in bytes, *n words.
API int rnn_phrase_tokenize(const char *text, int len, int *ids, int *starts, int *lens, int cap, int *n) {
    return phrase_tokenize(text, len, ids, starts, lens, cap, n);
}

// ------------------------------------------------------- encoder-decoder

// icfg[10]: vocab, hidden, batch, max_in, max_out, go, end (-1: none),
// reverse (0/1), context (0 initial state only, 1 every step), seed.
// fcfg[2]: learning rate (Adam), clip (global norm; 0 none). NULL on failure.
API s2s_model *rnn_ed_create(const int *icfg, const float *fcfg) {
    s2s_config c = s2s_defaults(icfg[0]);
    c.hidden = icfg[1]; c.batch = icfg[2]; c.max_in = icfg[3]; c.max_out = icfg[4];
    c.go = icfg[5]; c.end = icfg[6]; c.reverse = icfg[7]; c.context = (s2s_context)icfg[8];
    c.seed = (uint32_t)icfg[9];
    c.optim = optim_default(OPT_ADAM, fcfg[0]);
    c.clip = fcfg[1];
    s2s_model *m = NULL;
    s2s_create(&m, &c);
    return m;
}

API void rnn_ed_free(s2s_model *m) { s2s_free(m); }

// out[4]: parameters, optimiser steps taken, hidden size, vocabulary.
API void rnn_ed_info(const s2s_model *m, double *out) {
    out[0] = (double)m->nparams; out[1] = (double)m->step; out[2] = m->H; out[3] = m->V;
}

// B sequences batch-major: in[B*in_stride], in_len[B]; tgt (NULL: decode only).
API int rnn_ed_set_batch(s2s_model *m, int B, const int *in, const int *in_len, int in_stride, const int *tgt,
                         const int *tgt_len, int tgt_stride) {
    return s2s_set_batch(m, B, in, in_len, in_stride, tgt, tgt_len, tgt_stride);
}

// `steps` Adam steps on the current batch (teacher forcing).
// out[5]: loss of the last step, per-token accuracy, grad norm, clipped (0/1), finite (0/1).
API int rnn_ed_train(s2s_model *m, int steps, double *out) {
    if (steps < 1 || steps > 100000) return rnn_fail(RNN_E_ARG, "steps %d not in 1..100000", steps);
    s2s_step_stats st;
    memset(&st, 0, sizeof st);
    for (int i = 0; i < steps; i++) {
        const rnn_status s = s2s_train_step(m, &st);
        if (s) return s;
    }
    out[0] = st.loss; out[1] = st.count ? (double)st.correct / st.count : 0.0;
    out[2] = st.grad_norm; out[3] = st.clipped; out[4] = st.finite;
    return RNN_OK;
}

// Greedy decoding of the current batch: out[B*out_stride] tokens, out_len[B],
// prob[B*out_stride] (or NULL) = the probability the decoder gave each
// token it chose. out_stride >= max_out.
API int rnn_ed_decode(s2s_model *m, int *out, int *out_len, int out_stride, float *prob) {
    const rnn_status st = s2s_decode(m, out, out_len, out_stride);
    if (st || !prob) return st;
    const int B = m->B, V = m->V;
    for (int b = 0; b < B; b++)
        for (int t = 0; t < out_len[b]; t++) {
            const real *lg = m->logits + ((long)t * B + b) * V;
            real mx = lg[0];
            for (int v = 1; v < V; v++) if (lg[v] > mx) mx = lg[v];
            double z = 0.0;
            for (int v = 0; v < V; v++) z += exp((double)(lg[v] - mx));
            prob[(long)b * out_stride + t] = (float)(exp((double)(lg[out[(long)b * out_stride + t]] - mx)) / z);
        }
    return RNN_OK;
}

// The summary c (the encoder's final state) of each sequence of the last
// decode or forward: out[B*H].
API int rnn_ed_summary(const s2s_model *m, float *out) {
    if (!m->B) return rnn_fail(RNN_E_STATE, "encoder-decoder: no batch loaded");
    for (long i = 0; i < (long)m->B * m->H; i++) out[i] = (float)m->c[i];
    return RNN_OK;
}

// On the current batch (with targets): out[5] = teacher-forced loss, per-token
// accuracy, exact match of the greedy decode (the whole target, "." included),
// target tokens, sequences.
API int rnn_ed_evaluate(s2s_model *m, double *out) {
    double loss = 0.0;
    int correct = 0, count = 0;
    rnn_status st = s2s_forward(m, &loss, &correct, &count);
    if (st) return st;
    const int B = m->B, S = m->Td_max;
    int *dec = malloc(sizeof(int) * (size_t)B * (size_t)(S + 1));
    if (!dec) return rnn_fail(RNN_E_NOMEM, "evaluate: %d sequences", B);
    int *len = dec + (long)B * S;
    st = s2s_decode(m, dec, len, S);
    int exact = 0;
    for (int b = 0; !st && b < B; b++) {
        int ok = len[b] == m->tgt_len[b];
        for (int t = 0; ok && t < len[b]; t++) ok = dec[(long)b * S + t] == m->tgt[(long)t * B + b];
        exact += ok;
    }
    free(dec);
    out[0] = loss; out[1] = count ? (double)correct / count : 0.0; out[2] = B ? (double)exact / B : 0.0;
    out[3] = count; out[4] = B;
    return st;
}
