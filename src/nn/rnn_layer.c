// rnn_layer.c - vanilla RNN forward over T steps and BPTT backward, twice:
// first the reference twin (the lecture's equations as plain loops, one line
// each), then the fused path that training runs (GEMMs over the whole batch
// and the fused recurrence kernels). Same arguments, same results to rounding.
//
// Lecture (column vectors)          here (row vectors, every matrix transposed)
//   a_t = U x_t + W h_{t-1} + b       a_t = x_t U + h_{t-1} W + b
//   h_t = g(a_t)                      h_t = g(a_t)
// Indices: t time, n sequence of the batch, i input unit, j and k hidden
// units. Arrays are time-major: the vector of sequence n at step t is row
// t*B + n of a [T,B,D] array; h has one block more, h[0] = h_{-1}.
#include "rnn_layer.h"
#include <math.h>
#include <string.h>

// ---------------------------------------------------------------- reference

// g(a), and g'(a) written through the output h = g(a), which is what forward
// kept: tanh' = 1 - h^2 (min-char-rnn's dhraw), relu' = [h > 0], linear' = 1.
static real g_of(rnn_act act, real a) {
    return act == RNN_ACT_TANH ? RTANH(a) : act == RNN_ACT_RELU ? (a > 0.0f ? a : 0.0f) : a;
}
static real g_prime(rnn_act act, real h) {
    return act == RNN_ACT_TANH ? 1.0f - h * h : act == RNN_ACT_RELU ? (h > 0.0f ? 1.0f : 0.0f) : 1.0f;
}

void rnn_layer_forward_ref(real *h, const int *tokens, const real *x, const real *U, const real *W, const real *b,
                           rnn_act act, int T, int B, int I, int H) {
    for (int t = 0; t < T; t++)
        for (int n = 0; n < B; n++) {
            const real *h_prev = h + ((long)t * B + n) * H;      // h_{t-1}
            real *h_t = h + ((long)(t + 1) * B + n) * H;         // h_t
            const real *x_t = x ? x + ((long)t * B + n) * I : NULL;
            for (int j = 0; j < H; j++) {
                real a = b[j];                                              // a_t = b
                if (tokens) a += U[(long)tokens[t * B + n] * H + j];        //     + x_t U (one-hot: row x_t of U)
                else
                    for (int i = 0; i < I; i++) a += x_t[i] * U[(long)i * H + j]; // + x_t U (dense x_t)
                for (int k = 0; k < H; k++) a += h_prev[k] * W[(long)k * H + j]; // + h_{t-1} W
                h_t[j] = g_of(act, a);                                      // h_t = g(a_t)
            }
        }
}

void rnn_layer_backward_ref(real *dU, real *dW, real *db, real *dx, real *dh0, real *dh, const real *h,
                            const int *tokens, const real *x, const real *U, const real *W, rnn_act act, int T, int B,
                            int I, int H, real *dh_next, real *transpose_buf) {
    (void)transpose_buf; // the fused path's scratch; the plain loops need none
    memset(dh_next, 0, sizeof(real) * (size_t)B * H); // nothing flows back from beyond the chunk (truncated BPTT)
    for (int t = T - 1; t >= 0; t--)                 // backwards in time
        for (int n = 0; n < B; n++) {
            real *da = dh + ((long)t * B + n) * H;               // in: dL/dh_t from y_t; out: da_t = dL/da_t
            const real *h_t = h + ((long)(t + 1) * B + n) * H;   // h_t
            const real *h_prev = h + ((long)t * B + n) * H;      // h_{t-1}
            real *dnext = dh_next + (long)n * H;                 // in: dL/dh_t via h_{t+1}; out: dL/dh_{t-1}
            for (int j = 0; j < H; j++) {
                const real dh_t = da[j] + dnext[j];                          // dL/dh_t = from y_t + from h_{t+1}
                da[j] = dh_t * g_prime(act, h_t[j]);                         // da_t = dL/dh_t * g'(a_t)
            }
            for (int j = 0; j < H; j++) db[j] += da[j];                      // dL/db += da_t
            for (int k = 0; k < H; k++)
                for (int j = 0; j < H; j++) dW[(long)k * H + j] += h_prev[k] * da[j]; // dL/dW += h_{t-1}^T da_t
            if (tokens)
                for (int j = 0; j < H; j++) dU[(long)tokens[t * B + n] * H + j] += da[j]; // dL/dU += x_t^T da_t
            else
                for (int i = 0; i < I; i++) {
                    const real x_ti = x[((long)t * B + n) * I + i];
                    real dx_ti = 0.0f;
                    for (int j = 0; j < H; j++) {
                        dU[(long)i * H + j] += x_ti * da[j];                 // dL/dU += x_t^T da_t (dense)
                        dx_ti += da[j] * U[(long)i * H + j];                 // dL/dx_t = da_t U^T
                    }
                    if (dx) dx[((long)t * B + n) * I + i] += dx_ti;
                }
            for (int k = 0; k < H; k++) {
                real s = 0.0f;
                for (int j = 0; j < H; j++) s += da[j] * W[(long)k * H + j];
                dnext[k] = s;                                                // dh_next = da_t W^T (into h_{t-1})
            }
        }
    if (dh0) memcpy(dh0, dh_next, sizeof(real) * (size_t)B * H); // dL/dh_{-1}: what reached the initial state
}

