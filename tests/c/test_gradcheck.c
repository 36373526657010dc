// test_gradcheck.c - gradient check of the RNN layer, the linear output layer
// and the three losses by central differences, in double precision (the
// Makefile builds this file with -DRNN_DOUBLE, so `real` is double in the
// kernels and nn/), plus the optimisers and clipping against hand-computed
// updates.
//
// T time, B batch, I input size (the vocabulary for token inputs), H hidden,
// O outputs. The model under test, with the lecture's L = scale * sum_t L_t:
//   h[0] = h0 [B,H];  h[1..T] = rnn_layer_forward(tokens[T,B] or x[T,B,I]; U[I,H], W[H,H], b[H])
//   y[T*B,O] = h[1..T] Wy[H,O] + by[O]   (Wy is the lecture's V)
//   L = scale * loss(y)   (softmax xent with some targets -1, MSE, or sigmoid BCE)
// Checked: dU, dW, db, dWy, dby, dh0 and (dense inputs) dx, for every
// activation, loss, shape, input kind, for both BPTT twins (the fused
// rnn_layer_backward and its reference twin rnn_layer_backward_ref). One CHECK
// per tensor; the max relative error per tensor is printed.
#include "check.h"
#include "kernels/kernels.h"
#include "nn/clip.h"
#include "nn/linear.h"
#include "nn/loss.h"
#include "nn/optim.h"
#include "nn/rnn_layer.h"
#include "rng.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifndef RNN_DOUBLE
#error "test_gradcheck.c must be built with -DRNN_DOUBLE (see the Makefile)"
#endif

#define GC_EPS 1e-6       // central-difference step
#define GC_TOL 1e-6       // max relative error |a-n| / max(1e-8, |a|+|n|)
#define GC_FLOOR 1e-8     // denominator floor of the relative error
// The numeric estimate (L(p+eps) - L(p-eps)) / 2eps carries the rounding of
// the two loss values, about DBL_EPSILON |L| / 2eps: ~2e-9 for L ~ 17 (a
// BCE sum over 24 outputs). For a gradient element of 1e-5 that alone is a
// relative error of 1e-4, so an element also passes when |a - n| is below
// GC_NOISE_ULPS times that rounding bound (far below any real error: a
// wrong sign or a missing term is off by the gradient's own size).
#define GC_NOISE_ULPS 4.0
#define RELU_MARGIN 1e-4  // relu: every pre-activation at least this far from the kink
#define FWD_TOL 1e-12     // engine forward vs the naive reference forward in this file

enum { LOSS_XENT = 0, LOSS_MSE = 1, LOSS_BCE = 2 };
static const char *const LOSS_NAMES[3] = {"xent", "mse", "bce"};
static const char *const ACT_NAMES[3] = {"tanh", "relu", "linear"};

typedef struct { int T, B, I, H, O; } shape;

// Tensor ids (parameters and inputs with a gradient).
enum { TU, TW, TB_, TWY, TBY, TH0, TX, NTENS };
static const char *const TENS_NAMES[NTENS] = {"U", "W", "b", "Wy", "by", "h0", "x"};

typedef struct {
    shape s;
    rnn_act act;
    int loss, dense;
    real scale;
    real *val[NTENS]; // U[I,H] W[H,H] b[H] Wy[H,O] by[O] h0[B,H] x[T,B,I] (x only when dense)
    long len[NTENS];
    int *tok;         // [T,B] token inputs (NULL when dense)
    int *tgt;         // [T*B] class targets for xent, -1 = ignored
    real *t;          // [T*B*O] targets for mse / bce
    // work buffers
    real *h;          // [(T+1),B,H]
    real *y, *probs, *dy; // [T*B,O]
    real *dh;         // [T,B,H]
    real *dh_next;    // [B,H]
    real *transpose_buf; // scratch for W^T / U^T / Wy^T
    real *grad[NTENS];
} problem;

