// seqnet.c - the general sequence model: configuration, memory, weights by
// hand, batches, forward, BPTT, training and evaluation. Stepping and free
// running are in seqnet_step.c, the gradient check and the spectral radius
// in seqnet_check.c. B batch, T time, I input, H hidden, O output.
#include "seqnet.h"
#include "../nn/rnn_layer.h"
#include "../nn/linear.h"
#include "../nn/loss.h"
#include "../rng.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

seqnet_config seqnet_defaults(void) {
    seqnet_config c;
    memset(&c, 0, sizeof c);
    c.input = 1; c.input_kind = SEQ_INPUT_DENSE; c.hidden = 1; c.output = 1;
    c.act = RNN_ACT_LINEAR; c.head = SEQ_HEAD_LINEAR_MSE;
    c.batch = 32; c.steps = 64;
    c.optim = optim_default(OPT_ADAM, 1e-2f);
    c.clip_mode = CLIP_NORM; c.clip = 5.0f;
    c.seed = 1; c.init_scale = 1.0f; c.sum_over_time = 0;
    return c;
}

// In 64 bits: on wasm32 (and -m32) `long` is 32 bits and the product of the
// largest allowed sizes overflows it before the limit check can refuse it.
static long long cells(const seqnet_config *c) {
    return (long long)c->steps * c->batch * (c->input + 3LL * c->hidden + 5LL * c->output);
}

rnn_status seqnet_check_config(const seqnet_config *c) {
    if (!c) return rnn_fail(RNN_E_ARG, "seqnet: NULL config");
    if (c->input < 1 || c->input > SEQ_MAX_INPUT) return rnn_fail(RNN_E_ARG, "seqnet: input width %d not in [1, %d]", c->input, SEQ_MAX_INPUT);
    if (c->hidden < 1 || c->hidden > SEQ_MAX_HIDDEN) return rnn_fail(RNN_E_ARG, "seqnet: hidden size %d not in [1, %d]", c->hidden, SEQ_MAX_HIDDEN);
    if (c->output < 1 || c->output > SEQ_MAX_OUTPUT) return rnn_fail(RNN_E_ARG, "seqnet: output width %d not in [1, %d]", c->output, SEQ_MAX_OUTPUT);
    if (c->batch < 1 || c->batch > SEQ_MAX_BATCH) return rnn_fail(RNN_E_ARG, "seqnet: batch %d not in [1, %d]", c->batch, SEQ_MAX_BATCH);
    if (c->steps < 1 || c->steps > SEQ_MAX_STEPS) return rnn_fail(RNN_E_ARG, "seqnet: steps %d not in [1, %d]", c->steps, SEQ_MAX_STEPS);
    if (cells(c) > SEQ_MAX_CELLS)
        return rnn_fail(RNN_E_ARG, "seqnet: steps x batch x (I + 3H + 5O) = %lld exceeds %lld activations", cells(c),
                        (long long)SEQ_MAX_CELLS);
    if ((unsigned)c->input_kind > SEQ_INPUT_ONEHOT) return rnn_fail(RNN_E_ARG, "seqnet: unknown input kind %d", (int)c->input_kind);
    if ((unsigned)c->act > RNN_ACT_LINEAR) return rnn_fail(RNN_E_ARG, "seqnet: unknown activation %d", (int)c->act);
    if ((unsigned)c->head > SEQ_HEAD_SOFTMAX_XENT) return rnn_fail(RNN_E_ARG, "seqnet: unknown output head %d", (int)c->head);
    if (c->head == SEQ_HEAD_SOFTMAX_XENT && c->output < 2) return rnn_fail(RNN_E_ARG, "seqnet: a softmax head needs at least 2 outputs");
    if ((unsigned)c->optim.kind > OPT_ADAM) return rnn_fail(RNN_E_ARG, "seqnet: unknown optimiser %d", (int)c->optim.kind);
    if (!(c->optim.lr > 0 && c->optim.lr <= 100)) return rnn_fail(RNN_E_ARG, "seqnet: learning rate must be in (0, 100]");
    if (!(c->optim.beta1 >= 0 && c->optim.beta1 < 1 && c->optim.beta2 >= 0 && c->optim.beta2 < 1))
        return rnn_fail(RNN_E_ARG, "seqnet: optimiser betas must be in [0, 1)");
    if (!(c->optim.eps > 0 && c->optim.eps < 1)) return rnn_fail(RNN_E_ARG, "seqnet: optimiser epsilon must be in (0, 1)");
    if ((unsigned)c->clip_mode > CLIP_VALUE) return rnn_fail(RNN_E_ARG, "seqnet: unknown clip mode %d", (int)c->clip_mode);
    if (c->clip_mode != CLIP_NONE && !(c->clip > 0 && c->clip < 1e30f)) return rnn_fail(RNN_E_ARG, "seqnet: clip threshold must be > 0");
    if (!(c->init_scale >= 0 && c->init_scale <= SEQ_MAX_INIT_SCALE))
        return rnn_fail(RNN_E_ARG, "seqnet: init scale must be in [0, %g]", (double)SEQ_MAX_INIT_SCALE);
    if (c->sum_over_time != 0 && c->sum_over_time != 1) return rnn_fail(RNN_E_ARG, "seqnet: sum_over_time must be 0 or 1");
    return RNN_OK;
}

