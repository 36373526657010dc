// test_bptt_views.c - the engine behind the bptt and teacher-forcing widgets
// and the playground's BPTT views, in the float build under ASan + UBSan:
// W = r Q is r times an orthogonal matrix (W Wᵀ = r² I) and makes the linear
// RNN's ||dL/dh_1|| / ||dL/dh_T|| = r^(T-1); the delayed echo's targets; the
// char LM's per-step norms (the last step only from its own output) leave the
// training unchanged; teacher forcing vs free running: equal before let-go,
// the drift step, bad arguments refused with a reason; the per-step terms
// of dL/dU, dL/dW, dL/db, dL/dV, dL/dc sum to the backward's gradients.
#include "check.h"
#include "rnn.h"
#include "data/echo.h"
#include "models/charlm_feed.h"
#include "models/charlm_views.h"
#include "models/seqnet_orth.h"
#include "models/seqnet_terms.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void test_orthogonal(void) {
    seqnet_config c = seqnet_defaults();
    c.input = 2; c.hidden = 7; c.output = 1; c.steps = 20; c.batch = 1; c.act = RNN_ACT_LINEAR;
    seqnet *m = NULL;
    CHECK(seqnet_create(&m, &c) == RNN_OK, "create: %s", rnn_last_error());
    if (!m) return;
    for (int k = 0; k < 2; k++) {
        const double r = k ? 1.5 : 0.5;
        CHECK(seqnet_set_orthogonal(m, 3, r) == RNN_OK, "orthogonal: %s", rnn_last_error());
        const real *W = m->p[SEQ_W];
        double worst = 0;
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 7; j++) {
                double dot = 0;
                for (int q = 0; q < 7; q++) dot += (double)W[i * 7 + q] * W[j * 7 + q];
                worst = fmax(worst, fabs(dot - (i == j ? r * r : 0)));
            }
        CHECK(worst < 1e-5, "r %g: max |W Wt - r^2 I| = %g", r, worst);
        real x[40], y[20], mask[20];
        for (int t = 0; t < 20; t++) { x[2 * t] = (real)sin(t); x[2 * t + 1] = (real)cos(3 * t); y[t] = t == 19; mask[t] = t == 19; }
        seqnet_batch b = {.B = 1, .T = 20, .x = x, .y = y, .mask = mask};
        double loss;
        CHECK(seqnet_set_batch(m, &b) == RNN_OK && seqnet_forward(m, &loss) == RNN_OK && seqnet_backward(m) == RNN_OK,
              "backward: %s", rnn_last_error());
        const double ratio = m->dh_norm[0] / m->dh_norm[19], want = pow(r, 19);
        CHECK(fabs(ratio - want) <= 1e-2 * want, "r %g: ratio %g, want %g", r, ratio, want);
    }
    CHECK(seqnet_set_orthogonal(m, 1, -0.5) == RNN_E_ARG, "a negative scale is refused");
    CHECK(seqnet_set_orthogonal(m, 1, NAN) == RNN_E_ARG, "NaN is refused");
    seqnet_free(m);
}

static void test_echo(void) {
    int tok[3 * 9], cls[3 * 9];
    CHECK(echo_generate(4, 2, 9, 3, 5, tok, cls) == RNN_OK, "echo: %s", rnn_last_error());
    for (int s = 0; s < 3; s++)
        for (int t = 0; t < 9; t++) {
            CHECK(tok[s * 9 + t] >= 0 && tok[s * 9 + t] < 4, "token %d", tok[s * 9 + t]);
            CHECK(cls[s * 9 + t] == (t < 2 ? 4 : tok[s * 9 + t - 2]), "target at %d,%d", s, t);
        }
    CHECK(echo_generate(4, 9, 9, 3, 5, tok, cls) == RNN_E_ARG, "delay >= T refused");
    CHECK(echo_generate(1, 0, 9, 3, 5, tok, cls) == RNN_E_ARG, "one symbol refused");
}

static const char TEXT[] = "the cat sat on the mat. the dog sat on the log.\n";

