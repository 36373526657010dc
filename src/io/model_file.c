// model_file.c - save/load of the binary model file.
#include "model_file.h"
#include "../models/charlm_replica.h"
#include <math.h>
#include "../format.h"
#include <stdlib.h>
#include <string.h>

typedef struct { unsigned char *p; long at; } writer;
typedef struct { const unsigned char *p; long at; } reader;

static void put_u32(writer *w, uint32_t v) { for (int i = 0; i < 4; i++) w->p[w->at++] = (unsigned char)(v >> (8 * i)); }
static void put_u64(writer *w, uint64_t v) { for (int i = 0; i < 8; i++) w->p[w->at++] = (unsigned char)(v >> (8 * i)); }
static void put_f32(writer *w, float f) { uint32_t v; memcpy(&v, &f, 4); put_u32(w, v); }
static uint32_t get_u32(reader *r) { uint32_t v = 0; for (int i = 0; i < 4; i++) v |= (uint32_t)r->p[r->at++] << (8 * i); return v; }
static uint64_t get_u64(reader *r) { uint64_t v = 0; for (int i = 0; i < 8; i++) v |= (uint64_t)r->p[r->at++] << (8 * i); return v; }
static float get_f32(reader *r) { uint32_t v = get_u32(r); float f; memcpy(&f, &v, 4); return f; }

static int64_t body_size(int64_t V, int64_t H, int64_t B, int64_t nparams) {
    return V * 4 + nparams * 3 * 4 + B * 8 + B * H * 4;
}

int64_t rnn_model_file_bytes(int64_t V, int64_t H, int64_t B) {
    const int64_t nparams = V * H * 2 + H * H + H + V;
    return RNN_FILE_HEADER + body_size(V, H, B, nparams) + 4;
}

// With N > 1 workers (version 2): a u32 N and the streams of all N*B.
int64_t rnn_model_file_bytes_n(int64_t V, int64_t H, int64_t B, int64_t N) {
    if (N <= 1) return rnn_model_file_bytes(V, H, B);
    const int64_t nparams = V * H * 2 + H * H + H + V;
    return RNN_FILE_HEADER + body_size(V, H, N * B, nparams) + 4 + 4;
}

long rnn_model_file_size(const rnn_charlm *m) { return (long)rnn_model_file_bytes_n(m->V, m->H, m->B, m->workers); }

// The streams the file holds: this model's B, or all replicas' workers*B.
static long file_streams(const rnn_charlm *m) { return (long)m->B * m->workers; }
static long *file_pos(const rnn_charlm *m) { return m->workers > 1 ? m->pos_all : m->pos; }
static float *file_carry(const rnn_charlm *m) { return m->workers > 1 ? m->carry_all : m->h_carry; }

// The loader refuses non-finite values, so the writer does too: a file it
// writes always loads.
static rnn_status check_finite(const rnn_charlm *m) {
    const float *blocks[3] = {m->params, m->opt_m, m->opt_v};
    static const char *const names[3] = {"parameters", "optimiser first moment", "optimiser second moment"};
    for (int k = 0; k < 3; k++)
        for (long i = 0; i < m->nparams; i++)
            if (!isfinite(blocks[k][i]) || (k == 2 && blocks[k][i] < 0.0f))
                return rnn_fail(RNN_E_NONFINITE, "not saved: the %s hold %g at index %ld, which the loader refuses", names[k], (double)blocks[k][i], i);
    const float *carry = file_carry(m);
    for (long i = 0; i < file_streams(m) * m->H; i++)
        if (!isfinite(carry[i])) return rnn_fail(RNN_E_NONFINITE, "not saved: the carried hidden state holds %g at index %ld", (double)carry[i], i);
    for (int k = 0; k < m->workers && m->workers > 1; k++)
        if (m->slice_step[k] != m->step)
            return rnn_fail(RNN_E_STATE, "not saved: the streams of replica %d were gathered at step %ld, the model is at step %ld", k,
                            m->slice_step[k], m->step);
    return RNN_OK;
}

