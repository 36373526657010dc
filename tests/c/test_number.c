// test_number.c - rnn_parse_double (src/io/number.c) against libc's strtod:
//   - every float printed with %.9g, %.17g and %g reads back as the same float
//     strtod gives (millions of random bit patterns: every exponent, the
//     subnormals, both signs; RNN_NUMBER_N sets how many per format);
//   - decimals of up to 15 digits with |exponent| <= 22 give strtod's double
//     bit for bit (one correctly rounded operation);
//   - random doubles printed with %.17g land within 5e-16 (relative) of
//     strtod's in the float range, edge cases within 2e-15 beyond it;
//   - edge cases: zeros and their sign, the float and double extremes,
//     overflow to infinity, underflow to zero, long digit strings, leading
//     zeros, partial numbers (the bytes read equal strtod's end pointer);
//   - it never reads past the n bytes it is given (exact-size heap copies,
//     no terminating NUL, under AddressSanitizer).
#include "check.h"
#include "io/number.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t g_rng = 0x9E3779B97F4A7C15u;
static uint64_t next_u64(void) { // xorshift64*
    g_rng ^= g_rng >> 12;
    g_rng ^= g_rng << 25;
    g_rng ^= g_rng >> 27;
    return g_rng * 2685821657736338717u;
}

static int same_bits_f(float a, float b) { return memcmp(&a, &b, sizeof a) == 0; }
static int same_bits_d(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

// Parses s from an exact-size heap copy (no NUL: a read past n is an ASan error).
static long parse(const char *s, double *v) {
    const size_t n = strlen(s);
    char *copy = malloc(n ? n : 1);
    memcpy(copy, s, n);
    const long used = rnn_parse_double(copy, (long)n, v);
    free(copy);
    return used;
}

// The relative distance of v from strtod's want (finite, nonzero).
static double rel(double v, double want) { return fabs(v - want) / fabs(want); }

static void random_floats(const char *fmt, long count) {
    long bad = 0;
    for (long i = 0; i < count; i++) {
        const uint32_t bits = (uint32_t)(next_u64() >> 32);
        float f;
        memcpy(&f, &bits, sizeof f);
        if (!isfinite(f)) continue;
        char s[64];
        snprintf(s, sizeof s, fmt, (double)f);
        double v;
        parse(s, &v);
        const float want = (float)strtod(s, NULL);
        if (!same_bits_f((float)v, want) && bad++ < 5) CHECK(0, "%s of float bits %08x: \"%s\" reads %.9g, strtod %.9g", fmt, bits, s, (float)v, want);
    }
    CHECK(bad == 0, "%ld of %ld floats printed with %s read back differently from strtod", bad, count, fmt);
}

// Up to 15 significant digits, exponent in [-22, 22]: the exact path, strtod's double.
static void exact_path(long count) {
    long bad = 0;
    for (long i = 0; i < count; i++) {
        const int digits = 1 + (int)(next_u64() % 15);
        uint64_t m = next_u64() % 1000000000000000u;
        for (int d = digits; d < 15; d++) m /= 10;
        const int e = (int)(next_u64() % 45) - 22;
        char s[64];
        snprintf(s, sizeof s, "%s%llue%d", next_u64() & 1 ? "-" : "", (unsigned long long)m, e);
        double v;
        parse(s, &v);
        const double want = strtod(s, NULL);
        if (!same_bits_d(v, want) && bad++ < 5) CHECK(0, "\"%s\" reads %.17g, strtod %.17g", s, v, want);
    }
    CHECK(bad == 0, "%ld of %ld decimals of <= 15 digits, |e| <= 22, differ from strtod's double", bad, count);
}

// Random finite doubles in the float range, printed with %.17g: at most 4
// roundings (number.c), under 4 * 2^-53 from the exact value; strtod's own
// rounding adds 2^-53.
static void random_doubles(long count) {
    long bad = 0;
    double worst = 0;
    for (long i = 0; i < count; i++) {
        const uint64_t bits = next_u64();
        double x;
        memcpy(&x, &bits, sizeof x);
        if (!isfinite(x) || fabs(x) > 3.5e38 || fabs(x) < 1e-46) continue;
        char s[64];
        snprintf(s, sizeof s, "%.17g", x);
        double v;
        parse(s, &v);
        const double r = rel(v, strtod(s, NULL));
        if (r > worst) worst = r;
        if (r > 5.6e-16 && bad++ < 5) CHECK(0, "\"%s\" reads %.17g, %.3g (relative) from strtod", s, v, r);
    }
    CHECK(bad == 0, "%ld of %ld doubles printed with %%.17g more than 5.6e-16 from strtod (worst %.3g)", bad, count, worst);
    printf("random doubles (%%.17g, float range): at most %.3g (relative) from strtod\n", worst);
}

static void edge_cases(void) {
    static const char *const texts[] = {
        "0", "-0", "0.0", "-0.0", "0e0", "-0e-999", "0.000", "00000", "1", "-1", "+1", "0.5", ".5", "5.", "-.5",
        "1e-45", "1.4e-45", "1.40129846e-45", "7e-46", "7.1e-46", "2.8e-45", "1.17549435e-38", "1.1754942e-38",
        "3.4028235e38", "3.40282347e+38", "3.4028236e38", "3.5e38", "1e39", "-1e39", "1e-50", "-1e-50",
        "1.7976931348623157e308", "-1.7976931348623157e308", "1.8e308", "1e309", "1e400", "-1e400", "1e99999999999",
        "2.2250738585072014e-308", "1e-320", "4.9e-324", "1e-330", "1e-400", "1e-99999999999",
        "0.1000000000000000000000000000001", "123456789012345678901234567890", "1234567890123456789",
        "12345678901234567890", "18446744073709551615", "18446744073709551616", "99999999999999999999999",
        "0.00000000000000000000000000000000000000000000140129846", "0000000012.5000000000", "000.000001",
        "9007199254740993", "9007199254740992", "1e22", "1e23", "8.589973e9", "16777217", "67108900", "6.71089e+07",
        "0.1", "0.2", "0.3", "1e-5", "1e-05", "2.5E+3", "2.5e-3", "1.5x", "1e", "1e+", "1e-", "1.e5", "-", "+", ".",
        "", "e5", "-e5", "x", "1..2", "1e5e5", " 1",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *s = texts[i];
        char *end;
        const double want = strtod(s, &end);
        double v = 42;
        const long used = parse(s, &v);
        // strtod skips leading white space; the parser does not (its callers never pass any)
        if (s[0] == ' ') {
            CHECK(used == 0 && v == 0, "\" 1\": read %ld bytes", used);
            continue;
        }
        CHECK(used == end - s, "\"%s\": read %ld bytes, strtod %ld", s, used, (long)(end - s));
        CHECK(same_bits_f((float)v, (float)want), "\"%s\": float %.9g, strtod %.9g", s, (float)v, (float)want);
        if (fabs(want) >= 2.3e-308 || want == 0) // outside the double subnormals: up to 15 roundings, same infinities and zeros
            CHECK(same_bits_d(v, want) || (isfinite(v) && want != 0 && rel(v, want) < 2e-15), "\"%s\": %.17g, strtod %.17g", s, v, want);
    }
    double v;
    CHECK(rnn_parse_double("12345", 2, &v) == 2 && v == 12, "bounded: %.17g", v);
    CHECK(rnn_parse_double("1e5", 2, &v) == 1 && v == 1, "bounded exponent: %.17g", v);
    CHECK(rnn_parse_double("-0", 2, &v) == 2 && v == 0 && signbit(v), "negative zero");
    CHECK(rnn_parse_double("x", 1, &v) == 0 && v == 0, "not a number: 0, 0");
    CHECK(rnn_parse_double("", 0, &v) == 0 && v == 0, "empty");
    // a 100,000-digit integer and fraction: infinity, and the digits past the 19th do not matter
    const long big = 100000;
    char *s = malloc((size_t)big);
    memset(s, '9', (size_t)big);
    CHECK(rnn_parse_double(s, big, &v) == big && isinf(v) && v > 0, "a 100000-digit integer: %g", v);
    s[0] = '0';
    s[1] = '.';
    CHECK(rnn_parse_double(s, big, &v) == big && v == 1.0, "0.999...9 (99998 nines): %.17g", v);
    memset(s + 2, '0', (size_t)big - 3);
    s[big - 1] = '1';
    CHECK(rnn_parse_double(s, big, &v) == big && v == 0, "0.000...01 (1e-99998): %g", v);
    free(s);
}

int main(void) {
    const char *env = getenv("RNN_NUMBER_N");
    const long n = env ? atol(env) : 1000000;
    edge_cases();
    random_floats("%.9g", n);
    random_floats("%.17g", n);
    random_floats("%g", n);
    exact_path(n);
    random_doubles(n);
    return check_report();
}
