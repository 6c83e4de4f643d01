"""The allowlist: loading, validating and indexing official numbers.

An [`Allowlist`][hotline_verify.Allowlist] is built once and never changes; every index the verdicts need
(numbers, aliases, lookalike variants) is made when it is built.

>>> allowlist = packaged_allowlist()
>>> allowlist.lookup("95188").org.name.en
'Alipay'
>>> allowlist.resolve_org("淘宝客服").id
'taobao'
"""

from __future__ import annotations

import functools
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ._datafiles import data_file, read_bytes, sibling
from ._exceptions import AllowlistError
from ._lookalike import LookalikeIndex
from ._model import CATEGORIES, Case, Label, OfficialNumber, Organisation, Source, Text

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "Allowlist",
    "KnownFake",
    "LeftOut",
    "WrongAttribution",
    "load_allowlist",
    "packaged_allowlist",
]

MAX_FILE_BYTES = 64 * 1024 * 1024  # a list of 100,000 numbers with their sources is about 35 MB
MAX_NAME = 200  # characters; longer text is not an organisation's name


@attrs.frozen
class KnownFake:
    """A number documented as used by scammers posing as an organisation."""

    number: str
    posing_as: Organisation
    note: Text
    case: str | None
    sources: tuple[Source, ...]


@attrs.frozen
class WrongAttribution:
    """A number that public lists wrongly give to an organisation."""

    number: str
    attributed_to: Organisation
    actual: Text
    note: Text
    sources: tuple[Source, ...]


@attrs.frozen
class LeftOut:
    """A number a public list carries that the allowlist leaves out, and why."""

    number: str
    listed_as: str
    reason: Text
    sources: tuple[Source, ...]


# Marks that names are compared without, made spaces; white space is then split on (str.split()
# knows the characters a pattern's \s knows). A table costs nothing at import, where a pattern
# with these characters took 0.2 ms to compile.
_PUNCTUATION = str.maketrans(dict.fromkeys(".·・'’-_/()（）:：,，", " "))


# Two-character names end in a character that also starts everyday words: "工行" sits
# inside "施工行业", "南航" inside "海南航空", "中通" inside "考试中通过". A short name
# followed by one of these characters is read as part of that word, not as the name.
_WORD_AFTER = MappingProxyType(
    {
        "行": frozenset("为业动程政驶走李进销使事情"),
        "航": frozenset("天空运线道班站海母行"),
        "通": frozenset("信过知讯报行用道话常"),
        "米": frozenset("粥饭椒辣面粒"),
        "东": frozenset("方"),
        "果": frozenset("汁树园皮然断"),
        "动": frozenset("端支互硬电设应办网盘"),  # 移动端, 移动支付, 移动电源 …
        "信": frozenset("诈网号群同名息任用心"),  # 电信诈骗, 微信号, 微信群 …
        "度": frozenset("上里搜"),  # 百度上搜到的: the search engine, not a claim
    }
)


def stands_alone(name: str, text: str, end: int) -> bool:
    """Whether ``name``, ending at ``end`` in ``text``, is the name and not part of a word."""
    if len(name) != 2 or name.isascii() or end >= len(text):
        return True
    return text[end] not in _WORD_AFTER.get(name[-1], ())


def alias_key(name: str) -> str:
    """The form names are compared in: NFKC, case-folded, without spaces and dots."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().translate(_PUNCTUATION).split())


def spaced_key(name: str) -> str:
    """Like ``alias_key()``, but keeping single spaces between words."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().translate(_PUNCTUATION).split())


