// seqnet.h - the general sequence model: one vanilla RNN layer and one output
// head, for every small example of the lecture (hand-wired sum and comparison
// networks, sentiment many-to-one, aligned many-to-many taggers, one-to-many
// generators, the BPTT views). Weights can be set by hand or trained.
// B batch, T time steps, I input width, H hidden, O output width.
//
//   seqnet_config c = seqnet_defaults();        // I=1 H=1 O=1, linear, linear+MSE
//   seqnet *m;
//   if (seqnet_create(&m, &c)) puts(rnn_last_error());
//   real one = 1;                                // the lecture's sum RNN: U = W = V = 1
//   seqnet_set_tensor(m, SEQ_U, &one, 0); seqnet_set_tensor(m, SEQ_W, &one, 0); seqnet_set_tensor(m, SEQ_V, &one, 0);
//   real x[4] = {2, -0.5, 1, 1}, h[1], y[1];
//   seqnet_reset(m, 1, NULL);
//   for (int t = 0; t < 4; t++) seqnet_step(m, &x[t], NULL, h, y);   // h = 2, 1.5, 2.5, 3.5
//   seqnet_batch b = {.B = 1, .T = 4, .x = x, .y = target};           // mask NULL: loss at every step
//   seqnet_set_batch(m, &b); seqnet_stats st; seqnet_train_step(m, &st);
//   seqnet_free(m);
//
// Equations (lecture, column vectors; t = 1..T, h_0 the initial state):
//   h_t = g(U x_t + W h_{t-1} + b)            g in {tanh, relu, linear}
//   z_t = V h_t + c
//   y_t = f(z_t)                               f: identity, tanh, sigmoid or softmax (the head)
//   L   = sum over scored steps of mask_t L_t(y_t, target_t), divided by the
//         number of scored steps (mean) or by B (sum over time, the lecture's L = sum_t L_t)
// The engine stores row vectors (see nn/rnn_layer.h): a_t = x_t U + h_{t-1} W + b with
// U [I,H], W [H,H], V [H,O]: the engine's U, W, V are the TRANSPOSES of the lecture's
// U [H,I], W [H,H], V [O,H]. seqnet_set_tensor/get_tensor take either layout.
//
// Inputs: dense (x_t a real vector of I floats) or one-hot (x_t = e_k for a token
// k < I; token -1 = the zero vector, "no input"). One-hot inputs are expanded to
// dense vectors internally (the widgets' I is small).
// Architectures through the loss mask: mask only at each sequence's last step =
// many-to-one; every step = aligned many-to-many; ragged lengths = the mask ends
// at each sequence's own last step (steps after it get no loss, so they get no
// gradient and change nothing). One-to-many is implemented two ways: for
// training, the input at step 1 only (zero vectors, or token -1, after it); for
// generation, seqnet_generate feeds the model's own previous output back as
// the next input (free running; dense y_{t-1}, or one-hot argmax y_{t-1}).
// Nothing is allocated after seqnet_create.
#ifndef RNN_SEQNET_H
#define RNN_SEQNET_H
#include <stdint.h>
#include "../kernels/kernels.h"
#include "../nn/clip.h"
#include "../nn/optim.h"
#include "../nn/spectral.h"
#include "../status.h"

#define SEQ_MAX_INPUT 4096
#define SEQ_MAX_HIDDEN 1024
#define SEQ_MAX_OUTPUT 4096
#define SEQ_MAX_BATCH 4096
#define SEQ_MAX_STEPS 4096
#define SEQ_MAX_CELLS (32L << 20)   // T*B*(I + 3H + 5O) activations, 128 MB of floats
#define SEQ_MAX_INIT_SCALE 100.0f

typedef enum { SEQ_INPUT_DENSE = 0, SEQ_INPUT_ONEHOT = 1 } seq_input_kind;
// The output head f and its loss.
typedef enum {
    SEQ_HEAD_LINEAR_MSE = 0,   // y = z, sum_o (y - t)^2
    SEQ_HEAD_TANH_MSE = 1,     // y = tanh(z), sum_o (y - t)^2 (the lecture's sentiment y = +-1)
    SEQ_HEAD_SIGMOID_BCE = 2,  // y = sigmoid(z), logistic loss, targets in [0,1]
    SEQ_HEAD_SOFTMAX_XENT = 3  // y = softmax(z), cross-entropy, targets are class ids
} seq_head;
typedef enum { SEQ_U = 0, SEQ_W = 1, SEQ_B = 2, SEQ_V = 3, SEQ_C = 4, SEQ_NTENSORS = 5 } seq_tensor;

