"""Benchmark scan() against phonenumbers.PhoneNumberMatcher (run by hand, not in CI).

    python benchmarks/bench_scan.py [--size-kb 400] [--repeat 5] [--warmup 3] [--numbers 0.05]
                                    [--noise 0.25] [--unique] [--adversarial-kb 200] [--messages N]

Prints, for the same generated mixed Chinese text, the median time of each, the speed
ratio, and how many numbers each finds (with the short service codes the matcher cannot
find counted apart). Then the short messages a chatbot gets: the messages of the scan
corpus (tests/data/scan_corpus), each scanned once as a new process meets them, then again
as a running process has seen them. Then checks that scan() stays linear on adversarial
input: runs of digits and separators, 200 KB against 2 MB. Times are CPU seconds of this
process (time.process_time), which a busy machine disturbs less than wall-clock time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import phonenumbers

from hotline_verify import scan

PROSE = (
    "很多人遇到售后问题第一反应是上网搜客服电话，但搜索结果里的号码未必可靠。",
    "大促期间排队时间较长，建议工作日上午再联系，准备好订单截图和聊天记录。",
    "如果在线客服无法解决，可以申请平台介入，一般三个工作日内会有答复。",
    "退货时请保留快递底单，商家签收后退款会原路返回。",
    "The seller promised a refund within a week, but nothing has arrived yet.",
)
NUMBERS = (
    "淘宝/天猫消费者热线 9510211，每天 9:00-21:00。",
    "天猫超市的订单请打 400-988-8898。",
    "支付宝相关问题拨打 95188。",
    "移动用户可拨打 10086 查询话费。",
    "消费投诉可以拨打 12315。",
    "对方留了手机 138 1234 5678，说是理赔专员。",
    "我接到 0571-8815 8198 打来的电话，自称快递公司。",
    "网上搜到的“客服电话”4001234567 是假的。",
    "来电显示 +86 21 6123 4567，要我配合调查。",
)
# the same lines with digits drawn at random (--unique): nearly every number is judged afresh
UNIQUE_NUMBERS = (
    "天猫超市的订单请打 400-{a3}-{a4}。",
    "售后热线 95{a3}，工作日拨打。",
    "对方留了手机 13{d1} {a4} {a4}，说是理赔专员。",
    "我接到 0571-{a4} {a4} 打来的电话，自称快递公司。",
    "网上搜到的“客服电话”400{a3}{a4} 是假的。",
    "来电显示 +86 21 {a4} {a4}，要我配合调查。",
    "淘宝/天猫消费者热线 9510211，每天 9:00-21:00。",
    "支付宝相关问题拨打 95188。",
)
NOISE = (
    "订单号 {order}，实付 {price} 元，优惠 {pct}%。",
    "活动时间 {m}月{d}-{d2}日，{y}-{m:02d}-{d:02d} 截止。",
    "客服工号 {staff}XXX，承诺 {n} 个工作日内处理。",
    "版本 {v1}.{v2}.{v3} 更新后，耗时从 {n}.{n2} 秒降到 {n2} 秒。",
    "邮编 {post}，身份证后四位 {tail}。",
    "累计成交 {big:,} 笔，好评率 {pct}.{n}%。",
)


def mixed_text(
    size: int, *, numbers: float = 0.05, noise: float = 0.25, seed: int = 7, unique: bool = False
) -> str:
    """Lines of prose, of digits that are not phone numbers, and of phone numbers."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        if roll < numbers and unique:
            part = rng.choice(UNIQUE_NUMBERS).format(
                d1=rng.randrange(10), a3=f"{rng.randrange(200, 1000)}", a4=f"{rng.randrange(1000, 10000)}"
            )
        elif roll < numbers:
            part = rng.choice(NUMBERS)
        elif roll < numbers + noise:
            part = rng.choice(NOISE).format(
                order=rng.randrange(10**18, 10**19),
                price=rng.randrange(1, 5000),
                pct=rng.randrange(1, 99),
                m=rng.randrange(1, 13),
                d=rng.randrange(1, 15),
                d2=rng.randrange(15, 29),
                y=rng.randrange(2015, 2030),
                staff=rng.randrange(10, 99),
                n=rng.randrange(1, 9),
                n2=rng.randrange(1, 9),
                v1=rng.randrange(1, 20),
                v2=rng.randrange(0, 20),
                v3=rng.randrange(0, 20),
                post=rng.randrange(100000, 860000),
                tail=rng.randrange(1000, 9999),
                big=rng.randrange(10**4, 10**8),
            )
        else:
            part = rng.choice(PROSE)
        parts.append(part)
        total += len(part.encode("utf-8"))
    return "\n".join(parts)


