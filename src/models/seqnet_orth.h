// seqnet_orth.h - an orthogonal recurrent matrix for the BPTT views.
// With g linear and W = r Q (Q orthogonal), the gradient that flows back k
// steps is multiplied by W^T k times, which keeps its length times r^k
// exactly: ||dL/dh_1|| / ||dL/dh_T|| = r^(T-1) for a loss at step T only.
// A random W of the same spectral radius only does so approximately
// (its singular values differ from its eigenvalues).
#ifndef RNN_SEQNET_ORTH_H
#define RNN_SEQNET_ORTH_H
#include "seqnet.h"

// W <- r Q with Q a random orthogonal H x H matrix from `seed` (Gram-Schmidt on
// the rows of a Gaussian matrix, in double). r in [0, 100].
rnn_status seqnet_set_orthogonal(seqnet *m, uint32_t seed, double r);
#endif
