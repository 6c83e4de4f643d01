"""The adversarial scan corpus: read it, and score a number finder against it.

The corpus lives in ``tests/data/scan_corpus/`` (``dev.jsonl`` and ``holdout.jsonl``, see
the README there). A finder is any function from a message to the numbers it finds;
:func:`from_scan` and :func:`from_matcher` adapt ``hotline_verify.scan`` and
``phonenumbers.PhoneNumberMatcher``.

A found number matches an expected one when its text is exactly the expected text and
its digits are the expected number (see :func:`same_number`). Matching is one to one, in text order, so a
number written twice must be found twice.

>>> records = load("dev")
>>> scores = score(from_scan, records)
>>> sorted(scores) == sorted((*GROUPS, "all"))
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs
import phonenumbers

import hotline_verify as hv

__all__ = [
    "CORPUS",
    "GROUPS",
    "SCAM_STATUSES",
    "SPLITS",
    "Expected",
    "Found",
    "GroupScore",
    "Record",
    "from_matcher",
    "from_scan",
    "load",
    "same_number",
    "score",
    "score_matcher",
]

CORPUS = Path(__file__).resolve().parent / "data" / "scan_corpus"
GROUPS = ("traps", "disguised", "verdict", "hostile")
SPLITS = ("dev", "holdout")
STATUSES = ("official", "lookalike", "unofficial", "unknown", "invalid")
SCAM_STATUSES = frozenset({"lookalike", "unofficial"})


@attrs.frozen
class Expected:
    """A number the message holds, as the corpus expects it to be judged."""

    text: str
    number: str | None
    status: str
    claimed: str | None


@attrs.frozen
class Record:
    id: str
    group: str
    text: str
    findings: tuple[Expected, ...]
    note: str

    def spans(self) -> list[tuple[int, int]]:
        """Where each expected finding lies: the first place at or after the previous one."""
        out: list[tuple[int, int]] = []
        at = 0
        for f in self.findings:
            start = self.text.find(f.text, at)
            if start < 0:
                raise ValueError(f"{self.id}: {f.text!r} is not in the text after position {at}")
            out.append((start, start + len(f.text)))
            at = start + len(f.text)
        return out


@attrs.frozen
class Found:
    """A number a finder reported: where, its digits (``None`` if unreadable) and its status.

    ``status`` is ``None`` when the finder gives no verdict.
    """

    start: int
    end: int
    text: str
    number: str | None
    status: str | None = None


@attrs.frozen
class GroupScore:
    """How a finder did on one group (or on ``"all"``).

    ``precision`` and ``recall`` are 1.0 when there was nothing to find or nothing found.
    ``status_agreement`` is the share of matched numbers given the expected status;
    ``non_numbers_official`` counts findings judged official that overlap no expected
    number; ``scams_missed_or_official`` counts expected lookalike or unofficial numbers
    that were not found or were judged official. The last three are ``None`` when the
    finder gives no verdicts (``scams_missed_or_official`` then counts the misses only).
    """

    group: str
    messages: int
    expected: int
    found: int
    matched: int
    precision: float
    recall: float
    status_agreement: float | None
    non_numbers_official: int | None
    scams_missed_or_official: int


def load(split: str, /) -> list[Record]:
    """The records of ``split`` ("dev", "holdout" or "holdout2"), in file order."""
    if split not in (*SPLITS, "holdout2"):
        raise ValueError(f"split must be one of {(*SPLITS, 'holdout2')}, not {split!r}")
    path = CORPUS / f"{split}.jsonl"
    records = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        findings = tuple(Expected(f["text"], f["number"], f["status"], f["claimed"]) for f in raw["findings"])
        records.append(Record(raw["id"], raw["group"], raw["text"], findings, raw["note"]))
    return records


def same_number(expected: str | None, found: str | None, /) -> bool:
    """Whether a found number is the expected one.

    The corpus writes a spoof form by the official number it imitates ("+95588" and
    "010-95566" expect 95588 and 95566) and a local number by its short code ("0571-96110"
    expects 96110), so a reading that only adds an area code, ``00`` or ``+`` in front of
    the expected digits counts too.
    """
    if expected == found:
        return True
    if expected is None or found is None or expected.startswith(("0", "+")):
        return False
    return found.endswith(expected) and found.startswith(("0", "+")) and len(found) > len(expected)


def from_scan(text: str, /) -> list[Found]:
    """What ``hotline_verify.scan`` finds in ``text``."""
    return [
        Found(f.start, f.end, f.text, f.verdict.normalized, f.verdict.status.value) for f in hv.scan(text)
    ]


def _matcher_number(number: phonenumbers.PhoneNumber) -> str:
    if number.country_code == 86:
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return "".join(c for c in national if c.isdigit())
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def from_matcher(text: str, /) -> list[Found]:
    """What ``phonenumbers.PhoneNumberMatcher(text, "CN")`` finds (no verdicts)."""
    return [
        Found(m.start, m.end, m.raw_string, _matcher_number(m.number))
        for m in phonenumbers.PhoneNumberMatcher(text, "CN")
    ]


@attrs.define
class _Tally:
    judged: bool
    messages: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    same_status: int = 0
    non_numbers_official: int = 0
    scams_missed_or_official: int = 0

    def add(self, record: Record, found: Sequence[Found]) -> None:
        self.messages += 1
        self.expected += len(record.findings)
        self.found += len(found)
        used: set[int] = set()
        for want in record.findings:
            hit = next(
                (
                    i
                    for i, got in enumerate(found)
                    if i not in used and got.text == want.text and same_number(want.number, got.number)
                ),
                None,
            )
            if hit is None:
                if want.status in SCAM_STATUSES:
                    self.scams_missed_or_official += 1
                continue
            used.add(hit)
            self.matched += 1
            status = found[hit].status
            self.same_status += status == want.status
            if want.status in SCAM_STATUSES and status == "official":
                self.scams_missed_or_official += 1
        # a number judged official that matches no expected finding is a non-number (an expected
        # number's text can also occur earlier in a trap, so matching, not position, decides)
        self.non_numbers_official += sum(
            1 for i, got in enumerate(found) if got.status == "official" and i not in used
        )

    def result(self, group: str) -> GroupScore:
        return GroupScore(
            group=group,
            messages=self.messages,
            expected=self.expected,
            found=self.found,
            matched=self.matched,
            precision=self.matched / self.found if self.found else 1.0,
            recall=self.matched / self.expected if self.expected else 1.0,
            status_agreement=(self.same_status / self.matched if self.matched else 1.0)
            if self.judged
            else None,
            non_numbers_official=self.non_numbers_official if self.judged else None,
            scams_missed_or_official=self.scams_missed_or_official,
        )


def score(
    findings_fn: Callable[[str], Sequence[Found]], records: Iterable[Record], /, *, verdicts: bool = True
) -> dict[str, GroupScore]:
    """Scores per group, in :data:`GROUPS` order, then ``"all"``.

    ``verdicts=False`` for a finder that only finds (its statuses are not scored).
    """
    tallies = {group: _Tally(verdicts) for group in GROUPS}
    total = _Tally(verdicts)
    for record in records:
        found = list(findings_fn(record.text))
        tallies[record.group].add(record, found)
        total.add(record, found)
    return {**{g: t.result(g) for g, t in tallies.items()}, "all": total.result("all")}


def score_matcher(records: Iterable[Record], /) -> dict[str, GroupScore]:
    """:func:`score` for ``phonenumbers.PhoneNumberMatcher`` (a finding is a match)."""
    return score(from_matcher, records, verdicts=False)
