"""The adversarial scan corpus is well formed (the corpus itself, not scan()'s accuracy)."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from typing import Any

import pytest
import scan_corpus as sc
from helpers import ROOT

RAW = {split: (sc.CORPUS / f"{split}.jsonl").read_text("utf-8").splitlines() for split in sc.SPLITS}
RECORDS = {split: sc.load(split) for split in sc.SPLITS}
ALL = [r for split in sc.SPLITS for r in RECORDS[split]]
DATA = json.loads((ROOT / "data" / "official_numbers.json").read_text("utf-8"))
ACTIVE = {n["number"] for n in DATA["numbers"] if n["status"] == "active"}
NUMBER = re.compile(r"\+?\d{3,17}")


def _split_script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "split_scan_corpus", ROOT / "scripts" / "split_scan_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("split", sc.SPLITS)
def test_every_line_is_one_record_with_the_documented_keys(split):
    for line in RAW[split]:
        raw = json.loads(line)
        assert list(raw) == ["id", "group", "text", "findings", "note"], raw.get("id")
        for finding in raw["findings"]:
            assert list(finding) == ["text", "number", "status", "claimed"], raw["id"]


def test_ids_are_unique_and_name_their_group():
    ids = Counter(r.id for r in ALL)
    assert [i for i, n in ids.items() if n > 1] == []
    for r in ALL:
        assert r.group in sc.GROUPS and re.fullmatch(rf"{r.group}-\d{{3}}", r.id), r.id


def test_texts_are_unique_and_notes_are_one_line():
    texts = Counter(r.text for r in ALL)
    assert [t for t, n in texts.items() if n > 1] == []
    for r in ALL:
        assert r.text.strip() and r.note.strip() and "\n" not in r.note, r.id


def test_every_finding_is_a_substring_in_text_order():
    for r in ALL:
        spans = r.spans()  # raises when a finding is not in the text after the one before it
        assert [r.text[a:b] for a, b in spans] == [f.text for f in r.findings]


def test_statuses_and_numbers_are_well_formed():
    for r in ALL:
        for f in r.findings:
            assert f.status in sc.STATUSES, r.id
            if f.status == "invalid":
                assert f.number is None, r.id
            else:
                assert f.number is not None and NUMBER.fullmatch(f.number), (r.id, f.number)
                assert not f.number.startswith(("86", "+86", "0086")), (r.id, f.number)


def test_a_claim_is_in_the_words_of_the_text():
    for r in ALL:
        for f in r.findings:
            assert f.claimed is None or f.claimed in r.text, (r.id, f.claimed)


def test_official_expectations_are_active_entries_of_the_data():
    for r in ALL:
        for f in r.findings:
            if f.status == "official":
                assert f.number in ACTIVE, (r.id, f.number)


def test_unknown_and_unofficial_expectations_are_not_official_numbers():
    for r in ALL:
        for f in r.findings:
            if f.status in ("unknown", "unofficial"):
                assert f.number not in ACTIVE, (r.id, f.number)


def test_enough_messages_in_balanced_groups():
    sizes = Counter(r.group for r in ALL)
    assert len(ALL) >= 300
    assert set(sizes) == set(sc.GROUPS)
    assert min(sizes.values()) >= 60
    assert max(sizes.values()) <= 1.5 * min(sizes.values())


def test_traps_hold_numerals_and_disguised_messages_hold_numbers():
    for r in ALL:
        if r.group == "traps":
            assert any(c.isdigit() or c in "〇零一幺二两三四五六七八九十百千万" for c in r.text), r.id
        if r.group == "disguised":
            assert r.findings, r.id


def test_each_group_is_split_about_70_30_by_the_seeded_script():
    for group in sc.GROUPS:
        held = sum(r.group == group for r in RECORDS["holdout"])
        total = sum(r.group == group for r in ALL)
        assert 0.25 <= held / total <= 0.35, group
    expected = _split_script().split([json.loads(line) for split in sc.SPLITS for line in RAW[split]])
    for split in sc.SPLITS:
        assert [r["id"] for r in expected[split]] == [r.id for r in RECORDS[split]]


@pytest.mark.parametrize(
    ("expected", "found", "same"),
    [
        ("95588", "95588", True),
        ("95588", "+95588", True),
        ("95566", "01095566", True),
        ("96110", "057196110", True),
        ("95588", "9558888", False),
        ("4001234567", "4001234568", False),
        ("01082628888", "1082628888", False),
        (None, None, True),
        (None, "95588", False),
    ],
)
def test_same_number_accepts_only_prefixes_in_front(expected, found, same):
    assert sc.same_number(expected, found) is same


def test_score_counts_matches_misses_and_official_non_numbers():
    record = sc.Record(
        "verdict-999",
        "verdict",
        "转10000到安全账户，淘宝客服 400-123-4567",
        (sc.Expected("400-123-4567", "4001234567", "unofficial", "淘宝"),),
        "a trap and a scam",
    )
    fake = sc.Found(1, 6, "10000", "10000", "official")
    scam = sc.Found(16, 28, "400-123-4567", "4001234567", "official")
    s = sc.score(lambda text: [fake, scam], [record])["verdict"]
    assert (s.found, s.matched, s.precision, s.recall) == (2, 1, 0.5, 1.0)
    assert (s.non_numbers_official, s.scams_missed_or_official, s.status_agreement) == (1, 1, 0.0)
    missed = sc.score(lambda text: [], [record])["all"]
    assert (missed.recall, missed.precision, missed.scams_missed_or_official) == (0.0, 1.0, 1)
