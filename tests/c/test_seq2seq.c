// test_seq2seq.c - the encoder-decoder (src/models/seq2seq.c): gradient check
// of every parameter tensor of both halves by central differences, with and
// without input reversal and per-step context, at tiny shapes including
// T=1/B=1; plus masking, reversal, decoding and argument checks.
// Built with -DRNN_DOUBLE so the differences are taken in double precision:
//   gcc -std=c11 ... -DRNN_DOUBLE -Isrc src/kernels/*.c src/nn/*.c src/status.c
//       src/data/l2e.c src/data/curriculum.c src/models/seq2seq.c tests/c/test_seq2seq.c -lm
// (A float build still runs, with tolerances relaxed to float's precision.)
// Every CHECK can fail; exit code 1 on any failure.
#include "models/seq2seq.h"
#include "data/l2e.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "check.h"


#ifdef RNN_DOUBLE
#define GC_EPS 1e-4
#define GC_TOL 1e-6      // max relative error allowed
#define GC_FLOOR 1e-5    // below this, |num - ana| counts absolutely (roundoff is ~1e-16/eps)
#else
#define GC_EPS 1e-2
#define GC_TOL 5e-2
#define GC_FLOOR 1e-3
#endif

typedef struct {
    int B, V, H, reverse;
    s2s_context context;
    int in_len[4], tgt_len[4];
} gc_case;

static double loss_of(s2s_model *m) {
    double loss;
    s2s_forward(m, &loss, NULL, NULL);
    return loss;
}

// Fills a batch of deterministic pseudo-random tokens and runs the check.
static void gradcheck(const gc_case *c, const char *label) {
    enum { STRIDE = 8 };
    s2s_config cfg = s2s_defaults(c->V);
    cfg.hidden = c->H;
    cfg.batch = c->B;
    cfg.max_in = STRIDE;
    cfg.max_out = STRIDE;
    cfg.reverse = c->reverse;
    cfg.context = c->context;
    cfg.go = c->V - 1;
    cfg.seed = 7;
    s2s_model *m;
    rnn_status st = s2s_create(&m, &cfg);
    CHECK(st == RNN_OK, "%s: create: %s", label, rnn_last_error());
    if (st) return;
    // larger weights than the default init, so tanh works away from its linear part
    rnn_rng r;
    rnn_rng_seed(&r, 99);
    for (long i = 0; i < m->nparams; i++) m->params[i] = (real)(1.5 * (2.0 * rnn_rng_double(&r) - 1.0));
    int in[4 * STRIDE], tgt[4 * STRIDE];
    for (int i = 0; i < 4 * STRIDE; i++) {
        in[i] = (int)rnn_rng_range(&r, 0, c->V - 1);
        tgt[i] = (int)rnn_rng_range(&r, 0, c->V - 1);
    }
    st = s2s_set_batch(m, c->B, in, c->in_len, STRIDE, tgt, c->tgt_len, STRIDE);
    CHECK(st == RNN_OK, "%s: set_batch: %s", label, rnn_last_error());
    if (st) { s2s_free(m); return; }
    loss_of(m);
    CHECK(s2s_backward(m) == RNN_OK, "%s: backward: %s", label, rnn_last_error());
    const char *names[S2S_NTENSORS];
    real *p[S2S_NTENSORS], *g[S2S_NTENSORS];
    long n[S2S_NTENSORS];
    s2s_tensor_list(m, 0, names, p, n);
    s2s_tensor_list(m, 1, NULL, g, NULL);
    // a copy of the analytic gradients (forward never writes grads; the copy
    // just makes that independent of the implementation)
    static real ga[4096];
    CHECK(m->nparams <= 4096, "%s: %ld params too many for the test buffer", label, m->nparams);
    if (m->nparams > 4096) { s2s_free(m); return; }
    memcpy(ga, m->grads, sizeof(real) * (size_t)m->nparams);
    printf("%-34s", label);
    for (int k = 0; k < S2S_NTENSORS; k++) {
        double max_rel = 0.0, max_abs_g = 0.0;
        int shown = 0;
        const long off = (long)(g[k] - m->grads);
        for (long i = 0; i < n[k]; i++) {
            const real keep = p[k][i];
            p[k][i] = keep + (real)GC_EPS;
            const double lp = loss_of(m);
            p[k][i] = keep - (real)GC_EPS;
            const double lm = loss_of(m);
            p[k][i] = keep;
            const double num = (lp - lm) / (2.0 * GC_EPS), ana = ga[off + i];
            const double den = fabs(num) + fabs(ana);
            const double rel = fabs(num - ana) / (den > GC_FLOOR ? den : GC_FLOOR);
            if (rel > max_rel) max_rel = rel;
            if (rel > GC_TOL && shown++ < 3) printf("\n  %s[%ld]: numeric %.6e analytic %.6e", names[k], i, num, ana);
            if (fabs(ana) > max_abs_g) max_abs_g = fabs(ana);
        }
        printf(" %s %.1e", names[k], max_rel);
        CHECK(max_rel < GC_TOL, "%s: %s max rel error %.3e", label, names[k], max_rel);
        // every tensor must actually receive gradient (else the check is vacuous);
        // the one exception: with one encoder step h_{-1} = 0, so dL/d(enc.W) = 0
        int te = 0;
        for (int b = 0; b < c->B; b++) te = c->in_len[b] > te ? c->in_len[b] : te;
        if (!(k == 1 && te == 1)) CHECK(max_abs_g > 1e-6, "%s: %s gradient is zero", label, names[k]);
    }
    printf("\n");
    s2s_free(m);
}