static real *alloc_real(long n) { return calloc((size_t)(n > 0 ? n : 1), sizeof(real)); }

static double uniform(rnn_rng *r, double lo, double hi) { return lo + (hi - lo) * rnn_rng_double(r); }

static void problem_init(problem *p, shape s, rnn_act act, int loss, int dense) {
    memset(p, 0, sizeof *p);
    p->s = s;
    p->act = act;
    p->loss = loss;
    p->dense = dense;
    p->len[TU] = (long)s.I * s.H;
    p->len[TW] = (long)s.H * s.H;
    p->len[TB_] = s.H;
    p->len[TWY] = (long)s.H * s.O;
    p->len[TBY] = s.O;
    p->len[TH0] = (long)s.B * s.H;
    p->len[TX] = dense ? (long)s.T * s.B * s.I : 0;
    for (int k = 0; k < NTENS; k++) {
        p->val[k] = p->len[k] ? alloc_real(p->len[k]) : NULL;
        p->grad[k] = p->len[k] ? alloc_real(p->len[k]) : NULL;
    }
    const long TB = (long)s.T * s.B;
    p->tok = dense ? NULL : calloc((size_t)TB, sizeof(int));
    p->tgt = calloc((size_t)TB, sizeof(int));
    p->t = alloc_real(TB * s.O);
    p->h = alloc_real((TB + s.B) * s.H);
    p->y = alloc_real(TB * s.O);
    p->probs = alloc_real(TB * s.O);
    p->dy = alloc_real(TB * s.O);
    p->dh = alloc_real(TB * s.H);
    p->dh_next = alloc_real((long)s.B * s.H);
    long nwt = (long)s.H * s.H;
    if ((long)s.I * s.H > nwt) nwt = (long)s.I * s.H;
    if ((long)s.H * s.O > nwt) nwt = (long)s.H * s.O;
    p->transpose_buf = alloc_real(nwt);
}

static void problem_free(problem *p) {
    for (int k = 0; k < NTENS; k++) { free(p->val[k]); free(p->grad[k]); }
    free(p->tok); free(p->tgt); free(p->t); free(p->h); free(p->y); free(p->probs); free(p->dy);
    free(p->dh); free(p->dh_next); free(p->transpose_buf);
}

// Random parameters, inputs and targets. Targets: xent rows 2, 5, 8, ... are
// ignored (-1) so the ignore path is exercised whenever T*B > 2.
static void problem_fill(problem *p, uint64_t seed) {
    rnn_rng r;
    rnn_rng_seed(&r, seed);
    for (int k = 0; k < NTENS; k++)
        for (long i = 0; i < p->len[k]; i++) p->val[k][i] = uniform(&r, -0.9, 0.9);
    const long TB = (long)p->s.T * p->s.B;
    if (p->tok)
        for (long i = 0; i < TB; i++) p->tok[i] = (int)rnn_rng_range(&r, 0, p->s.I - 1);
    for (long i = 0; i < TB; i++) p->tgt[i] = (i % 3 == 2) ? -1 : (int)rnn_rng_range(&r, 0, p->s.O - 1);
    for (long i = 0; i < TB * p->s.O; i++)
        p->t[i] = p->loss == LOSS_BCE ? (i % 4 == 0 ? 1.0 : i % 4 == 1 ? 0.0 : rnn_rng_double(&r)) : uniform(&r, -1, 1);
}

static long loss_count(const problem *p) {
    const long TB = (long)p->s.T * p->s.B;
    if (p->loss != LOSS_XENT) return TB * p->s.O;
    long n = 0;
    for (long i = 0; i < TB; i++) n += p->tgt[i] >= 0;
    return n;
}

