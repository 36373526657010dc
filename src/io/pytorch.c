// pytorch.c - PyTorch nn.RNN state_dict as JSON, both ways.
#include "pytorch.h"
#include "json.h"
#include "../data/utf8.h"
#include <math.h>
#include "../format.h"
#include <stdlib.h>
#include <string.h>

// Writes rows x cols where element (i,j) = src[j*ld + i] (a transpose) or
// src[i*ld + j]; rows == 0 writes a flat vector of cols.
static void put_matrix(json_buf *b, const float *src, int rows, int cols, int ld, int transpose) {
    if (rows == 0) {
        jb_puts(b, "[");
        for (int j = 0; j < cols; j++) jb_printf(b, j ? ",%.9g" : "%.9g", (double)src[j]);
        jb_puts(b, "]");
        return;
    }
    jb_puts(b, "[");
    for (int i = 0; i < rows; i++) {
        jb_puts(b, i ? ",[" : "[");
        for (int j = 0; j < cols; j++) {
            const float v = transpose ? src[(long)j * ld + i] : src[(long)i * ld + j];
            jb_printf(b, j ? ",%.9g" : "%.9g", (double)v);
        }
        jb_puts(b, "]");
    }
    jb_puts(b, "]");
}

rnn_status rnn_export_pytorch(const rnn_charlm *m, char **out, long *len) {
    *out = NULL;
    *len = 0;
    if (m->cfg.act == RNN_ACT_LINEAR)
        return rnn_fail(RNN_E_ARG, "PyTorch's nn.RNN supports only tanh and relu, not a linear activation");
    const int V = m->V, H = m->H;
    json_buf b = {0};
    jb_puts(&b, "{\"format\":\"pytorch-rnn\",\"vocab\":[");
    for (int v = 0; v < V; v++) {
        char ch[4];
        const int n = utf8_encode(m->vocab.cp[v], ch);
        if (v) jb_puts(&b, ",");
        jb_string(&b, ch, n);
    }
    jb_puts(&b, "],\"unk_index\":");
    if (m->vocab.unk >= 0) jb_printf(&b, "%d", m->vocab.unk); else jb_puts(&b, "null");
    jb_printf(&b, ",\"nonlinearity\":\"%s\",\"hidden_size\":%d,\"state_dict\":{", m->cfg.act == RNN_ACT_TANH ? "tanh" : "relu", H);
    jb_puts(&b, "\"rnn.weight_ih_l0\":");
    put_matrix(&b, m->p.U, H, V, H, 1);
    jb_puts(&b, ",\"rnn.weight_hh_l0\":");
    put_matrix(&b, m->p.W, H, H, H, 1);
    jb_puts(&b, ",\"rnn.bias_ih_l0\":");
    put_matrix(&b, m->p.b, 0, H, 0, 0);
    jb_puts(&b, ",\"rnn.bias_hh_l0\":[");
    for (int j = 0; j < H; j++) jb_puts(&b, j ? ",0" : "0");
    jb_puts(&b, "],\"fc.weight\":");
    put_matrix(&b, m->p.Wy, V, H, V, 1);
    jb_puts(&b, ",\"fc.bias\":");
    put_matrix(&b, m->p.by, 0, V, 0, 0);
    jb_puts(&b, "}}\n");
    if (b.failed) { free(b.s); return rnn_fail(RNN_E_NOMEM, "export buffer"); }
    *out = b.s;
    *len = b.len;
    return RNN_OK;
}

// Reads a rows x cols matrix (or a vector when rows == 0) of finite numbers;
// element (i,j) goes to dst[j*ld + i] when transpose, else dst[i*ld + j];
// add != 0 adds instead of storing.
static rnn_status get_matrix(const json *sd, const char *key, float *dst, int rows, int cols, int ld, int transpose, int add) {
    const json *a = json_get(sd, key);
    if (!a) return rnn_fail(RNN_E_JSON, "state_dict has no \"%s\"", key);
    const int nr = rows ? rows : 1;
    if (a->type != JSON_ARRAY || (rows && a->n != rows) || (!rows && a->n != cols))
        return rnn_fail(RNN_E_JSON, "\"%s\" must be %s of %d", key, rows ? "an array of rows" : "an array", rows ? rows : cols);
    for (int i = 0; i < nr; i++) {
        const json *row = rows ? &a->items[i] : a;
        if (row->type != JSON_ARRAY || row->n != cols)
            return rnn_fail(RNN_E_JSON, "\"%s\" row %d must have %d numbers", key, i, cols);
        for (int j = 0; j < cols; j++) {
            const json *e = &row->items[j];
            if (e->type != JSON_NUMBER) return rnn_fail(RNN_E_JSON, "\"%s\"[%d][%d] is not a number", key, i, j);
            const float v = (float)e->num;
            if (!isfinite(v)) return rnn_fail(RNN_E_NONFINITE, "\"%s\"[%d][%d] is not a finite float32", key, i, j);
            float *d = transpose ? &dst[(long)j * ld + i] : &dst[(long)i * ld + j];
            *d = add ? *d + v : v;
        }
    }
    return RNN_OK;
}

