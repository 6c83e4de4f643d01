"""verify() against phonenumbers.parse + is_valid_number, class by class, in one run.

Run by hand:

    python benchmarks/bench_verify.py                  # every class, then start-up
    python benchmarks/bench_verify.py --n 200 --rounds 1 --startup 1   # a quick look
    python benchmarks/bench_verify.py --no-per-class --startup 21 --wheel   # start-up from a wheel
    python benchmarks/bench_verify.py --no-per-class --wheel OTHER-CHECKOUT .  # two versions, one run

For each class of input (official numbers of the packaged list, unlisted 400 numbers,
mobiles, random 95xxx codes, landlines, foreign numbers, garbage) the two are timed on
the same freshly generated strings, alternating, so a busy machine slows both alike; the
medians per call and their ratio are printed, with the load average. Then import + first
call of each library, each in a fresh process (with bytecode already compiled): the
package as this interpreter imports it, or with ``--wheel`` the wheel built from each
checkout named (this one by default), unpacked and compiled as an installer leaves it.
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
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

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
    for kept in importlib.import_module("hotline_verify._verify")._AS_WRITTEN.values():
        kept.clear()


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


def wheel_site(checkout: Path, into: Path) -> Path:
    """The wheel of ``checkout`` unpacked into ``into``, bytecode compiled, as an installer leaves it."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(into),
            str(checkout),
        ],
        check=True,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    (wheel,) = into.glob("*.whl")
    site = into / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(site)], check=True)
    return site


def startup(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - start


def first_calls(runs: int, places: dict[str, dict[str, str]]) -> None:
    """Import + first call in fresh processes, for each place the package is imported from; the runs
    alternate between the places and the programs, so a busy machine slows them alike."""
    ours = "import hotline_verify as hv; hv.verify('95188')"
    theirs = "import phonenumbers; phonenumbers.parse('95188', 'CN')"
    scan = "import hotline_verify as hv; hv.verify('95188'); hv.scan('支付宝客服 95188')"
    bare = "pass"
    attrs_alone = "import attrs"  # the floor while the public records are attrs classes
    programs = {"ours": ours, "theirs": theirs, "scan": scan, "bare": bare, "attrs": attrs_alone}
    for env in places.values():  # bytecode compiled outside the timing
        startup(scan, env)
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):
        for place, env in places.items():
            for name, code in programs.items():
                times.setdefault((place, name), []).append(startup(code, env))
    print(f"import + first call, median of {runs} fresh processes; load {os.getloadavg()[0]:.1f}")
    for place in places:
        t = {name: statistics.median(times[place, name]) for name in programs}
        print(f" {place}")
        print(f"  python alone:                    {t['bare'] * 1e3:7.1f} ms")
        print(f"  hotline_verify + verify():       {t['ours'] * 1e3:7.1f} ms")
        print(f"  ... then a first scan():         {(t['scan'] - t['ours']) * 1e3:+7.1f} ms")
        print(f"  phonenumbers + parse():          {t['theirs'] * 1e3:7.1f} ms")
        print(
            f"  import attrs alone:              {t['attrs'] * 1e3:7.1f} ms ({t['attrs'] / t['theirs']:.2f}×)"
        )
        print(f"  ratio (with interpreter start):  {t['ours'] / t['theirs']:7.2f}")
        net = (t["ours"] - t["bare"]) / (t["theirs"] - t["bare"])
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
    parser.add_argument(
        "--wheel",
        nargs="*",
        metavar="CHECKOUT",
        help="time the start-up from the wheel of each checkout given (default: this one), unpacked with its "
        "bytecode compiled, as an installation has it",
    )
    parser.add_argument("--no-per-class", action="store_true", help="time the start-up only")
    args = parser.parse_args(argv)
    if not args.no_per_class:
        per_class(args.n, args.rounds)
    if args.first_sight and not args.no_per_class:
        per_class(args.n, args.rounds, first_sight=True)
    if args.startup:
        if args.wheel is None:
            first_calls(args.startup, {"as imported now": dict(os.environ)})
        else:
            with tempfile.TemporaryDirectory(prefix="bench-wheel-") as tmp:
                places = {}
                for i, checkout in enumerate(args.wheel or [Path(__file__).resolve().parents[1]]):
                    site = wheel_site(Path(checkout), Path(tmp) / str(i))
                    places[f"wheel of {checkout}"] = {**os.environ, "PYTHONPATH": str(site)}
                first_calls(args.startup, places)
    return 0


if __name__ == "__main__":
    sys.exit(main())
