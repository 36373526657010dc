#!/usr/bin/python3
"""torch_quality.py - time to quality in PyTorch, the counterpart of quality.mjs.

Trains nn.RNN(V, 256, tanh) + Linear(256, V) on Tiny Shakespeare
(../shared/data/tinyshakespeare.txt, read in place; first 90% train, last 10%
validation) for a budget of training seconds (default 60) on one thread
(--threads N: torch.set_num_threads(N) and N BLAS/OpenMP threads), with
the engine's defaults and data pipeline: B = 32 contiguous streams over the
training text, T = 64, hidden state carried between chunks (reset when a
stream wraps), softmax cross-entropy, Adam lr 2e-3, global-norm clip 5,
float32. Validation as the engine does it: S = min(B, n_val / (4 (T+1)))
contiguous streams from a zero state; bits per char. Validation time is not
counted in the budget. Run with Debian's /usr/bin/python3 (python3-torch).
  /usr/bin/python3 scripts/bench/torch_quality.py [--seconds 60] [--json] [--lr 0.002] [--hidden 256] [--threads 1]
"""
import argparse
import json
import math
import os
import sys
import time


def threads_arg():
    """--threads N (default 1), read before torch is imported: OpenMP and OpenBLAS size their pools at load."""
    for i, arg in enumerate(sys.argv):
        value = sys.argv[i + 1] if arg == "--threads" and i + 1 < len(sys.argv) else arg[10:] if arg.startswith("--threads=") else None
        if value is not None:
            if not value.isdigit() or not 1 <= int(value) <= 256:
                sys.exit("torch_quality: --threads must be an integer in [1, 256], got %r" % value)
            return int(value)
    return 1


THREADS = threads_arg()
for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[k] = str(THREADS)
import torch  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ap = argparse.ArgumentParser()
ap.add_argument("--seconds", type=float, default=60)
ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "tinyshakespeare.txt"))
ap.add_argument("--hidden", type=int, default=256)
ap.add_argument("--batch", type=int, default=32)
ap.add_argument("--seq", type=int, default=64)
ap.add_argument("--lr", type=float, default=2e-3)
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--json", action="store_true")
a = ap.parse_args()
if not os.path.exists(a.data):
    sys.exit("torch_quality: %s not found" % a.data)

torch.set_num_threads(a.threads)
torch.manual_seed(1)
text = open(a.data, encoding="utf-8").read()
vocab = sorted(set(text))
V, H, B, T = len(vocab), a.hidden, a.batch, a.seq
stoi = {c: i for i, c in enumerate(vocab)}
tok = torch.tensor([stoi[c] for c in text], dtype=torch.long)
n_val = int(len(tok) * 0.1)
train, val = tok[: len(tok) - n_val], tok[len(tok) - n_val:]
L = len(train) // B
streams = train[: L * B].view(B, L)
eye = torch.eye(V)

rnn = torch.nn.RNN(V, H, nonlinearity="tanh")
fc = torch.nn.Linear(H, V)
params = list(rnn.parameters()) + list(fc.parameters())
opt = torch.optim.Adam(params, lr=a.lr)
h = torch.zeros(1, B, H)
pos = 0


def validate():
    S = max(1, min(B, len(val) // (4 * (T + 1))))
    Lv = len(val) // S
    v = val[: Lv * S].view(S, Lv).t()  # [Lv, S]
    with torch.no_grad():
        out, _ = rnn(eye[v[:-1]], torch.zeros(1, S, H))
        nats = torch.nn.functional.cross_entropy(fc(out).reshape(-1, V), v[1:].reshape(-1), reduction="sum")
    return float(nats) / ((Lv - 1) * S) / math.log(2)


points, trained, steps = [], 0.0, 0
for cp in [f * a.seconds for f in (0.25, 0.5, 0.75, 1.0)]:
    while trained < cp:
        t0 = time.perf_counter()
        if pos + T + 1 > L:
            pos, h = 0, torch.zeros(1, B, H)
        chunk = streams[:, pos:pos + T + 1].t()
        pos += T
        out, hn = rnn(eye[chunk[:-1]], h)
        loss = torch.nn.functional.cross_entropy(fc(out).reshape(-1, V), chunk[1:].reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 5.0)
        opt.step()
        h = hn.detach()
        steps += 1
        trained += time.perf_counter() - t0
    bpc = validate()
    points.append({"seconds": round(trained, 2), "steps": steps, "chars": steps * B * T, "val_bpc": round(bpc, 4)})
    if not a.json:
        print("torch, %d thread%s: %.1f s, %d steps (%.0f chars/s): validation %.3f bpc" % (a.threads, "" if a.threads == 1 else "s", trained, steps, steps * B * T / trained, bpc))
res = {"module": "torch", "version": torch.__version__, "threads": torch.get_num_threads(), "H": H, "B": B, "T": T, "lr": a.lr, "points": points,
       "val_bpc": points[-1]["val_bpc"], "chars_per_sec": round(steps * B * T / trained)}
if a.json:
    print(json.dumps(res))
