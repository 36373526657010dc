// charlm.c - char-level RNN language model: data streams, training step,
// validation, sampling. V vocab, H hidden, B streams, T steps per chunk.
#include "charlm.h"
#include "charlm_replica.h"
#include "../nn/rnn_layer.h"
#include "../nn/linear.h"
#include "../nn/loss.h"
#include "../data/utf8.h"
#include "../io/model_file.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

uint32_t rnn_fnv1a(const void *data, long len, uint32_t h) {
    const unsigned char *p = data;
    for (long i = 0; i < len; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

// The defaults are the settings that reached the best validation bits per char
// on Tiny Shakespeare after 60 s on one core (docs/performance.md): a smaller
// H than the benchmark's 256 sees more text in the same time.
rnn_charlm_config rnn_charlm_defaults(void) {
    rnn_charlm_config c;
    memset(&c, 0, sizeof c);
    c.hidden = 160; c.seq = 64; c.batch = 32;
    c.act = RNN_ACT_TANH;
    c.optim = optim_default(OPT_ADAM, 3e-3f);
    c.clip_mode = CLIP_NORM; c.clip = 5.0f;
    c.val_fraction = 0.1f;
    c.vocab_cap = 256;
    c.seed = 1;
    return c;
}

rnn_status rnn_charlm_check_config(const rnn_charlm_config *c) {
    if (c->hidden < 1 || c->hidden > RNN_MAX_HIDDEN) return rnn_fail(RNN_E_ARG, "hidden size %d not in [1, %d]", c->hidden, RNN_MAX_HIDDEN);
    if (c->seq < 1 || c->seq > RNN_MAX_SEQ) return rnn_fail(RNN_E_ARG, "sequence length %d not in [1, %d]", c->seq, RNN_MAX_SEQ);
    if (c->batch < 1 || c->batch > RNN_MAX_BATCH) return rnn_fail(RNN_E_ARG, "batch %d not in [1, %d]", c->batch, RNN_MAX_BATCH);
    if ((unsigned)c->act > RNN_ACT_LINEAR) return rnn_fail(RNN_E_ARG, "unknown activation %d", (int)c->act);
    if ((unsigned)c->optim.kind > OPT_ADAM) return rnn_fail(RNN_E_ARG, "unknown optimiser %d", (int)c->optim.kind);
    if (!(c->optim.lr > 0.0f && c->optim.lr <= RNN_MAX_LR)) return rnn_fail(RNN_E_ARG, "learning rate must be in (0, %g]", (double)RNN_MAX_LR);
    if (!(c->optim.beta1 >= 0.0f && c->optim.beta1 < 1.0f && c->optim.beta2 >= 0.0f && c->optim.beta2 < 1.0f))
        return rnn_fail(RNN_E_ARG, "optimiser betas must be in [0, 1)");
    if (!(c->optim.eps > 0.0f && c->optim.eps < 1.0f)) return rnn_fail(RNN_E_ARG, "optimiser epsilon must be in (0, 1)");
    if ((unsigned)c->clip_mode > CLIP_VALUE) return rnn_fail(RNN_E_ARG, "unknown clip mode %d", (int)c->clip_mode);
    if (isnan(c->clip)) return rnn_fail(RNN_E_ARG, "clip threshold is NaN (refused even with clipping off)");
    if (c->clip_mode != CLIP_NONE && !(c->clip > 0.0f && c->clip < RNN_MAX_CLIP)) return rnn_fail(RNN_E_ARG, "clip threshold must be > 0");
    if (!(c->val_fraction >= 0.0f && c->val_fraction <= RNN_MAX_VAL_FRACTION))
        return rnn_fail(RNN_E_ARG, "validation fraction must be in [0, %g]", (double)RNN_MAX_VAL_FRACTION);
    if (c->vocab_cap < 2 || c->vocab_cap > RNN_VOCAB_MAX) return rnn_fail(RNN_E_ARG, "vocabulary cap %d not in [2, %d]", c->vocab_cap, RNN_VOCAB_MAX);
    return RNN_OK;
}

static void point_tensors(rnn_charlm_tensors *t, float *base, int V, int H) {
    t->U = base;                     // [V,H]
    t->W = t->U + (long)V * H;       // [H,H]
    t->b = t->W + (long)H * H;       // [H]
    t->Wy = t->b + H;                // [H,V]
    t->by = t->Wy + (long)H * V;     // [V]
}

rnn_status rnn_charlm_alloc(rnn_charlm **out, const rnn_charlm_config *cfg, rnn_vocab *vocab) {
    *out = NULL;
    rnn_status st = rnn_charlm_check_config(cfg);
    if (st) return st;
    // sizes in 64 bits first: on wasm32 `long` is 32 bits, and B*T*V floats
    // must stay addressable (and sane) before anything is allocated
    const int64_t V64 = vocab->size, H64 = cfg->hidden, TB64 = (int64_t)cfg->seq * cfg->batch;
    const int64_t floats = 4 * (V64 * H64 * 2 + H64 * H64 + H64 + V64) + (TB64 + cfg->batch) * H64 * 2 + 2 * TB64 * V64 + 2 * TB64 + H64 * (H64 > V64 ? H64 : V64);
    if (floats > ((int64_t)1 << 28))
        return rnn_fail(RNN_E_SIZE, "model too large: %.0f MB of parameters and activations (limit 1024 MB)", (double)floats * 4 / 1048576.0);
    // a model that could not be loaded back once saved is refused before it trains
    const int64_t file = rnn_model_file_bytes(V64, H64, cfg->batch);
    if (file > RNN_FILE_MAX_BYTES)
        return rnn_fail(RNN_E_SIZE, "model too large to save: its file would be %lld bytes, the model-file limit is %ld bytes (V=%d, H=%d, B=%d)",
                        (long long)file, (long)RNN_FILE_MAX_BYTES, vocab->size, cfg->hidden, cfg->batch);
    rnn_charlm *m = calloc(1, sizeof *m);
    if (!m) return rnn_fail(RNN_E_NOMEM, "model struct");
    m->cfg = *cfg;
    m->vocab = *vocab;
    memset(vocab, 0, sizeof *vocab);
    const int V = m->V = m->vocab.size, H = m->H = cfg->hidden, B = m->B = cfg->batch, T = m->T = cfg->seq;
    m->nparams = (long)V * H + (long)H * H + H + (long)H * V + V;
    // calloc: zeroed gradients and optimiser state, and keeps valgrind quiet
    m->mem = calloc((size_t)m->nparams * 4, sizeof(float));
    const long BH = (long)B * H, TB = (long)T * B;
    const long nwt = (long)H * (H > V ? H : V);
    const long nacts = (T + 1) * BH + 2 * TB * V + TB * H + BH + nwt; // + x,y ints (2*TB) below
    m->acts = calloc((size_t)(nacts + 2 * TB), sizeof(float));
    m->pos = calloc((size_t)B * 2, sizeof(long)); // pos | pos_next
    m->h_carry = calloc((size_t)BH, sizeof(float));
    if (!m->mem || !m->acts || !m->pos || !m->h_carry) {
        const long np = m->nparams;
        rnn_charlm_free(m);
        return rnn_fail(RNN_E_NOMEM, "model of %ld parameters (H=%d, V=%d, B=%d, T=%d)", np, H, V, B, T);
    }
    m->pos_next = m->pos + B;
    m->workers = 1;
    m->params = m->mem;
    m->grads = m->params + m->nparams;
    m->opt_m = m->grads + m->nparams;
    m->opt_v = m->opt_m + m->nparams;
    point_tensors(&m->p, m->params, V, H);
    point_tensors(&m->g, m->grads, V, H);
    m->hs = m->acts;
    m->logits = m->hs + (T + 1) * BH;
    m->dlogits = m->logits + TB * V;
    m->dhs = m->dlogits + TB * V;
    m->dh_next = m->dhs + TB * H;
    m->transpose_buf = m->dh_next + BH;
    m->x = (int *)(m->transpose_buf + nwt); // sizeof(int) == sizeof(float) on every target we build for
    m->y = m->x + TB;
    m->unigram_bits = NAN;
    *out = m;
    return RNN_OK;
}

// PyTorch's nn.RNN / nn.Linear scheme: uniform in [-1/sqrt(H), 1/sqrt(H)];
// biases start at zero.
static void init_params(rnn_charlm *m) {
    rnn_rng r;
    rnn_rng_seed(&r, m->cfg.seed);
    const float k = 1.0f / sqrtf((float)m->H);
    const long nw[3] = {(long)m->V * m->H, (long)m->H * m->H, (long)m->H * m->V};
    float *w[3] = {m->p.U, m->p.W, m->p.Wy};
    for (int t = 0; t < 3; t++)
        for (long i = 0; i < nw[t]; i++) w[t][i] = (2.0f * rnn_rng_float(&r) - 1.0f) * k;
}

static double entropy_bits(const int *tok, long n, int V) {
    long *count = calloc((size_t)V, sizeof(long));
    if (!count || n <= 0) { free(count); return NAN; }
    for (long i = 0; i < n; i++) count[tok[i]]++;
    double h = 0.0;
    for (int v = 0; v < V; v++)
        if (count[v]) { const double p = (double)count[v] / n; h -= p * log2(p); }
    free(count);
    return h;
}

// Decodes text and maps it to token ids; every char must be in the vocabulary
// (or map to its unknown symbol).
static rnn_status tokenize(const rnn_vocab *v, const char *text, long len, int **tok, long *n) {
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)(len > 0 ? len : 1));
    if (!cps) return rnn_fail(RNN_E_NOMEM, "text of %ld bytes", len);
    rnn_status st = utf8_decode(text, len, cps, n);
    if (st) { free(cps); return st; }
    *tok = malloc(sizeof(int) * (size_t)(*n > 0 ? *n : 1));
    if (!*tok) { free(cps); return rnn_fail(RNN_E_NOMEM, "tokens"); }
    vocab_encode(v, cps, *n, *tok);
    for (long i = 0; i < *n; i++)
        if ((*tok)[i] < 0) {
            const unsigned cp = cps[i];
            free(cps); free(*tok); *tok = NULL;
            return rnn_fail(RNN_E_DATA, "character U+%04X at position %ld is not in the model's vocabulary", cp, i);
        }
    free(cps);
    return RNN_OK;
}

