"""Result types: enums and immutable records shared by every module.

All records are attrs frozen classes (hashable, slotted, immutable); enums are
``str``-valued, so ``Status.OFFICIAL == "official"``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ._messages import MESSAGES, check_lang

__all__ = [
    "CATEGORIES",
    "Case",
    "Evidence",
    "Label",
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


class Evidence(_StrEnum):
    """How strong the evidence for an official number is (worked out from its sources).

    ``verified``: the organisation's own site or a government site publishes it;
    ``corroborated``: a news report, or two independent origins, give it;
    ``listed``: only one community list (or lists copied from it) carries it.
    """

    VERIFIED = "verified"
    CORROBORATED = "corroborated"
    LISTED = "listed"

    @property
    def zh(self) -> str:
        return MESSAGES[f"evidence.{self.value}"].zh

    @property
    def en(self) -> str:
        return MESSAGES[f"evidence.{self.value}"].en


# Organisation categories; they follow the folders of the metowolf/vCards list, with
# finance split into banks, payment, brokers and insurers.
CATEGORIES = (
    "bank",
    "payment",
    "broker",
    "insurer",
    "carrier",
    "e-commerce",
    "internet",
    "phone-maker",
    "software",
    "entertainment",
    "food",
    "local-services",
    "travel",
    "airline",
    "courier",
    "car-rental",
    "automotive",
    "energy",
    "real-estate",
    "hotel",
    "cloud",
    "utility",
    "government",
    "emergency",
    "other",
)

_STRONG_KINDS = frozenset({"official-site", "government"})


@attrs.frozen
class Text:
    """A sentence in Chinese and in English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``"zh"`` or ``"en"``; anything else is a ``ValueError``)."""
        return self.zh if check_lang(lang) == "zh" else self.en


@attrs.frozen
class Source:
    """One piece of evidence for an allowlist entry: a web address that was read, or a
    file of a public repository at a commit.

    ``origin`` is the independent origin the evidence comes from (by default the
    repository, or the host of the address without ``www.``); ``derived_from`` names
    origins this source copied or was compiled from; ``retires`` marks a source that
    says the number was withdrawn or replaced.
    """

    kind: str
    read: str
    says: str = ""
    url: str | None = None
    repo: str | None = None
    path: str | None = None
    commit: str | None = None
    title: str | None = None
    origin: str | None = None
    derived_from: tuple[str, ...] = ()
    retires: bool = False

    @property
    def where(self) -> str:
        """An address a reader can follow (a repository file is given as its GitHub address);
        the source article, which has neither, is named as such."""
        if self.url is not None:
            return self.url
        if self.repo is None:
            return "the source article"
        return f"https://github.com/{self.repo}/blob/{self.commit}/{self.path}"

    @property
    def independent_origin(self) -> str:
        """The origin this evidence counts as: stated, or the repository, or the host."""
        if self.origin:
            return self.origin.casefold()
        if self.repo:
            return self.repo.casefold()
        host = (self.url or "").split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].casefold()
        return host.removeprefix("www.")


def count_origins(sources: Iterable[Source], /) -> int:
    """How many independent origins ``sources`` come from: a source derived from
    another origin is the same origin (the relation is followed both ways)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for s in sources:
        find(s.independent_origin)
        for other in s.derived_from:
            parent[find(other.casefold())] = find(s.independent_origin)
    roots = {find(s.independent_origin) for s in sources}
    return len(roots)


def grade(sources: Iterable[Source], /) -> Evidence:
    """The evidence grade of a number with these sources."""
    sources = tuple(sources)
    news = False
    for s in sources:  # a loop, not any() over generators: each entry of a list is graded when made
        if s.kind in _STRONG_KINDS:
            return Evidence.VERIFIED
        news = news or s.kind == "news"
    # one source is one origin: only several can be independent
    if news or (len(sources) > 1 and count_origins(sources) >= 2):
        return Evidence.CORROBORATED
    return Evidence.LISTED


@attrs.frozen
class Label:
    """A label a source gives a number (会员专线, 信用卡, 境外拨打 …)."""

    zh: str
    en: str


@attrs.frozen(cache_hash=True)
class Organisation:
    """An organisation the allowlist knows, with the names people use for it."""

    id: str
    name: Text
    aliases: tuple[str, ...] = ()
    group: str | None = None
    category: str = "other"


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
    labels: tuple[Label, ...] = ()
    # published forms of the number for calls from abroad, canonical digits with "+"
    forms: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return self.status == "active"

    # worked out once from the sources: verdicts quote it often
    evidence: Evidence = attrs.field(init=False, eq=False, repr=False)

    @evidence.default
    def _evidence(self) -> Evidence:
        return grade(self.sources)


@attrs.frozen(cache_hash=True)
class Case:
    """A documented fraud case that explanations cite."""

    id: str
    title: Text
    summary: Text
    sources: tuple[Source, ...]

    @property
    def source(self) -> Source:
        """The first source (the one a short citation shows)."""
        return self.sources[0]


@attrs.frozen(slots=False)  # made with each verdict: a dict-backed init is quicker
class Reason:
    """One reason behind a verdict: a stable code, a message in two languages and,
    where it rests on one, the id of a documented case."""

    code: str
    message_zh: str
    message_en: str
    case: str | None = None

    @classmethod
    def _later(
        cls,
        code: str,
        zh: str,
        en: str,
        fields: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
        case: str | None,
        /,
    ) -> Reason:
        """The reason whose messages are the templates ``zh`` and ``en`` filled with ``fields``
        (or with what ``fields()`` returns), written when first read: most verdicts of a batch
        are never read out."""
        made: Reason = object.__new__(cls)
        made.__dict__.update(code=code, case=case, _templates=(zh, en, fields))
        return made

    def _citing(self, case: str | None, /) -> Reason:
        """This reason citing ``case``: a copy, its messages unwritten if they still are."""
        if case == self.case:
            return self
        made: Reason = object.__new__(type(self))
        made.__dict__.update(self.__dict__, case=case)
        return made

    def __getattr__(self, name: str) -> str:
        # only reached when the messages of a reason made by _later() are first read
        templates = self.__dict__.get("_templates")
        if templates is None or name not in ("message_zh", "message_en"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        zh, en, fields = templates
        if callable(fields):
            fields = fields()
        self.__dict__.update(message_zh=zh.format_map(fields), message_en=en.format_map(fields))
        value: str = self.__dict__[name]
        return value

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"zh"`` or ``"en"``; anything else is a ``ValueError``, as in
        ``Verdict.explain``)."""
        return self.message_zh if check_lang(lang) == "zh" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "case": self.case,
        }
