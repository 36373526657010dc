#!/usr/bin/python3
"""numpy_peer.py - a batched min-char-rnn in numpy on the `rnn bench` workload.

The same protocol as torch_peer.py (one JSON command per stdin line, one JSON
reply per line; {"ready": false} when numpy is missing). The model follows
min-char-rnn (Wxh, Whh, Why, bh, by; tanh; softmax cross-entropy; BPTT with
dhraw = (1 - h*h) * dh), batched over B streams: the input product is a row
gather of Wxh (one-hot inputs), every other product is one BLAS call, the
weight gradients are one GEMM each over all T*B positions. Adam lr 2e-3, clip
by global norm 5, float32, one BLAS thread (the env vars are set before numpy
is imported).
"""
import json
import os
import sys
import time

for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[k] = "1"


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


try:
    import numpy as np
except Exception as e:
    reply({"ready": False, "error": "python3 cannot import numpy: %s" % e})
    sys.exit(0)

V = 65
f32 = np.float32


class Workload:
    def __init__(self, H, B, T):
        self.H, self.B, self.T = H, B, T
        r = np.random.default_rng(1)
        # row-vector layout: h_t = tanh(Wxh[x_t] + h_{t-1} Whh + bh), y_t = h_t Why + by
        self.p = {
            "Wxh": (r.standard_normal((V, H)) * 0.01).astype(f32),
            "Whh": (r.standard_normal((H, H)) / np.sqrt(H)).astype(f32),
            "bh": np.zeros(H, f32),
            "Why": (r.standard_normal((H, V)) * 0.01).astype(f32),
            "by": np.zeros(V, f32),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.t = 0
        self.data = np.random.default_rng(7).integers(0, V, (B, 4096))
        self.pos = 0
        self.h0 = np.zeros((B, H), f32)
        self.hs = np.zeros((T + 1, B, H), f32)

    def step(self):
        p, T, B, H = self.p, self.T, self.B, self.H
        if self.pos + T + 1 > self.data.shape[1]:
            self.pos, self.h0 = 0, np.zeros((B, H), f32)
        chunk = self.data[:, self.pos:self.pos + T + 1].T  # [T+1, B]
        self.pos += T
        xs, ys = chunk[:-1], chunk[1:].reshape(-1)
        hs = self.hs
        hs[0] = self.h0
        a = p["Wxh"][xs] + p["bh"]  # [T, B, H]: the input part for all t at once
        for t in range(T):
            np.tanh(a[t] + hs[t] @ p["Whh"], out=hs[t + 1])
        hh = hs[1:].reshape(T * B, H)
        y = hh @ p["Why"] + p["by"]
        y -= y.max(axis=1, keepdims=True)
        e = np.exp(y)
        prob = e / e.sum(axis=1, keepdims=True)
        n = T * B
        loss = -np.log(prob[np.arange(n), ys]).mean()
        dy = prob
        dy[np.arange(n), ys] -= 1.0
        dy /= n
        g = {"Why": hh.T @ dy, "by": dy.sum(axis=0)}
        dh = (dy @ p["Why"].T).reshape(T, B, H)
        WhhT = np.ascontiguousarray(p["Whh"].T)
        dnext = np.zeros((B, H), f32)
        for t in range(T - 1, -1, -1):
            h = hs[t + 1]
            da = (dh[t] + dnext) * (1.0 - h * h)  # min-char-rnn's dhraw
            dh[t] = da
            dnext = da @ WhhT
        da = dh.reshape(n, H)
        g["Whh"] = hs[:-1].reshape(n, H).T @ da
        g["bh"] = da.sum(axis=0)
        gx = np.zeros((V, H), f32)
        np.add.at(gx, xs.reshape(-1), da)
        g["Wxh"] = gx
        norm = np.sqrt(sum(float((v.astype(np.float64) ** 2).sum()) for v in g.values()))
        if norm > 5.0:
            for k in g:
                g[k] *= f32(5.0 / norm)
        self.t += 1
        c1, c2 = 1.0 / (1.0 - 0.9 ** self.t), 1.0 / (1.0 - 0.999 ** self.t)
        for k in p:
            self.m[k] = 0.9 * self.m[k] + 0.1 * g[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * g[k] * g[k]
            p[k] -= (2e-3 * (self.m[k] * c1) / (np.sqrt(self.v[k] * c2) + 1e-8)).astype(f32)
        self.h0 = hs[T].copy()
        return float(loss)


workloads = {}


def train(c):
    key = (c["hidden"], c["batch"], c["seq"])
    if key not in workloads:
        workloads[key] = Workload(*key)
        workloads[key].step()
    w = workloads[key]
    t0 = time.perf_counter()
    loss = 0.0
    for _ in range(c["steps"]):
        loss = w.step()
    return {"chars_per_sec": c["steps"] * w.B * w.T / (time.perf_counter() - t0), "loss": loss}


def matmul(c):
    n, iters = c["n"], c.get("iters", 10)
    a = np.random.default_rng(2).random((n, n), dtype=f32)
    b = np.random.default_rng(3).random((n, n), dtype=f32)
    out = np.empty((n, n), f32)
    np.matmul(a, b, out=out)
    t0 = time.perf_counter()
    for _ in range(iters):
        np.matmul(a, b, out=out)
    return {"gflops": 2.0 * n * n * n * iters / (time.perf_counter() - t0) / 1e9}


reply({"ready": True, "module": "numpy", "version": np.__version__})
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        c = json.loads(line)
        if c["cmd"] == "quit":
            break
        reply(train(c) if c["cmd"] == "train" else matmul(c) if c["cmd"] == "matmul" else {"error": "unknown command"})
    except Exception as e:
        reply({"error": str(e)})
