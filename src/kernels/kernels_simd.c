// kernels_simd.c - SIMD128 kernels and the dispatching entry points.
// Built with -msimd128 the entry points run the code below; otherwise they
// forward to the scalar reference twins (the scalar WASM module, the native
// build, where gcc vectorises the reference loops itself).
#include "kernels.h"
#include "simd.h"

#if defined(__wasm_simd128__)

int k_simd_enabled(void) { return 1; }

#define INLINE static inline __attribute__((always_inline))
#ifndef GEMM_KC
#define GEMM_KC 256 // K block of the GEMMs (see gemm below)
#endif

// Register tile: R (1..4) rows of C by 8 columns, accumulated over K. a points
// at A(i0, k0) and A(i0+r, k) is a[r*ars + (k-k0)*acs], so one body serves A.B
// (ars = K, acs = 1) and A^T.B (ars = 1, acs = M); b points at B(k0, j0) and
// advances by ldb per k. 8 accumulators + 2 B vectors + 1 broadcast fit the 16
// vector registers V8 maps SIMD128 onto. The pointers advance by addition:
// with a k*stride multiply per access (the first version) the same tile ran
// ~25% slower in V8, which does not strength-reduce.
INLINE void tile_r8(float *C, int ldc, const float *a, long ars, long acs, const float *b, long ldb, int K, int R,
                    int acc) {
    f4 c[4][2];
    for (int r = 0; r < R; r++) {
        c[r][0] = acc ? f4_load(C + (long)r * ldc) : f4_zero();
        c[r][1] = acc ? f4_load(C + (long)r * ldc + 4) : f4_zero();
    }
    for (int k = 0; k < K; k++, a += acs, b += ldb) {
        const f4 b0 = f4_load(b), b1 = f4_load(b + 4);
        for (int r = 0; r < R; r++) {
            const f4 av = f4_splat(a[r * ars]);
            c[r][0] = f4_madd(c[r][0], av, b0);
            c[r][1] = f4_madd(c[r][1], av, b1);
        }
    }
    for (int r = 0; r < R; r++) {
        f4_store(C + (long)r * ldc, c[r][0]);
        f4_store(C + (long)r * ldc + 4, c[r][1]);
    }
}

// Same, 4 columns wide (for the N % 8 >= 4 leftover).
INLINE void tile_r4(float *C, int ldc, const float *a, long ars, long acs, const float *b, long ldb, int K, int R,
                    int acc) {
    f4 c[4];
    for (int r = 0; r < R; r++) c[r] = acc ? f4_load(C + (long)r * ldc) : f4_zero();
    for (int k = 0; k < K; k++, a += acs, b += ldb) {
        const f4 b0 = f4_load(b);
        for (int r = 0; r < R; r++) c[r] = f4_madd(c[r], f4_splat(a[r * ars]), b0);
    }
    for (int r = 0; r < R; r++) f4_store(C + (long)r * ldc, c[r]);
}

// One scalar column (N % 4 leftover).
static void tile_r1(float *C, int ldc, const float *A, long ars, long acs, const float *B, long ldb, int K, int R,
                    int acc) {
    for (int r = 0; r < R; r++) {
        float s = acc ? C[(long)r * ldc] : 0.0f;
        const float *a = A + r * ars, *b = B;
        for (int k = 0; k < K; k++, a += acs, b += ldb) s += *a * *b;
        C[(long)r * ldc] = s;
    }
}

// One row by 32 columns: 8 independent accumulators. With a single row (B = 1
// training, sampling) a 1x8 tile would wait on the latency of its 2 add
// chains; 8 chains keep the adder busy (GEMV is otherwise latency-bound).
static void tile_1x32(float *C, const float *a, long acs, const float *b, long ldb, int K, int acc) {
    f4 c[8];
    for (int q = 0; q < 8; q++) c[q] = acc ? f4_load(C + 4 * q) : f4_zero();
    for (int k = 0; k < K; k++, a += acs, b += ldb) {
        const f4 av = f4_splat(*a);
        for (int q = 0; q < 8; q++) c[q] = f4_madd(c[q], av, f4_load(b + 4 * q));
    }
    for (int q = 0; q < 8; q++) f4_store(C + 4 * q, c[q]);
}