static void test_gradients(void) {
    // B, V, H, reverse, context, input lengths, target lengths
    const gc_case cases[] = {
        {1, 3, 2, 0, S2S_CONTEXT_INIT, {1}, {1}},                     // T=1, B=1
        {1, 3, 2, 1, S2S_CONTEXT_EVERY, {1}, {1}},
        {1, 4, 3, 1, S2S_CONTEXT_INIT, {4}, {2}},
        {3, 5, 3, 0, S2S_CONTEXT_INIT, {4, 2, 5}, {3, 1, 2}},
        {3, 5, 3, 1, S2S_CONTEXT_INIT, {4, 2, 5}, {3, 1, 2}},
        {3, 5, 3, 0, S2S_CONTEXT_EVERY, {4, 2, 5}, {3, 1, 2}},
        {3, 5, 3, 1, S2S_CONTEXT_EVERY, {4, 2, 5}, {3, 1, 2}},
        {2, 4, 4, 1, S2S_CONTEXT_EVERY, {1, 6}, {4, 1}},
    };
    char label[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const gc_case *c = &cases[i];
        snprintf(label, sizeof label, "B=%d V=%d H=%d rev=%d ctx=%s", c->B, c->V, c->H, c->reverse,
                 c->context == S2S_CONTEXT_EVERY ? "every" : "init");
        gradcheck(c, label);
    }
}

static s2s_model *small_model(int B, int reverse, s2s_context ctx) {
    s2s_config cfg = s2s_defaults(6);
    cfg.hidden = 5;
    cfg.batch = B;
    cfg.max_in = 6;
    cfg.max_out = 4;
    cfg.go = 5;
    cfg.end = 4;
    cfg.reverse = reverse;
    cfg.context = ctx;
    cfg.seed = 3;
    s2s_model *m = NULL;
    if (s2s_create(&m, &cfg)) printf("create: %s\n", rnn_last_error());
    return m;
}

// Padding must not change anything: the batch loss equals the count-weighted
// mean of each sequence's loss computed alone.
static void test_masking(void) {
    for (int ctx = 0; ctx < 2; ctx++) {
        s2s_model *m = small_model(3, 1, (s2s_context)ctx);
        if (!m) { CHECK(0, "no model"); return; }
        const int in[3 * 6] = {1, 2, 3, 0, 0, 0, 3, 3, 1, 2, 0, 4, 2, 0, 0, 0, 0, 0};
        const int in_len[3] = {3, 6, 1}, tgt[3 * 4] = {1, 2, 4, 0, 3, 4, 0, 0, 0, 1, 2, 4}, tgt_len[3] = {3, 2, 4};
        double batch_loss, sum = 0.0;
        int count, total = 0;
        CHECK(s2s_set_batch(m, 3, in, in_len, 6, tgt, tgt_len, 4) == RNN_OK, "%s", rnn_last_error());
        s2s_forward(m, &batch_loss, NULL, &count);
        CHECK(count == 9, "count %d", count);
        for (int b = 0; b < 3; b++) {
            double l;
            int k;
            s2s_set_batch(m, 1, in + b * 6, in_len + b, 6, tgt + b * 4, tgt_len + b, 4);
            s2s_forward(m, &l, NULL, &k);
            sum += l * k;
            total += k;
        }
        CHECK(total == 9 && fabs(sum / total - batch_loss) < 1e-5, "ctx %d: padded batch loss %.9f vs alone %.9f", ctx,
              batch_loss, sum / total);
        s2s_free(m);
    }
}

