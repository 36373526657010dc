// kernels.h - the only numeric kernels of the engine.
// Shapes use row-major contiguous storage; M,K,N are the usual GEMM sizes.
// Every kernel has a scalar reference twin (suffix _ref, always compiled) and a
// dispatching entry point (no suffix) that uses the SIMD128 version when the
// translation unit is built with -msimd128, else the reference. Tests compare
// the two on random data at awkward sizes.
//
//   k_matmul(C, A, B, M, K, N, acc)   C[M,N]  (+)=  A[M,K] . B[K,N]
//   k_matmul_tn(C, A, B, M, K, N)     C[M,N]  +=    A[K,M]^T . B[K,N]   (weight gradients)
//   k_matmul_nt(C, A, B, M, K, N, acc) C[M,N] (+)=  A[M,K] . B[N,K]^T   (input gradients)
#ifndef RNN_KERNELS_H
#define RNN_KERNELS_H

// real is float in every shipped build. The gradient-check test compiles the
// kernels and nn/ with -DRNN_DOUBLE so that central differences are taken in
// double precision (the SIMD128 path is float-only and never built then).
#ifdef RNN_DOUBLE
typedef double real;
#define RTANH tanh
#define REXP exp
#define RSQRT sqrt
#define RPOW pow
#else
typedef float real;
#define RTANH tanhf
#define REXP expf
#define RSQRT sqrtf
#define RPOW powf
#endif

typedef enum { RNN_ACT_TANH = 0, RNN_ACT_RELU = 1, RNN_ACT_LINEAR = 2 } rnn_act;

// entry points (SIMD when available)
void k_matmul(real *C, const real *A, const real *B, int M, int K, int N, int accumulate);
void k_matmul_tn(real *C, const real *A, const real *B, int M, int K, int N);
void k_matmul_nt(real *C, const real *A, const real *B, int M, int K, int N, int accumulate);
void k_add_rows(real *Y, const real *table, const int *idx, int n, int D); // Y[i,:] += table[idx[i],:]
void k_scatter_add_rows(real *table, const real *X, const int *idx, int n, int D); // table[idx[i],:] += X[i,:]
void k_add_bias(real *Y, const real *b, int M, int N);      // Y[i,:] += b
void k_sum_rows(real *db, const real *X, int M, int N);     // db[j] += sum_i X[i,j]
void k_act_forward(rnn_act act, real *h, const real *a, int n);            // h = g(a)
void k_act_backward(rnn_act act, real *da, const real *dh, const real *h, int n); // da = dh * g'(a), written via h
void k_softmax_rows(real *P, const real *X, int M, int N, real inv_temp); // P[i,:] = softmax(X[i,:] * inv_temp)
void k_axpy(real *y, real a, const real *x, int n);        // y += a x
void k_transpose(real *D, const real *S, int M, int N);     // D[N,M] = S[M,N]^T (plain loads/stores: one version)
// The two sequential steps of the recurrence, fused (one pass over a B x H
// block while it is in cache instead of a GEMM then an element-wise sweep):
//   k_rnn_step_forward:  at = g(at + hprev W)                at, hprev [B,H]; W [H,H]
//   k_rnn_step_backward: dh = (dh + da WT) * g'(via h)       dh, h, da [B,H]; WT = W^T [H,H]
// scratch: B*H floats (the reference twin keeps da WT there). The reference
// twins are exactly the unfused sequences (k_matmul, k_axpy, k_act_*).
void k_rnn_step_forward(rnn_act act, real *at, const real *hprev, const real *W, int B, int H);
void k_rnn_step_backward(rnn_act act, real *dh, const real *h, const real *da, const real *WT, int B, int H, real *scratch);

// scalar reference twins (always compiled)
void k_matmul_ref(real *C, const real *A, const real *B, int M, int K, int N, int accumulate);
void k_matmul_tn_ref(real *C, const real *A, const real *B, int M, int K, int N);
void k_matmul_nt_ref(real *C, const real *A, const real *B, int M, int K, int N, int accumulate);
void k_add_rows_ref(real *Y, const real *table, const int *idx, int n, int D);
void k_scatter_add_rows_ref(real *table, const real *X, const int *idx, int n, int D);
void k_add_bias_ref(real *Y, const real *b, int M, int N);
void k_sum_rows_ref(real *db, const real *X, int M, int N);
void k_act_forward_ref(rnn_act act, real *h, const real *a, int n);
void k_act_backward_ref(rnn_act act, real *da, const real *dh, const real *h, int n);
void k_softmax_rows_ref(real *P, const real *X, int M, int N, real inv_temp);
void k_axpy_ref(real *y, real a, const real *x, int n);
void k_rnn_step_forward_ref(rnn_act act, real *at, const real *hprev, const real *W, int B, int H);
void k_rnn_step_backward_ref(rnn_act act, real *dh, const real *h, const real *da, const real *WT, int B, int H, real *scratch);

// 1 when the entry points above run SIMD128 code
int k_simd_enabled(void);
#endif