rnn_status rnn_model_save(const rnn_charlm *m, unsigned char *buf, long cap) {
    const long size = rnn_model_file_size(m);
    if (cap < size) return rnn_fail(RNN_E_ARG, "buffer of %ld bytes, model file needs %ld", cap, size);
    rnn_status st = check_finite(m);
    if (st) return st;
    writer w = {buf, 0};
    memcpy(w.p, RNN_FILE_MAGIC, 4); w.at = 4;
    put_u32(&w, m->workers > 1 ? RNN_FILE_VERSION_WORKERS : RNN_FILE_VERSION);
    put_u32(&w, 1);
    const rnn_charlm_config *c = &m->cfg;
    const uint32_t ints[9] = {(uint32_t)m->V, (uint32_t)m->H, (uint32_t)m->B, (uint32_t)m->T, (uint32_t)c->act,
                              (uint32_t)c->optim.kind, (uint32_t)c->clip_mode, (uint32_t)c->vocab_cap, c->seed};
    for (int i = 0; i < 9; i++) put_u32(&w, ints[i]);
    put_u32(&w, (uint32_t)m->vocab.unk);
    const float fl[6] = {c->optim.lr, c->optim.beta1, c->optim.beta2, c->optim.eps, c->clip, c->val_fraction};
    for (int i = 0; i < 6; i++) put_f32(&w, fl[i]);
    put_u64(&w, (uint64_t)m->step);
    put_u32(&w, m->text_hash);
    put_u64(&w, (uint64_t)m->nparams);
    for (int i = 0; i < m->V; i++) put_u32(&w, m->vocab.cp[i]);
    const float *blocks[3] = {m->params, m->opt_m, m->opt_v};
    for (int k = 0; k < 3; k++)
        for (long i = 0; i < m->nparams; i++) put_f32(&w, blocks[k][i]);
    if (m->workers > 1) put_u32(&w, (uint32_t)m->workers);
    const long *pos = file_pos(m);
    const float *carry = file_carry(m);
    for (long s = 0; s < file_streams(m); s++) put_u64(&w, (uint64_t)pos[s]);
    for (long i = 0; i < file_streams(m) * m->H; i++) put_f32(&w, carry[i]);
    put_u32(&w, rnn_fnv1a(buf, w.at, 2166136261u));
    return RNN_OK;
}

typedef struct {
    uint32_t V, H, B, T, act, optim, clip_mode, cap, seed;
    int32_t unk;
    float lr, beta1, beta2, eps, clip, val_fraction;
    uint64_t step, nparams;
    uint32_t text_hash;
} header;

static rnn_status check_header(const header *h, rnn_charlm_config *c) {
    if (h->V < 2 || h->V > RNN_VOCAB_MAX) return rnn_fail(RNN_E_SIZE, "vocabulary size %u not in [2, %d]", h->V, RNN_VOCAB_MAX);
    if (h->H < 1 || h->H > RNN_MAX_HIDDEN) return rnn_fail(RNN_E_SIZE, "hidden size %u not in [1, %d]", h->H, RNN_MAX_HIDDEN);
    if (h->B < 1 || h->B > RNN_MAX_BATCH) return rnn_fail(RNN_E_SIZE, "batch %u not in [1, %d]", h->B, RNN_MAX_BATCH);
    if (h->T < 1 || h->T > RNN_MAX_SEQ) return rnn_fail(RNN_E_SIZE, "sequence length %u not in [1, %d]", h->T, RNN_MAX_SEQ);
    const uint64_t n = (uint64_t)h->V * h->H * 2 + (uint64_t)h->H * h->H + h->H + h->V;
    if (h->nparams != n) return rnn_fail(RNN_E_SIZE, "parameter count %llu does not match V=%u, H=%u", (unsigned long long)h->nparams, h->V, h->H);
    if (h->step > (uint64_t)RNN_MAX_STEP) return rnn_fail(RNN_E_SIZE, "step count %llu is absurd", (unsigned long long)h->step);
    if (h->act > RNN_ACT_LINEAR || h->optim > OPT_ADAM || h->clip_mode > CLIP_VALUE)
        return rnn_fail(RNN_E_SIZE, "activation/optimiser/clip field out of range (%u/%u/%u)", h->act, h->optim, h->clip_mode);
    memset(c, 0, sizeof *c);
    c->hidden = (int)h->H; c->seq = (int)h->T; c->batch = (int)h->B;
    c->act = (rnn_act)h->act;
    c->optim.kind = (rnn_optim_kind)h->optim;
    c->optim.lr = h->lr; c->optim.beta1 = h->beta1; c->optim.beta2 = h->beta2; c->optim.eps = h->eps;
    c->clip_mode = (rnn_clip_mode)h->clip_mode; c->clip = h->clip;
    c->val_fraction = h->val_fraction;
    c->vocab_cap = (int)h->cap;
    c->seed = h->seed;
    rnn_status st = rnn_charlm_check_config(c);
    if (!st && h->cap < h->V) st = rnn_fail(RNN_E_ARG, "vocabulary cap %u is below the vocabulary size %u", h->cap, h->V);
    if (st) {
        char why[200]; // the reason buffer is about to be rewritten: copy it first
        rnn_snprintf(why, sizeof why, "%s", rnn_last_error());
        return rnn_fail(RNN_E_SIZE, "configuration field out of range (%s)", why);
    }
    return RNN_OK;
}

