// kernels_simd.c - SIMD128 kernels and the dispatching entry points.
// Built with -msimd128 the entry points run the code below; otherwise they
// forward to the scalar reference twins (the scalar WASM module, the native
// build, where gcc vectorises the reference loops itself).
#include "kernels.h"
#include "simd.h"

#if defined(__wasm_simd128__)

int k_simd_enabled(void) { return 1; }

// Register tile: R (1 or 4) rows of C by 8 columns, accumulated over all of K.
// A(i,k) lives at A[i*ars + k*acs], so one body serves A.B (ars=K, acs=1) and
// A^T.B (ars=1, acs=M). 8 accumulators + 2 B vectors + 1 broadcast fit the 16
// vector registers V8 maps SIMD128 onto, and B rows stream from cache once per
// 4 rows of A.
static inline __attribute__((always_inline)) void tile_r8(float *C, int ldc, const float *A, long ars, long acs,
                                                          const float *B, int ldb, int K, int R, int acc) {
    f4 c[4][2];
    for (int r = 0; r < R; r++) {
        c[r][0] = acc ? f4_load(C + (long)r * ldc) : f4_zero();
        c[r][1] = acc ? f4_load(C + (long)r * ldc + 4) : f4_zero();
    }
    for (int k = 0; k < K; k++) {
        const float *b = B + (long)k * ldb;
        const f4 b0 = f4_load(b), b1 = f4_load(b + 4);
        for (int r = 0; r < R; r++) {
            const f4 a = f4_splat(A[r * ars + k * acs]);
            c[r][0] = f4_madd(c[r][0], a, b0);
            c[r][1] = f4_madd(c[r][1], a, b1);
        }
    }
    for (int r = 0; r < R; r++) {
        f4_store(C + (long)r * ldc, c[r][0]);
        f4_store(C + (long)r * ldc + 4, c[r][1]);
    }
}

// Same, 4 columns wide (for the N % 8 >= 4 leftover).
static inline __attribute__((always_inline)) void tile_r4(float *C, int ldc, const float *A, long ars, long acs,
                                                          const float *B, int ldb, int K, int R, int acc) {
    f4 c[4];
    for (int r = 0; r < R; r++) c[r] = acc ? f4_load(C + (long)r * ldc) : f4_zero();
    for (int k = 0; k < K; k++) {
        const f4 b0 = f4_load(B + (long)k * ldb);
        for (int r = 0; r < R; r++) c[r] = f4_madd(c[r], f4_splat(A[r * ars + k * acs]), b0);
    }
    for (int r = 0; r < R; r++) f4_store(C + (long)r * ldc, c[r]);
}

// One scalar column (N % 4 leftover).
static inline void tile_r1(float *C, int ldc, const float *A, long ars, long acs, const float *B, int ldb, int K,
                           int R, int acc) {
    for (int r = 0; r < R; r++) {
        float s = acc ? C[(long)r * ldc] : 0.0f;
        for (int k = 0; k < K; k++) s += A[r * ars + k * acs] * B[(long)k * ldb];
        C[(long)r * ldc] = s;
    }
}

static inline __attribute__((always_inline)) void row_block(float *C, const float *A, long ars, long acs,
                                                            const float *B, int K, int N, int R, int acc) {
    int j = 0;
    for (; j + 8 <= N; j += 8) tile_r8(C + j, N, A, ars, acs, B + j, N, K, R, acc);
    for (; j + 4 <= N; j += 4) tile_r4(C + j, N, A, ars, acs, B + j, N, K, R, acc);
    for (; j < N; j++) tile_r1(C + j, N, A, ars, acs, B + j, N, K, R, acc);
}

// K is split into blocks of GEMM_KC so that the A and B panels a block of
// rows works on stay in cache while the tiles sweep across N (matters for
// A^T.B with K = T*B = 2048: unblocked, every tile streams 2048 cache lines).
#ifndef GEMM_KC
#define GEMM_KC 128
#endif
static void gemm(float *C, const float *A, long ars, long acs, const float *B, int M, int K, int N, int acc) {
    for (int k0 = 0; k0 < K || k0 == 0; k0 += GEMM_KC) {
        const int kc = K - k0 < GEMM_KC ? K - k0 : GEMM_KC;
        const float *Ak = A + (long)k0 * acs, *Bk = B + (long)k0 * N;
        const int a = acc || k0 > 0;
        int i = 0;
        for (; i + 4 <= M; i += 4) row_block(C + (long)i * N, Ak + i * ars, ars, acs, Bk, kc, N, 4, a);
        for (; i < M; i++) row_block(C + (long)i * N, Ak + i * ars, ars, acs, Bk, kc, N, 1, a);
    }
}

void k_matmul(float *C, const float *A, const float *B, int M, int K, int N, int accumulate) {
    gemm(C, A, K, 1, B, M, K, N, accumulate);
}

void k_matmul_tn(float *C, const float *A, const float *B, int M, int K, int N) { gemm(C, A, 1, M, B, M, K, N, 1); }

// C = A . B^T: dot products of contiguous rows; a 2x4 tile keeps 8 partial
// sums in registers and reads each A and B vector once per tile.
static inline __attribute__((always_inline)) void nt_tile(float *C, int ldc, const float *A, const float *B, int K,
                                                          int R, int S, int acc) {
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

// tanh and exp stay on libm: they are a small share of a step (V*H and H
// per position versus H*H multiply-adds) and keep results identical to the
// reference.
void k_act_forward(rnn_act act, float *h, const float *a, int n) { k_act_forward_ref(act, h, a, n); }
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

#endif
