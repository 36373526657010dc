// test_format.c - rnn_snprintf (src/format.c) against the C library's snprintf:
//   - every float conversion the engine prints (%.9g of floats for the PyTorch
//     JSON, %.*g with 6..9 digits for the contract, %g, %.17g, %.0f, %e, %f)
//     byte for byte on millions of random floats and doubles (all exponents,
//     subnormals, both signs; RNN_FORMAT_N sets how many), ties rounded half
//     to even, zeros, infinities, NaN, the extremes;
//   - integers of every length (l, ll, z, h) and base, at random and at their
//     limits; flags, width and precision, %s with a precision, %c, %%;
//   - truncation: the return value is the full length, the output is cut and
//     terminated, n = 0 writes nothing.
#include "check.h"
#include "format.h"
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t g_rng = 0x2545F4914F6CDD1Du;
static uint64_t next_u64(void) { // xorshift64*
    g_rng ^= g_rng >> 12;
    g_rng ^= g_rng << 25;
    g_rng ^= g_rng >> 27;
    return g_rng * 2685821657736338717u;
}

static long g_bad; // mismatches in the current batch (each printed, up to 5)

// Both printfs into 1200-byte buffers; counts and shows a difference.
#define SAME(...)                                                                                                      \
    do {                                                                                                               \
        char want_[1200], got_[1200];                                                                                  \
        const int wn_ = snprintf(want_, sizeof want_, __VA_ARGS__);                                                    \
        const int gn_ = rnn_snprintf(got_, sizeof got_, __VA_ARGS__);                                                  \
        if ((wn_ != gn_ || strcmp(want_, got_) != 0) && g_bad++ < 5)                                                   \
            CHECK(0, "%s: libc \"%s\" (%d), rnn \"%s\" (%d)", #__VA_ARGS__, want_, wn_, got_, gn_);                    \
    } while (0)

static void batch_done(const char *what, long count) {
    CHECK(g_bad == 0, "%ld of %ld %s differ from libc", g_bad, count, what);
    g_bad = 0;
}

static float random_float(void) {
    const uint32_t bits = (uint32_t)(next_u64() >> 32);
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}
static double random_double(void) {
    const uint64_t bits = next_u64();
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

static void floats(long count) {
    for (long i = 0; i < count; i++) {
        const double x = random_float();
        SAME("%.9g", x);
        SAME(",%.9g", x);
        SAME("%.*g", 6 + (int)(i % 4), x);
    }
    batch_done("floats with %.9g / %.*g", count);
    for (long i = 0; i < count / 4; i++) {
        const double x = random_float();
        SAME("%g", x);
        SAME("%.17g", x);
        SAME("%e", x);
        SAME("%.3g", x);
    }
    batch_done("floats with %g / %.17g / %e / %.3g", count / 4);
}

static void doubles(long count) {
    for (long i = 0; i < count; i++) {
        const double x = random_double();
        SAME("%.17g", x);
        SAME("%g", x);
        SAME("%.9g", x);
        SAME("%.*g", 6 + (int)(i % 4), x);
    }
    batch_done("doubles with %.17g / %g / %.9g / %.*g", count);
    // %f where the numbers are: magnitudes 1e-12 .. 1e12
    for (long i = 0; i < count; i++) {
        const double x = ldexp((double)(int64_t)next_u64() / 9.3e18, (int)(next_u64() % 80) - 40);
        SAME("%.0f", x);
        SAME("%f", x);
        SAME("%.2f", x);
        SAME("%.1f", x);
    }
    batch_done("doubles with %.0f / %f / %.2f / %.1f", count);
    // short decimals: the ties and near-ties that %g and %.Nf must round half to even
    for (long i = 0; i < count; i++) {
        const double x = (double)(int64_t)(next_u64() % 2000001 - 1000000) / (double)(1 << (next_u64() % 12));
        SAME("%.0f", x);
        SAME("%.1f", x);
        SAME("%.2g", x);
        SAME("%g", x);
        SAME("%.3e", x);
    }
    batch_done("dyadic rationals (exact ties) with %.0f / %.1f / %.2g / %g / %.3e", count);
}

static void special_values(void) {
    static const double xs[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1e22, 1e23, 1e-5, 1e-4, 123456.5,
                                999999.5, 9999995, 0.00009999995, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e6, 1e7,
                                DBL_MAX, -DBL_MAX, DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN, FLT_MAX, FLT_MIN,
                                1.401298464324817e-45, 6.103515625e-05, 0.005, 5e-3, 3.4028235e38, 1e300, 1e-300};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        const double x = xs[i];
        SAME("%g|%.9g|%.17g|%.0f|%f|%e|%.0e|%.1g|%+g|% g|%12.3f|%-12.3e|%012.4g|%.20f|%.40g", x, x, x, x, x, x, x, x,
             x, x, x, x, x, x, x);
    }
    SAME("%g %f %e %.9g %g %f %5g|%-6g|%06g", INFINITY, -INFINITY, INFINITY, -INFINITY, NAN, NAN, INFINITY, -INFINITY, INFINITY);
    SAME("%.400f", DBL_TRUE_MIN);
    SAME("%#g|%#.3g|%#.0f|%#.0e", 0.5, 2.0, 3.0, 4.0); // (not %#g of 999999.5: glibc prints "1.e+06" there)
    SAME("%.300e|%.300g", DBL_MAX, DBL_TRUE_MIN);
    SAME("%f", DBL_MAX);
    batch_done("special doubles", 1);
}

static void integers(long count) {
    for (long i = 0; i < count; i++) {
        const uint64_t u = next_u64() >> (next_u64() % 64);
        SAME("%d %u %x %X %ld %lu %lld %llu %zu %hd %hu %hhd", (int)u, (unsigned)u, (unsigned)u, (unsigned)u, (long)u,
             (unsigned long)u, (long long)u, (unsigned long long)u, (size_t)u, (short)u, (unsigned short)u, (signed char)u);
        SAME("%5d|%-5d|%05d|%+d|% d|%.3d|%8.3d|%04X|%08X|%02X|%04x|%*d|%-*u", (int)u, (int)u, (int)u, (int)u, (int)u,
             (int)u, (int)u, (unsigned)u & 0xFFFF, (unsigned)u, (unsigned)u & 0xFF, (unsigned)u & 0xFFFF,
             (int)(u % 13) - 6, (int)u, (int)(u % 9), (unsigned)u);
    }
    SAME("%d %d %ld %ld %lld %lld %llu %u %zu", INT_MIN, INT_MAX, LONG_MIN, LONG_MAX, LLONG_MIN, LLONG_MAX, ULLONG_MAX,
         UINT_MAX, (size_t)SIZE_MAX);
    SAME("%d|%.0d|%5.0d|%x|%.0x", 0, 0, 0, 0u, 0u);
    batch_done("integers", count);
}

static void strings(void) {
    SAME("%s|%.80s|%.3s|%10s|%-10s|%.0s|%c|%5c|%-3c|%%|100%%", "abc", "a long enough string", "abcdef", "right",
         "left", "none", 'x', 'y', 'z');
    char big[300];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = 0;
    SAME("%.80s!", big);
    SAME("\"%.80s\" in the object ending at byte %ld", big, 123456L);
    SAME("%s: %s at byte %ld", "malformed JSON", "bad number", 17L);
    SAME("\\u%04x", 0x1f);
    SAME("plain text, no conversion");
    SAME("%s", "");
    batch_done("strings", 1);
    // a %.3s that stops early never reads past its three bytes (ASan: exact-size heap copy)
    char *three = malloc(3);
    memcpy(three, "abc", 3);
    char got[16];
    CHECK(rnn_snprintf(got, sizeof got, "%.3s|", three) == 4 && strcmp(got, "abc|") == 0, "%%.3s of 3 bytes: %s", got);
    free(three);
}

static void truncation(void) {
    char b[8];
    memset(b, 'X', sizeof b);
    CHECK(rnn_snprintf(b, sizeof b, "%d-%s", 123456, "abcdef") == 13 && strcmp(b, "123456-") == 0, "cut: %s", b);
    memset(b, 'X', sizeof b);
    CHECK(rnn_snprintf(b, 1, "%g", 1.5) == 3 && b[0] == 0 && b[1] == 'X', "n = 1: only the NUL");
    CHECK(rnn_snprintf(b, 0, "%g", 1.5) == 3 && b[0] == 0 && b[1] == 'X', "n = 0 writes nothing");
    CHECK(rnn_snprintf(NULL, 0, "%.9g", 1.0 / 3) == 11, "n = 0 with NULL measures");
    memset(b, 'X', sizeof b);
    CHECK(rnn_snprintf(b, 4, "%.9g", 1.0 / 3) == 11 && strcmp(b, "0.3") == 0 && b[4] == 'X', "cut float: %s", b);
}

int main(void) {
    const char *env = getenv("RNN_FORMAT_N");
    const long n = env ? atol(env) : 400000;
    special_values();
    strings();
    truncation();
    integers(n / 4);
    floats(n);
    doubles(n / 4);
    return check_report();
}
