"""The [`Verdict`][hotline_verify.Verdict]: what [`verify()`][hotline_verify.verify] says about one number."""

from __future__ import annotations

from typing import Any

import attrs

from ._model import (
    Case,
    Evidence,
    LookalikeKind,
    NumberKind,
    OfficialNumber,
    Organisation,
    Reason,
    Risk,
    Status,
)

__all__ = ["SUMMARY_KEYS", "Verdict", "summary", "summary_values", "with_input"]


def org_dict(org: Organisation | None) -> dict[str, Any] | None:
    if org is None:
        return None
    return {"id": org.id, "name_zh": org.name.zh, "name_en": org.name.en}


def number_dict(n: OfficialNumber) -> dict[str, Any]:
    """An allowlist entry as JSON-safe data."""
    return {
        "number": n.number,
        "org": n.org.id,
        "status": n.status,
        "service_zh": n.service.zh,
        "service_en": n.service.en,
        "hours_zh": n.hours.zh if n.hours else None,
        "hours_en": n.hours.en if n.hours else None,
        "in_app_zh": n.in_app.zh if n.in_app else None,
        "in_app_en": n.in_app.en if n.in_app else None,
        "evidence": n.evidence.value,
        "evidence_zh": n.evidence.zh,
        "evidence_en": n.evidence.en,
        "sources": [{"kind": s.kind, "where": s.where, "read": s.read} for s in n.sources],
        "origin": n.origin,
    }


@attrs.frozen(slots=False)  # made by the million: a dict-backed init is about twice as quick
class Verdict:
    """The verdict on one number.

    ``official`` is the allowlist entry the number matched (``official``) or imitates
    (``lookalike``); ``suggested`` holds the official numbers to dial instead (or as
    well); ``cases`` the documented cases the reasons cite.
    """

    input: str
    status: Status
    risk: Risk
    normalized: str | None
    kind: NumberKind | None = None
    official: OfficialNumber | None = None
    org: Organisation | None = None
    claimed_org: Organisation | None = None
    claimed: str | None = None
    lookalike_kind: LookalikeKind | None = None
    extension: str | None = None
    incoming: bool = False
    reasons: tuple[Reason, ...] = ()
    suggested: tuple[OfficialNumber, ...] = ()
    cases: tuple[Case, ...] = ()
    allowlist: str = "packaged"

    @property
    def is_official(self) -> bool:
        return self.status is Status.OFFICIAL

    @property
    def evidence(self) -> Evidence | None:
        """The evidence grade of the number matched (``official``) or imitated (``lookalike``), else None."""
        if self.official is None or self.status not in (Status.OFFICIAL, Status.LOOKALIKE):
            return None
        return self.official.evidence

    @property
    def codes(self) -> tuple[str, ...]:
        """The reason codes, in order."""
        return tuple(r.code for r in self.reasons)

    def explain(self, lang: str = "zh") -> str:
        """A multi-line explanation for a person, in ``"zh"`` or ``"en"``."""
        from ._explain import render

        return render(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe data with stable keys."""
        return {
            "input": self.input,
            "status": self.status.value,
            "risk": self.risk.value,
            "normalized": self.normalized,
            "kind": self.kind.value if self.kind else None,
            "official": number_dict(self.official) if self.official else None,
            "evidence": self.evidence.value if self.evidence else None,
            "org": org_dict(self.org),
            "claimed": self.claimed,
            "claimed_org": org_dict(self.claimed_org),
            "lookalike_kind": self.lookalike_kind.value if self.lookalike_kind else None,
            "extension": self.extension,
            "incoming": self.incoming,
            "reasons": [r.to_dict() for r in self.reasons],
            "suggested": [number_dict(n) for n in self.suggested],
            "cases": [{"id": c.id, "title_zh": c.title.zh, "title_en": c.title.en} for c in self.cases],
            "allowlist": self.allowlist,
        }


# The flat form of a verdict that tables and short JSON records carry: the keys of
# Verdict.to_dict() that are plain values, with the nested ones reduced to what names them
# (official -> its number, org and claimed_org -> their ids, reasons -> their codes,
# suggested -> their numbers).
SUMMARY_KEYS = (
    "status",
    "risk",
    "normalized",
    "kind",
    "official",
    "evidence",
    "org",
    "claimed_org",
    "lookalike_kind",
    "incoming",
    "reasons",
    "suggested",
)


def summary(v: Verdict, /) -> dict[str, Any]:
    """The projection of ``v.to_dict()`` onto ``SUMMARY_KEYS``."""
    return dict(zip(SUMMARY_KEYS, summary_values(v), strict=True))


def summary_values(v: Verdict, /) -> tuple[Any, ...]:
    """The values of :func:`summary`, in the order of ``SUMMARY_KEYS`` (built directly: batches
    call it per row). Enum values are read as ``_value_``, a plain attribute: ``value`` is a
    descriptor, called anew for each read."""
    evidence = v.evidence
    return (
        v.status._value_,
        v.risk._value_,
        v.normalized,
        v.kind._value_ if v.kind else None,
        v.official.number if v.official else None,
        evidence._value_ if evidence else None,
        v.org.id if v.org else None,
        v.claimed_org.id if v.claimed_org else None,
        v.lookalike_kind._value_ if v.lookalike_kind else None,
        v.incoming,
        [r.code for r in v.reasons],
        [n.number for n in v.suggested],
    )


def with_input(v: Verdict, text: str, /) -> Verdict:
    """``attrs.evolve(v, input=text)`` for a kept verdict given anew for another spelling of its
    number: a copy of its fields with one changed, without running ``__init__`` again."""
    new: Verdict = object.__new__(Verdict)
    new.__dict__.update(v.__dict__)
    new.__dict__["input"] = text
    return new
