"""Throughput of batch verification, against phonenumbers.parse on the same inputs.

Run by hand (not in CI), from the repository root with the dask extra installed:

    python benchmarks/bench_batch.py                 # 1,000,000 once, then 5 repeats of 100,000
    python benchmarks/bench_batch.py --n 200000 --repeat-n 50000 --repeats 3
    python benchmarks/bench_batch.py --memory        # peak memory of one partition, in a fresh process
    python benchmarks/bench_batch.py --profile       # where verify() spends its time
    python benchmarks/bench_batch.py --no-dask       # without the Dask extra or its cluster

Each method runs on the same numbers in the same run, one after the other inside each
repeat, so a slower moment of the machine hits them alike; ratios are taken within a
repeat and their median reported. Dask runs on a LocalCluster of two worker
processes with one thread each; its input is already on the workers and its output
stays there (as a job reading and writing Parquet would), and cluster start-up is
not timed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import phonenumbers

import hotline_verify as hv

sys.path.insert(0, str(Path(__file__).parent))
import contextlib

from corpus import mixed_numbers

Method = Callable[[list[str]], object]


def parse_loop(numbers: list[str]) -> None:
    for x in numbers:
        with contextlib.suppress(phonenumbers.NumberParseException):
            phonenumbers.parse(x, "CN")


def verify_loop(numbers: list[str]) -> None:
    for x in numbers:
        hv.verify(x)


def verify_list(numbers: list[str]) -> None:
    """What a caller writes to keep every verdict: the list is what a batch returns."""
    kept = [hv.verify(x) for x in numbers]
    del kept


def many(numbers: list[str]) -> None:
    hv.verify_many(numbers)


def columnar(numbers: list[str]) -> None:
    import pandas as pd

    from hotline_verify.batch import verify_series

    verify_series(pd.Series(numbers, dtype="string"))


class DaskRun:
    """verify_dask() over input already on two local worker processes."""

    def __init__(self, partition_rows: int) -> None:
        import distributed

        self.cluster = distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=":0",
            worker_dashboard_address=":0",
        )
        self.client = distributed.Client(self.cluster)
        self.partition_rows = partition_rows
        self.__call__(["95188"] * 10)  # workers import and load the allowlist before timing

    def __call__(self, numbers: list[str]) -> None:
        import dask.dataframe as dd
        import distributed
        import pandas as pd

        from hotline_verify.batch import verify_dask

        parts = max(2, len(numbers) // self.partition_rows)
        ddf = dd.from_pandas(pd.Series(numbers, dtype="string", name="number"), npartitions=parts).persist()
        distributed.wait(ddf)
        start = time.perf_counter()
        out = verify_dask(ddf).persist()
        distributed.wait(out)
        self.elapsed = time.perf_counter() - start
        del out, ddf

    def close(self) -> None:
        self.client.close()
        self.cluster.close()


def timed(method: Method, numbers: list[str]) -> float:
    """Seconds for one run (for Dask, only the map on the workers)."""
    gc.collect()
    start = time.perf_counter()
    method(numbers)
    elapsed = time.perf_counter() - start
    return getattr(method, "elapsed", elapsed)


def run(n: int, repeat_n: int, repeats: int, partition_rows: int, *, dask: bool = True) -> None:
    print(
        f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} (other jobs slow the runs alike; "
        "Dask needs idle cores)"
    )
    print(f"generating {n:,} numbers ...", flush=True)
    numbers = mixed_numbers(n)
    print(
        f"distinct: {len(set(numbers)) / n:.1%}; statuses of the first 100,000:",
        _statuses(numbers[:100_000]),
        flush=True,
    )
    dask_run = DaskRun(partition_rows) if dask else None
    methods: dict[str, Method] = {
        "phonenumbers.parse": parse_loop,
        "verify() loop": verify_loop,
        "verify() into a list": verify_list,
        "verify_many()": many,
        "verify_series()": columnar,
    }
    if dask_run is not None:
        methods["verify_dask() 2 workers"] = dask_run
    try:
        print(f"\none run of {n:,} numbers (wall time per number; ratio to phonenumbers.parse)")
        once = {name: timed(m, numbers) for name, m in methods.items()}
        _table({k: [v] for k, v in once.items()}, n, "phonenumbers.parse")
        print(f"\n{repeats} repeats of {repeat_n:,} numbers (medians; ratios taken within each repeat)")
        sample = numbers[:repeat_n]
        runs: dict[str, list[float]] = {name: [] for name in methods}
        for _ in range(repeats):
            for name, m in methods.items():
                runs[name].append(timed(m, sample))
        _table(runs, repeat_n, "phonenumbers.parse")
    finally:
        if dask_run is not None:
            dask_run.close()
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


def _statuses(numbers: list[str]) -> str:
    counts: dict[str, int] = {}
    for v in hv.verify_many(numbers):
        counts[v.status.value] = counts.get(v.status.value, 0) + 1
    return ", ".join(f"{k} {c / len(numbers):.1%}" for k, c in sorted(counts.items(), key=lambda kv: -kv[1]))


def _table(runs: dict[str, list[float]], n: int, base: str) -> None:
    print(
        f"  {'method':26s} {'us/number':>10s} {'numbers/s':>12s} {'x parse':>8s} {'x verify':>9s} {'x list':>7s}"
    )
    for name, times in runs.items():
        ratio = statistics.median(t / b for t, b in zip(times, runs[base], strict=True))
        vs_loop = statistics.median(t / b for t, b in zip(times, runs["verify() loop"], strict=True))
        vs_list = statistics.median(t / b for t, b in zip(times, runs["verify() into a list"], strict=True))
        per = statistics.median(times) / n
        print(f"  {name:26s} {per * 1e6:10.2f} {1 / per:12,.0f} {ratio:8.2f} {vs_loop:9.2f} {vs_list:7.2f}")


def memory(rows: int) -> None:
    """Peak resident memory of verify_series() on one partition, each size in a fresh process."""
    code = """
