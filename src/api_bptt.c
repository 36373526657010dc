// api_bptt.c - the exported C ABI of the BPTT views (widget `bptt`): an
// orthogonal recurrent matrix W = r Q, so that with g linear the gradient
// ratio ||dL/dh_1|| / ||dL/dh_T|| is exactly r^(T-1) (models/seqnet_orth.h).
// Also: one element of dL/dW step by step with the sum, and the delayed-echo
// toy task (data/echo.h). js/engine.js declares them in EXPORTS.api_bptt.
#include "api.h"
#include "data/echo.h"
#include "models/seqnet_orth.h"
#include <math.h>
#include <stdlib.h>

API int rnn_seq_set_orthogonal(seqnet *m, int seed, double r) { return seqnet_set_orthogonal(m, (uint32_t)seed, r); }

// One element (i, j) of the shared W's gradient, step by step (after a
// backward): out[t] = (dL/dW_t)[i][j] for t = 0..T-1 in the lecture layout,
// out[T] = their sum (in double), out[T+1] = the engine's dL/dW[i][j] from the
// whole backward pass (before clipping). cap >= T + 2.
API int rnn_seq_dW_element(seqnet *m, int i, int j, double *out, int cap) {
    if (!m->backward_done) return rnn_fail(RNN_E_STATE, "seqnet: no backward pass (compute gradients first)");
    const int H = m->H, T = m->T;
    if (i < 0 || i >= H || j < 0 || j >= H) return rnn_fail(RNN_E_ARG, "seqnet: W element (%d, %d) not in %dx%d", i, j, H, H);
    if (cap < T + 2) return rnn_fail(RNN_E_ARG, "room for %d values, %d needed", cap, T + 2);
    real *buf = malloc(sizeof(real) * (size_t)H * H);
    if (!buf) return rnn_fail(RNN_E_NOMEM, "seqnet: %dx%d buffer", H, H);
    double sum = 0;
    rnn_status st = RNN_OK;
    for (int t = 0; t < T && !st; t++) {
        st = seqnet_step_dW(m, t, buf, 1);
        out[t] = buf[(long)i * H + j];
        sum += out[t];
    }
    if (!st) st = seqnet_get_tensor(m, SEQ_W, buf, 1, 1);
    out[T] = sum;
    out[T + 1] = st ? NAN : buf[(long)i * H + j];
    free(buf);
    return st;
}

// The delayed-echo task (data/echo.h): tokens and cls, [count, T] each.
API int rnn_echo_generate(int K, int delay, int T, int count, int seed, int *tokens, int *cls) {
    return echo_generate(K, delay, T, count, (uint32_t)seed, tokens, cls);
}
