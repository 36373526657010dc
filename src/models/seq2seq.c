// seq2seq.c - vanilla-RNN encoder-decoder: batch packing, teacher-forced
// forward, BPTT through both halves, training step, greedy decoding.
// V vocab, H hidden, B batch, Te encoder steps, Td decoder steps, I decoder input.
#include "seq2seq.h"
#include "../nn/rnn_layer.h"
#include "../nn/linear.h"
#include "../nn/loss.h"
#include "../nn/clip.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

s2s_config s2s_defaults(int vocab) {
    s2s_config c;
    memset(&c, 0, sizeof c);
    c.vocab = vocab;
    c.hidden = 128;
    c.batch = 32;
    c.max_in = 64;
    c.max_out = 16;
    c.go = 0;
    c.end = -1;
    c.reverse = 0;
    c.context = S2S_CONTEXT_EVERY;
    c.act = RNN_ACT_TANH;
    c.optim = optim_default(OPT_ADAM, 2e-3f);
    c.clip = 5.0f;
    c.seed = 1;
    return c;
}

rnn_status s2s_check_config(const s2s_config *c) {
    if (!c) return rnn_fail(RNN_E_ARG, "seq2seq: NULL config");
    if (c->vocab < 2 || c->vocab > S2S_MAX_VOCAB) return rnn_fail(RNN_E_ARG, "seq2seq: vocabulary %d not in [2, %d]", c->vocab, S2S_MAX_VOCAB);
    if (c->hidden < 1 || c->hidden > S2S_MAX_HIDDEN) return rnn_fail(RNN_E_ARG, "seq2seq: hidden size %d not in [1, %d]", c->hidden, S2S_MAX_HIDDEN);
    if (c->batch < 1 || c->batch > S2S_MAX_BATCH) return rnn_fail(RNN_E_ARG, "seq2seq: batch %d not in [1, %d]", c->batch, S2S_MAX_BATCH);
    if (c->max_in < 1 || c->max_in > S2S_MAX_STEPS) return rnn_fail(RNN_E_ARG, "seq2seq: max input length %d not in [1, %d]", c->max_in, S2S_MAX_STEPS);
    if (c->max_out < 1 || c->max_out > S2S_MAX_STEPS) return rnn_fail(RNN_E_ARG, "seq2seq: max target length %d not in [1, %d]", c->max_out, S2S_MAX_STEPS);
    if (c->go < 0 || c->go >= c->vocab) return rnn_fail(RNN_E_ARG, "seq2seq: go token %d not in [0, %d)", c->go, c->vocab);
    if (c->end < -1 || c->end >= c->vocab) return rnn_fail(RNN_E_ARG, "seq2seq: end token %d not in [-1, %d)", c->end, c->vocab);
    if (c->reverse != 0 && c->reverse != 1) return rnn_fail(RNN_E_ARG, "seq2seq: reverse must be 0 or 1");
    if (c->context != S2S_CONTEXT_INIT && c->context != S2S_CONTEXT_EVERY)
        return rnn_fail(RNN_E_ARG, "seq2seq: unknown context mode %d", (int)c->context);
    if ((unsigned)c->act > RNN_ACT_LINEAR) return rnn_fail(RNN_E_ARG, "seq2seq: unknown activation %d", (int)c->act);
    if ((unsigned)c->optim.kind > OPT_ADAM) return rnn_fail(RNN_E_ARG, "seq2seq: unknown optimiser %d", (int)c->optim.kind);
    if (!(c->optim.lr > 0 && c->optim.lr <= 100)) return rnn_fail(RNN_E_ARG, "seq2seq: learning rate must be in (0, 100]");
    if (!(c->optim.beta1 >= 0 && c->optim.beta1 < 1 && c->optim.beta2 >= 0 && c->optim.beta2 < 1))
        return rnn_fail(RNN_E_ARG, "seq2seq: optimiser betas must be in [0, 1)");
    if (!(c->optim.eps > 0 && c->optim.eps < 1)) return rnn_fail(RNN_E_ARG, "seq2seq: optimiser epsilon must be in (0, 1)");
    if (!(c->clip >= 0.0f && c->clip < 1e30f)) return rnn_fail(RNN_E_ARG, "seq2seq: clip threshold must be >= 0 (0: none)");
    return RNN_OK;
}

