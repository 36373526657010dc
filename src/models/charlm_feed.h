// charlm_feed.h - teacher forcing vs free running on one text (widget
// `teacher-forcing`). Two passes of the char LM over the same text, both
// from a zero state, both scored against the TRUE next character:
//   teacher forcing: the input at every step i is the true character tok[i]
//                    (what training does);
//   free running:    the input is the true character for i < let_go, then the
//                    model's own previous sample (what generation does).
// loss_tf[i], loss_fr[i] = -log p_i(tok[i+1]) in nats, i = 0..n-2.
// gen[i] = the free-running pass's sample at step i: its guess for position i+1
// (fed back as the input of step i+1 once i+1 >= let_go).
// own[i] = -log p_i(gen[i]) (temperature 1): how likely the free-running model
// finds its own continuation. Once it has drifted it is writing another text,
// so loss_fr (scored on the original) is no measure of "wrong"; own is the
// model's log-likelihood of what it generated, comparable with loss_tf (its
// log-likelihood of the true text).
#ifndef RNN_CHARLM_FEED_H
#define RNN_CHARLM_FEED_H
#include "charlm.h"

typedef struct {
    int let_go;          // in [1, n-1]: the first step fed the model's own sample
    int greedy;          // 1: the sample is the argmax; 0: drawn at `temperature`
    float temperature;   // > 0 when sampling
    uint32_t seed;
} rnn_feed_opts;

typedef struct {
    double mean_tf, mean_fr; // mean loss (nats) over steps let_go..n-2 (NaN if none)
    double mean_own;         // mean of own over the same steps
    long drift;              // first step >= let_go whose free-running input is not the true
                             // character, or -1 (the two inputs never differ)
} rnn_feed_summary;

// tok: n vocabulary indices (n >= 2); loss_tf, loss_fr, gen: n-1 entries each.
rnn_status rnn_charlm_feed(const rnn_charlm *m, const int *tok, long n, const rnn_feed_opts *o, float *loss_tf,
                           float *loss_fr, int *gen, float *own, rnn_feed_summary *sum);
#endif
