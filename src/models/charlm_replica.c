// charlm_replica.c - synchronous data-parallel training of the char LM: the
// C half (the gradient sum and the update); see charlm_replica.h.
#include "charlm_replica.h"
#include "../io/model_file.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

// Makes room for every replica's streams (workers > 1), zeroed, and sets
// m->workers. On failure nothing changes.
rnn_status rnn_charlm_resize_workers(rnn_charlm *m, int workers) {
    long *pos_all = NULL, *slice_step = NULL;
    float *carry_all = NULL;
    if (workers > 1) {
        const size_t streams = (size_t)workers * (size_t)m->B;
        pos_all = calloc(streams, sizeof(long));
        carry_all = calloc(streams * (size_t)m->H, sizeof(float));
        slice_step = calloc((size_t)workers, sizeof(long));
        if (!pos_all || !carry_all || !slice_step) {
            free(pos_all); free(carry_all); free(slice_step);
            return rnn_fail(RNN_E_NOMEM, "stream state of %d workers", workers);
        }
    }
    free(m->pos_all); free(m->carry_all); free(m->slice_step);
    m->pos_all = pos_all; m->carry_all = carry_all; m->slice_step = slice_step;
    m->workers = workers;
    if (m->shard >= workers) m->shard = 0;
    return RNN_OK;
}

void rnn_charlm_keep_slice(rnn_charlm *m, int k, const long *pos, const float *carry) {
    const long BH = (long)m->B * m->H;
    if (m->pos_all + (long)k * m->B != pos) memcpy(m->pos_all + (long)k * m->B, pos, sizeof(long) * (size_t)m->B);
    if (m->carry_all + k * BH != carry) memcpy(m->carry_all + k * BH, carry, sizeof(float) * (size_t)BH);
    m->slice_step[k] = m->step;
}

rnn_status rnn_charlm_set_workers(rnn_charlm *m, int workers, int shard, int *restarted) {
    *restarted = 0;
    if (workers < 1 || workers > RNN_MAX_WORKERS) return rnn_fail(RNN_E_ARG, "workers %d not in [1, %d]", workers, RNN_MAX_WORKERS);
    if (shard < 0 || shard >= workers) return rnn_fail(RNN_E_ARG, "replica %d not in [0, %d]", shard, workers - 1);
    if (!m->tokens) return rnn_fail(RNN_E_STATE, "no training text attached to this model");
    if (m->slice_workers && (workers != m->slice_workers || shard != m->slice_shard))
        return rnn_fail(RNN_E_STATE, "this model holds only the streams of replica %d of %d, not of replica %d of %d", m->slice_shard,
                        m->slice_workers, shard, workers);
    const long streams = (long)workers * m->B;
    if (m->n_train / streams < m->T + 1)
        return rnn_fail(RNN_E_DATA, "text too short for %d workers: %ld training characters, need at least workers x batch x (seq + 1) = %ld",
                        workers, m->n_train, streams * (m->T + 1));
    const int64_t file = rnn_model_file_bytes_n(m->V, m->H, m->B, workers);
    if (file > RNN_FILE_MAX_BYTES)
        return rnn_fail(RNN_E_SIZE, "%d workers: the model file would be %lld bytes, the limit is %ld", workers, (long long)file,
                        (long)RNN_FILE_MAX_BYTES);
    if (workers == m->workers) { // the file's streams: this replica takes its own
        m->shard = shard;
        if (workers > 1) {
            const long BH = (long)m->B * m->H;
            memcpy(m->pos, m->pos_all + (long)shard * m->B, sizeof(long) * (size_t)m->B);
            memcpy(m->h_carry, m->carry_all + shard * BH, sizeof(float) * (size_t)BH);
        }
        return RNN_OK;
    }
    rnn_status st = rnn_charlm_resize_workers(m, workers);
    if (st) return st;
    m->shard = shard;
    rnn_charlm_reset_streams(m); // another layout of the text: every stream starts again
    *restarted = 1;
    return RNN_OK;
}

rnn_status rnn_charlm_set_stream_tokens(rnn_charlm *m, const int *tok, long n, long n_train, int workers, int shard) {
    if (workers < 2 || workers > RNN_MAX_WORKERS) return rnn_fail(RNN_E_ARG, "workers %d not in [2, %d]", workers, RNN_MAX_WORKERS);
    if (shard < 1 || shard >= workers) return rnn_fail(RNN_E_ARG, "replica %d not in [1, %d] (the leader keeps the whole text)", shard, workers - 1);
    const long streams = (long)workers * m->B;
    if (n_train < streams * (m->T + 1) || n_train > 0x7fffffffL)
        return rnn_fail(RNN_E_DATA, "a training text of %ld characters does not hold %d workers' streams of batch x (seq + 1) = %ld", n_train,
                        workers, (long)m->B * (m->T + 1));
    const long L = n_train / streams;
    if (n != (long)m->B * L)
        return rnn_fail(RNN_E_ARG, "replica %d's streams are %d x %ld = %ld tokens, got %ld", shard, m->B, L, (long)m->B * L, n);
    for (long i = 0; i < n; i++)
        if (tok[i] < 0 || tok[i] >= m->V) return rnn_fail(RNN_E_DATA, "token %d at %ld not in [0, %d)", tok[i], i, m->V);
    rnn_status st;
    if (m->workers == workers && (st = rnn_charlm_check_cursors(m, L))) return st; // the file's streams, kept
    int *copy = malloc(sizeof(int) * (size_t)n);
    if (!copy) return rnn_fail(RNN_E_NOMEM, "%ld tokens", n);
    memcpy(copy, tok, sizeof(int) * (size_t)n);
    free(m->tokens);
    m->tokens = copy;
    m->n_train = n_train;
    m->n_val = 0; // the leader validates
    m->tok_first = (long)shard * m->B * L;
    m->slice_workers = workers;
    m->slice_shard = shard;
    return RNN_OK;
}

