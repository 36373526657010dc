// test_seqnet.c - the general sequence model (models/seqnet.h) in the float
// build: the lecture's hand-wired sum RNN stepped and run, stepping = the
// whole-sequence forward, the lecture layout of the weights, bad inputs
// refused with a reason, a many-to-one task learned to a stated accuracy,
// free running, the spectral radius and scaling W to a radius.
// B batch, T steps, I input, H hidden, O output. Runs under ASan + UBSan.
#include "check.h"
#include "rnn.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define STEP_TOL 1e-5f      // stepping vs the fused forward (float)
#define RADIUS_TOL 2e-3     // relative error of the power-iteration spectral radius

static seqnet *make(seqnet_config c) {
    seqnet *m = NULL;
    CHECK(seqnet_create(&m, &c) == RNN_OK, "create: %s", rnn_last_error());
    return m;
}

// "esta RNN soma as entradas": I = H = O = 1, linear, U = W = V = 1.
static void test_sum_rnn(void) {
    seqnet *m = make(seqnet_defaults());
    if (!m) return;
    const float one = 1, x[4] = {2, -0.5f, 1, 1}, want[4] = {2, 1.5f, 2.5f, 3.5f};
    seqnet_set_tensor(m, SEQ_U, &one, 1); seqnet_set_tensor(m, SEQ_W, &one, 1); seqnet_set_tensor(m, SEQ_V, &one, 1);
    CHECK(seqnet_reset(m, 1, NULL) == RNN_OK, "reset: %s", rnn_last_error());
    for (int t = 0; t < 4; t++) {
        float h, y;
        CHECK(seqnet_step(m, &x[t], NULL, &h, &y) == RNN_OK, "step: %s", rnn_last_error());
        CHECK(h == want[t] && y == want[t], "step %d: h %g y %g, want %g", t + 1, h, y, want[t]);
    }
    seqnet_batch b = {.B = 1, .T = 4, .x = x};
    float h[4], y[4];
    double loss = 0.0; // (clang: unset if set_batch fails; then the isnan check fails too)
    CHECK(seqnet_set_batch(m, &b) == RNN_OK && seqnet_forward(m, &loss) == RNN_OK, "forward: %s", rnn_last_error());
    CHECK(isnan(loss), "a batch without targets has no loss (got %g)", loss);
    seqnet_read_hidden(m, h); seqnet_read_output(m, y);
    for (int t = 0; t < 4; t++) CHECK(h[t] == want[t] && y[t] == want[t], "forward step %d: h %g, want %g", t + 1, h[t], want[t]);
    CHECK(seqnet_backward(m) == RNN_E_STATE, "backward without targets must be refused");
    seqnet_free(m);
}

// Stepping B sequences one step at a time gives the fused forward's h_t and y_t.
static void test_step_matches_forward(void) {
    seqnet_config c = seqnet_defaults();
    c.input = 5; c.input_kind = SEQ_INPUT_ONEHOT; c.hidden = 7; c.output = 3; c.act = RNN_ACT_TANH;
    c.head = SEQ_HEAD_SOFTMAX_XENT; c.batch = 2; c.steps = 6; c.init_scale = 2;
    seqnet *m = make(c);
    if (!m) return;
    const int tok[12] = {0, 4, -1, 2, 3, 1, 4, 4, 0, -1, 2, 2};
    float h0[14];
    for (int i = 0; i < 14; i++) h0[i] = 0.1f * (float)(i % 5) - 0.2f;
    seqnet_batch b = {.B = 2, .T = 6, .tokens = tok, .h0 = h0};
    float H[2 * 6 * 7], Y[2 * 6 * 3];
    CHECK(seqnet_set_batch(m, &b) == RNN_OK && seqnet_forward(m, NULL) == RNN_OK, "forward: %s", rnn_last_error());
    seqnet_read_hidden(m, H); seqnet_read_output(m, Y);
    seqnet_reset(m, 2, h0);
    float maxd = 0;
    for (int t = 0; t < 6; t++) {
        const int tt[2] = {tok[t], tok[6 + t]};
        float h[14], y[6];
        CHECK(seqnet_step(m, NULL, tt, h, y) == RNN_OK, "step: %s", rnn_last_error());
        for (int s = 0; s < 2; s++) {
            for (int j = 0; j < 7; j++) maxd = fmaxf(maxd, fabsf(h[s * 7 + j] - H[(s * 6 + t) * 7 + j]));
            for (int j = 0; j < 3; j++) maxd = fmaxf(maxd, fabsf(y[s * 3 + j] - Y[(s * 6 + t) * 3 + j]));
        }
    }
    CHECK(maxd < STEP_TOL, "stepping vs forward: max difference %g", maxd);
    seqnet_free(m);
}

