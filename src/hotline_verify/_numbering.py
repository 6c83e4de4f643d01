"""The numbering plan of mainland China: which number spaces exist and who can get a number in each.

Every fact about number spaces lives here, read from ``numbering_plan.json`` (shipped in the
wheel, each row with its source); every other module asks this one.

>>> space_of("95588").rentable, space_of("4001234567").rentable
(False, True)
>>> str(kind_of("9510211")), str(kind_of("10086")), str(kind_of("12315")), str(kind_of("13812345678"))
('service-95', 'carrier-10', 'public-12', 'mobile')
>>> split_area_code("057196110")
('0571', '96110')
>>> is_short_code("95588"), is_short_code("95588123"), is_short_code("4009888898")
(True, False, False)
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
from typing import Any

from ._datafiles import data_file, read_bytes, sibling, write_bytes
from ._model import NumberKind, Text
from ._record import Record

__all__ = [
    "COMPILED_NAME",
    "Space",
    "area_code_of",
    "compile_plan",
    "is_short_code",
    "kind_of",
    "landline_fits",
    "plan_path",
    "secondary_prefix",
    "space_named",
    "space_of",
    "split_area_code",
    "takes_no_area_code",
]


class Space(Record):
    """One number space: its leading digits, total lengths and who can get a number in it."""

    __slots__ = (
        "callable",
        "id",
        "kind",
        "lengths",
        "name",
        "only",
        "outbound_marketing",
        "prefix",
        "rentable",
        "scope",
    )

    def __init__(
        self,
        id: str,
        prefix: str,
        lengths: frozenset[int],
        kind: NumberKind,
        rentable: bool,  # anyone (a business, a person) can get one: a near miss here is the threat
        scope: str,  # "national", "local" (needs the city's area code outside it) or "both"
        callable: bool,
        outbound_marketing: bool,
        name: Text,
        only: frozenset[str] = frozenset(),  # a space of a few listed numbers (110, 119, 120 …)
    ) -> None:
        self.id = id
        self.prefix = prefix
        self.lengths = lengths
        self.kind = kind
        self.rentable = rentable
        self.scope = scope
        self.callable = callable
        self.outbound_marketing = outbound_marketing
        self.name = name
        self.only = only

    @property
    def allocated(self) -> bool:
        """Allocated by the regulator to one organisation: a scammer cannot rent it."""
        return not self.rentable


class _Plan:
    """The plan as space_of() and the area-code functions read it (made once per process)."""

    __slots__ = (
        "area_lengths",
        "by_prefix",
        "first_digits",
        "known",
        "mobile_prefixes",
        "prefix_lengths",
        "secondary_prefixes",
        "secondary_starts",
        "width",
    )

    def __init__(
        self,
        by_prefix: dict[str, tuple[Space, ...]],
        area_lengths: dict[str, frozenset[int]],  # "571" -> local number lengths after the code
        mobile_prefixes: frozenset[str],
        secondary: list[tuple[str, int]],  # (prefix, digits to strip)
    ) -> None:
        self.by_prefix = by_prefix
        self.prefix_lengths = tuple(sorted({len(p) for p in by_prefix}, reverse=True))  # longest first
        self.area_lengths = area_lengths
        self.mobile_prefixes = mobile_prefixes
        # longest first
        self.secondary_prefixes = tuple(sorted(secondary, key=lambda row: len(row[0]), reverse=True))
        # the space of a number depends on its first `width` digits and its length alone (prefixes,
        # area codes, mobile prefixes and `only` lists are no longer): space_of() keeps its answers
        self.width = max(
            *(len(p) for p in by_prefix),
            *(1 + len(code) for code in area_lengths),
            *(len(p) for p in mobile_prefixes),
            *(len(n) for spaces in by_prefix.values() for space in spaces for n in space.only),
        )
        self.secondary_starts = tuple(prefix for prefix, _ in secondary)  # the prefixes alone
        self.first_digits = frozenset(p[0] for p in by_prefix)  # the digits a space's prefix starts with
        self.known: dict[tuple[str, int], Space | None] = {}


def plan_path() -> str:
    """The numbering-plan file: inside the installed package, else in the source tree."""
    return data_file("numbering_plan.json")


# what the plan keeps of numbering_plan.json, as plain values: the spaces as (id, prefix, lengths,
# number kind, rentable, scope, callable, outbound marketing, name zh, name en, only), the
# secondary prefixes as (prefix, digits to strip), the area codes as (code, local lengths), the
# mobile prefixes
_Rows = tuple[
    tuple[tuple[str, str, tuple[int, ...], str, bool, str, bool, bool, str, str, tuple[str, ...]], ...],
    tuple[tuple[str, int], ...],
    tuple[tuple[str, tuple[int, ...]], ...],
    tuple[str, ...],
]

COMPILED_NAME = "numbering_plan.compiled"
_FORMAT = 1


def _rows(data: dict[str, Any], /) -> _Rows:
    spaces = tuple(
        (
            row["id"],
            row["prefix"],
            tuple(row["lengths"]),
            row["number_kind"],
            row["rentable"],
            row["scope"],
            row["callable"],
            row["outbound_marketing"],
            row["name"]["zh"],
            row["name"]["en"],
            tuple(row.get("only", ())),
        )
        for row in data["spaces"]
        if "number_kind" in row  # the others are prefixes to strip, not spaces of their own
    )
    # 12583 + one digit, 1259023 …: stripped, then judged
    secondary = tuple(
        (row["prefix"], row["strip"]) for row in data["spaces"] if row["kind"] == "secondary-prefix"
    )
    areas = tuple((row["code"], tuple(row["local_lengths"])) for row in data["area_codes"])
    return spaces, secondary, areas, tuple(data["mobile_prefixes"])


def _header(digest: str, /) -> bytes:
    version = "{}.{}".format(*sys.version_info[:2])
    return f"hotline-verify-plan {_FORMAT} python{version} {digest}\n".encode("ascii")


def compile_plan(raw: bytes, /) -> bytes:
    """What the wheel carries beside the plan file ``raw``: a header line naming the format, the
    Python version and the SHA-256 of ``raw``, then the rows the plan keeps as ``marshal`` data
    (plain values only: reading them runs no code)."""
    import json

    from ._integrity import sha256

    return _header(sha256(raw)) + marshal.dumps(_rows(json.loads(raw)))


def _compiled_rows(path: str | os.PathLike[str], raw: bytes, /) -> _Rows | None:
    """The rows compiled from ``raw`` beside it at build time; ``None`` when there are none (a
    source checkout) or they were made from other data, by another Python or in another format."""
    try:
        blob = read_bytes(sibling(path, COMPILED_NAME))
    except OSError:
        return None
    from ._integrity import sha256

    line_end = blob.find(b"\n") + 1
    if blob[:line_end] != _header(sha256(raw)):
        return None
    try:
        rows: _Rows = marshal.loads(blob[line_end:])
    except (EOFError, ValueError, TypeError):
        return None  # a damaged file: the plan file says the same
    return rows


@functools.cache
def _plan() -> _Plan:
    path = plan_path()
    raw = read_bytes(path)
    rows = _compiled_rows(path, raw)
    if rows is None:
        import json  # the wheel carries the rows compiled: only a source checkout reads the JSON

        rows = _rows(json.loads(raw))
    spaces, secondary, areas, mobile = rows
    by_prefix: dict[str, list[Space]] = {}
    for id_, prefix, lengths, kind, rentable, scope, callable_, marketing, zh, en, only in spaces:
        space = Space(
            id_,
            prefix,
            frozenset(lengths),
            NumberKind(kind),
            rentable,
            scope,
            callable_,
            marketing,
            Text(zh, en),
            frozenset(only),
        )
        by_prefix.setdefault(prefix, []).append(space)
    return _Plan(
        {k: tuple(v) for k, v in by_prefix.items()},
        {code: frozenset(lengths) for code, lengths in areas},
        frozenset(mobile),
        list(secondary),
    )


def space_of(digits: str, /) -> Space | None:
    """The space of a mainland number written without country code; ``None`` if it fits none.

    The longest matching prefix wins (106… is an SMS port before 10… is a carrier code).
    """
    plan = _plan()
    if digits[:1] not in plan.first_digits:  # local numbers after an area code, mostly
        return None
    key = (digits[: plan.width], len(digits))
    known = plan.known
    if key in known:
        return known[key]
    if len(known) >= _KNOWN_MAX:
        known.clear()
    space = known[key] = _space_of(plan, digits)
    return space


_KNOWN_MAX = 1 << 16  # keys held by space_of(); far fewer occur in practice


def space_shape() -> tuple[int, frozenset[str], tuple[str, ...]]:
    """What decides :func:`space_of`: the first ``width`` digits and the length, for digits
    whose first is one a space starts with (the others fit none); and the starts of the
    secondary-number prefixes (see :func:`secondary_prefix`)."""
    plan = _plan()
    return plan.width, plan.first_digits, plan.secondary_starts


def _space_of(plan: _Plan, digits: str) -> Space | None:
    n = len(digits)
    for length in plan.prefix_lengths:
        for space in plan.by_prefix.get(digits[:length], ()):
            if n in space.lengths and (not space.only or digits in space.only):
                if space.kind is NumberKind.MOBILE and digits[:3] not in plan.mobile_prefixes:
                    continue
                if space.kind is NumberKind.LANDLINE and split_area_code(digits) is None:
                    continue
                return space
    return None


def space_named(space_id: str, /) -> Space:
    """The space with this id in the plan (``"sms-106"`` …); ``KeyError`` if there is none.

    >>> space_named("call-centre-95-8").lengths
    frozenset({8})
    """
    for spaces in _plan().by_prefix.values():
        for space in spaces:
            if space.id == space_id:
                return space
    raise KeyError(space_id)


def kind_of(digits: str, /) -> NumberKind:
    """The kind of a national number without its trunk 0: a 7–8-digit local landline
    number when no space fits and it could be one."""
    space = space_of(digits)
    if space is not None:
        return space.kind
    if 7 <= len(digits) <= 8 and digits[0] in "23456789":
        return NumberKind.LOCAL_LANDLINE
    return NumberKind.OTHER


def is_short_code(digits: str, /) -> bool:
    """A regulator-allocated, callable short code (95xxx, 96xxx, 100xx, 11x, 12xxx …)."""
    space = space_of(digits)
    return space is not None and space.allocated and space.callable and len(digits) <= 8


def takes_no_area_code(digits: str, /) -> bool:
    """A callable service code of at most 8 digits dialled as it is everywhere (95…, 10…, 11x,
    12xxx …, not the local 96…): an area code or a ``+`` in front of one is a spoof form."""
    space = space_of(digits)
    return (
        space is not None
        and space.callable
        and len(digits) <= 8
        and space.kind not in (NumberKind.LANDLINE, NumberKind.MOBILE, NumberKind.LOCAL_96)
    )


def area_code_of(digits: str, /) -> str | None:
    """The area code (with its trunk 0) at the start of ``digits``, if one is known."""
    if not digits.startswith("0"):
        return None
    codes = _plan().area_lengths
    for length in (2, 3):
        if digits[1 : 1 + length] in codes:
            return digits[: 1 + length]
    return None


def split_area_code(digits: str, /) -> tuple[str, str] | None:
    """``(area code, rest)`` when ``digits`` starts with a known area code and has more after it."""
    code = area_code_of(digits)
    if code is None or len(digits) <= len(code):
        return None
    return code, digits[len(code) :]


def landline_fits(digits: str, /) -> bool:
    """A trunk 0, a known area code and a local number of a length that city uses."""
    split = split_area_code(digits)
    return split is not None and local_fits(*split)


def local_fits(area_code: str, rest: str, /) -> bool:
    """:func:`landline_fits` for a number already split into its area code and the rest."""
    return len(rest) in _plan().area_lengths[area_code[1:]] and rest[0] != "0"


def secondary_prefix(digits: str, /) -> str | None:
    """A secondary-number prefix (12583x, 1259023 …) that ``digits`` starts with, whole."""
    plan = _plan()
    if not digits.startswith(plan.secondary_starts):  # most numbers: one test
        return None
    for prefix, strip in plan.secondary_prefixes:
        if digits.startswith(prefix):  # 12583 is followed by one digit that picks the number
            return digits[:strip] if len(digits) > strip else None
    return None


def main(argv: list[str] | None = None) -> int:
    """``python -m hotline_verify._numbering PLAN OUT``: compile the plan file PLAN into OUT."""
    plan, out = argv if argv is not None else sys.argv[1:]
    write_bytes(out, compile_plan(read_bytes(plan)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
