// status.c - status names and the last-error reason buffer.
#include "status.h"
#include <stdarg.h>
#include "format.h"

static char g_reason[256] = "";

const char *rnn_status_string(rnn_status s) {
    switch (s) {
    case RNN_OK: return "ok";
    case RNN_E_ARG: return "invalid argument";
    case RNN_E_NOMEM: return "out of memory";
    case RNN_E_UTF8: return "invalid UTF-8";
    case RNN_E_DATA: return "unusable data";
    case RNN_E_TRUNCATED: return "truncated model file";
    case RNN_E_MAGIC: return "not a model file (bad magic)";
    case RNN_E_VERSION: return "unsupported model file version";
    case RNN_E_SIZE: return "absurd or inconsistent size";
    case RNN_E_CHECKSUM: return "checksum mismatch";
    case RNN_E_JSON: return "malformed JSON";
    case RNN_E_NONFINITE: return "non-finite value (NaN or Inf)";
    case RNN_E_STATE: return "invalid state";
    }
    return "unknown status";
}

rnn_status rnn_fail(rnn_status s, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = rnn_snprintf(g_reason, sizeof g_reason, "%s: ", rnn_status_string(s));
    if (n > 0 && n < (int)sizeof g_reason) rnn_vsnprintf(g_reason + n, sizeof g_reason - (size_t)n, fmt, ap);
    va_end(ap);
    return s;
}

const char *rnn_last_error(void) { return g_reason; }
