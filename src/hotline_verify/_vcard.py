"""Phone contacts: the allowlist as vCard 4.0 (RFC 6350), one card per organisation.

Only active numbers go in, so that an imported address book never offers a retired
line. Each number carries its service as a label and its evidence and source in a
NOTE, so that a contact shows why the number can be trusted.

>>> from hotline_verify import export_vcards
>>> cards = export_vcards()
>>> cards.startswith("BEGIN:VCARD\\r\\nVERSION:4.0\\r\\n")
True
>>> "tel:95188;phone-context=+86" in cards
True
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator

from ._allowlist import Allowlist, packaged_allowlist
from ._messages import MESSAGES
from ._model import OfficialNumber, Organisation, Source

__all__ = ["escape", "export_vcards", "fold"]

MAX_OCTETS = 75  # per physical line, CRLF excluded (RFC 6350 section 3.2)
# Stable UIDs: the same organisation gets the same UID in every export.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "hotline-verify:organisation")
# Sources worth quoting first: the strongest evidence a reader can follow.
_SOURCE_RANK = {"official-site": 0, "government": 1, "news": 2, "community-list": 3}


def export_vcards(*, allowlist: Allowlist | None = None) -> str:
    """Every organisation with an active number as a vCard 4.0, in allowlist order.

    The text uses CRLF line endings and lines folded at 75 octets; the same list
    always gives the same text.
    """
    al = packaged_allowlist() if allowlist is None else allowlist
    if not isinstance(al, Allowlist):
        raise TypeError(f"allowlist must be an Allowlist from load_allowlist(), not {type(al).__name__}")
    return "".join(_card(org, numbers) for org in al.organisations if (numbers := al.numbers_of(org)))


def _card(org: Organisation, numbers: Iterable[OfficialNumber]) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "PRODID:-//hotline-verify//official numbers//EN",
        f"UID:urn:uuid:{uuid.uuid5(_NAMESPACE, org.id)}",
        "KIND:org",
    ]
    if org.name.en and org.name.en != org.name.zh:
        # ALTID marks the English name as the same name in another language (RFC 6350 5.4)
        for prop in ("FN", "ORG"):
            lines.append(f"{prop};ALTID=1;LANGUAGE=zh:{escape(org.name.zh)}")
            lines.append(f"{prop};ALTID=1;LANGUAGE=en:{escape(org.name.en)}")
    else:
        lines += [f"FN:{escape(org.name.zh)}", f"ORG:{escape(org.name.zh)}"]
    nicknames = [a for a in dict.fromkeys(org.aliases) if a not in (org.name.zh, org.name.en)]
    if nicknames:
        lines.append("NICKNAME:" + ",".join(escape(a) for a in nicknames))
    category = getattr(org, "category", None)
    if category:
        lines.append("CATEGORIES:" + ",".join(escape(c) for c in _texts(category)))
    for i, entry in enumerate(numbers, 1):
        # the group name ties the label to its number (the form contact apps read)
        lines.append(f"item{i}.TEL;VALUE=uri;TYPE={_types(entry)};PREF={min(i, 100)}:{tel_uri(entry.number)}")
        lines.append(f"item{i}.X-ABLABEL:{escape(label(entry))}")
        lines.append(f"NOTE:{escape(note(entry))}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def _types(entry: OfficialNumber) -> str:
    # RFC 6350 TYPE values for TEL are fixed tokens; the service name goes in the label
    return "work,voice,text" if entry.kind == "sms" else "work,voice"


def tel_uri(number: str, /) -> str:
    """An RFC 3966 ``tel:`` URI: global numbers as they are, the rest dialled inside China."""
    if number.startswith("+"):
        return f"tel:{number}"
    return f"tel:{number};phone-context=+86"


def label(entry: OfficialNumber, /) -> str:
    """The service name and any labels the sources give, e.g. ``信用卡 · 会员专线``."""
    parts = [entry.service.zh]
    for extra in getattr(entry, "labels", ()) or ():
        parts.extend(t for t in _texts(extra) if t not in parts)
    return " · ".join(parts)


def note(entry: OfficialNumber, /) -> str:
    """One line per number: what it is for, the evidence grade, the source to follow."""
    parts = [f"{entry.number}: {entry.service.zh} / {entry.service.en}"]
    evidence = getattr(entry, "evidence", None)
    if evidence is not None:
        parts.append(f"{_both('label.evidence')}: {_grade(evidence)}")
    source = best_source(entry.sources)
    if source is not None:
        parts.append(f"{_both('label.source')}: {address(source)} ({source.read})")
    return " | ".join(parts)


def _both(code: str) -> str:
    """A label in both languages (``证据 evidence``): a contact card has no language of its own."""
    m = MESSAGES[code]
    return f"{m.zh} {m.en}"


def best_source(sources: Iterable[Source], /) -> Source | None:
    """The source a reader should follow first: followable, then strongest."""
    ranked = sorted(sources, key=lambda s: (not _followable(s), _SOURCE_RANK.get(s.kind, 9)))
    return ranked[0] if ranked else None


def _followable(source: Source) -> bool:
    return bool(getattr(source, "url", None) or getattr(source, "repo", None))


def address(source: Source, /) -> str:
    """Where a source can be read: its web address, or the file at its commit in a repository."""
    url = getattr(source, "url", None)
    if url:
        return str(url)
    repo = getattr(source, "repo", None)
    if repo:
        path = getattr(source, "path", "") or ""
        commit = getattr(source, "commit", "") or "HEAD"
        return f"https://github.com/{repo}/blob/{commit}/{path}"
    return str(getattr(source, "where", ""))


def _grade(evidence: object) -> str:
    value = getattr(evidence, "value", None)  # a str enum such as "verified"
    if isinstance(value, str):
        return value
    if hasattr(evidence, "zh") and hasattr(evidence, "en"):
        return f"{evidence.zh} / {evidence.en}"
    return str(evidence)


def _texts(value: object) -> Iterator[str]:
    """The Chinese text of a bilingual value, the string itself, or each item of a list."""
    if isinstance(value, str):
        yield value
    elif hasattr(value, "zh"):
        yield str(value.zh)
    elif isinstance(value, Iterable):
        for item in value:
            yield from _texts(item)


def escape(text: str, /) -> str:
    r"""Escape a text value (RFC 6350 section 3.4): backslash, comma, semicolon, newline.

    >>> escape("a,b;c\\d\ne")
    'a\\,b\\;c\\\\d\\ne'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str, /) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 sequence.

    >>> fold("NOTE:" + "号" * 23) == "NOTE:" + "号" * 23
    True
    >>> [len(p.encode()) for p in fold("NOTE:" + "号" * 40).split("\\r\\n")]
    [74, 52]
    """
    out: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size = [" "], 1  # a continuation line starts with one space
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n".join(out)