// Columns [j0, N) of R rows, B read in place.
INLINE void row_block(float *C, int ldc, const float *a, long ars, long acs, const float *B, int ldb, int K, int j0,
                      int N, int R, int acc) {
    int j = j0;
    if (R == 1)
        for (; j + 32 <= N; j += 32) tile_1x32(C + j, a, acs, B + j, ldb, K, acc);
    for (; j + 8 <= N; j += 8) tile_r8(C + j, ldc, a, ars, acs, B + j, ldb, K, R, acc);
    for (; j + 4 <= N; j += 4) tile_r4(C + j, ldc, a, ars, acs, B + j, ldb, K, R, acc);
}

// The N % 4 leftover columns (N = V = 65 leaves one), vectorised along k for
// A.B (a row of A is contiguous; the column of B is copied out once) and
// along i for A^T.B (4 consecutive i of A(i,k) are contiguous); a scalar
// column would take ~1/4 of the output layer's GEMM time for 1/65 of its work.
static void tail_cols(float *C, int ldc, const float *A, long ars, long acs, const float *B, int ldb, int M, int K,
                      int j0, int N, int acc) {
    for (int j = j0; j < N; j++) {
        if (acs == 1 && K <= GEMM_KC) {
            float bc[GEMM_KC] __attribute__((aligned(16)));
            for (int k = 0; k < K; k++) bc[k] = B[(long)k * ldb + j];
            for (int i = 0; i < M; i++) {
                const float *a = A + i * ars;
                f4 s = f4_zero();
                int k = 0;
                for (; k + 4 <= K; k += 4) s = f4_madd(s, f4_load(a + k), f4_load(bc + k));
                float t = f4_hsum(s);
                for (; k < K; k++) t += a[k] * bc[k];
                float *c = C + (long)i * ldc + j;
                *c = acc ? *c + t : t;
            }
        } else if (ars == 1) {
            int i = 0;
            for (; i + 4 <= M; i += 4) {
                f4 s = f4_zero();
                const float *a = A + i, *b = B + j;
                for (int k = 0; k < K; k++, a += acs, b += ldb) s = f4_madd(s, f4_load(a), f4_splat(*b));
                float *c = C + (long)i * ldc + j;
                const float t0 = wasm_f32x4_extract_lane(s, 0), t1 = wasm_f32x4_extract_lane(s, 1);
                const float t2 = wasm_f32x4_extract_lane(s, 2), t3 = wasm_f32x4_extract_lane(s, 3);
                c[0] = acc ? c[0] + t0 : t0;
                c[ldc] = acc ? c[ldc] + t1 : t1;
                c[2L * ldc] = acc ? c[2L * ldc] + t2 : t2;
                c[3L * ldc] = acc ? c[3L * ldc] + t3 : t3;
            }
            if (i < M) tile_r1(C + (long)i * ldc + j, ldc, A + i, ars, acs, B + j, ldb, K, M - i, acc);
        } else {
            tile_r1(C + j, ldc, A, ars, acs, B + j, ldb, K, M, acc);
        }
    }
}

// C[M,N] (+)= A.B with A(i,k) = A[i*ars + k*acs].
// K is split into blocks of GEMM_KC and M into blocks of GEMM_MC rows, so that
// the block of A a sweep reuses (GEMM_MC x GEMM_KC floats, 256 KB) stays in L2
// (at M = 2048 or 1024 it would otherwise come from L3 once per 8 columns).
// Within a block, for M >= 8, each 8-column panel of B (kc x 8) is first
// copied to a contiguous buffer on the stack and then swept by every 4-row
// tile: the rows of B are 1 KB apart at N = 256, so read in place a panel's
// 256 lines fall into 4 of the 64 L1 sets and evict each other (4 KB
// aliasing); packed, they are 8 KB of consecutive lines. Small M (B = 1,
// sampling) reads B in place: packing would not pay.
#ifndef GEMM_MC
#define GEMM_MC 256
#endif
static void gemm_block(float *C, const float *Ak, long ars, long acs, const float *Bk, int M, int kc, int N, int a,
                       float *bp) {
    int j = 0;
    if (M >= 8) {
        for (; j + 8 <= N; j += 8) {
            for (int k = 0; k < kc; k++) {
                f4_store(bp + k * 8, f4_load(Bk + (long)k * N + j));
                f4_store(bp + k * 8 + 4, f4_load(Bk + (long)k * N + j + 4));
            }
            int i = 0;
            for (; i + 4 <= M; i += 4) tile_r8(C + (long)i * N + j, N, Ak + i * ars, ars, acs, bp, 8, kc, 4, a);
            for (; i < M; i++) tile_r8(C + (long)i * N + j, N, Ak + i * ars, ars, acs, bp, 8, kc, 1, a);
        }
    }
    const int nv = N & ~3; // columns the vector tiles cover
    int i = 0;
    for (; i + 4 <= M; i += 4) row_block(C + (long)i * N, N, Ak + i * ars, ars, acs, Bk, N, kc, j, nv, 4, a);
    for (; i < M; i++) row_block(C + (long)i * N, N, Ak + i * ars, ars, acs, Bk, N, kc, j, nv, 1, a);
    if (nv < N) tail_cols(C, N, Ak, ars, acs, Bk, N, M, kc, nv, N, a);
}