// Naive forward written here from the equations (independent of the engine):
// a_t = x_t U + h_{t-1} W + b, h_t = g(a_t). Writes h[(T+1),B,H] (h[0] = h0)
// and returns min |a| over all pre-activations (the distance to relu's kink).
static double reference_forward(const problem *p, double *h) {
    const shape s = p->s;
    const real *U = p->val[TU], *W = p->val[TW], *b = p->val[TB_], *x = p->val[TX];
    memcpy(h, p->val[TH0], sizeof(double) * (size_t)s.B * s.H);
    double min_abs = INFINITY;
    for (int t = 0; t < s.T; t++)
        for (int bb = 0; bb < s.B; bb++)
            for (int j = 0; j < s.H; j++) {
                double a = b[j];
                if (p->tok) a += U[(long)p->tok[t * s.B + bb] * s.H + j];
                else
                    for (int i = 0; i < s.I; i++) a += x[((long)t * s.B + bb) * s.I + i] * U[(long)i * s.H + j];
                for (int i = 0; i < s.H; i++) a += h[((long)t * s.B + bb) * s.H + i] * W[(long)i * s.H + j];
                if (fabs(a) < min_abs) min_abs = fabs(a);
                const double g = p->act == RNN_ACT_TANH ? tanh(a) : p->act == RNN_ACT_RELU ? (a > 0 ? a : 0) : a;
                h[((long)(t + 1) * s.B + bb) * s.H + j] = g;
            }
    return min_abs;
}

static void forward(problem *p) {
    const shape s = p->s;
    memcpy(p->h, p->val[TH0], sizeof(real) * (size_t)s.B * s.H);
    rnn_layer_forward(p->h, p->tok, p->val[TX], p->val[TU], p->val[TW], p->val[TB_], p->act, s.T, s.B, s.I, s.H);
    linear_forward(p->y, p->h + (long)s.B * s.H, p->val[TWY], p->val[TBY], s.T * s.B, s.H, s.O);
}

// L = scale * loss; d (may be NULL) receives dL/dy.
static double apply_loss(problem *p, real *d) {
    const long n = (long)p->s.T * p->s.B * p->s.O;
    switch (p->loss) {
    case LOSS_XENT: {
        int count;
        return p->scale * loss_softmax_xent(d, p->probs, p->y, p->tgt, p->s.T * p->s.B, p->s.O, p->scale, &count);
    }
    case LOSS_MSE: return p->scale * loss_mse(d, p->y, p->t, (int)n, p->scale);
    default: return p->scale * loss_sigmoid_bce(d, p->y, p->t, (int)n, p->scale);
    }
}

static double eval_loss(problem *p) {
    forward(p);
    return apply_loss(p, NULL);
}

// One forward + backward. Gradients are pre-filled with `prefill` (backward
// must add to them); dh0 is pre-filled with garbage (backward must overwrite
// it). use_wt selects the fused BPTT (rnn_layer_backward, transposed-weight
// scratch in both backward calls) or the reference twin (rnn_layer_backward_ref,
// linear_backward without scratch).
static void analytic(problem *p, int use_wt, real prefill) {
    const shape s = p->s;
    const int TB = s.T * s.B;
    for (int k = 0; k < NTENS; k++)
        for (long i = 0; i < p->len[k]; i++) p->grad[k][i] = k == TH0 ? 12345.0 : prefill;
    forward(p);
    apply_loss(p, p->dy);
    real *tbuf = use_wt ? p->transpose_buf : NULL;
    // dh is overwritten by linear_backward (accumulate = 0): fill it with garbage first
    for (long i = 0; i < (long)TB * s.H; i++) p->dh[i] = -777.0;
    linear_backward(p->grad[TWY], p->grad[TBY], p->dh, p->dy, p->h + (long)s.B * s.H, p->val[TWY], TB, s.H, s.O, 0, tbuf);
    // the fused path (with its scratch) or the reference twin (plain loops)
    (use_wt ? rnn_layer_backward : rnn_layer_backward_ref)(p->grad[TU], p->grad[TW], p->grad[TB_],
        p->dense ? p->grad[TX] : NULL, p->grad[TH0], p->dh, p->h, p->tok, p->val[TX], p->val[TU], p->val[TW], p->act,
        s.T, s.B, s.I, s.H, p->dh_next, tbuf);
}

