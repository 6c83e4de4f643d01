"""check_data(): validate an allowlist file against the schema and the data rules.

The rules, beyond the JSON Schema: no duplicate numbers, no number owned by two
organisations, aliases unique across organisations, every number in its canonical
form, real ISO dates, the evidence rule (independent origins are counted, a list
derived from another being the same origin), a retirement only with a source that
says so, and no official number one edit away from another organisation's unless
the entry acknowledges it. :func:`~hotline_verify.load_allowlist` runs the same
checks.

    >>> from hotline_verify._allowlist import packaged_path
    >>> check_data(packaged_path())
    ()
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import Any

import attrs

from ._allowlist import parse_json, read_file, reference_problems, schema_problems, source_ids, sources_of
from ._exceptions import AllowlistError, InvalidNumber
from ._lookalike import LookalikeIndex
from ._model import count_origins
from ._normalize import MAX_DIGITS, MIN_DIGITS, interpret, message, normalize, readable
from ._numbering import space_shape, split_area_code, takes_no_area_code

__all__ = ["STRONG_EVIDENCE", "Problem", "check_data", "evidence_problem", "rule_problems"]

STRONG_EVIDENCE = frozenset({"official-site", "government", "news"})


@attrs.frozen
class Problem:
    """One problem in an allowlist file: the file, the JSON pointer, a sentence."""

    file: str
    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}::{self.pointer}: {self.message}"


def check_data(source: str | os.PathLike[str] | Mapping[str, Any], /) -> tuple[Problem, ...]:
    """All problems of an allowlist file (or of its parsed data); empty when valid.

    Raises [`AllowlistError`][hotline_verify.AllowlistError] when a file cannot be read at all
    (missing, not UTF-8, too large); a JSON syntax error is a problem at ``/``.
    """
    if isinstance(source, Mapping):
        name, data = "<data>", source
    else:
        name, raw = read_file(source)
        try:
            data = parse_json(raw, name)
        except AllowlistError as exc:
            if "not valid JSON" not in str(exc) and "nested too deeply" not in str(exc):
                raise
            return (Problem(name, "/", str(exc).split(": ", 1)[1]),)
    from ._many import paused_gc  # the batch module builds on this one

    with paused_gc():  # a large file makes millions of objects, none in a cycle
        found = schema_problems(data) or reference_problems(data) + rule_problems(data)
    return tuple(Problem(name, pointer, message) for pointer, message in found)


def evidence_problem(sources: list[Mapping[str, Any]], conflicts: list[Any]) -> str | None:
    """Why these sources do not admit a number, or ``None`` when they do."""
    kinds = {s["kind"] for s in sources}
    if kinds & STRONG_EVIDENCE:
        return None
    if conflicts:
        return "a number with recorded conflicts needs an official-site, government or news source"
    if "community-list" in kinds:
        return None  # graded "listed": official, with a reason that says only a list vouches for it
    if count_origins(sources_of(sources)) < 2:
        return (
            "the evidence is too weak: it needs an official-site, government or news source, a community "
            "list, or two independent origins (sources derived from one another count once)"
        )
    return None


def _source_problems(sources: list[Mapping[str, Any]], here: str, *, case: bool) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    seen: set[tuple[Any, ...]] = set()
    for j, source in enumerate(sources):
        at = f"{here}/sources/{j}"
        if source["kind"] == "source-article" and not case:
            problems.append((f"{at}/kind", "only a documented case may cite the source article"))
        if "url" in source and "repo" in source:
            problems.append((at, "give either a url or a repository file, not both"))
        locator = (source.get("url"), source.get("repo"), source.get("path"), source.get("commit"))
        if any(locator) and locator in seen:
            problems.append((at, "the same citation is given twice"))
        seen.add(locator)
    return problems


def rule_problems(
    data: Mapping[str, Any], /, *, index: LookalikeIndex | None = None, ids: list[int] | None = None
) -> list[tuple[str, str]]:
    """Problems of schema-valid data against the data rules; ``index``: the lookalike index of
    its active numbers, ``ids``: ``hotline_verify._allowlist.source_ids()`` of its numbers, when
    the caller has worked them out already."""
    problems: list[tuple[str, str]] = []
    today = datetime.date.today()
    owner = {e["number"]: e["org"] for e in data["numbers"] if e["status"] == "active"}
    if index is None:
        index = LookalikeIndex.build(owner)
    crowded = index.crowded()  # the others have no neighbour to look for
    readable_as_is = _ReadableAsIs()
    # what the rules say of a list of sources, by its items: most entries of a large file repeat
    # the sources of others
    said: dict[int, _Said] = {}
    entries = data["numbers"]
    for i, (entry, sid) in enumerate(zip(entries, source_ids(entries) if ids is None else ids, strict=True)):
        here = f"/numbers/{i}"
        number = entry["number"]
        if not readable_as_is(number):
            try:
                canonical = _canonical(number)
            except InvalidNumber as exc:
                problems.append((f"{here}/number", f"{number} does not read as a phone number: {exc}"))
            else:
                if canonical != number:
                    problems.append(
                        (f"{here}/number", f"{number} is not in canonical form; write it as {canonical}")
                    )
        if entry["scope"] == "local" and not number.startswith("0"):
            problems.append((f"{here}/number", f"the local number {number} must include its area code"))
        conflicts = entry.get("conflicts", [])
        found = None if conflicts else said.get(sid)  # conflicts ask more of the evidence
        if found is None:
            found = _sources_said(entry["sources"], conflicts, today)
            if not conflicts:
                said[sid] = found
        before, dates, retiring = found
        if before:
            problems += [(here + where, why) for where, why in before]
        if entry["status"] == "retired" and not retiring:
            problems.append(
                (f"{here}/status", "a retired number needs a source that says it was withdrawn or replaced")
            )
        elif entry["status"] == "active" and retiring:
            problems.append(
                (f"{here}/status", "a source says this number was withdrawn or replaced, yet it is active")
            )
        for j, form in enumerate(entry.get("forms", ())):
            national = "0" + form[3:] if form.startswith("+86") else None
            if national in owner or form[3:] == number:
                problems.append(
                    (f"{here}/forms/{j}", f"the form {form} is a listed number or the plain number with +86")
                )
        if dates:
            problems += [(here + where, why) for where, why in dates]
        if entry["status"] == "active":
            acknowledged = set(entry.get("acknowledged_lookalikes", ())) if number in crowded else set()
            for match in index.neighbours(number) if number in crowded else ():
                other = owner[match.official]
                if (
                    other != entry["org"]
                    and match.official not in acknowledged
                    and number not in _acknowledged_by(data, match.official)
                ):
                    problems.append(
                        (
                            f"{here}/number",
                            f"{number} is one edit away from {match.official} of "
                            f'"{other}" ({match.detail.en}); list it in acknowledged_lookalikes if '
                            "both are right",
                        )
                    )
        elif entry.get("replaced_by") and entry["number"] in entry["replaced_by"]:
            problems.append((f"{here}/replaced_by", "a retired number cannot replace itself"))
    for key in ("known_fakes", "wrong_attributions", "cases", "left_out"):
        for i, entry in enumerate(data.get(key, ())):
            problems += _source_problems(entry["sources"], f"/{key}/{i}", case=key == "cases")
            for j, source in enumerate(entry["sources"]):
                problems += _date_problems(source["read"], f"/{key}/{i}/sources/{j}/read", today)
    if "updated" in data:
        problems += _date_problems(data["updated"], "/updated", today)
    return problems


# problems before the status rule and date problems, as (pointer within the entry, message), and
# whether a source retires the number
_Said = tuple[list[tuple[str, str]], list[tuple[str, str]], bool]


def _sources_said(sources: list[Mapping[str, Any]], conflicts: list[Any], today: datetime.date) -> _Said:
    """What the rules say of an entry's sources (and conflicts), with pointers within the entry."""
    before: list[tuple[str, str]] = []
    why = evidence_problem(sources, conflicts)
    if why:
        before.append(("/sources", why))
    before += _source_problems(sources, "", case=False)
    dates: list[tuple[str, str]] = []
    for j, source in enumerate(sources):
        dates += _date_problems(source["read"], f"/sources/{j}/read", today)
    return before, dates, any(s.get("retires") for s in sources)


