"""Split the scan corpus into a dev part and a holdout part, group by group.

    python scripts/split_scan_corpus.py [--check]

Reads every record of ``tests/data/scan_corpus/dev.jsonl`` and ``holdout.jsonl``, and in
each group shuffles the ids (sorted first) with a generator seeded by ``SEED`` and the
group's name: the first ``HOLDOUT_SHARE`` of them (rounded) go to the holdout, the rest to
dev. Both files are written back sorted by id. The split depends only on the set of ids,
so running it twice changes nothing; adding or removing a record reshuffles its group.
``--check`` only says whether the files are split this way.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "scan_corpus"
SPLITS = ("dev", "holdout")
SEED = 20261130
HOLDOUT_SHARE = 0.3


def read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def split(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The records of each split, sorted by id."""
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_group[record["group"]].append(record)
    parts: dict[str, list[dict[str, Any]]] = {name: [] for name in SPLITS}
    for group, members in sorted(by_group.items()):
        members.sort(key=lambda r: r["id"])
        order = list(range(len(members)))
        random.Random(f"{SEED}:{group}").shuffle(order)
        held = set(order[: round(len(members) * HOLDOUT_SHARE)])
        for i, record in enumerate(members):
            parts["holdout" if i in held else "dev"].append(record)
    for part in parts.values():
        part.sort(key=lambda r: r["id"])
    return parts


def dump(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 when the split differs")
    args = parser.parse_args(argv)
    records = [r for name in SPLITS for r in read(CORPUS / f"{name}.jsonl")]
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        print("duplicate ids in the corpus", file=sys.stderr)
        return 2
    parts = split(records)
    stale = [name for name in SPLITS if read(CORPUS / f"{name}.jsonl") != parts[name]]
    if args.check:
        for name in stale:
            print(f"{name}.jsonl is not split by {Path(__file__).name}", file=sys.stderr)
        return 1 if stale else 0
    for name in SPLITS:
        (CORPUS / f"{name}.jsonl").write_text(dump(parts[name]), "utf-8")
    print(", ".join(f"{name}: {len(parts[name])}" for name in SPLITS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
