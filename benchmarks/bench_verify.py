"""verify() against phonenumbers.parse + is_valid_number, side by side in one run.

Run by hand: ``python benchmarks/bench_verify.py``. Prints medians of several rounds
over the same freshly generated inputs (every round gets new strings, so no cache can
answer for the work) and the ratio verify / phonenumbers; then import + first call of
each library in separate processes.
"""

from __future__ import annotations

import contextlib
import random
import statistics
import subprocess
import sys
import time

import phonenumbers

import hotline_verify as hv

N = 6000
ROUNDS = 7


def inputs(seed: int) -> list[str]:
    rng = random.Random(seed)
    official = [n.number for n in hv.packaged_allowlist().numbers]
    out = []
    for i in range(N):
        r = i % 6
        if r == 0:
            out.append(rng.choice(official))
        elif r == 1:
            out.append(f"400-{rng.randrange(1000):03d}-{rng.randrange(10000):04d}")
        elif r == 2:
            out.append(f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}")
        elif r == 3:
            out.append(f"0{rng.choice(['10', '21', '571', '755'])}-{rng.randrange(10**7, 10**8)}")
        elif r == 4:
            out.append(f"+86 {rng.randrange(130, 199)} {rng.randrange(10000):04d} {rng.randrange(10000):04d}")
        else:
            out.append(f"95{rng.randrange(1000):03d}")
    return out


def run_verify(items: list[str]) -> float:
    start = time.perf_counter()
    for s in items:
        hv.verify(s)
    return time.perf_counter() - start


def run_phonenumbers(items: list[str]) -> float:
    start = time.perf_counter()
    for s in items:
        with contextlib.suppress(phonenumbers.NumberParseException):
            phonenumbers.is_valid_number(phonenumbers.parse(s, "CN"))
    return time.perf_counter() - start


def startup(code: str) -> float:
    times = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    hv.verify("95188")  # build the allowlist once, as a long-running process would
    ours, theirs = [], []
    for round_ in range(ROUNDS):
        items = [s + "" for s in inputs(round_)]
        if round_ % 2:
            theirs.append(run_phonenumbers(items))
            ours.append(run_verify(items))
        else:
            ours.append(run_verify(items))
            theirs.append(run_phonenumbers(items))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"{N} mixed inputs, median of {ROUNDS} rounds")
    print(f"  verify():                       {a / N * 1e6:7.2f} µs per number")
    print(f"  phonenumbers parse+is_valid:    {b / N * 1e6:7.2f} µs per number")
    print(f"  ratio verify / phonenumbers:    {a / b:7.2f}")
    ours_start = startup("import hotline_verify as hv; hv.verify('95188')")
    theirs_start = startup("import phonenumbers; phonenumbers.parse('95188', 'CN')")
    print("import + first call, median of 7 processes")
    print(f"  hotline_verify:                 {ours_start * 1e3:7.1f} ms")
    print(f"  phonenumbers:                   {theirs_start * 1e3:7.1f} ms")
    print(f"  ratio:                          {ours_start / theirs_start:7.2f}")


if __name__ == "__main__":
    main()