void rnn_charlm_reset_streams(rnn_charlm *m) {
    memset(m->pos, 0, sizeof(long) * (size_t)m->B);
    memset(m->h_carry, 0, sizeof(float) * (size_t)m->B * m->H);
    if (m->workers > 1) {
        memset(m->pos_all, 0, sizeof(long) * (size_t)m->workers * m->B);
        memset(m->carry_all, 0, sizeof(float) * (size_t)m->workers * m->B * m->H);
        for (int k = 0; k < m->workers; k++) m->slice_step[k] = m->step;
    }
}

// Kept stream cursors (from a model file) must index inside their stream of
// L characters: a step leaves each cursor in [0, L - 1]. Every replica's
// (the file of N > 1 workers holds all N*B), not only this one's.
rnn_status rnn_charlm_check_cursors(const rnn_charlm *m, long L) {
    const long *pos = m->workers > 1 ? m->pos_all : m->pos;
    for (long i = 0; i < (long)m->workers * m->B; i++)
        if (pos[i] < 0 || pos[i] >= L) {
            if (m->workers > 1)
                return rnn_fail(RNN_E_SIZE, "replica %ld's stream cursor %ld is %ld, past the end of its stream of %ld characters", i / m->B,
                                i % m->B, pos[i], L);
            return rnn_fail(RNN_E_SIZE, "stream cursor %ld is %ld, past the end of its stream of %ld characters", i, pos[i], L);
        }
    return RNN_OK;
}

