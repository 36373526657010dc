// charlm_views.c - per-step gradient norms of the char LM (see charlm_views.h).
#include "charlm_views.h"
#include <math.h>
#include <stdlib.h>

rnn_status rnn_charlm_step_norms(rnn_charlm *m, double *dh_norm, double *loss) {
    const int V = m->V, H = m->H, B = m->B, T = m->T;
    rnn_status st = rnn_charlm_gradients(m, loss);   // dlogits [T,B,V] = dL/dz_t, dhs [T,B,H] = dL/da_t
    if (st) return st;
    float *dh = malloc(sizeof(float) * (size_t)B * H);
    if (!dh) return rnn_fail(RNN_E_NOMEM, "step-norm buffer of %d floats", B * H);
    for (int t = 0; t < T; t++) {
        k_matmul_nt(dh, m->dlogits + (long)t * B * V, m->p.Wy, B, V, H, 0);            // from the output at step t
        if (t + 1 < T) k_matmul_nt(dh, m->dhs + (long)(t + 1) * B * H, m->p.W, B, H, H, 1); // through h_{t+1}
        double s = 0;
        for (long i = 0; i < (long)B * H; i++) s += (double)dh[i] * dh[i];
        dh_norm[t] = sqrt(s);
    }
    free(dh);
    return RNN_OK;
}
