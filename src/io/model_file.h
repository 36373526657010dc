// model_file.h - the versioned binary model file (little-endian).
//
//   offset  field
//   0       magic "RNNM"
//   4       u32 version (RNN_FILE_VERSION)
//   8       u32 kind (1 = char LM)
//   12      u32 V, H, B, T, activation, optimiser, clip mode, vocab cap, seed
//   48      i32 unknown-symbol index (-1: none)
//   52      f32 lr, beta1, beta2, eps, clip, val_fraction
//   76      u64 step; u32 text hash; u64 parameter count
//   96      u32 code point[V]
//           f32 params[n] | adam/momentum m[n] | v[n]
//           u64 stream cursor[B] | f32 carried hidden state[B*H]
//   end-4   u32 FNV-1a checksum of every byte before it
//
// Version 2 (written by a data-parallel run of N >= 2 workers, see
// models/charlm_replica.h) is version 1 with, after the parameter blocks,
//           u32 N | u64 stream cursor[N*B] | f32 carried hidden state[N*B*H]
// (replica k's streams are k*B .. k*B+B-1). One worker writes version 1.
//   end-4   u32 FNV-1a checksum of every byte before it
//
// The loader checks magic, version, header length, every field's range, the
// total length and the checksum, in that order, before it allocates; each
// failure class has its own status and a reason.
#ifndef RNN_MODEL_FILE_H
#define RNN_MODEL_FILE_H
#include "../models/charlm.h"

#define RNN_FILE_MAGIC "RNNM"
#define RNN_FILE_VERSION 1u
#define RNN_FILE_VERSION_WORKERS 2u
#define RNN_FILE_HEADER 96
#define RNN_FILE_MAX_BYTES (64L << 20) // the loader's limit; a model whose file would pass it is refused at creation

// The file's size for vocabulary V, hidden size H and B streams, in 64 bits.
int64_t rnn_model_file_bytes(int64_t V, int64_t H, int64_t B);
// ... and of a run of N workers (N > 1: version 2).
int64_t rnn_model_file_bytes_n(int64_t V, int64_t H, int64_t B, int64_t N);

long rnn_model_file_size(const rnn_charlm *m);
// Writes the file into buf (cap >= rnn_model_file_size(m)).
rnn_status rnn_model_save(const rnn_charlm *m, unsigned char *buf, long cap);
// Parses and validates; on success *out is a model without text (attach one
// with rnn_charlm_set_text to continue training).
rnn_status rnn_model_load(rnn_charlm **out, const unsigned char *buf, long len);
#endif