class Entries(Mapping[str, OfficialNumber]):
    """The entries of a list by number, in file order: kept as compact records and made into
    [`OfficialNumber`][hotline_verify.OfficialNumber] records when first read (a list of 100,000
    numbers is mostly never read whole)."""

    __slots__ = ("_active", "_by_org", "_made", "_orgs", "_origin", "_parts", "_records", "_whole")

    def __init__(
        self,
        records: Mapping[str, Record | OfficialNumber],
        origin: str,
        orgs: Mapping[str, Organisation],
        by_org: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._records = records
        self._origin = origin
        self._orgs = orgs
        self._made: dict[str, OfficialNumber] = {}
        self._whole: tuple[OfficialNumber, ...] | None = None
        # the active numbers of each organisation (see active_by_org()), when already worked out
        self._by_org = by_org
        self._active: dict[str, tuple[OfficialNumber, ...]] = {}  # made per organisation when first asked
        # the texts and source lists of records, made once: records share them (a large list
        # repeats a few), and making them anew was a third of making an entry
        self._parts: dict[int, tuple[Any, Any]] = {}

    def __getitem__(self, number: str, /) -> OfficialNumber:
        made = self._made.get(number)
        if made is None:
            record = self._records[number]
            made = (
                record
                if isinstance(record, OfficialNumber)
                else _made(number, record, self._origin, self._orgs[record[0]], self._part)
            )
            made = self._made.setdefault(number, made)  # threads that race keep one record
        return made

    def _part(self, plain: Any, make: Callable[[Any], Any], /) -> Any:
        """``make(plain)``, made once for each part of the records (by identity: the records
        hold the parts, so an id is not reused while they live; the check is for safety)."""
        found = self._parts.get(id(plain))
        if found is not None and found[0] is plain:
            return found[1]
        made = make(plain)
        self._parts[id(plain)] = (plain, made)
        return made

    def get(self, number: str, default: Any = None, /) -> Any:  # the hot path of verify()
        made = self._made.get(number)
        if made is not None:
            return made
        return self[number] if number in self._records else default

    def __contains__(self, number: object, /) -> bool:
        return number in self._records

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def status(self, number: str, /) -> str:
        record = self._records[number]
        return record.status if isinstance(record, OfficialNumber) else record[1]

    def whole(self) -> tuple[OfficialNumber, ...]:
        if self._whole is None:
            self._whole = tuple(self[n] for n in self._records)
        return self._whole

    def active_by_org(self) -> dict[str, tuple[str, ...]]:
        """The active numbers of each organisation, by its id, in file order."""
        if self._by_org is None:
            by_org: dict[str, list[str]] = {}
            for number, record in self._records.items():
                if isinstance(record, OfficialNumber):
                    if record.active:
                        by_org.setdefault(record.org.id, []).append(number)
                elif record[1] == "active":
                    by_org.setdefault(record[0], []).append(number)
            self._by_org = {k: tuple(v) for k, v in by_org.items()}
        return self._by_org

    def active_of(self, org_id: str, /) -> tuple[OfficialNumber, ...]:
        by_org = self.active_by_org()
        found = self._active.get(org_id)
        if found is None:  # a claim asks for the same organisation's numbers again and again
            found = self._active[org_id] = tuple(self[n] for n in by_org.get(org_id, ()))
        return found


# An entry as read from a file, in plain values (``marshal`` stores them in the wheel): org id,
# status, kind, scope, service and handles as (zh, en), the sources as the fields of each
# Source, and the rarer fields as (name, value) pairs or None. Values that repeat from entry to
# entry are one object.
Record = tuple[
    str, str, str, str, tuple[str, str], tuple[str, str], tuple[tuple[Any, ...], ...], tuple[Any, ...] | None
]
_TEXT_FIELDS = frozenset({"not_for", "hours", "in_app", "retired_note"})
_TEXT_LIST_FIELDS = frozenset({"conflicts", "notes"})


def _text_of(plain: tuple[str, str]) -> Text:
    return Text(*plain)


def _sources_of(plain: tuple[tuple[Any, ...], ...]) -> tuple[Source, ...]:
    return tuple(Source(*k) for k in plain)


def _made(
    number: str,
    record: Record,
    origin: str,
    org: Organisation,
    part: Callable[[Any, Callable[[Any], Any]], Any],
) -> OfficialNumber:
    _, status, kind, scope, service, handles, sources, extra = record
    more: dict[str, Any] = {}
    for name, value in extra or ():
        if name in _TEXT_FIELDS:
            more[name] = Text(*value)
        elif name in _TEXT_LIST_FIELDS:
            more[name] = tuple(Text(*v) for v in value)
        elif name == "labels":
            more[name] = tuple(Label(*v) for v in value)
        else:
            more[name] = value
    return OfficialNumber(
        number=number,
        org=org,
        status=status,
        kind=kind,
        scope=scope,
        service=part(service, _text_of),
        handles=part(handles, _text_of),
        sources=part(sources, _sources_of),
        origin=origin,
        **more,
    )


@attrs.frozen(eq=False)
class Allowlist:
    """Official numbers with their organisations, evidence and documented cases."""

    organisations: tuple[Organisation, ...]
    known_fakes: tuple[KnownFake, ...]
    wrong_attributions: tuple[WrongAttribution, ...]
    cases: Mapping[str, Case]
    origin: str
    _by_number: Entries = attrs.field(repr=False)
    _aliases: Mapping[str, Organisation] = attrs.field(repr=False)
    _latin: Mapping[str, str] = attrs.field(repr=False)  # Latin alias key -> its spaced words
    _fakes: Mapping[str, KnownFake] = attrs.field(repr=False)
    _wrong: Mapping[str, tuple[WrongAttribution, ...]] = attrs.field(repr=False)
    index: LookalikeIndex = attrs.field(repr=False)
    _overridden: Mapping[str, OfficialNumber] = attrs.field(repr=False, factory=lambda: MappingProxyType({}))
    left_out: tuple[LeftOut, ...] = ()
    # worked out on first use: what resolve_org() needs beyond the aliases
    _memo: dict[str, Any] = attrs.field(repr=False, factory=dict, init=False)

    @property
    def numbers(self) -> tuple[OfficialNumber, ...]:
        """Every entry (active and retired), in file order."""
        return self._by_number.whole()

    def mentions(self, number: str, /) -> bool:
        """Whether the list says anything of these canonical digits: an entry, a documented
        fake or a wrong attribution (one look-up where most numbers meet none)."""
        said = self._memo.get("said")
        if said is None:
            said = self._memo["said"] = (
                frozenset(self._by_number) | frozenset(self._fakes) | frozenset(self._wrong)
            )
        return number in said

    def lookup(self, number: str, /) -> OfficialNumber | None:
        """The entry (active or retired) for canonical digits, or ``None``."""
        entry: OfficialNumber | None = self._by_number.get(number)
        return entry

    def active(self, number: str, /) -> OfficialNumber | None:
        entry: OfficialNumber | None = self._by_number.get(number)
        return entry if entry is not None and entry.active else None

    def numbers_of(self, org: Organisation, /) -> tuple[OfficialNumber, ...]:
        """The active numbers of ``org``, in file order."""
        return self._by_number.active_of(org.id)

    def overridden(self, number: str, /) -> OfficialNumber | None:
        """The entry of the base list that an ``override=True`` merge replaced, or ``None``."""
        return self._overridden.get(number)

    @property
    def overrides(self) -> Mapping[str, OfficialNumber]:
        """Every number an ``override=True`` merge took over, with the entry it replaced."""
        return self._overridden

    def known_fake(self, number: str, /) -> KnownFake | None:
        return self._fakes.get(number)

    def wrong_attributions_of(self, number: str, /) -> tuple[WrongAttribution, ...]:
        return self._wrong.get(number, ())

    @property
    def alias_keys(self) -> Mapping[str, Organisation]:
        """Every name and alias (in ``alias_key()`` form) with its organisation."""
        return self._aliases

    def resolve_org(self, name: str, /) -> Organisation | None:
        """The organisation a free-text name refers to, or ``None``.

        An exact name or alias wins; then the longest alias inside the text
        ("淘宝客服" → Taobao); then a close spelling of a Latin-script name. Text
        longer than ``MAX_NAME`` characters is no name (``None``): each alias is
        searched for in it, so its length bounds the time.
        """
        if len(name) > MAX_NAME:
            return None
        key = alias_key(name)
        if not key:
            return None
        found = self._aliases.get(key)
        if found is not None:
            return found
        spaced = f" {spaced_key(name)} "
        # Chinese aliases of two or more characters inside the text; Latin ones as whole words
        # (a one-character Chinese alias is no Latin word: it must not reach self._latin)
        best = max(
            (
                a
                for a in self._inside(key)
                if (
                    len(a) >= 2 and stands_alone(a, key, key.index(a) + len(a))
                    if not a.isascii()
                    else f" {self._latin[a]} " in spaced
                )
            ),
            key=len,
            default=None,
        )
        if best is not None:
            return self._aliases[best]
        if key.isascii() and len(key) >= 4:
            from rapidfuzz import fuzz, process  # only misspelt Latin names need it

            latin = self._memo.get("latin")
            if latin is None:
                latin = self._memo["latin"] = [a for a in self._latin if len(a) >= 4]
            match = process.extractOne(key, latin, scorer=fuzz.ratio, score_cutoff=85)
            if match is not None:
                return self._aliases[match[0]]
        return None

    def _inside(self, key: str) -> Iterable[str]:
        """The aliases found inside ``key``, in the order of the aliases (ties of length go
        to the first): every piece of ``key`` looked up when there are fewer pieces than
        aliases, else every alias searched for."""
        longest = self._memo.get("longest")
        if longest is None:
            longest = self._memo["longest"] = max(map(len, self._aliases), default=0)
        width = min(len(key), longest)
        if len(key) * width >= len(self._aliases):
            return (a for a in self._aliases if a in key)
        order = self._memo.get("order")
        if order is None:
            order = self._memo["order"] = {a: i for i, a in enumerate(self._aliases)}
        pieces = {key[i:j] for i in range(len(key)) for j in range(i + 1, min(len(key), i + width) + 1)}
        return sorted((p for p in pieces if p in order), key=order.__getitem__)


SCHEMA_PATH = sibling(__file__, "allowlist.schema.json")


def schema() -> dict[str, Any]:
    """The JSON Schema of the allowlist format."""
    import json  # the wheel carries the packaged list compiled: a first verdict reads no JSON

    loaded: dict[str, Any] = json.loads(read_bytes(SCHEMA_PATH).decode("utf-8"))
    return loaded


@functools.cache
def _validator() -> Any:
    import fastjsonschema  # compiling the schema costs ~20 ms: only when a file is checked

    return fastjsonschema.compile(schema())


def _pointer(path: Iterable[Any]) -> str:
    parts = [str(p) for p in path][1:]  # drop the leading "data"
    return "/" + "/".join(parts) if parts else "/"


_OPTIONAL_TEXTS = ("not_for", "hours", "in_app", "retired_note")
_OPTIONAL_LISTS = ("replaced_by", "acknowledged_lookalikes", "forms")
_OPTIONAL_TEXT_LISTS = ("conflicts", "notes")
_REQUIRED = frozenset({"number", "org", "status", "kind", "scope", "service", "handles", "sources"})


def schema_problems(data: Any) -> list[tuple[str, str]]:
    """Problems of ``data`` against the JSON Schema (the first one found).

    The numbers and organisations, nearly all of a large file, are first checked by hand
    (``_plainly_valid``, stricter than the schema) and the schema validator reads the rest;
    whenever either doubts, the validator reads everything, so a problem is always reported
    as the validator words it.
    """
    if (
        isinstance(data, dict)
        and _plainly_valid(data)
        and not _validate({**data, "numbers": [], "organisations": []})
    ):
        return []
    return _validate(data)


def _validate(data: Any) -> list[tuple[str, str]]:
    from fastjsonschema import JsonSchemaValueException

    try:
        _validator()(data)
    except JsonSchemaValueException as exc:
        if exc.rule == "required" and isinstance(exc.value, dict):
            missing = ", ".join(k for k in exc.rule_definition if k not in exc.value)
            message = f"required keys are missing: {missing}"
        elif exc.rule == "anyOf" and isinstance(exc.value, dict) and "kind" in exc.value:
            message = (
                "a source must be followable: give its url, or repo, path and commit of a file in a "
                "public repository"
            )
        else:
            message = exc.message.replace(exc.name, "this value", 1) if exc.name else exc.message
        return [(_pointer(exc.path or ()), message)]
    return []


# The hand check of the schema's numbers and organisations. It may refuse what the schema
# accepts (then the validator decides), never the other way round: patterns are matched
# whole (the schema's "$" also takes a final newline) and types exactly.
class _Shapes:
    """The schema's string patterns, compiled when a file is first checked."""

    def __init__(self) -> None:
        self.id = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
        self.number = re.compile(r"[0-9]{3,20}")
        self.date = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
        self.url = re.compile(r"https?://[^\s/.]+\.[^\s/]+(?:/\S*)?")
        self.repo = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+")
        self.commit = re.compile(r"[0-9a-f]{40}")
        self.form = re.compile(r"\+[0-9]{6,20}")


_shapes = functools.cache(_Shapes)
_SOURCE_KINDS = frozenset(
    {"official-site", "government", "news", "community-list", "secondary", "source-article"}
)
_SOURCE_KEYS = frozenset(
    {"kind", "url", "repo", "path", "commit", "title", "says", "read", "origin", "derived_from", "retires"}
)
_ENTRY_KEYS = _REQUIRED | {
    *_OPTIONAL_TEXTS,
    *_OPTIONAL_LISTS,
    *_OPTIONAL_TEXT_LISTS,
    "labels",
}
_STATUSES = frozenset({"active", "retired"})
_KINDS = frozenset(
    {
        "hotline",
        "credit-card",
        "vip",
        "sms-sender",
        "outbound",
        "complaints",
        "emergency",
        "reporting",
        "other",
    }
)
_SCOPES = frozenset({"national", "every-city", "regional", "local"})
_ORG_KEYS = frozenset({"id", "name", "aliases", "group", "note", "category"})


def _is_text(value: Any) -> bool:
    return (
        type(value) is dict
        and len(value) == 2
        and type(value.get("zh")) is str
        and type(value.get("en")) is str
        and value["zh"] != ""
        and value["en"] != ""
    )


def _is_str(value: Any, pattern: re.Pattern[str]) -> bool:
    return type(value) is str and pattern.fullmatch(value) is not None


def _plain_source(s: Any, p: _Shapes) -> bool:
    if type(s) is not dict or not s.keys() <= _SOURCE_KEYS:
        return False
    if s.get("kind") not in _SOURCE_KINDS or not _is_str(s.get("read"), p.date):
        return False
    if "url" in s:
        if not _is_str(s["url"], p.url):
            return False
    elif s["kind"] != "source-article" and not ("repo" in s and "path" in s and "commit" in s):
        return False
    return (
        ("repo" not in s or _is_str(s["repo"], p.repo))
        and ("path" not in s or (type(s["path"]) is str and s["path"] != ""))
        and ("commit" not in s or _is_str(s["commit"], p.commit))
        and all(type(s.get(k, "x")) is str and s.get(k, "x") != "" for k in ("title", "origin"))
        and type(s.get("says", "")) is str
        and (
            "derived_from" not in s
            or (type(s["derived_from"]) is list and all(type(x) is str and x for x in s["derived_from"]))
        )
        and type(s.get("retires", False)) is bool
    )


def _plain_entry(e: Any, p: _Shapes, seen: set[Any]) -> bool:
    if type(e) is not dict or not (
        e.keys() == _REQUIRED if len(e) == len(_REQUIRED) else _REQUIRED <= e.keys() <= _ENTRY_KEYS
    ):
        return False
    sources, org = e["sources"], e["org"]
    if type(org) is not str or (org not in seen and p.id.fullmatch(org) is None):
        return False
    seen.add(org)
    if not (
        _is_str(e["number"], p.number)
        and type(e["status"]) is str
        and e["status"] in _STATUSES
        and type(e["kind"]) is str
        and e["kind"] in _KINDS
        and type(e["scope"]) is str
        and e["scope"] in _SCOPES
        and _is_text(e["service"])
        and _is_text(e["handles"])
        and type(sources) is list
        and sources
    ):
        return False
    for s in sources:
        # a source written alike in many entries is checked once: sources of text alone (True
        # equals 1, so a source with true/false or a list in it is read every time)
        key = tuple(s.items()) if type(s) is dict and "retires" not in s and "derived_from" not in s else None
        if key not in seen:
            if not _plain_source(s, p):
                return False
            if key is not None:
                seen.add(key)
    if len(e) == len(_REQUIRED):
        return True
    return (
        all(_is_text(e[k]) for k in _OPTIONAL_TEXTS if k in e)
        and all(
            type(e[k]) is list and all(_is_str(x, p.number) for x in e[k])
            for k in ("replaced_by", "acknowledged_lookalikes")
            if k in e
        )
        and ("forms" not in e or (type(e["forms"]) is list and all(_is_str(x, p.form) for x in e["forms"])))
        and all(
            type(e[k]) is list and all(_is_text(x) for x in e[k])
            for k in ("conflicts", "notes", "labels")
            if k in e
        )
    )


def _plain_org(o: Any, p: _Shapes) -> bool:
    return (
        type(o) is dict
        and o.keys() <= _ORG_KEYS
        and _is_str(o.get("id"), p.id)
        and _is_text(o.get("name"))
        and type(o.get("aliases")) is list
        and all(type(a) is str and a != "" for a in o["aliases"])
        and ("group" not in o or _is_str(o["group"], p.id))
        and ("note" not in o or _is_text(o["note"]))
        and ("category" not in o or (type(o["category"]) is str and o["category"] in _CATEGORY_SET))
    )


_CATEGORY_SET = frozenset(CATEGORIES)


def _plainly_valid(data: dict[str, Any]) -> bool:
    """Whether the numbers and organisations of ``data`` surely meet the schema."""
    numbers, orgs = data.get("numbers"), data.get("organisations")
    p = _shapes()
    seen: set[Any] = set()  # organisation ids and sources (item by item) already found valid
    return (
        type(numbers) is list
        and type(orgs) is list
        and all(_plain_org(o, p) for o in orgs)
        and all(_plain_entry(e, p, seen) for e in numbers)
    )


def reference_problems(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Problems that make the data ambiguous: duplicates and dangling references."""
    problems: list[tuple[str, str]] = []
    orgs: dict[str, int] = {}
    for i, org in enumerate(data["organisations"]):
        if org["id"] in orgs:
            problems.append((f"/organisations/{i}/id", f'the organisation id "{org["id"]}" is used twice'))
        orgs.setdefault(org["id"], i)
    owners: dict[str, str] = {}
    for i, org in enumerate(data["organisations"]):
        names = [org["name"]["zh"], org["name"]["en"], *org["aliases"]]
        for j, name in enumerate(names):
            key = alias_key(name)
            where = f"/organisations/{i}/" + (f"aliases/{j - 2}" if j >= 2 else "name/" + ("zh", "en")[j])
            if not key:
                problems.append(
                    (where, f'the name "{name}" is empty once spaces and punctuation are removed')
                )
            elif owners.setdefault(key, org["id"]) != org["id"]:
                problems.append((where, f'the name "{name}" also belongs to "{owners[key]}"'))
    seen: dict[str, str] = {}
    for i, entry in enumerate(data["numbers"]):
        number = entry["number"]
        if entry["org"] not in orgs:
            problems.append((f"/numbers/{i}/org", f'no organisation has the id "{entry["org"]}"'))
        if number in seen:
            owner = seen[number]
            detail = "twice" if owner == entry["org"] else f'by both "{owner}" and "{entry["org"]}"'
            problems.append((f"/numbers/{i}/number", f"the number {number} is listed {detail}"))
        seen.setdefault(number, entry["org"])
    for i, entry in enumerate(data["numbers"]):
        for j, new in enumerate(entry.get("replaced_by", ())):
            if new not in seen:
                problems.append(
                    (f"/numbers/{i}/replaced_by/{j}", f"the replacement {new} is not in the file")
                )
    case_ids = {c["id"] for c in data.get("cases", ())}
    for i, fake in enumerate(data.get("known_fakes", ())):
        if fake["posing_as"] not in orgs:
            problems.append(
                (f"/known_fakes/{i}/posing_as", f'no organisation has the id "{fake["posing_as"]}"')
            )
        if fake.get("case") and fake["case"] not in case_ids:
            problems.append((f"/known_fakes/{i}/case", f'no case has the id "{fake["case"]}"'))
        if fake["number"] in seen:
            problems.append(
                (f"/known_fakes/{i}/number", f"the fake number {fake['number']} is also listed as a number")
            )
    for i, wrong in enumerate(data.get("wrong_attributions", ())):
        if wrong["attributed_to"] not in orgs:
            problems.append(
                (
                    f"/wrong_attributions/{i}/attributed_to",
                    f'no organisation has the id "{wrong["attributed_to"]}"',
                )
            )
        if seen.get(wrong["number"]) == wrong["attributed_to"]:
            problems.append(
                (
                    f"/wrong_attributions/{i}/number",
                    f"the number {wrong['number']} is listed as belonging to the same organisation",
                )
            )
    return problems


def _text(value: Mapping[str, str] | None) -> Text | None:
    return Text(value["zh"], value["en"]) if value else None


def sources_of(values: Iterable[Mapping[str, Any]]) -> tuple[Source, ...]:
    return tuple(
        Source(
            s["kind"],
            s["read"],
            s.get("says", ""),
            url=s.get("url"),
            repo=s.get("repo"),
            path=s.get("path"),
            commit=s.get("commit"),
            title=s.get("title"),
            origin=s.get("origin"),
            derived_from=tuple(s.get("derived_from", ())),
            retires=bool(s.get("retires", False)),
        )
        for s in values
    )


def problems_of(data: Any, /) -> list[tuple[str, str]]:
    """Every problem of parsed allowlist data: the schema first (a file that breaks it
    is not read further), then references and the data rules of check-data."""
    from ._datacheck import rule_problems  # the rules build on this module

    return schema_problems(data) or reference_problems(data) + rule_problems(data)


def parts(
    data: Mapping[str, Any],
) -> tuple[
    dict[str, Organisation],
    tuple[KnownFake, ...],
    tuple[WrongAttribution, ...],
    dict[str, Case],
    tuple[LeftOut, ...],
]:
    """The organisations, known fakes, wrong attributions, cases and left-out numbers of checked data."""
    orgs = {
        o["id"]: Organisation(
            o["id"],
            Text(o["name"]["zh"], o["name"]["en"]),
            tuple(o["aliases"]),
            o.get("group"),
            o.get("category", "other"),
        )
        for o in data["organisations"]
    }
    fakes = tuple(
        KnownFake(
            f["number"], orgs[f["posing_as"]], Text(**f["note"]), f.get("case"), sources_of(f["sources"])
        )
        for f in data.get("known_fakes", ())
    )
    wrong = tuple(
        WrongAttribution(
            w["number"],
            orgs[w["attributed_to"]],
            Text(**w["actual"]),
            Text(**w["note"]),
            sources_of(w["sources"]),
        )
        for w in data.get("wrong_attributions", ())
    )
    cases = {
        c["id"]: Case(c["id"], Text(**c["title"]), Text(**c["summary"]), sources_of(c["sources"]))
        for c in data.get("cases", ())
    }
    left_out = tuple(
        LeftOut(x["number"], x["listed_as"], Text(**x["reason"]), sources_of(x["sources"]))
        for x in data.get("left_out", ())
    )
    return orgs, fakes, wrong, cases, left_out


def build(data: Any, *, origin: str = "<memory>", trusted: bool = False) -> Allowlist:
    """Validate parsed JSON data and build an [`Allowlist`][hotline_verify.Allowlist] from it.

    Runs the same checks as :func:`~hotline_verify.check_data`. ``trusted`` skips the
    schema and the data rules (not the reference checks) for the packaged file, which
    the test suite validates in full.
    """
    index = None
    ids = None
    if trusted:
        problems = reference_problems(data)
    else:
        from ._datacheck import rule_problems  # the rules build on this module

        problems = schema_problems(data)
        if not problems:
            # one index of the active numbers, and one reading of the sources, serve the rules
            # and the list
            index = LookalikeIndex.build(e["number"] for e in data["numbers"] if e["status"] == "active")
            ids = source_ids(data["numbers"])
            problems = reference_problems(data) + rule_problems(data, index=index, ids=ids)
    if problems:
        where = "" if origin == "<memory>" else f"{origin}: "
        pointer, message = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise AllowlistError(
            f"{where}{pointer}: {message}{more}",
            path=None if origin == "<memory>" else origin,
            problems=tuple(problems),
        )
    orgs, fakes, wrong, cases, left_out = parts(data)
    numbers = _records(data["numbers"], ids)
    aliases = {alias_key(name): org for org in orgs.values() for name in names_of(org)}
    return assemble(
        tuple(orgs.values()),
        numbers,
        fakes,
        wrong,
        cases,
        origin=origin,
        aliases=aliases,
        left_out=left_out,
        index=index,
    )


def names_of(org: Organisation) -> tuple[str, ...]:
    """Every name an organisation is known by: Chinese, English, then the aliases."""
    return (org.name.zh, org.name.en, *org.aliases)


def assemble(
    organisations: tuple[Organisation, ...],
    numbers: Mapping[str, Record | OfficialNumber] | tuple[OfficialNumber, ...],
    known_fakes: tuple[KnownFake, ...],
    wrong_attributions: tuple[WrongAttribution, ...],
    cases: Mapping[str, Case],
    *,
    origin: str,
    aliases: Mapping[str, Organisation],
    overridden: Mapping[str, OfficialNumber] | None = None,
    left_out: tuple[LeftOut, ...] = (),
    index: LookalikeIndex | None = None,
    latin: Mapping[str, str] | None = None,
    active_by_org: dict[str, tuple[str, ...]] | None = None,
) -> Allowlist:
    """An [`Allowlist`][hotline_verify.Allowlist] with its indexes, from records already checked.

    ``numbers`` are entries, or compact records by number (see ``build``); ``aliases`` maps
    ``alias_key()`` forms to organisations (the caller decides who owns a name);
    ``overridden`` holds entries another list took over (see ``hotline_verify._merge``);
    ``index``, ``latin`` (Latin alias keys with their spaced words) and ``active_by_org`` (see
    ``Entries.active_by_org``): when already worked out.
    """
    if isinstance(numbers, tuple):
        numbers = {n.number: n for n in numbers}
    entries = Entries(numbers, origin, {o.id: o for o in organisations}, active_by_org)
    if latin is None:
        names = {alias_key(name): name for org in organisations for name in names_of(org)}
        latin = {key: spaced_key(names.get(key, key)) for key in aliases if key.isascii()}
    wrong_by_number: dict[str, list[WrongAttribution]] = {}
    for w in wrong_attributions:
        wrong_by_number.setdefault(w.number, []).append(w)
    return Allowlist(
        organisations=organisations,
        known_fakes=known_fakes,
        wrong_attributions=wrong_attributions,
        cases=MappingProxyType(dict(cases)),
        origin=origin,
        by_number=entries,
        aliases=MappingProxyType(dict(aliases)),
        latin=MappingProxyType(dict(latin)),
        fakes=MappingProxyType({f.number: f for f in known_fakes}),
        wrong=MappingProxyType({k: tuple(v) for k, v in wrong_by_number.items()}),
        index=index
        if index is not None
        else LookalikeIndex.build(n for n in entries if entries.status(n) == "active"),
        overridden=MappingProxyType(dict(overridden or {})),
        left_out=left_out,
    )


def _source_key(s: Mapping[str, Any]) -> tuple[Any, ...]:
    """What a [`Source`][hotline_verify.Source] holds of a source as written: equal keys, equal sources."""
    return (
        s["kind"],
        s["read"],
        s.get("says", ""),
        s.get("url"),
        s.get("repo"),
        s.get("path"),
        s.get("commit"),
        s.get("title"),
        s.get("origin"),
        tuple(s.get("derived_from", ())),
        bool(s.get("retires", False)),
    )


def source_ids(entries: Iterable[Mapping[str, Any]], /) -> list[int]:
    """A number per entry for its sources as written: entries whose sources are written alike,
    item by item, share one (most of a large file repeats a few lists of sources). An entry with
    a list inside a source (``derived_from``) has a number of its own."""
    ids: dict[tuple[Any, ...], int] = {}
    found: list[int] = []
    for e in entries:
        try:
            found.append(ids.setdefault(tuple(tuple(s.items()) for s in e["sources"]), len(ids)))
        except TypeError:
            found.append(-1 - len(found))
    return found


def _records(entries: list[Mapping[str, Any]], ids: list[int] | None = None) -> dict[str, Record]:
    """Plain records by number; a text or a list of sources that repeats is kept once (``ids``:
    see ``source_ids()``, when worked out already)."""
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    source_lists: dict[tuple[Any, ...], tuple[tuple[Any, ...], ...]] = {}
    by_id: dict[int, tuple[tuple[Any, ...], ...]] = {}
    records: dict[str, Record] = {}

    # a parser makes a new string for every value: the few words that repeat (org ids, statuses,
    # kinds, scopes) are kept once, not once per entry (a quarter of what a large list keeps)
    words: dict[str, str] = {}
    word = words.setdefault

    def text(value: Mapping[str, str]) -> tuple[str, str]:
        key = (value["zh"], value["en"])
        return texts.setdefault(key, key)

    for e, sid in zip(entries, source_ids(entries) if ids is None else ids, strict=True):
        sources = by_id.get(sid)
        if sources is None:  # sources written alike are one tuple
            key = tuple(map(_source_key, e["sources"]))
            sources = by_id[sid] = source_lists.setdefault(key, key)
        extra: list[tuple[str, Any]] = []
        if len(e) > len(_REQUIRED):
            for name in _OPTIONAL_TEXTS:
                if e.get(name):
                    extra.append((name, text(e[name])))
            for name in _OPTIONAL_LISTS:
                if name in e:
                    extra.append((name, tuple(e[name])))
            for name in (*_OPTIONAL_TEXT_LISTS, "labels"):
                if name in e:
                    extra.append((name, tuple(text(c) for c in e[name])))
        org, status, kind, scope = e["org"], e["status"], e["kind"], e["scope"]
        records[e["number"]] = (
            word(org, org),
            word(status, status),
            word(kind, kind),
            word(scope, scope),
            text(e["service"]),
            text(e["handles"]),
            sources,
            tuple(extra) or None,
        )
    return records


def _too_large(origin: str) -> AllowlistError:
    return AllowlistError(
        f"{origin}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", path=origin
    )


def read_file(path: str | os.PathLike[str], /) -> tuple[str, bytes]:
    """``(name, bytes)`` of an allowlist file, reading at most ``MAX_FILE_BYTES``.

    Raises ``TypeError`` for a path that is not text and [`AllowlistError`][hotline_verify.AllowlistError]
    naming the file for anything the file system refuses.
    """
    origin = os.fspath(path)
    if not isinstance(origin, str):
        raise TypeError(f"the allowlist path must be a str or os.PathLike, not {type(path).__name__}")
    try:
        with open(origin, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)  # stop early: an oversized file is never held whole
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise AllowlistError(
            f"{origin}: cannot read the file: {getattr(exc, 'strerror', None) or exc}", path=origin
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(origin)
    return origin, raw


def parse_json(raw: bytes, origin: str) -> Any:
    """Decode an allowlist file, with errors that name the file and the position."""
    import json

    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(origin)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AllowlistError(
            f"{origin}: the file is not UTF-8 text (byte {exc.start})", path=origin
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AllowlistError(
            f"{origin}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}", path=origin
        ) from None
    except RecursionError:
        raise AllowlistError(f"{origin}: the JSON is nested too deeply", path=origin) from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        line, col = _long_number_at(text)
        raise AllowlistError(
            f"{origin}:{line}:{col}: not valid JSON: a number is too long to read", path=origin
        ) from None


def _long_number_at(text: str) -> tuple[int, int]:
    """Line and column of the first run of 1,000 or more digits (1-based)."""
    # runs, not "[0-9]{1000}": that retries up to 1,000 digits from every position
    found = next((m for m in re.finditer(r"[0-9]+", text) if m.end() - m.start() >= 1000), None)
    start = found.start() if found else 0
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1


def load_allowlist(
    path: str | os.PathLike[str], /, *, extend: bool = False, override: bool = False
) -> Allowlist:
    """Load and validate an allowlist file (for example an organisation's own).

    By default the file is the whole allowlist. ``extend=True`` layers it on top of
    the packaged allowlist: it may add numbers, but a number (or name) the packaged
    list gives to another organisation is an error unless ``override=True`` (see
    [`merge_allowlists()`][hotline_verify.merge_allowlists]). Every entry keeps its ``origin``, and
    a verdict's ``allowlist`` names the list its entry came from.

    Raises [`AllowlistError`][hotline_verify.AllowlistError] naming the file and the JSON path
    of the problem when the file cannot be read, breaks the format or conflicts.
    """
    if override and not extend:
        raise ValueError("override=True only applies with extend=True: a file loaded alone overrides nothing")
    origin, raw = read_file(path)
    from ._many import paused_gc  # the batch module builds on this one

    with paused_gc():  # a large list makes millions of objects, none in a cycle: nothing to collect
        own = build(parse_json(raw, origin), origin=origin)
    if extend:
        from ._merge import merge_allowlists  # merge builds on this module

        own = merge_allowlists(packaged_allowlist(), own, override=override)
    return own


def packaged_file() -> str:
    """Where the allowlist shipped with the package lies (at the repository root in a source checkout)."""
    return data_file("official_numbers.json")


def packaged_path() -> Path:
    """:func:`packaged_file` as a ``Path``."""
    from pathlib import Path

    return Path(packaged_file())


_PACKAGED_LOCK = threading.Lock()


def packaged_allowlist() -> Allowlist:
    """The allowlist shipped with the package, loaded once.

    Raises [`AllowlistError`][hotline_verify.AllowlistError] when the installed data file no longer matches
    the SHA-256 recorded when the wheel was built. Thread-safe: threads that ask
    at the same time before it is loaded share one object (``functools.cache``
    alone would build it once per thread).
    """
    loaded = _packaged.value
    if loaded is not None:  # once built, no lock: reading an attribute is atomic
        return loaded
    with _PACKAGED_LOCK:
        return _packaged()


class _Once:
    """A function of no arguments, called once and remembered (``cache_clear`` forgets)."""

    def __init__(self, build: Callable[[], Allowlist]) -> None:
        self.build = build
        self.value: Allowlist | None = None

    def __call__(self) -> Allowlist:
        if self.value is None:
            self.value = self.build()
        return self.value

    def cache_clear(self) -> None:
        self.value = None


@_Once
def _packaged() -> Allowlist:
    from ._integrity import check_digest

    path = packaged_file()
    raw = read_bytes(path)
    digest = check_digest(path, raw)  # trusted=True below only because the bytes are the ones built
    from ._compiled import NAME, load_compiled

    # the wheel carries the list compiled at build time; a source checkout reads the JSON
    compiled = load_compiled(sibling(path, NAME), raw, digest=digest)
    if compiled is not None:
        return compiled
    return build(parse_json(raw, "packaged allowlist"), origin="packaged", trusted=True)
