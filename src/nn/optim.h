// optim.h - first-order optimisers over one flat parameter block.
// State m[n] and v[n] live beside the parameters (saved in the model file
// so training resumes exactly). t is the 1-based step number (Adam's bias
// correction).
//   sgd:      p -= lr g
//   momentum: m = mu m + g;              p -= lr m
//   adagrad:  v += g^2;                  p -= lr g / (sqrt(v) + eps)
//   rmsprop:  v = rho v + (1-rho) g^2;   p -= lr g / (sqrt(v) + eps)
//   adam:     m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
//             p -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)
#ifndef RNN_OPTIM_H
#define RNN_OPTIM_H
#include "../kernels/kernels.h"
typedef enum { OPT_SGD = 0, OPT_MOMENTUM = 1, OPT_ADAGRAD = 2, OPT_RMSPROP = 3, OPT_ADAM = 4 } rnn_optim_kind;

typedef struct {
    rnn_optim_kind kind;
    real lr;
    real beta1;  // adam b1; momentum mu
    real beta2;  // adam b2; rmsprop rho
    real eps;
} rnn_optim;

rnn_optim optim_default(rnn_optim_kind kind, real lr); // the usual constants for each kind
void optim_step(const rnn_optim *o, real *p, const real *g, real *m, real *v, long n, long t);
int optim_parse(const char *name);      // "sgd".."adam" -> kind, -1 if unknown
const char *optim_name(rnn_optim_kind k);
#endif
