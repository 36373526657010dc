// peak.c - the peak multiply-add microbenchmark (see peak.h): PEAK_CHAINS
// independent accumulators, each stepped acc = acc*m + c, registers only.
// With -msimd128 every accumulator is an f32x4 (a step is f32x4.mul then
// f32x4.add: baseline SIMD128 has no FMA); otherwise a float.
#include "peak.h"
#include "simd.h"

#if defined(__wasm_simd128__)

int k_peak_lanes(void) { return 4; }

float k_peak_madd(int reps, float m, float c) {
    const f4 vm = f4_splat(m), vc = f4_splat(c);
    f4 acc[PEAK_CHAINS];
    for (int i = 0; i < PEAK_CHAINS; i++) acc[i] = f4_splat(c * (float)(i + 1)); // distinct starting values
    for (int r = 0; r < reps; r++)
        for (int u = 0; u < PEAK_UNROLL; u++)
            for (int i = 0; i < PEAK_CHAINS; i++) acc[i] = f4_add(f4_mul(acc[i], vm), vc);
    f4 s = acc[0];
    for (int i = 1; i < PEAK_CHAINS; i++) s = f4_add(s, acc[i]);
    return f4_hsum(s);
}

#else // the scalar build: the same chains, one float each

int k_peak_lanes(void) { return 1; }

float k_peak_madd(int reps, float m, float c) {
    float acc[PEAK_CHAINS];
    for (int i = 0; i < PEAK_CHAINS; i++) acc[i] = c * (float)(i + 1);
    for (int r = 0; r < reps; r++)
        for (int u = 0; u < PEAK_UNROLL; u++)
            for (int i = 0; i < PEAK_CHAINS; i++) acc[i] = acc[i] * m + c;
    float s = acc[0];
    for (int i = 1; i < PEAK_CHAINS; i++) s += acc[i];
    return s;
}

#endif
