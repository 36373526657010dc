// linear.c - fully connected layer forward/backward.
#include "linear.h"
#include "../kernels/kernels.h"
#include <string.h>

void linear_forward(real *y, const real *x, const real *Wt, const real *c, int M, int I, int O) {
    for (int i = 0; i < M; i++) memcpy(y + (long)i * O, c, sizeof(real) * (size_t)O);
    k_matmul(y, x, Wt, M, I, O, 1);
}

void linear_backward(real *dx, real *dWt, real *dc, const real *dy, const real *x, const real *Wt, int M, int I,
                     int O, int accumulate, real *WT) {
    k_matmul_tn(dWt, x, dy, I, M, O);
    k_sum_rows(dc, dy, M, O);
    if (dx && WT) { k_transpose(WT, Wt, I, O); k_matmul(dx, dy, WT, M, O, I, accumulate); }
    else if (dx) k_matmul_nt(dx, dy, Wt, M, O, I, accumulate);
}
