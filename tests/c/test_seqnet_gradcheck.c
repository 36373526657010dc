// test_seqnet_gradcheck.c - the general sequence model (models/seqnet.h) in
// double precision (the Makefile builds it with -DRNN_DOUBLE): central
// differences against BPTT for every tensor (U, W, b, V, c), for every hidden
// activation x output head x input kind x loss mask (every step, last step
// only, ragged) x loss reduction; the per-step terms of dL/dW summing to dL/dW;
// and the per-step norms ||dL/dh_t|| of a linear scalar RNN against w^(T-t).
#include "check.h"
#include "models/seqnet.h"
#include "rng.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifndef RNN_DOUBLE
#error "test_seqnet_gradcheck.c must be built with -DRNN_DOUBLE (see the Makefile)"
#endif

#define GC_EPS 1e-6   // central-difference step
#define GC_TOL 1e-6   // ||a - n|| / (||a|| + ||n||) per tensor
#define SUM_TOL 1e-12 // sum of the per-step dW terms vs dW (relative)

enum { MASK_ALL, MASK_LAST, MASK_RAGGED, NMASKS };
static const char *const MASK_NAMES[NMASKS] = {"every step", "last step", "ragged"};
static const char *const HEAD_NAMES[4] = {"linear+mse", "tanh+mse", "sigmoid+bce", "softmax+xent"};
static const char *const ACT_NAMES[3] = {"tanh", "relu", "linear"};
static const char TENSOR_NAMES[] = "UWbVc";

static double g_worst[SEQ_NTENSORS];

static double uniform(rnn_rng *r, double lo, double hi) { return lo + (hi - lo) * rnn_rng_double(r); }

// Random weights (b and c too), inputs, targets and a mask of the given pattern.
static void fill(seqnet *m, seqnet_batch *b, real *x, int *tok, real *y, int *cls, real *mask, real *h0, int pattern,
                 uint64_t seed) {
    rnn_rng r;
    rnn_rng_seed(&r, seed);
    for (int k = 0; k < SEQ_NTENSORS; k++) {
        int rows, cols;
        seqnet_tensor_shape(m, (seq_tensor)k, &rows, &cols);
        real buf[64];
        for (int i = 0; i < rows * cols; i++) buf[i] = uniform(&r, -0.8, 0.8);
        CHECK(seqnet_set_tensor(m, (seq_tensor)k, buf, 0) == RNN_OK, "set tensor %d", k);
    }
    const int B = b->B, T = b->T, I = m->I, O = m->O, H = m->H;
    for (int i = 0; i < B * T * I; i++) x[i] = uniform(&r, -1, 1);
    for (int i = 0; i < B * T; i++) tok[i] = (int)rnn_rng_range(&r, -1, I - 1);   // -1: no input
    for (int i = 0; i < B * T * O; i++)
        y[i] = m->cfg.head == SEQ_HEAD_SIGMOID_BCE ? rnn_rng_double(&r) : uniform(&r, -1, 1);
    for (int i = 0; i < B * T; i++) cls[i] = (int)rnn_rng_range(&r, 0, O - 1);
    for (int i = 0; i < B * H; i++) h0[i] = uniform(&r, -0.5, 0.5);
    for (int s = 0; s < B; s++) {
        const int len = pattern == MASK_RAGGED ? T - s % T : T; // sequence s ends at its own step
        for (int t = 0; t < T; t++) {
            real w = 1;
            if (pattern == MASK_LAST) w = t == T - 1;
            if (pattern == MASK_RAGGED) w = t < len ? 0.5 + 0.5 * (t % 2) : 0; // weights 0.5 and 1
            mask[s * T + t] = w;
        }
    }
    const int dense = m->cfg.input_kind == SEQ_INPUT_DENSE, softmax = m->cfg.head == SEQ_HEAD_SOFTMAX_XENT;
    b->x = dense ? x : NULL;
    b->tokens = dense ? NULL : tok;
    b->y = softmax ? NULL : y;
    b->cls = softmax ? cls : NULL;
    b->mask = mask;
    b->h0 = h0;
}

