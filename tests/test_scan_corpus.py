"""scan() on the adversarial corpus: one test per group, and the overall bar.

The bar is issue 13's: recall at least 0.98, precision at least 0.99, no non-number
judged official, no scam number missed or judged official, on the messages the scanner
was developed against (dev and holdout). holdout2 was written after the scanner was
tuned; its floors keep what its first look measured from falling (docs/scan.md).
"""

from __future__ import annotations

import functools

import pytest
import scan_corpus as sc


@functools.cache
def _scores(*splits: str) -> dict[str, sc.GroupScore]:
    records = [r for split in splits for r in sc.load(split)]
    return sc.score(sc.from_scan, records)


TUNED = ("dev", "holdout")


@pytest.mark.parametrize("group", sc.GROUPS)
def test_each_group_meets_the_bar(group: str) -> None:
    s = _scores(*TUNED)[group]
    assert s.non_numbers_official == 0, s
    assert s.scams_missed_or_official == 0, s
    assert s.precision >= 0.99, s
    assert s.recall >= (0.97 if group in ("verdict", "hostile") else 0.98), s


def test_the_corpus_meets_the_bar() -> None:
    s = _scores(*TUNED)["all"]
    assert s.precision >= 0.99 and s.recall >= 0.98, s
    assert s.status_agreement is not None and s.status_agreement >= 0.95, s


def test_the_messages_written_after_tuning_keep_their_first_measure() -> None:
    s = _scores("holdout2")["all"]
    assert s.non_numbers_official == 0, s
    assert s.precision >= 0.98 and s.recall >= 0.9, s
    assert s.scams_missed_or_official <= 3, s


def test_the_matcher_is_scored_on_the_same_messages() -> None:
    matcher = sc.score_matcher([r for split in TUNED for r in sc.load(split)])["all"]
    ours = _scores(*TUNED)["all"]
    assert matcher.expected == ours.expected and ours.recall > matcher.recall
