// seq2seq.h - a vanilla-RNN encoder-decoder (Sutskever, Vinyals & Le 2014;
// Cho et al. 2014) over token sequences: the encoder reads the input, its last
// hidden state is the summary c, the decoder starts from c and predicts the
// target one token at a time. Separate weights for the two halves.
// V vocab (input and output symbols), H hidden, B batch, Te encoder steps,
// Td decoder steps (= target length), I decoder input size (V or V+H).
//
//   s2s_config cfg = s2s_defaults(42);         // H=128, Adam 2e-3, clip 5
//   cfg.max_in = 64; cfg.max_out = 8; cfg.go = go_id; cfg.end = end_id;
//   s2s_model *m;
//   if (s2s_create(&m, &cfg)) puts(rnn_last_error());
//   // B sequences, batch-major [B, stride] token ids with their lengths
//   s2s_set_batch(m, B, in, in_len, in_stride, tgt, tgt_len, tgt_stride);
//   s2s_step_stats st;
//   s2s_train_step(m, &st);                    // teacher forcing, one Adam step
//   s2s_decode(m, out, out_len, out_stride);   // greedy, on the same inputs
//   s2s_free(m);
//
// Equations (row vectors, as in rnn_layer.h; lecture: U x_t + W h_{t-1} + b):
//   encoder   h_t = tanh(x_t eU + h_{t-1} eW + eb),  h_{-1} = 0,  t = 0..n-1
//             c   = h_{n-1}                 (the sequence's own last step)
//   decoder   s_{-1} = c
//     init:   s_t = tanh(y_{t-1} dU + s_{t-1} dW + db)
//     every:  s_t = tanh([y_{t-1} ; c] dU + s_{t-1} dW + db)   (Cho et al.)
//             logits_t = s_t Wy + by,  p_t = softmax(logits_t)
//   y_{-1} is the `go` token; teacher forcing feeds the true y_{t-1} while
//   training and evaluating, greedy decoding feeds back its own argmax.
//   Loss: mean cross-entropy over the target tokens of the batch.
//
// Reversal (Sutskever et al.): the encoder reads x_{n-2} .. x_0 and then
// x_{n-1}, i.e. the input reversed except its last token, which is the
// end-of-input marker in every task here ('@'), so that the marker still
// closes the sequence. The target is never reversed.
//
// Variable lengths in a batch: inputs are padded at the end and the summary
// is taken at each sequence's own last step, so padding steps get zero
// gradient; targets are padded with -1 (ignored by the loss and the metrics).
// Nothing is allocated after s2s_create.
#ifndef RNN_SEQ2SEQ_H
#define RNN_SEQ2SEQ_H
#include <stdint.h>
#include "../kernels/kernels.h"
#include "../nn/optim.h"
#include "../rng.h"
#include "../status.h"

#define S2S_MAX_VOCAB 256
#define S2S_MAX_HIDDEN 2048
#define S2S_MAX_BATCH 1024
#define S2S_MAX_STEPS 4096

typedef enum { S2S_CONTEXT_INIT = 0, S2S_CONTEXT_EVERY = 1 } s2s_context;

typedef struct {
    int vocab;            // V: token ids 0..V-1 (input and output)
    int hidden;           // H
    int batch;            // most sequences in one batch
    int max_in, max_out;  // longest input (encoder steps) and target (decoder steps)
    int go;               // token fed to the decoder at its first step
    int end;              // token that ends a greedy decode (-1: decode max_out tokens)
    int reverse;          // 1: the encoder reads the input reversed (except its last token)
    s2s_context context;  // c as the decoder's initial state only, or also at every step
    rnn_act act;          // the cells' nonlinearity (tanh)
    rnn_optim optim;
    float clip;           // max global gradient norm; 0: no clipping
    uint32_t seed;        // weight initialisation
} s2s_config;

// Pointers into one parameter block (or the matching gradient block), in this order.
typedef struct {
    real *eU;  // [V,H] encoder input-to-hidden (row v = U x for one-hot x = v)
    real *eW;  // [H,H] encoder hidden-to-hidden
    real *eb;  // [H]
    real *dU;  // [I,H] decoder input-to-hidden, I = V (init) or V+H (every: rows V.. take c)
    real *dW;  // [H,H] decoder hidden-to-hidden
    real *db;  // [H]
    real *Wy;  // [H,V] decoder hidden-to-output: the lecture's V
    real *by;  // [V]
} s2s_tensors;
#define S2S_NTENSORS 8

