// pytorch.h - export/import of a char LM in PyTorch's nn.RNN + nn.Linear
// layout, as JSON:
//   {"format":"pytorch-rnn","vocab":["\n"," ",...],"unk_index":null,
//    "nonlinearity":"tanh","hidden_size":H,
//    "state_dict":{"rnn.weight_ih_l0":[[H x V]],"rnn.weight_hh_l0":[[H x H]],
//                  "rnn.bias_ih_l0":[H],"rnn.bias_hh_l0":[H],
//                  "fc.weight":[[V x H]],"fc.bias":[V]}}
// The input is one-hot over the vocabulary, so torch.nn.RNN(V, H,
// nonlinearity=...) followed by torch.nn.Linear(H, V), loaded with this
// state_dict, computes the same numbers. weight_ih = U^T, weight_hh = W^T,
// fc.weight = Wy^T; our single bias b goes to bias_ih and bias_hh is 0
// (on import the two are summed). nn.RNN has no linear activation, so a
// model with g = identity is refused.
#ifndef RNN_PYTORCH_H
#define RNN_PYTORCH_H
#include "../models/charlm.h"
// *out is malloc'd (caller frees), NUL-terminated.
rnn_status rnn_export_pytorch(const rnn_charlm *m, char **out, long *len);
// Builds a model from the JSON; training settings come from base (hidden is
// taken from the file); the optimiser state starts at zero.
rnn_status rnn_import_pytorch(rnn_charlm **out, const char *text, long len, const rnn_charlm_config *base);
#endif