static rnn_status read_vocab(const json *root, rnn_vocab *v) {
    const json *a = json_get(root, "vocab");
    if (!a || a->type != JSON_ARRAY) return rnn_fail(RNN_E_JSON, "missing \"vocab\" array");
    if (a->n < 2 || a->n > RNN_VOCAB_MAX) return rnn_fail(RNN_E_SIZE, "vocabulary of %d entries not in [2, %d]", a->n, RNN_VOCAB_MAX);
    const json *u = json_get(root, "unk_index");
    int unk = -1;
    if (u && u->type == JSON_NUMBER && u->num == floor(u->num) && u->num >= -1 && u->num < RNN_VOCAB_MAX) unk = (int)u->num;
    else if (u && u->type != JSON_NULL) return rnn_fail(RNN_E_JSON, "\"unk_index\" must be an integer index or null");
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)a->n);
    if (!cps) return rnn_fail(RNN_E_NOMEM, "vocabulary");
    for (int i = 0; i < a->n; i++) {
        const json *e = &a->items[i];
        uint32_t cp[8];
        long n = 0;
        const long bl = e->type == JSON_STRING ? e->len : 0;
        if (e->type != JSON_STRING || bl < 1 || bl > 4 || utf8_decode(e->str, bl, cp, &n) || n != 1) {
            free(cps);
            return rnn_fail(RNN_E_JSON, "vocab entry %d must be a string of one character", i);
        }
        cps[i] = cp[0];
    }
    rnn_status st = vocab_from_list(v, cps, a->n, unk);
    free(cps);
    if (!st) return RNN_OK;
    char why[200]; // the reason buffer is about to be rewritten: copy it first
    rnn_snprintf(why, sizeof why, "%s", rnn_last_error());
    return rnn_fail(RNN_E_JSON, "bad vocabulary (%s)", why);
}

static rnn_status read_header(const json *root, rnn_charlm_config *cfg) {
    if (!root || root->type != JSON_OBJECT) return rnn_fail(RNN_E_JSON, "the top level must be an object");
    const json *f = json_get(root, "format");
    if (!f || f->type != JSON_STRING || strcmp(f->str, "pytorch-rnn") != 0)
        return rnn_fail(RNN_E_JSON, "\"format\" must be \"pytorch-rnn\"");
    const json *nl = json_get(root, "nonlinearity");
    if (!nl || nl->type != JSON_STRING || (strcmp(nl->str, "tanh") && strcmp(nl->str, "relu")))
        return rnn_fail(RNN_E_JSON, "\"nonlinearity\" must be \"tanh\" or \"relu\"");
    cfg->act = strcmp(nl->str, "tanh") == 0 ? RNN_ACT_TANH : RNN_ACT_RELU;
    const json *h = json_get(root, "hidden_size");
    if (!h || h->type != JSON_NUMBER || h->num != floor(h->num)) return rnn_fail(RNN_E_JSON, "\"hidden_size\" must be an integer");
    if (h->num < 1 || h->num > RNN_MAX_HIDDEN) return rnn_fail(RNN_E_SIZE, "hidden_size %.0f not in [1, %d]", h->num, RNN_MAX_HIDDEN);
    cfg->hidden = (int)h->num;
    const json *sd = json_get(root, "state_dict");
    if (!sd || sd->type != JSON_OBJECT) return rnn_fail(RNN_E_JSON, "missing \"state_dict\" object");
    return RNN_OK;
}

static rnn_status read_weights(rnn_charlm *m, const json *sd) {
    const int V = m->V, H = m->H;
    rnn_status st;
    if ((st = get_matrix(sd, "rnn.weight_ih_l0", m->p.U, H, V, H, 1, 0))) return st;
    if ((st = get_matrix(sd, "rnn.weight_hh_l0", m->p.W, H, H, H, 1, 0))) return st;
    if ((st = get_matrix(sd, "rnn.bias_ih_l0", m->p.b, 0, H, 0, 0, 0))) return st;
    if ((st = get_matrix(sd, "rnn.bias_hh_l0", m->p.b, 0, H, 0, 0, 1))) return st;
    if ((st = get_matrix(sd, "fc.weight", m->p.Wy, V, H, V, 1, 0))) return st;
    return get_matrix(sd, "fc.bias", m->p.by, 0, V, 0, 0, 0);
}

rnn_status rnn_import_pytorch(rnn_charlm **out, const char *text, long len, const rnn_charlm_config *base) {
    *out = NULL;
    json *root;
    rnn_status st = json_parse(text, len, &root);
    if (st) return st;
    rnn_charlm_config cfg = *base;
    rnn_vocab v = {0};
    rnn_charlm *m = NULL;
    st = read_header(root, &cfg);
    if (!st) st = read_vocab(root, &v);
    if (!st) { cfg.vocab_cap = v.size > cfg.vocab_cap ? v.size : cfg.vocab_cap; st = rnn_charlm_alloc(&m, &cfg, &v); }
    if (!st) st = read_weights(m, json_get(root, "state_dict"));
    json_free(root);
    vocab_free(&v);
    if (st) { rnn_charlm_free(m); return st; }
    *out = m;
    return RNN_OK;
}