static void point_tensors(s2s_tensors *t, real *base, int V, int H, int I) {
    t->eU = base;                    // [V,H]
    t->eW = t->eU + (long)V * H;     // [H,H]
    t->eb = t->eW + (long)H * H;     // [H]
    t->dU = t->eb + H;               // [I,H]
    t->dW = t->dU + (long)I * H;     // [H,H]
    t->db = t->dW + (long)H * H;     // [H]
    t->Wy = t->db + H;               // [H,V]
    t->by = t->Wy + (long)H * V;     // [V]
}

int s2s_tensor_list(s2s_model *m, int grads, const char **names, real **ptrs, long *sizes) {
    static const char *const k_names[S2S_NTENSORS] = {"enc.U", "enc.W", "enc.b", "dec.U", "dec.W", "dec.b", "out.Wy", "out.by"};
    const s2s_tensors *t = grads ? &m->g : &m->p;
    real *const p[S2S_NTENSORS] = {t->eU, t->eW, t->eb, t->dU, t->dW, t->db, t->Wy, t->by};
    const long V = m->V, H = m->H, I = m->I;
    const long n[S2S_NTENSORS] = {V * H, H * H, H, I * H, H * H, H, H * V, V};
    for (int i = 0; i < S2S_NTENSORS; i++) {
        if (names) names[i] = k_names[i];
        if (ptrs) ptrs[i] = p[i];
        if (sizes) sizes[i] = n[i];
    }
    return S2S_NTENSORS;
}

void s2s_free(s2s_model *m) {
    if (!m) return;
    free(m->mem);
    free(m->acts);
    free(m->enc_tok);
    free(m);
}

rnn_status s2s_create(s2s_model **out, const s2s_config *cfg) {
    if (!out) return rnn_fail(RNN_E_ARG, "seq2seq: NULL output pointer");
    *out = NULL;
    rnn_status st = s2s_check_config(cfg);
    if (st) return st;
    const int V = cfg->vocab, H = cfg->hidden, B = cfg->batch, Te = cfg->max_in, Td = cfg->max_out;
    const int I = cfg->context == S2S_CONTEXT_EVERY ? V + H : V;
    const int wmax = H > I ? (H > V ? H : V) : (I > V ? I : V);
    // sizes in 64 bits first (wasm32 `long` is 32 bits), checked before allocating
    const int64_t np = (int64_t)V * H * 2 + (int64_t)H * H * 2 + 2 * H + (int64_t)I * H + V;
    const int64_t BH = (int64_t)B * H;
    const int64_t na = (int64_t)(Te + 1) * BH + (int64_t)Te * BH + (int64_t)(Td + 1) * BH + (int64_t)Td * BH +
                       2 * (int64_t)Td * B * I + 2 * (int64_t)Td * B * V + 3 * BH + (int64_t)H * wmax;
    if (4 * np + na > ((int64_t)1 << 28))
        return rnn_fail(RNN_E_SIZE, "seq2seq: model too large: %.0f MB of parameters and activations (limit 1024 MB)",
                        (double)(4 * np + na) * sizeof(real) / 1048576.0);
    s2s_model *m = calloc(1, sizeof *m);
    if (!m) return rnn_fail(RNN_E_NOMEM, "seq2seq: model struct");
    m->cfg = *cfg;
    m->V = V; m->H = H; m->I = I; m->Bmax = B; m->Te_max = Te; m->Td_max = Td;
    m->nparams = (long)np;
    // calloc: gradients and optimiser state start at zero
    m->mem = calloc((size_t)np * 4, sizeof(real));
    m->acts = calloc((size_t)na, sizeof(real));
    const long nint = (long)Te * B + 2L * B + 3L * Td * B;
    m->enc_tok = calloc((size_t)nint, sizeof(int));
    if (!m->mem || !m->acts || !m->enc_tok) {
        s2s_free(m);
        return rnn_fail(RNN_E_NOMEM, "seq2seq: %ld parameters (V=%d, H=%d, B=%d, Te=%d, Td=%d)", (long)np, V, H, B, Te, Td);
    }
    m->params = m->mem;
    m->grads = m->params + np;
    m->opt_m = m->grads + np;
    m->opt_v = m->opt_m + np;
    point_tensors(&m->p, m->params, V, H, I);
    point_tensors(&m->g, m->grads, V, H, I);
    m->enc_h = m->acts;
    m->enc_dh = m->enc_h + (long)(Te + 1) * BH;
    m->dec_h = m->enc_dh + (long)Te * BH;
    m->dec_dh = m->dec_h + (long)(Td + 1) * BH;
    m->dec_x = m->dec_dh + (long)Td * BH;
    m->dec_dx = m->dec_x + (long)Td * B * I;
    m->logits = m->dec_dx + (long)Td * B * I;
    m->dlogits = m->logits + (long)Td * B * V;
    m->c = m->dlogits + (long)Td * B * V;
    m->dc = m->c + BH;
    m->dh_next = m->dc + BH;
    m->transpose_buf = m->dh_next + BH;
    m->in_len = m->enc_tok + (long)Te * B;
    m->tgt_len = m->in_len + B;
    m->dec_tok = m->tgt_len + B;
    m->tgt = m->dec_tok + (long)Td * B;
    m->pred = m->tgt + (long)Td * B;
    // weights uniform in [-1/sqrt(H), 1/sqrt(H)], biases 0
    rnn_rng r;
    rnn_rng_seed(&r, cfg->seed);
    const real k = (real)(1.0 / sqrt((double)H));
    real *w[5] = {m->p.eU, m->p.eW, m->p.dU, m->p.dW, m->p.Wy};
    const long nw[5] = {(long)V * H, (long)H * H, (long)I * H, (long)H * H, (long)H * V};
    for (int t = 0; t < 5; t++)
        for (long i = 0; i < nw[t]; i++) w[t][i] = (2 * (real)rnn_rng_float(&r) - 1) * k;
    *out = m;
    return RNN_OK;
}