def adversarial(size: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    alphabet = "0123456789" * 4 + " -.()+（）－"
    return "".join(rng.choice(alphabet) for _ in range(size))


def messages() -> list[str]:
    """The messages of the scan corpus: short texts as people write them."""
    corpus = Path(__file__).resolve().parent.parent / "tests" / "data" / "scan_corpus"
    return [
        json.loads(line)["text"]
        for path in sorted(corpus.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def time_messages(texts: list[str], repeat: int) -> None:
    """Each message once, in the order of the corpus (the first pass pays for what is worked
    out on first use, such as the names compiled group by group), then the median of
    ``repeat`` passes over messages already seen; per message, against the matcher."""
    # the matcher is timed first: it loads its metadata on first use, outside the timing
    list(phonenumbers.PhoneNumberMatcher("热身 95188", "CN"))
    t0 = time.process_time()
    for text in texts:
        list(phonenumbers.PhoneNumberMatcher(text, "CN"))
    pn_first = time.process_time() - t0
    t0 = time.process_time()
    for text in texts:
        scan(text)
    scan_first = time.process_time() - t0
    t_scan, t_pn = side_by_side(
        lambda ts: [scan(t) for t in ts],
        lambda ts: [list(phonenumbers.PhoneNumberMatcher(t, "CN")) for t in ts],
        [texts] * repeat,
    )
    n = len(texts)
    size = sum(map(len, texts)) / max(n, 1)
    print(f"short messages: {n} of the scan corpus, {size:.0f} characters on average; µs per message")
    print(
        f"  first pass:       scan() {scan_first / n * 1e6:7.1f}   matcher {pn_first / n * 1e6:7.1f}"
        f"   speed ratio {pn_first / max(scan_first, 1e-9):.2f}x"
    )
    print(
        f"  seen before:      scan() {t_scan / n * 1e6:7.1f}   matcher {t_pn / n * 1e6:7.1f}"
        f"   speed ratio {t_pn / max(t_scan, 1e-9):.2f}x  (median of {repeat})"
    )


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def side_by_side(first, second, inputs) -> tuple[float, float]:
    """The median times of ``first(x)`` and ``second(x)`` over ``inputs``, the two alternating
    on each input so that a busy machine slows both alike."""
    a, b = [], []
    for x in inputs:
        for fn, times in ((first, a), (second, b)):
            t0 = time.process_time()
            fn(x)
            times.append(time.process_time() - t0)
    return statistics.median(a), statistics.median(b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-kb", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--warmup",
        type=int,
        default=3,
        help="untimed runs of each first: a running process has compiled what its texts need",
    )
    parser.add_argument("--numbers", type=float, default=0.05, help="share of lines holding a phone number")
    parser.add_argument(
        "--noise",
        type=float,
        default=0.25,
        help="share of lines holding other digits (order numbers, dates, prices …)",
    )
    parser.add_argument("--unique", action="store_true", help="draw the phone numbers' digits at random")
    parser.add_argument(
        "--adversarial-kb",
        type=int,
        default=200,
        help="size of the smaller adversarial text (the larger is 10x)",
    )
    parser.add_argument(
        "--messages",
        type=int,
        default=None,
        help="time only the first N short messages (default: all; 0: none)",
    )
    args = parser.parse_args(argv)

    text = mixed_text(args.size_kb * 1024, numbers=args.numbers, noise=args.noise, unique=args.unique)
    scan("热身 95188")  # load the allowlist outside the timing
    # first, while the process has scanned nothing else
    if args.messages != 0:
        time_messages(messages()[: args.messages], args.repeat)
    findings = scan(text)
    matches = list(phonenumbers.PhoneNumberMatcher(text, "CN"))
    # The word finder compiles its whole Han trie once 20,000 characters have been read (about
    # 10 ms, once per process); until then it walks the text. The untimed runs get both
    # scanners to what a running process has. scan() keeps what it worked out about each
    # number for the next scan: with --unique, every run has a text of its own, so that every
    # number it times is new to it.
    runs = [text] * (args.warmup + args.repeat)
    if args.unique:
        runs = [
            mixed_text(args.size_kb * 1024, numbers=args.numbers, noise=args.noise, unique=True, seed=8 + i)
            for i in range(args.warmup + args.repeat)
        ]
    for run in runs[: args.warmup]:
        scan(run)
        list(phonenumbers.PhoneNumberMatcher(run, "CN"))
    t_scan, t_pn = side_by_side(
        scan, lambda run: list(phonenumbers.PhoneNumberMatcher(run, "CN")), runs[args.warmup :]
    )
    short = sum(
        1
        for f in findings
        if f.verdict.normalized
        and len(f.verdict.normalized) <= 8
        and not f.verdict.normalized.startswith("0")
    )
    pn_short = sum(1 for m in matches if len(str(m.number.national_number)) <= 8)
    size_kb = len(text.encode("utf-8")) / 1024
    distinct = len({f.text for f in findings})
    print(
        f"mixed Chinese text: {size_kb:.0f} KB, {len(text):,} characters, {distinct} distinct numbers found, "
        f"median of {args.repeat}; load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"  scan():                {t_scan * 1000:8.1f} ms  {len(findings):6d} numbers ({short} short codes)"
    )
    print(
        f"  PhoneNumberMatcher:    {t_pn * 1000:8.1f} ms  {len(matches):6d} numbers ({pn_short} short codes)"
    )
    print(f"  speed ratio (matcher / scan): {t_pn / max(t_scan, 1e-9):.1f}x")

    small, large = adversarial(args.adversarial_kb * 1024), adversarial(args.adversarial_kb * 10 * 1024)
    t_small = median_time(lambda: scan(small), args.repeat)
    t_large = median_time(lambda: scan(large), max(1, args.repeat // 2))
    print("adversarial digit/separator runs:")
    print(
        f"  {args.adversarial_kb} KB: {t_small * 1000:8.1f} ms   {args.adversarial_kb * 10} KB: "
        f"{t_large * 1000:8.1f} ms   ratio {t_large / max(t_small, 1e-9):.1f}x "
        "(10x the input; linear is about 10x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