typedef struct {
    int input;                 // I
    seq_input_kind input_kind;
    int hidden;                // H
    int output;                // O
    rnn_act act;               // g
    seq_head head;             // f and the loss
    int batch, steps;          // the largest B and T a batch may have (buffers are sized for them)
    rnn_optim optim;
    rnn_clip_mode clip_mode;
    float clip;                // max global norm (CLIP_NORM) or max |g| (CLIP_VALUE)
    uint32_t seed;             // weight initialisation
    float init_scale;          // U, W, V uniform in [-s/sqrt(H), s/sqrt(H)]; b = c = 0
    int sum_over_time;         // 0: mean over scored steps; 1: sum over time, mean over the batch
} seqnet_config;

// A batch, batch-major as callers hold it. Exactly one of x / tokens (by the
// input kind); targets y (heads 0-2) or cls (softmax), or neither to run only.
typedef struct {
    int B, T;
    const real *x;      // [B,T,I] dense inputs
    const int *tokens;  // [B,T] one-hot inputs, -1 = no input
    const real *y;      // [B,T,O] targets (ignored where mask = 0)
    const int *cls;     // [B,T] class ids in [0,O) (ignored where mask = 0)
    const real *mask;   // [B,T] loss weights >= 0 (0: no output at that step); NULL: every step
    const real *h0;     // [B,H] initial state; NULL: zeros
} seqnet_batch;

typedef struct {
    double loss;        // the loss of the batch (see L above)
    double grad_norm;   // global gradient norm before clipping
    double grad_norm_after; // after clipping
    int clipped;        // 1 if clipping changed the gradient
    int finite;         // 0: NaN/Inf appeared, no update was applied
    long step;          // optimiser steps taken so far
} seqnet_stats;

typedef struct {
    double loss;
    int correct, count;         // scored steps right / scored (mask > 0)
    int seq_correct, seq_count; // sequences whose every scored step is right / with a scored step
} seqnet_eval;

typedef struct seqnet {
    seqnet_config cfg;
    int I, H, O, Bmax, Tmax;
    long nparams;
    real *mem;                      // one allocation: params | grads | m | v | activations
    real *params, *grads, *opt_m, *opt_v;
    real *p[SEQ_NTENSORS];          // U [I,H], W [H,H], b [H], V [H,O], c [O] in params
    real *g[SEQ_NTENSORS];          // the same in grads
    long step;
    // the current batch, time-major
    int B, T, has_targets, forward_done, backward_done;
    real *x;                        // [Tmax,Bmax,I]
    real *h;                        // [(Tmax+1),Bmax,H]; h[0] = h_0
    real *z;                        // [Tmax,Bmax,O] head inputs (logits)
    real *yo;                       // [Tmax,Bmax,O] head outputs y_t
    real *ty;                       // [Tmax,Bmax,O] real targets
    int *cls;                       // [Tmax*Bmax] class targets (-1 where not scored)
    real *mask;                     // [Tmax*Bmax]
    real *dz;                       // [Tmax,Bmax,O]
    real *dh;                       // [Tmax,Bmax,H] dL/dh_t from above, then dL/da_t after BPTT
    real *dh_out;                   // [Tmax,Bmax,H] copy of dL/dh_t from the head only
    real *dh_next;                  // [Bmax,H]
    real *wt;                       // [H*max(H,I,O)] transposed-weight scratch
    double *dh_norm;                // [Tmax] ||dL/dh_t|| (total, through later steps too)
    double *dW_norm;                // [Tmax] ||dL/dW_t||, the step-t term of dL/dW
    // stepping state
    int Bs;                         // sequences being stepped
    real *hs, *xs, *as, *zs;        // [Bmax,H] [Bmax,I] [Bmax,H] [Bmax,O]
} seqnet;

seqnet_config seqnet_defaults(void);
rnn_status seqnet_check_config(const seqnet_config *c);
// Allocates everything; weights from cfg->seed and cfg->init_scale.
rnn_status seqnet_create(seqnet **out, const seqnet_config *c);
void seqnet_free(seqnet *m);

