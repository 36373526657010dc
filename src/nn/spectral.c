// spectral.c - the spectral radius of a square matrix by power iteration
// (see spectral.h).
#include "spectral.h"
#include "../rng.h"
#include <math.h>
#include <stdlib.h>

rnn_status rnn_spectral_radius(const real *A, int n, double *rho) {
    if (!A || !rho) return rnn_fail(RNN_E_ARG, "spectral radius: NULL argument");
    if (n < 1 || n > RNN_MAX_RADIUS_N) return rnn_fail(RNN_E_ARG, "spectral radius: size %d not in [1, %d]", n, RNN_MAX_RADIUS_N);
    double *v = malloc(sizeof(double) * 2 * (size_t)n);
    if (!v) return rnn_fail(RNN_E_NOMEM, "spectral radius: %d-vector", n);
    double *w = v + n;
    rnn_rng r;
    rnn_rng_seed(&r, 12345);
    for (int i = 0; i < n; i++) v[i] = rnn_rng_double(&r) - 0.5; // a random start is almost surely not orthogonal to the top eigenvector
    // about 2e8 multiply-adds at most; never fewer than 200 counted iterations
    long iters = 200000000L / ((long)n * n);
    if (iters < 200) iters = 200;
    if (iters > 2000) iters = 2000;
    const long burn = iters / 10;
    double logsum = 0;
    *rho = 0;
    for (long k = 0; k < burn + iters; k++) {
        double s = 0, s0 = 0;
        for (int i = 0; i < n; i++) s0 += v[i] * v[i];
        // w = v A (row vector times A: the same eigenvalues as A v)
        for (int j = 0; j < n; j++) w[j] = 0;
        for (int i = 0; i < n; i++) {
            const double vi = v[i];
            const real *row = A + (long)i * n;
            for (int j = 0; j < n; j++) w[j] += vi * row[j];
        }
        for (int j = 0; j < n; j++) s += w[j] * w[j];
        if (!(s > 0) || !isfinite(s)) { free(v); if (s == 0) return RNN_OK; return rnn_fail(RNN_E_NONFINITE, "spectral radius: the matrix is not finite"); }
        const double g = sqrt(s / s0);
        if (k >= burn) logsum += log(g);
        const double inv = 1.0 / sqrt(s);
        for (int j = 0; j < n; j++) v[j] = w[j] * inv;
    }
    free(v);
    *rho = exp(logsum / iters);
    return RNN_OK;
}