static rnn_charlm *small_lm(void) {
    char text[sizeof TEXT * 20];
    text[0] = 0;
    for (int i = 0; i < 20; i++) strcat(text, TEXT);
    rnn_charlm_config c = rnn_charlm_defaults();
    c.hidden = 24; c.seq = 12; c.batch = 4; c.val_fraction = 0; c.seed = 2;
    c.optim = optim_default(OPT_ADAM, 0.01f);
    rnn_charlm *m = NULL;
    CHECK(rnn_charlm_create(&m, &c, text, (long)strlen(text)) == RNN_OK, "create: %s", rnn_last_error());
    return m;
}

static void test_step_norms(void) {
    rnn_charlm *a = small_lm(), *b = small_lm();
    if (!a || !b) { rnn_charlm_free(a); rnn_charlm_free(b); return; }
    rnn_train_stats st;
    rnn_charlm_train(a, 5, &st); rnn_charlm_train(b, 5, &st);
    double dh[12], loss, loss2;
    CHECK(rnn_charlm_step_norms(a, dh, &loss) == RNN_OK, "step norms: %s", rnn_last_error());
    for (int t = 0; t < 12; t++) CHECK(isfinite(dh[t]) && dh[t] > 0, "dh[%d] = %g", t, dh[t]);
    CHECK(rnn_charlm_gradients(b, &loss2) == RNN_OK && loss == loss2, "same chunk: %g vs %g", loss, loss2);
    rnn_train_stats sa, sb;
    rnn_charlm_train(a, 3, &sa); rnn_charlm_train(b, 3, &sb);
    CHECK(sa.loss == sb.loss && memcmp(a->params, b->params, sizeof(float) * (size_t)a->nparams) == 0,
          "measuring the norms changes nothing");
    rnn_charlm_free(a); rnn_charlm_free(b);
}

static void test_feed(void) {
    rnn_charlm *m = small_lm();
    if (!m) return;
    rnn_train_stats st;
    rnn_charlm_train(m, 100, &st);
    int tok[30];
    for (int i = 0; i < 30; i++) tok[i] = vocab_index(&m->vocab, (unsigned char)TEXT[i]);
    float ltf[29], lfr[29], own[29];
    int gen[29];
    rnn_feed_summary sum;
    rnn_feed_opts o = {.let_go = 8, .greedy = 0, .temperature = 1.0f, .seed = 3};
    CHECK(rnn_charlm_feed(m, tok, 30, &o, ltf, lfr, gen, own, &sum) == RNN_OK, "feed: %s", rnn_last_error());
    for (int i = 0; i < 8; i++) CHECK(ltf[i] == lfr[i], "step %d before let-go: %g vs %g", i, ltf[i], lfr[i]);
    CHECK(sum.mean_fr > sum.mean_tf, "free running %g vs teacher forcing %g", sum.mean_fr, sum.mean_tf);
    CHECK(sum.drift >= 8 && gen[sum.drift - 1] != tok[sum.drift], "drift %ld", sum.drift);
    // own = -log p(its own sample): equal to the text's loss wherever it drew the true character
    double s_own = 0;
    for (int i = 0; i < 29; i++) {
        CHECK(own[i] >= 0 && isfinite(own[i]), "own[%d] = %g", i, own[i]);
        if (i < 8 && gen[i] == tok[i + 1]) CHECK(own[i] == ltf[i], "step %d: own %g, text %g", i, own[i], ltf[i]);
        if (i >= 8) s_own += own[i];
    }
    CHECK(fabs(s_own / 21 - sum.mean_own) < 1e-5, "mean own %g vs %g", sum.mean_own, s_own / 21);
    o.let_go = 0;
    CHECK(rnn_charlm_feed(m, tok, 30, &o, ltf, lfr, gen, own, &sum) == RNN_E_ARG, "let-go 0 refused");
    o.let_go = 3; o.temperature = 0;
    CHECK(rnn_charlm_feed(m, tok, 30, &o, ltf, lfr, gen, own, &sum) == RNN_E_ARG, "temperature 0 refused");
    o.temperature = 1; tok[4] = m->V;
    CHECK(rnn_charlm_feed(m, tok, 30, &o, ltf, lfr, gen, own, &sum) == RNN_E_ARG, "a token out of range refused");
    rnn_charlm_free(m);
}


int rnn_seq_term_element(seqnet *m, int tensor, int i, int j, double *out, int cap); // src/api_bptt.c