typedef struct {
    double loss;      // mean cross-entropy (nats) over the batch's target tokens
    int correct;      // target tokens whose argmax (teacher forced) was right
    int count;        // target tokens scored
    double grad_norm; // global norm before clipping
    int clipped;      // 1 if clipping fired
    int finite;       // 0: NaN/Inf appeared, no update was applied
} s2s_step_stats;

typedef struct s2s_model {
    s2s_config cfg;
    int V, H, I, Bmax, Te_max, Td_max;
    long nparams;
    real *mem;                       // one allocation: params | grads | m | v
    real *params, *grads, *opt_m, *opt_v;
    s2s_tensors p, g;
    long step;                       // optimiser steps taken
    // the current batch (time-major, packed with stride B)
    int B, Te, Td;                   // sequences, longest input, longest target
    int *enc_tok;                    // [Te_max,B] encoder tokens (reversed if asked; padding 0)
    int *in_len;                     // [Bmax]
    int *dec_tok;                    // [Td_max,B] decoder inputs: go, y_0, y_1, ...
    int *tgt;                        // [Td_max,B] targets, -1 = padding
    int *tgt_len;                    // [Bmax] (0 when the batch has no targets)
    int *pred;                       // [Td_max,B] greedy tokens
    int has_targets, forward_done;
    // activations (one allocation)
    real *acts;
    real *enc_h;                     // [(Te_max+1),B,H] h[0] = 0, h[t+1] = encoder output at step t
    real *enc_dh;                    // [Te_max,B,H]
    real *dec_h;                     // [(Td_max+1),B,H] h[0] = c
    real *dec_dh;                    // [Td_max,B,H]
    real *dec_x;                     // [Td_max,B,I] dense decoder input (context every)
    real *dec_dx;                    // [Td_max,B,I]
    real *logits;                    // [Td_max,B,V] (probabilities after the loss)
    real *dlogits;                   // [Td_max,B,V]
    real *c, *dc;                    // [B,H] summary and its gradient
    real *dh_next;                   // [B,H] BPTT scratch
    real *transpose_buf;             // [H*max(H,I,V)] transposed-weight scratch
} s2s_model;

s2s_config s2s_defaults(int vocab);
rnn_status s2s_check_config(const s2s_config *cfg);
// Allocates everything and initialises weights uniform in [-1/sqrt(H), 1/sqrt(H)]
// (PyTorch's nn.RNN scheme; biases 0) from cfg->seed.
rnn_status s2s_create(s2s_model **out, const s2s_config *cfg);
void s2s_free(s2s_model *m);

// Loads a batch of B sequences. in[b*in_stride + i], i < in_len[b] (1..max_in);
// tgt likewise with tgt_len[b] in 1..max_out, or tgt = NULL for decoding only.
// Tokens must be in 0..V-1. The model copies (and, if asked, reverses) them.
rnn_status s2s_set_batch(s2s_model *m, int B, const int *in, const int *in_len, int in_stride, const int *tgt,
                         const int *tgt_len, int tgt_stride);

// Teacher-forced forward pass on the current batch: mean loss and per-token
// accuracy (argmax == target over non-padding targets). Keeps what backward needs.
rnn_status s2s_forward(s2s_model *m, double *loss, int *correct, int *count);
// Gradients of the last forward's mean loss into m->grads (zeroed first, not clipped).
rnn_status s2s_backward(s2s_model *m);
// forward + backward + clipping + optimiser update. On a non-finite loss or
// gradient nothing is updated and st->finite = 0 (still RNN_OK).
rnn_status s2s_train_step(s2s_model *m, s2s_step_stats *st);
// Greedy decoding of the current batch's inputs: out[b*out_stride + t] for
// t < out_len[b]; a sequence stops after emitting `end` (kept in the output)
// or after max_out tokens. out_stride >= max_out.
rnn_status s2s_decode(s2s_model *m, int *out, int *out_len, int out_stride);

// The tensors in s2s_tensors order: names ("enc.U", ...), pointers into the
// parameter (grads = 0) or gradient (grads = 1) block, and element counts.
int s2s_tensor_list(s2s_model *m, int grads, const char **names, real **ptrs, long *sizes);
#endif
