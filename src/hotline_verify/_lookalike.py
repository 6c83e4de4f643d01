"""Lookalikes: numbers that imitate an official one.

Each kind is a small generator that enumerates variants of an official number; the
:class:`LookalikeIndex` finds which official number a given number imitates, and
:func:`difference` says how, in words. The index holds every official number and its
one-digit deletions, so a check is a handful of dictionary look-ups whatever the size
of the allowlist (the symmetric-deletion idea: two strings one edit apart share a
deletion).

>>> [l.number for l in generate("95188", kinds=["transposition"])]
['59188', '91588', '95818']
>>> difference("95818", "95188").en
'two adjacent digits swapped: 1 and 8'
>>> difference("95189", "95188").en
'one digit changed: 8 became 9 at position 5 (neighbours on the keypad, the likeliest misdial)'
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from ._model import LookalikeKind, NumberKind, Text
from ._numbering import is_short_code, kind_of, takes_no_area_code
from ._reasons import phrase

if TYPE_CHECKING:
    from ._variant import Lookalike

__all__ = ["LookalikeIndex", "Match", "difference", "generate"]

_RENTABLE_NATIONAL = (NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800)
MIN_OFFICIAL = 5  # edits of 110 or 120 are other real numbers, not lookalikes
MIN_VARIANT = 4
_EMBEDDED_HEAD = 4  # digits of an official number's start that near_any() looks up first (< MIN_OFFICIAL)
MAX_QUERY = 40  # digits: longer text holds no number embedded() could find
AREA_CODES = ("010", "020", "021", "0755")
LETTERS = {"0": "O", "1": "l", "2": "Z", "5": "S", "8": "B"}
_KEYPAD = {
    "1": "24",
    "2": "135",
    "3": "26",
    "4": "157",
    "5": "2468",
    "6": "359",
    "7": "48",
    "8": "5790",
    "9": "68",
    "0": "8",
}


def keypad_neighbours(a: str, b: str) -> bool:
    """Whether two digits touch on a phone keypad (the likeliest misdial)."""
    return b in _KEYPAD.get(a, "")


def _edits_apply(number: str) -> bool:
    return len(number) >= MIN_OFFICIAL and number.isdigit()


def _substitution(n: str) -> Iterator[str]:
    if not _edits_apply(n):
        return
    for i, d in enumerate(n):
        near = _KEYPAD[d]
        for c in sorted("0123456789", key=lambda c: (c not in near, c)):
            if c != d:
                yield n[:i] + c + n[i + 1 :]


def _transposition(n: str) -> Iterator[str]:
    if not _edits_apply(n):
        return
    for i in range(len(n) - 1):
        if n[i] != n[i + 1]:
            yield n[:i] + n[i + 1] + n[i] + n[i + 2 :]


def _omission(n: str) -> Iterator[str]:
    if not _edits_apply(n):
        return
    for i in range(len(n)):
        yield n[:i] + n[i + 1 :]


def _repetition(n: str) -> Iterator[str]:
    if not _edits_apply(n):
        return
    for i in range(len(n)):
        yield n[: i + 1] + n[i] + n[i + 1 :]


def _insertion(n: str) -> Iterator[str]:
    if not _edits_apply(n):
        return
    for i in range(len(n) + 1):
        for c in "0123456789":
            if (i > 0 and n[i - 1] == c) or (i < len(n) and n[i] == c):
                continue  # that is a repetition
            if i == 0 and c == "0" and kind_of(n) in _RENTABLE_NATIONAL:
                continue  # a trunk 0 before a 400 number dials the same number
            yield n[:i] + c + n[i:]


def _prefix_swap(n: str) -> Iterator[str]:
    if len(n) == 10 and kind_of(n) in _RENTABLE_NATIONAL:
        yield ("800" if n[:3] == "400" else "400") + n[3:]


def _area_code(n: str) -> Iterator[str]:
    if takes_no_area_code(n) and not n.startswith("96"):
        for code in AREA_CODES:
            yield code + n


def _international(n: str) -> Iterator[str]:
    if is_short_code(n) or takes_no_area_code(n) or kind_of(n) in _RENTABLE_NATIONAL:
        yield "+" + n
        yield "00" + n


def _embedded(n: str) -> Iterator[str]:
    if ((is_short_code(n) or takes_no_area_code(n)) and len(n) >= MIN_OFFICIAL) or kind_of(
        n
    ) in _RENTABLE_NATIONAL:
        for tail in ("12", "00", "123", "8888"):
            yield n + tail


def _letter_for_digit(n: str) -> Iterator[str]:
    positions = [i for i, d in enumerate(n) if d in LETTERS]
    for i in positions:
        yield n[:i] + LETTERS[n[i]] + n[i + 1 :]
    if len(positions) > 1:
        yield "".join(LETTERS.get(d, d) if d == "0" else d for d in n)


def _two_edits_variants(n: str) -> Iterator[str]:
    """One digit after the 400/800 prefix moved to another place, two or more steps away."""
    if len(n) != 10 or kind_of(n) not in _RENTABLE_NATIONAL:
        return
    from rapidfuzz.distance import Levenshtein

    for i in range(3, 10):
        rest = n[:i] + n[i + 1 :]
        for j in range(3, 10):
            if abs(i - j) >= 2:
                moved = rest[:j] + n[i] + rest[j:]
                if _likely_two_edits(moved, n) and Levenshtein.distance(moved, n) == 2:
                    yield moved


GENERATORS: Mapping[LookalikeKind, Callable[[str], Iterator[str]]] = MappingProxyType(
    {
        LookalikeKind.SUBSTITUTION: _substitution,
        LookalikeKind.TRANSPOSITION: _transposition,
        LookalikeKind.OMISSION: _omission,
        LookalikeKind.REPETITION: _repetition,
        LookalikeKind.INSERTION: _insertion,
        LookalikeKind.TWO_EDITS: _two_edits_variants,
        LookalikeKind.PREFIX_SWAP: _prefix_swap,
        LookalikeKind.AREA_CODE: _area_code,
        LookalikeKind.INTERNATIONAL: _international,
        LookalikeKind.EMBEDDED: _embedded,
        LookalikeKind.LETTER_FOR_DIGIT: _letter_for_digit,
    }
)


def parse_kinds(kinds: Iterable[str] | None) -> tuple[LookalikeKind, ...]:
    """Kinds by name; an unknown name raises ``ValueError`` naming the known ones."""
    if kinds is None:
        return tuple(LookalikeKind)
    if isinstance(kinds, str):
        kinds = [kinds]
    chosen = []
    for name in kinds:
        try:
            chosen.append(LookalikeKind(name))
        except ValueError:
            known = ", ".join(k.value for k in LookalikeKind)
            raise ValueError(f'Unknown lookalike kind "{name}"; the kinds are: {known}.') from None
    return tuple(dict.fromkeys(chosen))


def generate(
    number: str, /, *, kinds: Iterable[str] | None = None, national: bool = True
) -> Iterator[Lookalike]:
    """Variants of canonical ``number`` for each kind, without duplicates.

    ``national=False`` (a number every city answers, such as 12345 or 10086) leaves out
    the area-code kind: with an area code in front it is still the same number.
    """
    from ._variant import Lookalike  # the class is made when variants are first asked for

    seen = {number}
    for kind in parse_kinds(kinds):
        if kind is LookalikeKind.AREA_CODE and not national:
            continue
        for variant in GENERATORS[kind](number):
            if variant not in seen and (len(variant) >= MIN_VARIANT or not variant.isdigit()):
                seen.add(variant)
                yield Lookalike(variant, kind)


class Match:
    """An official number that a number imitates, and how.

    A light record: the index ranks many candidates and keeps one, so the words of
    ``detail`` are written only when someone reads them.
    """

    __slots__ = ("kind", "official", "query", "rank")

    def __init__(self, official: str, kind: LookalikeKind, rank: int, query: str) -> None:
        self.official = official
        self.kind = kind
        self.rank = rank
        self.query = query

    @property
    def detail(self) -> Text:
        """How the number differs from the official one, in both languages."""
        if self.kind is LookalikeKind.TWO_EDITS:
            return _two_edits(self.query, self.official)
        if self.kind is LookalikeKind.EMBEDDED:
            return phrase("how.embedded", official=self.official, tail=self.query[len(self.official) :])
        found = edit_kind(self.query, self.official)
        assert found is not None  # a Match of one edit is made only where edit_kind finds it
        return found[1]

    def __repr__(self) -> str:
        return f"Match({self.official!r}, {self.kind}, rank={self.rank}, query={self.query!r})"


_RANK = {
    LookalikeKind.PREFIX_SWAP: 0,
    LookalikeKind.TRANSPOSITION: 1,
    LookalikeKind.SUBSTITUTION: 2,
    LookalikeKind.OMISSION: 3,
    LookalikeKind.REPETITION: 4,
    LookalikeKind.INSERTION: 5,
    LookalikeKind.TWO_EDITS: 6,
    LookalikeKind.EMBEDDED: 7,
}


def _rank_order(r: tuple[int, str, LookalikeKind]) -> tuple[int, str]:
    return r[0], r[1]


def _where(i: int, length: int) -> Text:
    if i == 0:
        return phrase("where.start")
    if i >= length:
        return phrase("where.end")
    return phrase("where.position", position=i + 1)


def edit_kind(query: str, official: str) -> tuple[LookalikeKind, Text, int] | None:
    """The single edit that turns ``official`` into ``query``, if there is one."""
    lq, lo = len(query), len(official)
    if lq == lo:
        diffs = [i for i in range(lq) if query[i] != official[i]]
        if len(diffs) == 1:
            i = diffs[0]
            a, b = official[i], query[i]
            if i == 0 and lq == 10 and {query[:3], official[:3]} == {"400", "800"}:
                return (
                    LookalikeKind.PREFIX_SWAP,
                    phrase("how.prefix-swap", prefix=query[:3], official_prefix=official[:3]),
                    0,
                )
            near = keypad_neighbours(a, b)
            how = phrase(
                "how.substitution-keypad" if near else "how.substitution", position=i + 1, old=a, new=b
            )
            return LookalikeKind.SUBSTITUTION, how, _RANK[LookalikeKind.SUBSTITUTION] - near
        if (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and query[diffs[0]] == official[diffs[1]]
            and query[diffs[1]] == official[diffs[0]]
        ):
            a, b = official[diffs[0]], official[diffs[1]]
            return (
                LookalikeKind.TRANSPOSITION,
                phrase("how.transposition", first=a, second=b),
                _RANK[LookalikeKind.TRANSPOSITION],
            )
        return None
    if lq == lo - 1:
        for i in range(lo):
            if official[:i] + official[i + 1 :] == query:
                where = _where(i, lo - 1)
                return (
                    LookalikeKind.OMISSION,
                    phrase("how.omission", digit=official[i], where_zh=where.zh, where_en=where.en),
                    _RANK[LookalikeKind.OMISSION],
                )
        return None
    if lq == lo + 1:
        for i in range(lq):
            if query[:i] + query[i + 1 :] == official:
                c = query[i]
                if (i > 0 and query[i - 1] == c) or (i + 1 < lq and query[i + 1] == c):
                    return (
                        LookalikeKind.REPETITION,
                        phrase("how.repetition", digit=c),
                        _RANK[LookalikeKind.REPETITION],
                    )
                where = _where(i, lq - 1)
                return (
                    LookalikeKind.INSERTION,
                    phrase("how.insertion", digit=c, where_zh=where.zh, where_en=where.en),
                    _RANK[LookalikeKind.INSERTION],
                )
    return None


def _edit_rank(query: str, official: str) -> tuple[LookalikeKind, int] | None:
    """What :func:`edit_kind` answers, kind and rank only: no words are written for the
    candidates that lose."""
    lq, lo = len(query), len(official)
    if lq == lo:
        first = -1
        second = -1
        for i in range(lq):
            if query[i] != official[i]:
                if first < 0:
                    first = i
                elif second < 0:
                    second = i
                else:
                    return None
        if first < 0:
            return None
        if second < 0:
            if first == 0 and lq == 10 and {query[:3], official[:3]} == {"400", "800"}:
                return LookalikeKind.PREFIX_SWAP, 0
            near = keypad_neighbours(official[first], query[first])
            return LookalikeKind.SUBSTITUTION, _RANK[LookalikeKind.SUBSTITUTION] - near
        if second == first + 1 and query[first] == official[second] and query[second] == official[first]:
            return LookalikeKind.TRANSPOSITION, _RANK[LookalikeKind.TRANSPOSITION]
        return None
    if lq == lo - 1:
        for i in range(lo):
            if official[:i] + official[i + 1 :] == query:
                return LookalikeKind.OMISSION, _RANK[LookalikeKind.OMISSION]
        return None
    if lq == lo + 1:
        for i in range(lq):
            if query[:i] + query[i + 1 :] == official:
                c = query[i]
                if (i > 0 and query[i - 1] == c) or (i + 1 < lq and query[i + 1] == c):
                    return LookalikeKind.REPETITION, _RANK[LookalikeKind.REPETITION]
                return LookalikeKind.INSERTION, _RANK[LookalikeKind.INSERTION]
    return None


_PREFIX = 3  # "400" / "800": numbers of one prefix are as far apart as their tails


def _tail_keys(n: str) -> list[str]:
    """A 400/800 number's prefix and its tail with one digit deleted, every way.

    Two 10-digit numbers that count as a moved digit (two edits, more than two positions
    changed) are one deletion and one insertion apart: two changed digits in place change
    only two positions. So they share one of these keys.
    """
    head, t = n[:_PREFIX], n[_PREFIX:]
    return [head + t[:i] + t[i + 1 :] for i in range(len(t))]


@functools.cache
def _levenshtein() -> Callable[..., int]:
    """rapidfuzz's edit distance, imported when first asked for (a ``from … import`` of a
    submodule costs a microsecond each time it runs)."""
    from rapidfuzz.distance import Levenshtein

    distance: Callable[..., int] = Levenshtein.distance
    return distance


def _likely_two_edits(query: str, official: str) -> bool:
    """A digit moved ("8898" → "8989": one dropped, one added, the digits between shifted) is a
    change a person misses at a glance. Two digits changed or swapped in place (4009888898
    against 4008888888) are as likely another company's real line, so they do not count."""
    if len(query) != len(official):
        raise ValueError("_likely_two_edits() compares numbers of one length")
    changed: int = sum(map(operator.ne, query, official))  # in C: a generator cost a fifth of within_two()
    return changed > 2