static void run_case(rnn_act act, seq_head head, seq_input_kind kind, int pattern, int sum_over_time, uint64_t seed) {
    seqnet_config c = seqnet_defaults();
    c.input = 3; c.hidden = 4; c.output = 3; c.batch = 3; c.steps = 4;
    c.act = act; c.head = head; c.input_kind = kind; c.sum_over_time = sum_over_time; c.seed = (uint32_t)seed;
    seqnet *m = NULL;
    CHECK(seqnet_create(&m, &c) == RNN_OK, "create: %s", rnn_last_error());
    if (!m) return;
    real x[3 * 4 * 3], y[3 * 4 * 3], mask[12], h0[12];
    int tok[12], cls[12];
    seqnet_batch b = {.B = 3, .T = 4};
    fill(m, &b, x, tok, y, cls, mask, h0, pattern, seed);
    CHECK(seqnet_set_batch(m, &b) == RNN_OK, "set batch: %s", rnn_last_error());
    double rel[SEQ_NTENSORS], maxabs[SEQ_NTENSORS];
    CHECK(seqnet_gradcheck(m, GC_EPS, 1000, rel, maxabs) == RNN_OK, "gradcheck: %s", rnn_last_error());
    for (int k = 0; k < SEQ_NTENSORS; k++) {
        CHECK(rel[k] < GC_TOL, "%s %s %s %s %s: d%c relative error %.3e (max abs %.3e)", ACT_NAMES[act], HEAD_NAMES[head],
              kind ? "one-hot" : "dense", MASK_NAMES[pattern], sum_over_time ? "sum" : "mean", TENSOR_NAMES[k], rel[k],
              maxabs[k]);
        if (rel[k] > g_worst[k]) g_worst[k] = rel[k];
    }
    // sum over time of the per-step terms = dL/dW (gradcheck leaves a fresh backward)
    real sum[16] = {0}, term[16];
    for (int t = 0; t < b.T; t++) {
        CHECK(seqnet_step_dW(m, t, term, 0) == RNN_OK, "step dW: %s", rnn_last_error());
        for (int i = 0; i < 16; i++) sum[i] += term[i];
    }
    double d = 0, n = 0;
    for (int i = 0; i < 16; i++) { d += fabs(sum[i] - m->g[SEQ_W][i]); n += fabs(m->g[SEQ_W][i]); }
    CHECK(d <= SUM_TOL * (n + 1e-30), "sum_t dL/dW_t - dL/dW: %.3e (|dW| %.3e)", d, n);
    seqnet_free(m);
}

// h_t = w h_{t-1} + x_t, y_t = h_t, loss at the last step only: dL/dh_t = dL/dh_T w^(T-t).
static void test_vanishing(double w) {
    seqnet_config c = seqnet_defaults();
    c.steps = 20; c.batch = 1;
    seqnet *m = NULL;
    CHECK(seqnet_create(&m, &c) == RNN_OK, "create: %s", rnn_last_error());
    if (!m) return;
    real one = 1, ww = w, x[20], y[20], mask[20];
    for (int t = 0; t < 20; t++) { x[t] = t % 3 == 0 ? 1 : -0.25; y[t] = 0; mask[t] = t == 19; }
    seqnet_set_tensor(m, SEQ_U, &one, 0); seqnet_set_tensor(m, SEQ_V, &one, 0); seqnet_set_tensor(m, SEQ_W, &ww, 0);
    seqnet_batch b = {.B = 1, .T = 20, .x = x, .y = y, .mask = mask};
    double loss;
    CHECK(seqnet_set_batch(m, &b) == RNN_OK && seqnet_forward(m, &loss) == RNN_OK && seqnet_backward(m) == RNN_OK, "%s", rnn_last_error());
    const double ratio = m->dh_norm[0] / m->dh_norm[19], want = pow(fabs(w), 19);
    CHECK(fabs(ratio - want) <= 1e-12 * want, "w %g: ||dL/dh_1|| / ||dL/dh_20|| = %.6e, want %.6e", w, ratio, want);
    printf("linear RNN, w = %g, T = 20: ||dL/dh_1|| / ||dL/dh_20|| = %.3e\n", w, ratio);
    seqnet_free(m);
}

int main(void) {
    uint64_t seed = 1;
    int cases = 0;
    for (int act = RNN_ACT_TANH; act <= RNN_ACT_LINEAR; act++)
        for (int head = SEQ_HEAD_LINEAR_MSE; head <= SEQ_HEAD_SOFTMAX_XENT; head++)
            for (int kind = SEQ_INPUT_DENSE; kind <= SEQ_INPUT_ONEHOT; kind++)
                for (int pattern = 0; pattern < NMASKS; pattern++) {
                    run_case((rnn_act)act, (seq_head)head, (seq_input_kind)kind, pattern, pattern == MASK_LAST, seed++);
                    cases++;
                }
    printf("seqnet gradient check, %d cases, eps %g, tolerance %g; worst relative error:", cases, GC_EPS, GC_TOL);
    for (int k = 0; k < SEQ_NTENSORS; k++) printf(" d%c %.2e", TENSOR_NAMES[k], g_worst[k]);
    printf("\n");
    test_vanishing(0.5);
    test_vanishing(1.5);
    return check_report();
}
