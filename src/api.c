// api.c - the exported C ABI of the char LM and kernels (api.h marks exports).
// Every function takes plain ints, floats, doubles and pointers into the
// module's memory; failures return a non-zero status (or NULL) and
// rnn_error() gives the reason. js/engine.js declares each of these once.
#include "api.h"
#include "rnn.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RNN_ABI_VERSION 1

API int rnn_version(void) { return RNN_ABI_VERSION; }
API const char *rnn_error(void) { return rnn_last_error(); }
API int rnn_simd(void) { return k_simd_enabled(); }
API void *rnn_alloc(int bytes) { return bytes > 0 ? malloc((size_t)bytes) : NULL; }
API void rnn_dealloc(void *p) { free(p); }

// Runs one kernel, SIMD entry point or scalar twin, on caller buffers: the
// hook for the kernel tests and the start-up self-check.
// which: 0 matmul, 1 matmul+=, 2 matmul_tn, 3 matmul_nt, 4 matmul_nt+=,
// 5 add_rows (C[M,N] += A[idx,:]), 6 scatter_add_rows (C[idx,:] += A[M,N]),
// 7 add_bias (C[M,N] += A[N]), 8 sum_rows (C[N] += A[M,N]),
// 9..11 act forward tanh/relu/linear (C = g(A), M*N), 12..14 act backward
// (C = A * g' via h = B), 15 softmax rows (inv temp = K), 16 axpy (C += K*A)
API int rnn_kernel_run(int which, int use_ref, int M, int K, int N, const float *A, const float *B, float *C, const int *idx) {
    if (M < 0 || K < 0 || N < 0) return rnn_fail(RNN_E_ARG, "negative size");
    const int n = M * N;
    switch (which) {
    case 0: case 1: (use_ref ? k_matmul_ref : k_matmul)(C, A, B, M, K, N, which == 1); break;
    case 2: (use_ref ? k_matmul_tn_ref : k_matmul_tn)(C, A, B, M, K, N); break;
    case 3: case 4: (use_ref ? k_matmul_nt_ref : k_matmul_nt)(C, A, B, M, K, N, which == 4); break;
    case 5: (use_ref ? k_add_rows_ref : k_add_rows)(C, A, idx, M, N); break;
    case 6: (use_ref ? k_scatter_add_rows_ref : k_scatter_add_rows)(C, A, idx, M, N); break;
    case 7: (use_ref ? k_add_bias_ref : k_add_bias)(C, A, M, N); break;
    case 8: (use_ref ? k_sum_rows_ref : k_sum_rows)(C, A, M, N); break;
    case 9: case 10: case 11: (use_ref ? k_act_forward_ref : k_act_forward)((rnn_act)(which - 9), C, A, n); break;
    case 12: case 13: case 14: (use_ref ? k_act_backward_ref : k_act_backward)((rnn_act)(which - 12), C, A, B, n); break;
    case 15: (use_ref ? k_softmax_rows_ref : k_softmax_rows)(C, A, M, N, (float)K); break;
    case 16: (use_ref ? k_axpy_ref : k_axpy)(C, (float)K, A, n); break;
    default: return rnn_fail(RNN_E_ARG, "unknown kernel %d", which);
    }
    return RNN_OK;
}

// icfg: hidden, seq, batch, activation, optimiser, clip mode, vocab cap, seed
// fcfg: learning rate, clip threshold, validation fraction
static rnn_status config_from(const int *icfg, const float *fcfg, rnn_charlm_config *c) {
    *c = rnn_charlm_defaults();
    c->hidden = icfg[0]; c->seq = icfg[1]; c->batch = icfg[2];
    c->act = (rnn_act)icfg[3];
    if ((unsigned)icfg[4] > OPT_ADAM) return rnn_fail(RNN_E_ARG, "unknown optimiser %d", icfg[4]);
    c->optim = optim_default((rnn_optim_kind)icfg[4], fcfg[0]);
    c->clip_mode = (rnn_clip_mode)icfg[5];
    c->vocab_cap = icfg[6];
    c->seed = (uint32_t)icfg[7];
    c->clip = fcfg[1];
    c->val_fraction = fcfg[2];
    return rnn_charlm_check_config(c);
}