rnn_status seqnet_set_training(seqnet *m, float lr, rnn_clip_mode clip_mode, float clip) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    seqnet_config c = m->cfg;
    c.optim.lr = lr; c.clip_mode = clip_mode; c.clip = clip;
    rnn_status st = seqnet_check_config(&c);
    if (!st) m->cfg = c;
    return st;
}

void seqnet_tensor_shape(const seqnet *m, seq_tensor t, int *rows, int *cols) {
    const int r[SEQ_NTENSORS] = {m->I, m->H, 1, m->H, 1}, c[SEQ_NTENSORS] = {m->H, m->H, m->H, m->O, m->O};
    *rows = r[t]; *cols = c[t];
}

static void point_tensors(real **t, real *base, int I, int H, int O) {
    t[SEQ_U] = base;                       // [I,H]
    t[SEQ_W] = t[SEQ_U] + (long)I * H;     // [H,H]
    t[SEQ_B] = t[SEQ_W] + (long)H * H;     // [H]
    t[SEQ_V] = t[SEQ_B] + H;               // [H,O]
    t[SEQ_C] = t[SEQ_V] + (long)H * O;     // [O]
}

static void init_params(seqnet *m) {
    rnn_rng r;
    rnn_rng_seed(&r, m->cfg.seed);
    const double k = m->cfg.init_scale / sqrt((double)m->H);
    const seq_tensor w[3] = {SEQ_U, SEQ_W, SEQ_V};
    for (int i = 0; i < 3; i++) {
        int rows, cols;
        seqnet_tensor_shape(m, w[i], &rows, &cols);
        for (long j = 0; j < (long)rows * cols; j++) m->p[w[i]][j] = (real)((2.0 * rnn_rng_double(&r) - 1.0) * k);
    }
}

