"""A deterministic mix of phone numbers as people write them, for benchmarks.

Mostly unique: random subscriber digits make repeats rare except for the official
numbers and their lookalikes, which are few by nature.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import hotline_verify as hv

AREA_CODES = (
    "010",
    "020",
    "021",
    "022",
    "023",
    "024",
    "025",
    "027",
    "028",
    "029",
    "0571",
    "0574",
    "0591",
    "0731",
    "0755",
    "0757",
    "0769",
    "0871",
    "0898",
)
FOREIGN = (
    "+1 650 {a}{b}",
    "+44 20 {a}{b}",
    "+81 3 {a}{b}",
    "+852 {b}{b}",
    "00 1 212 {a}{b}",
    "+61 2 {b}{b}",
    "+65 {b}{b}",
    "+49 30 {a}{b}",
)
# what a column of found numbers holds where there is none: a few texts, again and again
PLACEHOLDERS = (
    "",
    "   ",
    "abc",
    "客服电话",
    "400-XXX-XXXX",
    "138****5678",
    "12",
    "TBD",
    "n/a",
    "电话：见官网",
)
GARBAGE = (*PLACEHOLDERS, "4OO-l23-4567", "95 1 8 8 转 2")


def _spaced(digits: str, rng: random.Random) -> str:
    """The same digits in one of the ways people write them."""
    style = rng.randrange(6)
    if style == 0:
        return digits
    if style == 1 and len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if style == 2 and len(digits) == 11:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if style == 3:
        return "".join(chr(ord(c) + 0xFEE0) for c in digits)  # full-width
    if style == 4 and digits[0] in "148" and len(digits) >= 10:
        return "+86 " + digits
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def mixed_numbers(n: int, /, *, seed: int = 7) -> list[str]:
    """``n`` numbers: official, lookalikes, 400/800, mobile, landline, foreign, short, invalid."""
    rng = random.Random(seed)
    officials = [e.number for e in hv.packaged_allowlist().numbers if e.active]
    variants = [v.number for o in officials for v in hv.lookalikes(o)]

    def official() -> str:
        return _spaced(rng.choice(officials), rng)

    def lookalike() -> str:
        v = rng.choice(variants)
        return _spaced(v, rng) if v.isdigit() else v

    def enterprise() -> str:
        return _spaced(rng.choice(("400", "400", "400", "800")) + f"{rng.randrange(10**7):07d}", rng)

    def mobile() -> str:
        return _spaced(f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}", rng)

    def landline() -> str:
        code = rng.choice(AREA_CODES)
        local = f"{rng.randrange(2, 10)}{rng.randrange(10**7 if len(code) == 3 else 10**6):0{7 if len(code) == 3 else 6}d}"
        return rng.choice((f"{code}-{local}", f"({code}) {local}", code + local))

    def foreign() -> str:
        return rng.choice(FOREIGN).format(a=f"{rng.randrange(200, 999)} ", b=f"{rng.randrange(10**4):04d}")

    def short() -> str:
        return rng.choice(("95", "96", "10", "12")) + f"{rng.randrange(1000, 99999)}"

    def invalid() -> str:
        if rng.random() < 0.5:
            return rng.choice(GARBAGE)
        return f"{rng.randrange(10**6)}-{rng.randrange(10**4)}"  # digits in no known format, or too short

    mix: tuple[tuple[float, Callable[[], str]], ...] = (
        (0.03, official),
        (0.07, lookalike),
        (0.20, enterprise),
        (0.25, mobile),
        (0.20, landline),
        (0.10, foreign),
        (0.05, short),
        (0.10, invalid),
    )
    weights = [w for w, _ in mix]
    makers = [m for _, m in mix]
    return [rng.choices(makers, weights)[0]() for _ in range(n)]