static double rel_err(double a, double n) {
    const double den = fabs(a) + fabs(n);
    return fabs(a - n) / (den > GC_FLOOR ? den : GC_FLOOR);
}

static double g_max_err[NTENS]; // over the whole run, per tensor

// The worst element of one tensor: index, analytic and numeric gradient.
typedef struct { long i; double a, n; } worst;
static long g_noise_passes; // elements within the rounding allowance but above GC_TOL

// Central differences of every element of every tensor against p->grad.
// err[k] is the max relative error of tensor k over the elements that fail
// the rounding allowance; raw[k] the max relative error over all elements.
static void compare_numeric(problem *p, double err[NTENS], double raw[NTENS], worst w[NTENS]) {
    const double noise = GC_NOISE_ULPS * DBL_EPSILON * fmax(1.0, fabs(eval_loss(p))) / (2.0 * GC_EPS);
    for (int k = 0; k < NTENS; k++) {
        raw[k] = 0.0;
        err[k] = 0.0;
        w[k].i = -1;
        w[k].a = w[k].n = 0.0;
        for (long i = 0; i < p->len[k]; i++) {
            const real orig = p->val[k][i];
            p->val[k][i] = orig + GC_EPS;
            const double lp = eval_loss(p);
            p->val[k][i] = orig - GC_EPS;
            const double lm = eval_loss(p);
            p->val[k][i] = orig;
            const double n = (lp - lm) / (2.0 * GC_EPS), e = rel_err(p->grad[k][i], n);
            if (!(e <= raw[k])) raw[k] = e;
            if (e >= GC_TOL && fabs(p->grad[k][i] - n) <= noise) { g_noise_passes++; continue; }
            if (!(e <= err[k])) { err[k] = e; w[k].i = i; w[k].a = p->grad[k][i]; w[k].n = n; } // NaN fails too
        }
    }
}

static int g_lines;

