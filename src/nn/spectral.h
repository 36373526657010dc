// spectral.h - the spectral radius of the recurrent matrix W, which decides
// whether gradients through time vanish (< 1) or explode (> 1): shown by the
// playground's Progress panel (char LM) and the BPTT widgets (seqnet).
#ifndef RNN_SPECTRAL_H
#define RNN_SPECTRAL_H
#include "../kernels/kernels.h"
#include "../status.h"

// Spectral radius of a square matrix (max |eigenvalue|) by power iteration in
// double precision: the mean growth rate of ||A^k v|| after a burn-in, which
// also converges when the dominant eigenvalues are a complex pair. A is n x n
// (n in [1, RNN_MAX_RADIUS_N]); the estimate's relative error is about 1e-3 or
// better (log of the eigenvector condition / the iteration count).
#define RNN_MAX_RADIUS_N 4096
rnn_status rnn_spectral_radius(const real *A, int n, double *rho);
#endif
