// status.h - every fallible engine call returns an rnn_status; the library
// never exits or aborts. rnn_status_string() names the class, rnn_last_error()
// gives the detailed reason of the most recent failure (single-threaded, like
// stbi_failure_reason).
#ifndef RNN_STATUS_H
#define RNN_STATUS_H

typedef enum {
    RNN_OK = 0,
    RNN_E_ARG,        // an argument is out of range or inconsistent
    RNN_E_NOMEM,      // allocation failed
    RNN_E_UTF8,       // text is not valid UTF-8
    RNN_E_DATA,       // data unusable (empty corpus, too short, ...)
    RNN_E_TRUNCATED,  // model file shorter than its header says
    RNN_E_MAGIC,      // not a model file
    RNN_E_VERSION,    // model file version not supported
    RNN_E_SIZE,       // a size field is absurd or inconsistent
    RNN_E_CHECKSUM,   // model file checksum mismatch
    RNN_E_JSON,       // malformed JSON / wrong structure
    RNN_E_NONFINITE,  // NaN or Inf encountered
    RNN_E_STATE       // call not valid in the object's current state
} rnn_status;

const char *rnn_status_string(rnn_status s);
// Records the reason for status s (printf-style) and returns s, so that
// failing code can write: return rnn_fail(RNN_E_ARG, "hidden %d out of range", h);
rnn_status rnn_fail(rnn_status s, const char *fmt, ...);
const char *rnn_last_error(void);
#endif
