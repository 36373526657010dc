// clip.c - clipping by global norm and by element.
#include "clip.h"
#include <math.h>

double grad_global_norm(const real *g, long n) {
    double s = 0.0;
    for (long i = 0; i < n; i++) s += (double)g[i] * g[i];
    return sqrt(s);
}

int clip_by_norm(real *g, long n, real max_norm, double *norm) {
    const double nrm = grad_global_norm(g, n);
    if (norm) *norm = nrm;
    if (!(nrm > max_norm) || max_norm <= 0) return 0; // NaN norm: not clipped, caller sees it
    const real s = (real)(max_norm / nrm);
    for (long i = 0; i < n; i++) g[i] *= s;
    return 1;
}

int clip_by_value(real *g, long n, real c, double *norm) {
    if (norm) *norm = grad_global_norm(g, n);
    int clipped = 0;
    for (long i = 0; i < n; i++) {
        if (g[i] > c) { g[i] = c; clipped = 1; }
        else if (g[i] < -c) { g[i] = -c; clipped = 1; }
    }
    return clipped;
}