static void run_case(shape s, rnn_act act, int loss, int dense, int scale_mean, uint64_t seed) {
    problem p;
    problem_init(&p, s, act, loss, dense);
    double *href = malloc(sizeof(double) * (size_t)(s.T + 1) * s.B * s.H);
    // relu: redraw until every pre-activation is clear of the kink, so that
    // the +-eps perturbations never cross it
    int tries = 0;
    double margin;
    do {
        problem_fill(&p, seed + 1000u * (uint64_t)tries);
        margin = reference_forward(&p, href);
    } while (act == RNN_ACT_RELU && margin < RELU_MARGIN && ++tries < 200);
    CHECK(act != RNN_ACT_RELU || margin >= RELU_MARGIN, "no relu draw clear of the kink (margin %g)", margin);
    p.scale = scale_mean ? 1.0 / (double)loss_count(&p) : 1.0;

    // the engine's forward against the naive one
    forward(&p);
    double fdiff = 0.0;
    for (long i = 0; i < (long)(s.T + 1) * s.B * s.H; i++) fdiff = fmax(fdiff, fabs(p.h[i] - href[i]));
    CHECK(fdiff < FWD_TOL, "%s forward differs from the reference by %g", ACT_NAMES[act], fdiff);
    // ... and the engine's reference twin against it too
    memcpy(p.h, p.val[TH0], sizeof(real) * (size_t)s.B * s.H);
    rnn_layer_forward_ref(p.h, p.tok, p.val[TX], p.val[TU], p.val[TW], p.val[TB_], p.act, s.T, s.B, s.I, s.H);
    fdiff = 0.0;
    for (long i = 0; i < (long)(s.T + 1) * s.B * s.H; i++) fdiff = fmax(fdiff, fabs(p.h[i] - href[i]));
    CHECK(fdiff < FWD_TOL, "%s rnn_layer_forward_ref differs from the naive forward by %g", ACT_NAMES[act], fdiff);

    double err[2][NTENS], raw[2][NTENS];
    worst w[NTENS];
    real *saved[NTENS];
    for (int path = 0; path < 2; path++) { // 0: fused BPTT, 1: reference twin
        analytic(&p, path == 0, 0.0);
        compare_numeric(&p, err[path], raw[path], w);
        for (int k = 0; k < NTENS; k++) {
            if (!p.len[k]) continue;
            CHECK(err[path][k] < GC_TOL, "%s %s (%d,%d,%d,%d,%d) %s %s d%s: max rel err %.3g at [%ld]: analytic %.12g numeric %.12g",
                  ACT_NAMES[act], LOSS_NAMES[loss], s.T, s.B, s.I, s.H, s.O, dense ? "dense" : "tokens",
                  path ? "reference" : "fused", TENS_NAMES[k], err[path][k], w[k].i, w[k].a, w[k].n);
            if (raw[path][k] > g_max_err[k] || isnan(raw[path][k])) g_max_err[k] = raw[path][k];
        }
        if (path == 0)
            for (int k = 0; k < NTENS; k++) {
                saved[k] = p.len[k] ? alloc_real(p.len[k]) : NULL;
                if (p.len[k]) memcpy(saved[k], p.grad[k], sizeof(real) * (size_t)p.len[k]);
            }
    }
    // both paths compute the same sums in a different order: equal to rounding
    double pdiff = 0.0;
    for (int k = 0; k < NTENS; k++)
        for (long i = 0; i < p.len[k]; i++) pdiff = fmax(pdiff, rel_err(saved[k][i], p.grad[k][i]));
    CHECK(pdiff < 1e-12, "fused and reference BPTT differ (max rel %g)", pdiff);

    // backward accumulates: pre-filled gradients end up prefill + gradient
    analytic(&p, seed & 1, 0.5);
    double adiff = 0.0;
    for (int k = 0; k < NTENS; k++)
        for (long i = 0; i < p.len[k]; i++) {
            const double want = k == TH0 ? saved[k][i] : saved[k][i] + 0.5; // dh0 is written, not accumulated
            adiff = fmax(adiff, fabs(p.grad[k][i] - want));
        }
    CHECK(adiff < 1e-12, "backward does not accumulate into pre-filled gradients (max diff %g)", adiff);
    for (int k = 0; k < NTENS; k++) free(saved[k]);

    printf("%-6s %-4s (T,B,I,H,O)=(%d,%d,%d,%d,%d) %-6s scale=%-5s", ACT_NAMES[act], LOSS_NAMES[loss], s.T, s.B, s.I,
           s.H, s.O, dense ? "dense" : "tokens", scale_mean ? "1/n" : "1");
    for (int k = 0; k < NTENS; k++)
        if (p.len[k]) printf(" %s %.1e", TENS_NAMES[k], fmax(raw[0][k], raw[1][k]));
    printf("\n");
    g_lines++;
    free(href);
    problem_free(&p);
}

