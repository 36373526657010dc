// l2e.c - the learning-to-execute program generator, its pretty printer and
// the addition/copy tasks. See l2e.h for the sample forms.
//
// A program is a chain of `nesting` operations. The running expression (text
// and exact value) is the only thing carried from one step to the next: each
// operation puts it in one uniformly random operand slot, fills the other
// slots with fresh literals in [1, 10^L], may emit code lines, and leaves a
// new running expression. Finally "print(<expr>)@" is appended.
//
// Exact values with int64, no overflow: with literals <= P = 10^9 and small
// factors k <= 4L = 36, one step turns a magnitude M into at most P + 36 M
// (the loop a + k*b; a pair gives M + P, a product 36 M, an if one of its
// operands). From M_0 = P, after 6 steps
//   M_6 <= P (1 + 36 + ... + 36^6) = P (36^7 - 1) / 35 ~ 2.24e18 < 2^63 ~ 9.22e18,
// and every partial sum Python computes inside a loop is smaller. Python
// integers never overflow, so within these bounds C and Python agree exactly.
#include "l2e.h"
#include "../format.h"
#include <string.h>

_Static_assert(L2E_MAX_LENGTH == 9 && L2E_MAX_NESTING == 6,
               "re-derive the int64 and buffer bounds in l2e.h/l2e.c before raising the limits");

static const char k_vocab[L2E_VOCAB_SIZE + 1] = " #()*+-.:;<=>@0123456789abcdefghijlnoprstx";
static const char *const k_op_names[L2E_OP_COUNT] = {"pair", "mul", "identity", "var", "loop", "if"};
static const char *const k_task_names[3] = {"program", "addition", "copy"};

// ---------------------------------------------------------------- small text

// A bounded string: appends past cap are dropped and remembered in `overflow`,
// so building code stays linear and the one check happens at the end.
typedef struct {
    char s[L2E_MAX_INPUT];
    int len;
    int overflow;
} l2e_text;

static void text_clear(l2e_text *t) {
    t->len = 0;
    t->overflow = 0;
    t->s[0] = '\0';
}

