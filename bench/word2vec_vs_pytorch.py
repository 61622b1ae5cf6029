"""word2vec as the README trains it, in PyTorch: skip-gram with negative sampling on the bundled Austen
novels, the text read as Descent's `text` data set reads it (words are runs of letters and apostrophes,
lowercased; min_count 5; the C tool's subsampling with t = 1e-3 and dynamic window of up to 5 words,
drawn once; paragraphs bound the windows), dimension 50, 5 negatives from the unigram distribution
to the 3/4, the C tool's initialization, float64 as Descent computes it, sparse embedding gradients
and plain SGD (lr 20, falling linearly to 0), batches of 1024 pairs, shuffled every epoch, one thread.
Prints JSON: pairs, vocabulary, steps, the training loop's steps/s and the last epoch's mean loss.
Usage: word2vec_vs_pytorch.py TEXT [EPOCHS]"""
import json
import math
import random
import re
import sys
import time
from collections import Counter

import numpy as np
import torch

torch.set_num_threads(1)
text_path = sys.argv[1]
epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
dim, negatives, batch, lr, window, min_count, t = 50, 5, 1024, 20.0, 5, 5, 1e-3
rng = random.Random(0)

word = re.compile(r"(?:[^\W\d_]|')+")
paragraphs = []
with open(text_path, encoding="utf-8") as f:
    for block in re.split(r"\n\s*\n", f.read().replace("\u2019", "'")):
        words = [w.strip("'").lower() for w in word.findall(block)]
        words = [w for w in words if w]
        if words:
            paragraphs.append(words)
counts = Counter(w for p in paragraphs for w in p)
vocabulary = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
index = {w: i for i, w in enumerate(vocabulary)}
total = sum(counts[w] for w in vocabulary)
centers, contexts = [], []
for p in paragraphs:
    kept = []
    for w in p:
        if w not in index:
            continue
        fr = counts[w] / total
        keep = math.sqrt(t / fr) + t / fr
        if keep >= 1 or rng.random() < keep:
            kept.append(index[w])
    for i, c in enumerate(kept):
        b = window - rng.randrange(window)
        for j in range(max(0, i - b), min(len(kept), i + b + 1)):
            if j != i:
                centers.append(c)
                contexts.append(kept[j])
v = len(vocabulary)
center = torch.tensor(centers)
context = torch.tensor(contexts)
n = len(centers)
steps_per_epoch = (n + batch - 1) // batch
total_steps = steps_per_epoch * epochs
noise = torch.tensor([counts[w] ** 0.75 for w in vocabulary], dtype=torch.float64)

g = torch.Generator().manual_seed(0)
inputs = torch.nn.Embedding(v, dim, sparse=True, dtype=torch.float64)
outputs = torch.nn.Embedding(v, dim, sparse=True, dtype=torch.float64)
with torch.no_grad():
    inputs.weight.uniform_(-0.5 / dim, 0.5 / dim, generator=g)
    outputs.weight.zero_()
optimizer = torch.optim.SGD(list(inputs.parameters()) + list(outputs.parameters()), lr=lr)
schedule = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=1.0, end_factor=0.0, total_iters=total_steps)

start = time.perf_counter()
step = 0
for epoch in range(epochs):
    order = torch.randperm(n, generator=g)
    loss_sum = 0.0
    for s in range(steps_per_epoch):
        rows = order[s * batch:(s + 1) * batch]
        c = inputs(center[rows])                                   # (b, d)
        o = outputs(context[rows])                                 # (b, d)
        k = outputs(torch.multinomial(noise, len(rows) * negatives, replacement=True, generator=g)
                    .view(len(rows), negatives))                   # (b, k, d)
        positive = torch.nn.functional.logsigmoid((c * o).sum(1))
        negative = torch.nn.functional.logsigmoid(-torch.bmm(k, c.unsqueeze(2)).squeeze(2)).sum(1)
        loss = -(positive + negative).mean()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        schedule.step()
        loss_sum += float(loss)   # Descent records every step's loss
        step += 1
elapsed = time.perf_counter() - start
print(json.dumps({"pairs": n, "vocabulary": v, "steps": step, "steps_per_second": step / elapsed,
                  "seconds": elapsed, "last_epoch_loss": loss_sum / steps_per_epoch}))