// linear_backward's accumulate flag for dx: 0 overwrites, 1 adds.
static void test_linear_accumulate(void) {
    const int M = 3, I = 4, O = 5;
    rnn_rng r;
    rnn_rng_seed(&r, 7);
    real x[12], Wy[20], dy[15], dWy[20] = {0}, dby[5] = {0}, dx0[12], dx1[12], dx2[12];
    for (int i = 0; i < 12; i++) x[i] = uniform(&r, -1, 1);
    for (int i = 0; i < 20; i++) Wy[i] = uniform(&r, -1, 1);
    for (int i = 0; i < 15; i++) dy[i] = uniform(&r, -1, 1);
    for (int i = 0; i < 12; i++) { dx0[i] = 99.0; dx1[i] = 2.0; dx2[i] = 2.0; }
    real wt[20];
    linear_backward(dWy, dby, dx0, dy, x, Wy, M, I, O, 0, NULL);
    linear_backward(dWy, dby, dx1, dy, x, Wy, M, I, O, 1, NULL);
    linear_backward(dWy, dby, dx2, dy, x, Wy, M, I, O, 1, wt);
    double d = 0.0;
    for (int i = 0; i < 12; i++) {
        // dx0 by hand: dx[m,i] = sum_o dy[m,o] Wy[i,o]
        double want = 0.0;
        for (int o = 0; o < O; o++) want += dy[(i / I) * O + o] * Wy[(i % I) * O + o];
        d = fmax(d, fabs(dx0[i] - want));
        d = fmax(d, fabs(dx1[i] - (2.0 + want)));
        d = fmax(d, fabs(dx2[i] - (2.0 + want)));
    }
    CHECK(d < 1e-12, "linear_backward dx overwrite/accumulate wrong (max diff %g)", d);
    // three calls accumulated dby three times
    double dcd = 0.0;
    for (int o = 0; o < O; o++) {
        double want = 0.0;
        for (int m = 0; m < M; m++) want += dy[m * O + o];
        dcd = fmax(dcd, fabs(dby[o] - 3.0 * want));
    }
    CHECK(dcd < 1e-12, "linear_backward dby not accumulated (max diff %g)", dcd);
}

// ------------------------------------------------------------- optimisers

// The update rules of optim.h written out again, per element, in double.
static void ref_step(const rnn_optim *o, double *p, const double *g, double *m, double *v, int n, long t) {
    for (int i = 0; i < n; i++) {
        switch (o->kind) {
        case OPT_SGD: p[i] -= o->lr * g[i]; break;
        case OPT_MOMENTUM: m[i] = o->beta1 * m[i] + g[i]; p[i] -= o->lr * m[i]; break;
        case OPT_ADAGRAD: v[i] += g[i] * g[i]; p[i] -= o->lr * g[i] / (sqrt(v[i]) + o->eps); break;
        case OPT_RMSPROP:
            v[i] = o->beta2 * v[i] + (1 - o->beta2) * g[i] * g[i];
            p[i] -= o->lr * g[i] / (sqrt(v[i]) + o->eps);
            break;
        case OPT_ADAM: {
            m[i] = o->beta1 * m[i] + (1 - o->beta1) * g[i];
            v[i] = o->beta2 * v[i] + (1 - o->beta2) * g[i] * g[i];
            const double mh = m[i] / (1 - pow(o->beta1, (double)t)), vh = v[i] / (1 - pow(o->beta2, (double)t));
            p[i] -= o->lr * mh / (sqrt(vh) + o->eps);
            break;
        }
        }
    }
}

