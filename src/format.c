// format.c - rnn_vsnprintf: printf's conversions the engine uses, without libc.
//
// Floating point: a finite double is m * 2^e exactly (m < 2^53). For e >= 0
// that is the integer m * 2^e; for e < 0 it is m * 5^-e / 10^-e. Either
// integer is computed exactly in base 10^9 (at most 86 limbs: 767 digits for
// the smallest subnormal), which gives every decimal digit of the double. The
// digits are then rounded to the precision asked, half to even (what glibc and
// musl print in the default rounding mode), and laid out as %f, %e or %g.
#include "format.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

static const char FLAGS[] = "-0+ #"; // in the order of the bits below
enum { F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_ALT = 16 };
#define BILLION 1000000000u
#define MAX_DIGITS 800 // 86 limbs of 9 digits
#define MAX_PREC 400   // longer precisions are cut to this

typedef struct { char *s; size_t n, len; } out;

static void put(out *o, char ch) {
    if (o->len + 1 < o->n) o->s[o->len] = ch;
    o->len++;
}
static void put_n(out *o, char ch, int count) { while (count-- > 0) put(o, ch); }

// sign, then body, padded to width (zeros after the sign, or spaces)
static void emit(out *o, const char *sign, const char *body, int len, int width, int flags, int zero_ok) {
    const int pad = width - (int)strlen(sign) - len;
    if (!(flags & F_LEFT) && !(zero_ok && (flags & F_ZERO))) put_n(o, ' ', pad);
    while (*sign) put(o, *sign++);
    if (!(flags & F_LEFT) && zero_ok && (flags & F_ZERO)) put_n(o, '0', pad);
    for (int i = 0; i < len; i++) put(o, body[i]);
    if (flags & F_LEFT) put_n(o, ' ', pad);
}

// --- exact decimal digits of a double

// a (na limbs of base 10^9, least significant first) *= mult (mult <= 5^13)
static void mul_small(uint32_t *a, int *na, uint32_t mult) {
    uint64_t carry = 0;
    for (int i = 0; i < *na; i++) {
        const uint64_t t = (uint64_t)a[i] * mult + carry;
        a[i] = (uint32_t)(t % BILLION);
        carry = t / BILLION;
    }
    for (; carry; carry /= BILLION) a[(*na)++] = (uint32_t)(carry % BILLION);
}

// The digits of x > 0 (finite) into d, without trailing zeros; returns their
// count; *X = the decimal exponent of the first (x = d[0].d[1]d[2]... * 10^X).
static int exact_digits(double x, char *d, int *X) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    const int biased = (int)(bits >> 52 & 0x7FF);
    uint64_t m = bits & 0xFFFFFFFFFFFFFull;
    int e = -1074;
    if (biased) { m |= 1ull << 52; e = biased - 1075; }
    for (; !(m & 1); m >>= 1) e++;
    uint32_t a[90];
    int na = 0;
    for (; m; m /= BILLION) a[na++] = (uint32_t)(m % BILLION);
    for (int k = e; k > 0; k -= 29) mul_small(a, &na, 1u << (k < 29 ? k : 29)); // m * 2^e
    for (int k = -e; k > 0; k -= 13) {                                           // m * 5^-e
        uint32_t p = 1;
        for (int i = 0; i < (k < 13 ? k : 13); i++) p *= 5;
        mul_small(a, &na, p);
    }
    int nd = 0;
    for (int i = na - 1; i >= 0; i--) { // the top limb without leading zeros, the others 9 digits each
        char tmp[9];
        uint32_t v = a[i];
        for (int j = 8; j >= 0; j--, v /= 10) tmp[j] = (char)('0' + v % 10);
        int j = 0;
        if (i == na - 1) while (j < 8 && tmp[j] == '0') j++;
        for (; j < 9; j++) d[nd++] = tmp[j];
    }
    *X = nd - 1 + (e < 0 ? e : 0);
    while (d[nd - 1] == '0') nd--;
    return nd;
}

// Keeps the first `keep` of the nd digits (no trailing zeros), rounded half to
// even; a carry out of the first digit raises *X. Returns the new count.
static int round_digits(char *d, int nd, int keep, int *X) {
    if (nd <= keep) return nd;
    if (keep < 0) return 0;
    const int odd = keep > 0 && ((d[keep - 1] - '0') & 1);
    const int up = d[keep] > '5' || (d[keep] == '5' && (nd > keep + 1 || odd));
    nd = keep;
    if (up) {
        while (nd > 0 && d[nd - 1] == '9') nd--;
        if (nd == 0) { d[0] = '1'; (*X)++; return 1; }
        d[nd - 1]++;
    }
    while (nd > 0 && d[nd - 1] == '0') nd--;
    return nd;
}

// the digit of 10^k
static char digit_at(const char *d, int nd, int X, int k) { return X - k >= 0 && X - k < nd ? d[X - k] : '0'; }

