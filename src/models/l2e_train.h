// l2e_train.h - training a seq2seq model (seq2seq.h) to "execute" the
// learning-to-execute samples (data/l2e.h) under one of the four curricula
// (data/curriculum.h), with the paper's metric and exact match.
//
//   l2e_train_config cfg = l2e_train_defaults();
//   cfg.task = L2E_ADDITION; cfg.length = 2; cfg.strategy = CUR_COMBINED;
//   l2e_trainer *t;
//   if (l2e_trainer_create(&t, &cfg)) puts(rnn_last_error());
//   l2e_train_stats st;
//   l2e_eval ev;
//   for (int i = 0; i < 20; i++) {
//       l2e_trainer_train(t, 100, &st);              // 100 steps of `batch` samples
//       l2e_trainer_evaluate(t, L2E_SPLIT_VAL, &ev);  // fixed validation set, target level
//       printf("%.3f per char, %.3f exact\n", ev.char_acc, ev.exact);
//   }
//   l2e_trainer_free(t);
//
// One training step: `batch` samples, each at the level cur_draw picks, from
// the training split; teacher-forced loss on the target characters; Adam;
// global-norm clipping. Every `eval_every` steps the curriculum is evaluated
// as in the authors' code: per-character accuracy on `eval_samples` fresh
// validation samples at the current level (l, n) and the training accuracy
// of the steps since the last evaluation go to cur_update.
//
// Reported metrics use fixed sets of `eval_samples` samples at the target
// level (L*, N*), one per split, drawn once from the seed (so every strategy
// with the same seed is scored on the same programs):
//   char_acc  per-character accuracy on the target characters (digits, '-',
//             the final '.') under teacher forcing: the paper's metric;
//   exact     fraction of samples whose greedy decode equals the target.
//
// Symbols: the 42 of l2e_vocab(); the decoder's first input ("go") is '@',
// the end-of-input marker, so the first target character is predicted right
// after the model has read '@' (as in the paper's single network); greedy
// decoding stops at '.'.
//
// The scrambled variant passes every sample (input and target, training and
// evaluation alike) through one substitution of the symbols drawn from the
// seed (data/l2e.h): the same programs, relabelled. A network reading one-hot
// symbols knows nothing of what '+' or '7' mean, so it faces the same task and
// learns it as well (the paper's figure of a scrambled program makes this
// point: this is what the network sees). Predictions of a scrambled model are
// in scrambled symbols; l2e_trainer_predict takes and returns plain text.
//
// Determinism: the same config (seed included) and the same sequence of
// train(steps) totals give the same weights; evaluate/predict never touch the
// training random streams. Nothing is allocated inside a training step.
#ifndef RNN_L2E_TRAIN_H
#define RNN_L2E_TRAIN_H
#include "seq2seq.h"
#include "../data/l2e.h"
#include "../data/curriculum.h"

// limits enforced by l2e_train_check_config (length and nesting: data/l2e.h)
#define L2E_MAX_HIDDEN 1024
#define L2E_MAX_BATCH 512
#define L2E_MAX_LR 1.0f            // learning rate in (0, L2E_MAX_LR]
#define L2E_MAX_CLIP 1e6f          // clip in [0, L2E_MAX_CLIP], 0: none
#define L2E_MAX_EVAL 100000        // eval_every and eval_samples in 1..L2E_MAX_EVAL
// A trainer reads inputs of at least this many characters (l2e_trainer_predict
// of a typed program longer than its level's programs, such as the lecture's
// examples); buffers only: a step costs what its batch's longest input costs.
#define L2E_READ_MIN 160