rnn_status s2s_set_batch(s2s_model *m, int B, const int *in, const int *in_len, int in_stride, const int *tgt,
                         const int *tgt_len, int tgt_stride) {
    m->forward_done = 0;
    m->B = 0;
    if (B < 1 || B > m->Bmax) return rnn_fail(RNN_E_ARG, "seq2seq: batch of %d not in [1, %d]", B, m->Bmax);
    if (!in || !in_len) return rnn_fail(RNN_E_ARG, "seq2seq: NULL input");
    if (tgt && !tgt_len) return rnn_fail(RNN_E_ARG, "seq2seq: targets without lengths");
    const int V = m->V;
    int Te = 0, Td = 0;
    for (int b = 0; b < B; b++) {
        const int n = in_len[b];
        if (n < 1 || n > m->Te_max || n > in_stride)
            return rnn_fail(RNN_E_ARG, "seq2seq: input %d has length %d, not in [1, %d]", b, n, m->Te_max < in_stride ? m->Te_max : in_stride);
        for (int i = 0; i < n; i++)
            if (in[(long)b * in_stride + i] < 0 || in[(long)b * in_stride + i] >= V)
                return rnn_fail(RNN_E_ARG, "seq2seq: input %d has token %d at %d, not in [0, %d)", b, in[(long)b * in_stride + i], i, V);
        if (n > Te) Te = n;
        if (!tgt) continue;
        const int k = tgt_len[b];
        if (k < 1 || k > m->Td_max || k > tgt_stride)
            return rnn_fail(RNN_E_ARG, "seq2seq: target %d has length %d, not in [1, %d]", b, k, m->Td_max < tgt_stride ? m->Td_max : tgt_stride);
        for (int i = 0; i < k; i++)
            if (tgt[(long)b * tgt_stride + i] < 0 || tgt[(long)b * tgt_stride + i] >= V)
                return rnn_fail(RNN_E_ARG, "seq2seq: target %d has token %d at %d, not in [0, %d)", b, tgt[(long)b * tgt_stride + i], i, V);
        if (k > Td) Td = k;
    }
    // encoder tokens, time-major; reversal keeps the last (end-of-input) token last
    for (int b = 0; b < B; b++) {
        const int n = in_len[b];
        const int *src = in + (long)b * in_stride;
        m->in_len[b] = n;
        for (int t = 0; t < Te; t++) {
            int tok = 0; // padding: never reaches the summary, so its value is irrelevant
            if (t < n) tok = m->cfg.reverse && t < n - 1 ? src[n - 2 - t] : src[t];
            m->enc_tok[t * B + b] = tok;
        }
    }
    // decoder: input go, y_0, y_1, ...; target y_0, y_1, ...; -1 past the end
    for (int b = 0; b < B; b++) {
        const int k = tgt ? tgt_len[b] : 0;
        const int *src = tgt ? tgt + (long)b * tgt_stride : NULL;
        m->tgt_len[b] = k;
        for (int t = 0; t < Td; t++) {
            m->dec_tok[t * B + b] = t == 0 ? m->cfg.go : (t < k ? src[t - 1] : m->cfg.go);
            m->tgt[t * B + b] = t < k ? src[t] : -1;
        }
    }
    m->B = B;
    m->Te = Te;
    m->Td = Td;
    m->has_targets = tgt != NULL;
    return RNN_OK;
}

