// peak.h - the machine's peak multiply-add rate, measured: a kernel that does
// nothing but independent multiply-adds on registers (no memory traffic), the
// ceiling that the GEMM's GFLOP/s is compared with (`rnn bench`,
// docs/performance.md, section "Ceiling").
//
// Baseline SIMD128 has no fused multiply-add: a multiply-add is an f32x4.mul
// followed by an f32x4.add, two instructions, counted as 2 FLOPs per lane, the
// same count the GEMM's 2*M*K*N uses for its c += a*b.
#ifndef RNN_PEAK_H
#define RNN_PEAK_H

// Independent accumulators (dependency chains). Each chain step is a mul then
// an add on the chain (acc = acc*m + c), about 6-8 cycles of latency; a core
// that issues 2 vector mul and 2 vector add per cycle needs 12-16 chains in
// flight. 12 accumulators plus m and c are 14 of the 15 vector registers V8
// allocates on x86-64; 16 spill (measured: 12 and 14 chains are fastest).
#define PEAK_CHAINS 12
#define PEAK_UNROLL 2 // chain steps per loop iteration, to amortise the loop's own instructions

// Float lanes per accumulator: 4 with SIMD128 (f32x4), 1 in the scalar build.
int k_peak_lanes(void);

// Runs reps iterations of PEAK_UNROLL steps acc = acc*m + c on each of the
// PEAK_CHAINS accumulators, every lane, and returns the sum of all lanes of
// all accumulators (consumed by the caller, so the work cannot be removed; m
// and c come from the caller, so it cannot be folded). FLOPs done:
// reps * PEAK_UNROLL * PEAK_CHAINS * k_peak_lanes() * 2.
float k_peak_madd(int reps, float m, float c);
#endif
