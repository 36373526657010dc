// seqnet_terms.c - the per-step terms of the gradient of U, W, b, V, c
// (seqnet_terms.h). They use what the backward pass kept: after BPTT m->dh
// holds da_t and m->dz holds dz_t (mask and loss divisor included), so each
// term is one outer product over the batch, computed in m->wt.
#include "seqnet_terms.h"
#include <string.h>

// engine [rows,cols] -> lecture [cols,rows]
static void transpose(real *dst, const real *src, int rows, int cols) {
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) dst[(long)c * rows + r] = src[(long)r * cols + c];
}

// column sums of a [B,n] block: acc[n] += sum_b a[b,n]
static void sum_rows(real *acc, const real *a, int B, int n) {
    for (int b = 0; b < B; b++)
        for (int i = 0; i < n; i++) acc[i] += a[(long)b * n + i];
}

rnn_status seqnet_step_term(const seqnet *m, seq_tensor k, int t, real *out, int lecture) {
    if (!m || !out) return rnn_fail(RNN_E_ARG, "seqnet: NULL argument");
    if (k < 0 || k >= SEQ_NTENSORS) return rnn_fail(RNN_E_ARG, "seqnet: tensor %d not in 0..%d", (int)k, SEQ_NTENSORS - 1);
    if (!m->backward_done) return rnn_fail(RNN_E_STATE, "seqnet: no backward pass (compute gradients first)");
    if (t < 0 || t >= m->T) return rnn_fail(RNN_E_ARG, "seqnet: step %d not in [0, %d)", t, m->T);
    const int B = m->B, I = m->I, H = m->H, O = m->O;
    const long BH = (long)B * H;
    int rows, cols;
    seqnet_tensor_shape(m, k, &rows, &cols);
    real *acc = m->wt;  // scratch of H*max(H,I,O) >= rows*cols for every tensor
    memset(acc, 0, sizeof(real) * (size_t)rows * cols);
    const real *da = m->dh + t * BH, *dz = m->dz + (long)t * B * O;
    switch (k) {
    case SEQ_U: k_matmul_tn(acc, m->x + (long)t * B * I, da, I, B, H); break;
    case SEQ_W: k_matmul_tn(acc, m->h + t * BH, da, H, B, H); break;       // m->h + t*BH is h_{t-1}
    case SEQ_B: sum_rows(acc, da, B, H); break;
    case SEQ_V: k_matmul_tn(acc, m->h + (t + 1) * BH, dz, H, B, O); break;
    case SEQ_C: sum_rows(acc, dz, B, O); break;
    default: break;
    }
    if (lecture) transpose(out, acc, rows, cols);
    else memcpy(out, acc, sizeof(real) * (size_t)rows * cols);
    return RNN_OK;
}
