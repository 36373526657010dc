// api_seq.c - the exported C ABI of the general sequence model
// (models/seqnet.h): configuration, weights by hand, stepping, free running,
// batches, training, evaluation, the per-step BPTT views, the gradient check
// and the spectral radius. Plain ints, floats, doubles and pointers into the
// module's memory; failures return a non-zero status (or NULL) and
// rnn_error() gives the reason. js/engine.js declares each of these once
// (SEQ_EXPORTS, its SeqNet section).
#include "api.h"
#include "models/seqnet.h"
#include <math.h>
#include <string.h>

// icfg: input I, input kind (0 dense, 1 one-hot), hidden H, output O,
//       activation, head, batch, steps, optimiser, clip mode, seed, sum over time
// fcfg: learning rate, clip threshold, init scale
API seqnet *rnn_seq_create(const int *icfg, const float *fcfg) {
    seqnet_config c = seqnet_defaults();
    c.input = icfg[0]; c.input_kind = (seq_input_kind)icfg[1]; c.hidden = icfg[2]; c.output = icfg[3];
    c.act = (rnn_act)icfg[4]; c.head = (seq_head)icfg[5]; c.batch = icfg[6]; c.steps = icfg[7];
    if ((unsigned)icfg[8] > OPT_ADAM) { rnn_fail(RNN_E_ARG, "seqnet: unknown optimiser %d", icfg[8]); return NULL; }
    c.optim = optim_default((rnn_optim_kind)icfg[8], fcfg[0]);
    c.clip_mode = (rnn_clip_mode)icfg[9]; c.seed = (uint32_t)icfg[10]; c.sum_over_time = icfg[11];
    c.clip = fcfg[1]; c.init_scale = fcfg[2];
    seqnet *m = NULL;
    seqnet_create(&m, &c);
    return m;
}

API void rnn_seq_free(seqnet *m) { seqnet_free(m); }

// New learning rate and clipping (clip mode 0 none, 1 norm, 2 value) for the next steps.
API int rnn_seq_set_training(seqnet *m, float lr, int clip_mode, float clip) {
    return seqnet_set_training(m, lr, (rnn_clip_mode)clip_mode, clip);
}

// out: I, input kind, H, O, activation, head, batch, steps, optimiser, clip mode,
// seed, sum over time, lr, clip, init scale, optimiser steps, parameters,
// current batch B, current batch T, stepping B
API void rnn_seq_info(const seqnet *m, double *out) {
    const seqnet_config *c = &m->cfg;
    const double v[20] = {m->I, c->input_kind, m->H, m->O, c->act, c->head, m->Bmax, m->Tmax, c->optim.kind,
                          c->clip_mode, c->seed, c->sum_over_time, c->optim.lr, c->clip, c->init_scale,
                          (double)m->step, (double)m->nparams, m->B, m->T, m->Bs};
    memcpy(out, v, sizeof v);
}

// which: 0 U, 1 W, 2 b, 3 V, 4 c; lecture = 1: U [H,I], W [H,H], V [O,H]
// (the engine's transposes), 0: the engine's U [I,H], W [H,H], V [H,O].
API int rnn_seq_set_tensor(seqnet *m, int which, int lecture, const float *data) {
    return seqnet_set_tensor(m, (seq_tensor)which, data, lecture);
}
API int rnn_seq_get_tensor(const seqnet *m, int which, int lecture, int grads, float *out) {
    return seqnet_get_tensor(m, (seq_tensor)which, out, lecture, grads);
}
// The parameter block [U | W | b | V | c] (engine layout), *n floats.
API float *rnn_seq_params(seqnet *m, int *n) { *n = (int)m->nparams; return m->params; }

API int rnn_seq_reset(seqnet *m, int B, const float *h0) { return seqnet_reset(m, B, h0); }
API int rnn_seq_step(seqnet *m, const float *x, const int *tokens, float *h, float *y) {
    return seqnet_step(m, x, tokens, h, y);
}
API int rnn_seq_generate(seqnet *m, int T, const float *x0, const int *tok0, float *h, float *y, int *tok) {
    return seqnet_generate(m, T, x0, tok0, h, y, tok);
}

