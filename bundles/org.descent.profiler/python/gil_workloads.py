#!/usr/bin/env python3
"""The workloads of Descent's threading profiler (descent gil) in CPython.

Runs the article's workloads (https://rohanvarma.me/GIL) sequentially, with threads and with
multiprocessing, and prints one JSON object:
{"python": VERSION, "switch_interval_s": S, "results": [{"variant": "seq"|"threads"|"processes",
  "wall_s": [...], "cpu_s": [[per thread or process]...], "latency": {"n", "mean_s", "max_s"} | null}]}
"""
import argparse
import json
import multiprocessing
import platform
import select
import sys
import threading
import time

RESPONSE_TICKS = 100


def count(n):
    while n > 0:
        n -= 1


def count_until(n, done):
    """count(n), then keep counting until done() (the I/O thread has finished its rounds)."""
    count(n)
    while not done():
        count(10_000)


def wait(seconds):
    select.select([], [], [], seconds)


def rounds(n, seconds):
    """n short waits; returns each wait's latency: from when it should have ended until we run."""
    late = []
    for _ in range(n):
        due = time.perf_counter() + seconds
        wait(seconds)
        late.append(max(0.0, time.perf_counter() - due))
        count(RESPONSE_TICKS)
    return late


def shares(args):
    """(kind, argument) per thread or process."""
    if args.workload == "cpu":
        return [("cpu", args.count)] * args.threads
    if args.workload == "io":
        return [("io", args.io_seconds)] * args.threads
    # mixed: the CPU-bound shares count until the I/O share is done (all its waits end under load)
    return [("cpu-until", args.count)] * (args.threads - 1) + [("rounds", (args.rounds, args.round_s))]


def run_share(share, done, finished):
    """Runs one share; returns (cpu seconds of this thread, latencies or None).

    done() says whether the I/O share has finished; finished() tells that it has."""
    kind, arg = share
    start = time.thread_time()
    late = None
    if kind == "cpu":
        count(arg)
    elif kind == "cpu-until":
        count_until(arg, done)
    elif kind == "io":
        wait(arg)
    else:
        late = rounds(*arg)
        finished()
    return time.thread_time() - start, late


def child(share, event, queue):
    cpu, late = run_share(share, event.is_set, event.set)
    queue.put((time.process_time(), late))


def one(variant, args):
    work = shares(args)
    cpus = []
    lates = []
    start = time.perf_counter()
    if variant == "seq":
        # one after the other: the I/O share cannot overlap the CPU-bound ones
        for s in work:
            cpu, late = run_share(s, lambda: True, lambda: None)
            cpus.append(cpu)
            if late is not None:
                lates.extend(late)
        cpus = [sum(cpus)]
    elif variant == "threads":
        results = [None] * len(work)
        io_done = [False]

        def body(i):
            results[i] = run_share(work[i], lambda: io_done[0], lambda: io_done.__setitem__(0, True))

        threads = [threading.Thread(target=body, args=(i,)) for i in range(len(work))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for cpu, late in results:
            cpus.append(cpu)
            if late is not None:
                lates.extend(late)
    else:
        ctx = multiprocessing.get_context("fork")
        queue = ctx.Queue()
        event = ctx.Event()
        procs = [ctx.Process(target=child, args=(s, event, queue)) for s in work]
        for p in procs:
            p.start()
        got = [queue.get() for _ in procs]
        for p in procs:
            p.join()
        for cpu, late in got:
            cpus.append(cpu)
            if late is not None:
                lates.extend(late)
    wall = time.perf_counter() - start
    latency = None
    if lates:
        latency = {"n": len(lates), "mean_s": sum(lates) / len(lates), "max_s": max(lates)}
    return wall, cpus, latency


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workload", choices=["cpu", "io", "mixed"], default="cpu")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--count", type=int, default=10_000_000)
    p.add_argument("--io-seconds", type=float, default=2.0)
    p.add_argument("--rounds", type=int, default=200)
    p.add_argument("--round-s", type=float, default=0.001)
    p.add_argument("--switch-interval-s", type=float, default=0.005)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--variants", default="seq,threads,processes")
    args = p.parse_args()
    sys.setswitchinterval(args.switch_interval_s)
    out = {"python": platform.python_version(), "executable": sys.executable,
           "switch_interval_s": sys.getswitchinterval(), "results": []}
    variants = args.variants.split(",")
    rows = {v: {"variant": v, "wall_s": [], "cpu_s": [], "latency": None} for v in variants}
    # the variants take turns in every repeat, so that a machine that gets slower or faster
    # during the run affects them alike
    for _ in range(args.repeat):
        for variant in variants:
            wall, cpu, latency = one(variant, args)
            rows[variant]["wall_s"].append(wall)
            rows[variant]["cpu_s"].append(cpu)
            rows[variant]["latency"] = latency
            print("descent-gil-progress " + variant, file=sys.stderr, flush=True)
    out["results"] = [rows[v] for v in variants]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
