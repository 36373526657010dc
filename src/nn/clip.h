// clip.h - gradient clipping. Both report what they saw before clipping, so
// the page can show how often clipping fired.
#ifndef RNN_CLIP_H
#define RNN_CLIP_H
#include "../kernels/kernels.h"
typedef enum { CLIP_NONE = 0, CLIP_NORM = 1, CLIP_VALUE = 2 } rnn_clip_mode;

double grad_global_norm(const real *g, long n);  // sqrt(sum g^2), in double
// Scales g so its global norm is at most max_norm. *norm = norm before.
// Returns 1 if it clipped.
int clip_by_norm(real *g, long n, real max_norm, double *norm);
// Clamps each element to [-c, c] (min-char-rnn's np.clip). *norm = global
// norm before. Returns 1 if any element was clamped.
int clip_by_value(real *g, long n, real c, double *norm);
#endif
