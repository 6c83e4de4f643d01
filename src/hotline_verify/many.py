"""verify_many(): verdicts for many numbers, sharing the work between them.

The allowlist and region are checked once, each distinct claimed name is resolved
once, and identical (number, claimed) pairs are judged once: verdicts are immutable,
so repeats share one object. Each verdict equals what :func:`~hotline_verify.verify`
gives for that item.

>>> vs = verify_many(["95188", "95818", "400-123-4567", "95188"], claimed="淘宝")
>>> [v.status.value for v in vs]
['official', 'lookalike', 'unofficial', 'official']
>>> vs[0] is vs[3]
True
>>> [v.status.value for v in verify_many(["95188", "400-123-4567"], claimed=["支付宝", None])]
['official', 'unknown']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from .allowlist import Allowlist
from .model import Organisation
from .verdict import Verdict
from .verify import judge, options, resolve_claim

__all__ = ["verify_many"]


def verify_many(numbers: Iterable[str], /, *, claimed: str | Iterable[str | None] | None = None,
                region: str = "CN", allowlist: Allowlist | None = None, incoming: bool = False) -> list[Verdict]:
    """Judge every number of ``numbers``; the verdicts come back in input order.

    ``claimed`` is one name for all numbers (a ``str``), ``None``, or an iterable with
    one name (or ``None``) per number; a length mismatch raises ``ValueError``. The
    other options are those of :func:`~hotline_verify.verify`. An item that is not a
    ``str`` raises ``TypeError`` naming its position, as ``verify()`` would for it;
    nothing is returned then, since a partial list would silently misalign.
    """
    if isinstance(numbers, (str, bytes)):
        raise TypeError("verify_many() takes an iterable of numbers, not a single string; use verify() for one")
    try:
        items = list(numbers)
    except TypeError:
        raise TypeError(f"verify_many() takes an iterable of str, not {type(numbers).__name__}") from None
    claims = _claims(claimed, len(items))
    al, region = options(region, allowlist)
    orgs: dict[str | None, Organisation | None] = {}
    seen: dict[tuple[str, str | None], Verdict] = {}
    out: list[Verdict] = []
    for i, (number, claim) in enumerate(zip(items, claims)):
        if not isinstance(number, str):
            raise TypeError(f"verify_many() takes each number as a str; item {i} is {type(number).__name__}")
        if claim is not None and not isinstance(claim, str):
            raise TypeError(f"claimed must hold a str or None per number; item {i} is {type(claim).__name__}")
        key = (number, claim)
        v = seen.get(key)
        if v is None:
            if claim not in orgs:
                orgs[claim] = resolve_claim(al, claim)
            v = seen[key] = judge(number, claim, orgs[claim], region=region, allowlist=al, incoming=incoming)
        out.append(v)
    return out


def _claims(claimed: str | Iterable[str | None] | None, n: int, /) -> Iterator[str | None]:
    if claimed is None or isinstance(claimed, str):
        return itertools.repeat(claimed, n)
    try:
        claims = list(claimed)
    except TypeError:
        raise TypeError(f"claimed must be a str, None or an iterable of them, not {type(claimed).__name__}") from None
    if len(claims) != n:
        raise ValueError(f"claimed has {len(claims)} names for {n} numbers; give one name (or None) per number, "
                         "or a single str for all of them")
    return iter(claims)