// %f, %e, %g of x (conv 'f', 'e' or 'g'); prec < 0: the default 6
static void fmt_float(out *o, double x, char conv, int prec, int flags, int width) {
    const int neg = signbit(x) != 0;
    const char *sign = neg ? "-" : (flags & F_PLUS) ? "+" : (flags & F_SPACE) ? " " : "";
    if (!isfinite(x)) {
        emit(o, sign, isnan(x) ? "nan" : "inf", 3, width, flags, 0);
        return;
    }
    if (prec < 0) prec = 6;
    if (prec > MAX_PREC) prec = MAX_PREC;
    char d[MAX_DIGITS];
    int X = 0, nd = x == 0 ? 0 : exact_digits(neg ? -x : x, d, &X);
    int style = conv, frac = prec; // frac: digits after the point
    if (conv == 'g') {
        const int p = prec ? prec : 1;
        nd = round_digits(d, nd, p, &X);
        if (nd == 0) X = 0;
        style = p > X && X >= -4 ? 'f' : 'e';
        frac = style == 'f' ? p - 1 - X : p - 1;
    } else nd = round_digits(d, nd, conv == 'e' ? prec + 1 : X + prec + 1, &X);
    if (nd == 0) X = 0;
    char b[MAX_DIGITS + MAX_PREC + 16];
    int len = 0;
    if (style == 'f') {
        for (int k = X > 0 ? X : 0; k >= 0; k--) b[len++] = digit_at(d, nd, X, k);
        if (frac > 0 || (flags & F_ALT)) b[len++] = '.';
        for (int k = -1; k >= -frac; k--) b[len++] = digit_at(d, nd, X, k);
    } else {
        b[len++] = nd ? d[0] : '0';
        if (frac > 0 || (flags & F_ALT)) b[len++] = '.';
        for (int j = 1; j <= frac; j++) b[len++] = digit_at(d, nd, X, X - j);
    }
    if (conv == 'g' && !(flags & F_ALT) && memchr(b, '.', (size_t)len)) { // %g drops trailing zeros
        while (b[len - 1] == '0') len--;
        if (b[len - 1] == '.') len--;
    }
    if (style == 'e') {
        const int ax = X < 0 ? -X : X;
        b[len++] = 'e';
        b[len++] = X < 0 ? '-' : '+';
        if (ax >= 100) b[len++] = (char)('0' + ax / 100);
        b[len++] = (char)('0' + ax / 10 % 10);
        b[len++] = (char)('0' + ax % 10);
    }
    emit(o, sign, b, len, width, flags, 1);
}

// --- integers

static void fmt_int(out *o, unsigned long long v, int neg, int base, int upper, int prec, int flags, int width) {
    char b[24];
    int len = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (; v; v /= (unsigned)base) b[sizeof b - 1 - len++] = digits[v % (unsigned)base];
    if (prec < 0) prec = 1;
    else flags &= ~F_ZERO; // a precision turns the 0 flag off
    while (len < prec && len < (int)sizeof b) b[sizeof b - 1 - len++] = '0';
    const char *sign = neg ? "-" : (flags & F_PLUS) ? "+" : (flags & F_SPACE) ? " " : "";
    emit(o, base == 10 ? sign : "", b + sizeof b - len, len, width, flags, 1);
}

// --- the conversion loop

static int read_int(const char **p) {
    int v = 0;
    for (; **p >= '0' && **p <= '9'; (*p)++) v = v < 100000 ? v * 10 + (**p - '0') : v;
    return v;
}

int rnn_vsnprintf(char *s, size_t n, const char *fmt, va_list ap) {
    out o = {s, n, 0};
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') { put(&o, *p); continue; }
        const char *start = p++;
        int flags = 0, width = 0, prec = -1, lng = 0;
        for (const char *f; *p && (f = strchr(FLAGS, *p)); p++) flags |= 1 << (f - FLAGS);
        if (*p == '*') {
            width = va_arg(ap, int);
            if (width < 0) { flags |= F_LEFT; width = -width; }
            p++;
        } else width = read_int(&p);
        if (*p == '.') {
            p++;
            if (*p == '*') { prec = va_arg(ap, int); p++; if (prec < 0) prec = -1; }
            else prec = read_int(&p);
        }
        for (; *p == 'l' || *p == 'h' || *p == 'z'; p++) lng += *p == 'l' ? 1 : *p == 'z' ? 3 : -1;
        const char conv = *p;
        switch (conv) {
        case 'd': case 'i': {
            // %zd: ssize_t, which is long on wasm32 and on the native targets
            long long v = lng == 3 ? va_arg(ap, long) : lng >= 2 ? va_arg(ap, long long) : lng == 1 ? va_arg(ap, long) : va_arg(ap, int);
            if (lng == -1) v = (short)v;
            if (lng <= -2) v = (signed char)v;
            fmt_int(&o, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0, 10, 0, prec, flags, width);
            break;
        }
        case 'u': case 'x': case 'X': {
            unsigned long long v = lng == 3 ? va_arg(ap, size_t) : lng >= 2 ? va_arg(ap, unsigned long long)
                                 : lng == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            if (lng == -1) v = (unsigned short)v;
            if (lng <= -2) v = (unsigned char)v;
            fmt_int(&o, v, 0, conv == 'u' ? 10 : 16, conv == 'X', prec, flags, width);
            break;
        }
        case 'f': case 'e': case 'g': fmt_float(&o, va_arg(ap, double), conv, prec, flags, width); break;
        case 'c': {
            const char ch = (char)va_arg(ap, int);
            emit(&o, "", &ch, 1, width, flags, 0);
            break;
        }
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str) str = "(null)";
            int len = 0;
            while ((prec < 0 || len < prec) && str[len]) len++;
            emit(&o, "", str, len, width, flags, 0);
            break;
        }
        case '%': put(&o, '%'); break;
        default: // not a conversion the engine uses: copied as written
            for (const char *q = start; q <= p && *q; q++) put(&o, *q);
            if (!*p) p--;
        }
    }
    if (n) s[o.len < n ? o.len : n - 1] = '\0';
    return (int)o.len;
}

int rnn_snprintf(char *s, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const int len = rnn_vsnprintf(s, n, fmt, ap);
    va_end(ap);
    return len;
}