// The workers whose streams the training text holds: the model's count, or,
// for a text whose streams restart anyway (another text than the file's),
// the largest count that fits (at least 1; too short for 1 is refused).
static int fitting_workers(const rnn_charlm *m, long n_train, int reset_streams) {
    int w = m->workers;
    while (reset_streams && w > 1 && n_train / ((long)w * m->B) < m->T + 1) w--;
    return w;
}

rnn_status rnn_charlm_set_text(rnn_charlm *m, const char *text, long len, int reset_streams) {
    int *tok;
    long n;
    rnn_status st = tokenize(&m->vocab, text, len, &tok, &n);
    if (st) return st;
    const long n_val = (long)((double)n * m->cfg.val_fraction);
    const long n_train = n - n_val;
    const int workers = fitting_workers(m, n_train, reset_streams);
    const long streams = (long)m->B * workers;
    if (n_train < streams * (m->T + 1)) {
        free(tok);
        if (workers > 1)
            return rnn_fail(RNN_E_DATA, "text too short: %ld training characters, need at least workers x batch x (seq + 1) = %ld",
                            n_train, streams * (m->T + 1));
        return rnn_fail(RNN_E_DATA, "text too short: %ld training characters, need at least batch x (seq + 1) = %ld",
                        n_train, (long)m->B * (m->T + 1));
    }
    if (!reset_streams && (st = rnn_charlm_check_cursors(m, n_train / streams))) { free(tok); return st; }
    if (workers != m->workers && (st = rnn_charlm_resize_workers(m, workers))) { free(tok); return st; }
    free(m->tokens);
    m->tokens = tok;
    m->tok_first = 0; // the whole text
    m->slice_workers = m->slice_shard = 0;
    m->n_train = n_train;
    m->n_val = n_val;
    m->text_hash = rnn_fnv1a(text, len, 2166136261u);
    m->unigram_bits = entropy_bits(tok, n_train, m->V);
    if (reset_streams) rnn_charlm_reset_streams(m);
    return RNN_OK;
}

