// charlm_replica.h - synchronous data-parallel training of the char LM.
//
// N replicas of one model (same weights, same optimiser state) each read B of
// the text's N*B streams. Every step: each replica computes the gradient of
// its chunk, scaled so that the N gradients SUM to the gradient of the mean
// loss over all N*B*T predictions (the gradient one model with N*B streams
// would compute); one replica (the leader) adds the others' gradients to its
// own in a fixed order, 1, 2, ..., N-1; every replica takes that same sum and
// applies the same clip and optimiser update, so the replicas stay identical
// and a run is deterministic for a given N and seed. The messages between
// replicas (Web Workers, worker_threads) are the caller's: js/data-parallel.js.
//
//   leader (shard 0)                          replica k (1..N-1)
//   rnn_charlm_set_workers(m, N, 0, &r)       load the leader's file, set_text, set_workers(m, N, k, &r)
//   rnn_charlm_replica_gradients(m, &loss)    rnn_charlm_replica_gradients(m, &loss) -> send grads, loss
//   rnn_charlm_replica_add(m, g_k, loss_k)    (for k = 1..N-1, in order)
//   send m->grads to every replica            rnn_charlm_replica_set(m, sum, loss)
//   rnn_charlm_replica_apply(m, &st)          rnn_charlm_replica_apply(m, &st)
//
// The model file of a run with N > 1 workers records N and all N*B streams'
// cursors and carried states (format version 2): before saving, the leader
// gathers each replica's streams (rnn_charlm_put_slice); the save refuses a
// slice older than the current step, so a file always continues exactly.
// With N = 1 nothing of this is used and training is rnn_charlm_train's.
#ifndef RNN_CHARLM_REPLICA_H
#define RNN_CHARLM_REPLICA_H
#include "charlm.h"

#define RNN_MAX_WORKERS 64

// Makes m replica `shard` of `workers` (needs its text). Same number of
// workers as the model's (a file saved by a run with that many): the replica
// takes its streams from the file's. Another number: every stream restarts at
// the beginning of its part of the text with a zero state, *restarted = 1
// (the weights and the optimiser state are kept).
rnn_status rnn_charlm_set_workers(rnn_charlm *m, int workers, int shard, int *restarted);
// A replica that holds only its own streams, not the whole text (issue 22:
// memory must not grow with N x the text): tok [n] are the training text's
// tokens of streams shard*B .. shard*B+B-1 (n = B x L, L = n_train / (workers
// x B)), from the leader's rnn_charlm_stream_tokens. Checked (every token in
// the vocabulary, n, and the file's cursors when it has this many workers),
// copied; the model then takes only set_workers(workers, shard) and trains as
// a replica (no validation split). Another text (set_text) ends this.
rnn_status rnn_charlm_set_stream_tokens(rnn_charlm *m, const int *tok, long n, long n_train, int workers, int shard);
// Leader: where replica `shard` of `workers`' streams are in this model's
// tokens (*n of them), or NULL with a reason.
const int *rnn_charlm_stream_tokens(const rnn_charlm *m, int workers, int shard, long *n);
// This replica's gradient of the next chunk into m->grads (scaled by 1/N,
// see above); *loss = its chunk's mean loss / N. Nothing committed.
rnn_status rnn_charlm_replica_gradients(rnn_charlm *m, double *loss);
// Leader: m->grads += g (nparams floats), step loss += loss.
rnn_status rnn_charlm_replica_add(rnn_charlm *m, const float *g, double loss);
// Replica: m->grads = the leader's sum, step loss = the leader's summed loss.
rnn_status rnn_charlm_replica_set(rnn_charlm *m, const float *g, double loss);
// Clips, applies and commits as one rnn_charlm_train step would, and adds the
// step to *st (st->loss: the mean over the steps added so far; st->chars
// counts all N replicas' characters). st->finite = 0: not applied.
rnn_status rnn_charlm_replica_apply(rnn_charlm *m, rnn_train_stats *st);
// Leader: records replica k's cursors [B] and carried state [B,H] for the file.
rnn_status rnn_charlm_put_slice(rnn_charlm *m, int k, const long *pos, const float *carry);
// The defaults' learning rate with N workers, from the one-worker default lr1.
float rnn_charlm_workers_lr(float lr1, int workers);
// internal: room for every replica's streams (zeroed), sets m->workers
rnn_status rnn_charlm_resize_workers(rnn_charlm *m, int workers);
// internal: copies into slice k and marks it current
void rnn_charlm_keep_slice(rnn_charlm *m, int k, const long *pos, const float *carry);
#endif