// Encoder over the batch and the per-sequence summary c[b] = h at its own last step.
static void encode(s2s_model *m) {
    const int B = m->B, H = m->H;
    const long BH = (long)B * H;
    memset(m->enc_h, 0, sizeof(real) * (size_t)BH);
    rnn_layer_forward(m->enc_h, m->enc_tok, NULL, m->p.eU, m->p.eW, m->p.eb, m->cfg.act, m->Te, B, m->V, H);
    for (int b = 0; b < B; b++)
        memcpy(m->c + (long)b * H, m->enc_h + m->in_len[b] * BH + (long)b * H, sizeof(real) * (size_t)H);
}

// Dense decoder inputs [y_{t-1} one-hot ; c] for steps t0 .. t0+n-1 (context every).
static void build_dec_x(s2s_model *m, const int *tok, real *x, int n) {
    const int B = m->B, H = m->H, V = m->V, I = m->I;
    for (int t = 0; t < n; t++)
        for (int b = 0; b < B; b++) {
            real *row = x + ((long)t * B + b) * I;
            memset(row, 0, sizeof(real) * (size_t)V);
            row[tok[t * B + b]] = 1;
            memcpy(row + V, m->c + (long)b * H, sizeof(real) * (size_t)H);
        }
}

static int argmax(const real *p, int n) {
    int k = 0;
    for (int i = 1; i < n; i++)
        if (p[i] > p[k]) k = i;
    return k;
}

rnn_status s2s_forward(s2s_model *m, double *loss, int *correct, int *count) {
    if (!m->B) return rnn_fail(RNN_E_STATE, "seq2seq: no batch loaded");
    if (!m->has_targets) return rnn_fail(RNN_E_STATE, "seq2seq: the batch has no targets");
    const int B = m->B, H = m->H, V = m->V, Td = m->Td, TB = Td * B;
    const int every = m->cfg.context == S2S_CONTEXT_EVERY;
    encode(m);
    memcpy(m->dec_h, m->c, sizeof(real) * (size_t)B * H);
    if (every) build_dec_x(m, m->dec_tok, m->dec_x, Td);
    rnn_layer_forward(m->dec_h, every ? NULL : m->dec_tok, every ? m->dec_x : NULL, m->p.dU, m->p.dW, m->p.db,
                      m->cfg.act, Td, B, m->I, H);
    linear_forward(m->logits, m->dec_h + (long)B * H, m->p.Wy, m->p.by, TB, H, V);
    // count the right argmaxes before the loss turns logits into probabilities
    int right = 0, n = 0;
    for (int i = 0; i < TB; i++) {
        if (m->tgt[i] < 0) continue;
        n++;
        right += argmax(m->logits + (long)i * V, V) == m->tgt[i];
    }
    const double sum = loss_softmax_xent(m->dlogits, m->logits, m->logits, m->tgt, TB, V, (real)(1.0 / n), NULL);
    if (loss) *loss = sum / n;
    if (correct) *correct = right;
    if (count) *count = n;
    m->forward_done = 1;
    return RNN_OK;
}