static void test_optimisers(void) {
    enum { N = 4 };
    const double p0[N] = {1.0, -2.0, 0.5, 0.0};
    const double g1[N] = {0.5, -0.25, 2.0, 1e-3}, g2[N] = {0.5, 0.75, -1.0, 0.0};
    for (int kind = OPT_SGD; kind <= OPT_ADAM; kind++) {
        const rnn_optim o = optim_default((rnn_optim_kind)kind, 0.1);
        CHECK(o.kind == (rnn_optim_kind)kind && o.lr == 0.1, "optim_default(%d) kind/lr", kind);
        real p[N], m[N] = {0}, v[N] = {0};
        double rp[N], rm[N] = {0}, rv[N] = {0};
        for (int i = 0; i < N; i++) p[i] = rp[i] = p0[i];
        real g[N];
        double err = 0.0;
        for (long t = 1; t <= 2; t++) {
            const double *gs = t == 1 ? g1 : g2;
            for (int i = 0; i < N; i++) g[i] = gs[i];
            optim_step(&o, p, g, m, v, N, t);
            ref_step(&o, rp, gs, rm, rv, N, t);
            for (int i = 0; i < N; i++) err = fmax(err, rel_err(p[i], rp[i]));
        }
        CHECK(err < 1e-12, "%s: two steps differ from the update rule (max rel %g)", optim_name((rnn_optim_kind)kind), err);
        CHECK(optim_parse(optim_name((rnn_optim_kind)kind)) == kind, "optim_parse(optim_name(%d))", kind);
    }
    CHECK(optim_parse("nesterov") == -1, "unknown optimiser name accepted");

    // Literal values worked by hand (lr 0.1, p = 1, g = 0.5 then 0.5).
    rnn_optim o = optim_default(OPT_SGD, 0.1);
    real p = 1.0, g = 0.5, m = 0.0, v = 0.0;
    optim_step(&o, &p, &g, &m, &v, 1, 1);
    CHECK(fabs(p - 0.95) < 1e-15, "sgd: p = %.17g, want 0.95", p);
    o = optim_default(OPT_MOMENTUM, 0.1);
    o.beta1 = 0.5; // m = 0.5 m + g: m1 = 0.5, p1 = 0.95; m2 = 0.75, p2 = 0.875
    p = 1.0; m = 0.0;
    optim_step(&o, &p, &g, &m, &v, 1, 1);
    optim_step(&o, &p, &g, &m, &v, 1, 2);
    CHECK(fabs(m - 0.75) < 1e-15 && fabs(p - 0.875) < 1e-15, "momentum: m = %.17g p = %.17g, want 0.75 0.875", m, p);
    o = optim_default(OPT_ADAGRAD, 0.1);
    o.eps = 1e-8; // v1 = 0.25, p1 = 1 - 0.1*0.5/0.5 = 0.9; v2 = 0.5, p2 = 0.9 - 0.05/sqrt(0.5)
    p = 1.0; v = 0.0;
    optim_step(&o, &p, &g, &m, &v, 1, 1);
    optim_step(&o, &p, &g, &m, &v, 1, 2);
    CHECK(fabs(v - 0.5) < 1e-15 && fabs(p - (0.9 - 0.05 / sqrt(0.5))) < 1e-7, "adagrad: v = %.17g p = %.17g", v, p);
    o = optim_default(OPT_RMSPROP, 0.1);
    o.beta2 = 0.5; // v1 = 0.125, p1 = 1 - 0.05/sqrt(0.125)
    p = 1.0; v = 0.0;
    optim_step(&o, &p, &g, &m, &v, 1, 1);
    CHECK(fabs(v - 0.125) < 1e-15 && fabs(p - (1.0 - 0.05 / sqrt(0.125))) < 1e-7, "rmsprop: v = %.17g p = %.17g", v, p);
    // Adam's bias correction makes the first step lr * g/|g| whatever beta1, beta2
    // (m1 = (1-b1) g, v1 = (1-b2) g^2, corrected to g and g^2): p1 = 1 - 0.1 (1 - eps/|g|)
    o = optim_default(OPT_ADAM, 0.1);
    CHECK(fabs(o.beta1 - 0.9) < 1e-7 && fabs(o.beta2 - 0.999) < 1e-7 && o.eps > 0 && o.eps < 1e-6,
          "adam defaults %g %g %g", o.beta1, o.beta2, o.eps);
    p = 1.0; m = 0.0; v = 0.0;
    optim_step(&o, &p, &g, &m, &v, 1, 1);
    CHECK(fabs(p - 0.9) < 1e-6, "adam step 1: p = %.17g, want 0.9 (bias corrected)", p);
    // second step with the same g: corrected m and v are again g and g^2
    optim_step(&o, &p, &g, &m, &v, 1, 2);
    CHECK(fabs(p - 0.8) < 1e-6, "adam step 2: p = %.17g, want 0.8", p);
    // without bias correction step 1 would be 0.1 * 0.05 / (sqrt(0.00025)) = 0.316: make sure it is not
    CHECK(fabs(m - (0.9 * 0.05 + 0.05)) < 1e-7, "adam m after two steps %.17g", m);
}

// ------------------------------------------------------------- clipping

