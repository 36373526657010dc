// json.c - strict recursive-descent JSON reader and a growable writer.
#include "json.h"
#include "number.h"
#include <stdarg.h>
#include "../format.h"
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 32

typedef struct { const char *s; long len, at; } cursor;

static void skip_ws(cursor *c) {
    while (c->at < c->len && (c->s[c->at] == ' ' || c->s[c->at] == '\t' || c->s[c->at] == '\n' || c->s[c->at] == '\r')) c->at++;
}

static rnn_status err(const cursor *c, const char *what) { return rnn_fail(RNN_E_JSON, "%s at byte %ld", what, c->at); }

static void free_value(json *j) {
    if (j->type == JSON_STRING) free(j->str);
    if (j->type == JSON_ARRAY || j->type == JSON_OBJECT) {
        for (int i = 0; i < j->n; i++) {
            free_value(&j->items[i]);
            if (j->keys) free(j->keys[i]);
        }
        free(j->items);
        free(j->keys);
    }
}

void json_free(json *j) {
    if (!j) return;
    free_value(j);
    free(j);
}

static int hexval(char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

static int read_hex4(cursor *c, unsigned *v) {
    if (c->at + 4 > c->len) return 0;
    *v = 0;
    for (int i = 0; i < 4; i++) {
        const int h = hexval(c->s[c->at++]);
        if (h < 0) return 0;
        *v = *v * 16 + (unsigned)h;
    }
    return 1;
}

static int put_utf8(char *o, unsigned cp) {
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) { o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F)); return 3; }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

// Parses a string at c->at (on the opening quote). Output is never longer
// than the input, so one allocation of the remaining length bounds it.
static rnn_status parse_string(cursor *c, char **out, long *out_len) {
    c->at++;
    long end = c->at;
    while (end < c->len && c->s[end] != '"') end += (c->s[end] == '\\') ? 2 : 1;
    if (end >= c->len) return err(c, "unterminated string");
    char *o = malloc((size_t)(end - c->at + 1));
    if (!o) return rnn_fail(RNN_E_NOMEM, "JSON string");
    long k = 0;
    while (c->s[c->at] != '"') {
        char ch = c->s[c->at++];
        if ((unsigned char)ch < 0x20) { free(o); return err(c, "control character in string"); }
        if (ch != '\\') { o[k++] = ch; continue; }
        ch = c->s[c->at++];
        switch (ch) {
        case '"': case '\\': case '/': o[k++] = ch; break;
        case 'b': o[k++] = '\b'; break;
        case 'f': o[k++] = '\f'; break;
        case 'n': o[k++] = '\n'; break;
        case 'r': o[k++] = '\r'; break;
        case 't': o[k++] = '\t'; break;
        case 'u': {
            unsigned cp;
            if (!read_hex4(c, &cp)) { free(o); return err(c, "bad \\u escape"); }
            if (cp >= 0xD800 && cp <= 0xDBFF) { // surrogate pair
                unsigned lo;
                if (c->at + 2 > c->len || c->s[c->at] != '\\' || c->s[c->at + 1] != 'u') { free(o); return err(c, "lone surrogate"); }
                c->at += 2;
                if (!read_hex4(c, &lo) || lo < 0xDC00 || lo > 0xDFFF) { free(o); return err(c, "bad surrogate pair"); }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) { free(o); return err(c, "lone surrogate"); }
            k += put_utf8(o + k, cp);
            break;
        }
        default: free(o); return err(c, "bad escape");
        }
    }
    c->at++;
    o[k] = 0;
    *out = o;
    if (out_len) *out_len = k;
    return RNN_OK;
}

static rnn_status parse_number(cursor *c, double *v) {
    const long start = c->at;
    if (c->at < c->len && c->s[c->at] == '-') c->at++;
    if (c->at >= c->len || c->s[c->at] < '0' || c->s[c->at] > '9') return err(c, "bad number");
    if (c->s[c->at] == '0') c->at++;
    else while (c->at < c->len && c->s[c->at] >= '0' && c->s[c->at] <= '9') c->at++;
    if (c->at < c->len && c->s[c->at] == '.') {
        c->at++;
        if (c->at >= c->len || c->s[c->at] < '0' || c->s[c->at] > '9') return err(c, "bad fraction");
        while (c->at < c->len && c->s[c->at] >= '0' && c->s[c->at] <= '9') c->at++;
    }
    if (c->at < c->len && (c->s[c->at] == 'e' || c->s[c->at] == 'E')) {
        c->at++;
        if (c->at < c->len && (c->s[c->at] == '+' || c->s[c->at] == '-')) c->at++;
        if (c->at >= c->len || c->s[c->at] < '0' || c->s[c->at] > '9') return err(c, "bad exponent");
        while (c->at < c->len && c->s[c->at] >= '0' && c->s[c->at] <= '9') c->at++;
    }
    const long n = c->at - start;
    if (n >= 64) return err(c, "number too long");
    rnn_parse_double(c->s + start, n, v); // reads exactly the n bytes checked above
    return RNN_OK;
}

static rnn_status parse_value(cursor *c, json *j, int depth);

