"""Build benchmarks/labelled_numbers.csv: numbers labelled "would you dial it for this organisation".

Run from the repository root with a checkout of the community list metowolf/vCards::

    python benchmarks/build_labelled.py --vcards PATH/TO/vCards --commit SHA

Classes (column ``class``):

- ``official``: every active number of data/official_numbers.json, for its organisation (dial);
- ``official-other-org``: the same numbers asked for another organisation of the list (do not dial);
- ``reported-fake``: numbers that police or news reports name as fake customer-service lines (do not dial);
- ``spoof-form``: an official short code written the way a spoofed caller ID shows it, labelled by the rule
  it breaks and citing a report that describes that form (do not dial);
- ``unlisted-real``: service lines the community list carries and our list does not (dial);
- ``random-rentable``: random 400/800 numbers and mobiles from a fixed seed, not in either list, asked
  for an organisation of the list (do not dial; the source is this generator).

The output is sorted and stable: the same inputs give the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "labelled_numbers.csv"
SEED = 20261130
FIELDS = [
    "id",
    "number",
    "organisation",
    "class",
    "dial",
    "rule",
    "source_kind",
    "url",
    "repo",
    "path",
    "commit",
    "says",
    "read",
]
READ = "2026-11-30"
VCARDS_REPO = "metowolf/vCards"

# Reports read for this benchmark; each fake is stated in the report named here.
FAKES: list[dict[str, str]] = [
    {
        "number": "4008111858",
        "organisation": "中国南方航空",
        "source_kind": "secondary",
        "url": "http://xf4.org/misc/language?language_id=7&redirect=http%3A%2F%2Fxf4.org%2Fthreads%2F18430%2F",
        "says": "Forum reprint of a 2012 China National Radio report: a search engine listed this as China Southern's "
        "service line; the airline's own hotline told the reporter it was not theirs.",
    },
    {
        "number": "4008110182",
        "organisation": "中国南方航空",
        "source_kind": "secondary",
        "url": "http://xf4.org/misc/language?language_id=7&redirect=http%3A%2F%2Fxf4.org%2Fthreads%2F18430%2F",
        "says": "Same report: a second search-result number for China Southern that the airline said was fake.",
    },
    {
        "number": "4006691039",
        "organisation": "航空公司",
        "source_kind": "secondary",
        "url": "http://uvdai.cn/shyf/fajiedongtai/2015-03-29/337610.html",
        "says": "Reprint of a 2015 China News Service story: Fuzhou police name this as a so-called airline service "
        "number used in flight-cancellation scams, not an airline's hotline.",
    },
    {
        "number": "4008123213",
        "organisation": "航空公司",
        "source_kind": "secondary",
        "url": "http://uvdai.cn/shyf/fajiedongtai/2015-03-29/337610.html",
        "says": "Same police warning: another airline service number that is not an airline's hotline.",
    },
    {
        "number": "4000779995",
        "organisation": "网店客服",
        "source_kind": "news",
        "url": "http://finance.people.com.cn/n/2014/1207/c1004-26163031.html",
        "says": "Xinhua story on People's Daily Online: Jiangsu police report a call from this number posing as an "
        "online shop's staff that cost the victim nearly 20,000 yuan.",
    },
    {
        "number": "4006310081",
        "organisation": "税务机关",
        "source_kind": "secondary",
        "url": "http://f99ss.com/why/3019878.html",
        "says": "Reprint of a Tianjin police warning: a caller gave this as the tax office's service line in a fake "
        "tax-refund scam.",
    },
    {
        "number": "01066279113",
        "organisation": "京东",
        "source_kind": "secondary",
        "url": "https://www.fensifuwu.com/emotion/me/2c5c2b0dae9671aeb3a574aae33ea143.html",
        "says": "Reprint of a Rizhao police warning: a caller from this Beijing landline posed as JD customer "
        "service and took 29,400 yuan.",
    },
    {
        "number": "4008225355",
        "organisation": "中国南方航空",
        "source_kind": "secondary",
        "url": "http://english.lyltdxg.com/news_show.aspx?id=190",
        "says": "Republished news story: a scam SMS gave this as China Southern's service number; the flight was "
        "not cancelled and the number was not the airline's.",
    },
]

# Reports that describe a spoof form of a bank's short code.
SPOOF_REPORTS = {
    "qilu": {
        "source_kind": "news",
        "url": "https://epaper.qlwb.com.cn/qlwb/content/20141218/ArticelW06009FM.htm",
        "says": "Qilu Evening News, 2014: police warn not to trust calls showing an area code before a 955xx "
        "bank number or a + before it.",
    },
    "icbc": {
        "source_kind": "secondary",
        "url": "http://m.4fhk.cn/content/2015-01/27/content_158453.htm",
        "says": "Reprint of an ICBC Guangxi branch warning: fake calls and texts dress up as 00095588, "
        "40095588, +8695588 or an area code before 95588.",
    },
}
# rule -> (how the official digits are dressed up, which report describes it)
SPOOF_RULES = {
    "area-code": (lambda n: "010" + n, "qilu"),
    "area-code-021": (lambda n: "021" + n, "qilu"),
    "plus-prefix": (lambda n: "+" + n, "qilu"),
    "zero-prefix": (lambda n: "000" + n, "icbc"),
    "400-prefix": (lambda n: "400" + n, "icbc"),
}


def _followable(entry: dict[str, Any]) -> dict[str, str] | None:
    """The entry's own source a reader can follow: url, repo file, or an address inside its ``where``."""
    ranked = sorted(
        entry["sources"],
        key=lambda s: (
            ["official-site", "government", "news"].index(s["kind"])
            if s["kind"] in ("official-site", "government", "news")
            else 9
        ),
    )
    for s in ranked:
        if s.get("url") or s.get("repo"):
            return {
                "source_kind": s["kind"],
                "url": s.get("url", ""),
                "repo": s.get("repo", ""),
                "path": s.get("path", ""),
                "commit": s.get("commit", ""),
                "read": s.get("read", READ),
            }
        found = re.search(r"https?://[^\s)）]+", s.get("where", ""))
        if found:
            return {"source_kind": s["kind"], "url": found.group(), "read": s.get("read", READ)}
    return None