static void gemm(float *C, const float *A, long ars, long acs, const float *B, int M, int K, int N, int acc) {
    float bp[GEMM_KC * 8] __attribute__((aligned(16)));
    for (int k0 = 0; k0 < K || k0 == 0; k0 += GEMM_KC) {
        const int kc = K - k0 < GEMM_KC ? K - k0 : GEMM_KC;
        for (int i0 = 0; i0 < M; i0 += GEMM_MC) {
            const int mb = M - i0 < GEMM_MC ? M - i0 : GEMM_MC;
            gemm_block(C + (long)i0 * N, A + (long)k0 * acs + i0 * ars, ars, acs, B + (long)k0 * N, mb, kc, N,
                       acc || k0 > 0, bp);
        }
    }
}

void k_matmul(float *C, const float *A, const float *B, int M, int K, int N, int accumulate) {
    gemm(C, A, K, 1, B, M, K, N, accumulate);
}

void k_matmul_tn(float *C, const float *A, const float *B, int M, int K, int N) { gemm(C, A, 1, M, B, M, K, N, 1); }

// C = A . B^T: dot products of contiguous rows; a 2x4 tile keeps 8 partial
// sums in registers and reads each A and B vector once per tile.
INLINE void nt_tile(float *C, int ldc, const float *A, const float *B, int K, int R, int S, int acc) {
    f4 s[2][4];
    for (int r = 0; r < R; r++)
        for (int q = 0; q < S; q++) s[r][q] = f4_zero();
    int k = 0;
    for (; k + 4 <= K; k += 4) {
        f4 b[4];
        for (int q = 0; q < S; q++) b[q] = f4_load(B + (long)q * K + k);
        for (int r = 0; r < R; r++) {
            const f4 a = f4_load(A + (long)r * K + k);
            for (int q = 0; q < S; q++) s[r][q] = f4_madd(s[r][q], a, b[q]);
        }
    }
    for (int r = 0; r < R; r++)
        for (int q = 0; q < S; q++) {
            float t = f4_hsum(s[r][q]);
            for (int kk = k; kk < K; kk++) t += A[(long)r * K + kk] * B[(long)q * K + kk];
            float *c = C + (long)r * ldc + q;
            *c = acc ? *c + t : t;
        }
}

void k_matmul_nt(float *C, const float *A, const float *B, int M, int K, int N, int accumulate) {
    int i = 0;
    for (; i + 2 <= M; i += 2) {
        int j = 0;
        for (; j + 4 <= N; j += 4) nt_tile(C + (long)i * N + j, N, A + (long)i * K, B + (long)j * K, K, 2, 4, accumulate);
        for (; j < N; j++) nt_tile(C + (long)i * N + j, N, A + (long)i * K, B + (long)j * K, K, 2, 1, accumulate);
    }
    for (; i < M; i++) {
        int j = 0;
        for (; j + 4 <= N; j += 4) nt_tile(C + (long)i * N + j, N, A + (long)i * K, B + (long)j * K, K, 1, 4, accumulate);
        for (; j < N; j++) nt_tile(C + (long)i * N + j, N, A + (long)i * K, B + (long)j * K, K, 1, 1, accumulate);
    }
}