static void test_clip(void) {
    real g[3] = {3.0, 4.0, 0.0};
    double norm = -1;
    int c = clip_by_norm(g, 3, 1.0, &norm);
    CHECK(c == 1, "clip_by_norm did not report clipping");
    CHECK(fabs(norm - 5.0) < 1e-15, "norm before clipping %.17g, want 5", norm);
    CHECK(fabs(g[0] - 0.6) < 1e-15 && fabs(g[1] - 0.8) < 1e-15 && g[2] == 0.0, "clipped to (%g,%g,%g)", g[0], g[1], g[2]);
    CHECK(fabs(grad_global_norm(g, 3) - 1.0) < 1e-15, "norm after clipping %.17g, want max_norm 1", grad_global_norm(g, 3));

    real h[4] = {1.0, -2.0, 2.0, -4.0}; // norm 5
    c = clip_by_norm(h, 4, 10.0, &norm);
    CHECK(c == 0 && fabs(norm - 5.0) < 1e-15 && h[3] == -4.0, "no clip below max_norm: c=%d norm=%g", c, norm);
    c = clip_by_norm(h, 4, 2.5, &norm);
    CHECK(c == 1 && fabs(grad_global_norm(h, 4) - 2.5) < 1e-14 && fabs(h[0] - 0.5) < 1e-15,
          "clip to 2.5: c=%d norm after %.17g", c, grad_global_norm(h, 4));

    real v[4] = {3.0, -4.0, 0.5, -0.5};
    c = clip_by_value(v, 4, 1.0, &norm);
    CHECK(c == 1, "clip_by_value did not report clipping");
    CHECK(fabs(norm - sqrt(25.5)) < 1e-14, "clip_by_value norm before %.17g, want sqrt(25.5)", norm);
    CHECK(v[0] == 1.0 && v[1] == -1.0 && v[2] == 0.5 && v[3] == -0.5, "clamped to (%g,%g,%g,%g)", v[0], v[1], v[2], v[3]);
    c = clip_by_value(v, 4, 1.0, &norm);
    CHECK(c == 0 && fabs(norm - sqrt(2.5)) < 1e-14, "already inside [-1,1]: c=%d norm=%g", c, norm);
    real neg[2] = {0.25, -3.0}; // only the lower bound fires
    c = clip_by_value(neg, 2, 2.0, &norm);
    CHECK(c == 1 && neg[0] == 0.25 && neg[1] == -2.0, "lower clamp: c=%d (%g,%g)", c, neg[0], neg[1]);
}

int main(void) {
    static const shape shapes[] = {{1, 1, 3, 4, 3}, {3, 2, 4, 5, 3}, {4, 1, 2, 3, 5}, {2, 3, 3, 2, 4}};
    const int nshapes = (int)(sizeof shapes / sizeof shapes[0]);
    printf("gradient check: eps %g, tolerance %g on |a-n|/max(%g,|a|+|n|); max over both backward paths\n", GC_EPS,
           GC_TOL, GC_FLOOR);
    uint64_t seed = 1;
    for (int act = RNN_ACT_TANH; act <= RNN_ACT_LINEAR; act++)
        for (int loss = LOSS_XENT; loss <= LOSS_BCE; loss++)
            for (int si = 0; si < nshapes; si++)
                for (int dense = 0; dense <= 1; dense++) {
                    run_case(shapes[si], (rnn_act)act, loss, dense, 0, seed++);
                    // the mean (scale = 1/count) once per activation and loss
                    if (si == 1) run_case(shapes[si], (rnn_act)act, loss, dense, 1, seed++);
                }
    printf("max relative error over all %d cases:", g_lines);
    for (int k = 0; k < NTENS; k++) printf(" d%s %.2e", TENS_NAMES[k], g_max_err[k]);
    printf("\n%ld elements above %g passed by the rounding allowance of the numeric estimate (%g ulps of L / 2eps)\n",
           g_noise_passes, GC_TOL, GC_NOISE_ULPS);
    test_linear_accumulate();
    test_optimisers();
    test_clip();
    return check_report();
}