def _vcards(root: Path) -> Iterator[tuple[str, str, str]]:
    """(organisation, path, canonical digits) for every mainland number of the community list."""
    for path in sorted(root.glob("data/*/*.yaml")):
        basic = yaml.safe_load(path.read_text("utf-8")).get("basic", {})
        for key, values in basic.items():
            if "phone" not in key.lower():
                continue
            for value in values or ():
                raw = str(value.get("phone", "") if isinstance(value, dict) else value)
                digits = _mainland(raw)
                if digits:
                    yield basic["organization"], str(path.relative_to(root)), digits


def _mainland(raw: str) -> str | None:
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
        if len(digits) > 8 and not digits.startswith(("1", "400", "800")):
            digits = "0" + digits
    if not digits.isdigit():
        return None
    return digits


def rows(vcards: Path, commit: str) -> list[dict[str, str]]:
    data = json.loads((ROOT / "data" / "official_numbers.json").read_text("utf-8"))
    orgs = {o["id"]: o for o in data["organisations"]}
    active = [n for n in data["numbers"] if n["status"] == "active"]
    listed = {n["number"] for n in data["numbers"]} | {f["number"] for f in data["known_fakes"]}
    listed |= {w["number"] for w in data["wrong_attributions"]}  # disputed: no ground truth either way
    community = list(_vcards(vcards))
    in_community = {d: (org, path) for org, path, d in community}
    out: list[dict[str, str]] = []

    def add(**row: str) -> None:
        out.append({k: row.get(k, "") for k in FIELDS})

    # official, and the same numbers asked for the next organisation of the list
    org_ids = list(orgs)
    for n in active:
        src = _followable(n)
        if src is None and n["number"] in in_community:
            _, path = in_community[n["number"]]
            src = {
                "source_kind": "community-list",
                "repo": VCARDS_REPO,
                "path": path,
                "commit": commit,
                "read": READ,
            }
        if src is None:
            print(f"skipped {n['number']}: no followable source", file=sys.stderr)
            continue
        name = orgs[n["org"]]["name"]["zh"]
        add(
            number=n["number"],
            organisation=name,
            **{"class": "official"},
            dial="yes",
            says=(f"Gives {n['number']} as a number of {orgs[n['org']]['name']['en']}."),
            **src,
        )
        # the next organisation of another group: a sister company may share a line
        at = org_ids.index(n["org"])
        group = orgs[n["org"]].get("group") or n["org"]
        other = next(
            orgs[org_ids[(at + k) % len(org_ids)]]
            for k in range(1, len(org_ids))
            if (orgs[org_ids[(at + k) % len(org_ids)]].get("group") or org_ids[(at + k) % len(org_ids)])
            != group
        )
        add(
            number=n["number"],
            organisation=other["name"]["zh"],
            **{"class": "official-other-org"},
            dial="no",
            says=f"Gives {n['number']} to {orgs[n['org']]['name']['en']}, not to {other['name']['en']}.",
            **src,
        )

    for fake in FAKES:
        add(**fake, **{"class": "reported-fake"}, dial="no", rule="reported-fake", read=READ)

    national = [
        n
        for n in active
        if n["scope"] == "national" and len(n["number"]) <= 8 and n["number"].startswith(("95", "10", "12"))
    ]
    for n in national:
        for rule, (dress, report) in SPOOF_RULES.items():
            if dress(n["number"]) in listed:  # a form the organisation publishes (010-12321) is no spoof
                continue
            add(
                number=dress(n["number"]),
                organisation=orgs[n["org"]]["name"]["zh"],
                **{"class": "spoof-form"},
                dial="no",
                rule=rule,
                read=READ,
                **SPOOF_REPORTS[report],
            )

    seen: set[str] = set()
    for org, path, digits in community:
        if digits in listed or digits in seen:
            continue
        seen.add(digits)
        add(
            number=digits,
            organisation=org,
            **{"class": "unlisted-real"},
            dial="yes",
            source_kind="community-list",
            repo=VCARDS_REPO,
            path=path,
            commit=commit,
            read=READ,
            says=f"The community list gives {digits} for {org}.",
        )

    rng = random.Random(SEED)
    taken = listed | set(in_community)
    names = [o["name"]["zh"] for o in orgs.values()]
    plan = [("400", 120), ("800", 60), ("mobile", 120)]
    for space, count in plan:
        made = 0
        while made < count:
            if space == "mobile":
                number = "1" + rng.choice("356789") + "".join(rng.choice("0123456789") for _ in range(9))
            else:
                number = space + "".join(rng.choice("0123456789") for _ in range(7))
            if number in taken:
                continue
            taken.add(number)
            made += 1
            add(
                number=number,
                organisation=rng.choice(names),
                **{"class": "random-rentable"},
                dial="no",
                rule=f"random-{space}",
                source_kind="generator",
                path="benchmarks/build_labelled.py",
                says=f"Drawn at random (seed {SEED}) from the rentable {space} space; in neither list, so "
                "not a number to dial for the organisation named.",
            )

    for i, row in enumerate(out, 1):
        row["id"] = str(i)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vcards", required=True, type=Path, help="a checkout of metowolf/vCards")
    p.add_argument("--commit", required=True, help="the commit of that checkout (40 hex digits)")
    p.add_argument("-o", "--output", type=Path, default=OUT)
    args = p.parse_args(argv)
    if not re.fullmatch(r"[0-9a-f]{40}", args.commit):
        p.error("--commit takes the 40-hex commit of the checkout")
    table = rows(args.vcards, args.commit)
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    counts: dict[str, int] = {}
    for row in table:
        counts[row["class"]] = counts.get(row["class"], 0) + 1
    print(f"{len(table)} rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    assert phonenumbers  # the scorer needs it too; fail early without it
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