// The lecture layout is the transpose of the engine's: U [H,I] vs [I,H].
static void test_layouts(void) {
    seqnet_config c = seqnet_defaults();
    c.input = 3; c.hidden = 2; c.output = 1;
    seqnet *m = make(c);
    if (!m) return;
    const float lec[6] = {1, 2, 3, 4, 5, 6}; // lecture U [H=2, I=3]: row h = weights into unit h
    float eng[6], back[6];
    CHECK(seqnet_set_tensor(m, SEQ_U, lec, 1) == RNN_OK, "set: %s", rnn_last_error());
    seqnet_get_tensor(m, SEQ_U, eng, 0, 0);
    seqnet_get_tensor(m, SEQ_U, back, 1, 0);
    const float want[6] = {1, 4, 2, 5, 3, 6};  // engine U [I=3, H=2]
    CHECK(memcmp(eng, want, sizeof want) == 0, "engine layout %g %g %g %g %g %g", eng[0], eng[1], eng[2], eng[3], eng[4], eng[5]);
    CHECK(memcmp(back, lec, sizeof lec) == 0, "lecture layout does not round-trip");
    // the unit-1 row of the lecture's U acts on x: x = e_2 gives a_1 = U[1][2] = 6
    const float x[3] = {0, 0, 1}, zero[2] = {0, 0};
    float h[2];
    seqnet_set_tensor(m, SEQ_W, (float[4]){0, 0, 0, 0}, 0);
    seqnet_set_tensor(m, SEQ_B, zero, 0);
    seqnet_reset(m, 1, NULL);
    seqnet_step(m, x, NULL, h, NULL);
    CHECK(h[0] == 3 && h[1] == 6, "h = (%g, %g), want (3, 6)", h[0], h[1]);
    seqnet_free(m);
}

