"""Score scan() and phonenumbers.PhoneNumberMatcher on the adversarial scan corpus.

    python benchmarks/score_scan_corpus.py [--split dev|holdout]

Prints one Markdown table per group (traps, disguised, verdict, hostile, then all of
them), a row for each finder. The matcher gives no verdicts, so its status columns are
empty and its scam column counts the numbers it missed. Keep the holdout for a last look:
tune on dev.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the corpus and its scorer

import scan_corpus as sc

HEADER = (
    "| finder | messages | expected | found | matched | precision | recall | status agrees "
    "| non-numbers official | scams missed or official |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def _optional(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def row(name: str, s: sc.GroupScore) -> str:
    return (
        f"| {name} | {s.messages} | {s.expected} | {s.found} | {s.matched} | {s.precision:.3f} "
        f"| {s.recall:.3f} | {_optional(s.status_agreement, '.3f')} | {_optional(s.non_numbers_official, 'd')} "
        f"| {s.scams_missed_or_official} |"
    )


def tables(split: str) -> str:
    records = sc.load(split)
    finders = {
        "hotline_verify.scan": sc.score(sc.from_scan, records),
        "PhoneNumberMatcher": sc.score_matcher(records),
    }
    out = []
    for group in (*sc.GROUPS, "all"):
        out.append(f"### {group} ({split})\n\n{HEADER}")
        out.extend(row(name, scores[group]) for name, scores in finders.items())
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sc.SPLITS, default="dev")
    args = parser.parse_args(argv)
    print(tables(args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
