// linear.c - fully connected layer forward/backward.
#include "linear.h"
#include "../kernels/kernels.h"
#include <string.h>

void linear_forward(real *y, const real *x, const real *Wy, const real *by, int M, int I, int O) {
    for (int i = 0; i < M; i++) memcpy(y + (long)i * O, by, sizeof(real) * (size_t)O); // y = by
    k_matmul(y, x, Wy, M, I, O, 1);                                                     // y += x Wy
}

void linear_backward(real *dWy, real *dby, real *dx, const real *dy, const real *x, const real *Wy, int M, int I,
                     int O, int accumulate, real *transpose_buf) {
    k_matmul_tn(dWy, x, dy, I, M, O); // dWy += x^T dy  (lecture: dV += sum_t dy_t h_t^T)
    k_sum_rows(dby, dy, M, O);        // dby += sum over rows of dy
    if (dx && transpose_buf) {        // dx (+)= dy Wy^T
        k_transpose(transpose_buf, Wy, I, O);
        k_matmul(dx, dy, transpose_buf, M, O, I, accumulate);
    } else if (dx) k_matmul_nt(dx, dy, Wy, M, O, I, accumulate);
}