typedef struct {
    l2e_task task;
    int length, nesting;       // target level (L*, N*); nesting is 1 for addition and copy
    cur_strategy strategy;
    int hidden, batch;         // H, samples per step
    float lr, clip;            // Adam learning rate; global-norm clip (0: none)
    uint32_t seed;             // weights, training data, evaluation sets
    int reverse;               // read the input reversed (Sutskever et al.)
    s2s_context context;       // summary c as the initial state only, or at every step (Cho et al.)
    int scramble;              // pass every sample through one substitution of the symbols
    int eval_every;            // steps between curriculum evaluations
    int eval_samples;          // samples per evaluation (curriculum and the fixed sets)
} l2e_train_config;

typedef struct {
    long step;                 // optimiser steps so far
    long samples;              // training samples seen so far
    double loss;               // mean cross-entropy (nats/char) over this call's steps
    double train_char;         // teacher-forced per-char accuracy over this call's training batches
    double grad_norm;          // before clipping, last step
    int clipped;               // steps of this call where clipping fired
    int finite;                // 0: a NaN/Inf appeared; training stopped, that update not applied
    int length, nesting;       // current curriculum level (l, n) after this call
    int advances;              // level changes so far
    int evals;                 // curriculum evaluations so far
    double level_char;         // last curriculum evaluation: validation per-char accuracy at (l, n); NaN before
} l2e_train_stats;

typedef struct {
    double char_acc;           // per-character accuracy under teacher forcing
    double exact;              // exact match of the greedy decode
    double loss;               // mean cross-entropy (nats/char)
    long chars, samples;
} l2e_eval;

typedef struct l2e_trainer {
    l2e_train_config cfg;
    s2s_model *m;
    cur_state cur;
    rnn_rng data_rng;          // training samples (and their scrambling)
    rnn_rng level_rng;         // curriculum evaluation samples
    l2e_substitution key;      // the run's substitution (used when cfg.scramble)
    int max_in, max_out;       // longest input (at least L2E_READ_MIN) / target at the target level
    l2e_sample *batch;         // [B] scratch samples
    int *in, *in_len;          // [B,max_in], [B]
    int *tgt, *tgt_len;        // [B,max_out], [B]
    int *out, *out_len;        // [B,max_out], [B] greedy decodes
    l2e_sample *sets;          // [3][eval_samples] fixed sets at the target level (train, val, test)
    long run_correct, run_count; // training accuracy since the last curriculum evaluation
    long step, samples;
    int evals;
    double level_char;
} l2e_trainer;

l2e_train_config l2e_train_defaults(void);
rnn_status l2e_train_check_config(const l2e_train_config *cfg);
rnn_status l2e_trainer_create(l2e_trainer **out, const l2e_train_config *cfg);
void l2e_trainer_free(l2e_trainer *t);

// `steps` optimiser steps (0..1000000).
rnn_status l2e_trainer_train(l2e_trainer *t, int steps, l2e_train_stats *st);
// Metrics on the fixed set of a split (L2E_SPLIT_TRAIN, _VAL or _TEST) at the target level.
rnn_status l2e_trainer_evaluate(l2e_trainer *t, l2e_split split, l2e_eval *ev);
// Current status without training (stats of "this call" are zero).
void l2e_trainer_status(const l2e_trainer *t, l2e_train_stats *st);
// Greedy decode of one input (characters of l2e_vocab(), at most max_in):
// writes the NUL-terminated prediction (ending with '.' unless cut off) to out[cap].
// Input and prediction are plain text: a scrambled model reads the input
// through its substitution and its output is mapped back.
rnn_status l2e_trainer_predict(l2e_trainer *t, const char *input, int len, char *out, int cap);
// The same for an input already in the model's symbols (a fixed set's
// scrambled input): no substitution either way.
rnn_status l2e_trainer_predict_raw(l2e_trainer *t, const char *input, int len, char *out, int cap);
// Item i of a fixed set (NULL if out of range); scrambled (input and target) if the config says so.
const l2e_sample *l2e_trainer_example(const l2e_trainer *t, l2e_split split, int i);

// Longest input and target a sample of `task` at (length, nesting) can have.
void l2e_max_lengths(l2e_task task, int length, int nesting, int *max_in, int *max_target);
#endif