rnn_status s2s_backward(s2s_model *m) {
    if (!m->forward_done) return rnn_fail(RNN_E_STATE, "seq2seq: backward needs a forward pass on this batch first");
    const int B = m->B, H = m->H, V = m->V, I = m->I, Td = m->Td, Te = m->Te, TB = Td * B;
    const long BH = (long)B * H;
    const int every = m->cfg.context == S2S_CONTEXT_EVERY;
    memset(m->grads, 0, sizeof(real) * (size_t)m->nparams);
    // output layer -> dL/ds_t
    linear_backward(m->g.Wy, m->g.by, m->dec_dh, m->dlogits, m->dec_h + BH, m->p.Wy, TB, H, V, 0, m->transpose_buf);
    // decoder BPTT; dL/ds_{-1} is the gradient into c through the initial state
    if (every) memset(m->dec_dx, 0, sizeof(real) * (size_t)TB * I);
    rnn_layer_backward(m->g.dU, m->g.dW, m->g.db, every ? m->dec_dx : NULL, m->dc, m->dec_dh, m->dec_h,
                       every ? NULL : m->dec_tok, every ? m->dec_x : NULL, m->p.dU, m->p.dW, m->cfg.act, Td, B, I, H,
                       m->dh_next, m->transpose_buf);
    // ... plus, with context at every step, the c columns of each step's dx
    if (every)
        for (int t = 0; t < Td; t++)
            for (int b = 0; b < B; b++) k_axpy(m->dc + (long)b * H, 1, m->dec_dx + ((long)t * B + b) * I + V, H);
    // encoder: dL/dh arrives only at each sequence's last step
    memset(m->enc_dh, 0, sizeof(real) * (size_t)Te * BH);
    for (int b = 0; b < B; b++)
        memcpy(m->enc_dh + (m->in_len[b] - 1) * BH + (long)b * H, m->dc + (long)b * H, sizeof(real) * (size_t)H);
    rnn_layer_backward(m->g.eU, m->g.eW, m->g.eb, NULL, NULL, m->enc_dh, m->enc_h, m->enc_tok, NULL, m->p.eU, m->p.eW,
                       m->cfg.act, Te, B, V, H, m->dh_next, m->transpose_buf);
    return RNN_OK;
}

rnn_status s2s_train_step(s2s_model *m, s2s_step_stats *st) {
    memset(st, 0, sizeof *st);
    rnn_status s = s2s_forward(m, &st->loss, &st->correct, &st->count);
    if (!s) s = s2s_backward(m);
    if (s) return s;
    if (m->cfg.clip > 0) st->clipped = clip_by_norm(m->grads, m->nparams, (real)m->cfg.clip, &st->grad_norm);
    else st->grad_norm = grad_global_norm(m->grads, m->nparams);
    st->finite = isfinite(st->loss) && isfinite(st->grad_norm);
    if (!st->finite) return RNN_OK;
    m->step++;
    optim_step(&m->cfg.optim, m->params, m->grads, m->opt_m, m->opt_v, m->nparams, m->step);
    return RNN_OK;
}

rnn_status s2s_decode(s2s_model *m, int *out, int *out_len, int out_stride) {
    if (!m->B) return rnn_fail(RNN_E_STATE, "seq2seq: no batch loaded");
    if (!out || !out_len || out_stride < m->Td_max) return rnn_fail(RNN_E_ARG, "seq2seq: output rows need %d tokens", m->Td_max);
    m->forward_done = 0; // decoding reuses the activation buffers
    const int B = m->B, H = m->H, V = m->V, I = m->I, end = m->cfg.end;
    const long BH = (long)B * H;
    const int every = m->cfg.context == S2S_CONTEXT_EVERY;
    encode(m);
    memcpy(m->dec_h, m->c, sizeof(real) * (size_t)BH);
    for (int b = 0; b < B; b++) { out_len[b] = 0; m->pred[b] = m->cfg.go; }
    int live = B;
    for (int t = 0; t < m->Td_max && live > 0; t++) {
        int *tok = m->pred + (long)t * B; // this step's input tokens
        real *x = m->dec_x + (long)t * B * I;
        if (every) build_dec_x(m, tok, x, 1);
        rnn_layer_forward(m->dec_h + t * BH, every ? NULL : tok, every ? x : NULL, m->p.dU, m->p.dW, m->p.db,
                          m->cfg.act, 1, B, I, H);
        real *lg = m->logits + (long)t * B * V;
        linear_forward(lg, m->dec_h + (t + 1) * BH, m->p.Wy, m->p.by, B, H, V);
        for (int b = 0; b < B; b++) {
            const int y = argmax(lg + (long)b * V, V);
            if (t + 1 < m->Td_max) m->pred[(long)(t + 1) * B + b] = y;
            const int done = out_len[b] > 0 && end >= 0 && out[(long)b * out_stride + out_len[b] - 1] == end;
            if (done) continue;
            out[(long)b * out_stride + out_len[b]++] = y;
            if (y == end) live--;
        }
    }
    return RNN_OK;
}
