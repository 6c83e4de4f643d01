"""The verdict policy: one ordered table of rules, and the only place that sets status and risk.

:func:`decide` tries the rules of :data:`RULES` in order; the first that applies decides.
Each rule is a small pure function of the :class:`Facts` that verify() gathered about a
number. Reasons are worded elsewhere (the message catalogue); here a decision names the
rule, the status, the risk, the official number it is about and what to suggest.

>>> [rule.__name__ for rule in RULES][:3]
['unreadable', 'known_fake', 'official_form']
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from ._lookalike import Match
from ._model import LookalikeKind, NumberKind, OfficialNumber, Organisation, Risk, Status
from ._numbering import Space
from ._record import Record

__all__ = ["RULES", "Decision", "Facts", "Spoof", "decide", "decide_plain", "plain_facts"]

# kinds whose unlisted numbers deserve a second look even with no claim (rule 11)
_MEDIUM_KINDS = frozenset(
    {
        NumberKind.ENTERPRISE_400,
        NumberKind.TOLL_FREE_800,
        NumberKind.INTERNATIONAL,
        NumberKind.AREA_CODE_SHORT,
        NumberKind.OTHER,
    }
)


class Spoof(Record):
    """An official number dressed in a form its owner never uses, and what was added."""

    __slots__ = ("entry", "kind", "prefix")

    def __init__(
        self,
        entry: OfficialNumber | None,  # None: letters for digits in a number near no official one
        kind: LookalikeKind,
        prefix: str,  # the area code, "+", "00", "+86" … that was put in front, or the digits added
    ) -> None:
        self.entry = entry
        self.kind = kind
        self.prefix = prefix


class Facts(Record):
    """What verify() found out about one number; the rules read it and change nothing."""

    __slots__ = (
        "claimed",
        "claimed_entry",
        "entry",
        "fake",
        "incoming",
        "kind",
        "near",
        "near_claimed",
        "near_entry",
        "obfuscated",
        "official_form",
        "person",
        "readable",
        "space",
        "spoof",
        "wrongly_attributed",
    )

    def __init__(
        self,
        *,
        readable: bool,
        kind: NumberKind | None,
        space: Space | None,  # the number space of the digits, when one fits
        entry: OfficialNumber | None,  # the allowlist entry of exactly these digits, active or retired
        official_form: bool,  # written as its owner publishes it (no spoof form around the digits)
        claimed: Organisation | None,  # the organisation it is presented as, when that is a claim
        claimed_entry: bool,  # entry belongs to the claimed organisation or its group
        fake: bool,  # a documented fake number
        spoof: Spoof | None,
        near: Match | None,  # the nearest official number by one edit (two for 400/800)
        near_entry: OfficialNumber | None,
        near_claimed: bool,  # the near number belongs to the claimed organisation
        incoming: bool,
        person: bool,  # a mobile presented as a person doing a job (a courier, a rider): not a claim
        obfuscated: bool,  # digits of other scripts or invisible characters were folded
        wrongly_attributed: bool,  # public lists give this number to an organisation wrongly
    ) -> None:
        self.readable = readable
        self.kind = kind
        self.space = space
        self.entry = entry
        self.official_form = official_form
        self.claimed = claimed
        self.claimed_entry = claimed_entry
        self.fake = fake
        self.spoof = spoof
        self.near = near
        self.near_entry = near_entry
        self.near_claimed = near_claimed
        self.incoming = incoming
        self.person = person
        self.obfuscated = obfuscated
        self.wrongly_attributed = wrongly_attributed


class Decision(Record):
    """The outcome of the first rule that applied."""

    __slots__ = ("lookalike_kind", "official", "risk", "rule", "status")

    def __init__(
        self,
        rule: str,
        status: Status,
        risk: Risk,
        official: OfficialNumber | None = None,  # the number matched or imitated
        lookalike_kind: LookalikeKind | None = None,
    ) -> None:
        self.rule = rule
        self.status = status
        self.risk = risk
        self.official = official
        self.lookalike_kind = lookalike_kind


Rule = Callable[[Facts], "Decision | None"]


def unreadable(f: Facts) -> Decision | None:
    """1. Unreadable, masked or of an impossible length."""
    return None if f.readable else Decision("unreadable", Status.INVALID, Risk.LOW)


def known_fake(f: Facts) -> Decision | None:
    """2. A documented fake number."""
    return Decision("known_fake", Status.UNOFFICIAL, Risk.HIGH) if f.fake else None


def official_form(f: Facts) -> Decision | None:
    """3. An active entry in an official form, not claimed for another organisation."""
    if f.entry is None or not f.entry.active or not f.official_form:
        return None
    if f.claimed is not None and not f.claimed_entry:
        return None
    # caller ID can be spoofed: a call showing an official number is still a call to hang up on
    return Decision("official_form", Status.OFFICIAL, Risk.MEDIUM if f.incoming else Risk.LOW, f.entry)


def retired(f: Facts) -> Decision | None:
    """4. A retired entry: it may belong to someone else now."""
    if f.entry is None or f.entry.active:
        return None
    risk = Risk.HIGH if f.claimed is not None or f.incoming else Risk.MEDIUM
    return Decision("retired", Status.UNOFFICIAL, risk)


def spoof_form(f: Facts) -> Decision | None:
    """5. An official number in a spoof form: letters for digits, an area code or "+" in front
    of a national short code, +86 or a trunk 0 on an incoming call, or embedded in more digits."""
    if f.spoof is None:
        return None
    return Decision("spoof_form", Status.LOOKALIKE, Risk.HIGH, f.spoof.entry, f.spoof.kind)


def other_org_official(f: Facts) -> Decision | None:
    """6. Claimed for X, but it is another organisation's official number: route to X."""
    if f.entry is None or not f.entry.active or not f.official_form:
        return None
    return Decision("other_org_official", Status.OFFICIAL, Risk.MEDIUM if f.incoming else Risk.LOW, f.entry)


