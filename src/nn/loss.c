// loss.c - softmax cross-entropy, MSE, sigmoid BCE.
#include "loss.h"
#include "../kernels/kernels.h"
#include <math.h>
#include <string.h>

double loss_softmax_xent(real *d, real *probs, const real *logits, const int *targets, int M, int N, real scale,
                         int *count) {
    k_softmax_rows(probs, logits, M, N, 1.0f);
    double sum = 0.0;
    int n = 0;
    for (int i = 0; i < M; i++) {
        const real *p = probs + (long)i * N;
        const int y = targets[i];
        if (d) {
            real *di = d + (long)i * N;
            if (y < 0) memset(di, 0, sizeof(real) * (size_t)N);
            else {
                for (int j = 0; j < N; j++) di[j] = scale * p[j];
                di[y] -= scale;
            }
        }
        if (y < 0) continue;
        // floor keeps log finite when a probability underflows to 0
        sum -= log(p[y] > 1e-30f ? (double)p[y] : 1e-30);
        n++;
    }
    if (count) *count = n;
    return sum;
}

double loss_mse(real *d, const real *y, const real *t, int n, real scale) {
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
        const real e = y[i] - t[i];
        sum += (double)e * e;
        if (d) d[i] = 2.0f * scale * e;
    }
    return sum;
}

double loss_sigmoid_bce(real *d, const real *z, const real *t, int n, real scale) {
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
        const double zi = z[i];
        sum += (zi > 0 ? zi : 0) - zi * t[i] + log1p(exp(-fabs(zi)));
        if (d) d[i] = scale * (real)(1.0 / (1.0 + exp(-zi)) - t[i]);
    }
    return sum;
}
