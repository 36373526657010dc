// rng.h - the engine's one deterministic PRNG (SplitMix64).
// Same seed -> same stream on every platform (native, WASM), so the same
// seed and settings give the same model bytes. Header-only, no state outside
// the struct, never touches libc's rand().
#ifndef RNN_RNG_H
#define RNN_RNG_H
#include <stdint.h>

typedef struct { uint64_t s; } rnn_rng;

static inline uint64_t rnn_rng_u64(rnn_rng *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// The seed goes through the output mix once, so neighbouring seeds (k, k+1)
// start far apart instead of giving the same stream shifted by one draw.
static inline void rnn_rng_seed(rnn_rng *r, uint64_t seed) { r->s = seed; r->s = rnn_rng_u64(r); }

static inline uint32_t rnn_rng_u32(rnn_rng *r) { return (uint32_t)(rnn_rng_u64(r) >> 32); }

// uniform in [0, 1) with 24 bits, exact in float
static inline float rnn_rng_float(rnn_rng *r) { return (float)(rnn_rng_u64(r) >> 40) * (1.0f / 16777216.0f); }

// uniform in [0, 1) with 53 bits
static inline double rnn_rng_double(rnn_rng *r) { return (double)(rnn_rng_u64(r) >> 11) * (1.0 / 9007199254740992.0); }

// uniform integer in [lo, hi] inclusive (hi >= lo); Lemire's unbiased method
static inline int64_t rnn_rng_range(rnn_rng *r, int64_t lo, int64_t hi) {
    uint64_t span = (uint64_t)(hi - lo) + 1u;
    if (span == 0) return (int64_t)rnn_rng_u64(r); // full 64-bit range
    uint64_t threshold = (0 - span) % span, x;
    do { x = rnn_rng_u64(r); } while (x < threshold);
    return lo + (int64_t)(x % span);
}
#endif