static void test_bad_inputs(void) {
    seqnet_config c = seqnet_defaults();
    seqnet *m = NULL;
    c.hidden = 0;
    CHECK(seqnet_create(&m, &c) == RNN_E_ARG && m == NULL && strstr(rnn_last_error(), "hidden"), "hidden 0: %s", rnn_last_error());
    c = seqnet_defaults(); c.steps = SEQ_MAX_STEPS; c.batch = SEQ_MAX_BATCH; c.hidden = 64;
    CHECK(seqnet_create(&m, &c) == RNN_E_ARG && strstr(rnn_last_error(), "activations"), "too big: %s", rnn_last_error());
    c = seqnet_defaults(); c.head = SEQ_HEAD_SOFTMAX_XENT;
    CHECK(seqnet_create(&m, &c) == RNN_E_ARG, "softmax over 1 output must be refused");
    c = seqnet_defaults(); c.input = 4; c.input_kind = SEQ_INPUT_ONEHOT; c.output = 3; c.head = SEQ_HEAD_SOFTMAX_XENT; c.steps = 3; c.batch = 1;
    m = make(c);
    if (!m) return;
    const int bad_tok[3] = {0, 4, 1}, tok[3] = {0, 1, 2}, bad_cls[3] = {0, 3, 1}, cls[3] = {0, 1, 2};
    seqnet_batch b = {.B = 1, .T = 3, .tokens = bad_tok, .cls = cls};
    CHECK(seqnet_set_batch(m, &b) == RNN_E_ARG && strstr(rnn_last_error(), "token 4"), "token 4: %s", rnn_last_error());
    b.tokens = tok; b.cls = bad_cls;
    CHECK(seqnet_set_batch(m, &b) == RNN_E_ARG && strstr(rnn_last_error(), "class 3"), "class 3: %s", rnn_last_error());
    const float mask[3] = {1, 0, 1};
    b.mask = mask;   // class 3 sits where the mask is 0: ignored
    CHECK(seqnet_set_batch(m, &b) == RNN_OK, "a masked-out class is not checked: %s", rnn_last_error());
    b.T = 4;
    CHECK(seqnet_set_batch(m, &b) == RNN_E_ARG, "T above the configured steps must be refused");
    const float nan = NAN;
    CHECK(seqnet_set_tensor(m, SEQ_C, (float[3]){0, nan, 0}, 0) == RNN_E_NONFINITE, "NaN weight must be refused");
    CHECK(seqnet_set_tensor(m, (seq_tensor)7, mask, 0) == RNN_E_ARG, "unknown tensor must be refused");
    CHECK(seqnet_step(m, NULL, tok, NULL, NULL) == RNN_E_STATE, "step before reset must be refused");
    CHECK(seqnet_reset(m, 2, NULL) == RNN_E_ARG, "reset of more sequences than the batch must be refused");
    seqnet_reset(m, 1, NULL);
    CHECK(seqnet_generate(m, 3, NULL, tok, NULL, NULL, NULL) == RNN_E_STATE, "free running with I != O must be refused");
    seqnet_free(m);
}

// Many-to-one: the sign of the sum of T = 6 inputs in [-1, 1], tanh head with
// targets +-1, loss at the last step only. Must reach 95% on held-out sequences.
static void make_sign_batch(rnn_rng *r, int B, int T, float *x, float *y, float *mask) {
    for (int s = 0; s < B; s++) {
        double sum = 0;
        for (int t = 0; t < T; t++) {
            x[s * T + t] = (float)(2 * rnn_rng_double(r) - 1);
            sum += x[s * T + t];
            y[s * T + t] = 0;
            mask[s * T + t] = t == T - 1;
        }
        y[s * T + T - 1] = sum > 0 ? 1.0f : -1.0f;
    }
}

static void test_learns_sign(void) {
    seqnet_config c = seqnet_defaults();
    c.hidden = 8; c.act = RNN_ACT_TANH; c.head = SEQ_HEAD_TANH_MSE; c.batch = 64; c.steps = 6; c.seed = 3;
    c.optim = optim_default(OPT_ADAM, 3e-2f);
    seqnet *m = make(c);
    if (!m) return;
    enum { B = 64, T = 6 };
    float x[B * T], y[B * T], mask[B * T];
    rnn_rng r;
    rnn_rng_seed(&r, 7);
    seqnet_batch b = {.B = B, .T = T, .x = x, .y = y, .mask = mask};
    seqnet_stats st = {0};
    for (int i = 0; i < 1000; i++) {
        make_sign_batch(&r, B, T, x, y, mask);
        seqnet_set_batch(m, &b);
        CHECK(seqnet_train_step(m, &st) == RNN_OK && st.finite, "train step %d: %s", i, rnn_last_error());
    }
    int correct = 0, count = 0;
    for (int k = 0; k < 8; k++) { // 512 held-out sequences
        make_sign_batch(&r, B, T, x, y, mask);
        seqnet_set_batch(m, &b);
        seqnet_eval ev;
        CHECK(seqnet_evaluate(m, &ev) == RNN_OK, "evaluate: %s", rnn_last_error());
        CHECK(ev.count == B && ev.seq_count == B && ev.seq_correct == ev.correct, "one scored step per sequence: %d, %d", ev.count, ev.seq_count);
        correct += ev.correct; count += ev.count;
    }
    printf("sign of a sum, many-to-one, %ld Adam steps: held-out accuracy %d/%d\n", st.step, correct, count);
    CHECK(correct >= 0.95 * count, "accuracy %d/%d below 95%%", correct, count);
    CHECK(st.step == 1000, "optimiser steps %ld", st.step);
    seqnet_free(m);
}