rnn_status seqnet_create(seqnet **out, const seqnet_config *c) {
    if (!out) return rnn_fail(RNN_E_ARG, "seqnet: NULL output pointer");
    *out = NULL;
    rnn_status st = seqnet_check_config(c);
    if (st) return st;
    const long I = c->input, H = c->hidden, O = c->output, B = c->batch, T = c->steps;
    const long np = I * H + H * H + H + H * O + O;
    const long TB = T * B, mx = I > H ? (I > O ? I : O) : (H > O ? H : O);
    // activations (reals), then two double arrays and one int array (each sized in reals, rounded up)
    const long nact = TB * I + (T + 1) * B * H + 4 * TB * O + 2 * TB * H + TB + B * H + H * mx + B * (2 * H + I + O);
    const long nextra = 2 * T * (long)(sizeof(double) / sizeof(real) + 1) + TB * (long)(sizeof(int) / sizeof(real) + 1);
    seqnet *m = calloc(1, sizeof *m);
    if (!m) return rnn_fail(RNN_E_NOMEM, "seqnet model");
    m->mem = calloc((size_t)(4 * np + nact + nextra + 8), sizeof(real));
    if (!m->mem) { free(m); return rnn_fail(RNN_E_NOMEM, "seqnet: %ld parameters and %ld activations", np, nact); }
    m->cfg = *c;
    m->I = (int)I; m->H = (int)H; m->O = (int)O; m->Bmax = (int)B; m->Tmax = (int)T;
    m->nparams = np;
    m->params = m->mem; m->grads = m->params + np; m->opt_m = m->grads + np; m->opt_v = m->opt_m + np;
    point_tensors(m->p, m->params, (int)I, (int)H, (int)O);
    point_tensors(m->g, m->grads, (int)I, (int)H, (int)O);
    real *a = m->opt_v + np;
    m->x = a; a += TB * I;
    m->h = a; a += (T + 1) * B * H;
    m->z = a; a += TB * O;
    m->yo = a; a += TB * O;
    m->ty = a; a += TB * O;
    m->dz = a; a += TB * O;
    m->dh = a; a += TB * H;
    m->dh_out = a; a += TB * H;
    m->mask = a; a += TB;
    m->dh_next = a; a += B * H;
    m->wt = a; a += H * mx;
    m->hs = a; a += B * H;
    m->as = a; a += B * H;
    m->xs = a; a += B * I;
    m->zs = a; a += B * O;
    // doubles need 8-byte alignment: the block is calloc'd and every offset so far is a whole real;
    // round up to an even number of floats
    if ((a - m->mem) & 1) a++;
    m->dh_norm = (double *)a; a += 2 * T * (long)(sizeof(double) / sizeof(real));
    m->dW_norm = m->dh_norm + T;
    m->cls = (int *)a;
    init_params(m);
    *out = m;
    return RNN_OK;
}

void seqnet_free(seqnet *m) {
    if (!m) return;
    free(m->mem);
    free(m);
}

// --- weights by hand

static rnn_status tensor_arg(const seqnet *m, seq_tensor t, const void *data) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if ((unsigned)t >= SEQ_NTENSORS) return rnn_fail(RNN_E_ARG, "seqnet: unknown tensor %d (0..4: U, W, b, V, c)", (int)t);
    if (!data) return rnn_fail(RNN_E_ARG, "seqnet: NULL tensor data");
    return RNN_OK;
}

// dst[r,c] = src[r,c] (lecture = 0) or src[c,r] (lecture = 1: src is [cols,rows])
static void copy_layout(real *dst, const real *src, int rows, int cols, int lecture) {
    if (!lecture) { memcpy(dst, src, sizeof(real) * (size_t)rows * cols); return; }
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) dst[(long)r * cols + c] = src[(long)c * rows + r];
}

rnn_status seqnet_set_tensor(seqnet *m, seq_tensor t, const real *data, int lecture) {
    rnn_status st = tensor_arg(m, t, data);
    if (st) return st;
    int rows, cols;
    seqnet_tensor_shape(m, t, &rows, &cols);
    for (long i = 0; i < (long)rows * cols; i++)
        if (!isfinite(data[i])) return rnn_fail(RNN_E_NONFINITE, "seqnet: element %ld of tensor %c is not finite", i, "UWbVc"[t]);
    copy_layout(m->p[t], data, rows, cols, lecture);
    m->forward_done = m->backward_done = 0;
    return RNN_OK;
}

