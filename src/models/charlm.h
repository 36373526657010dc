// charlm.h - a character-level language model: one vanilla RNN layer and a
// linear softmax output, trained with truncated BPTT on B contiguous streams.
// V vocab, H hidden, B streams (batch), T steps per chunk.
//
//   rnn_charlm_config cfg = rnn_charlm_defaults();
//   cfg.hidden = 128;
//   rnn_charlm *m;
//   if (rnn_charlm_create(&m, &cfg, text, len)) puts(rnn_last_error());
//   rnn_train_stats st;
//   rnn_charlm_train(m, 100, &st);              // 100 optimiser steps
//   printf("%.3f bits/char\n", st.loss / log(2));
//   rnn_sample_opts sopt = { .prime = "", .length = 200, .temperature = 0.8f, .seed = 1 };
//   char out[1024]; long n;
//   rnn_charlm_sample(m, &sopt, out, sizeof out, &n, NULL, NULL);  // n bytes of UTF-8
//   rnn_charlm_free(m);
#ifndef RNN_CHARLM_H
#define RNN_CHARLM_H
#include <stdint.h>
#include "../kernels/kernels.h"
#include "../nn/optim.h"
#include "../nn/clip.h"
#include "../data/vocab.h"
#include "../rng.h"
#include "../status.h"

// limits enforced at create and load (a model file past them is "absurd")
#define RNN_MAX_HIDDEN 2048
#define RNN_MAX_BATCH 1024
#define RNN_MAX_SEQ 4096
#define RNN_MAX_LR 100.0f          // learning rate in (0, RNN_MAX_LR]
#define RNN_MAX_CLIP 1e30f         // clip threshold in (0, RNN_MAX_CLIP) when clipping is on
#define RNN_MAX_VAL_FRACTION 0.5f  // validation fraction in [0, RNN_MAX_VAL_FRACTION]
#define RNN_MAX_SAMPLE 1000000     // characters per sample call
#define RNN_MAX_TEMPERATURE 100.0f // sampling temperature in (0, RNN_MAX_TEMPERATURE]
#define RNN_MAX_TOPK 16            // top-k distribution recorded per sampled character
#define RNN_MAX_STEP 2147483647L  // the step counter's limit (the model file refuses more)

typedef struct {
    int hidden, seq, batch;   // H, T, B (defaults 160, 64, 32)
    rnn_act act;
    rnn_optim optim;
    rnn_clip_mode clip_mode;
    float clip;               // max global norm (CLIP_NORM) or max |g| (CLIP_VALUE)
    float val_fraction;       // held-out tail of the text, in [0, 0.5]
    int vocab_cap;
    uint32_t seed;
} rnn_charlm_config;

typedef struct {
    long step;        // optimiser steps done in total
    double loss;      // mean cross-entropy (nats/char) over the steps of this call
    double grad_norm; // global gradient norm before clipping, last step
    int clipped;      // steps of this call where clipping fired
    int64_t chars;    // characters predicted in this call (B*T*steps passes 2^31 on wasm32)
    int finite;       // 0: a NaN/Inf appeared; that step's update was not applied
} rnn_train_stats;

// Parameter block layout: every tensor is a pointer into one array of
// n floats, so save/load/transfer is one copy.
typedef struct {
    float *U;   // [V,H] input-to-hidden (row v = U x for one-hot x = v)
    float *W;   // [H,H] hidden-to-hidden
    float *b;   // [H]
    float *Wy;  // [H,V] hidden-to-output: the lecture's V (V is the vocabulary size here)
    float *by;  // [V]
} rnn_charlm_tensors;

