// l2e_eval.c - a typed program to the serialised form, and its output by an
// interpreter of the generator's language (see l2e_eval.h).
#include "l2e_eval.h"
#include "l2e.h"
#include "../format.h"
#include <stdint.h>
#include <string.h>

static int is_alpha(int c) { return c >= 'a' && c <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alnum(int c) { return is_alpha(c) || is_digit(c) || (c >= 'A' && c <= 'Z') || c == '_'; }

// ---------------------------------------------------------------- serialise

#define MAX_LINES 128

typedef struct {
    char text[L2E_MAX_INPUT];
    int start[MAX_LINES], len[MAX_LINES];
    int n;
    int overflow;
} line_set;

static int is_keyword(const char *w, int n) {
    static const char *const k[] = {"for", "in", "if", "else"};
    for (int i = 0; i < 4; i++)
        if ((int)strlen(k[i]) == n && memcmp(w, k[i], (size_t)n) == 0) return 1;
    return 0;
}

// Is the word that ends at w[n-1] (going back) or starts at w[0] a keyword?
static int keyword_before(const char *buf, int m) {
    int i = m;
    while (i > 0 && is_alnum((unsigned char)buf[i - 1])) i--;
    return is_keyword(buf + i, m - i);
}
static int keyword_after(const char *p, int n) {
    int i = 0;
    while (i < n && is_alnum((unsigned char)p[i])) i++;
    return is_keyword(p, i);
}

// Appends one physical line, spaces normalised: one space is kept next to the
// words for, in, if and else ("for x in range", "(c+1) if 2<3 else 4"), no
// other; tabs count as spaces; a statement-ending ';' goes.
static void add_line(line_set *ls, const char *p, int n) {
    char buf[L2E_MAX_INPUT];
    int m = 0;
    for (int i = 0; i < n && m < L2E_MAX_INPUT - 1; i++) {
        char c = p[i] == '\t' ? ' ' : p[i];
        if (c == ' ') {
            int j = i + 1;
            while (j < n && (p[j] == ' ' || p[j] == '\t')) j++;
            if (m > 0 && j < n && (keyword_before(buf, m) || keyword_after(p + j, n - j))) buf[m++] = ' ';
            i = j - 1;
            continue;
        }
        buf[m++] = c;
    }
    while (m > 0 && buf[m - 1] == ';') m--;
    if (m == 0) return;
    const int at = ls->n ? ls->start[ls->n - 1] + ls->len[ls->n - 1] : 0;
    if (ls->n == MAX_LINES || at + m >= L2E_MAX_INPUT) { ls->overflow = 1; return; }
    memcpy(ls->text + at, buf, (size_t)m);
    ls->start[ls->n] = at;
    ls->len[ls->n] = m;
    ls->n++;
}

static int depth_of(const char *p, int n) {
    int d = 0;
    for (int i = 0; i < n; i++) d += (p[i] == '(') - (p[i] == ')');
    return d;
}

static int starts_with(const char *p, int n, const char *w) {
    const int k = (int)strlen(w);
    return n >= k && memcmp(p, w, (size_t)k) == 0 && (n == k || !is_alnum((unsigned char)p[k]));
}

// Splits at newlines and '#', up to '@'; a line that ends with ':' or leaves
// a '(' open continues on the next one.
static void split_lines(const char *text, line_set *ls) {
    char logical[2 * L2E_MAX_INPUT];
    int m = 0;
    for (const char *p = text;; p++) {
        const int end = *p == '\0' || *p == '@';
        if (end || *p == '\n' || *p == '#') {
            int k = m;
            while (k > 0 && logical[k - 1] == ' ') k--;
            const int more = !end && k > 0 && (logical[k - 1] == ':' || depth_of(logical, k) > 0);
            if (more) { m = k; if (logical[k - 1] != ':') logical[m++] = ' '; }
            else { add_line(ls, logical, k); m = 0; }
            if (end) return;
            continue;
        }
        if (*p == '\r') continue;
        if (m >= (int)sizeof logical - 1) { ls->overflow = 1; return; }
        logical[m++] = *p;
    }
}

int l2e_serialize(const char *text, char *out, int cap) {
    if (!text || !out || cap < 1) { rnn_fail(RNN_E_ARG, "serialize: NULL text or output"); return -1; }
    line_set ls;
    memset(&ls, 0, sizeof ls);
    split_lines(text, &ls);
    int n = 0;
    for (int i = 0; i < ls.n && !ls.overflow; i++) {
        const char *p = ls.text + ls.start[i];
        int k = ls.len[i];
        const int print = starts_with(p, k, "print");
        if (print && k > 1 && p[k - 1] == '.' && p[k - 2] == ')') k--; // the lecture's "print(6652) ."
        const int assign = !print && !starts_with(p, k, "for");
        const int before_loop = i + 1 < ls.n && starts_with(ls.text + ls.start[i + 1], ls.len[i + 1], "for");
        const int semi = assign && !before_loop;
        if (n + k + 3 >= cap) { ls.overflow = 1; break; }
        memcpy(out + n, p, (size_t)k);
        n += k;
        if (semi) out[n++] = ';';
        out[n++] = i + 1 == ls.n ? '@' : '#';
    }
    if (ls.overflow) {
        out[0] = '\0';
        rnn_fail(RNN_E_ARG, "serialize: the program is longer than %d characters", cap - 1);
        return -1;
    }
    out[n] = '\0';
    return n;
}

// ---------------------------------------------------------------- execute

typedef struct {
    const char *s;
    int at;
    int64_t var[26];
    unsigned set;
    int failed;
} ev_state;

static int fail(ev_state *e, const char *what) {
    if (!e->failed) rnn_fail(RNN_E_ARG, "program: %s at character %d", what, e->at + 1);
    e->failed = 1;
    return 0;
}

static int peek(ev_state *e) {
    while (e->s[e->at] == ' ') e->at++;
    return (unsigned char)e->s[e->at];
}

static int eat(ev_state *e, char c) {
    if (peek(e) != (unsigned char)c) return 0;
    e->at++;
    return 1;
}

static int eat_word(ev_state *e, const char *w) {
    peek(e);
    const int n = (int)strlen(w);
    if (strncmp(e->s + e->at, w, (size_t)n) != 0 || is_alnum((unsigned char)e->s[e->at + n])) return 0;
    e->at += n;
    return 1;
}

// a one-letter variable name: its index, or -1
static int name(ev_state *e) {
    const int c = peek(e);
    if (!is_alpha(c) || is_alnum((unsigned char)e->s[e->at + 1])) return -1;
    e->at++;
    return c - 'a';
}

static int expr(ev_state *e, int64_t *v);

static int atom(ev_state *e, int64_t *v) {
    const int c = peek(e);
    if (c == '(') {
        e->at++;
        if (!expr(e, v)) return 0;
        return eat(e, ')') ? 1 : fail(e, "')' expected");
    }
    if (is_digit(c)) {
        int64_t x = 0;
        for (; is_digit((unsigned char)e->s[e->at]); e->at++) {
            const int d = e->s[e->at] - '0';
            if (x > (INT64_MAX - d) / 10) return fail(e, "number too large");
            x = x * 10 + d;
        }
        *v = x;
        return 1;
    }
    const int at = e->at, k = name(e);
    if (k < 0) return fail(e, "a number, a one-letter variable or '(' expected");
    if (!(e->set >> k & 1u)) { e->at = at; return fail(e, "variable used before it is assigned"); }
    *v = e->var[k];
    return 1;
}

static int unary(ev_state *e, int64_t *v) {
    if (eat(e, '-')) {
        if (!unary(e, v)) return 0;
        if (*v == INT64_MIN) return fail(e, "value out of the 64-bit range");
        *v = -*v;
        return 1;
    }
    if (eat(e, '+')) return unary(e, v);
    return atom(e, v);
}

static int term(ev_state *e, int64_t *v) {
    if (!unary(e, v)) return 0;
    while (eat(e, '*')) {
        int64_t r;
        if (!unary(e, &r)) return 0;
        if (__builtin_mul_overflow(*v, r, v)) return fail(e, "value out of the 64-bit range");
    }
    return 1;
}

static int arith(ev_state *e, int64_t *v) {
    if (!term(e, v)) return 0;
    for (;;) {
        const int c = peek(e);
        if ((c != '+' && c != '-') || e->s[e->at + 1] == '=') return 1;
        e->at++;
        int64_t r;
        if (!term(e, &r)) return 0;
        if (c == '+' ? __builtin_add_overflow(*v, r, v) : __builtin_sub_overflow(*v, r, v))
            return fail(e, "value out of the 64-bit range");
    }
}

// arith [if arith (<|>) arith else expr], as Python reads "c if a<b else d"
static int expr(ev_state *e, int64_t *v) {
    if (!arith(e, v)) return 0;
    if (!eat_word(e, "if")) return 1;
    int64_t a, b, other;
    if (!arith(e, &a)) return 0;
    const int op = peek(e);
    if (op != '<' && op != '>') return fail(e, "'<' or '>' expected");
    e->at++;
    if (!arith(e, &b)) return 0;
    if (!eat_word(e, "else")) return fail(e, "'else' expected");
    if (!expr(e, &other)) return 0;
    if (!(op == '<' ? a < b : a > b)) *v = other;
    return 1;
}

// v=expr, v+=expr or v-=expr
static int assign(ev_state *e) {
    const int k = name(e);
    if (k < 0) return fail(e, "a statement expected (v=..., for ..., print(...))");
    const int mode = eat(e, '+') ? 1 : eat(e, '-') ? -1 : 0;
    if (!eat(e, '=')) return fail(e, "'=' expected");
    if (mode && !(e->set >> k & 1u)) return fail(e, "variable updated before it is assigned");
    int64_t r, v = e->var[k];
    if (!expr(e, &r)) return 0;
    if (mode == 0) v = r;
    else if (mode > 0 ? __builtin_add_overflow(v, r, &v) : __builtin_sub_overflow(v, r, &v))
        return fail(e, "value out of the 64-bit range");
    e->var[k] = v;
    e->set |= 1u << k;
    return 1;
}

// after "for": x in range(expr): body (one assignment)
static int loop(ev_state *e) {
    const int k = name(e);
    if (k < 0) return fail(e, "a loop variable expected");
    if (!eat_word(e, "in") || !eat_word(e, "range") || !eat(e, '(')) return fail(e, "'in range(' expected");
    int64_t count;
    if (!expr(e, &count)) return 0;
    if (!eat(e, ')') || !eat(e, ':')) return fail(e, "'):' expected");
    if (count > L2E_EVAL_MAX_ITER) return fail(e, "loop of more than 100000 iterations");
    const int body = e->at;
    if (count < 1) { // parse the body once for its syntax, then undo it
        ev_state probe = *e;
        if (!assign(&probe)) { e->at = probe.at; return fail(e, "bad loop body"); }
        e->at = probe.at;
        return 1;
    }
    for (int64_t i = 0; i < count; i++) {
        e->var[k] = i;
        e->set |= 1u << k;
        e->at = body;
        if (!assign(e)) return 0;
    }
    return 1;
}

rnn_status l2e_execute(const char *input, char *out, int cap) {
    if (!input || !out || cap < 1) return rnn_fail(RNN_E_ARG, "execute: NULL program or output");
    out[0] = '\0';
    if (strlen(input) >= L2E_MAX_INPUT) return rnn_fail(RNN_E_ARG, "program: longer than %d characters", L2E_MAX_INPUT - 1);
    ev_state e;
    memset(&e, 0, sizeof e);
    e.s = input;
    for (;;) {
        if (eat_word(&e, "print")) {
            int64_t v;
            if (!eat(&e, '(')) return fail(&e, "'(' expected"), RNN_E_ARG;
            if (!expr(&e, &v)) return RNN_E_ARG;
            if (!eat(&e, ')')) return fail(&e, "')' expected"), RNN_E_ARG;
            eat(&e, ';');
            eat(&e, '@');
            if (peek(&e) != '\0') return fail(&e, "nothing may follow print(...)"), RNN_E_ARG;
            char buf[32];
            const int n = rnn_snprintf(buf, sizeof buf, "%lld.", (long long)v);
            if (n + 1 > cap) return rnn_fail(RNN_E_ARG, "execute: output buffer of %d bytes too small", cap);
            memcpy(out, buf, (size_t)n + 1);
            return RNN_OK;
        }
        if (!(eat_word(&e, "for") ? loop(&e) : assign(&e))) return RNN_E_ARG;
        eat(&e, ';');
        if (!eat(&e, '#')) return fail(&e, "end of line ('#') expected"), RNN_E_ARG;
        if (peek(&e) == '\0' || peek(&e) == '@') return fail(&e, "the program must end with print(...)"), RNN_E_ARG;
    }
}
