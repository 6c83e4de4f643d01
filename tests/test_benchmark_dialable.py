"""The public benchmark: its labelled set is complete and sourced, and its scorer still runs."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "benchmarks" / "labelled_numbers.csv"


def _rows() -> list[dict[str, str]]:
    with CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_labelled_set_has_every_class_and_a_followable_source_per_row() -> None:
    rows = _rows()
    assert len(rows) >= 1000
    classes = {r["class"] for r in rows}
    assert {"official", "reported-fake", "spoof-form", "unlisted-real", "random-rentable"} <= classes
    for r in rows:
        assert r["dial"] in ("yes", "no"), r["id"]
        if r["source_kind"] == "generator":
            assert r["class"] == "random-rentable" and r["path"] == "benchmarks/build_labelled.py"
        elif r["url"]:
            assert r["url"].startswith(("http://", "https://")), r["id"]
        else:
            assert r["repo"] and r["path"] and re.fullmatch(r"[0-9a-f]{40}", r["commit"]), r["id"]
    assert len({r["id"] for r in rows}) == len(rows)


def test_labels_agree_with_the_classes() -> None:
    for r in _rows():
        assert (r["dial"] == "yes") == (r["class"] in ("official", "unlisted-real")), r["id"]


def test_the_scorer_runs_on_twenty_rows(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "score_dialable.py"), "--limit", "20"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("| class | rows | hotline_verify precision")
    (total,) = [line for line in lines if line.startswith("| all |")]
    assert total.split("|")[2].strip() == "20"
