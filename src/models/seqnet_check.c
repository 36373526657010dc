// seqnet_check.c - what the BPTT lecture checks by hand: numerical against
// analytical gradients (central differences), and scaling the recurrent
// matrix W to a chosen spectral radius (nn/spectral.h estimates it).
#include "seqnet.h"
#include "../rng.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

rnn_status seqnet_gradcheck(seqnet *m, double eps, int max_elems, double rel[SEQ_NTENSORS], double maxabs[SEQ_NTENSORS]) {
    if (!m || !rel || !maxabs) return rnn_fail(RNN_E_ARG, "seqnet: NULL argument");
    if (!(eps > 0 && eps < 1)) return rnn_fail(RNN_E_ARG, "seqnet: gradient-check step %g not in (0, 1)", eps);
    if (max_elems < 1) return rnn_fail(RNN_E_ARG, "seqnet: gradient check needs at least 1 element per tensor");
    double loss;
    rnn_status st = seqnet_forward(m, &loss);
    if (!st) st = seqnet_backward(m);
    if (st) return st;
    for (int k = 0; k < SEQ_NTENSORS; k++) {
        int rows, cols;
        seqnet_tensor_shape(m, (seq_tensor)k, &rows, &cols);
        const long n = (long)rows * cols, count = n < max_elems ? n : max_elems;
        double diff2 = 0, a2 = 0, n2 = 0, worst = 0;
        for (long j = 0; j < count; j++) {
            const long i = j * n / count;          // evenly spaced, all when count = n
            real *p = m->p[k] + i;
            const real saved = *p;
            double lp, lm;
            *p = (real)(saved + eps); seqnet_forward(m, &lp);
            *p = (real)(saved - eps); seqnet_forward(m, &lm);
            *p = saved;
            // divide by the step actually taken (in float, saved +- eps rounds)
            const double step = (double)(real)(saved + eps) - (double)(real)(saved - eps);
            const double num = (lp - lm) / step, ana = m->g[k][i];
            diff2 += (num - ana) * (num - ana); a2 += ana * ana; n2 += num * num;
            if (fabs(num - ana) > worst) worst = fabs(num - ana);
        }
        const double den = sqrt(a2) + sqrt(n2);
        rel[k] = sqrt(diff2) / (den > 1e-30 ? den : 1e-30);
        maxabs[k] = worst;
    }
    // leave the model as after one forward + backward with the original weights
    st = seqnet_forward(m, &loss);
    return st ? st : seqnet_backward(m);
}

rnn_status seqnet_scale_radius(seqnet *m, double r, double *before) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (!(r >= 0 && r <= 1e6)) return rnn_fail(RNN_E_ARG, "seqnet: target spectral radius %g not in [0, 1e6]", r);
    double rho;
    rnn_status st = rnn_spectral_radius(m->p[SEQ_W], m->H, &rho);
    if (st) return st;
    if (before) *before = rho;
    if (!(rho > 0)) return rnn_fail(RNN_E_STATE, "seqnet: W has spectral radius 0, it cannot be scaled to %g", r);
    const real s = (real)(r / rho);
    for (long i = 0; i < (long)m->H * m->H; i++) m->p[SEQ_W][i] *= s;
    m->forward_done = m->backward_done = 0;
    return RNN_OK;
}
