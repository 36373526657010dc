// api.c - the exported C ABI of the char LM and kernels (api.h marks exports).
// Every function takes plain ints, floats, doubles and pointers into the
// module's memory; failures return a non-zero status (or NULL) and
// rnn_error() gives the reason. Config and output arrays are laid out by
// api_contract.h, whose names rnn_describe() reports; js/engine.js declares
// each export once (its EXPORTS table, block "api"), and a Node test
// (tests/node/contract.test.mjs) checks the two against each other.
#include "api.h"
#include "api_contract.h"
#include "rnn.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

API int rnn_version(void) { return RNN_ABI_VERSION; }
API const char *rnn_error(void) { return rnn_last_error(); }
API int rnn_simd(void) { return k_simd_enabled(); }
API void *rnn_alloc(int bytes) { return bytes > 0 ? malloc((size_t)bytes) : NULL; }
API void rnn_dealloc(void *p) { free(p); }

// Runs one kernel, SIMD entry point or scalar twin, on caller buffers: the
// hook for the kernel tests and the start-up self-check. `which` is an
// rnn_kernel_id (api_contract.h): add_rows is C[M,N] += A[idx,:],
// scatter_add_rows C[idx,:] += A[M,N], add_bias C[M,N] += A[N], sum_rows
// C[N] += A[M,N], the activations C = g(A) over M*N, their backward C = A * g'
// (via h = B), softmax rows with inverse temperature K, axpy C += K*A; the
// fused recurrence step forward C[M,N] = g(C + A W) (A = h_{t-1} [M,N],
// B = W [N,N]) and backward C[M,N] = (C + da W^T) * g' via h (A = [da | h],
// 2 M*N; B = W^T [N,N]), M the batch, N the hidden size, K unused.
// New ids go at the end of rnn_kernel_id (the tests refer to them by name).
API int rnn_kernel_run(int which, int use_ref, int M, int K, int N, const float *A, const float *B, float *C, const int *idx) {
    if (M < 0 || K < 0 || N < 0) return rnn_fail(RNN_E_ARG, "negative size");
    const int n = M * N;
    if (which >= RNN_K_STEP_BACKWARD_TANH && which <= RNN_K_STEP_BACKWARD_LINEAR) { // needs M*N floats of scratch
        float *scratch = malloc(sizeof(float) * (size_t)(n > 0 ? n : 1));
        if (!scratch) return rnn_fail(RNN_E_NOMEM, "kernel scratch of %d floats", n);
        (use_ref ? k_rnn_step_backward_ref : k_rnn_step_backward)((rnn_act)(which - RNN_K_STEP_BACKWARD_TANH), C, A + n,
                                                                  A, B, M, N, scratch);
        free(scratch);
        return RNN_OK;
    }
    switch ((rnn_kernel_id)which) {
    case RNN_K_MATMUL: case RNN_K_MATMUL_ACC: (use_ref ? k_matmul_ref : k_matmul)(C, A, B, M, K, N, which == RNN_K_MATMUL_ACC); break;
    case RNN_K_MATMUL_TN: (use_ref ? k_matmul_tn_ref : k_matmul_tn)(C, A, B, M, K, N); break;
    case RNN_K_MATMUL_NT: case RNN_K_MATMUL_NT_ACC: (use_ref ? k_matmul_nt_ref : k_matmul_nt)(C, A, B, M, K, N, which == RNN_K_MATMUL_NT_ACC); break;
    case RNN_K_ADD_ROWS: (use_ref ? k_add_rows_ref : k_add_rows)(C, A, idx, M, N); break;
    case RNN_K_SCATTER_ADD_ROWS: (use_ref ? k_scatter_add_rows_ref : k_scatter_add_rows)(C, A, idx, M, N); break;
    case RNN_K_ADD_BIAS: (use_ref ? k_add_bias_ref : k_add_bias)(C, A, M, N); break;
    case RNN_K_SUM_ROWS: (use_ref ? k_sum_rows_ref : k_sum_rows)(C, A, M, N); break;
    case RNN_K_TANH: case RNN_K_RELU: case RNN_K_LINEAR:
        (use_ref ? k_act_forward_ref : k_act_forward)((rnn_act)(which - RNN_K_TANH), C, A, n); break;
    case RNN_K_TANH_BACKWARD: case RNN_K_RELU_BACKWARD: case RNN_K_LINEAR_BACKWARD:
        (use_ref ? k_act_backward_ref : k_act_backward)((rnn_act)(which - RNN_K_TANH_BACKWARD), C, A, B, n); break;
    case RNN_K_SOFTMAX: (use_ref ? k_softmax_rows_ref : k_softmax_rows)(C, A, M, N, (float)K); break;
    case RNN_K_AXPY: (use_ref ? k_axpy_ref : k_axpy)(C, (float)K, A, n); break;
    case RNN_K_STEP_TANH: case RNN_K_STEP_RELU: case RNN_K_STEP_LINEAR:
        (use_ref ? k_rnn_step_forward_ref : k_rnn_step_forward)((rnn_act)(which - RNN_K_STEP_TANH), C, A, B, M, N);
        break;
    default: return rnn_fail(RNN_E_ARG, "unknown kernel %d", which);
    }
    return RNN_OK;
}

