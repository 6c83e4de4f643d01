"""Compare the data file with a metowolf/vCards checkout, so a maintainer can keep up.

    python scripts/compare_vcards.py PATH/TO/vCards [--data data/official_numbers.json]

Reports, one line each and sorted: mainland numbers the list carries that the data
file neither lists nor documents (as retired, wrongly attributed or left out), numbers
the data file cites from the list that the list no longer carries, and conflicts (a
number the list gives to one organisation and the data file to another). Exit code 1
when anything is reported. Settle a conflict by hand: the weaker side goes to
``wrong_attributions`` with both sources.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_vcards import DATA, REPO, mainland, phones


def compare(checkout: Path, data_path: Path) -> list[str]:
    data = json.loads(data_path.read_text("utf-8"))
    ours = {e["number"]: e for e in data["numbers"]}
    groups = {o["id"]: o.get("group") for o in data["organisations"]}
    wrong = {(w["number"], w["attributed_to"]) for w in data.get("wrong_attributions", ())}
    left = {x["number"] for x in data.get("left_out", ())}
    theirs: dict[str, str] = {}
    lines = []
    for org, org_id, raw, _label in phones(checkout):
        name = org["name"]
        canonical, why = mainland(raw)
        if canonical is None:
            if why != "outside mainland China" and raw not in left:
                lines.append(f"undocumented: {raw} ({name}) is not a mainland number and not in left_out")
            continue
        theirs[canonical] = name
        entry = ours.get(canonical)
        if entry is None:
            lines.append(f"missing here: {canonical} ({name})")
        elif (
            org_id is not None
            and (canonical, org_id) not in wrong
            and entry["org"] != org_id
            and groups.get(entry["org"]) != org_id
        ):
            lines.append(f"conflict: {canonical} is {entry['org']} here, {name} in the list")
    for number, entry in ours.items():
        cites = any(s.get("repo") == REPO for s in entry["sources"])
        if cites and number not in theirs:
            lines.append(
                f"missing there: {number} ({entry['org']}) is cited from the list but no longer in it"
            )
    return sorted(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    lines = compare(args.checkout, args.data)
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