rnn_status seqnet_get_tensor(const seqnet *m, seq_tensor t, real *out, int lecture, int grads) {
    rnn_status st = tensor_arg(m, t, out);
    if (st) return st;
    int rows, cols;
    seqnet_tensor_shape(m, t, &rows, &cols);
    const real *src = grads ? m->g[t] : m->p[t];
    // engine [rows,cols] -> lecture [cols,rows]: the transpose of copy_layout
    if (!lecture) memcpy(out, src, sizeof(real) * (size_t)rows * cols);
    else copy_layout(out, src, cols, rows, 1);
    return RNN_OK;
}

// --- batches

static rnn_status batch_check(const seqnet *m, const seqnet_batch *b) {
    if (!m || !b) return rnn_fail(RNN_E_ARG, "seqnet: NULL model or batch");
    if (b->B < 1 || b->B > m->Bmax) return rnn_fail(RNN_E_ARG, "seqnet: batch of %d sequences not in [1, %d]", b->B, m->Bmax);
    if (b->T < 1 || b->T > m->Tmax) return rnn_fail(RNN_E_ARG, "seqnet: %d steps not in [1, %d]", b->T, m->Tmax);
    const int onehot = m->cfg.input_kind == SEQ_INPUT_ONEHOT;
    if (onehot && !b->tokens) return rnn_fail(RNN_E_ARG, "seqnet: one-hot inputs need tokens");
    if (!onehot && !b->x) return rnn_fail(RNN_E_ARG, "seqnet: dense inputs need x");
    const long n = (long)b->B * b->T;
    if (onehot) {
        for (long i = 0; i < n; i++)
            if (b->tokens[i] < -1 || b->tokens[i] >= m->I)
                return rnn_fail(RNN_E_ARG, "seqnet: token %d at sequence %ld step %ld not in [-1, %d)", b->tokens[i], i / b->T, i % b->T, m->I);
    } else {
        for (long i = 0; i < n * m->I; i++)
            if (!isfinite(b->x[i])) return rnn_fail(RNN_E_NONFINITE, "seqnet: input element %ld is not finite", i);
    }
    const int softmax = m->cfg.head == SEQ_HEAD_SOFTMAX_XENT;
    for (long i = 0; b->mask && i < n; i++)
        if (!(b->mask[i] >= 0 && b->mask[i] < 1e30f)) return rnn_fail(RNN_E_ARG, "seqnet: mask element %ld must be a finite weight >= 0", i);
    if (softmax && b->y && !b->cls) return rnn_fail(RNN_E_ARG, "seqnet: a softmax head takes class ids (cls), not real targets");
    if (!softmax && b->cls && !b->y) return rnn_fail(RNN_E_ARG, "seqnet: this head takes real targets (y), not class ids");
    for (long i = 0; softmax && b->cls && i < n; i++)
        if ((!b->mask || b->mask[i] > 0) && (b->cls[i] < 0 || b->cls[i] >= m->O))
            return rnn_fail(RNN_E_ARG, "seqnet: class %d at sequence %ld step %ld not in [0, %d)", b->cls[i], i / b->T, i % b->T, m->O);
    for (long i = 0; !softmax && b->y && i < n * m->O; i++)
        if (!isfinite(b->y[i])) return rnn_fail(RNN_E_NONFINITE, "seqnet: target element %ld is not finite", i);
    for (long i = 0; b->h0 && i < (long)b->B * m->H; i++)
        if (!isfinite(b->h0[i])) return rnn_fail(RNN_E_NONFINITE, "seqnet: h0 element %ld is not finite", i);
    return RNN_OK;
}

