// api_contract.h - the shape of the C ABI's arrays, in one place: the slots of
// every config array the exports read and the fields of every output array
// they write, in order, by name. The exports (api.c, api_l2e.c) index with the
// enums below; rnn_describe() (api_describe.c) reports the names, and
// js/engine.js builds and reads the arrays by those names, so neither side
// depends on positions copied by hand. Adding a slot or a field: add it to the
// enum and to the name list at the same place (a static assert checks the
// counts), then rebuild; js/engine.js needs no change unless it uses the name.
#ifndef RNN_API_CONTRACT_H
#define RNN_API_CONTRACT_H

#define RNN_ABI_VERSION 2

// samples per rnn_l2e_generate call
#define RNN_L2E_MAX_COUNT 1000000

// number of strings in a comma-separated list of string literals
#define RNN_NAMES_COUNT(...) ((int)(sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)))

// rnn_lm_create / rnn_lm_import / rnn_lm_check_config: int and float configs
enum { LM_I_HIDDEN, LM_I_SEQ, LM_I_BATCH, LM_I_ACTIVATION, LM_I_OPTIM, LM_I_CLIP_MODE, LM_I_VOCAB_CAP, LM_I_SEED, LM_I_COUNT };
#define RNN_LM_ICFG "hidden", "seq", "batch", "activation", "optim", "clipMode", "vocabCap", "seed"
enum { LM_F_LR, LM_F_CLIP, LM_F_VAL_FRACTION, LM_F_COUNT };
#define RNN_LM_FCFG "lr", "clip", "valFraction"

// rnn_lm_train's out[]; rnn_lm_eval's out[]; rnn_lm_info's out[]
#define RNN_LM_TRAIN_FIELDS "step", "loss", "gradNorm", "clipped", "chars", "finite"
#define RNN_LM_EVAL_FIELDS "bpc", "chars"
#define RNN_LM_INFO_FIELDS "V", "H", "B", "T", "activation", "optim", "clipMode", "vocabCap", "seed", "step", \
    "trainChars", "valChars", "unigramBits", "lr", "clip", "valFraction", "unkIndex", "params", "hasText", \
    "workers", "shard"

// rnn_l2e_create / rnn_l2e_check_config: int and float configs
enum { L2E_I_TASK, L2E_I_LENGTH, L2E_I_NESTING, L2E_I_STRATEGY, L2E_I_HIDDEN, L2E_I_BATCH, L2E_I_SEED, L2E_I_REVERSE,
       L2E_I_CONTEXT, L2E_I_SCRAMBLE, L2E_I_EVAL_EVERY, L2E_I_EVAL_SAMPLES, L2E_I_COUNT };
#define RNN_L2E_ICFG "task", "length", "nesting", "strategy", "hidden", "batch", "seed", "reverse", "context", \
    "scramble", "evalEvery", "evalSamples"
enum { L2E_F_LR, L2E_F_CLIP, L2E_F_COUNT };
#define RNN_L2E_FCFG "lr", "clip"

// rnn_l2e_train / rnn_l2e_status out[]; rnn_l2e_evaluate out[]; rnn_l2e_info out[]
#define RNN_L2E_STATS_FIELDS "step", "samples", "loss", "trainChar", "gradNorm", "clipped", "finite", "levelLength", \
    "levelNesting", "advances", "evals", "levelChar"
#define RNN_L2E_EVAL_FIELDS "charAcc", "exact", "loss", "chars", "samples"
#define RNN_L2E_INFO_FIELDS "maxIn", "maxOut", "params", "hidden", "batch", "vocab", "decoderInput", "step"
// rnn_s2s_tensor_sizes' sizes[], in parameter block order
#define RNN_S2S_TENSORS "enc.U", "enc.W", "enc.b", "dec.U", "dec.W", "dec.b", "out.Wy", "out.by"

// rnn_peak_run's out[] (src/api_peak.c) and its largest reps
enum { PEAK_O_FLOPS, PEAK_O_CHECKSUM, PEAK_O_LANES, PEAK_O_CHAINS, PEAK_O_COUNT };
#define RNN_PEAK_FIELDS "flops", "checksum", "lanes", "chains"
#define RNN_PEAK_MAX_REPS 1000000000

// rnn_kernel_run's `which`: a kernel, SIMD entry point or scalar twin
typedef enum {
    RNN_K_MATMUL, RNN_K_MATMUL_ACC, RNN_K_MATMUL_TN, RNN_K_MATMUL_NT, RNN_K_MATMUL_NT_ACC, RNN_K_ADD_ROWS,
    RNN_K_SCATTER_ADD_ROWS, RNN_K_ADD_BIAS, RNN_K_SUM_ROWS, RNN_K_TANH, RNN_K_RELU, RNN_K_LINEAR,
    RNN_K_TANH_BACKWARD, RNN_K_RELU_BACKWARD, RNN_K_LINEAR_BACKWARD, RNN_K_SOFTMAX, RNN_K_AXPY,
    RNN_K_STEP_TANH, RNN_K_STEP_RELU, RNN_K_STEP_LINEAR,                          // fused recurrence step forward
    RNN_K_STEP_BACKWARD_TANH, RNN_K_STEP_BACKWARD_RELU, RNN_K_STEP_BACKWARD_LINEAR, // and backward
    RNN_K_COUNT
} rnn_kernel_id;
#define RNN_KERNEL_NAMES "matmul", "matmul_acc", "matmul_tn", "matmul_nt", "matmul_nt_acc", "add_rows", \
    "scatter_add_rows", "add_bias", "sum_rows", "tanh", "relu", "linear", "tanh_backward", "relu_backward", \
    "linear_backward", "softmax", "axpy", "rnn_step_tanh", "rnn_step_relu", "rnn_step_linear", \
    "rnn_step_backward_tanh", "rnn_step_backward_relu", "rnn_step_backward_linear"

_Static_assert(RNN_NAMES_COUNT(RNN_LM_ICFG) == LM_I_COUNT, "RNN_LM_ICFG and its enum differ");
_Static_assert(RNN_NAMES_COUNT(RNN_LM_FCFG) == LM_F_COUNT, "RNN_LM_FCFG and its enum differ");
_Static_assert(RNN_NAMES_COUNT(RNN_L2E_ICFG) == L2E_I_COUNT, "RNN_L2E_ICFG and its enum differ");
_Static_assert(RNN_NAMES_COUNT(RNN_L2E_FCFG) == L2E_F_COUNT, "RNN_L2E_FCFG and its enum differ");
_Static_assert(RNN_NAMES_COUNT(RNN_PEAK_FIELDS) == PEAK_O_COUNT, "RNN_PEAK_FIELDS and its enum differ");
_Static_assert(RNN_NAMES_COUNT(RNN_KERNEL_NAMES) == RNN_K_COUNT, "RNN_KERNEL_NAMES and rnn_kernel_id differ");
#endif
