// seqnet_terms.h - the per-step terms of a shared weight's gradient (the BPTT
// slide: dL/dU = sum_t dL/dU_t, and the same for W and V). After a backward
// pass each tensor's gradient is the sum of one term per time step, one per
// use of the shared weight in the unrolled graph:
//   U_t = x_t^T da_t        [I,H]   (da_t = dL/da_t, a_t = x_t U + h_{t-1} W + b)
//   W_t = h_{t-1}^T da_t    [H,H]
//   b_t = sum over the batch of da_t
//   V_t = h_t^T dz_t        [H,O]   (dz_t = dL/dz_t, z_t = h_t V + c)
//   c_t = sum over the batch of dz_t
// (engine layout; lecture = 1 gives the transposes, U [H,I], V [O,H]).
// Summed over t = 0..T-1 they equal m->g[k] (before clipping).
//
//   seqnet_backward(m);
//   real term[H * H];
//   for (int t = 0; t < m->T; t++) seqnet_step_term(m, SEQ_W, t, term, 1);
#ifndef RNN_SEQNET_TERMS_H
#define RNN_SEQNET_TERMS_H
#include "seqnet.h"

// out gets rows*cols of tensor k's shape (seqnet_tensor_shape; transposed
// when lecture = 1). Needs a backward pass; t in [0, T).
rnn_status seqnet_step_term(const seqnet *m, seq_tensor k, int t, real *out, int lecture);
#endif
