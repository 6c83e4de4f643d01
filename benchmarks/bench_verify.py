"""verify() against phonenumbers.parse + is_valid_number, class by class, in one run.

Run by hand:

    python benchmarks/bench_verify.py                  # every class, then start-up
    python benchmarks/bench_verify.py --n 200 --rounds 1 --startup 1   # a quick look

For each class of input (official numbers of the packaged list, unlisted 400 numbers,
mobiles, random 95xxx codes, landlines, foreign numbers, garbage) the two are timed on
the same freshly generated strings, alternating, so a busy machine slows both alike; the
medians per call and their ratio are printed, with the load average. Then import + first
call of each library, each in a fresh process (with bytecode already compiled).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import phonenumbers

import hotline_verify as hv

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import PLACEHOLDERS  # the benchmarks' shared inputs, beside this script

WORDS = (
    "TBD",
    "n/a",
    "none",
    "see website",
    "unknown",
    "待定",
    "暂无",
    "客服电话",
    "电话：见官网",
    "联系客服",
)


def _garbage(rng: random.Random) -> str:
    """Text found where a number should be: words, masked numbers, stubs, blanks (mostly distinct)."""
    shape = rng.randrange(5)
    if shape == 0:
        return rng.choice(WORDS) + rng.choice(["", " ", "!", "?", "…"]) + " " * rng.randrange(3)
    if shape == 1:
        return f"1{rng.randrange(30, 100)}****{rng.randrange(10000):04d}"
    if shape == 2:
        return f"400-{rng.randrange(1000):03d}-" + "".join(rng.choice("Xx*") for _ in range(4))
    if shape == 3:
        return str(rng.randrange(100))
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz -/") for _ in range(rng.randrange(1, 16)))


FOREIGN = ("+1 650 {a} {b}", "+44 20 {a} {b}", "+81 3 {a} {b}", "+852 {b} {b}", "+49 30 {a} {b}")


def _official(rng: random.Random) -> str:
    return rng.choice([n.number for n in hv.packaged_allowlist().numbers])


def _official_spaced(rng: random.Random) -> str:
    number = _official(rng)
    cut = rng.randrange(1, len(number))
    return number[:cut] + rng.choice("- ") + number[cut:]


CLASSES: dict[str, Callable[[random.Random], str]] = {
    "listed": _official,
    "listed, spaced": _official_spaced,
    "unlisted 400": lambda rng: f"400-{rng.randrange(1000):03d}-{rng.randrange(10000):04d}",
    "mobile": lambda rng: f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
    "random 95xxx": lambda rng: f"95{rng.randrange(1000):03d}",
    "landline": lambda rng: f"0{rng.choice(['10', '21', '571', '755'])}-{rng.randrange(2 * 10**7, 10**8)}",
    "foreign": lambda rng: rng.choice(FOREIGN).format(
        a=rng.randrange(200, 999), b=f"{rng.randrange(10**4):04d}"
    ),
    "garbage": _garbage,
    "placeholders": lambda rng: rng.choice(PLACEHOLDERS),
}


def inputs(make: Callable[[random.Random], str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [make(rng) + "" for _ in range(n)]  # fresh strings: no cache keyed on identity helps


def run_verify(items: list[str]) -> float:
    verify = hv.verify
    start = time.perf_counter()
    for s in items:
        verify(s)
    return time.perf_counter() - start


def run_phonenumbers(items: list[str]) -> float:
    parse, valid, error = phonenumbers.parse, phonenumbers.is_valid_number, phonenumbers.NumberParseException
    start = time.perf_counter()
    for s in items:
        with contextlib.suppress(error):
            valid(parse(s, "CN"))
    return time.perf_counter() - start


def forget() -> None:
    """Drop the verdicts verify() keeps for official numbers and short codes written as bare digits."""
    importlib.import_module("hotline_verify._verify")._AS_WRITTEN.clear()


def per_class(n: int, rounds: int, *, first_sight: bool = False) -> None:
    hv.verify("95188")  # build the allowlist once, as a long-running process would
    kept = "none of the kept verdicts" if first_sight else "kept verdicts as a running process has them"
    print(f"per call, {n} inputs per class, median of {rounds} rounds, {kept}; load {os.getloadavg()[0]:.1f}")
    print(f"  {'class':14s} {'verify µs':>10s} {'phonenumbers µs':>16s} {'ratio':>6s}")
    for name, make in CLASSES.items():
        ours, theirs, ratios = [], [], []
        for round_ in range(rounds):
            items = inputs(make, n, round_)
            if first_sight:
                forget()
            if round_ % 2:
                b = run_phonenumbers(items)
                a = run_verify(items)
            else:
                a = run_verify(items)
                b = run_phonenumbers(items)
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
        a, b = statistics.median(ours) / n * 1e6, statistics.median(theirs) / n * 1e6
        print(f"  {name:14s} {a:10.2f} {b:16.2f} {statistics.median(ratios):6.2f}")


def startup(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_calls(runs: int) -> None:
    ours = "import hotline_verify as hv; hv.verify('95188')"
    theirs = "import phonenumbers; phonenumbers.parse('95188', 'CN')"
    scan = "import hotline_verify as hv; hv.verify('95188'); hv.scan('支付宝客服 95188')"
    bare = "pass"
    startup(ours, 1)  # compile bytecode outside the timing
    times = {
        k: startup(c, runs) for k, c in (("ours", ours), ("theirs", theirs), ("scan", scan), ("bare", bare))
    }
    print(f"import + first call, median of {runs} fresh processes; load {os.getloadavg()[0]:.1f}")
    print(f"  python alone:                    {times['bare'] * 1e3:7.1f} ms")
    print(f"  hotline_verify + verify():       {times['ours'] * 1e3:7.1f} ms")
    print(f"  ... then a first scan():         {(times['scan'] - times['ours']) * 1e3:+7.1f} ms")
    print(f"  phonenumbers + parse():          {times['theirs'] * 1e3:7.1f} ms")
    print(f"  ratio (with interpreter start):  {times['ours'] / times['theirs']:7.2f}")
    net = (times["ours"] - times["bare"]) / (times["theirs"] - times["bare"])
    print(f"  ratio (interpreter start taken off both): {net:5.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="inputs per class and round")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--startup", type=int, default=11, help="fresh processes per start-up figure")
    parser.add_argument(
        "--first-sight",
        action="store_true",
        help="also time each class with no kept verdicts (official numbers and short codes judged anew)",
    )
    args = parser.parse_args(argv)
    per_class(args.n, args.rounds)
    if args.first_sight:
        per_class(args.n, args.rounds, first_sight=True)
    if args.startup:
        first_calls(args.startup)
    return 0


if __name__ == "__main__":
    sys.exit(main())