static int cmp_key(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

// Duplicate keys are refused: readers disagree on which one wins (Python's
// json keeps the last, a first-match lookup the first). Sorted copy of the
// key pointers, neighbours compared: n log n even for a hostile object.
static rnn_status check_unique_keys(const cursor *c, const json *j) {
    if (j->n < 2) return RNN_OK;
    char **k = malloc(sizeof(char *) * (size_t)j->n);
    if (!k) return rnn_fail(RNN_E_NOMEM, "JSON object keys");
    memcpy(k, j->keys, sizeof(char *) * (size_t)j->n);
    qsort(k, (size_t)j->n, sizeof(char *), cmp_key);
    for (int i = 1; i < j->n; i++)
        if (strcmp(k[i], k[i - 1]) == 0) {
            rnn_status st = rnn_fail(RNN_E_JSON, "duplicate key \"%.80s\" in the object ending at byte %ld", k[i], c->at);
            free(k);
            return st;
        }
    free(k);
    return RNN_OK;
}

// Arrays and objects share the element loop; keys only for objects.
static rnn_status parse_container(cursor *c, json *j, int depth, int is_obj) {
    const char close = is_obj ? '}' : ']';
    j->type = is_obj ? JSON_OBJECT : JSON_ARRAY;
    c->at++;
    skip_ws(c);
    if (c->at < c->len && c->s[c->at] == close) { c->at++; return RNN_OK; }
    int cap = 0;
    for (;;) {
        if (j->n == cap) {
            cap = cap ? cap * 2 : 8;
            json *items = realloc(j->items, sizeof(json) * (size_t)cap);
            if (!items) return rnn_fail(RNN_E_NOMEM, "JSON array");
            j->items = items;
            if (is_obj) {
                char **keys = realloc(j->keys, sizeof(char *) * (size_t)cap);
                if (!keys) return rnn_fail(RNN_E_NOMEM, "JSON object");
                j->keys = keys;
            }
        }
        json *it = &j->items[j->n];
        memset(it, 0, sizeof *it);
        if (is_obj) {
            j->keys[j->n] = NULL;
            skip_ws(c);
            if (c->at >= c->len || c->s[c->at] != '"') return err(c, "expected a key");
            j->n++; // count now so that json_free releases the key on failure
            rnn_status st = parse_string(c, &j->keys[j->n - 1], NULL);
            if (st) return st;
            skip_ws(c);
            if (c->at >= c->len || c->s[c->at] != ':') return err(c, "expected ':'");
            c->at++;
        } else j->n++;
        rnn_status st = parse_value(c, it, depth + 1);
        if (st) return st;
        skip_ws(c);
        if (c->at < c->len && c->s[c->at] == ',') { c->at++; continue; }
        if (c->at < c->len && c->s[c->at] == close) { c->at++; return is_obj ? check_unique_keys(c, j) : RNN_OK; }
        return err(c, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static rnn_status parse_value(cursor *c, json *j, int depth) {
    if (depth > JSON_MAX_DEPTH) return err(c, "nesting too deep");
    skip_ws(c);
    if (c->at >= c->len) return err(c, "unexpected end of input");
    const char ch = c->s[c->at];
    if (ch == '{' || ch == '[') return parse_container(c, j, depth, ch == '{');
    if (ch == '"') { j->type = JSON_STRING; return parse_string(c, &j->str, &j->len); }
    if (ch == '-' || (ch >= '0' && ch <= '9')) { j->type = JSON_NUMBER; return parse_number(c, &j->num); }
    static const char *const words[3] = {"true", "false", "null"};
    for (int w = 0; w < 3; w++) {
        const long n = (long)strlen(words[w]);
        if (c->at + n <= c->len && memcmp(c->s + c->at, words[w], (size_t)n) == 0) {
            c->at += n;
            j->type = w == 2 ? JSON_NULL : JSON_BOOL;
            j->num = w == 0;
            return RNN_OK;
        }
    }
    return err(c, "unexpected character");
}

rnn_status json_parse(const char *s, long len, json **out) {
    *out = NULL;
    json *j = calloc(1, sizeof *j);
    if (!j) return rnn_fail(RNN_E_NOMEM, "JSON");
    cursor c = {s, len, 0};
    rnn_status st = parse_value(&c, j, 0);
    if (!st) {
        skip_ws(&c);
        if (c.at != c.len) st = err(&c, "trailing characters after the value");
    }
    if (st) { json_free(j); return st; }
    *out = j;
    return RNN_OK;
}

const json *json_get(const json *obj, const char *key) {
    if (!obj || obj->type != JSON_OBJECT) return NULL;
    for (int i = 0; i < obj->n; i++)
        if (strcmp(obj->keys[i], key) == 0) return &obj->items[i];
    return NULL;
}

static void jb_reserve(json_buf *b, long extra) {
    if (b->failed || b->len + extra + 1 <= b->cap) return;
    long cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1) cap *= 2;
    char *s = realloc(b->s, (size_t)cap);
    if (!s) { b->failed = 1; return; }
    b->s = s;
    b->cap = cap;
}

void jb_puts(json_buf *b, const char *s) {
    const long n = (long)strlen(s);
    jb_reserve(b, n);
    if (b->failed) return;
    memcpy(b->s + b->len, s, (size_t)n + 1);
    b->len += n;
}

void jb_printf(json_buf *b, const char *fmt, ...) {
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    rnn_vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    jb_puts(b, tmp);
}

void jb_string(json_buf *b, const char *u, long n) {
    jb_puts(b, "\"");
    for (long i = 0; i < n; i++) {
        const unsigned char ch = (unsigned char)u[i];
        if (ch == '"') jb_puts(b, "\\\"");
        else if (ch == '\\') jb_puts(b, "\\\\");
        else if (ch < 0x20) jb_printf(b, "\\u%04x", ch);
        else { char one[2] = {(char)ch, 0}; jb_puts(b, one); }
    }
    jb_puts(b, "\"");
}