def claimed_lookalike(f: Facts) -> Decision | None:
    """7. Claimed for X, not listed, one edit from one of X's numbers."""
    if f.claimed is None or f.person or f.near is None or not f.near_claimed:
        return None
    if f.near.kind is LookalikeKind.TWO_EDITS:
        return None  # with a claim, rule 8 already says it is not X's: no need to reach that far
    return Decision("claimed_lookalike", Status.LOOKALIKE, Risk.HIGH, f.near_entry, f.near.kind)


def claimed_unlisted(f: Facts) -> Decision | None:
    """8. Claimed for X, not listed (a courier's or rider's own mobile is no claim: rule 11)."""
    if f.claimed is None or f.person:
        return None
    return Decision("claimed_unlisted", Status.UNOFFICIAL, Risk.HIGH)


def rentable_lookalike(f: Facts) -> Decision | None:
    """9. No claim, one edit (two for 400/800) from an official number, in a space anyone can rent."""
    if f.near is None or f.person or (f.space is not None and f.space.allocated):
        return None
    return Decision("rentable_lookalike", Status.LOOKALIKE, Risk.HIGH, f.near_entry, f.near.kind)


def allocated_neighbour(f: Facts) -> Decision | None:
    """10. No claim, one edit from an official number, in a regulator-allocated short-code space:
    another registered organisation's line, most likely; suggest the near one."""
    if f.near is None:
        return None
    return Decision("allocated_neighbour", Status.UNKNOWN, Risk.MEDIUM, f.near_entry)


def anything_else(f: Facts) -> Decision:
    """11. Anything else valid: an opinion only on the kind of number."""
    if f.incoming and f.kind is NumberKind.ENTERPRISE_400:
        risk = Risk.HIGH  # genuine 400 lines take calls; they do not make them
    elif f.kind in _MEDIUM_KINDS or f.obfuscated or f.wrongly_attributed:
        risk = Risk.MEDIUM
    else:
        risk = Risk.LOW
    return Decision("anything_else", Status.UNKNOWN, risk)


RULES: tuple[Rule, ...] = (
    unreadable,
    known_fake,
    official_form,
    retired,
    spoof_form,
    other_org_official,
    claimed_lookalike,
    claimed_unlisted,
    rentable_lookalike,
    allocated_neighbour,
    anything_else,
)


def decide(facts: Facts, /) -> Decision:
    """The decision of the first rule that applies (the last rule always does)."""
    for rule in RULES:
        decision = rule(facts)
        if decision is not None:
            return decision
    raise AssertionError("the last rule always applies")  # pragma: no cover


def plain_facts(kind: NumberKind | None, readable: bool, /, *, space: Space | None = None) -> Facts:
    """The facts of a number written plainly, in no list, near no official number, with no
    claim, found rather than calling."""
    return Facts(
        readable=readable,
        kind=kind,
        space=space,
        entry=None,
        official_form=True,
        claimed=None,
        claimed_entry=False,
        fake=False,
        spoof=None,
        near=None,
        near_entry=None,
        near_claimed=False,
        incoming=False,
        person=False,
        obfuscated=False,
        wrongly_attributed=False,
    )


@functools.cache
def decide_plain(kind: NumberKind | None, readable: bool, /) -> Decision:
    """:func:`decide` for :func:`plain_facts`, the commonest: kept per kind and readability
    (with no near number, no rule asks which space the number is in: a test holds this for
    every space); verify() asks this before it gathers anything more."""
    return decide(plain_facts(kind, readable))
