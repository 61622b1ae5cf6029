#!/usr/bin/env python3
"""PyTorch side of bench/per-example-gradients: for an MLP 64-H-10 (ReLU, float64, one thread) on
the first ROWS digits, seconds of a plain backward pass and of per-example gradients with
functorch's vmap(grad) (PyTorch 1.13's one-pass way) plus their mean of squares. Prints JSON."""
import gzip
import json
import sys
import time

import numpy as np
import torch
from functorch import grad, make_functional, vmap

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
hidden, rows, repeats, digits = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with gzip.open(digits, "rt") as f:
    data = np.loadtxt(f, delimiter=",")
data = np.concatenate([data] * (rows // len(data) + 1))[:rows]
x = torch.tensor(data[:, :-1])
y = torch.tensor(data[:, -1], dtype=torch.long)
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(64, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
fmodel, params = make_functional(model)


def loss_one(p, xi, yi):
    return torch.nn.functional.cross_entropy(fmodel(p, xi.unsqueeze(0)), yi.unsqueeze(0))


per_example = vmap(grad(loss_one), in_dims=(None, 0, 0))


def backward():
    loss = torch.nn.functional.cross_entropy(model(x), y)
    return torch.autograd.grad(loss, list(model.parameters()))


def split():
    g = per_example(params, x, y)
    return [(gi * gi).mean(0) for gi in g]


def best(f):
    for _ in range(2):
        f()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


print(json.dumps({"seconds_backward": best(backward), "seconds_per_example": best(split)}))
