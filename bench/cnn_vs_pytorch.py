"""PyTorch 1.13 side of bench/cnn-vs-pytorch: the same convolutional networks, data shape,
optimizer and batch size as the Descent runs. Prints one JSON line: steps/s of the training loop
(forward, cross-entropy, backward, optimizer step, with per-epoch shuffling).

  digits:  cnn:channels=8-16,batchnorm=true on the 8x8 digits, Adam lr 1e-3
  resnet:  resnet:n=3 (ResNet-20, option A shortcuts) on ROWS 3x32x32 Gaussian inputs, SGD 0.1
           with momentum 0.9

Usage: cnn_vs_pytorch.py KIND STEPS DIGITS_CSV_GZ [DTYPE [BATCH [THREADS [ROWS]]]]
(defaults: float64, batch 64 for digits and 16 for resnet, 1 thread, 64 rows).
"""
import gzip
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.stride, self.extra = stride, cout - cin

    def forward(self, x):
        out = self.b2(self.c2(F.relu(self.b1(self.c1(x)))))
        s = x
        if self.stride != 1 or self.extra:
            s = F.pad(x[:, :, ::self.stride, ::self.stride], (0, 0, 0, 0, 0, self.extra))
        return F.relu(out + s)


def resnet(n=3, width=16):
    layers = [nn.Conv2d(3, width, 3, 1, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU()]
    cin = width
    for stage in range(3):
        cout = width << stage
        for b in range(n):
            layers.append(Block(cin, cout, 2 if stage > 0 and b == 0 else 1))
            cin = cout
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(cin, 10)]
    return nn.Sequential(*layers)


def digits_cnn():
    return nn.Sequential(nn.Conv2d(1, 8, 3, padding=1, bias=False), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(8, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(16 * 2 * 2, 10))


def run(kind, steps, digits_path, dtype="float64", batch=None, threads=1, rows=64):
    torch.set_num_threads(threads)
    torch.set_default_dtype(getattr(torch, dtype))
    if kind == "digits":
        data = np.loadtxt(gzip.open(digits_path, "rt"), delimiter=",")
        x = torch.tensor(data[:, :64] / 16, dtype=torch.get_default_dtype()).reshape(-1, 1, 8, 8)
        y = torch.tensor(data[:, 64], dtype=torch.long)
        model, batch = digits_cnn(), batch or 64
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    else:
        x, y = torch.randn(rows, 3, 32, 32), torch.randint(0, 10, (rows,))
        model, batch = resnet(), batch or 16
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    n = x.shape[0]
    perm, pos = torch.randperm(n), 0
    start = time.perf_counter()
    for _ in range(steps):
        if pos >= n:
            perm, pos = torch.randperm(n), 0
        idx = perm[pos:pos + batch]
        pos += batch
        opt.zero_grad()
        loss = F.cross_entropy(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
    wall = time.perf_counter() - start
    return {"kind": kind, "dtype": dtype, "batch": batch, "threads": threads, "steps": steps, "wall_seconds": wall,
            "steps_per_second": steps / wall, "final_loss": float(loss)}


if __name__ == "__main__":
    a = sys.argv
    print(json.dumps(run(a[1], int(a[2]), a[3], a[4] if len(a) > 4 else "float64", int(a[5]) if len(a) > 5 else None,
                         int(a[6]) if len(a) > 6 else 1, int(a[7]) if len(a) > 7 else 64)))