rnn_status rnn_charlm_create(rnn_charlm **out, const rnn_charlm_config *cfg, const char *text, long len) {
    *out = NULL;
    rnn_status st = rnn_charlm_check_config(cfg);
    if (st) return st;
    if (!text || len <= 0) return rnn_fail(RNN_E_DATA, "the text is empty");
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)len);
    if (!cps) return rnn_fail(RNN_E_NOMEM, "text of %ld bytes", len);
    long n;
    st = utf8_decode(text, len, cps, &n);
    rnn_vocab v;
    if (!st) st = vocab_build(&v, cps, n, cfg->vocab_cap);
    free(cps);
    if (st) return st;
    if (v.size < 2) { vocab_free(&v); return rnn_fail(RNN_E_DATA, "the text has a single distinct character: nothing to predict"); }
    rnn_charlm *m;
    st = rnn_charlm_alloc(&m, cfg, &v);
    if (st) { vocab_free(&v); return st; }
    init_params(m);
    st = rnn_charlm_set_text(m, text, len, 1);
    if (st) { rnn_charlm_free(m); return st; }
    *out = m;
    return RNN_OK;
}

// Fills x, y [T,B] from the B streams and hs[0] from the carried state;
// a stream that can't supply T+1 more chars restarts at its beginning with a
// zero state. m->pos_next receives the cursors to commit if the step succeeds.
// The training text is cut into workers*B streams of L characters; this
// replica reads streams shard*B .. shard*B+B-1 (all of them when workers = 1).
static void next_batch(rnn_charlm *m) {
    const int B = m->B, T = m->T, H = m->H;
    const long L = m->n_train / ((long)B * m->workers);
    for (int s = 0; s < B; s++) {
        long p = m->pos[s];
        const int wrap = p > L - (T + 1); // p + T + 1 > L, without overflow (L >= T + 1)
        if (wrap) p = 0;
        const int *src = m->tokens + (((long)m->shard * B + s) * L - m->tok_first) + p; // tok_first: a replica's own streams
        for (int t = 0; t < T; t++) { m->x[t * B + s] = src[t]; m->y[t * B + s] = src[t + 1]; }
        if (wrap) memset(m->hs + (long)s * H, 0, sizeof(float) * (size_t)H);
        else memcpy(m->hs + (long)s * H, m->h_carry + (long)s * H, sizeof(float) * (size_t)H);
        m->pos_next[s] = p + T;
    }
}