// Batch-major arrays (see seqnet_batch); NULL for those not given.
API int rnn_seq_set_batch(seqnet *m, int B, int T, const float *x, const int *tokens, const float *y, const int *cls,
                          const float *mask, const float *h0) {
    const seqnet_batch b = {B, T, x, tokens, y, cls, mask, h0};
    return seqnet_set_batch(m, &b);
}

API int rnn_seq_forward(seqnet *m, double *loss) { return seqnet_forward(m, loss); }

// forward + backward without an update: out = loss, gradient norm (unclipped)
API int rnn_seq_gradients(seqnet *m, double *out) {
    rnn_status st = seqnet_forward(m, &out[0]);
    if (!st) st = seqnet_backward(m);
    out[1] = st ? NAN : grad_global_norm(m->grads, m->nparams);
    return st;
}

// `steps` optimiser steps on the loaded batch. out: loss (of the last step,
// before its update), gradient norm before and after clipping (last step),
// steps that clipped, finite (0: stopped at a NaN/Inf, that update not
// applied), optimiser steps so far
API int rnn_seq_train(seqnet *m, int steps, double *out) {
    if (steps < 1 || steps > 1000000) return rnn_fail(RNN_E_ARG, "seqnet: steps %d not in [1, 1000000]", steps);
    seqnet_stats st = {0};
    int clipped = 0;
    for (int i = 0; i < steps; i++) {
        rnn_status s = seqnet_train_step(m, &st);
        if (s) return s;
        clipped += st.clipped;
        if (!st.finite) break;
    }
    const double v[6] = {st.loss, st.grad_norm, st.grad_norm_after, clipped, st.finite, (double)st.step};
    memcpy(out, v, sizeof v);
    return RNN_OK;
}

// out: loss, correct steps, scored steps, correct sequences, scored sequences
API int rnn_seq_evaluate(seqnet *m, double *out) {
    seqnet_eval ev;
    rnn_status st = seqnet_evaluate(m, &ev);
    const double v[5] = {ev.loss, ev.correct, ev.count, ev.seq_correct, ev.seq_count};
    memcpy(out, v, sizeof v);
    return st;
}

// what: 0 hidden states h_1..h_T [B,T,H], 1 outputs y_1..y_T [B,T,O] of the last forward
API int rnn_seq_read(const seqnet *m, int what, float *out) {
    if (what == 0) return seqnet_read_hidden(m, out);
    if (what == 1) return seqnet_read_output(m, out);
    return rnn_fail(RNN_E_ARG, "seqnet: unknown read %d (0 hidden, 1 output)", what);
}

// After a backward: ||dL/dh_t|| and ||dL/dW_t|| for t = 0..T-1 (lecture steps 1..T).
API int rnn_seq_step_norms(const seqnet *m, double *dh, double *dW) {
    if (!m->backward_done) return rnn_fail(RNN_E_STATE, "seqnet: no backward pass (compute gradients first)");
    memcpy(dh, m->dh_norm, sizeof(double) * (size_t)m->T);
    memcpy(dW, m->dW_norm, sizeof(double) * (size_t)m->T);
    return RNN_OK;
}

API int rnn_seq_step_dW(const seqnet *m, int t, int lecture, float *out) { return seqnet_step_dW(m, t, out, lecture); }

// out: relative error of U, W, b, V, c, then their max absolute differences
API int rnn_seq_gradcheck(seqnet *m, double eps, int max_elems, double *out) {
    return seqnet_gradcheck(m, eps, max_elems, out, out + SEQ_NTENSORS);
}

API int rnn_radius(const float *A, int n, double *rho) { return rnn_spectral_radius(A, n, rho); }
API int rnn_seq_radius(const seqnet *m, double *rho) { return rnn_spectral_radius(m->p[SEQ_W], m->H, rho); }
API int rnn_seq_scale_radius(seqnet *m, double r, double *before) { return seqnet_scale_radius(m, r, before); }
