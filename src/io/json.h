// json.h - a small strict JSON reader (RFC 8259) and a string builder, enough
// for the PyTorch export/import. The reader builds a tree; nesting depth is
// limited, NaN/Infinity literals are rejected (they are not JSON).
#ifndef RNN_JSON_H
#define RNN_JSON_H
#include "../status.h"

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json {
    json_type type;
    double num;          // NUMBER, BOOL (0/1)
    char *str;           // STRING (UTF-8, NUL-terminated; may hold NUL bytes: see len)
    long len;            // STRING length in bytes
    int n;               // ARRAY/OBJECT element count
    struct json *items;  // ARRAY/OBJECT elements
    char **keys;         // OBJECT keys, parallel to items
} json;

rnn_status json_parse(const char *s, long len, json **out);
void json_free(json *j);
const json *json_get(const json *obj, const char *key); // NULL if absent or obj not an object

typedef struct { char *s; long len, cap; int failed; } json_buf;
void jb_puts(json_buf *b, const char *s);
void jb_printf(json_buf *b, const char *fmt, ...);
void jb_string(json_buf *b, const char *utf8, long n);   // n bytes, quoted and escaped (NUL -> \u0000)
#endif
