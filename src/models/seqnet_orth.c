// seqnet_orth.c - W = r Q with Q orthogonal (see seqnet_orth.h).
#include "seqnet_orth.h"
#include "../rng.h"
#include <math.h>
#include <stdlib.h>

// A standard normal number (Box-Muller; u1 in (0, 1] so the log is finite).
static double gaussian(rnn_rng *r) {
    const double u1 = 1.0 - rnn_rng_double(r), u2 = rnn_rng_double(r);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

// Modified Gram-Schmidt on the rows of q [n,n]: each row loses its parts along
// the rows before it, then is scaled to length 1. Returns 0 if a row became
// (numerically) zero, which a Gaussian matrix almost never does.
static int orthonormalise_rows(double *q, int n) {
    for (int i = 0; i < n; i++) {
        double *qi = q + (long)i * n;
        for (int j = 0; j < i; j++) {
            const double *qj = q + (long)j * n;
            double dot = 0;
            for (int k = 0; k < n; k++) dot += qi[k] * qj[k];
            for (int k = 0; k < n; k++) qi[k] -= dot * qj[k];
        }
        double len = 0;
        for (int k = 0; k < n; k++) len += qi[k] * qi[k];
        len = sqrt(len);
        if (len < 1e-9) return 0;
        for (int k = 0; k < n; k++) qi[k] /= len;
    }
    return 1;
}

rnn_status seqnet_set_orthogonal(seqnet *m, uint32_t seed, double r) {
    if (!m) return rnn_fail(RNN_E_ARG, "seqnet: NULL model");
    if (!(r >= 0 && r <= 100)) return rnn_fail(RNN_E_ARG, "seqnet: orthogonal scale %g not in [0, 100]", r);
    const int H = m->H;
    double *q = malloc(sizeof(double) * (size_t)H * H);
    if (!q) return rnn_fail(RNN_E_NOMEM, "seqnet: %dx%d orthogonal matrix", H, H);
    rnn_rng rng;
    rnn_rng_seed(&rng, seed);
    int ok = 0;
    for (int attempt = 0; attempt < 4 && !ok; attempt++) {
        for (long i = 0; i < (long)H * H; i++) q[i] = gaussian(&rng);
        ok = orthonormalise_rows(q, H);
    }
    if (ok)
        for (long i = 0; i < (long)H * H; i++) m->p[SEQ_W][i] = (real)(r * q[i]); // Q^T is orthogonal too: either layout
    free(q);
    return ok ? RNN_OK : rnn_fail(RNN_E_STATE, "seqnet: could not build an orthogonal matrix");
}