API rnn_charlm *rnn_lm_create(const char *text, int len, const int *icfg, const float *fcfg) {
    rnn_charlm_config c;
    rnn_charlm *m = NULL;
    if (config_from(icfg, fcfg, &c) == RNN_OK) rnn_charlm_create(&m, &c, text, len);
    return m;
}

// Attaches text; the stream cursors are kept only if it is the text the
// model was trained on (same hash), so that a resumed run continues exactly.
API int rnn_lm_set_text(rnn_charlm *m, const char *text, int len) {
    const int same = m->tokens == NULL && rnn_fnv1a(text, len, 2166136261u) == m->text_hash;
    return rnn_charlm_set_text(m, text, len, !same);
}

API int rnn_lm_train(rnn_charlm *m, int steps, double *out) {
    rnn_train_stats s;
    rnn_status st = rnn_charlm_train(m, steps, &s);
    out[0] = (double)s.step; out[1] = s.loss; out[2] = s.grad_norm;
    out[3] = s.clipped; out[4] = (double)s.chars; out[5] = s.finite;
    return st;
}

// Gradient of the next chunk without an update (for parity tests): grads,
// and the chunk's inputs/targets [T,B], are then read through the pointers.
API int rnn_lm_gradients(rnn_charlm *m, double *loss) { return rnn_charlm_gradients(m, loss); }
API float *rnn_lm_grads(rnn_charlm *m) { return m->grads; }
API int *rnn_lm_batch(rnn_charlm *m) { return m->x; } // x [T,B] then y [T,B]

API int rnn_lm_validate(rnn_charlm *m, double *out) { return rnn_charlm_validate(m, out); }

API int rnn_lm_eval(rnn_charlm *m, const char *text, int len, double *out) {
    long chars;
    rnn_status st = rnn_charlm_eval_text(m, text, len, &out[0], &chars);
    out[1] = (double)chars;
    return st;
}

API int rnn_lm_sample(rnn_charlm *m, const char *prime, int prime_len, int length, float temperature, int seed,
                      int greedy, int topk, char *out, int cap, int *top_idx, float *top_p, int *out_len) {
    rnn_sample_opts o = {prime, prime_len, length, temperature, (uint32_t)seed, greedy, topk};
    long n = 0;
    rnn_status st = rnn_charlm_sample(m, &o, out, cap, &n, top_idx, top_p);
    *out_len = (int)n;
    return st;
}

// out: V, H, B, T, activation, optimiser, clip mode, vocab cap, seed, step,
// train chars, val chars, unigram bits, lr, clip, val fraction, unk index,
// parameter count, has text
API void rnn_lm_info(const rnn_charlm *m, double *out) {
    const rnn_charlm_config *c = &m->cfg;
    const double v[19] = {m->V, m->H, m->B, m->T, c->act, c->optim.kind, c->clip_mode, c->vocab_cap, c->seed,
                          (double)m->step, (double)m->n_train, (double)m->n_val, m->unigram_bits, c->optim.lr, c->clip,
                          c->val_fraction, m->vocab.unk, (double)m->nparams, m->tokens != NULL};
    memcpy(out, v, sizeof v);
}

API const uint32_t *rnn_lm_vocab(const rnn_charlm *m) { return m->vocab.cp; }
API int rnn_lm_save_size(const rnn_charlm *m) { return (int)rnn_model_file_size(m); }
API int rnn_lm_save(const rnn_charlm *m, unsigned char *buf, int cap) { return rnn_model_save(m, buf, cap); }
API float *rnn_lm_params(rnn_charlm *m, int *n) { *n = (int)m->nparams; return m->params; }

API rnn_charlm *rnn_lm_load(const unsigned char *bytes, int len, const char *text, int text_len) {
    rnn_charlm *m = NULL;
    if (rnn_model_load(&m, bytes, len)) return NULL;
    if (text_len > 0 && rnn_lm_set_text(m, text, text_len)) { rnn_charlm_free(m); return NULL; }
    return m;
}

API char *rnn_lm_export(const rnn_charlm *m, int *len) {
    char *s = NULL;
    long n = 0;
    if (rnn_export_pytorch(m, &s, &n)) return NULL;
    *len = (int)n;
    return s;
}

