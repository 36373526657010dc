// test_peak.c - the peak multiply-add microbenchmark (src/kernels/peak.c,
// src/api_peak.c) under ASan + UBSan: the kernel computes the chains it
// claims (its sum equals the same recurrence in double, within float
// rounding), the FLOP count follows the shape, bad arguments are refused with
// a reason. No timing: that is `rnn bench`'s business.
#include "api_contract.h"
#include "kernels/peak.h"
#include "status.h"
#include <math.h>
#include <string.h>
#include "check.h"

int rnn_peak_run(int reps, float m, float c, double *out); // API function (src/api_peak.c)

// the kernel's result, recomputed in double: chain i starts at c*(i+1)
static double expected_sum(int reps, double m, double c) {
    double s = 0.0;
    for (int i = 0; i < PEAK_CHAINS; i++) {
        double a = c * (i + 1);
        for (long n = 0; n < (long)reps * PEAK_UNROLL; n++) a = a * m + c;
        s += a;
    }
    return s * k_peak_lanes();
}

static void test_result(void) {
    const int reps_list[] = {1, 7, 1000};
    for (int t = 0; t < 3; t++) {
        const int reps = reps_list[t];
        double out[PEAK_O_COUNT];
        CHECK(rnn_peak_run(reps, 0.999f, 0.001f, out) == RNN_OK, "%s", rnn_last_error());
        const double want = expected_sum(reps, 0.999f, 0.001f);
        CHECK(fabs(out[PEAK_O_CHECKSUM] - want) <= 1e-4 * want, "reps %d: sum %.9g, double recurrence %.9g", reps,
              out[PEAK_O_CHECKSUM], want);
        CHECK(out[PEAK_O_FLOPS] == (double)reps * PEAK_UNROLL * PEAK_CHAINS * k_peak_lanes() * 2.0, "flops %g",
              out[PEAK_O_FLOPS]);
        CHECK(out[PEAK_O_LANES] == k_peak_lanes() && out[PEAK_O_CHAINS] == PEAK_CHAINS, "shape %g x %g",
              out[PEAK_O_LANES], out[PEAK_O_CHAINS]);
    }
}

static void test_bad_arguments(void) {
    double out[PEAK_O_COUNT];
    const struct { int reps; float m, c; const char *says; } bad[] = {
        {0, 0.999f, 0.001f, "reps 0"},       {-5, 0.999f, 0.001f, "reps -5"},
        {RNN_PEAK_MAX_REPS + 1, 0.999f, 0.001f, "reps"},
        {10, 1.0f, 0.001f, "multiplier 1"}, {10, 0.25f, 0.001f, "multiplier 0.25"},
        {10, NAN, 0.001f, "multiplier"},    {10, 0.999f, 0.0f, "addend 0"},
        {10, 0.999f, INFINITY, "addend"},   {10, 0.999f, 2.0f, "addend 2"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        out[PEAK_O_FLOPS] = -1.0;
        CHECK(rnn_peak_run(bad[i].reps, bad[i].m, bad[i].c, out) == RNN_E_ARG, "case %zu accepted", i);
        CHECK(strstr(rnn_last_error(), bad[i].says) != NULL, "case %zu: '%s' does not say '%s'", i, rnn_last_error(),
              bad[i].says);
        CHECK(out[PEAK_O_FLOPS] == -1.0, "case %zu wrote the output", i);
    }
    CHECK(rnn_peak_run(10, 0.999f, 0.001f, NULL) == RNN_E_ARG, "a NULL output array accepted");
}

int main(void) {
    test_result();
    test_bad_arguments();
    return check_report();
}
