// linear.h - the output layer y = h V + c (lecture: y_t = V h_t + c).
// M rows (B*T positions), I inputs, O outputs. Wt[I,O] (PyTorch fc.weight = Wt^T), c[O].
#ifndef RNN_LINEAR_H
#define RNN_LINEAR_H
#include "../kernels/kernels.h"
void linear_forward(real *y, const real *x, const real *Wt, const real *c, int M, int I, int O);
// Accumulates dWt, dc; dx (if not NULL) is overwritten (accumulate = 0) or
// added to (1). WT: NULL, or scratch of I*O floats for Wt^T (faster GEMM).
void linear_backward(real *dx, real *dWt, real *dc, const real *dy, const real *x, const real *Wt, int M, int I,
                     int O, int accumulate, real *WT);
#endif