// One forward + BPTT of the RNN layer on caller buffers, the fused path
// (use_ref = 0, what training runs) or its reference twin (use_ref = 1, the
// lecture's equations as plain loops): the hook for tests/node/bptt.test.mjs.
// params = U[I,H] | W[H,H] | b[H]; tokens[T,B] (x NULL) or dense x[T,B,I]
// (tokens NULL); h[(T+1),B,H] with h[0] = h_{-1}; dh[T,B,H] = dL/dh_t from
// above, overwritten with da_t; grads = dU | dW | db, accumulated; dx[T,B,I]
// accumulated (dense input; may be NULL); dh0[B,H] written (may be NULL).
API int rnn_bptt_run(int use_ref, int act, int T, int B, int I, int H, const int *tokens, const float *x,
                     const float *params, float *h, float *dh, float *grads, float *dx, float *dh0) {
    if ((unsigned)act > RNN_ACT_LINEAR) return rnn_fail(RNN_E_ARG, "unknown activation %d", act);
    if (T < 1 || B < 1 || I < 1 || H < 1 || T > RNN_MAX_SEQ || B > RNN_MAX_BATCH || H > RNN_MAX_HIDDEN || I > RNN_VOCAB_MAX)
        return rnn_fail(RNN_E_ARG, "BPTT sizes T=%d B=%d I=%d H=%d out of range", T, B, I, H);
    if (!tokens == !x) return rnn_fail(RNN_E_ARG, "BPTT needs either tokens or a dense input, not both");
    for (long i = 0; tokens && i < (long)T * B; i++)
        if (tokens[i] < 0 || tokens[i] >= I) return rnn_fail(RNN_E_ARG, "token %d at %ld not in [0, %d)", tokens[i], i, I);
    const float *U = params, *W = U + (long)I * H, *b = W + (long)H * H;
    float *dU = grads, *dW = dU + (long)I * H, *db = dW + (long)H * H;
    float *scratch = malloc(sizeof(float) * ((size_t)B * H + (size_t)H * (H > I ? H : I))); // dh_next | transpose_buf
    if (!scratch) return rnn_fail(RNN_E_NOMEM, "BPTT scratch");
    (use_ref ? rnn_layer_forward_ref : rnn_layer_forward)(h, tokens, x, U, W, b, (rnn_act)act, T, B, I, H);
    (use_ref ? rnn_layer_backward_ref : rnn_layer_backward)(dU, dW, db, x ? dx : NULL, dh0, dh, h, tokens, x, U, W,
                                                            (rnn_act)act, T, B, I, H, scratch, scratch + (long)B * H);
    free(scratch);
    return RNN_OK;
}