API rnn_charlm *rnn_lm_import(const char *json, int len, const int *icfg, const float *fcfg, const char *text, int text_len) {
    rnn_charlm_config c;
    rnn_charlm *m = NULL;
    if (config_from(icfg, fcfg, &c)) return NULL;
    if (rnn_import_pytorch(&m, json, len, &c)) return NULL;
    if (text_len > 0 && rnn_charlm_set_text(m, text, text_len, 1)) { rnn_charlm_free(m); return NULL; }
    return m;
}

API void rnn_lm_free(rnn_charlm *m) { rnn_charlm_free(m); }

API char *rnn_corpus(int kind, int seed, int bytes, int *len) {
    if (bytes < 1 || bytes > (64 << 20)) { rnn_fail(RNN_E_ARG, "corpus size %d not in [1, 64 MB]", bytes); return NULL; }
    char *out = malloc((size_t)bytes + 512);
    long n;
    if (!out) { rnn_fail(RNN_E_NOMEM, "corpus"); return NULL; }
    if (rnn_corpus_generate((rnn_corpus_kind)kind, (unsigned)seed, bytes, out, bytes + 512, &n)) { free(out); return NULL; }
    *len = (int)n;
    return out;
}

// Next-character probabilities of a given text (the recital views): one
// stream from a zero state, h_t = g(U x_t + W h_{t-1} + b), p_t = softmax(Wy h_t + by).
// For each i < n-1 (n = characters in text): prob[i] = p_i[text[i+1]], the
// probability the model gives the character that really comes next, and
// top[i] = argmax p_i (may be NULL). A character outside the vocabulary is
// refused with its position. out[0] = n - 1 values written (cap of them fit),
// out[1] = their mean (NaN if none).
API int rnn_lm_next_probs(const rnn_charlm *m, const char *text, int len, float *prob, int *top, int cap, double *out) {
    out[0] = 0;
    out[1] = NAN;
    if (len < 0) return rnn_fail(RNN_E_ARG, "negative text length");
    const int V = m->V, H = m->H;
    uint32_t *cp = malloc(sizeof(uint32_t) * (size_t)(len > 0 ? len : 1));
    float *buf = calloc((size_t)(2 * H + 2 * V), sizeof(float));
    if (!cp || !buf) { free(cp); free(buf); return rnn_fail(RNN_E_NOMEM, "next-probability buffers"); }
    float *h = buf, *a = h + H, *logits = a + H, *p = logits + V;
    long n = 0;
    rnn_status st = utf8_decode(text, len, cp, &n);
    if (!st && n - 1 > cap) st = rnn_fail(RNN_E_ARG, "room for %d values, the text needs %ld", cap, n - 1);
    for (long i = 0; !st && i < n; i++) {
        const int x = vocab_index(&m->vocab, cp[i]);
        if (x < 0) { st = rnn_fail(RNN_E_DATA, "character %ld (U+%04X) is not in the model's vocabulary", i + 1, (unsigned)cp[i]); break; }
        if (i > 0) prob[i - 1] = p[x];                                 // p_{i-1} of the character that came
        if (i == n - 1) break;
        memcpy(a, m->p.b, sizeof(float) * (size_t)H);                  // a = b
        k_add_rows(a, m->p.U, &x, 1, H);                               // a += U x (one-hot row)
        k_matmul(a, h, m->p.W, 1, H, H, 1);                            // a += h W
        k_act_forward(m->cfg.act, h, a, H);                            // h = g(a)
        linear_forward(logits, h, m->p.Wy, m->p.by, 1, H, V);          // logits = h Wy + by
        k_softmax_rows(p, logits, 1, V, 1.0f);
        if (top) { int best = 0; for (int v = 1; v < V; v++) if (p[v] > p[best]) best = v; top[i] = best; }
    }
    if (!st && n > 1) {
        double sum = 0.0;
        for (long i = 0; i < n - 1; i++) sum += prob[i];
        out[0] = (double)(n - 1);
        out[1] = sum / (double)(n - 1);
    }
    free(cp);
    free(buf);
    return st;
}