static void read_header(reader *r, header *h) {
    r->at = 12;
    uint32_t *ints[9] = {&h->V, &h->H, &h->B, &h->T, &h->act, &h->optim, &h->clip_mode, &h->cap, &h->seed};
    for (int i = 0; i < 9; i++) *ints[i] = get_u32(r);
    h->unk = (int32_t)get_u32(r);
    float *fl[6] = {&h->lr, &h->beta1, &h->beta2, &h->eps, &h->clip, &h->val_fraction};
    for (int i = 0; i < 6; i++) *fl[i] = get_f32(r);
    h->step = get_u64(r);
    h->text_hash = get_u32(r);
    h->nparams = get_u64(r);
}

static rnn_status read_body(rnn_charlm *m, reader *r) {
    float *blocks[3] = {m->params, m->opt_m, m->opt_v};
    for (int k = 0; k < 3; k++)
        for (long i = 0; i < m->nparams; i++) {
            blocks[k][i] = get_f32(r);
            if (!isfinite(blocks[k][i])) return rnn_fail(RNN_E_NONFINITE, "model file holds a non-finite value (block %d, index %ld)", k, i);
            // the second moment (Adagrad, RMSProp, Adam) is a running sum of squares: a
            // negative one gives sqrt(v) = NaN in the next update
            if (k == 2 && blocks[k][i] < 0.0f) return rnn_fail(RNN_E_SIZE, "optimiser second moment v[%ld] = %g is negative", i, (double)blocks[k][i]);
        }
    if (m->workers > 1) r->at += 4; // the worker count, read before allocation
    long *pos = file_pos(m);
    float *carry = file_carry(m);
    for (long s = 0; s < file_streams(m); s++) {
        const uint64_t p = get_u64(r);
        // the text it indexes comes later (rnn_charlm_set_text checks the cursor against it)
        if (p > 0x7fffffffull) return rnn_fail(RNN_E_SIZE, "stream cursor %ld is absurd", s);
        pos[s] = (long)p;
    }
    for (long i = 0; i < file_streams(m) * m->H; i++) {
        carry[i] = get_f32(r);
        if (!isfinite(carry[i])) return rnn_fail(RNN_E_NONFINITE, "model file holds a non-finite carried hidden state (index %ld)", i);
    }
    if (m->workers > 1) { // this model is replica 0 until rnn_charlm_set_workers says otherwise
        memcpy(m->pos, pos, sizeof(long) * (size_t)m->B);
        memcpy(m->h_carry, carry, sizeof(float) * (size_t)m->B * m->H);
    }
    return RNN_OK;
}