// Forward and backward on the next chunk of the B streams: fills grads
// (zeroed first, not clipped) and returns the mean loss in nats. State is
// not advanced: m->pos_next receives the cursors to commit. The gradient is
// that of the mean loss over all workers*T*B predictions, so the replicas'
// gradients sum to the whole batch's (workers = 1: the mean over T*B).
double rnn_charlm_forward_backward(rnn_charlm *m) {
    const int V = m->V, H = m->H, B = m->B, T = m->T, TB = T * B;
    next_batch(m);
    rnn_layer_forward(m->hs, m->x, NULL, m->p.U, m->p.W, m->p.b, m->cfg.act, T, B, V, H);
    float *hout = m->hs + (long)B * H; // h_0 .. h_{T-1} of this chunk: [T*B, H]
    linear_forward(m->logits, hout, m->p.Wy, m->p.by, TB, H, V);
    memset(m->grads, 0, sizeof(float) * (size_t)m->nparams);
    int count;
    const double loss = loss_softmax_xent(m->dlogits, m->logits, m->logits, m->y, TB, V, 1.0f / (float)(TB * m->workers), &count) / count;
    linear_backward(m->g.Wy, m->g.by, m->dhs, m->dlogits, hout, m->p.Wy, TB, H, V, 0, m->transpose_buf);
    rnn_layer_backward(m->g.U, m->g.W, m->g.b, NULL, NULL, m->dhs, m->hs, m->x, NULL, m->p.U, m->p.W, m->cfg.act, T, B,
                       V, H, m->dh_next, m->transpose_buf);
    return loss;
}

rnn_status rnn_charlm_gradients(rnn_charlm *m, double *loss) {
    if (!m->tokens) return rnn_fail(RNN_E_STATE, "no training text attached to this model");
    *loss = rnn_charlm_forward_backward(m);
    return RNN_OK;
}

// One optimiser step; returns 0 if the loss or gradient was not finite (no
// update applied, no state changed).
static int train_step(rnn_charlm *m, double *loss, double *norm, int *clipped) {
    *loss = rnn_charlm_forward_backward(m);
    return rnn_charlm_update(m, *loss, norm, clipped);
}

// Clips m->grads, and if the loss and the gradient are finite applies the
// optimiser and commits the streams' cursors and carried state (returns 1);
// otherwise changes nothing (returns 0).
int rnn_charlm_update(rnn_charlm *m, double loss, double *norm, int *clipped) {
    const int B = m->B, T = m->T, H = m->H;
    *clipped = 0;
    if (m->cfg.clip_mode == CLIP_NORM) *clipped = clip_by_norm(m->grads, m->nparams, m->cfg.clip, norm);
    else if (m->cfg.clip_mode == CLIP_VALUE) *clipped = clip_by_value(m->grads, m->nparams, m->cfg.clip, norm);
    else *norm = grad_global_norm(m->grads, m->nparams);
    if (!isfinite(loss) || !isfinite(*norm)) return 0;
    m->step++;
    optim_step(&m->cfg.optim, m->params, m->grads, m->opt_m, m->opt_v, m->nparams, m->step);
    memcpy(m->pos, m->pos_next, sizeof(long) * (size_t)B);
    memcpy(m->h_carry, m->hs + (long)T * B * H, sizeof(float) * (size_t)B * H);
    if (m->workers > 1) rnn_charlm_keep_slice(m, m->shard, m->pos, m->h_carry);
    return 1;
}

rnn_status rnn_charlm_set_lr(rnn_charlm *m, float lr) {
    if (!(lr > 0.0f && lr <= RNN_MAX_LR)) return rnn_fail(RNN_E_ARG, "learning rate must be in (0, %g]", (double)RNN_MAX_LR);
    m->cfg.optim.lr = lr;
    return RNN_OK;
}

rnn_status rnn_charlm_train(rnn_charlm *m, int steps, rnn_train_stats *st) {
    memset(st, 0, sizeof *st);
    st->finite = 1;
    st->step = m->step;
    if (!m->tokens) return rnn_fail(RNN_E_STATE, "no training text attached to this model");
    if (m->workers > 1)
        return rnn_fail(RNN_E_STATE, "this model is replica %d of %d: it trains one step at a time with the others (charlm_replica.h)",
                        m->shard, m->workers);
    if (steps < 0 || steps > 1000000) return rnn_fail(RNN_E_ARG, "steps %d not in [0, 1000000]", steps);
    if (m->step > RNN_MAX_STEP - steps)
        return rnn_fail(RNN_E_STATE, "step counter at %ld: %d more steps would pass the limit of %ld steps", m->step, steps,
                        (long)RNN_MAX_STEP);
    double sum = 0.0;
    int done = 0;
    for (int i = 0; i < steps; i++) {
        double loss, norm;
        int clipped;
        const int ok = train_step(m, &loss, &norm, &clipped);
        st->grad_norm = norm;
        if (!ok) { st->finite = 0; break; }
        sum += loss;
        st->clipped += clipped;
        done++;
    }
    st->loss = done ? sum / done : NAN;
    st->chars = (int64_t)done * m->B * m->T;
    st->step = m->step;
    return RNN_OK;
}

