// rnn.h - a small vanilla-RNN engine: kernels, the RNN layer with BPTT,
// losses, optimisers, a char-level language model, a model file and a
// PyTorch export. The library never exits or aborts: calls return an
// rnn_status and rnn_last_error() says why.
//
//   #include "rnn.h"
//   rnn_charlm_config cfg = rnn_charlm_defaults();      // H=160, T=64, B=32, Adam 3e-3, clip 5
//   rnn_charlm *m;
//   if (rnn_charlm_create(&m, &cfg, text, len)) { fprintf(stderr, "%s\n", rnn_last_error()); return 1; }
//   rnn_train_stats st;
//   for (int i = 0; i < 100; i++) rnn_charlm_train(m, 10, &st);
//   double bpc; rnn_charlm_validate(m, &bpc);
//   rnn_sample_opts o = {"ROMEO:", 6, 200, 0.8f, 42, 0, 0};
//   char out[1024]; long n; rnn_charlm_sample(m, &o, out, sizeof out, &n, NULL, NULL);
//   rnn_charlm_free(m);
//
// Notation (glossary in docs/engine.md): lecture U, W, V, b, c = here U, W,
// Wy, b, by = PyTorch weight_ih_l0^T, weight_hh_l0^T, fc.weight^T,
// bias_ih_l0 + bias_hh_l0, fc.bias = min-char-rnn Wxh^T, Whh^T, Why^T, bh, by.
#ifndef RNN_H
#define RNN_H
#include "status.h"
#include "rng.h"
#include "kernels/kernels.h"
#include "nn/rnn_layer.h"
#include "nn/linear.h"
#include "nn/loss.h"
#include "nn/optim.h"
#include "nn/clip.h"
#include "nn/spectral.h"
#include "data/utf8.h"
#include "data/vocab.h"
#include "data/corpus.h"
#include "models/charlm.h"
#include "models/charlm_replica.h"
#include "models/seqnet.h"
#include "io/model_file.h"
#include "io/pytorch.h"
#endif
