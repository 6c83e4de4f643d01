"""A large allowlist (100,000 entries by default): load time, memory per entry, verify() per class.

Run by hand:

    python benchmarks/bench_allowlist.py                    # 100,000 entries
    python benchmarks/bench_allowlist.py --entries 2000 --n 50 --rounds 1   # a quick look

The script writes a valid allowlist file of many organisations (95xxx and 95xxxx codes,
400 and 800 numbers, landlines and mobiles, with official-site and community-list
sources), then prints:

- the time ``load_allowlist()`` takes (median of ``--loads`` loads);
- the memory the loaded list keeps, per entry (tracemalloc, after the load and again
  after a round of verify() on every class, which builds whatever is built on first use);
- for each class of input (listed numbers, unlisted 400 numbers, one-digit edits of each
  list's own 400/800 numbers, mobiles, random 95xxx codes, landlines, foreign numbers,
  garbage) the median time of verify() with the large list against the same kind of input
  with the packaged list, alternating, and their ratio, with the share of inputs each list
  finds to be lookalikes (large/packaged): where the large list finds many more (unlisted
  400 numbers), its verdicts say more and take longer; the edits are lookalikes under
  either list, so their ratio compares the same answer.

The load average is printed: trust ratios from a quiet machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import hotline_verify as hv

GARBAGE = ("", "   ", "abc", "客服电话", "400-XXX-XXXX", "138****5678", "12", "TBD", "n/a", "电话：见官网")
FOREIGN = ("+1 650 {a} {b}", "+44 20 {a} {b}", "+81 3 {a} {b}", "+852 {b} {b}", "+49 30 {a} {b}")
AREA_CODES = ("010", "020", "021", "022", "023", "024", "025", "027", "028", "029", "0571", "0755", "0512")
HAN = "华中东南西北新金恒安信达宏泰瑞丰祥和德盛通汇鑫源海天晨光明嘉禾美佳康乐隆昌荣"
SUFFIXES = (
    ("银行", "Bank", "bank"),
    ("保险", "Insurance", "insurer"),
    ("证券", "Securities", "broker"),
    ("快递", "Express", "courier"),
    ("航空", "Airlines", "airline"),
    ("科技", "Technology", "internet"),
    ("商城", "Mall", "e-commerce"),
    ("酒店", "Hotels", "hotel"),
    ("燃气", "Gas", "utility"),
    ("汽车", "Motors", "automotive"),
)
SERVICES = (
    (
        {"zh": "客服热线", "en": "customer service line"},
        {"zh": "咨询与投诉", "en": "enquiries and complaints"},
    ),
    ({"zh": "售后服务", "en": "after-sales service"}, {"zh": "维修与退换", "en": "repairs and returns"}),
    ({"zh": "信用卡中心", "en": "credit-card centre"}, {"zh": "信用卡业务", "en": "credit-card matters"}),
    ({"zh": "会员专线", "en": "members' line"}, {"zh": "会员服务", "en": "member services"}),
)
MOBILE = (*(f"13{d}" for d in range(10)), *(f"18{d}" for d in range(10)), "150", "151", "158", "177", "199")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _keys(number: str) -> set[str]:
    return {number, *(number[:i] + number[i + 1 :] for i in range(len(number)))}


def generate(entries: int, seed: int = 14) -> dict[str, object]:
    """A valid allowlist of ``entries`` numbers: no number one edit away from another
    organisation's (the data rule), every number canonical, every source followable."""
    rng = random.Random(seed)
    n_orgs = max(3, entries // 16)
    orgs = []
    for i in range(n_orgs):
        zh_suffix, en_suffix, category = SUFFIXES[i % len(SUFFIXES)]
        stem = "".join(rng.choice(HAN) for _ in range(2))
        slug = "".join(rng.choice(LETTERS) for _ in range(6))
        org = {
            "id": f"{slug}-{i}",
            "name": {"zh": f"{stem}{i}号{zh_suffix}", "en": f"{slug.title()} {i} {en_suffix}"},
            "aliases": [f"{stem}{i}号"] if i % 3 == 0 else [],
            "category": category,
        }
        orgs.append(org)
    owner_of_key: dict[str, str] = {}
    numbers: list[dict[str, object]] = []
    seen: set[str] = set()
    short = [f"95{k:03d}" for k in range(1000)] + [f"95{k:04d}" for k in range(10000)]
    rng.shuffle(short)
    while len(numbers) < entries:
        org = orgs[len(numbers) * 7919 % n_orgs]
        pick = rng.random()
        if pick < 0.04 and short:
            number, scope = short.pop(), "national"
        elif pick < 0.50:
            number, scope = (
                f"{rng.choice(('400', '400', '400', '800'))}{rng.randrange(10**7):07d}",
                "national",
            )
        elif pick < 0.82:
            code = rng.choice(AREA_CODES)
            number, scope = f"{code}{rng.randrange(2 * 10**7, 10**8)}", "local"
        else:
            number, scope = f"{rng.choice(MOBILE)}{rng.randrange(10**8):08d}", "national"
        keys = _keys(number)
        if number in seen or any(owner_of_key.get(k, org["id"]) != org["id"] for k in keys):
            continue  # one edit from another organisation's number: the data rules refuse it
        seen.add(number)
        for k in keys:
            owner_of_key[k] = str(org["id"])
        service, handles = SERVICES[len(numbers) % len(SERVICES)]
        slug = str(org["id"]).split("-")[0]
        if len(numbers) % 5:
            source = {
                "kind": "official-site",
                "url": f"https://www.{slug}.com.cn/contact",
                "read": "2026-10-12",
            }
        else:
            source = {
                "kind": "community-list",
                "repo": "metowolf/vCards",
                "path": f"data/{slug}.yaml",
                "commit": "b1a346c3354e559fd10f9060325e1565b140fc80",
                "read": "2026-09-30",
            }
        entry: dict[str, object] = {
            "number": number,
            "org": org["id"],
            "status": "active",
            "kind": "hotline",
            "scope": scope,
            "service": service,
            "handles": handles,
            "sources": [source],
        }
        if len(numbers) % 11 == 0:
            entry["hours"] = {"zh": "每天 9:00–21:00", "en": "9:00–21:00 every day"}
        numbers.append(entry)
    return {"format": "hotline-verify-allowlist", "version": 1, "organisations": orgs, "numbers": numbers}


def write(data: dict[str, object], directory: str) -> Path:
    path = Path(directory) / "large_allowlist.json"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return path


def timed_loads(path: Path, loads: int) -> tuple[float, hv.Allowlist]:
    times = []
    al = None
    for _ in range(loads):
        al = None
        gc.collect()
        start = time.perf_counter()
        al = hv.load_allowlist(path)
        times.append(time.perf_counter() - start)
    assert al is not None
    return statistics.median(times), al


def retained(path: Path, warm: Callable[[hv.Allowlist], None] | None = None) -> tuple[int, hv.Allowlist]:
    """Bytes the loaded list holds (tracemalloc): after the load, then after ``warm``."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    al = hv.load_allowlist(path)
    if warm is not None:
        warm(al)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, al


Make = Callable[[random.Random], str]


def _rentable(numbers: list[str]) -> list[str]:
    return [n for n in numbers if len(n) == 10 and n[:3] in ("400", "800")]


def edits_of(numbers: list[str], listed: Callable[[str], bool]) -> Make:
    """One digit after the prefix of one of ``numbers`` changed, written with dashes: a lookalike
    of that number (an edit that the list names, as an entry or a known fake, is drawn again)."""

    def make(rng: random.Random) -> str:
        while True:
            number = rng.choice(numbers)
            i = rng.randrange(3, len(number))
            edit = number[:i] + rng.choice([d for d in "0123456789" if d != number[i]]) + number[i + 1 :]
            if not listed(edit):
                return f"{edit[:3]}-{edit[3:6]}-{edit[6:]}"

    return make


def classes(mine: list[str]) -> dict[str, tuple[Make, Make]]:
    """Each class as (input for the large list, input for the packaged list): the same kind of
    string. Listed numbers, and the 400/800 numbers whose edits are lookalikes, are drawn from
    as many numbers of each list (as many as the packaged list has), so the records and verdicts
    kept per official number help both alike."""
    packaged = [n.number for n in hv.packaged_allowlist().numbers]
    some = random.Random(7).sample(mine, min(len(packaged), len(mine)))
    rentable = _rentable(packaged)
    mine_rentable = _rentable(mine)
    some_rentable = random.Random(8).sample(mine_rentable, min(len(rentable), len(mine_rentable)))

    def same(make: Make) -> tuple[Make, Make]:
        return make, make

    return {
        "listed": (lambda rng: rng.choice(some), lambda rng: rng.choice(packaged)),
        "unlisted 400": same(lambda rng: f"400-{rng.randrange(1000):03d}-{rng.randrange(10000):04d}"),
        "400/800 edited": (
            edits_of(some_rentable, frozenset(mine).__contains__),
            edits_of(rentable, hv.packaged_allowlist().mentions),
        ),
        "mobile": same(lambda rng: f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"),
        "random 95xxx": same(lambda rng: f"95{rng.randrange(1000):03d}"),
        "landline": same(
            lambda rng: f"0{rng.choice(['10', '21', '571', '755'])}-{rng.randrange(2 * 10**7, 10**8)}"
        ),
        "foreign": same(
            lambda rng: rng.choice(FOREIGN).format(a=rng.randrange(200, 999), b=f"{rng.randrange(10**4):04d}")
        ),
        "garbage": same(lambda rng: rng.choice(GARBAGE)),
    }


def run(items: list[str], al: hv.Allowlist | None) -> float:
    verify = hv.verify
    start = time.perf_counter()
    for s in items:
        verify(s, allowlist=al)
    return time.perf_counter() - start


def lookalike_share(items: list[str], al: hv.Allowlist | None) -> float:
    """The share of ``items`` judged lookalikes: a denser list finds more, and those take longer."""
    return sum(hv.verify(s, allowlist=al).status is hv.Status.LOOKALIKE for s in items) / len(items)


def per_class(large: hv.Allowlist, mine: list[str], n: int, rounds: int) -> None:
    print(
        f"verify() per call, {n} inputs per class, median of {rounds} rounds; load {os.getloadavg()[0]:.1f}"
    )
    print(f"  {'class':14s} {'lookalikes':>10s} {'large µs':>9s} {'packaged µs':>12s} {'ratio':>6s}")
    for name, (make_large, make_packaged) in classes(mine).items():
        ours, theirs, ratios = [], [], []
        share = ""
        for round_ in range(rounds):
            rng = random.Random(round_)
            big = [make_large(rng) + "" for _ in range(n)]
            rng = random.Random(round_)
            small = [make_packaged(rng) + "" for _ in range(n)]
            if round_ % 2:
                b = run(small, None)
                a = run(big, large)
            else:
                a = run(big, large)
                b = run(small, None)
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
            if not share:
                share = f"{lookalike_share(big, large):.0%}/{lookalike_share(small, None):.0%}"
        a, b = statistics.median(ours) / n * 1e6, statistics.median(theirs) / n * 1e6
        print(f"  {name:14s} {share:>10s} {a:9.2f} {b:12.2f} {statistics.median(ratios):6.2f}")


def warmer(mine: list[str]) -> Callable[[hv.Allowlist], None]:
    def warm(al: hv.Allowlist) -> None:
        rng = random.Random(99)
        for make, _ in classes(mine).values():
            for _ in range(20):
                hv.verify(make(rng), allowlist=al)

    return warm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=2000, help="inputs per class and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--loads", type=int, default=3, help="loads timed for the median")
    parser.add_argument("--keep", help="also write the generated file here")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc loads (slow)")
    args = parser.parse_args(argv)
    hv.verify("95188")  # the packaged list, built once as a long-running process would
    with tempfile.TemporaryDirectory() as tmp:
        data = generate(args.entries)
        mine = [str(e["number"]) for e in data["numbers"]]  # type: ignore[union-attr]
        path = write(data, tmp)
        if args.keep:
            Path(args.keep).write_bytes(path.read_bytes())
        size = path.stat().st_size
        seconds, _ = timed_loads(path, args.loads)
        if args.no_memory:
            loaded = warmed = 0
            large = hv.load_allowlist(path)
        else:
            loaded, _ = retained(path)
            warmed, large = retained(path, warmer(mine))
    entries = len(mine)
    print(f"{entries} entries, {len(large.organisations)} organisations, file {size / 2**20:.1f} MiB")
    print(f"load_allowlist(): {seconds:.2f} s (median of {args.loads}); load {os.getloadavg()[0]:.1f}")
    print(f"memory per entry: {loaded / entries / 1024:.2f} KiB after the load")
    print(f"memory per entry: {warmed / entries / 1024:.2f} KiB after verify() on every class")
    per_class(large, mine, args.n, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
