"""Result types: enums and immutable records shared by every module.

All records are attrs frozen classes (hashable, slotted, immutable); enums are
``str``-valued, so ``Status.OFFICIAL == "official"``.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = [
    "Case",
    "Lookalike",
    "LookalikeKind",
    "NumberKind",
    "OfficialNumber",
    "Organisation",
    "Reason",
    "Risk",
    "Source",
    "Status",
    "Text",
]


class _StrEnum(str, enum.Enum):
    def __str__(self) -> str:
        return str(self.value)


class Status(_StrEnum):
    """What a verdict says about a number."""

    OFFICIAL = "official"
    LOOKALIKE = "lookalike"
    UNOFFICIAL = "unofficial"
    UNKNOWN = "unknown"
    INVALID = "invalid"


class Risk(_StrEnum):
    """How careful a person should be before calling."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class NumberKind(_StrEnum):
    """The kind of a number in the mainland Chinese numbering plan."""

    ENTERPRISE_400 = "enterprise-400"
    TOLL_FREE_800 = "toll-free-800"
    SERVICE_95 = "service-95"
    LOCAL_96 = "local-96"
    CARRIER_10 = "carrier-10"
    PUBLIC_12 = "public-12"
    POSTAL_11 = "postal-11"
    EMERGENCY = "emergency"
    MOBILE = "mobile"
    LANDLINE = "landline"
    LOCAL_LANDLINE = "local-landline"
    AREA_CODE_SHORT = "area-code-short"
    SMS_PORT = "sms-port"
    INTERNATIONAL = "international"
    OTHER = "other"


class LookalikeKind(_StrEnum):
    """How a lookalike differs from the official number it imitates."""

    SUBSTITUTION = "substitution"
    TRANSPOSITION = "transposition"
    OMISSION = "omission"
    REPETITION = "repetition"
    INSERTION = "insertion"
    TWO_EDITS = "two-edits"
    PREFIX_SWAP = "prefix-swap"
    AREA_CODE = "area-code"
    INTERNATIONAL = "international"
    EMBEDDED = "embedded"
    LETTER_FOR_DIGIT = "letter-for-digit"


@attrs.frozen
class Text:
    """A sentence in Chinese and in English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@attrs.frozen
class Source:
    """One piece of evidence for an allowlist entry."""

    kind: str
    where: str
    read: str
    says: str = ""


@attrs.frozen(cache_hash=True)
class Organisation:
    """An organisation the allowlist knows, with the names people use for it."""

    id: str
    name: Text
    aliases: tuple[str, ...] = ()
    group: str | None = None


@attrs.frozen(cache_hash=True)
class OfficialNumber:
    """A number of the allowlist (``status`` is ``"active"`` or ``"retired"``).

    ``origin`` names the list the entry came from (``"packaged"`` or a file path),
    which matters once lists are merged.
    """

    number: str
    org: Organisation
    status: str
    kind: str
    scope: str
    service: Text
    handles: Text
    sources: tuple[Source, ...]
    not_for: Text | None = None
    hours: Text | None = None
    in_app: Text | None = None
    replaced_by: tuple[str, ...] = ()
    retired_note: Text | None = None
    conflicts: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()
    acknowledged_lookalikes: tuple[str, ...] = ()
    origin: str = "<memory>"

    @property
    def active(self) -> bool:
        return self.status == "active"

    # how strong the evidence is, for a person; worked out once, verdicts quote it often
    evidence: Text = attrs.field(init=False, eq=False, repr=False)

    @evidence.default
    def _evidence(self) -> Text:
        kinds = {s.kind for s in self.sources}
        if "official-site" in kinds:
            return Text("发布在该机构自己的网站上", "published on the organisation's own site")
        if "government" in kinds:
            return Text("由政府网站公布", "published on a government site")
        if "news" in kinds:
            return Text("见于新闻报道", "reported in the news")
        n = len({s.where for s in self.sources})
        return Text(f"由 {n} 个相互独立的二手来源一致给出", f"agreed by {n} independent secondary sources")


@attrs.frozen(cache_hash=True)
class Case:
    """A documented fraud case that explanations cite."""

    id: str
    title: Text
    summary: Text
    source: Source


@attrs.frozen
class Reason:
    """One reason behind a verdict: a stable code, a message in two languages and,
    where it rests on one, the id of a documented case."""

    code: str
    message_zh: str
    message_en: str
    case: str | None = None

    def message(self, lang: str = "en") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "case": self.case,
        }


@attrs.frozen
class Lookalike:
    """A variant of an official number and the kind of change that made it."""

    number: str
    kind: LookalikeKind
