#!/usr/bin/python3
"""torch_peer.py - PyTorch on the `rnn bench` workload, driven by bench.mjs.

A long-lived child: it imports torch once, then answers one JSON command per
stdin line with one JSON line on stdout, so the bench can interleave modules
(A B A B ...) without paying the import each time.
  {"cmd": "train", "hidden": 256, "batch": 32, "seq": 64, "steps": 5}
      -> {"chars_per_sec": ..., "loss": ...}
  {"cmd": "matmul", "n": 256, "iters": 10}  -> {"gflops": ...}   (torch.mm, n^3)
  {"cmd": "quit"}
On start it prints {"ready": true, "module": "torch", "version": ...} or
{"ready": false, "error": ...} when torch cannot be imported (the bench skips it).

The model is the engine's: nn.RNN(V=65, H, tanh) on one-hot inputs + Linear(H, V),
softmax cross-entropy (mean over B*T), Adam lr 2e-3, global-norm clip 5,
truncated BPTT with the hidden state carried across chunks; float32,
torch.set_num_threads(1), or N with --threads N (the bench's second torch
peer: PyTorch with all cores). Run with Debian's /usr/bin/python3 (python3-torch).
"""
import json
import os
import sys
import time



def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


# --threads N (default 1): set before torch is imported, since OpenMP and
# OpenBLAS size their thread pools when they load.
THREADS = 1
if "--threads" in sys.argv:
    i = sys.argv.index("--threads")
    arg = sys.argv[i + 1] if i + 1 < len(sys.argv) else ""
    if not arg.isdigit() or not 1 <= int(arg) <= 256:
        reply({"ready": False, "error": "--threads must be an integer in [1, 256], got %r" % arg})
        sys.exit(0)
    THREADS = int(arg)
for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[k] = str(THREADS)


try:
    import torch
except Exception as e:  # not installed: the bench prints a note and skips torch
    reply({"ready": False, "error": "python3 cannot import torch: %s" % e})
    sys.exit(0)

torch.set_num_threads(THREADS)
torch.manual_seed(1)
V = 65


class Workload:
    def __init__(self, H, B, T):
        self.H, self.B, self.T = H, B, T
        self.rnn = torch.nn.RNN(V, H, nonlinearity="tanh")  # [T, B, V] in, [T, B, H] out
        self.fc = torch.nn.Linear(H, V)
        self.params = list(self.rnn.parameters()) + list(self.fc.parameters())
        self.opt = torch.optim.Adam(self.params, lr=2e-3)
        g = torch.Generator().manual_seed(7)
        self.data = torch.randint(0, V, (B, 4096), generator=g)  # 65 uniform symbols, like the engine's bench text
        self.pos = 0
        self.h = torch.zeros(1, B, H)
        self.eye = torch.eye(V)

    def step(self):
        T = self.T
        if self.pos + T + 1 > self.data.shape[1]:
            self.pos, self.h = 0, torch.zeros(1, self.B, self.H)
        chunk = self.data[:, self.pos:self.pos + T + 1].t()  # [T+1, B]
        self.pos += T
        x = self.eye[chunk[:-1]]  # one-hot [T, B, V]
        y = chunk[1:].reshape(-1)
        out, h = self.rnn(x, self.h)
        loss = torch.nn.functional.cross_entropy(self.fc(out).reshape(-1, V), y)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.params, 5.0)
        self.opt.step()
        self.h = h.detach()
        return loss.item()


workloads = {}


def train(c):
    key = (c["hidden"], c["batch"], c["seq"])
    if key not in workloads:
        workloads[key] = Workload(*key)
        workloads[key].step()  # warm-up (allocator, first-call paths)
    w = workloads[key]
    t0 = time.perf_counter()
    loss = 0.0
    for _ in range(c["steps"]):
        loss = w.step()
    dt = time.perf_counter() - t0
    return {"chars_per_sec": c["steps"] * w.B * w.T / dt, "loss": loss}


def matmul(c):
    n, iters = c["n"], c.get("iters", 10)
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    out = torch.empty(n, n)
    torch.mm(a, b, out=out)
    t0 = time.perf_counter()
    for _ in range(iters):
        torch.mm(a, b, out=out)
    return {"gflops": 2.0 * n * n * n * iters / (time.perf_counter() - t0) / 1e9}


reply({"ready": True, "module": "torch", "version": torch.__version__, "threads": torch.get_num_threads()})
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        c = json.loads(line)
        if c["cmd"] == "quit":
            break
        reply(train(c) if c["cmd"] == "train" else matmul(c) if c["cmd"] == "matmul" else {"error": "unknown command"})
    except Exception as e:  # a bad command is answered, not fatal
        reply({"error": str(e)})