// y[0..n) += x[0..n): the body of the row-wise kernels below
static inline void vadd(float *y, const float *x, int n) {
    int j = 0;
    for (; j + 4 <= n; j += 4) f4_store(y + j, f4_add(f4_load(y + j), f4_load(x + j)));
    for (; j < n; j++) y[j] += x[j];
}

void k_add_rows(float *Y, const float *table, const int *idx, int n, int D) {
    for (int i = 0; i < n; i++) vadd(Y + (long)i * D, table + (long)idx[i] * D, D);
}

void k_scatter_add_rows(float *table, const float *X, const int *idx, int n, int D) {
    for (int i = 0; i < n; i++) vadd(table + (long)idx[i] * D, X + (long)i * D, D);
}

void k_add_bias(float *Y, const float *b, int M, int N) {
    for (int i = 0; i < M; i++) vadd(Y + (long)i * N, b, N);
}

void k_sum_rows(float *db, const float *X, int M, int N) {
    for (int i = 0; i < M; i++) vadd(db, X + (long)i * N, N);
}

void k_axpy(float *y, float a, const float *x, int n) {
    const f4 va = f4_splat(a);
    int j = 0;
    for (; j + 4 <= n; j += 4) f4_store(y + j, f4_madd(f4_load(y + j), va, f4_load(x + j)));
    for (; j < n; j++) y[j] += a * x[j];
}

void k_act_backward(rnn_act act, float *da, const float *dh, const float *h, int n) {
    if (act != RNN_ACT_TANH) { k_act_backward_ref(act, da, dh, h, n); return; }
    const f4 one = f4_splat(1.0f);
    int j = 0;
    for (; j + 4 <= n; j += 4) {
        const f4 hv = f4_load(h + j);
        f4_store(da + j, f4_mul(f4_load(dh + j), wasm_f32x4_sub(one, f4_mul(hv, hv))));
    }
    for (; j < n; j++) da[j] = dh[j] * (1.0f - h[j] * h[j]);
}

// tanh as a rational function, x P(x^2) / Q(x^2) with P of degree 6 and Q of
// degree 3 in x^2 (the minimax fit Eigen uses for float tanh), on x clamped
// to +-7.90531110763549805 (beyond it tanh rounds to +-1 in float) and the
// result clamped to [-1, 1]; below |x| = 0.0004 tanh(x) = x in float.
// Error bound, measured against double tanh on every float in [-10, 10]
// (scripts/bench/tanh_error.mjs): at most 6.9 ulp and 4.1e-7 absolute,
// largest near x = 5.8 where tanh is close to 1 (libm tanhf: 2.2 ulp,
// 8.4e-8). The kernel tests hold it to TOL.activation = 5e-7.
// Costs 1 division and 13 mul/adds per 4 values; libm tanhf is ~13% of a
// training step, this is under 1%. A NaN input gives NaN (pmin/pmax keep the
// first operand), so the engine's non-finite checks still see it.
static inline f4 f4_tanh(f4 x) {
    const f4 lim = f4_splat(7.90531110763549805f), one = f4_splat(1.0f);
    const f4 xc = f4_pmax(f4_pmin(x, lim), f4_splat(-7.90531110763549805f));
    const f4 x2 = f4_mul(xc, xc);
    f4 p = f4_madd(f4_splat(2.00018790482477e-13f), x2, f4_splat(-2.76076847742355e-16f));
    p = f4_madd(f4_splat(-8.60467152213735e-11f), x2, p);
    p = f4_madd(f4_splat(5.12229709037114e-08f), x2, p);
    p = f4_madd(f4_splat(1.48572235717979e-05f), x2, p);
    p = f4_madd(f4_splat(6.37261928875436e-04f), x2, p);
    p = f4_madd(f4_splat(4.89352455891786e-03f), x2, p);
    p = f4_mul(p, xc);
    f4 q = f4_madd(f4_splat(1.18534705686654e-04f), x2, f4_splat(1.19825839466702e-06f));
    q = f4_madd(f4_splat(2.26843463243900e-03f), x2, q);
    q = f4_madd(f4_splat(4.89352518554385e-03f), x2, q);
    f4 t = f4_pmax(f4_pmin(f4_div(p, q), one), f4_splat(-1.0f));
    const v128_t tiny = wasm_f32x4_lt(wasm_f32x4_abs(x), f4_splat(0.0004f));
    return wasm_v128_bitselect(x, t, tiny);
}