// Changes the learning rate and clipping between training steps (the optimiser
// kind and its state stay); validated like seqnet_check_config.
rnn_status seqnet_set_training(seqnet *m, float lr, rnn_clip_mode clip_mode, float clip);

// Rows and columns of a tensor in the engine layout (U [I,H], W [H,H], b [1,H], V [H,O], c [1,O]).
void seqnet_tensor_shape(const seqnet *m, seq_tensor t, int *rows, int *cols);
// lecture = 0: data in the engine layout; 1: the lecture's (transposed: U [H,I], W [H,H], V [O,H]).
// Setting refuses NaN/Inf.
rnn_status seqnet_set_tensor(seqnet *m, seq_tensor t, const real *data, int lecture);
rnn_status seqnet_get_tensor(const seqnet *m, seq_tensor t, real *out, int lecture, int grads);

// Stepping: B sequences (1..batch) start from h0 [B,H] (NULL: zeros).
rnn_status seqnet_reset(seqnet *m, int B, const real *h0);
// One step: x [B,I] (dense) or tokens [B] (one-hot, -1 = none); writes h_t [B,H], y_t [B,O] (either may be NULL).
rnn_status seqnet_step(seqnet *m, const real *x, const int *tokens, real *h, real *y);
// Free running from the stepping state: step with the given first input, then
// T-1 steps each fed the previous output (dense: y itself, needs I = O;
// one-hot: its argmax, needs I = O). h [T,B,H], y [T,B,O], tok [T,B] (argmax
// of each y_t) are written when not NULL.
rnn_status seqnet_generate(seqnet *m, int T, const real *x0, const int *tok0, real *h, real *y, int *tok);

// Copies and validates a batch into the model (time-major).
rnn_status seqnet_set_batch(seqnet *m, const seqnet_batch *b);
// Forward over the whole batch: every h_t and y_t; the loss if it has targets.
rnn_status seqnet_forward(seqnet *m, double *loss);
// Gradients of the last forward's loss into m->grads (zeroed first, unclipped),
// and the per-step diagnostics dh_norm, dW_norm.
rnn_status seqnet_backward(seqnet *m);
// forward + backward + clipping + optimiser update on the current batch. On a
// non-finite loss or gradient nothing is updated and st->finite = 0 (still RNN_OK).
rnn_status seqnet_train_step(seqnet *m, seqnet_stats *st);
// Loss and accuracy of the current batch (no gradients). A scored step is right
// when: softmax argmax = class; tanh sign(y) = sign(t); sigmoid (y > 0.5) = (t > 0.5);
// linear |y - t| < 0.5; every output of the step must be right.
rnn_status seqnet_evaluate(seqnet *m, seqnet_eval *ev);
// Copies of the last forward, batch-major: h_1..h_T [B,T,H], y_1..y_T [B,T,O].
rnn_status seqnet_read_hidden(const seqnet *m, real *out);
rnn_status seqnet_read_output(const seqnet *m, real *out);
// The step-t term of dL/dW (t = 0..T-1 is the lecture's step t+1):
// h_{t-1}^T da_t [H,H] in the chosen layout; the T terms sum to dL/dW (before clipping).
rnn_status seqnet_step_dW(const seqnet *m, int t, real *out, int lecture);

// Central differences on the current batch for every parameter tensor vs the
// backward pass: rel[k] = ||a - n|| / max(||a|| + ||n||, 1e-30) over the checked
// elements of tensor k, maxabs[k] = max |a - n|. At most max_elems elements per
// tensor (evenly spaced; all if it has fewer). Leaves the weights unchanged.
rnn_status seqnet_gradcheck(seqnet *m, double eps, int max_elems, double rel[SEQ_NTENSORS], double maxabs[SEQ_NTENSORS]);

// y = f(z) for n rows of O (shared by the forward pass and stepping).
void seqnet_head_forward(seq_head head, real *y, real *z, long n, int O);

#define SEQ_MAX_RADIUS_N RNN_MAX_RADIUS_N // rnn_spectral_radius (nn/spectral.h)
// Multiplies W by r / rho(W); *before = rho(W) before. RNN_E_STATE if rho(W) = 0.
rnn_status seqnet_scale_radius(seqnet *m, double r, double *before);
#endif