const int *rnn_charlm_stream_tokens(const rnn_charlm *m, int workers, int shard, long *n) {
    *n = 0;
    if (!m->tokens || m->slice_workers) { rnn_fail(RNN_E_STATE, "this model does not hold the whole training text"); return NULL; }
    if (workers < 2 || workers > RNN_MAX_WORKERS || shard < 0 || shard >= workers) {
        rnn_fail(RNN_E_ARG, "replica %d of %d workers", shard, workers);
        return NULL;
    }
    const long streams = (long)workers * m->B, L = m->n_train / streams;
    if (L < m->T + 1) { rnn_fail(RNN_E_DATA, "text too short for %d workers", workers); return NULL; }
    *n = (long)m->B * L;
    return m->tokens + (long)shard * m->B * L;
}

rnn_status rnn_charlm_replica_gradients(rnn_charlm *m, double *loss) {
    if (!m->tokens) return rnn_fail(RNN_E_STATE, "no training text attached to this model");
    if (m->step >= RNN_MAX_STEP) return rnn_fail(RNN_E_STATE, "step counter at its limit of %ld steps", (long)RNN_MAX_STEP);
    *loss = m->step_loss = rnn_charlm_forward_backward(m) / m->workers;
    return RNN_OK;
}

rnn_status rnn_charlm_replica_add(rnn_charlm *m, const float *g, double loss) {
    if (m->shard != 0) return rnn_fail(RNN_E_STATE, "replica %d is not the leader: only replica 0 adds gradients", m->shard);
    for (long i = 0; i < m->nparams; i++) m->grads[i] += g[i];
    m->step_loss += loss;
    return RNN_OK;
}

rnn_status rnn_charlm_replica_set(rnn_charlm *m, const float *g, double loss) {
    memcpy(m->grads, g, sizeof(float) * (size_t)m->nparams);
    m->step_loss = loss; // the leader's sum: every replica takes the same finite/not finite decision
    return RNN_OK;
}

rnn_status rnn_charlm_replica_apply(rnn_charlm *m, rnn_train_stats *st) {
    double norm;
    int clipped;
    const int ok = rnn_charlm_update(m, m->step_loss, &norm, &clipped);
    st->grad_norm = norm;
    st->step = m->step;
    st->finite = ok;
    if (!ok) return RNN_OK;
    const int64_t per = (int64_t)m->workers * m->B * m->T, done = st->chars / per;
    st->loss = done ? st->loss + (m->step_loss - st->loss) / (double)(done + 1) : m->step_loss;
    st->clipped += clipped;
    st->chars += per;
    return RNN_OK;
}

rnn_status rnn_charlm_put_slice(rnn_charlm *m, int k, const long *pos, const float *carry) {
    if (m->workers < 2) return rnn_fail(RNN_E_STATE, "a model trained by one worker has no other replicas' streams");
    if (k < 0 || k >= m->workers) return rnn_fail(RNN_E_ARG, "replica %d not in [0, %d]", k, m->workers - 1);
    const long L = m->tokens ? m->n_train / ((long)m->workers * m->B) : 0x7fffffffL;
    for (int s = 0; s < m->B; s++)
        if (pos[s] < 0 || pos[s] >= L) return rnn_fail(RNN_E_ARG, "replica %d's stream cursor %d is %ld, outside its stream of %ld characters", k, s, pos[s], L);
    for (long i = 0; i < (long)m->B * m->H; i++)
        if (!isfinite(carry[i])) return rnn_fail(RNN_E_NONFINITE, "replica %d's carried state holds %g at index %ld", k, (double)carry[i], i);
    rnn_charlm_keep_slice(m, k, pos, carry);
    return RNN_OK;
}

// The learning rate the defaults take with N workers, from the one-worker
// default lr1: a step of N workers averages N times as many predictions, so
// its gradient is less noisy and the step can be longer. Measured on Tiny
// Shakespeare (docs/performance.md, "Data-parallel training"), the best rate
// was ~2 x lr1 with 2 workers and ~3 x lr1 with 4, between the square-root
// rule (1.41x, 2x: too small) and the linear one (2x, 4x: too large at 4):
// lr = lr1 * (1 + log2 N), capped at the largest rate a config accepts.
float rnn_charlm_workers_lr(float lr1, int workers) {
    if (workers < 1) workers = 1;
    const float lr = lr1 * (1.0f + log2f((float)workers));
    return lr < RNN_MAX_LR ? lr : RNN_MAX_LR;
}
