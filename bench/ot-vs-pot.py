"""POT's side of bench/ot-vs-pot: writes the points, or times ot.dist + ot.sinkhorn2 / ot.emd2 on them
(and sinkhorn2 with method 'sinkhorn_log', at most 3 repeats: it is slow).

  ot-vs-pot.py points DIR N     writes DIR/x.csv and DIR/y.csv (N points each, 2-D, seed 1)
  ot-vs-pot.py time DIR REPEATS prints JSON: seconds of each repeat, costs and iterations
"""
import json
import sys
import time

import numpy as np


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    if mode == "points":
        n = int(sys.argv[3])
        rng = np.random.default_rng(1)
        np.savetxt(folder + "/x.csv", rng.random((n, 2)), delimiter=",", fmt="%.17g")
        np.savetxt(folder + "/y.csv", rng.random((n, 2)) + 0.3, delimiter=",", fmt="%.17g")
        return
    import ot
    repeats = int(sys.argv[3])
    x = np.loadtxt(folder + "/x.csv", delimiter=",")
    y = np.loadtxt(folder + "/y.csv", delimiter=",")
    a = np.full(len(x), 1.0 / len(x))
    b = np.full(len(y), 1.0 / len(y))
    out = {"sinkhorn": [], "exact": []}
    for _ in range(repeats):
        t = time.perf_counter()
        cost, log = ot.sinkhorn2(a, b, ot.dist(x, y), 0.05, numItermax=1000, stopThr=1e-9, log=True)
        out["sinkhorn"].append(time.perf_counter() - t)
        out["sinkhorn_cost"] = float(cost)
        out["sinkhorn_iterations"] = int(log["niter"])
        t = time.perf_counter()
        cost = ot.emd2(a, b, ot.dist(x, y), numItermax=10**8)
        out["exact"].append(time.perf_counter() - t)
        out["exact_cost"] = float(cost)
    out["sinkhorn_log"] = []
    for _ in range(min(3, repeats)):
        t = time.perf_counter()
        cost = ot.sinkhorn2(a, b, ot.dist(x, y), 0.05, method="sinkhorn_log", numItermax=1000, stopThr=1e-9)
        out["sinkhorn_log"].append(time.perf_counter() - t)
        out["sinkhorn_log_cost"] = float(cost)
    out["pot"] = ot.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main()