// Reversal keeps the last token last and reverses the rest; padding after.
static void test_reversal(void) {
    s2s_model *m = small_model(2, 1, S2S_CONTEXT_INIT);
    if (!m) { CHECK(0, "no model"); return; }
    const int in[2 * 6] = {1, 2, 3, 4, 0, 0, 2, 0, 0, 0, 0, 0}, in_len[2] = {4, 1};
    CHECK(s2s_set_batch(m, 2, in, in_len, 6, NULL, NULL, 0) == RNN_OK, "%s", rnn_last_error());
    const int want0[4] = {3, 2, 1, 4};
    int ok = m->Te == 4 && m->enc_tok[0 * 2 + 1] == 2;
    for (int t = 0; t < 4; t++) ok &= m->enc_tok[t * 2 + 0] == want0[t];
    CHECK(ok, "reversed order wrong");
    s2s_free(m);
}

// Greedy decoding agrees with teacher forcing on its own output: feeding the
// decoded tokens back as targets must give 100% per-token accuracy.
static void test_decode_consistency(void) {
    for (int ctx = 0; ctx < 2; ctx++) {
        s2s_model *m = small_model(3, ctx, (s2s_context)ctx);
        if (!m) { CHECK(0, "no model"); return; }
        const int in[3 * 6] = {1, 2, 3, 0, 0, 0, 3, 3, 1, 2, 0, 4, 2, 0, 0, 0, 0, 0}, in_len[3] = {3, 6, 1};
        int out[3 * 4], out_len[3], correct, count;
        CHECK(s2s_set_batch(m, 3, in, in_len, 6, NULL, NULL, 0) == RNN_OK, "%s", rnn_last_error());
        CHECK(s2s_decode(m, out, out_len, 4) == RNN_OK, "%s", rnn_last_error());
        int lens_ok = 1;
        for (int b = 0; b < 3; b++) {
            lens_ok &= out_len[b] >= 1 && out_len[b] <= 4;
            for (int i = 0; i < out_len[b] - 1; i++) lens_ok &= out[b * 4 + i] != 4; // stops at the end token
        }
        CHECK(lens_ok, "decoded lengths");
        CHECK(s2s_set_batch(m, 3, in, in_len, 6, out, out_len, 4) == RNN_OK, "%s", rnn_last_error());
        s2s_forward(m, NULL, &correct, &count);
        CHECK(correct == count, "ctx %d: teacher forcing on the greedy output: %d of %d right", ctx, correct, count);
        s2s_free(m);
    }
}

// A tiny copy task must be learnt (the training step really descends).
static void test_learns_copy(void) {
    s2s_config cfg = s2s_defaults(6);
    cfg.hidden = 24; cfg.batch = 16; cfg.max_in = 4; cfg.max_out = 4; cfg.go = 5; cfg.end = 4; cfg.seed = 11;
    cfg.optim = optim_default(OPT_ADAM, (real)1e-2);
    s2s_model *m;
    if (s2s_create(&m, &cfg)) { CHECK(0, "%s", rnn_last_error()); return; }
    rnn_rng r;
    rnn_rng_seed(&r, 5);
    int in[16 * 4], tgt[16 * 4], il[16], tl[16];
    double first = 0, last = 0;
    int correct = 0, count = 1;
    for (int step = 0; step < 400; step++) {
        for (int b = 0; b < 16; b++) {
            il[b] = 3; tl[b] = 3;
            for (int i = 0; i < 2; i++) in[b * 4 + i] = tgt[b * 4 + i] = (int)rnn_rng_range(&r, 0, 3);
            in[b * 4 + 2] = 5; tgt[b * 4 + 2] = 4; // end-of-input marker; target ends with the end token
        }
        s2s_set_batch(m, 16, in, il, 4, tgt, tl, 4);
        s2s_step_stats st;
        s2s_train_step(m, &st);
        if (step == 0) first = st.loss;
        last = st.loss;
        correct = st.correct; count = st.count;
    }
    CHECK(last < 0.25 * first, "copy loss %.3f -> %.3f", first, last);
    CHECK(correct == count, "copy accuracy %d/%d", correct, count);
    s2s_free(m);
}

