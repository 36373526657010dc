// rnn_layer.h - the vanilla RNN layer and its backprop through time.
// B batch, T time steps, I input size, H hidden size. Time-major storage.
//
//   a_t = x_t U + h_{t-1} W + b        (row vectors: lecture's U x_t + W h_{t-1} + b)
//   h_t = g(a_t),  g in {tanh, relu, linear}
//
// Parameter shapes: U[I,H], W[H,H], b[H]. PyTorch's nn.RNN stores the
// transposes: weight_ih_l0 = U^T [H,I], weight_hh_l0 = W^T [H,H].
// The input is either tokens[T,B] (x_t one-hot over I: the product x_t U is
// the row U[token] gathered, no one-hot is built) or dense x[T,B,I].
//
// Two twins with the same arguments and the same results (to rounding):
//   rnn_layer_forward_ref / rnn_layer_backward_ref  the lecture's equations as
//       plain loops, one line each: read these beside the slides
//       (docs/engine.md walks through them line by line);
//   rnn_layer_forward / rnn_layer_backward  what training runs: the same sums
//       as GEMMs over the whole batch and fused recurrence kernels (SIMD128
//       in the SIMD module). tests/c/test_bptt.c and tests/node/bptt.test.mjs
//       compare the two at awkward sizes.
//
// Argument order (every forward/backward pair in nn/): outputs first (the
// backward's parameter gradients in parameter order, then input gradients),
// the gradient from above, the forward's inputs and parameters in the
// forward's order, the activation, sizes, scratch.
#ifndef RNN_LAYER_H
#define RNN_LAYER_H
#include "../kernels/kernels.h"

// h[(T+1),B,H]: h[0] holds the initial state h_{-1} on entry; h[1..T] are
// written. Forward keeps every h_t because backward needs them.
void rnn_layer_forward(real *h, const int *tokens, const real *x, const real *U, const real *W, const real *b,
                       rnn_act act, int T, int B, int I, int H);
void rnn_layer_forward_ref(real *h, const int *tokens, const real *x, const real *U, const real *W, const real *b,
                           rnn_act act, int T, int B, int I, int H);

// BPTT. dh[T,B,H] holds dL/dh_t coming from above (the output layer); it is
// overwritten with da_t = dL/da_t. Loops t = T-1 .. 0 carrying dh_next.
// Accumulates (+=) into dU, dW, db; if dx is not NULL accumulates dL/dx_t
// (dense input only); if dh0 is not NULL writes dL/dh_{-1}. dh_next is
// caller-provided scratch of B*H floats (no allocation in a training step).
// transpose_buf is scratch of H*H (or I*H, whichever is larger) that
// receives W^T once, so the per-step product da_t W^T runs as a plain GEMM
// (3-4x faster than a dot-product GEMM natively and in WASM scalar); the
// reference twin does not use it, and rnn_layer_backward runs the reference
// twin when it is NULL.
void rnn_layer_backward(real *dU, real *dW, real *db, real *dx, real *dh0, real *dh, const real *h,
                        const int *tokens, const real *x, const real *U, const real *W, rnn_act act, int T, int B,
                        int I, int H, real *dh_next, real *transpose_buf);
void rnn_layer_backward_ref(real *dU, real *dW, real *db, real *dx, real *dh0, real *dh, const real *h,
                            const int *tokens, const real *x, const real *U, const real *W, rnn_act act, int T, int B,
                            int I, int H, real *dh_next, real *transpose_buf);
#endif
