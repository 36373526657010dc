// rnn_layer.c - vanilla RNN forward over T steps and BPTT backward.
#include "rnn_layer.h"
#include <string.h>

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
    const long BH = (long)B * H, TB = (long)T * B;
    if (transpose_buf && T > 0) {
        // da_t = (dh_t + da_{t+1} W^T) * g'(a_t), one fused step per t; at
        // t = T-1 nothing comes from t+1, and da_0 W^T is needed only for dh0.
        k_transpose(transpose_buf, W, H, H);
        k_act_backward(act, dh + (T - 1) * BH, dh + (T - 1) * BH, h + T * BH, (int)BH);
        for (int t = T - 1; t >= 1; t--)
            k_rnn_step_backward(act, dh + (t - 1) * BH, h + t * BH, dh + t * BH, transpose_buf, B, H, dh_next);
        if (dh0) k_matmul(dh0, dh, transpose_buf, B, H, H, 0);
    } else {
        memset(dh_next, 0, sizeof(real) * (size_t)BH);
        for (int t = T - 1; t >= 0; t--) {
            real *dht = dh + t * BH;
            k_axpy(dht, 1.0f, dh_next, (int)BH);                        // dh_t = from above + from t+1
            k_act_backward(act, dht, dht, h + (t + 1) * BH, (int)BH);   // da_t = dh_t * g'(a_t)
            k_matmul_nt(dh_next, dht, W, B, H, H, 0);
        }
        if (dh0) memcpy(dh0, dh_next, sizeof(real) * (size_t)BH);
    }
    // Gradients summed over time, as one GEMM each: dW += sum_t h_{t-1}^T da_t.
    k_matmul_tn(dW, h, dh, H, (int)TB, H);
    k_sum_rows(db, dh, (int)TB, H);
    if (tokens) k_scatter_add_rows(dU, dh, tokens, (int)TB, H);
    else {
        k_matmul_tn(dU, x, dh, I, (int)TB, H);
        if (dx && transpose_buf) { k_transpose(transpose_buf, U, I, H); k_matmul(dx, dh, transpose_buf, (int)TB, H, I, 1); }
        else if (dx) k_matmul_nt(dx, dh, U, (int)TB, H, I, 1);
    }
}
