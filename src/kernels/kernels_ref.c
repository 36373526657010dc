// kernels_ref.c - scalar reference kernels. Plain loops, written in the
// order a compiler can vectorise natively (i-k-j), and the ground truth the
// SIMD128 versions are tested against.
#include "kernels.h"
#include <math.h>
#include <string.h>

void k_matmul_ref(real *C, const real *A, const real *B, int M, int K, int N, int accumulate) {
    for (int i = 0; i < M; i++) {
        real *c = C + (long)i * N;
        if (!accumulate) memset(c, 0, sizeof(real) * (size_t)N);
        const real *a = A + (long)i * K;
        for (int k = 0; k < K; k++) {
            const real aik = a[k];
            const real *b = B + (long)k * N;
            for (int j = 0; j < N; j++) c[j] += aik * b[j];
        }
    }
}

void k_matmul_tn_ref(real *C, const real *A, const real *B, int M, int K, int N) {
    for (int k = 0; k < K; k++) {
        const real *a = A + (long)k * M, *b = B + (long)k * N;
        for (int i = 0; i < M; i++) {
            const real aki = a[i];
            real *c = C + (long)i * N;
            for (int j = 0; j < N; j++) c[j] += aki * b[j];
        }
    }
}

void k_matmul_nt_ref(real *C, const real *A, const real *B, int M, int K, int N, int accumulate) {
    for (int i = 0; i < M; i++) {
        const real *a = A + (long)i * K;
        for (int j = 0; j < N; j++) {
            const real *b = B + (long)j * K;
            real s = 0.0f;
            for (int k = 0; k < K; k++) s += a[k] * b[k];
            C[(long)i * N + j] = accumulate ? C[(long)i * N + j] + s : s;
        }
    }
}

void k_add_rows_ref(real *Y, const real *table, const int *idx, int n, int D) {
    for (int i = 0; i < n; i++) {
        const real *t = table + (long)idx[i] * D;
        real *y = Y + (long)i * D;
        for (int j = 0; j < D; j++) y[j] += t[j];
    }
}

void k_scatter_add_rows_ref(real *table, const real *X, const int *idx, int n, int D) {
    for (int i = 0; i < n; i++) {
        real *t = table + (long)idx[i] * D;
        const real *x = X + (long)i * D;
        for (int j = 0; j < D; j++) t[j] += x[j];
    }
}

void k_add_bias_ref(real *Y, const real *b, int M, int N) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) Y[(long)i * N + j] += b[j];
}

void k_sum_rows_ref(real *db, const real *X, int M, int N) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) db[j] += X[(long)i * N + j];
}

void k_act_forward_ref(rnn_act act, real *h, const real *a, int n) {
    switch (act) {
    case RNN_ACT_TANH: for (int i = 0; i < n; i++) h[i] = RTANH(a[i]); break;
    case RNN_ACT_RELU: for (int i = 0; i < n; i++) h[i] = a[i] > 0.0f ? a[i] : 0.0f; break;
    case RNN_ACT_LINEAR: if (h != a) memcpy(h, a, sizeof(real) * (size_t)n); break;
    }
}

// The derivative is written in terms of the output h (tanh' = 1 - h^2,
// relu' = [h > 0]) so backward needs only what forward kept.
void k_act_backward_ref(rnn_act act, real *da, const real *dh, const real *h, int n) {
    switch (act) {
    case RNN_ACT_TANH: for (int i = 0; i < n; i++) da[i] = dh[i] * (1.0f - h[i] * h[i]); break;
    case RNN_ACT_RELU: for (int i = 0; i < n; i++) da[i] = h[i] > 0.0f ? dh[i] : 0.0f; break;
    case RNN_ACT_LINEAR: if (da != dh) memcpy(da, dh, sizeof(real) * (size_t)n); break;
    }
}

void k_softmax_rows_ref(real *P, const real *X, int M, int N, real inv_temp) {
    for (int i = 0; i < M; i++) {
        const real *x = X + (long)i * N;
        real *p = P + (long)i * N;
        real mx = x[0];
        for (int j = 1; j < N; j++) mx = x[j] > mx ? x[j] : mx;
        real s = 0.0f;
        for (int j = 0; j < N; j++) { p[j] = REXP((x[j] - mx) * inv_temp); s += p[j]; }
        const real inv = 1.0f / s;
        for (int j = 0; j < N; j++) p[j] *= inv;
    }
}

void k_axpy_ref(real *y, real a, const real *x, int n) {
    for (int i = 0; i < n; i++) y[i] += a * x[i];
}

void k_rnn_step_forward_ref(rnn_act act, real *at, const real *hprev, const real *W, int B, int H) {
    k_matmul_ref(at, hprev, W, B, H, H, 1);
    k_act_forward_ref(act, at, at, B * H);
}

void k_rnn_step_backward_ref(rnn_act act, real *dh, const real *h, const real *da, const real *WT, int B, int H,
                             real *scratch) {
    k_matmul_ref(scratch, da, WT, B, H, H, 0);
    k_axpy_ref(dh, 1.0f, scratch, B * H);
    k_act_backward_ref(act, dh, dh, h, B * H);
}

// Blocked so that both the reads and the writes stay within a few cache lines.
void k_transpose(real *D, const real *S, int M, int N) {
    for (int i0 = 0; i0 < M; i0 += 16)
        for (int j0 = 0; j0 < N; j0 += 16)
            for (int i = i0; i < M && i < i0 + 16; i++)
                for (int j = j0; j < N && j < j0 + 16; j++) D[(long)j * M + i] = S[(long)i * N + j];
}