// icfg / fcfg: the slots LM_I_* / LM_F_* of api_contract.h
static rnn_status config_from(const int *icfg, const float *fcfg, rnn_charlm_config *c) {
    *c = rnn_charlm_defaults();
    c->hidden = icfg[LM_I_HIDDEN]; c->seq = icfg[LM_I_SEQ]; c->batch = icfg[LM_I_BATCH];
    c->act = (rnn_act)icfg[LM_I_ACTIVATION];
    if ((unsigned)icfg[LM_I_OPTIM] > OPT_ADAM) return rnn_fail(RNN_E_ARG, "unknown optimiser %d", icfg[LM_I_OPTIM]);
    c->optim = optim_default((rnn_optim_kind)icfg[LM_I_OPTIM], fcfg[LM_F_LR]);
    c->clip_mode = (rnn_clip_mode)icfg[LM_I_CLIP_MODE];
    c->vocab_cap = icfg[LM_I_VOCAB_CAP];
    c->seed = (uint32_t)icfg[LM_I_SEED];
    c->clip = fcfg[LM_F_CLIP];
    c->val_fraction = fcfg[LM_F_VAL_FRACTION];
    return rnn_charlm_check_config(c);
}

// Checks a configuration without building a model (0, or a status with a reason).
API int rnn_lm_check_config(const int *icfg, const float *fcfg) {
    rnn_charlm_config c;
    return config_from(icfg, fcfg, &c);
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
    const double v[] = {(double)s.step, s.loss, s.grad_norm, s.clipped, (double)s.chars, s.finite};
    _Static_assert(sizeof v / sizeof v[0] == RNN_NAMES_COUNT(RNN_LM_TRAIN_FIELDS), "RNN_LM_TRAIN_FIELDS");
    memcpy(out, v, sizeof v);
    return st;
}

// Gradient of the next chunk without an update (for parity tests): grads,
// and the chunk's inputs/targets [T,B], are then read through the pointers.
API int rnn_lm_gradients(rnn_charlm *m, double *loss) { return rnn_charlm_gradients(m, loss); }
API float *rnn_lm_grads(rnn_charlm *m) { return m->grads; }
API int *rnn_lm_batch(rnn_charlm *m) { return m->x; } // x [T,B] then y [T,B]

// Data-parallel training (models/charlm_replica.h; the messages: js/data-parallel.js).
API int rnn_lm_set_workers(rnn_charlm *m, int workers, int shard, int *restarted) {
    return rnn_charlm_set_workers(m, workers, shard, restarted);
}
API int rnn_lm_set_lr(rnn_charlm *m, float lr) { return rnn_charlm_set_lr(m, lr); }
API float rnn_lm_workers_lr(float lr1, int workers) { return rnn_charlm_workers_lr(lr1, workers); }
// This replica's gradient into rnn_lm_grads(m); loss[0] = its loss / workers.
API int rnn_lm_replica_gradients(rnn_charlm *m, double *loss) { return rnn_charlm_replica_gradients(m, loss); }
// Leader: adds replica k's gradient and loss share; sum[0] = the step's loss so far.
API int rnn_lm_replica_add(rnn_charlm *m, const float *g, double loss, double *sum) {
    rnn_status st = rnn_charlm_replica_add(m, g, loss);
    sum[0] = m->step_loss;
    return st;
}
API int rnn_lm_replica_set(rnn_charlm *m, const float *g, double loss) { return rnn_charlm_replica_set(m, g, loss); }
// io: RNN_LM_TRAIN_FIELDS, read and then updated (the caller starts from zeros)
API int rnn_lm_replica_apply(rnn_charlm *m, double *io) {
    rnn_train_stats s = {(long)io[0], io[1], io[2], (int)io[3], (int64_t)io[4], (int)io[5]};
    rnn_status st = rnn_charlm_replica_apply(m, &s);
    const double v[] = {(double)s.step, s.loss, s.grad_norm, s.clipped, (double)s.chars, s.finite};
    _Static_assert(sizeof v / sizeof v[0] == RNN_NAMES_COUNT(RNN_LM_TRAIN_FIELDS), "RNN_LM_TRAIN_FIELDS");
    memcpy(io, v, sizeof v);
    return st;
}
// This replica's stream cursors [B] and carried state [B,H], copied out.
API void rnn_lm_streams(const rnn_charlm *m, int *pos, float *carry) {
    for (int s = 0; s < m->B; s++) pos[s] = (int)m->pos[s];
    memcpy(carry, m->h_carry, sizeof(float) * (size_t)m->B * m->H);
}
API int rnn_lm_put_slice(rnn_charlm *m, int k, const int *pos, const float *carry) {
    if (m->workers < 2) return rnn_charlm_put_slice(m, k, NULL, carry); // refused with its reason
    long *p = malloc(sizeof(long) * (size_t)m->B);
    if (!p) return rnn_fail(RNN_E_NOMEM, "stream cursors");
    for (int s = 0; s < m->B; s++) p[s] = pos[s];
    rnn_status st = rnn_charlm_put_slice(m, k, p, carry);
    free(p);
    return st;
}

