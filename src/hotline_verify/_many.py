"""verify_many(): verdicts for many numbers, sharing the work between them.

The allowlist and region are checked once, each distinct claimed name is resolved
once, and identical (number, claimed) pairs are judged once: verdicts are immutable,
so repeats share one object. Each verdict equals what [`verify()`][hotline_verify.verify]
gives for that item.

>>> vs = verify_many(["95520", "400-700-0600", "400-123-4567", "95520"], claimed="吉祥航空")
>>> [v.status.value for v in vs]
['official', 'lookalike', 'unofficial', 'official']
>>> vs[0] is vs[3]
True
>>> [v.status.value for v in verify_many(["95188", "400-123-4567"], claimed=["支付宝", None])]
['official', 'unknown']
"""

from __future__ import annotations

import contextlib
import gc
import itertools
from collections.abc import Iterable, Iterator

import attrs

from ._allowlist import Allowlist
from ._model import Organisation
from ._verdict import Verdict
from ._verify import full_verdict, options, quick_applies, resolve_claim, verdict_of

__all__ = ["Shared", "factorize", "paused_gc", "verify_many"]

Key = tuple[str, "str | None"]


def verify_many(
    numbers: Iterable[str],
    /,
    *,
    claimed: str | Iterable[str | None] | None = None,
    region: str = "CN",
    allowlist: Allowlist | None = None,
    incoming: bool = False,
) -> list[Verdict]:
    """Judge every number of ``numbers``; the verdicts come back in input order.

    ``claimed`` is one name for all numbers (a ``str``), ``None``, or an iterable with
    one name (or ``None``) per number; a length mismatch raises ``ValueError``. The
    other options are those of [`verify()`][hotline_verify.verify]. An item that is not a
    ``str`` raises ``TypeError`` naming its position, as ``verify()`` would for it;
    nothing is returned then, since a partial list would silently misalign.
    """
    if isinstance(numbers, (str, bytes)):
        raise TypeError(
            "verify_many() takes an iterable of numbers, not a single string; use verify() for one"
        )
    try:
        items = list(numbers)
    except TypeError:
        raise TypeError(f"verify_many() takes an iterable of str, not {type(numbers).__name__}") from None
    claims = claims_for(claimed, len(items))
    shared = Shared.check(region=region, allowlist=allowlist, incoming=incoming)
    if claimed is None or isinstance(claimed, str):
        return shared.verdicts(items, claimed)
    codes, unique = factorize(items, claims)
    with paused_gc():
        verdicts = [shared.verdict(number, claim) for number, claim in unique]
        return [verdicts[c] for c in codes]


def not_a_number(i: int, item: object, /) -> TypeError:
    """The error for item ``i`` of a batch, which is not a ``str``."""
    return TypeError(f"verify_many() takes each number as a str; item {i} is {type(item).__name__}")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a batch runs: verdicts hold no reference cycles, and
    with a million of them kept alive every full collection would walk them all again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def claims_for(claimed: str | Iterable[str | None] | None, n: int, /) -> Iterator[str | None]:
    """One claimed name per number: ``claimed`` repeated, or its items after a length check."""
    if claimed is None or isinstance(claimed, str):
        return itertools.repeat(claimed, n)
    try:
        claims = list(claimed)
    except TypeError:
        raise TypeError(
            f"claimed must be a str, None or an iterable of them, not {type(claimed).__name__}"
        ) from None
    if len(claims) != n:
        raise ValueError(
            f"claimed has {len(claims)} names for {n} numbers; give one name (or None) per number, "
            "or a single str for all of them"
        )
    return iter(claims)


def factorize(numbers: Iterable[object], claims: Iterable[object], /) -> tuple[list[int], list[Key]]:
    """Distinct (number, claimed) pairs in order of first sight, and each item's position among them.

    Checks every item first, so a bad one fails the batch before any work is done.
    """
    positions: dict[Key, int] = {}
    codes: list[int] = []
    for i, (number, claim) in enumerate(zip(numbers, claims, strict=True)):
        if not isinstance(number, str):
            raise not_a_number(i, number)
        if claim is not None and not isinstance(claim, str):
            raise TypeError(f"claimed must hold a str or None per number; item {i} is {type(claim).__name__}")
        codes.append(positions.setdefault((number, claim), len(positions)))
    return codes, list(positions)


@attrs.frozen
class Shared:
    """What the numbers of one batch share: checked options and the claims resolved so far."""

    allowlist: Allowlist
    region: str
    incoming: bool
    _orgs: dict[str | None, Organisation | None] = attrs.field(factory=dict, repr=False)

    @classmethod
    def check(cls, *, region: str, allowlist: Allowlist | None, incoming: bool) -> Shared:
        al, region = options(region, allowlist)
        return cls(al, region, incoming)

    def verdicts(self, numbers: list[str], claim: str | None, /) -> list[Verdict]:
        """What ``verify(number, claimed=claim, …)`` says of each of ``numbers`` (one claim for
        all): each distinct number judged once. Checks every item first, as factorize() does."""
        for i, number in enumerate(numbers):
            if not isinstance(number, str):
                raise not_a_number(i, number)
        seen: dict[str, Verdict] = {}
        out: list[Verdict] = []
        with paused_gc():
            for number in numbers:
                v = seen.get(number)
                if v is None:
                    v = seen[number] = self.verdict(number, claim)
                out.append(v)
        return out

    def verdict(self, number: str, claim: str | None, /, *, quick: bool = True) -> Verdict:
        """What ``verify(number, claimed=claim, …)`` says, with this batch's options
        (``quick=False``: the caller has asked :func:`quick_answer` already, to no avail)."""
        if claim in self._orgs:
            org = self._orgs[claim]
        else:
            org = self._orgs[claim] = resolve_claim(self.allowlist, claim)
        judged = verdict_of if quick else full_verdict
        return judged(
            number, claim, org, region=self.region, allowlist=self.allowlist, incoming=self.incoming
        )

    @property
    def plain(self) -> bool:
        """Whether a number with no claim may take :func:`quick_answer` (the default region, found)."""
        return quick_applies(None, region=self.region, incoming=self.incoming)
