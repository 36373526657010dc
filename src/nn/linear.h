// linear.h - the output layer y = h Wy + by (lecture: y_t = V h_t + c).
// The lecture's V is called Wy everywhere in the engine (V is the vocabulary
// size); min-char-rnn calls it Why, PyTorch's fc.weight is Wy^T.
// M rows (B*T positions), I inputs, O outputs. Wy[I,O], by[O].
//
// Argument order of every forward/backward pair in nn/: outputs first (the
// forward's y; the backward's parameter gradients in parameter order, then
// the input gradient), then the gradient from above, then the forward's
// inputs and parameters in the forward's order, then sizes, then scratch.
#ifndef RNN_LINEAR_H
#define RNN_LINEAR_H
#include "../kernels/kernels.h"
void linear_forward(real *y, const real *x, const real *Wy, const real *by, int M, int I, int O);
// Accumulates dWy, dby; dx (if not NULL) is overwritten (accumulate = 0) or
// added to (1). transpose_buf: NULL, or scratch of I*O floats that receives
// Wy^T (the dx product then runs as a plain GEMM, faster).
void linear_backward(real *dWy, real *dby, real *dx, const real *dy, const real *x, const real *Wy, int M, int I,
                     int O, int accumulate, real *transpose_buf);
#endif
