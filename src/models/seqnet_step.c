// seqnet_step.c - the sequence model one time step at a time (the lecture's
// unrolled graph filled in column by column) and free running (one-to-many
// generation: the previous output becomes the next input).
// B sequences being stepped, I input, H hidden, O output.
#include "seqnet.h"
#include <math.h>
#include <string.h>

rnn_status seqnet_reset(seqnet *m, int B, const real *h0) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (B < 1 || B > m->Bmax) return rnn_fail(RNN_E_ARG, "seqnet: %d sequences to step not in [1, %d]", B, m->Bmax);
    for (long i = 0; h0 && i < (long)B * m->H; i++)
        if (!isfinite(h0[i])) return rnn_fail(RNN_E_NONFINITE, "seqnet: h0 element %ld is not finite", i);
    m->Bs = B;
    if (h0) memcpy(m->hs, h0, sizeof(real) * (size_t)B * m->H);
    else memset(m->hs, 0, sizeof(real) * (size_t)B * m->H);
    return RNN_OK;
}

// h_t = g(x_t U + h_{t-1} W + b), z_t = h_t V + c, y_t = f(z_t) on the stepping
// state, with x_t already in m->xs.
static void cell_step(seqnet *m) {
    const int B = m->Bs, I = m->I, H = m->H, O = m->O;
    for (int s = 0; s < B; s++) memcpy(m->as + (long)s * H, m->p[SEQ_B], sizeof(real) * (size_t)H);
    k_matmul(m->as, m->xs, m->p[SEQ_U], B, I, H, 1);
    k_matmul(m->as, m->hs, m->p[SEQ_W], B, H, H, 1);
    k_act_forward(m->cfg.act, m->hs, m->as, B * H);
    for (int s = 0; s < B; s++) memcpy(m->zs + (long)s * O, m->p[SEQ_C], sizeof(real) * (size_t)O);
    k_matmul(m->zs, m->hs, m->p[SEQ_V], B, H, O, 1);
}

static rnn_status load_input(seqnet *m, const real *x, const int *tokens) {
    const int B = m->Bs, I = m->I;
    if (m->cfg.input_kind == SEQ_INPUT_ONEHOT) {
        if (!tokens) return rnn_fail(RNN_E_ARG, "seqnet: one-hot inputs need tokens");
        memset(m->xs, 0, sizeof(real) * (size_t)B * I);
        for (int s = 0; s < B; s++) {
            if (tokens[s] < -1 || tokens[s] >= I) return rnn_fail(RNN_E_ARG, "seqnet: token %d not in [-1, %d)", tokens[s], I);
            if (tokens[s] >= 0) m->xs[(long)s * I + tokens[s]] = 1;
        }
        return RNN_OK;
    }
    if (!x) return rnn_fail(RNN_E_ARG, "seqnet: dense inputs need x");
    for (long i = 0; i < (long)B * I; i++)
        if (!isfinite(x[i])) return rnn_fail(RNN_E_NONFINITE, "seqnet: input element %ld is not finite", i);
    memcpy(m->xs, x, sizeof(real) * (size_t)B * I);
    return RNN_OK;
}

static void emit(const seqnet *m, real *h, real *y, real *ybuf) {
    const long BH = (long)m->Bs * m->H, BO = (long)m->Bs * m->O;
    if (h) memcpy(h, m->hs, sizeof(real) * (size_t)BH);
    seqnet_head_forward(m->cfg.head, ybuf, m->zs, m->Bs, m->O);
    if (y && y != ybuf) memcpy(y, ybuf, sizeof(real) * (size_t)BO);
}

rnn_status seqnet_step(seqnet *m, const real *x, const int *tokens, real *h, real *y) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (!m->Bs) return rnn_fail(RNN_E_STATE, "seqnet: call reset before stepping");
    rnn_status st = load_input(m, x, tokens);
    if (st) return st;
    cell_step(m);
    // y_t goes through z's buffer when the caller wants no copy: f in place is fine
    emit(m, h, y, y ? y : m->zs);
    return RNN_OK;
}

static int argmax(const real *v, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) if (v[i] > v[best]) best = i;
    return best;
}

rnn_status seqnet_generate(seqnet *m, int T, const real *x0, const int *tok0, real *h, real *y, int *tok) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (!m->Bs) return rnn_fail(RNN_E_STATE, "seqnet: call reset before generating");
    if (T < 1 || T > SEQ_MAX_STEPS) return rnn_fail(RNN_E_ARG, "seqnet: %d steps not in [1, %d]", T, SEQ_MAX_STEPS);
    if (m->I != m->O) return rnn_fail(RNN_E_STATE, "seqnet: free running feeds outputs back as inputs: needs I = O (here %d, %d)", m->I, m->O);
    const int B = m->Bs, H = m->H, O = m->O;
    rnn_status st = load_input(m, x0, tok0);
    if (st) return st;
    for (int t = 0; t < T; t++) {
        if (t > 0) {
            // the previous output (still in zs as y) becomes the input
            if (m->cfg.input_kind == SEQ_INPUT_ONEHOT) {
                memset(m->xs, 0, sizeof(real) * (size_t)B * O);
                for (int s = 0; s < B; s++) m->xs[(long)s * O + argmax(m->zs + (long)s * O, O)] = 1;
            } else memcpy(m->xs, m->zs, sizeof(real) * (size_t)B * O);
        }
        cell_step(m);
        emit(m, h ? h + (long)t * B * H : NULL, NULL, m->zs); // zs now holds y_t
        if (y) memcpy(y + (long)t * B * O, m->zs, sizeof(real) * (size_t)B * O);
        for (int s = 0; tok && s < B; s++) tok[(long)t * B + s] = argmax(m->zs + (long)s * O, O);
    }
    return RNN_OK;
}