// Sum of -log p (nats) over the next-char predictions of S contiguous streams
// of tok[0..n), each from a zero state, processed T steps at a time.
static rnn_status eval_tokens(rnn_charlm *m, const int *tok, long n, int S, double *nats, long *count) {
    const int V = m->V, H = m->H, T = m->T;
    const long L = n / S;
    *nats = 0.0;
    *count = 0;
    if (L < 2) return RNN_OK;
    float *h = malloc(sizeof(float) * ((size_t)(T + 1) * S * H + (size_t)T * S * V));
    int *xy = malloc(sizeof(int) * 2 * (size_t)T * S);
    if (!h || !xy) { free(h); free(xy); return rnn_fail(RNN_E_NOMEM, "evaluation buffers"); }
    float *logits = h + (long)(T + 1) * S * H;
    int *x = xy, *y = xy + (long)T * S;
    memset(h, 0, sizeof(float) * (size_t)S * H);
    for (long c = 0; c < L - 1; c += T) {
        const int Tc = (int)(L - 1 - c < T ? L - 1 - c : T);
        for (int t = 0; t < Tc; t++)
            for (int s = 0; s < S; s++) {
                x[t * S + s] = tok[s * L + c + t];
                y[t * S + s] = tok[s * L + c + t + 1];
            }
        rnn_layer_forward(h, x, NULL, m->p.U, m->p.W, m->p.b, m->cfg.act, Tc, S, V, H);
        linear_forward(logits, h + (long)S * H, m->p.Wy, m->p.by, Tc * S, H, V);
        int k;
        *nats += loss_softmax_xent(NULL, logits, logits, y, Tc * S, V, 1.0f, &k);
        *count += k;
        memcpy(h, h + (long)Tc * S * H, sizeof(float) * (size_t)S * H);
    }
    free(h);
    free(xy);
    return RNN_OK;
}

rnn_status rnn_charlm_validate(rnn_charlm *m, double *bpc) {
    *bpc = NAN;
    if (!m->tokens) return rnn_fail(RNN_E_STATE, "no text attached to this model");
    if (m->n_val < 2) return RNN_OK;
    long S = m->n_val / (4L * (m->T + 1));
    S = S < 1 ? 1 : S > m->B ? m->B : S;
    double nats;
    long count;
    rnn_status st = eval_tokens(m, m->tokens + m->n_train, m->n_val, (int)S, &nats, &count);
    if (st) return st;
    if (count) *bpc = nats / count / log(2.0);
    return RNN_OK;
}

rnn_status rnn_charlm_eval_text(rnn_charlm *m, const char *text, long len, double *bpc, long *chars) {
    *bpc = NAN;
    *chars = 0;
    int *tok;
    long n;
    rnn_status st = tokenize(&m->vocab, text, len, &tok, &n);
    if (st) return st;
    if (n < 2) { free(tok); return rnn_fail(RNN_E_DATA, "text needs at least 2 characters to score"); }
    double nats;
    st = eval_tokens(m, tok, n, 1, &nats, chars);
    free(tok);
    if (!st && *chars) *bpc = nats / *chars / log(2.0);
    return st;
}

// One step of the recurrence for a single sequence: h = g(U[x] + h W + b).
static void step_one(const rnn_charlm *m, float *h, float *tmp, int x) {
    memcpy(tmp, m->p.b, sizeof(float) * (size_t)m->H);
    k_add_rows(tmp, m->p.U, &x, 1, m->H);
    k_matmul(tmp, h, m->p.W, 1, m->H, m->H, 1);
    k_act_forward(m->cfg.act, h, tmp, m->H);
}

