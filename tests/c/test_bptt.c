// test_bptt.c - the fused BPTT (rnn_layer_forward / rnn_layer_backward, what
// training runs) against its reference twin (rnn_layer_forward_ref /
// rnn_layer_backward_ref, the lecture's equations as plain loops) at awkward
// sizes, in float: H = 1, 3, 17, 63, 257; T = 1, 2, 5; B = 1, 4; token and
// dense inputs; tanh, relu and linear. Natively the fused kernels are their
// scalar twins, so this checks the layer-level rewrites (inputs for all t at
// once, W^T in scratch, in-place da, gradients summed after the loop);
// tests/node/bptt.test.mjs runs the same comparison inside the SIMD module.
// Both twins' correctness against central differences is test_gradcheck.c.
#include "check.h"
#include "nn/rnn_layer.h"
#include "rng.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

// Max |fused - ref| over a tensor, relative to the tensor's largest |ref|
// (floored at 1): the twins add the same terms in a different order.
#define TWIN_TOL 2e-5

static const char *const ACT_NAMES[3] = {"tanh", "relu", "linear"};
static double g_worst;

static void fill(float *p, long n, rnn_rng *r, float scale) {
    for (long i = 0; i < n; i++) p[i] = (2.0f * rnn_rng_float(r) - 1.0f) * scale;
}

static double rel_diff(const float *a, const float *b, long n) {
    double d = 0.0, m = 1.0;
    for (long i = 0; i < n; i++) {
        const double e = fabs((double)a[i] - (double)b[i]);
        d = e > d || isnan(e) ? e : d; // NaN fails
        m = fabs((double)b[i]) > m ? fabs((double)b[i]) : m;
    }
    return d / m;
}

// One case: the same inputs through both twins; every output compared.
static void run_case(int T, int B, int I, int H, rnn_act act, int dense, uint64_t seed) {
    rnn_rng r;
    rnn_rng_seed(&r, seed);
    const long BH = (long)B * H, TB = (long)T * B, nh = (T + 1) * BH;
    const long nbuf = (long)H * (H > I ? H : I);
    // parameters at the engine's initial scale (1/sqrt(H)): tanh not saturated
    const float k = 1.0f / sqrtf((float)H);
    float *U = malloc(sizeof(float) * (size_t)I * H), *W = malloc(sizeof(float) * (size_t)H * H);
    float *b = malloc(sizeof(float) * (size_t)H);
    fill(U, (long)I * H, &r, k); fill(W, (long)H * H, &r, k); fill(b, H, &r, k);
    int *tok = dense ? NULL : malloc(sizeof(int) * (size_t)TB);
    float *x = dense ? malloc(sizeof(float) * (size_t)TB * I) : NULL;
    if (tok) for (long i = 0; i < TB; i++) tok[i] = (int)rnn_rng_range(&r, 0, I - 1);
    if (x) fill(x, TB * I, &r, 1.0f);
    float *dy = malloc(sizeof(float) * (size_t)TB * H); // dL/dh_t from above
    fill(dy, TB * H, &r, 1.0f);
    float *h[2], *dh[2], *dU[2], *dW[2], *db[2], *dx[2], *dh0[2];
    float *dh_next = malloc(sizeof(float) * (size_t)BH), *tbuf = malloc(sizeof(float) * (size_t)nbuf);
    for (int v = 0; v < 2; v++) {
        h[v] = malloc(sizeof(float) * (size_t)nh);
        dh[v] = malloc(sizeof(float) * (size_t)TB * H);
        dU[v] = malloc(sizeof(float) * (size_t)I * H);
        dW[v] = malloc(sizeof(float) * (size_t)H * H);
        db[v] = malloc(sizeof(float) * (size_t)H);
        dx[v] = malloc(sizeof(float) * (size_t)(TB * I + 1));
        dh0[v] = malloc(sizeof(float) * (size_t)BH);
    }
    // same start for both: h[0] = h_{-1}, gradients pre-filled (backward adds),
    // dh0 garbage (backward writes it)
    fill(h[0], BH, &r, 0.5f);
    fill(dU[0], (long)I * H, &r, 0.1f); fill(dW[0], (long)H * H, &r, 0.1f); fill(db[0], H, &r, 0.1f);
    fill(dx[0], TB * I + 1, &r, 0.1f);
    memcpy(h[1], h[0], sizeof(float) * (size_t)BH);
    memcpy(dU[1], dU[0], sizeof(float) * (size_t)I * H);
    memcpy(dW[1], dW[0], sizeof(float) * (size_t)H * H);
    memcpy(db[1], db[0], sizeof(float) * (size_t)H);
    memcpy(dx[1], dx[0], sizeof(float) * (size_t)(TB * I + 1));
    for (int v = 0; v < 2; v++) {
        for (long i = 0; i < BH; i++) dh0[v][i] = 12345.0f;
        memcpy(dh[v], dy, sizeof(float) * (size_t)TB * H);
        // v = 0 fused, v = 1 reference
        (v ? rnn_layer_forward_ref : rnn_layer_forward)(h[v], tok, x, U, W, b, act, T, B, I, H);
        (v ? rnn_layer_backward_ref : rnn_layer_backward)(dU[v], dW[v], db[v], dense ? dx[v] : NULL, dh0[v], dh[v],
                                                          h[v], tok, x, U, W, act, T, B, I, H, dh_next, tbuf);
    }
    const char *names[7] = {"h", "da", "dU", "dW", "db", "dx", "dh0"};
    const double d[7] = {rel_diff(h[0], h[1], nh), rel_diff(dh[0], dh[1], TB * H), rel_diff(dU[0], dU[1], (long)I * H),
                         rel_diff(dW[0], dW[1], (long)H * H), rel_diff(db[0], db[1], H),
                         rel_diff(dx[0], dx[1], TB * I + 1), rel_diff(dh0[0], dh0[1], BH)};
    for (int i = 0; i < 7; i++) {
        CHECK(d[i] <= TWIN_TOL, "%s T=%d B=%d I=%d H=%d %s: %s differs by %.3g (relative to its max)", ACT_NAMES[act],
              T, B, I, H, dense ? "dense" : "tokens", names[i], d[i]);
        g_worst = d[i] > g_worst ? d[i] : g_worst;
    }
    CHECK(dh0[1][0] != 12345.0f, "dh0 not written");
    for (int v = 0; v < 2; v++) { free(h[v]); free(dh[v]); free(dU[v]); free(dW[v]); free(db[v]); free(dx[v]); free(dh0[v]); }
    free(U); free(W); free(b); free(tok); free(x); free(dy); free(dh_next); free(tbuf);
}