static void tanh_rows(float *h, const float *a, int n) {
    int j = 0;
    for (; j + 4 <= n; j += 4) f4_store(h + j, f4_tanh(f4_load(a + j)));
    if (j < n) { // leftover lanes through a small buffer: the same function for every element
        float buf[4] = {0.0f, 0.0f, 0.0f, 0.0f};
        for (int k = j; k < n; k++) buf[k - j] = a[k];
        f4_store(buf, f4_tanh(f4_load(buf)));
        for (int k = j; k < n; k++) h[k] = buf[k - j];
    }
}

void k_act_forward(rnn_act act, float *h, const float *a, int n) {
    if (act == RNN_ACT_TANH) tanh_rows(h, a, n);
    else k_act_forward_ref(act, h, a, n);
}

// Row blocks of 4: the GEMM writes 4 rows of at (4 KB at H = 256) and the
// activation runs over them while they are still in L1.
void k_rnn_step_forward(rnn_act act, float *at, const float *hprev, const float *W, int B, int H) {
    for (int i = 0; i < B; i += 4) {
        const int r = B - i < 4 ? B - i : 4;
        float *c = at + (long)i * H;
        gemm(c, hprev + (long)i * H, H, 1, W, r, H, H, 1);
        k_act_forward(act, c, c, r * H);
    }
}

// dh is both the accumulator of the GEMM (it holds dL/dh from above) and the
// output: no dh_next buffer, no separate axpy and derivative sweeps.
void k_rnn_step_backward(rnn_act act, float *dh, const float *h, const float *da, const float *WT, int B, int H,
                         float *scratch) {
    (void)scratch;
    for (int i = 0; i < B; i += 4) {
        const int r = B - i < 4 ? B - i : 4;
        float *c = dh + (long)i * H;
        gemm(c, da + (long)i * H, H, 1, WT, r, H, H, 1);
        k_act_backward(act, c, c, h + (long)i * H, r * H);
    }
}

// exp stays on libm: softmax is ~1% of a step (V = 65 exps per position).
void k_softmax_rows(float *P, const float *X, int M, int N, float inv_temp) { k_softmax_rows_ref(P, X, M, N, inv_temp); }

#else // no SIMD128: entry points are the reference kernels

int k_simd_enabled(void) { return 0; }
void k_matmul(real *C, const real *A, const real *B, int M, int K, int N, int acc) { k_matmul_ref(C, A, B, M, K, N, acc); }
void k_matmul_tn(real *C, const real *A, const real *B, int M, int K, int N) { k_matmul_tn_ref(C, A, B, M, K, N); }
void k_matmul_nt(real *C, const real *A, const real *B, int M, int K, int N, int acc) { k_matmul_nt_ref(C, A, B, M, K, N, acc); }
void k_add_rows(real *Y, const real *t, const int *idx, int n, int D) { k_add_rows_ref(Y, t, idx, n, D); }
void k_scatter_add_rows(real *t, const real *X, const int *idx, int n, int D) { k_scatter_add_rows_ref(t, X, idx, n, D); }
void k_add_bias(real *Y, const real *b, int M, int N) { k_add_bias_ref(Y, b, M, N); }
void k_sum_rows(real *db, const real *X, int M, int N) { k_sum_rows_ref(db, X, M, N); }
void k_axpy(real *y, real a, const real *x, int n) { k_axpy_ref(y, a, x, n); }
void k_act_forward(rnn_act act, real *h, const real *a, int n) { k_act_forward_ref(act, h, a, n); }
void k_act_backward(rnn_act act, real *da, const real *dh, const real *h, int n) { k_act_backward_ref(act, da, dh, h, n); }
void k_softmax_rows(real *P, const real *X, int M, int N, real inv_temp) { k_softmax_rows_ref(P, X, M, N, inv_temp); }
void k_rnn_step_forward(rnn_act act, real *at, const real *hp, const real *W, int B, int H) {
    k_rnn_step_forward_ref(act, at, hp, W, B, H);
}
void k_rnn_step_backward(rnn_act act, real *dh, const real *h, const real *da, const real *WT, int B, int H, real *s) {
    k_rnn_step_backward_ref(act, dh, h, da, WT, B, H, s);
}

#endif
