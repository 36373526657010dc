#!/usr/bin/env python3
"""kn_ngram.py - an independent reference for the engine's interpolated
Kneser-Ney n-gram model (src/models/ngram.c), in plain Python (no numpy).

    python3 tests/python/kn_ngram.py --order 5 --train TRAIN.txt --data VAL.txt
    python3 tests/python/kn_ngram.py --order 5 --split 0.9 --file tinyshakespeare.txt
    -> {"order": 5, "bpc": ..., "chars": ...}

The model (Chen & Goodman's interpolated Kneser-Ney, one discount per order):
  P_k(w | h) = max(c_k(hw) - D_k, 0) / S_k(h) + D_k * T_k(h) / S_k(h) * P_{k-1}(w | h')
where h' drops h's oldest token, c_N is the raw count at the highest order N,
c_k (k < N) is the continuation count N1+(. h w) (distinct tokens seen just
before hw), S_k(h) = sum_w c_k(hw), T_k(h) = #{w : c_k(hw) > 0}, and
P_0(w) = 1 / V (V: distinct symbols of train and data together). A context
never seen (S_k(h) = 0) hands the lower order's probability through.
D_k = n1 / (n1 + 2 n2) over the order-k counts c_k (n1, n2: how many are 1, 2),
or 0.5 when n1 or n2 is 0. Symbols are Unicode code points. Each symbol of
data is predicted from the (at most N-1) symbols of data before it; the first
ones use the model's lower-order distribution P_{i+1} of the context they have.

Written from the formula, with dictionaries keyed by tuples, to share no code
or data structure with the C implementation.
"""
import argparse
import json
import math
import sys
from collections import defaultdict


def train(tokens, order):
    raw = defaultdict(int)                       # top-order n-gram -> count
    left = defaultdict(set)                      # k-gram (k < N) -> set of preceding tokens
    for i in range(len(tokens)):
        for k in range(1, order + 1):
            if i - k + 1 < 0:
                break
            g = tuple(tokens[i - k + 1:i + 1])
            if k == order:
                raw[g] += 1
            if k < order and i - k >= 0:
                left[g].add(tokens[i - k])
    counts = [None] + [dict() for _ in range(order)]  # counts[k][gram] = c_k
    for g, c in raw.items():
        counts[order][g] = c
    for g, s in left.items():
        counts[len(g)][g] = len(s)
    ctx_sum = [None] + [defaultdict(int) for _ in range(order)]
    ctx_types = [None] + [defaultdict(int) for _ in range(order)]
    discount = [None] * (order + 1)
    for k in range(1, order + 1):
        n1 = n2 = 0
        for g, c in counts[k].items():
            ctx_sum[k][g[:-1]] += c
            ctx_types[k][g[:-1]] += 1
            n1 += c == 1
            n2 += c == 2
        discount[k] = n1 / (n1 + 2 * n2) if n1 > 0 and n2 > 0 else 0.5
    return counts, ctx_sum, ctx_types, discount


def prob(model, vocab_size, context, w):
    counts, ctx_sum, ctx_types, discount = model
    p = 1.0 / vocab_size
    for k in range(1, len(context) + 2):
        h = tuple(context[len(context) - (k - 1):]) if k > 1 else ()
        s = ctx_sum[k].get(h, 0)
        if s == 0:
            continue
        d = discount[k]
        c = counts[k].get(h + (w,), 0)
        p = max(c - d, 0.0) / s + d * ctx_types[k][h] / s * p
    return p


def bits_per_symbol(train_text, data_text, order):
    vocab = sorted(set(train_text) | set(data_text))
    index = {ch: i for i, ch in enumerate(vocab)}
    tr = [index[ch] for ch in train_text]
    va = [index[ch] for ch in data_text]
    model = train(tr, order)
    total = 0.0
    for i, w in enumerate(va):
        context = va[max(0, i - order + 1):i]
        total -= math.log2(prob(model, len(vocab), context, w))
    return total / len(va), len(va)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--order', type=int, default=5)
    ap.add_argument('--train')
    ap.add_argument('--data')
    ap.add_argument('--file', help='one text split into train (first part) and data (the rest)')
    ap.add_argument('--split', type=float, default=0.9)
    a = ap.parse_args()
    if not 1 <= a.order <= 6:
        sys.exit('order must be in 1..6')
    if a.file:
        text = open(a.file, encoding='utf-8').read()
        cut = int(len(text) * a.split)
        tr, va = text[:cut], text[cut:]
    else:
        tr = open(a.train, encoding='utf-8').read()
        va = open(a.data, encoding='utf-8').read()
    if not tr or not va:
        sys.exit('train and data must not be empty')
    bpc, n = bits_per_symbol(tr, va, a.order)
    print(json.dumps({'order': a.order, 'bpc': bpc, 'chars': n}))


if __name__ == '__main__':
    main()
