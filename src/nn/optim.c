// optim.c - SGD, momentum, Adagrad, RMSProp, Adam.
#include "optim.h"
#include <math.h>
#include <string.h>

static const char *const NAMES[] = {"sgd", "momentum", "adagrad", "rmsprop", "adam"};

rnn_optim optim_default(rnn_optim_kind kind, real lr) {
    rnn_optim o = {kind, lr, 0.9f, 0.999f, 1e-8f};
    if (kind == OPT_RMSPROP) o.beta2 = 0.99f;
    if (kind == OPT_ADAGRAD) o.eps = 1e-8f;
    return o;
}

int optim_parse(const char *name) {
    for (int i = 0; i < 5; i++)
        if (strcmp(name, NAMES[i]) == 0) return i;
    return -1;
}

const char *optim_name(rnn_optim_kind k) { return (unsigned)k < 5 ? NAMES[k] : "?"; }

void optim_step(const rnn_optim *o, real *p, const real *g, real *m, real *v, long n, long t) {
    const real lr = o->lr, b1 = o->beta1, b2 = o->beta2, eps = o->eps;
    switch (o->kind) {
    case OPT_SGD:
        for (long i = 0; i < n; i++) p[i] -= lr * g[i];
        break;
    case OPT_MOMENTUM:
        for (long i = 0; i < n; i++) { m[i] = b1 * m[i] + g[i]; p[i] -= lr * m[i]; }
        break;
    case OPT_ADAGRAD:
        for (long i = 0; i < n; i++) { v[i] += g[i] * g[i]; p[i] -= lr * g[i] / (RSQRT(v[i]) + eps); }
        break;
    case OPT_RMSPROP:
        for (long i = 0; i < n; i++) {
            v[i] = b2 * v[i] + (1.0f - b2) * g[i] * g[i];
            p[i] -= lr * g[i] / (RSQRT(v[i]) + eps);
        }
        break;
    case OPT_ADAM: {
        const real c1 = 1.0f / (1.0f - RPOW(b1, (real)t)), c2 = 1.0f / (1.0f - RPOW(b2, (real)t));
        for (long i = 0; i < n; i++) {
            m[i] = b1 * m[i] + (1.0f - b1) * g[i];
            v[i] = b2 * v[i] + (1.0f - b2) * g[i] * g[i];
            p[i] -= lr * (m[i] * c1) / (RSQRT(v[i] * c2) + eps);
        }
        break;
    }
    }
}
