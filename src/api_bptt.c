// api_bptt.c - the exported C ABI of the BPTT views (widget `bptt`): an
// orthogonal recurrent matrix W = r Q, so that with g linear the gradient
// ratio ||dL/dh_1|| / ||dL/dh_T|| is exactly r^(T-1) (models/seqnet_orth.h).
// Also: one element of dL/dU, dL/dW or dL/dV step by step with the sum, and the delayed-echo
// toy task (data/echo.h). js/engine.js declares them in EXPORTS.api_bptt.
#include "api.h"
#include "data/echo.h"
#include "models/seqnet_orth.h"
#include "models/seqnet_terms.h"
#include <math.h>
#include <stdlib.h>

API int rnn_seq_set_orthogonal(seqnet *m, int seed, double r) { return seqnet_set_orthogonal(m, (uint32_t)seed, r); }

// One element (i, j) of a shared tensor's gradient, step by step (after a
// backward): tensor 0 U, 1 W, 2 b, 3 V, 4 c (seq_tensor), (i, j) in the
// lecture layout (U [H,I], W [H,H], V [O,H]; b and c: j = 0).
// out[t] = the step-t term (seqnet_terms.h) for t = 0..T-1, out[T] = their sum
// (in double), out[T+1] = the engine's dL/d(tensor)[i][j] from the whole
// backward pass (before clipping). cap >= T + 2.
API int rnn_seq_term_element(seqnet *m, int tensor, int i, int j, double *out, int cap) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (tensor < 0 || tensor >= SEQ_NTENSORS) return rnn_fail(RNN_E_ARG, "seqnet: tensor %d not in 0..%d", tensor, SEQ_NTENSORS - 1);
    if (!m->backward_done) return rnn_fail(RNN_E_STATE, "seqnet: no backward pass (compute gradients first)");
    int er, ec;  // engine layout; the lecture's is [ec, er]
    seqnet_tensor_shape(m, (seq_tensor)tensor, &er, &ec);
    const int rows = ec, cols = er;
    if (i < 0 || i >= rows || j < 0 || j >= cols)
        return rnn_fail(RNN_E_ARG, "seqnet: element (%d, %d) of %c not in %dx%d", i, j, "UWbVc"[tensor], rows, cols);
    const int T = m->T;
    if (cap < T + 2) return rnn_fail(RNN_E_ARG, "room for %d values, %d needed", cap, T + 2);
    real *buf = malloc(sizeof(real) * (size_t)rows * cols);
    if (!buf) return rnn_fail(RNN_E_NOMEM, "seqnet: %dx%d buffer", rows, cols);
    const long at = (long)i * cols + j;
    double sum = 0;
    rnn_status st = RNN_OK;
    for (int t = 0; t < T && !st; t++) {
        st = seqnet_step_term(m, (seq_tensor)tensor, t, buf, 1);
        out[t] = buf[at];
        sum += out[t];
    }
    if (!st) st = seqnet_get_tensor(m, (seq_tensor)tensor, buf, 1, 1);
    out[T] = sum;
    out[T + 1] = st ? NAN : buf[at];
    free(buf);
    return st;
}

// The W case of rnn_seq_term_element (kept for callers of the first version).
API int rnn_seq_dW_element(seqnet *m, int i, int j, double *out, int cap) { return rnn_seq_term_element(m, SEQ_W, i, j, out, cap); }

// The delayed-echo task (data/echo.h): tokens and cls, [count, T] each.
API int rnn_echo_generate(int K, int delay, int T, int count, int seed, int *tokens, int *cls) {
    return echo_generate(K, delay, T, count, (uint32_t)seed, tokens, cls);
}