class _ReadableAsIs:
    """Whether digits alone, as nearly every number of a file is written, are a number in its
    canonical form: decided once per shape, as ``interpret()`` decides it. What it reads of
    national digits is the first digits that choose the number space and the length; after
    an area code, the area code, then whether the rest is a local 96 line, a national short
    code (a spoof form) or a landline. Where more decides (a country code, a secondary-number
    prefix, a trunk 0 before a 400 number, no known area code) each number is read."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, int], bool] = {}
        self._width, self._first, secondary = space_shape()
        self._read_whole = ("00", "86", *secondary)

    def __call__(self, number: str, /) -> bool:
        if not (number.isdigit() and number.isascii() and MIN_DIGITS <= len(number) <= MAX_DIGITS):
            return False
        if number.startswith(self._read_whole):
            return _canonical_digits(number)
        if number[0] != "0":
            key = (number[: self._width] if number[0] in self._first else number[0]), len(number)
        elif number[:4] in ("0400", "0800") or (split := split_area_code(number)) is None:
            return _canonical_digits(number)
        else:
            area, rest = split
            key = f"{area}|{rest[:2]}|{takes_no_area_code(rest)}", len(number)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = _canonical_digits(number)
        return known


def _canonical_digits(number: str) -> bool:
    n = interpret(number)
    return readable(n) and n.canonical == number


def _canonical(number: str) -> str:
    """``normalize(number)``; digits alone, as nearly every number of a file is written, are read
    without ``read()``, which would give them back unchanged."""
    if number.isdigit() and number.isascii() and MIN_DIGITS <= len(number) <= MAX_DIGITS:
        n = interpret(number)
        if not readable(n):
            raise InvalidNumber(message("format"), code="format")
        return n.canonical
    return normalize(number)


def _acknowledged_by(data: Mapping[str, Any], number: str) -> set[str]:
    for entry in data["numbers"]:
        if entry["number"] == number:
            return set(entry.get("acknowledged_lookalikes", ()))
    return set()


def _date_problems(value: str, pointer: str, today: datetime.date) -> list[tuple[str, str]]:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return [(pointer, f'"{value}" is not a real date (YYYY-MM-DD)')]
    if day > today:
        return [(pointer, f"{value} is in the future")]
    return []