rnn_status seqnet_set_batch(seqnet *m, const seqnet_batch *b) {
    rnn_status st = batch_check(m, b);
    if (st) return st;
    const int B = b->B, T = b->T, I = m->I, H = m->H, O = m->O;
    const int softmax = m->cfg.head == SEQ_HEAD_SOFTMAX_XENT;
    m->B = B; m->T = T;
    m->has_targets = softmax ? b->cls != NULL : b->y != NULL;
    m->forward_done = m->backward_done = 0;
    memset(m->x, 0, sizeof(real) * (size_t)T * B * I);
    for (int s = 0; s < B; s++) {
        for (int t = 0; t < T; t++) {
            const long src = (long)s * T + t, dst = (long)t * B + s; // batch-major -> time-major
            if (b->tokens) { if (b->tokens[src] >= 0) m->x[dst * I + b->tokens[src]] = 1; }
            else memcpy(m->x + dst * I, b->x + src * I, sizeof(real) * (size_t)I);
            m->mask[dst] = m->has_targets ? (b->mask ? b->mask[src] : 1) : 0;
            m->cls[dst] = softmax && b->cls && m->mask[dst] > 0 ? b->cls[src] : -1;
            if (!softmax && b->y) memcpy(m->ty + dst * O, b->y + src * O, sizeof(real) * (size_t)O);
        }
        if (b->h0) memcpy(m->h + (long)s * H, b->h0 + (long)s * H, sizeof(real) * (size_t)H);
        else memset(m->h + (long)s * H, 0, sizeof(real) * (size_t)H);
    }
    return RNN_OK;
}

// --- forward, loss, backward

// The loss's divisor: the number of scored steps (mean) or B (sum over time).
static double loss_divisor(const seqnet *m) {
    if (m->cfg.sum_over_time) return m->B;
    double n = 0;
    for (long i = 0; i < (long)m->T * m->B; i++) n += m->mask[i];
    return n;
}

static real sigmoid(real z) { return (real)(1.0 / (1.0 + exp(-(double)z))); }

void seqnet_head_forward(seq_head head, real *y, real *z, long n, int O) {
    const long k = n * O;
    switch (head) {
    case SEQ_HEAD_LINEAR_MSE: memcpy(y, z, sizeof(real) * (size_t)k); break;
    case SEQ_HEAD_TANH_MSE: for (long i = 0; i < k; i++) y[i] = RTANH(z[i]); break;
    case SEQ_HEAD_SIGMOID_BCE: for (long i = 0; i < k; i++) y[i] = sigmoid(z[i]); break;
    case SEQ_HEAD_SOFTMAX_XENT: k_softmax_rows(y, z, (int)n, O, 1.0f); break;
    }
}

// The loss of one scored row and dL/dz for it (scale = mask / divisor).
static double row_loss(const seqnet *m, long r, real scale) {
    const int O = m->O;
    real *dz = m->dz + r * O, *y = m->yo + r * O;
    const real *z = m->z + r * O, *t = m->ty + r * O;
    switch (m->cfg.head) {
    case SEQ_HEAD_LINEAR_MSE: return loss_mse(dz, y, t, O, scale);
    case SEQ_HEAD_TANH_MSE: {
        const double l = loss_mse(dz, y, t, O, scale);
        for (int o = 0; o < O; o++) dz[o] *= 1 - y[o] * y[o]; // through tanh
        return l;
    }
    case SEQ_HEAD_SIGMOID_BCE: return loss_sigmoid_bce(dz, z, t, O, scale);
    case SEQ_HEAD_SOFTMAX_XENT: return loss_softmax_xent(dz, y, z, m->cls + r, 1, O, scale, NULL);
    }
    return NAN;
}

rnn_status seqnet_forward(seqnet *m, double *loss) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (!m->B) return rnn_fail(RNN_E_STATE, "seqnet: no batch loaded");
    const int B = m->B, T = m->T, I = m->I, H = m->H, O = m->O;
    const long TB = (long)T * B;
    rnn_layer_forward(m->h, NULL, m->x, m->p[SEQ_U], m->p[SEQ_W], m->p[SEQ_B], m->cfg.act, T, B, I, H);
    linear_forward(m->z, m->h + (long)B * H, m->p[SEQ_V], m->p[SEQ_C], (int)TB, H, O);
    seqnet_head_forward(m->cfg.head, m->yo, m->z, TB, O);
    memset(m->dz, 0, sizeof(real) * (size_t)TB * O);
    double sum = 0;
    const double div = loss_divisor(m);
    for (long r = 0; m->has_targets && r < TB; r++)
        if (m->mask[r] > 0) sum += m->mask[r] * row_loss(m, r, (real)(m->mask[r] / div));
    m->forward_done = 1;
    m->backward_done = 0;
    if (loss) *loss = m->has_targets ? (div > 0 ? sum / div : 0) : NAN;
    return RNN_OK;
}