// The BPTT slide: dL/dU = sum_t dL/dU_t (and W, b, V, c), for tanh and linear
// g, a softmax head with a ragged mask and an MSE head with every step scored.
static void test_step_terms(void) {
    enum { B = 3, T = 6, I = 4, H = 5, O = 3 };
    for (int k = 0; k < 2; k++) {
        seqnet_config c = seqnet_defaults();
        c.input = I; c.hidden = H; c.output = O; c.steps = T; c.batch = B; c.seed = 11 + k;
        c.act = k ? RNN_ACT_LINEAR : RNN_ACT_TANH;
        c.head = k ? SEQ_HEAD_LINEAR_MSE : SEQ_HEAD_SOFTMAX_XENT;
        c.sum_over_time = 1;
        seqnet *m = NULL;
        CHECK(seqnet_create(&m, &c) == RNN_OK, "create: %s", rnn_last_error());
        if (!m) return;
        real x[B * T * I], y[B * T * O], mask[B * T];
        int cls[B * T];
        for (int i = 0; i < B * T * I; i++) x[i] = (real)sin(1.7 * i);
        for (int i = 0; i < B * T * O; i++) y[i] = (real)cos(0.9 * i);
        for (int i = 0; i < B * T; i++) { cls[i] = i % O; mask[i] = (i % T) < T - (i / T); }  // ragged ends
        seqnet_batch b = {.B = B, .T = T, .x = x, .y = k ? y : NULL, .cls = k ? NULL : cls, .mask = k ? NULL : mask};
        double loss;
        CHECK(seqnet_set_batch(m, &b) == RNN_OK && seqnet_forward(m, &loss) == RNN_OK && seqnet_backward(m) == RNN_OK,
              "backward: %s", rnn_last_error());
        real term[H * H > I * H ? H * H : I * H], sum[H * H > I * H ? H * H : I * H];
        for (int q = 0; q < SEQ_NTENSORS; q++) {
            int rows, cols;
            seqnet_tensor_shape(m, (seq_tensor)q, &rows, &cols);
            memset(sum, 0, sizeof sum);
            for (int t = 0; t < T; t++) {
                CHECK(seqnet_step_term(m, (seq_tensor)q, t, term, 0) == RNN_OK, "term: %s", rnn_last_error());
                for (int e = 0; e < rows * cols; e++) sum[e] += term[e];
            }
            double worst = 0, scale = 0;
            for (int e = 0; e < rows * cols; e++) {
                worst = fmax(worst, fabs((double)sum[e] - m->g[q][e]));
                scale = fmax(scale, fabs((double)m->g[q][e]));
            }
            CHECK(scale > 1e-6, "%c: the gradient is not zero (%g)", "UWbVc"[q], scale);
            CHECK(worst <= 1e-5 * (1 + scale), "%c (g %d): max |sum_t term - grad| = %g", "UWbVc"[q], k, worst);
            // the ABI: one element in the lecture layout, its steps, their sum and the total
            double out[T + 2];
            const int li = cols - 1, lj = rows - 1;  // lecture [cols, rows]: its last element
            CHECK(rnn_seq_term_element(m, q, li, lj, out, T + 2) == RNN_OK, "element: %s", rnn_last_error());
            CHECK(fabs(out[T + 1] - m->g[q][(long)lj * cols + li]) < 1e-7, "%c: lecture (%d, %d) is engine (%d, %d)", "UWbVc"[q], li, lj, lj, li);
            CHECK(fabs(out[T] - out[T + 1]) <= 1e-5 * (1 + fabs(out[T + 1])), "%c: sum %g vs total %g", "UWbVc"[q], out[T], out[T + 1]);
        }
        double out[T + 2];
        CHECK(rnn_seq_term_element(m, 5, 0, 0, out, T + 2) == RNN_E_ARG, "tensor 5 refused");
        CHECK(rnn_seq_term_element(m, SEQ_U, H, 0, out, T + 2) == RNN_E_ARG, "row H of U refused");
        CHECK(rnn_seq_term_element(m, SEQ_W, 0, 0, out, T + 1) == RNN_E_ARG, "too little room refused");
        CHECK(seqnet_step_term(m, SEQ_V, T, term, 1) == RNN_E_ARG, "step T refused");
        seqnet_free(m);
    }
}

int main(void) {
    test_orthogonal();
    test_echo();
    test_step_norms();
    test_feed();
    test_step_terms();
    return check_report();
}