// Leader: replica `shard` of `workers`' streams of the training text, in
// place (n[0] tokens); NULL with a reason. Replica: takes only those
// (copied; memory does not grow with N x the text).
API const int *rnn_lm_stream_tokens(const rnn_charlm *m, int workers, int shard, int *n) {
    long len;
    const int *t = rnn_charlm_stream_tokens(m, workers, shard, &len);
    n[0] = (int)len;
    return t;
}
API int rnn_lm_set_stream_tokens(rnn_charlm *m, const int *tok, int n, int n_train, int workers, int shard) {
    return rnn_charlm_set_stream_tokens(m, tok, n, n_train, workers, shard);
}

API int rnn_lm_validate(rnn_charlm *m, double *out) { return rnn_charlm_validate(m, out); }

API int rnn_lm_eval(rnn_charlm *m, const char *text, int len, double *out) {
    long chars;
    rnn_status st = rnn_charlm_eval_text(m, text, len, &out[0], &chars);
    out[1] = (double)chars;
    _Static_assert(RNN_NAMES_COUNT(RNN_LM_EVAL_FIELDS) == 2, "RNN_LM_EVAL_FIELDS");
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

// out: RNN_LM_INFO_FIELDS (enums as their C values)
API void rnn_lm_info(const rnn_charlm *m, double *out) {
    const rnn_charlm_config *c = &m->cfg;
    const double v[] = {m->V, m->H, m->B, m->T, c->act, c->optim.kind, c->clip_mode, c->vocab_cap, c->seed,
                          (double)m->step, (double)m->n_train, (double)m->n_val, m->unigram_bits, c->optim.lr, c->clip,
                          c->val_fraction, m->vocab.unk, (double)m->nparams, m->tokens != NULL, m->workers, m->shard};
    _Static_assert(sizeof v / sizeof v[0] == RNN_NAMES_COUNT(RNN_LM_INFO_FIELDS), "RNN_LM_INFO_FIELDS");
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
    if (bytes < 1 || bytes > RNN_CORPUS_MAX_BYTES) { rnn_fail(RNN_E_ARG, "corpus size %d not in [1, %ld]", bytes, RNN_CORPUS_MAX_BYTES); return NULL; }
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

// The playground's BPTT views (models/charlm_views.h): the spectral radius of
// the recurrent W, and ||dL/dh_t|| for t = 0..T-1 of the next training chunk
// (cap >= T entries; *loss its mean loss in nats).
#include "models/charlm_views.h"
API int rnn_lm_radius(const rnn_charlm *m, double *rho) { return rnn_spectral_radius(m->p.W, m->H, rho); }
API int rnn_lm_step_norms(rnn_charlm *m, double *out, int cap, double *loss) {
    if (cap < m->T) return rnn_fail(RNN_E_ARG, "room for %d step norms, the model has T = %d", cap, m->T);
    return rnn_charlm_step_norms(m, out, loss);
}
