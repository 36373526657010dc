// curriculum.h - the four curriculum strategies of "Learning to Execute":
// which (length, nesting) level each training sample is drawn at.
//
//   cur_state cur;
//   cur_init(&cur, CUR_COMBINED, 6, 3);            // target level L*=6, N*=3
//   for (;;) {
//       int L, N;
//       cur_draw(&cur, &rng, &L, &N);             // per training sample
//       l2e_generate(&s, L2E_PROGRAM, L, N, L2E_SPLIT_TRAIN, &rng);
//       ... train; every so often evaluate ...
//       // validation samples are drawn at the current level (cur.length, cur.nesting),
//       // test samples at the target level, as in the authors' code
//       if (cur_update(&cur, val_acc, train_acc)) { ... level went up ... }
//   }
//
// Strategies (target level (L*, N*), current level (l, n) starting at (1, 1)):
//   baseline  every sample at (L*, N*).
//   naive     every sample at (l, n).
//   mix       l uniform in [1, L*] and n uniform in [1, N*], independently.
//   combined  a mix sample with probability 1/5, else a naive sample at (l, n)
//             (the authors' code calls it "blend").
// The current level moves the same way for every strategy (cur_update), as in
// the authors' code, because validation uses it; baseline and mix draws just
// ignore it. Advancing: l += 1 until l = L*, then l = 1 and n += 1, until
// (L*, N*). It advances when validation accuracy is above `threshold`
// (strictly, as the authors' "acc > 0.95"), or when training accuracy has not
// beaten its best for `patience` evaluations in a row at this level.
// Pure state: no globals, all randomness from the caller's rng.
#ifndef RNN_CURRICULUM_H
#define RNN_CURRICULUM_H
#include "../rng.h"
#include "../status.h"

typedef enum { CUR_BASELINE = 0, CUR_NAIVE = 1, CUR_MIX = 2, CUR_COMBINED = 3 } cur_strategy;

#define CUR_MAX_LEVEL 64         // upper bound for target_length and target_nesting
#define CUR_THRESHOLD 0.95f      // authors' target accuracy
#define CUR_PATIENCE 5           // evaluations without a new best training accuracy
#define CUR_MIX_ONE_IN 5         // combined: one sample in 5 is a mix sample

typedef struct {
    cur_strategy strategy;
    int target_length, target_nesting; // (L*, N*), each in 1..CUR_MAX_LEVEL
    int length, nesting;               // current level (l, n), starts at (1, 1)
    float threshold;                   // advance when val_acc > threshold (default 0.95)
    int patience;                      // advance after this many evaluations without a new best (default 5)
    float best_train_acc;              // best training accuracy at this level (-1: none yet)
    int since_best;                    // evaluations since best_train_acc last improved
    int advances;                      // how many times the level went up
    // How many times the advance criterion fired at the target level, where
    // there is nowhere to go (the authors then decay the learning rate x0.8).
    int stalls_at_target;
} cur_state;

// Sets *c to strategy s with target (target_length, target_nesting), level (1, 1),
// threshold 0.95 and patience 5 (both may be changed afterwards).
// RNN_E_ARG for a NULL c, an unknown strategy or a target outside 1..CUR_MAX_LEVEL.
rnn_status cur_init(cur_state *c, cur_strategy s, int target_length, int target_nesting);

// The level for one training sample. Uses rng only for mix and combined (with
// a NULL rng they fall back to the current level rather than crash).
void cur_draw(const cur_state *c, rnn_rng *rng, int *length, int *nesting);

// After an evaluation (accuracies in [0, 1]); returns 1 if the level advanced
// (best_train_acc and since_best restart for the new level), else 0.
int cur_update(cur_state *c, float val_acc, float train_acc);

// 1 when the current level is the target level.
int cur_at_target(const cur_state *c);

// "baseline" | "naive" | "mix" | "combined" and back (-1 if unknown or NULL).
const char *cur_name(cur_strategy s);
int cur_parse(const char *name);
#endif