static int draw(const float *p, int V, rnn_rng *r) {
    const float u = rnn_rng_float(r);
    float c = 0.0f;
    for (int v = 0; v < V; v++) { c += p[v]; if (u < c) return v; }
    return V - 1; // rounding: the cumulative sum may end just below 1
}

static void top_k(const float *p, int V, int k, int *idx, float *val) {
    for (int j = 0; j < k; j++) { idx[j] = -1; val[j] = -1.0f; }
    for (int v = 0; v < V; v++) {
        if (p[v] <= val[k - 1]) continue;
        int j = k - 1;
        while (j > 0 && val[j - 1] < p[v]) { val[j] = val[j - 1]; idx[j] = idx[j - 1]; j--; }
        val[j] = p[v]; idx[j] = v;
    }
}

rnn_status rnn_charlm_sample(rnn_charlm *m, const rnn_sample_opts *o, char *out, long cap, long *out_len,
                             int *top_idx, float *top_p) {
    *out_len = 0;
    if (cap < 1) return rnn_fail(RNN_E_ARG, "output buffer too small");
    out[0] = 0;
    if (o->length < 0 || o->length > RNN_MAX_SAMPLE) return rnn_fail(RNN_E_ARG, "length %d not in [0, %d]", o->length, RNN_MAX_SAMPLE);
    if (!o->greedy && !(o->temperature > 0.0f && o->temperature <= RNN_MAX_TEMPERATURE))
        return rnn_fail(RNN_E_ARG, "temperature must be in (0, %g]", (double)RNN_MAX_TEMPERATURE);
    if (o->topk < 0 || o->topk > RNN_MAX_TOPK) return rnn_fail(RNN_E_ARG, "topk %d not in [0, %d]", o->topk, RNN_MAX_TOPK);
    if ((long)o->length * 4 + 1 > cap) return rnn_fail(RNN_E_ARG, "output buffer too small for %d characters", o->length);
    const int V = m->V, H = m->H;
    float *buf = calloc((size_t)(2 * H + 2 * V), sizeof(float));
    uint32_t *prime = malloc(sizeof(uint32_t) * (size_t)(o->prime_len > 0 ? o->prime_len : 1));
    if (!buf || !prime) { free(buf); free(prime); return rnn_fail(RNN_E_NOMEM, "sampling buffers"); }
    float *h = buf, *tmp = h + H, *logits = tmp + H, *p = logits + V;
    long np = 0;
    rnn_status st = o->prime_len > 0 ? utf8_decode(o->prime, o->prime_len, prime, &np) : RNN_OK;
    if (st) { free(buf); free(prime); return st; }
    for (long i = 0; i < np; i++) { // characters outside the vocabulary are skipped
        const int x = vocab_index(&m->vocab, prime[i]);
        if (x >= 0) step_one(m, h, tmp, x);
    }
    rnn_rng r;
    rnn_rng_seed(&r, o->seed);
    const float inv_t = o->greedy ? 1.0f : 1.0f / o->temperature;
    long w = 0;
    for (int i = 0; i < o->length; i++) {
        linear_forward(logits, h, m->p.Wy, m->p.by, 1, H, V);
        k_softmax_rows(p, logits, 1, V, inv_t);
        int x = 0;
        if (o->greedy) { for (int v = 1; v < V; v++) if (p[v] > p[x]) x = v; }
        else x = draw(p, V, &r);
        if (top_idx && o->topk > 0) top_k(p, V, o->topk, top_idx + (long)i * o->topk, top_p + (long)i * o->topk);
        w += utf8_encode(m->vocab.cp[x], out + w);
        step_one(m, h, tmp, x);
    }
    out[w] = 0;
    *out_len = w;
    free(buf);
    free(prime);
    return RNN_OK;
}

void rnn_charlm_free(rnn_charlm *m) {
    if (!m) return;
    vocab_free(&m->vocab);
    free(m->mem);
    free(m->acts);
    free(m->pos);
    free(m->h_carry);
    free(m->pos_all);
    free(m->carry_all);
    free(m->slice_step);
    free(m->tokens);
    free(m);
}
