"""The source material's two-component mixture (002) in PyTorch: full-batch gradient descent on
10000 draws of N(0,1) and 5000 of N(3,1), equal fixed weights, mu = [1, 2] and sigma = [1, 2] at
the start, mean negative log-likelihood, lr 0.1, float64, one thread. Prints JSON with steps/s.
Usage: mixture_vs_pytorch.py STEPS"""
import json
import math
import sys
import time

import torch

torch.set_num_threads(1)
steps = int(sys.argv[1])
g = torch.Generator().manual_seed(1)
y = torch.cat([torch.randn(10000, generator=g, dtype=torch.float64),
               torch.randn(5000, generator=g, dtype=torch.float64) + 3])
mu = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
sigma = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
log_weights = torch.log(torch.tensor([0.5, 0.5], dtype=torch.float64))
half_log_2pi = 0.5 * math.log(2 * math.pi)
start = time.perf_counter()
for _ in range(steps):
    u = (y[:, None] - mu) / sigma
    log_terms = log_weights - torch.log(sigma) - half_log_2pi - 0.5 * u * u
    loss = -torch.logsumexp(log_terms, dim=1).mean()
    mu.grad = None
    sigma.grad = None
    loss.backward()
    with torch.no_grad():
        mu -= 0.1 * mu.grad
        sigma -= 0.1 * sigma.grad
    float(loss)   # Descent reports every step's loss
elapsed = time.perf_counter() - start
print(json.dumps({"steps_per_second": steps / elapsed, "loss": float(loss), "mu": mu.tolist()}))