static double frob(const real *a, long n) {
    double s = 0;
    for (long i = 0; i < n; i++) s += (double)a[i] * a[i];
    return sqrt(s);
}

// After BPTT dh holds da_t. The total dL/dh_t = (from the head) + da_{t+1} W^T;
// the step-t term of dL/dW is h_{t-1}^T da_t (its norm, via the wt scratch).
static void step_diagnostics(seqnet *m) {
    const int B = m->B, T = m->T, H = m->H;
    const long BH = (long)B * H;
    for (int t = 0; t < T; t++) {
        memcpy(m->dh_next, m->dh_out + t * BH, sizeof(real) * (size_t)BH);
        if (t + 1 < T) k_matmul_nt(m->dh_next, m->dh + (t + 1) * BH, m->p[SEQ_W], B, H, H, 1);
        m->dh_norm[t] = frob(m->dh_next, BH);
        memset(m->wt, 0, sizeof(real) * (size_t)H * H);
        k_matmul_tn(m->wt, m->h + t * BH, m->dh + t * BH, H, B, H);
        m->dW_norm[t] = frob(m->wt, (long)H * H);
    }
}

rnn_status seqnet_backward(seqnet *m) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (!m->forward_done) return rnn_fail(RNN_E_STATE, "seqnet: backward needs a forward pass first");
    if (!m->has_targets) return rnn_fail(RNN_E_STATE, "seqnet: the batch has no targets");
    const int B = m->B, T = m->T, I = m->I, H = m->H, O = m->O;
    const long TB = (long)T * B;
    memset(m->grads, 0, sizeof(real) * (size_t)m->nparams);
    linear_backward(m->g[SEQ_V], m->g[SEQ_C], m->dh, m->dz, m->h + (long)B * H, m->p[SEQ_V], (int)TB, H, O, 0, m->wt);
    memcpy(m->dh_out, m->dh, sizeof(real) * (size_t)TB * H);
    rnn_layer_backward(m->g[SEQ_U], m->g[SEQ_W], m->g[SEQ_B], NULL, NULL, m->dh, m->h, NULL, m->x, m->p[SEQ_U],
                       m->p[SEQ_W], m->cfg.act, T, B, I, H, m->dh_next, m->wt);
    step_diagnostics(m);
    m->backward_done = 1;
    return RNN_OK;
}

rnn_status seqnet_train_step(seqnet *m, seqnet_stats *st) {
    if (!st) return rnn_fail(RNN_E_ARG, "seqnet: NULL stats");
    memset(st, 0, sizeof *st);
    double loss;
    rnn_status s = seqnet_forward(m, &loss);
    if (!s) s = seqnet_backward(m);
    if (s) return s;
    double norm;
    int clipped = 0;
    if (m->cfg.clip_mode == CLIP_NORM) clipped = clip_by_norm(m->grads, m->nparams, m->cfg.clip, &norm);
    else if (m->cfg.clip_mode == CLIP_VALUE) clipped = clip_by_value(m->grads, m->nparams, m->cfg.clip, &norm);
    else norm = grad_global_norm(m->grads, m->nparams);
    st->loss = loss; st->grad_norm = norm; st->clipped = clipped;
    st->grad_norm_after = clipped ? grad_global_norm(m->grads, m->nparams) : norm;
    st->finite = isfinite(loss) && isfinite(norm);
    if (st->finite) {
        m->step++;
        optim_step(&m->cfg.optim, m->params, m->grads, m->opt_m, m->opt_v, m->nparams, m->step);
        m->forward_done = 0; // the weights moved: h and y are those before the update
    }
    st->step = m->step;
    return RNN_OK;
}