// ---------------------------------------------------------------- fused path

void rnn_layer_forward(real *h, const int *tokens, const real *x, const real *U, const real *W, const real *b,
                       rnn_act act, int T, int B, int I, int H) {
    real *a = h + (long)B * H; // a_t for all t, later turned into h_t in place
    const long TB = (long)T * B;
    // The input part x_t U + b does not depend on h: do it for all t at once
    // (one big GEMM, or a row gather for token inputs).
    for (long r = 0; r < TB; r++) memcpy(a + r * H, b, sizeof(real) * (size_t)H);
    if (tokens) k_add_rows(a, U, tokens, (int)TB, H);
    else k_matmul(a, x, U, (int)TB, I, H, 1);
    // The recurrence is sequential: a_t += h_{t-1} W, h_t = g(a_t), fused.
    for (int t = 0; t < T; t++) k_rnn_step_forward(act, a + (long)t * B * H, h + (long)t * B * H, W, B, H);
}

void rnn_layer_backward(real *dU, real *dW, real *db, real *dx, real *dh0, real *dh, const real *h,
                        const int *tokens, const real *x, const real *U, const real *W, rnn_act act, int T, int B,
                        int I, int H, real *dh_next, real *transpose_buf) {
    if (!transpose_buf || T == 0) {
        rnn_layer_backward_ref(dU, dW, db, dx, dh0, dh, h, tokens, x, U, W, act, T, B, I, H, dh_next, transpose_buf);
        return;
    }
    const long BH = (long)B * H, TB = (long)T * B;
    // da_t = (dh_t + da_{t+1} W^T) * g'(a_t), one fused step per t; at
    // t = T-1 nothing comes from t+1, and da_0 W^T is needed only for dh0.
    real *WT = transpose_buf;
    k_transpose(WT, W, H, H);
    k_act_backward(act, dh + (T - 1) * BH, dh + (T - 1) * BH, h + T * BH, (int)BH);
    for (int t = T - 1; t >= 1; t--)
        k_rnn_step_backward(act, dh + (t - 1) * BH, h + t * BH, dh + t * BH, WT, B, H, dh_next);
    if (dh0) k_matmul(dh0, dh, WT, B, H, H, 0);
    // Gradients summed over time, as one GEMM each: dW += sum_t h_{t-1}^T da_t.
    k_matmul_tn(dW, h, dh, H, (int)TB, H);
    k_sum_rows(db, dh, (int)TB, H);
    if (tokens) k_scatter_add_rows(dU, dh, tokens, (int)TB, H);
    else {
        k_matmul_tn(dU, x, dh, I, (int)TB, H);
        if (dx) { k_transpose(transpose_buf, U, I, H); k_matmul(dx, dh, transpose_buf, (int)TB, H, I, 1); }
    }
}