import resource, sys
sys.path.insert(0, {here!r})
import pandas as pd, hotline_verify as hv
from hotline_verify.batch import verify_series
from corpus import mixed_numbers
s = pd.Series(mixed_numbers({rows}), dtype="string")
hv.verify("95188")
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize()
before = rss()
df = verify_series(s)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(f"{rows:>10,} rows: input + libraries {{before / 2**20:7.0f}} MiB, peak {{peak / 2**20:7.0f}} MiB, "
      f"peak over input {{(peak - before) / {rows}:5.0f}} B/row, result {{df.memory_usage(deep=True).sum() / {rows}:5.0f}} B/row")
"""
    for size in (rows // 10, rows):
        subprocess.run(
            [sys.executable, "-c", code.format(here=str(Path(__file__).parent), rows=size)], check=True
        )


def profile(n: int) -> None:
    numbers = mixed_numbers(n)
    hv.verify("95188")
    prof = cProfile.Profile()
    prof.runcall(verify_loop, numbers)
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="numbers in the single full run")
    parser.add_argument("--repeat-n", type=int, default=100_000, help="numbers in each repeat")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--partition-rows", type=int, default=125_000, help="rows per Dask partition")
    parser.add_argument("--memory", action="store_true", help="measure peak memory of one partition instead")
    parser.add_argument(
        "--profile", action="store_true", help="profile verify() on --repeat-n numbers instead"
    )
    parser.add_argument("--no-dask", action="store_true", help="leave Dask out (no cluster is started)")
    args = parser.parse_args(argv)
    if args.memory:
        memory(args.n)
    elif args.profile:
        profile(args.repeat_n)
    else:
        run(args.n, args.repeat_n, args.repeats, args.partition_rows, dask=not args.no_dask)


if __name__ == "__main__":
    main()