def _two_edits(query: str, official: str) -> Text:
    changed = [i + 1 for i in range(len(query)) if query[i] != official[i]][:4]
    places = [phrase("where.nth", position=i) for i in changed]
    return phrase(
        "how.two-edits",
        where_zh="、".join(p.zh for p in places),
        where_en=", ".join(p.en for p in places),
    )


def difference(query: str, official: str) -> Text:
    """How ``query`` differs from ``official``, in words (one edit only)."""
    found = edit_kind(query, official)
    if found is None:
        raise ValueError(f"{query} is not one edit away from {official}")
    return found[1]


def _collect(into: set[str], found: str) -> None:
    if " " in found:  # a key several numbers hold
        into.update(found.split(" "))
    else:
        into.add(found)


@attrs.frozen
class LookalikeIndex:
    """Finds official numbers one edit away from a number, and official prefixes."""

    _numbers: frozenset[str]
    # an official number or one of its deletions -> the official, or several in order, spaced: a
    # list of 100,000 numbers has a million keys, and a string (unlike a tuple each) costs neither
    # memory of its own nor work for the garbage collector (a dictionary of strings alone is never
    # tracked by it: with tuples, the first collection after a load walked every key)
    _near: Mapping[str, str]
    # a number's length -> the lengths of official numbers that embedded() tries at its start
    _heads: Mapping[int, tuple[int, ...]]
    # the keys of _near again, for near_any(): a set answers a miss from one probe of memory, a
    # dictionary of a million keys from two (a third of near_any's time on a large list)
    _keys: frozenset[str]
    # a number's length -> the first digits of the official numbers embedded() tries
    _embedded_heads: Mapping[int, frozenset[str]]
    _crowded: frozenset[str]

    @classmethod
    def build(cls, numbers: Iterable[str]) -> LookalikeIndex:
        # in the order given (a file's order is the order its strings lie in memory: a million
        # keys made in sorted order reached them at random), each number once
        given = dict.fromkeys(numbers)
        near: dict[str, str] = {}
        shared: dict[str, list[str]] = {}  # keys that several numbers hold, with those numbers
        put = near.setdefault  # one probe of the table per key: a number held already is another
        for n in given:
            if _edits_apply(n):
                # the number itself and each one-digit deletion of it: one look-up per key
                # then finds added, changed and swapped digits alike
                for key in {n, *[n[:i] + n[i + 1 :] for i in range(len(n))]}:
                    held = put(key, n)
                    if held is n:
                        continue
                    if key in shared:
                        shared[key].append(n)
                    else:
                        shared[key] = [held, n]
        crowded: set[str] = set()  # numbers that share a key with another
        for key, numbers_of_key in shared.items():
            numbers_of_key.sort()  # in the order of the numbers
            near[key] = " ".join(numbers_of_key)
            crowded.update(numbers_of_key)
        return cls.of(frozenset(given), near, crowded=frozenset(crowded))

    @classmethod
    def of(
        cls,
        official: frozenset[str],
        near: dict[str, str],
        /,
        *,
        crowded: frozenset[str] | None = None,
    ) -> LookalikeIndex:
        """The index of ``official`` over its keys ``near`` (as :meth:`build` makes them), with
        the look-up tables derived from them; ``crowded``: see :meth:`crowded`, when known."""
        heads_of: dict[int, set[str]] = {}  # an official number's length -> its first digits
        for n in official:
            if len(n) >= MIN_OFFICIAL and n.isdigit():  # _edits_apply()
                first = heads_of.get(len(n))
                if first is None:
                    first = heads_of[len(n)] = set()
                first.add(n[:_EMBEDDED_HEAD])
        lengths = sorted(heads_of)
        heads = {q: tuple(n for n in lengths if 2 <= q - n <= 6) for q in range(1, MAX_QUERY + 1)}
        starts: dict[int, set[str]] = {}  # a number's length -> _embedded_heads
        for length, first in heads_of.items():
            for extra in range(2, 7):
                starts.setdefault(length + extra, set()).update(first)
        if crowded is None:
            crowded = frozenset(o for held in near.values() if " " in held for o in held.split(" "))
        return cls(
            official,
            MappingProxyType(near),
            MappingProxyType({q: h for q, h in heads.items() if h}),
            frozenset(near),
            MappingProxyType({q: frozenset(h) for q, h in starts.items() if q <= MAX_QUERY}),
            crowded,
        )

    def __len__(self) -> int:
        return len(self._numbers)

    def crowded(self) -> frozenset[str]:
        """The official numbers that share a key with another: only these can have
        :meth:`neighbours` (two numbers one edit apart always share one)."""
        return self._crowded

    def __contains__(self, number: object) -> bool:
        return number in self._numbers

    def held(self, query: str, /) -> dict[str, str]:
        """The keys of ``query`` (itself and each one-digit deletion of it) that the index
        holds, with what each holds: the set of keys answers each key from one probe of memory,
        the larger dictionary is read only for the few it holds."""
        keys = [query[:i] + query[i + 1 :] for i in range(len(query))]
        keys.append(query)
        hits = self._keys.intersection(keys)
        if not hits:
            return {}
        near = self._near
        return {key: near[key] for key in hits}

    def within_two(self, query: str, /, *, held: Mapping[str, str] | None = None) -> list[Match]:
        """Official 10-digit 400/800 numbers ``query`` copies with one digit moved (400-988-8989
        against 400-988-8898): a rented number can differ that way and still pass a glance.
        ``held``: what :meth:`held` answers for ``query``, when already asked."""
        if len(query) != 10 or query in self._numbers:
            return []
        if held is None:
            held = self.held(query)
        keys = _tail_keys(query)
        found_any: set[str] = set()
        for key in keys:
            found = held.get(key)
            if found is not None:
                _collect(found_any, found)
        # the index files every deletion of every official: keep the 400/800 numbers of 10
        # digits and the query's prefix. Each shares a deletion of its tail with the query: it
        # was found under one of the query's tail keys (nine digits, so a deletion of it), and
        # a deletion in its first three digits that starts with those three digits is the
        # deletion of its fourth (the digits between are equal)
        head = query[:_PREFIX]
        candidates = {
            o for o in found_any if len(o) == 10 and o[:_PREFIX] == head and kind_of(o) in _RENTABLE_NATIONAL
        }
        if not candidates:
            return []
        distance = _levenshtein()  # only for the few queries that get this far
        return [
            Match(official, LookalikeKind.TWO_EDITS, _RANK[LookalikeKind.TWO_EDITS], query)
            for official in sorted(candidates)
            if distance(query, official, score_cutoff=2) == 2 and _likely_two_edits(query, official)
        ]

    def near_any(self, query: str, /) -> bool:
        """Whether :meth:`nearest`, :meth:`within_two` or :meth:`embedded` could find anything
        for ``query``: a few set look-ups, so that most numbers skip the search. ``False`` is
        exact; ``True`` may be a false alarm (the search then decides)."""
        keys = self._keys
        if query[:1] == "+":  # keys are digits: only the deletion of the "+" can be one
            return query[1:] in keys
        # a 400/800 number's moved-digit keys are among its deletions: one set holds every key
        if query in keys or not keys.isdisjoint([query[:i] + query[i + 1 :] for i in range(len(query))]):
            return True
        return self._starts_official(query)

    def probe(self, query: str, /) -> dict[str, str] | None:
        """``None`` where :meth:`near_any` says ``False``; else what :meth:`held` answers (one
        reading of the keys serves the question and the search)."""
        if query[:1] == "+":
            return self.held(query) if query[1:] in self._keys else None
        held = self.held(query)
        return held if held or self._starts_official(query) else None

    def _starts_official(self, query: str, /) -> bool:
        """Whether ``query`` may start with an official number :meth:`embedded` finds."""
        n = len(query)
        if query[:_EMBEDDED_HEAD] not in self._embedded_heads.get(n, ()):
            return False
        numbers = self._numbers
        for length in self._heads[n]:  # noqa: SIM110 - quicker than any() over a generator
            if query[:length] in numbers:
                return True
        return False

    def neighbours(self, query: str, /) -> list[Match]:
        """Every official number one edit away from ``query``, likeliest first."""
        return [Match(official, kind, rank, query) for rank, official, kind in self._ranked(query)]

    def nearest(
        self,
        query: str,
        /,
        *,
        prefer: Callable[[str], bool] | None = None,
        held: Mapping[str, str] | None = None,
    ) -> Match | None:
        """The first of :meth:`neighbours`, or the first that ``prefer`` accepts if any does;
        only the chosen candidate becomes a :class:`Match`. ``held``: see :meth:`within_two`."""
        ranked = self._ranked(query, held)
        if not ranked:
            return None
        if prefer is not None:
            for rank, official, kind in ranked:
                if prefer(official):
                    return Match(official, kind, rank, query)
        rank, official, kind = ranked[0]
        return Match(official, kind, rank, query)

    def _ranked(
        self, query: str, held: Mapping[str, str] | None = None
    ) -> list[tuple[int, str, LookalikeKind]]:
        # the query itself (it lost a digit) and its deletions (it gained, changed or swapped one)
        candidates: set[str] = set()
        for found in (self.held(query) if held is None else held).values():
            _collect(candidates, found)
        candidates.discard(query)
        ranked = []
        for official in candidates:
            edit = _edit_rank(query, official)
            if edit is not None:
                ranked.append((edit[1], official, edit[0]))
        if len(ranked) > 1:
            ranked.sort(key=_rank_order)
        return ranked

    def find(self, query: str, /) -> Match | None:
        """The official number ``query`` most likely imitates, or ``None``."""
        if len(query) < MIN_VARIANT or query in self._numbers:
            return None
        near = self.neighbours(query)
        return near[0] if near else self.embedded(query)

    def embedded(self, query: str, /) -> Match | None:
        """An official number that ``query`` starts with, followed by a few more digits."""
        for length in self._heads.get(len(query), ()):
            if query[:length] in self._numbers:
                return Match(query[:length], LookalikeKind.EMBEDDED, _RANK[LookalikeKind.EMBEDDED], query)
        return None
