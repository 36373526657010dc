// api_peak.c - the export of the peak multiply-add microbenchmark
// (src/kernels/peak.h), the ceiling `rnn bench` compares the GEMM with. The
// caller times the call (js/engine.js, Engine.peak); out[] gets the FLOPs
// done, the kernel's result and its shape (api_contract.h, "peak" fields).
#include "api.h"
#include "api_contract.h"
#include "kernels/peak.h"
#include "status.h"

// reps iterations (see k_peak_madd) of acc = acc*m + c. m in [0.5, 1) and c in
// [1e-6, 1] keep every accumulator a positive normal float (no overflow, no
// subnormal slow path): acc stays between c and max(acc_0, c / (1 - m)).
API int rnn_peak_run(int reps, float m, float c, double *out) {
    if (reps < 1 || reps > RNN_PEAK_MAX_REPS) return rnn_fail(RNN_E_ARG, "peak: reps %d not in [1, %d]", reps, RNN_PEAK_MAX_REPS);
    if (!(m >= 0.5f && m < 1.0f)) return rnn_fail(RNN_E_ARG, "peak: multiplier %g not in [0.5, 1)", (double)m);
    if (!(c >= 1e-6f && c <= 1.0f)) return rnn_fail(RNN_E_ARG, "peak: addend %g not in [1e-6, 1]", (double)c);
    if (!out) return rnn_fail(RNN_E_ARG, "peak: no output array");
    const float sum = k_peak_madd(reps, m, c);
    out[PEAK_O_FLOPS] = (double)reps * PEAK_UNROLL * PEAK_CHAINS * k_peak_lanes() * 2.0;
    out[PEAK_O_CHECKSUM] = sum;
    out[PEAK_O_LANES] = k_peak_lanes();
    out[PEAK_O_CHAINS] = PEAK_CHAINS;
    return RNN_OK;
}
