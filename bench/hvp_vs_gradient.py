#!/usr/bin/env python3
"""PyTorch side of bench/hvp-vs-gradient: seconds per gradient and per Hessian-vector product
(double backward: torch.autograd.grad of g.v from scratch, and with the gradient's graph built
once and kept, as in a Lanczos loop) for an MLP on the first ROWS digits, float64, one thread.
Prints JSON."""
import gzip
import json
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
hidden, rows, repeats, digits = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with gzip.open(digits, "rt") as f:
    data = np.loadtxt(f, delimiter=",")[:rows]
x = torch.tensor(data[:, :-1])
y = torch.tensor(data[:, -1], dtype=torch.long)
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(64, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
params = list(model.parameters())
v = [torch.randn_like(p) for p in params]


def gradient():
    loss = torch.nn.functional.cross_entropy(model(x), y)
    return torch.autograd.grad(loss, params)


def hvp():
    loss = torch.nn.functional.cross_entropy(model(x), y)
    g = torch.autograd.grad(loss, params, create_graph=True)
    dot = sum((gi * vi).sum() for gi, vi in zip(g, v))
    return torch.autograd.grad(dot, params)


# products at one point, as a Lanczos loop makes them: the gradient's graph is built once and kept
loss0 = torch.nn.functional.cross_entropy(model(x), y)
g0 = torch.autograd.grad(loss0, params, create_graph=True)


def hvp_kept():
    return torch.autograd.grad(g0, params, grad_outputs=v, retain_graph=True)


def best(f):
    for _ in range(3):
        f()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


print(json.dumps({"seconds_per_gradient": best(gradient), "seconds_per_hvp": best(hvp),
                  "seconds_per_hvp_kept_graph": best(hvp_kept)}))
