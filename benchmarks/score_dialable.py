"""Score "would you dial it for this organisation" on benchmarks/labelled_numbers.csv.

Two answers are compared with the label (column ``dial``):

- **hotline_verify**: dial iff ``verify(number, claimed=organisation)`` is ``official`` and the number
  belongs to the organisation asked about;
- **phonenumbers**: dial iff ``is_valid_number`` or ``is_valid_short_number`` (region CN) says the number
  is valid: the answer of a validity check that knows no organisation.

Prints a Markdown table per class and overall: rows, precision and recall of "dial", accuracy.
Precision or recall with nothing to count shows as "–".

    python benchmarks/score_dialable.py [--limit N] [CSV]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import phonenumbers

import hotline_verify as hv

HERE = Path(__file__).resolve().parent
CLASSES = [
    "official",
    "official-other-org",
    "reported-fake",
    "spoof-form",
    "unlisted-real",
    "random-rentable",
]


def dial_hotline_verify(number: str, organisation: str) -> bool:
    v = hv.verify(number, claimed=organisation)
    if v.status is not hv.Status.OFFICIAL or v.org is None:
        return False
    asked = hv.packaged_allowlist().resolve_org(organisation)
    return asked is not None and (asked.id == v.org.id or "group-line" in v.codes)


def dial_phonenumbers(number: str, organisation: str) -> bool:
    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed) or phonenumbers.is_valid_short_number(parsed))


SYSTEMS: dict[str, Callable[[str, str], bool]] = {
    "hotline_verify": dial_hotline_verify,
    "phonenumbers": dial_phonenumbers,
}


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "–"


def score(rows: Sequence[dict[str, str]]) -> str:
    """The Markdown table for ``rows``."""
    groups = {c: [r for r in rows if r["class"] == c] for c in CLASSES}
    groups = {c: g for c, g in groups.items() if g}
    groups["all"] = list(rows)
    answers = {
        name: {r["id"]: fn(r["number"], r["organisation"]) for r in rows} for name, fn in SYSTEMS.items()
    }
    head = (
        "| class | rows | "
        + " | ".join(f"{name} precision | {name} recall | {name} accuracy" for name in SYSTEMS)
        + " |"
    )
    lines = [head, "|" + "---|" * (2 + 3 * len(SYSTEMS))]
    for cls, group in groups.items():
        cells = [cls, str(len(group))]
        for name in SYSTEMS:
            said = answers[name]
            tp = sum(1 for r in group if said[r["id"]] and r["dial"] == "yes")
            fp = sum(1 for r in group if said[r["id"]] and r["dial"] == "no")
            fn = sum(1 for r in group if not said[r["id"]] and r["dial"] == "yes")
            right = sum(1 for r in group if said[r["id"]] == (r["dial"] == "yes"))
            cells += [_ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(right, len(group))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Score dial-or-not answers on the labelled numbers.")
    p.add_argument("csv", nargs="?", type=Path, default=HERE / "labelled_numbers.csv")
    p.add_argument("--limit", type=int, help="score only the first N rows (a smoke run)")
    args = p.parse_args(argv)
    with args.csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if args.limit is not None:
        rows = rows[: args.limit]
    sys.stdout.write(score(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
