// loss.h - losses. Each returns the unscaled sum of per-item losses (double)
// and, if d is not NULL, writes the gradient of (scale * sum) into d.
// Use scale = 1/count for a mean, 1 for the lecture's L = sum_t L_t.
#ifndef RNN_LOSS_H
#define RNN_LOSS_H
#include "../kernels/kernels.h"
// Softmax cross-entropy over M rows of N logits. targets[i] in [0,N), or -1
// to ignore the row (its gradient is 0). probs[M,N] receives the softmax.
// *count receives the number of rows scored.
double loss_softmax_xent(real *d, real *probs, const real *logits, const int *targets, int M, int N, real scale,
                         int *count);
// Mean squared error terms: sum (y - t)^2.
double loss_mse(real *d, const real *y, const real *t, int n, real scale);
// Sigmoid binary cross-entropy on logits z with targets t in [0,1], computed
// in the stable form max(z,0) - z t + log(1 + exp(-|z|)).
double loss_sigmoid_bce(real *d, const real *z, const real *t, int n, real scale);
#endif