static void text_cat(l2e_text *t, const char *src, int n) {
    if (t->len + n >= L2E_MAX_INPUT) {
        t->overflow = 1;
        return;
    }
    memcpy(t->s + t->len, src, (size_t)n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void text_puts(l2e_text *t, const char *src) { text_cat(t, src, (int)strlen(src)); }

static void text_puti(l2e_text *t, int64_t v) {
    char buf[24];
    int n = rnn_snprintf(buf, sizeof buf, "%lld", (long long)v);
    text_cat(t, buf, n);
}

// ---------------------------------------------------------------- program builder

// An operand: its source text and its exact value.
typedef struct {
    l2e_text text;
    int64_t value;
} l2e_term;

typedef struct {
    rnn_rng *rng;
    int length;        // L: literals in [1, 10^L], small factors in [1, 4L]
    int64_t lit_max;   // 10^L
    l2e_text code;     // the code lines so far, each ending with '#'
    l2e_term prev;     // the running expression
    int has_prev;      // 0 before the first operation
    unsigned used_vars; // bit i: letter 'a'+i already assigned (no reuse)
} l2e_builder;

static int coin(rnn_rng *rng) { return (int)rnn_rng_range(rng, 0, 1); }

static void term_literal(l2e_builder *b, l2e_term *t) {
    t->value = rnn_rng_range(b->rng, 1, b->lit_max);
    text_clear(&t->text);
    text_puti(&t->text, t->value);
}

// Fills n operand slots: the running expression goes to one uniform slot (it
// is consumed), fresh literals to the others.
static void take_operands(l2e_builder *b, l2e_term *slots, int n) {
    int at = b->has_prev ? (int)rnn_rng_range(b->rng, 0, n - 1) : -1;
    for (int i = 0; i < n; i++) {
        if (i == at) slots[i] = b->prev;
        else term_literal(b, &slots[i]);
    }
    b->has_prev = 0;
}

// A fresh variable name: uniform over the letters a..j not used yet, which is
// the same as walking a random permutation of a..j. nesting <= 6 < 10, so one
// is always left.
static char fresh_var(l2e_builder *b) {
    int free_count = 0;
    for (int i = 0; i < 10; i++) free_count += !(b->used_vars >> i & 1u);
    int pick = (int)rnn_rng_range(b->rng, 0, free_count - 1);
    for (int i = 0; i < 10; i++) {
        if (b->used_vars >> i & 1u) continue;
        if (pick-- == 0) {
            b->used_vars |= 1u << i;
            return (char)('a' + i);
        }
    }
    return 'a'; // unreachable
}

static void set_result(l2e_builder *b, const l2e_term *t) {
    b->prev = *t;
    b->has_prev = 1;
}

// (a+b) or (a-b)
static void op_pair(l2e_builder *b) {
    l2e_term x[2], r;
    take_operands(b, x, 2);
    int plus = coin(b->rng);
    text_clear(&r.text);
    text_puts(&r.text, "(");
    text_cat(&r.text, x[0].text.s, x[0].text.len);
    text_puts(&r.text, plus ? "+" : "-");
    text_cat(&r.text, x[1].text.s, x[1].text.len);
    text_puts(&r.text, ")");
    r.value = plus ? x[0].value + x[1].value : x[0].value - x[1].value;
    set_result(b, &r);
}

// (e*k) or (k*e) with a small factor k in [1, 4L]
static void op_mul(l2e_builder *b) {
    l2e_term e, r;
    take_operands(b, &e, 1);
    int64_t k = rnn_rng_range(b->rng, 1, 4 * b->length);
    int e_first = coin(b->rng);
    text_clear(&r.text);
    text_puts(&r.text, "(");
    if (e_first) text_cat(&r.text, e.text.s, e.text.len);
    else text_puti(&r.text, k);
    text_puts(&r.text, "*");
    if (e_first) text_puti(&r.text, k);
    else text_cat(&r.text, e.text.s, e.text.len);
    text_puts(&r.text, ")");
    r.value = e.value * k;
    set_result(b, &r);
}

// the operand unchanged (a fresh literal when it is the first step)
static void op_identity(l2e_builder *b) {
    l2e_term e;
    take_operands(b, &e, 1);
    set_result(b, &e);
}

// line "v=<a>;" and expression (v+<b>) or (v-<b>)
static void op_var(l2e_builder *b) {
    char v[2] = {fresh_var(b), '\0'};
    l2e_term x[2], r;
    take_operands(b, x, 2);
    int plus = coin(b->rng);
    text_puts(&b->code, v);
    text_puts(&b->code, "=");
    text_cat(&b->code, x[0].text.s, x[0].text.len);
    text_puts(&b->code, ";#");
    text_clear(&r.text);
    text_puts(&r.text, "(");
    text_puts(&r.text, v);
    text_puts(&r.text, plus ? "+" : "-");
    text_cat(&r.text, x[1].text.s, x[1].text.len);
    text_puts(&r.text, ")");
    r.value = plus ? x[0].value + x[1].value : x[0].value - x[1].value;
    set_result(b, &r);
}

// lines "v=<a>" and "for x in range(<k>):v+=<b>" (or -=); expression v.
// Either a or b may be the running expression (the spec's example puts a
// literal in both and the previous result into the next step).
static void op_loop(l2e_builder *b) {
    char v[2] = {fresh_var(b), '\0'};
    l2e_term x[2], r;
    take_operands(b, x, 2);
    int64_t k = rnn_rng_range(b->rng, 1, 4 * b->length);
    int plus = coin(b->rng);
    text_puts(&b->code, v);
    text_puts(&b->code, "=");
    text_cat(&b->code, x[0].text.s, x[0].text.len);
    text_puts(&b->code, "#for x in range(");
    text_puti(&b->code, k);
    text_puts(&b->code, "):");
    text_puts(&b->code, v);
    text_puts(&b->code, plus ? "+=" : "-=");
    text_cat(&b->code, x[1].text.s, x[1].text.len);
    text_puts(&b->code, "#");
    text_clear(&r.text);
    text_puts(&r.text, v);
    r.value = plus ? x[0].value + k * x[1].value : x[0].value - k * x[1].value;
    set_result(b, &r);
}

// (c if a>b else d) or (c if a<b else d); slots are a, b, c, d
static void op_if(l2e_builder *b) {
    l2e_term x[4], r;
    take_operands(b, x, 4);
    int greater = coin(b->rng);
    int cond = greater ? x[0].value > x[1].value : x[0].value < x[1].value;
    text_clear(&r.text);
    text_puts(&r.text, "(");
    text_cat(&r.text, x[2].text.s, x[2].text.len);
    text_puts(&r.text, " if ");
    text_cat(&r.text, x[0].text.s, x[0].text.len);
    text_puts(&r.text, greater ? ">" : "<");
    text_cat(&r.text, x[1].text.s, x[1].text.len);
    text_puts(&r.text, " else ");
    text_cat(&r.text, x[3].text.s, x[3].text.len);
    text_puts(&r.text, ")");
    r.value = cond ? x[2].value : x[3].value;
    set_result(b, &r);
}

static void apply_op(l2e_builder *b, l2e_op op) {
    switch (op) {
    case L2E_OP_PAIR: op_pair(b); break;
    case L2E_OP_MUL: op_mul(b); break;
    case L2E_OP_IDENTITY: op_identity(b); break;
    case L2E_OP_VAR: op_var(b); break;
    case L2E_OP_LOOP: op_loop(b); break;
    default: op_if(b); break;
    }
}

static int64_t pow10_i64(int n) {
    int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

// Copies a finished input and its integer target into the sample.
static rnn_status finish(l2e_sample *out, const l2e_text *input, const char *target) {
    if (input->overflow || (int)strlen(target) >= L2E_MAX_TARGET)
        return rnn_fail(RNN_E_DATA, "l2e: sample exceeds its buffer (a bound in l2e.h is wrong)");
    memcpy(out->input, input->s, (size_t)input->len + 1);
    out->input_len = input->len;
    out->target_len = (int)strlen(target);
    memcpy(out->target, target, (size_t)out->target_len + 1);
    out->split = (int)l2e_split_of(out->input, out->input_len);
    return RNN_OK;
}

static rnn_status draw_program(l2e_sample *out, int length, int nesting, rnn_rng *rng) {
    l2e_builder b;
    b.rng = rng;
    b.length = length;
    b.lit_max = pow10_i64(length);
    b.has_prev = 0;
    b.used_vars = 0;
    text_clear(&b.code);
    out->ops = 0;
    memset(out->op_seq, 0, sizeof out->op_seq);
    for (int i = 0; i < nesting; i++) {
        l2e_op op = (l2e_op)rnn_rng_range(rng, 0, L2E_OP_COUNT - 1);
        apply_op(&b, op);
        out->op_seq[i] = (unsigned char)op;
        out->ops += 1u << (4 * (int)op);
    }
    text_puts(&b.code, "print(");
    text_cat(&b.code, b.prev.text.s, b.prev.text.len);
    text_puts(&b.code, ")@");
    char target[L2E_MAX_TARGET + 24];
    rnn_snprintf(target, sizeof target, "%lld.", (long long)b.prev.value);
    return finish(out, &b.code, target);
}

static rnn_status draw_addition(l2e_sample *out, int length, rnn_rng *rng) {
    int64_t lo = pow10_i64(length - 1), hi = pow10_i64(length) - 1;
    int64_t x = rnn_rng_range(rng, lo, hi), y = rnn_rng_range(rng, lo, hi);
    l2e_text in;
    text_clear(&in);
    text_puts(&in, "print(");
    text_puti(&in, x);
    text_puts(&in, "+");
    text_puti(&in, y);
    text_puts(&in, ")@");
    char target[L2E_MAX_TARGET];
    rnn_snprintf(target, sizeof target, "%lld.", (long long)(x + y));
    return finish(out, &in, target);
}

static rnn_status draw_copy(l2e_sample *out, int length, rnn_rng *rng) {
    char digits[L2E_MAX_COPY_LENGTH + 2];
    for (int i = 0; i < length; i++) digits[i] = (char)('0' + rnn_rng_range(rng, 0, 9));
    digits[length] = '\0';
    l2e_text in;
    text_clear(&in);
    text_cat(&in, digits, length);
    text_puts(&in, "@");
    digits[length] = '.';
    digits[length + 1] = '\0';
    return finish(out, &in, digits);
}

static rnn_status check_args(const l2e_sample *out, l2e_task task, int length, int nesting, l2e_split split,
                             const rnn_rng *rng) {
    if (!out || !rng) return rnn_fail(RNN_E_ARG, "l2e_generate: NULL sample or rng");
    if (split < L2E_SPLIT_ANY || split > L2E_SPLIT_TEST)
        return rnn_fail(RNN_E_ARG, "l2e_generate: split %d not in -1..2", (int)split);
    switch (task) {
    case L2E_PROGRAM:
        if (length < 1 || length > L2E_MAX_LENGTH)
            return rnn_fail(RNN_E_ARG, "l2e_generate: program length %d not in 1..%d", length, L2E_MAX_LENGTH);
        if (nesting < 1 || nesting > L2E_MAX_NESTING)
            return rnn_fail(RNN_E_ARG, "l2e_generate: nesting %d not in 1..%d", nesting, L2E_MAX_NESTING);
        return RNN_OK;
    case L2E_ADDITION:
        if (length < 1 || length > L2E_MAX_LENGTH)
            return rnn_fail(RNN_E_ARG, "l2e_generate: addition length %d not in 1..%d", length, L2E_MAX_LENGTH);
        return RNN_OK;
    case L2E_COPY:
        if (length < 1 || length > L2E_MAX_COPY_LENGTH)
            return rnn_fail(RNN_E_ARG, "l2e_generate: copy length %d not in 1..%d", length, L2E_MAX_COPY_LENGTH);
        return RNN_OK;
    }
    return rnn_fail(RNN_E_ARG, "l2e_generate: unknown task %d", (int)task);
}

static rnn_status draw_once(l2e_sample *out, l2e_task task, int length, int nesting, rnn_rng *rng) {
    out->length = length;
    out->nesting = task == L2E_PROGRAM ? nesting : 1;
    out->ops = 0;
    memset(out->op_seq, 0, sizeof out->op_seq);
    if (task == L2E_PROGRAM) return draw_program(out, length, nesting, rng);
    if (task == L2E_ADDITION) return draw_addition(out, length, rng);
    return draw_copy(out, length, rng);
}

rnn_status l2e_generate(l2e_sample *out, l2e_task task, int length, int nesting, l2e_split split, rnn_rng *rng) {
    rnn_status st = check_args(out, task, length, nesting, split, rng);
    if (st != RNN_OK) return st;
    for (int tries = 0; tries < L2E_MAX_TRIES; tries++) {
        st = draw_once(out, task, length, nesting, rng);
        if (st != RNN_OK) return st;
        if (split == L2E_SPLIT_ANY || out->split == (int)split) return RNN_OK;
    }
    return rnn_fail(RNN_E_DATA, "l2e_generate: no %s sample of length %d in split %d after %d draws",
                    l2e_task_name(task), length, (int)split, L2E_MAX_TRIES);
}

// ---------------------------------------------------------------- pretty printer

int l2e_pretty(const char *input, char *out, int cap) {
    if (!input || !out || cap < 1) return -1;
    int n = 0;
    for (const char *p = input; *p; p++) {
        char c = *p;
        if (c == '@') continue;
        if (c == ';' && (p[1] == '#' || p[1] == '@' || p[1] == '\0')) continue; // statement end
        if (c == '#') {
            if (p[1] == '\0' || p[1] == '@') continue; // no trailing newline
            c = '\n';
        }
        int extra = c == ':' && p[1] != ' '; // "range(8): j+=920"
        if (n + 1 + extra >= cap) {
            out[0] = '\0';
            return -1;
        }
        out[n++] = c;
        if (extra) out[n++] = ' ';
    }
    out[n] = '\0';
    return n;
}

// ---------------------------------------------------------------- vocabulary, hash, names

const char *l2e_vocab(void) { return k_vocab; }

int l2e_vocab_index(char c) {
    if (c == '\0') return -1;
    const char *p = strchr(k_vocab, c);
    return p ? (int)(p - k_vocab) : -1;
}

uint32_t l2e_hash(const char *text, int len) {
    uint32_t h = 2166136261u;
    for (int i = 0; i < len; i++) {
        h ^= (uint32_t)(unsigned char)text[i];
        h *= 16777619u;
    }
    return h;
}

unsigned l2e_split_of(const char *input, int len) {
    if (!input || len < 0) return 0;
    return (unsigned)(l2e_hash(input, len) % 3u);
}

int l2e_op_count(unsigned ops, l2e_op op) {
    if ((int)op < 0 || op >= L2E_OP_COUNT) return 0;
    return (int)(ops >> (4 * (int)op) & 15u);
}

const char *l2e_op_name(l2e_op op) { return (int)op >= 0 && op < L2E_OP_COUNT ? k_op_names[op] : "?"; }

const char *l2e_task_name(l2e_task task) {
    return (int)task >= 0 && (int)task < 3 ? k_task_names[task] : "?";
}

int l2e_task_parse(const char *name) {
    if (!name) return -1;
    for (int i = 0; i < 3; i++)
        if (strcmp(name, k_task_names[i]) == 0) return i;
    return -1;
}

// ---------------------------------------------------------------- scrambling

static int kept_symbol(char c) { return c == '#' || c == '@' || c == '.'; }

void l2e_substitution_draw(l2e_substitution *k, rnn_rng *rng) {
    char moving[L2E_VOCAB_SIZE];
    int n = 0;
    for (int i = 0; i < L2E_VOCAB_SIZE; i++)
        if (!kept_symbol(k_vocab[i])) moving[n++] = k_vocab[i];
    for (int i = n - 1; i > 0; i--) { // Fisher-Yates over the symbols that move
        const int j = (int)rnn_rng_range(rng, 0, i);
        const char c = moving[i];
        moving[i] = moving[j];
        moving[j] = c;
    }
    for (int i = 0, m = 0; i < L2E_VOCAB_SIZE; i++) {
        const char to = kept_symbol(k_vocab[i]) ? k_vocab[i] : moving[m++];
        k->to[i] = to;
        k->from[l2e_vocab_index(to)] = k_vocab[i];
    }
}

void l2e_substitute(char *text, int len, const l2e_substitution *k, int inverse) {
    for (int i = 0; i < len; i++) {
        const int v = l2e_vocab_index(text[i]);
        if (v >= 0) text[i] = inverse ? k->from[v] : k->to[v];
    }
}

void l2e_scramble(l2e_sample *s, const l2e_substitution *k) {
    l2e_substitute(s->input, s->input_len, k, 0);
    l2e_substitute(s->target, s->target_len, k, 0);
}
