"""torch_parity.py - loads an exported model into torch.nn.RNN + torch.nn.Linear
exactly as the README shows, runs one batch, and prints the loss and the
gradients of every state_dict tensor as JSON (float64 for comparison).

stdin: {"model": <exported JSON>, "x": [[...T]...B], "y": [[...T]...B]}
"""
import json
import sys

import torch


def main():
    req = json.load(sys.stdin)
    d = req["model"]
    V, H = len(d["vocab"]), d["hidden_size"]
    torch.manual_seed(0)
    rnn = torch.nn.RNN(V, H, nonlinearity=d["nonlinearity"], batch_first=True)
    fc = torch.nn.Linear(H, V)
    sd = {k: torch.tensor(v) for k, v in d["state_dict"].items()}
    rnn.load_state_dict({k[len("rnn."):]: v for k, v in sd.items() if k.startswith("rnn.")})
    fc.load_state_dict({k[len("fc."):]: v for k, v in sd.items() if k.startswith("fc.")})
    x = torch.nn.functional.one_hot(torch.tensor(req["x"]), V).float()  # [B, T, V]
    y = torch.tensor(req["y"])                                           # [B, T]
    logits = fc(rnn(x)[0])                                               # [B, T, V]
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, V), y.reshape(-1))
    loss.backward()
    grads = {"rnn." + n: p.grad.tolist() for n, p in rnn.named_parameters()}
    grads.update({"fc." + n: p.grad.tolist() for n, p in fc.named_parameters()})
    json.dump({"loss": loss.item(), "grads": grads, "torch": torch.__version__}, sys.stdout)


if __name__ == "__main__":
    main()
