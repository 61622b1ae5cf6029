"""PyTorch 1.13 side of bench/train-vs-pytorch: the same MLP, data shape, optimizer and batch
size as the Descent run, one thread, float32. Prints one JSON line per repeat: steps/s of the
training loop (forward, cross-entropy, backward, Adam step, with per-epoch shuffling)."""
import gzip
import json
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.manual_seed(0)


def data(kind, digits_path):
    if kind == "digits":
        rows = np.loadtxt(gzip.open(digits_path, "rt"), delimiter=",")
        return torch.tensor(rows[:, :64] / 16, dtype=torch.float32), torch.tensor(rows[:, 64], dtype=torch.long)
    n, d = 4096, 784
    return torch.randn(n, d), torch.randint(0, 10, (n,))


def run(kind, hidden, steps, digits_path):
    x, y = data(kind, digits_path)
    model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    n, batch = x.shape[0], 64
    perm, pos = torch.randperm(n), 0
    start = time.perf_counter()
    for _ in range(steps):
        if pos >= n:
            perm, pos = torch.randperm(n), 0
        idx = perm[pos:pos + batch]
        pos += batch
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
    wall = time.perf_counter() - start
    return {"kind": kind, "steps": steps, "wall_seconds": wall, "steps_per_second": steps / wall,
            "final_loss": float(loss)}


if __name__ == "__main__":
    kind, hidden, steps, digits_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    print(json.dumps(run(kind, hidden, steps, digits_path)))