typedef struct rnn_charlm {
    rnn_charlm_config cfg;
    rnn_vocab vocab;
    int V, H, B, T;
    long nparams;
    float *mem;                      // one allocation: params | grads | m | v
    float *params, *grads, *opt_m, *opt_v;
    rnn_charlm_tensors p, g;
    long step;
    // data (absent for a model loaded without text: sampling only)
    int *tokens;                     // [n_train + n_val], or a replica's own streams (below)
    long n_train, n_val;
    // a replica that holds only its own streams (rnn_charlm_set_stream_tokens):
    // tokens[0] is token tok_first of the training text; 0 otherwise
    long tok_first;
    int slice_workers, slice_shard;  // the (workers, shard) those streams are for; 0: the whole text
    uint32_t text_hash;              // FNV-1a of the text the model was trained on
    double unigram_bits;             // entropy of the training text's char distribution
    long *pos;                       // [B] stream cursors, relative to stream start
    long *pos_next;                  // [B] cursors a step commits if it succeeds
    float *h_carry;                  // [B,H] hidden state carried across chunks
    // data-parallel training (charlm_replica.h): this model is replica `shard`
    // of `workers`; the text is cut into workers*B streams and this replica
    // reads streams shard*B .. shard*B+B-1. workers = 1, shard = 0: the whole batch.
    int workers, shard;
    long *pos_all;                   // [workers*B] every replica's cursors (workers > 1), for the file
    float *carry_all;                // [workers*B,H] every replica's carried state (workers > 1)
    long *slice_step;                // [workers] the step at which each replica's slice was gathered
    double step_loss;                // mean loss of the step being assembled from the replicas' gradients
    // activations of one training step
    float *acts;                     // one allocation for all below
    float *hs;                       // [(T+1),B,H]
    float *logits;                   // [T,B,V] (probabilities after the loss)
    float *dlogits;                  // [T,B,V]
    float *dhs;                      // [T,B,H]
    float *dh_next;                  // [B,H]
    float *transpose_buf;            // [H*max(H,V)] transposed-weight scratch
    int *x, *y;                      // [T,B] inputs and targets
} rnn_charlm;

typedef struct {
    const char *prime; long prime_len;   // UTF-8, may be empty
    int length;                          // characters to generate
    float temperature;                   // > 0
    uint32_t seed;
    int greedy;                          // argmax instead of sampling
    int topk;                            // 0..16: top-k distribution recorded per char
} rnn_sample_opts;

rnn_charlm_config rnn_charlm_defaults(void);
rnn_status rnn_charlm_create(rnn_charlm **out, const rnn_charlm_config *cfg, const char *text, long len);
// Attach (new or the same) text to a model that has a vocabulary and weights:
// used after load/import to continue training. Fails if the text has characters
// outside the vocabulary and the vocabulary has no unknown symbol.
rnn_status rnn_charlm_set_text(rnn_charlm *m, const char *text, long len, int reset_streams);
rnn_status rnn_charlm_train(rnn_charlm *m, int steps, rnn_train_stats *st);
// The optimiser's learning rate from the next step on (a schedule: `rnn train
// --decay`); in (0, RNN_MAX_LR]. Every replica of a team takes the same value.
rnn_status rnn_charlm_set_lr(rnn_charlm *m, float lr);
// Loss (mean nats) and unclipped gradients (in m->grads) of the next chunk,
// without an update or advancing the streams; m->x, m->y hold the chunk.
rnn_status rnn_charlm_gradients(rnn_charlm *m, double *loss);
// Mean bits per char over the validation split, read as up to B streams from
// a zero state. *bpc = NaN when there is no validation split.
rnn_status rnn_charlm_validate(rnn_charlm *m, double *bpc);
// Bits per char over a whole text as one stream from a zero state.
rnn_status rnn_charlm_eval_text(rnn_charlm *m, const char *text, long len, double *bpc, long *chars);
// Writes UTF-8 into out (NUL-terminated), returns bytes in *out_len. If
// top_idx/top_p are not NULL they receive length*topk entries.
rnn_status rnn_charlm_sample(rnn_charlm *m, const rnn_sample_opts *o, char *out, long cap, long *out_len,
                             int *top_idx, float *top_p);
void rnn_charlm_free(rnn_charlm *m);

// internal, shared with io/: allocate a model with the given config and
// vocabulary (takes ownership of vocab), parameters zeroed
rnn_status rnn_charlm_alloc(rnn_charlm **out, const rnn_charlm_config *cfg, rnn_vocab *vocab);
rnn_status rnn_charlm_check_config(const rnn_charlm_config *cfg);
// internal, shared with charlm_replica.c: one step in two halves. Forward and
// backward on the next chunk (grads filled, mean loss in nats returned,
// nothing committed); then clip, and if finite apply the optimiser and commit
// the streams (returns 1; 0: nothing changed).
double rnn_charlm_forward_backward(rnn_charlm *m);
int rnn_charlm_update(rnn_charlm *m, double loss, double *norm, int *clipped);
// Cursors to 0 and carried state to 0, for every stream (every replica's too).
void rnn_charlm_reset_streams(rnn_charlm *m);
// Every kept cursor (all replicas' when workers > 1) inside its stream of L characters.
rnn_status rnn_charlm_check_cursors(const rnn_charlm *m, long L);
uint32_t rnn_fnv1a(const void *data, long len, uint32_t h);
#endif