static void test_bad_args(void) {
    s2s_config cfg = s2s_defaults(6);
    s2s_model *m = NULL;
    cfg.hidden = 0;
    CHECK(s2s_create(&m, &cfg) == RNN_E_ARG && m == NULL, "hidden 0 accepted");
    cfg = s2s_defaults(6);
    cfg.go = 6;
    CHECK(s2s_create(&m, &cfg) == RNN_E_ARG, "go token out of range accepted");
    cfg = s2s_defaults(1);
    CHECK(s2s_create(&m, &cfg) == RNN_E_ARG, "vocab 1 accepted");
    cfg = s2s_defaults(6);
    cfg.context = (s2s_context)7;
    CHECK(s2s_create(&m, &cfg) == RNN_E_ARG, "context 7 accepted");
    m = small_model(2, 0, S2S_CONTEXT_INIT);
    if (!m) { CHECK(0, "no model"); return; }
    double loss;
    CHECK(s2s_forward(m, &loss, NULL, NULL) == RNN_E_STATE, "forward without a batch");
    CHECK(s2s_backward(m) == RNN_E_STATE, "backward without a forward");
    const int in[12] = {1, 2, 9, 0, 0, 0, 1, 0, 0, 0, 0, 0}, il[2] = {3, 1}, tg[8] = {1, 4, 0, 0, 1, 0, 0, 0}, tl[2] = {2, 1};
    CHECK(s2s_set_batch(m, 2, in, il, 6, tg, tl, 4) == RNN_E_ARG, "token 9 of vocab 6 accepted");
    const int il_long[2] = {7, 1};
    CHECK(s2s_set_batch(m, 2, in, il_long, 6, tg, tl, 4) == RNN_E_ARG, "input longer than max_in accepted");
    const int il0[2] = {0, 1};
    CHECK(s2s_set_batch(m, 2, in, il0, 6, tg, tl, 4) == RNN_E_ARG, "empty input accepted");
    CHECK(s2s_set_batch(m, 3, in, il, 6, tg, tl, 4) == RNN_E_ARG, "batch above max accepted");
    CHECK(s2s_forward(m, &loss, NULL, NULL) == RNN_E_STATE, "forward after a rejected batch");
    const int in_ok[12] = {1, 2, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0};
    CHECK(s2s_set_batch(m, 2, in_ok, il, 6, NULL, NULL, 0) == RNN_OK, "%s", rnn_last_error());
    CHECK(s2s_forward(m, &loss, NULL, NULL) == RNN_E_STATE, "teacher-forced forward without targets");
    int out[8], ol[2];
    CHECK(s2s_decode(m, out, ol, 3) == RNN_E_ARG, "decode with a short output stride");
    s2s_free(m);
    s2s_free(NULL);
}

// Same seed, same weights; different seeds, different weights.
static void test_determinism(void) {
    s2s_model *a = small_model(2, 0, S2S_CONTEXT_EVERY), *b = small_model(2, 0, S2S_CONTEXT_EVERY);
    if (!a || !b) { CHECK(0, "no model"); s2s_free(a); s2s_free(b); return; }
    CHECK(a->nparams == b->nparams && memcmp(a->params, b->params, sizeof(real) * (size_t)a->nparams) == 0,
          "same seed, different weights");
    s2s_free(b);
    s2s_config cfg = a->cfg;
    cfg.seed = 4;
    CHECK(s2s_create(&b, &cfg) == RNN_OK, "%s", rnn_last_error());
    CHECK(memcmp(a->params, b->params, sizeof(real) * (size_t)a->nparams) != 0, "seeds 3 and 4 gave the same weights");
    s2s_free(a);
    s2s_free(b);
}

int main(void) {
#ifndef RNN_DOUBLE
    printf("note: built without -DRNN_DOUBLE; gradient check tolerances relaxed to float precision\n");
#endif
    test_gradients();
    test_masking();
    test_reversal();
    test_decode_consistency();
    test_learns_copy();
    test_bad_args();
    test_determinism();
    return check_report();
}
