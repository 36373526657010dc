// number.c - rnn_parse_double: a decimal number to the nearest double, nearly.
//
// The value is m * 10^e: m holds the first 19 significant digits (a uint64_t
// holds any 19-digit integer), e the decimal exponent. 10^0 .. 10^22 are exact
// doubles, so when m < 2^53 (up to 15 digits, always; 16 often) and |e| <= 22,
// one IEEE multiply or divide rounds m * 10^e correctly: the result is exactly
// strtod's. Otherwise each step rounds once: m to 53 bits (m >= 2^53), one
// multiply or divide by 10^22 per 22 decades beyond the table, the final
// factor; digits past the 19th are dropped (under 1e-18 relative). In the
// float range (|e| <= 66) that is at most 4 roundings, under 4.5e-16 relative
// from the exact value (at most 4 units in the double's last place), so the float
// the double rounds to equals (float)strtod(...) unless the decimal lies within
// about 5e-16 (relative) of a midpoint between two adjacent floats. A float
// printed with 9 or more significant digits (%.9g, %.17g) lies at least 2.5e-8
// (relative) from every midpoint, so such text always reads back as the same
// float (tests/c/test_number.c compares with strtod on millions of them).
// Above DBL_MAX the result is +-infinity and below the smallest double +-0, as
// strtod; far from the float range (|e| > 66) up to 16 roundings, under 2e-15
// relative (DBL_MAX's 1.7976931348623157e308 reads 3 units below it), and in
// the double subnormals (under 2.3e-308, all 0 as a float) the double may
// differ from strtod's by more.
#include "number.h"
#include <math.h>
#include <stdint.h>

static const double POW10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// The digits from s[*i] on, into m (19 significant digits at most) and e: the
// integer part's dropped digits raise e, the fraction's kept digits lower it.
static int read_digits(const char *s, long n, long *i, uint64_t *m, int *kept, long *e, int fraction) {
    int any = 0;
    for (; *i < n && is_digit(s[*i]); (*i)++, any = 1) {
        if (*kept < 19) {
            *m = *m * 10 + (uint64_t)(s[*i] - '0');
            if (*m) (*kept)++; // leading zeros are not significant
            if (fraction) (*e)--;
        } else if (!fraction) (*e)++;
    }
    return any;
}

// m * 10^e in double (m > 0): one factor 10^22 at a time beyond the table.
static double scale(uint64_t m, long e) {
    if (e > 330) return INFINITY;   // m >= 1: above 1e330
    if (e < -350) return 0.0;       // m < 1e19: below 1e-331
    double v = (double)m;
    for (; e > 22; e -= 22) v *= 1e22;
    for (; e < -22; e += 22) v /= 1e22;
    return e >= 0 ? v * POW10[e] : v / POW10[-e];
}

long rnn_parse_double(const char *s, long n, double *out) {
    long i = 0, e = 0;
    uint64_t m = 0;
    int kept = 0, neg = 0;
    *out = 0.0;
    if (i < n && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    int any = read_digits(s, n, &i, &m, &kept, &e, 0);
    if (i < n && s[i] == '.') {
        i++;
        any |= read_digits(s, n, &i, &m, &kept, &e, 1);
    }
    if (!any) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) { // an exponent only if digits follow
        long j = i + 1, x = 0;
        const int xneg = j < n && s[j] == '-';
        if (j < n && (s[j] == '-' || s[j] == '+')) j++;
        if (j < n && is_digit(s[j])) {
            for (; j < n && is_digit(s[j]); j++)
                if (x < 100000) x = x * 10 + (s[j] - '0'); // beyond: inf or 0 anyway
            e += xneg ? -x : x;
            i = j;
        }
    }
    const double v = m ? scale(m, e) : 0.0;
    *out = neg ? -v : v;
    return i;
}