// --- evaluation and read-back

static int row_correct(const seqnet *m, long r) {
    const int O = m->O;
    const real *y = m->yo + r * O, *t = m->ty + r * O;
    if (m->cfg.head == SEQ_HEAD_SOFTMAX_XENT) {
        int best = 0;
        for (int o = 1; o < O; o++) if (y[o] > y[best]) best = o;
        return best == m->cls[r];
    }
    for (int o = 0; o < O; o++) {
        int ok;
        if (m->cfg.head == SEQ_HEAD_TANH_MSE) ok = (y[o] > 0) == (t[o] > 0);
        else if (m->cfg.head == SEQ_HEAD_SIGMOID_BCE) ok = (y[o] > 0.5f) == (t[o] > 0.5f);
        else ok = fabs((double)y[o] - t[o]) < 0.5;
        if (!ok) return 0;
    }
    return 1;
}

rnn_status seqnet_evaluate(seqnet *m, seqnet_eval *ev) {
    if (!ev) return rnn_fail(RNN_E_ARG, "seqnet: NULL result");
    memset(ev, 0, sizeof *ev);
    rnn_status st = seqnet_forward(m, &ev->loss);
    if (st) return st;
    if (!m->has_targets) return rnn_fail(RNN_E_STATE, "seqnet: the batch has no targets");
    for (int s = 0; s < m->B; s++) {
        int scored = 0, all = 1;
        for (int t = 0; t < m->T; t++) {
            const long r = (long)t * m->B + s;
            if (!(m->mask[r] > 0)) continue;
            const int ok = row_correct(m, r);
            scored++; ev->count++; ev->correct += ok; all &= ok;
        }
        if (scored) { ev->seq_count++; ev->seq_correct += all; }
    }
    return RNN_OK;
}

// time-major [T,B,n] (from row offset) -> batch-major [B,T,n]
static void to_batch_major(real *out, const real *src, int T, int B, int n) {
    for (int s = 0; s < B; s++)
        for (int t = 0; t < T; t++) memcpy(out + ((long)s * T + t) * n, src + ((long)t * B + s) * n, sizeof(real) * (size_t)n);
}

rnn_status seqnet_read_hidden(const seqnet *m, real *out) {
    if (!m || !out) return rnn_fail(RNN_E_ARG, "seqnet: NULL argument");
    if (!m->forward_done) return rnn_fail(RNN_E_STATE, "seqnet: no forward pass to read (run forward first)");
    to_batch_major(out, m->h + (long)m->B * m->H, m->T, m->B, m->H);
    return RNN_OK;
}

rnn_status seqnet_read_output(const seqnet *m, real *out) {
    if (!m || !out) return rnn_fail(RNN_E_ARG, "seqnet: NULL argument");
    if (!m->forward_done) return rnn_fail(RNN_E_STATE, "seqnet: no forward pass to read (run forward first)");
    to_batch_major(out, m->yo, m->T, m->B, m->O);
    return RNN_OK;
}

rnn_status seqnet_step_dW(const seqnet *m, int t, real *out, int lecture) {
    if (!m || !out) return rnn_fail(RNN_E_ARG, "seqnet: NULL argument");
    if (!m->backward_done) return rnn_fail(RNN_E_STATE, "seqnet: no backward pass (compute gradients first)");
    if (t < 0 || t >= m->T) return rnn_fail(RNN_E_ARG, "seqnet: step %d not in [0, %d)", t, m->T);
    const int B = m->B, H = m->H;
    const long BH = (long)B * H;
    real *acc = m->wt;  // scratch of H*max(H,I,O) >= H*H
    memset(acc, 0, sizeof(real) * (size_t)H * H);
    k_matmul_tn(acc, m->h + t * BH, m->dh + t * BH, H, B, H);
    if (!lecture) memcpy(out, acc, sizeof(real) * (size_t)H * H);
    else copy_layout(out, acc, H, H, 1);
    return RNN_OK;
}