// H = 1, T = 2, B = 1, one-hot input, linear g: every number by hand, so a
// mistake shared by both twins fails too. U = [2, 3] (I = 2), W = 0.5, b = 1,
// h_{-1} = 4, tokens 1 then 0, dL/dh_t from above = 1 at t = 0, 2 at t = 1.
//   a_0 = U[1] + W h_{-1} + b = 3 + 2 + 1 = 6       h_0 = 6
//   a_1 = U[0] + W h_0 + b    = 2 + 3 + 1 = 6       h_1 = 6
//   da_1 = 2;  da_0 = 1 + W da_1 = 2;  dh_{-1} = W da_0 = 1
//   dW = h_0 da_1 + h_{-1} da_0 = 12 + 8 = 20;  db = 4;  dU[0] = 2, dU[1] = 2
static void test_by_hand(void) {
    const float U[2] = {2, 3}, W[1] = {0.5f}, b[1] = {1};
    const int tok[2] = {1, 0};
    for (int v = 0; v < 2; v++) {
        float h[3] = {4, 0, 0}, dh[2] = {1, 2}, dU[2] = {0, 0}, dW[1] = {0}, db[1] = {0}, dh0[1] = {0}, next[1], tb[2];
        (v ? rnn_layer_forward_ref : rnn_layer_forward)(h, tok, NULL, U, W, b, RNN_ACT_LINEAR, 2, 1, 2, 1);
        (v ? rnn_layer_backward_ref : rnn_layer_backward)(dU, dW, db, NULL, dh0, dh, h, tok, NULL, U, W,
                                                          RNN_ACT_LINEAR, 2, 1, 2, 1, next, tb);
        CHECK(h[1] == 6 && h[2] == 6, "%s: h = %g %g, want 6 6", v ? "ref" : "fused", h[1], h[2]);
        CHECK(dh[0] == 2 && dh[1] == 2, "%s: da = %g %g, want 2 2", v ? "ref" : "fused", dh[0], dh[1]);
        CHECK(dW[0] == 20 && db[0] == 4 && dU[0] == 2 && dU[1] == 2 && dh0[0] == 1,
              "%s: dW %g db %g dU %g %g dh0 %g, want 20 4 2 2 1", v ? "ref" : "fused", dW[0], db[0], dU[0], dU[1],
              dh0[0]);
    }
}

int main(void) {
    static const int Hs[] = {1, 3, 17, 63, 257}, Ts[] = {1, 2, 5}, Bs[] = {1, 4};
    uint64_t seed = 1;
    for (int act = RNN_ACT_TANH; act <= RNN_ACT_LINEAR; act++)
        for (int hi = 0; hi < 5; hi++)
            for (int ti = 0; ti < 3; ti++)
                for (int bi = 0; bi < 2; bi++)
                    for (int dense = 0; dense <= 1; dense++)
                        run_case(Ts[ti], Bs[bi], dense ? 5 : 7, Hs[hi], (rnn_act)act, dense, seed++);
    printf("fused vs reference BPTT: max relative difference %.2e (tolerance %g)\n", g_worst, TWIN_TOL);
    test_by_hand();
    return check_report();
}
