// charlm_views.h - what the playground's Progress panel shows about BPTT in
// the char LM: the spectral radius of W and ||dL/dh_t|| at every step of a
// training chunk (the quantity that vanishes or explodes).
#ifndef RNN_CHARLM_VIEWS_H
#define RNN_CHARLM_VIEWS_H
#include "charlm.h"

// One forward + BPTT on the next training chunk at the current weights (no
// update, the streams do not advance: rnn_charlm_gradients), then for t = 0..T-1
// dh_norm[t] = ||dL/dh_t|| over the B streams (Frobenius over B x H), the total
// derivative: dL/dh_t = dL/dz_t Wy^T + dL/da_{t+1} W^T (the lecture's V^T and W^T).
// *loss: the chunk's mean loss in nats. Overwrites m->grads (as gradients does).
rnn_status rnn_charlm_step_norms(rnn_charlm *m, double *dh_norm, double *loss);
#endif