// One-hot free running: a hand-wired counter 0 -> 1 -> 2 -> 3 -> 0 (H = I = O = 4,
// h = x shifted by one, output = h).
static void test_generate(void) {
    seqnet_config c = seqnet_defaults();
    c.input = 4; c.input_kind = SEQ_INPUT_ONEHOT; c.hidden = 4; c.output = 4; c.head = SEQ_HEAD_SOFTMAX_XENT; c.batch = 1;
    seqnet *m = make(c);
    if (!m) return;
    float U[16] = {0}, V[16] = {0}, W[16] = {0};
    for (int i = 0; i < 4; i++) { U[i * 4 + (i + 1) % 4] = 5; V[i * 4 + i] = 1; } // engine layout: row = input
    seqnet_set_tensor(m, SEQ_U, U, 0); seqnet_set_tensor(m, SEQ_V, V, 0); seqnet_set_tensor(m, SEQ_W, W, 0);
    seqnet_reset(m, 1, NULL);
    int tok[6];
    const int start = 2;
    CHECK(seqnet_generate(m, 6, NULL, &start, NULL, NULL, tok) == RNN_OK, "generate: %s", rnn_last_error());
    for (int t = 0; t < 6; t++) CHECK(tok[t] == (start + 1 + t) % 4, "step %d: token %d, want %d", t, tok[t], (start + 1 + t) % 4);
    seqnet_free(m);
}

static void test_radius(void) {
    seqnet_config c = seqnet_defaults();
    c.hidden = 3;
    seqnet *m = make(c);
    if (!m) return;
    // a rotation by 60 degrees scaled by 0.9 (complex pair, |lambda| = 0.9) and a real 0.5
    const float co = 0.45f, si = 0.9f * 0.8660254f;
    float W[9] = {co, -si, 0, si, co, 0, 0, 0, 0.5f};
    double rho, before;
    CHECK(rnn_spectral_radius(W, 3, &rho) == RNN_OK && fabs(rho - 0.9) < RADIUS_TOL * 0.9, "rotation: rho %.6f, want 0.9", rho);
    float J[4] = {2, 1, 0, 2}; // a Jordan block: rho 2 although ||J^k v|| grows like k 2^k
    CHECK(rnn_spectral_radius(J, 2, &rho) == RNN_OK && fabs(rho - 2) < 2e-2 * 2, "Jordan block: rho %.6f, want 2", rho);
    seqnet_set_tensor(m, SEQ_W, W, 0);
    CHECK(seqnet_scale_radius(m, 1.5, &before) == RNN_OK && fabs(before - 0.9) < RADIUS_TOL, "scale: %s", rnn_last_error());
    CHECK(rnn_spectral_radius(m->p[SEQ_W], 3, &rho) == RNN_OK && fabs(rho - 1.5) < RADIUS_TOL * 1.5, "scaled: rho %.6f, want 1.5", rho);
    float Z[9] = {0};
    seqnet_set_tensor(m, SEQ_W, Z, 0);
    CHECK(seqnet_scale_radius(m, 1, &before) == RNN_E_STATE && before == 0, "a zero W cannot be scaled");
    seqnet_free(m);
}

int main(void) {
    test_sum_rnn();
    test_step_matches_forward();
    test_layouts();
    test_bad_inputs();
    test_learns_sign();
    test_generate();
    test_radius();
    return check_report();
}
