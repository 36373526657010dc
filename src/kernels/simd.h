// simd.h - the few SIMD128 helpers the kernels use. The only header in the
// engine that includes wasm_simd128.h. Baseline SIMD128: no relaxed-SIMD FMA,
// so a multiply-add is a mul then an add.
#ifndef RNN_SIMD_H
#define RNN_SIMD_H
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
typedef v128_t f4;
static inline f4 f4_zero(void) { return wasm_f32x4_splat(0.0f); }
static inline f4 f4_splat(float x) { return wasm_f32x4_splat(x); }
static inline f4 f4_load(const float *p) { return wasm_v128_load(p); }
static inline void f4_store(float *p, f4 v) { wasm_v128_store(p, v); }
static inline f4 f4_add(f4 a, f4 b) { return wasm_f32x4_add(a, b); }
static inline f4 f4_mul(f4 a, f4 b) { return wasm_f32x4_mul(a, b); }
static inline f4 f4_madd(f4 acc, f4 a, f4 b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }
static inline f4 f4_sub(f4 a, f4 b) { return wasm_f32x4_sub(a, b); }
static inline f4 f4_div(f4 a, f4 b) { return wasm_f32x4_div(a, b); }
// pmin/pmax (x86 minps/maxps semantics: pmin(a,b) = b < a ? b : a) are one
// instruction in V8, unlike min/max; with the data in the first operand a NaN
// there passes through unchanged.
static inline f4 f4_pmin(f4 a, f4 b) { return wasm_f32x4_pmin(a, b); }
static inline f4 f4_pmax(f4 a, f4 b) { return wasm_f32x4_pmax(a, b); }
static inline float f4_hsum(f4 v) {
    return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1)) +
           (wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3));
}
#endif
#endif