rnn_status rnn_model_load(rnn_charlm **out, const unsigned char *buf, long len) {
    *out = NULL;
    if (!buf || len <= 0) return rnn_fail(RNN_E_TRUNCATED, "the model file is empty");
    if (memcmp(buf, RNN_FILE_MAGIC, (size_t)(len < 4 ? len : 4)) != 0)
        return rnn_fail(RNN_E_MAGIC, "the file does not start with \"RNNM\"");
    if (len < 8) return rnn_fail(RNN_E_TRUNCATED, "%ld bytes, shorter than the header", len);
    reader r = {buf, 4};
    const uint32_t version = get_u32(&r);
    if (version != RNN_FILE_VERSION && version != RNN_FILE_VERSION_WORKERS)
        return rnn_fail(RNN_E_VERSION, "file version %u, this engine reads versions %u and %u", version, RNN_FILE_VERSION, RNN_FILE_VERSION_WORKERS);
    if (len < RNN_FILE_HEADER + 4) return rnn_fail(RNN_E_TRUNCATED, "%ld bytes, shorter than the %d-byte header", len, RNN_FILE_HEADER);
    const uint32_t kind = get_u32(&r);
    if (kind != 1) return rnn_fail(RNN_E_SIZE, "model kind %u unknown (1 = char LM)", kind);
    header h;
    read_header(&r, &h);
    rnn_charlm_config cfg;
    rnn_status st = check_header(&h, &cfg);
    if (st) return st;
    uint32_t workers = 1;
    if (version == RNN_FILE_VERSION_WORKERS) { // u32 N after the parameter blocks
        const int64_t at = RNN_FILE_HEADER + (int64_t)h.V * 4 + (int64_t)h.nparams * 12;
        if (len < at + 4) return rnn_fail(RNN_E_TRUNCATED, "%ld bytes, too short to hold the worker count at byte %lld", len, (long long)at);
        r.at = (long)at;
        workers = get_u32(&r);
        if (workers < 2 || workers > RNN_MAX_WORKERS)
            return rnn_fail(RNN_E_SIZE, "worker count %u not in [2, %d] (a version-2 file is written by 2 or more workers)", workers, RNN_MAX_WORKERS);
    }
    const int64_t expect = rnn_model_file_bytes_n(h.V, h.H, h.B, workers);
    if (expect > RNN_FILE_MAX_BYTES)
        return rnn_fail(RNN_E_SIZE, "the header announces %lld bytes, the model-file limit is %ld", (long long)expect, (long)RNN_FILE_MAX_BYTES);
    if (len < expect) return rnn_fail(RNN_E_TRUNCATED, "%ld bytes, the header announces %lld", len, (long long)expect);
    if (len > expect) return rnn_fail(RNN_E_SIZE, "%ld bytes, the header announces %lld (trailing data)", len, (long long)expect);
    r.at = len - 4;
    const uint32_t sum = get_u32(&r);
    if (sum != rnn_fnv1a(buf, len - 4, 2166136261u)) return rnn_fail(RNN_E_CHECKSUM, "the file is corrupted (stored %08X)", sum);
    uint32_t *cps = malloc(sizeof(uint32_t) * h.V);
    if (!cps) return rnn_fail(RNN_E_NOMEM, "vocabulary");
    r.at = RNN_FILE_HEADER;
    for (uint32_t i = 0; i < h.V; i++) cps[i] = get_u32(&r);
    rnn_vocab v;
    st = vocab_from_list(&v, cps, (int)h.V, h.unk);
    free(cps);
    if (st) return st;
    rnn_charlm *m;
    st = rnn_charlm_alloc(&m, &cfg, &v);
    if (st) { vocab_free(&v); return st; }
    m->step = (long)h.step;
    if (workers > 1 && (st = rnn_charlm_resize_workers(m, (int)workers))) { rnn_charlm_free(m); return st; }
    for (uint32_t k = 0; k < workers && workers > 1; k++) m->slice_step[k] = m->step;
    st = read_body(m, &r);
    if (st) { rnn_charlm_free(m); return st; }
    m->text_hash = h.text_hash;
    *out = m;
    return RNN_OK;
}
