"""Bring the mainland-China numbers of a metowolf/vCards checkout into the data file.

    python scripts/import_vcards.py PATH/TO/vCards [--commit SHA] [--read YYYY-MM-DD]

The checkout's ``data/<folder>/<name>.yaml`` files are read (PyYAML needed). Every
number that reads as a mainland number is cited as a ``community-list`` source
(repository metowolf/vCards, the file's path, the commit). A number already in the
data file gains (or refreshes) that citation; a new one is added under its
organisation (new organisations from ``vcards_orgs.py``); a number the data file
gives to another organisation is not touched and is reported as a conflict (settle
it by hand: the weaker side goes to ``wrong_attributions`` with both sources).
Numbers the list carries that cannot be listed (outside mainland China, menu-key
dial strings, numbers written without their country code) go to ``left_out`` with
the reason. Running it twice changes nothing. Afterwards organisations are sorted
by category, then id, each organisation's numbers together.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from hotline_verify._lookalike import LookalikeIndex
from hotline_verify._model import CATEGORIES
from hotline_verify._normalize import NumberKind, interpret

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vcards_orgs import CATEGORY, EXISTING, FOLDERS, NEW

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "official_numbers.json"
REPO = "metowolf/vCards"

# labels of the list, in English
LABELS = {
    "信用卡服务热线": "credit-card service line",
    "信用卡客服热线": "credit-card service line",
    "信用卡专线": "credit-card line",
    "信用卡中心": "credit-card centre",
    "信用卡服务": "credit-card service",
    "白金信用卡贵宾专线": "platinum credit-card VIP line",
    "信用卡白金贵宾专线": "platinum credit-card VIP line",
    "信用卡白金贵宾服务专线": "platinum credit-card VIP line",
    "信用卡白金热线": "platinum credit-card line",
    "信用卡白金贵宾服务": "platinum credit-card VIP line",
    "白金信用卡专线": "platinum credit-card line",
    "世界之极信用卡专线": "World Elite credit-card line",
    "联名信用卡专线": "co-branded credit-card line",
    "单位公务卡专线": "corporate official card line",
    "信用卡外呼": "credit-card outbound calls",
    "信用卡外呼电话": "credit-card outbound calls",
    "信用卡电话营销服务专线": "credit-card telemarketing line",
    "信用卡短信": "credit-card SMS",
    "信用卡境外拨打": "credit card, calls from abroad",
    "信用卡境外服务热线": "credit card, calls from abroad",
    "境外热线": "calls from abroad",
    "贵宾服务专线": "VIP line",
    "贵宾专线": "VIP line",
    "白金贵宾专线": "platinum VIP line",
    "金葵花专线": "Sunflower (wealth clients) line",
    "商务卡专线": "business card line",
    "黑金贵宾专线": "black-gold VIP line",
    "无限贵宾专线": "Infinite VIP line",
    "运通白金贵宾专线": "American Express platinum VIP line",
    "私人银行客服专线": "private banking line",
    "卓越理财客户服务热线": "Premier clients' line",
    "个人银行账户客户服务热线": "personal account service line",
    "大湾区服务热线": "Greater Bay Area line",
    "免费跨境理财服务专线": "cross-border wealth management line",
    "客服热线、征信异议受理热线": "service line; credit-report objections",
    "客服热线": "service line",
    "外呼营销号码": "outbound marketing calls",
    "营销专线": "marketing line",
    "内地": "mainland China",
    "内地客户服务热线": "mainland customers' line",
    "全国": "nationwide",
    "广东": "Guangdong",
    "中国": "mainland China",
    "中文客服": "Chinese-language service",
    "乘客客服热线": "passenger service line",
    "司机客服热线": "driver service line",
    "代驾客服热线": "designated-driver service line",
    "售前售后": "sales and after-sales",
    "客户回访": "customer follow-up calls",
    "公司总机": "switchboard",
    "派件提醒": "delivery notices",
    "即刻": "Jike",
    "反诈中心": "anti-fraud centre",
    "上海中国移动": "China Mobile Shanghai",
    "官方提醒短信": "official notice SMS",
    "移动来电管家": "call manager",
    "彩铃服务": "ring-back tones",
    "积分商城": "points mall",
    "宽带服务": "broadband service",
    "沃助理": "Wo assistant",
    "出境服务": "travel-abroad service",
    "沃留言": "Wo voice mail",
    "漏话提醒": "missed-call notices",
    "天翼防骚扰服务提醒": "anti-nuisance notices",
}
SKIP_LABELS = {"和多号-副号1", "和多号-副号2", "和多号-副号3"}  # secondary-number slots, not lines

GENERIC = {
    "hotline": (
        {"zh": "客服热线", "en": "customer service line"},
        {"zh": "咨询与服务", "en": "enquiries and service"},
    ),
    "credit-card": (
        {"zh": "信用卡服务热线", "en": "credit-card service line"},
        {"zh": "信用卡业务", "en": "credit-card matters"},
    ),
    "vip": ({"zh": "贵宾专线", "en": "VIP line"}, {"zh": "贵宾客户服务", "en": "service for VIP customers"}),
    "outbound": (
        {"zh": "外呼号码", "en": "outbound calls"},
        {"zh": "机构打给客户的电话", "en": "calls the organisation makes to customers"},
    ),
    "sms-sender": (
        {"zh": "短信发送号码", "en": "SMS sender"},
        {"zh": "机构发出的短信", "en": "messages the organisation sends"},
    ),
}


def mainland(digits: str) -> tuple[str | None, str | None]:
    """Canonical digits of a mainland number, or ``(None, why)``."""
    plus = digits.startswith("+")
    raw = "".join(ch for ch in digits if ch.isdigit())
    if plus and not raw.startswith("86"):
        return None, "outside mainland China"
    if not plus and raw[len(raw) - 10 : len(raw) - 7] in NORTH_AMERICA and raw[: len(raw) - 10] in ("", "1"):
        return None, "north-america"
    number = interpret(raw, plus=plus)
    if not number.valid or number.kind in (NumberKind.OTHER, NumberKind.INTERNATIONAL):
        return None, "invalid"
    return number.canonical, None


NORTH_AMERICA = {"650", "415", "877", "412", "312"}  # area codes the list writes without +1


def left_out_reason(raw: str, why: str, listed: set[str]) -> dict[str, str]:
    if why == "north-america":
        return {
            "zh": "北美号码，列表里省略了 +1，不是中国大陆号码",
            "en": "a North American number the list writes without +1; not a mainland number",
        }
    base = next((raw[:n] for n in range(len(raw) - 1, 2, -1) if raw[:n] in listed), None)
    if base is not None:
        return {
            "zh": f"这是 {base} 加上语音菜单按键，不是单独的号码；{base} 已收录",
            "en": f"{base} followed by voice-menu keys, not a number of its own; {base} is listed",
        }
    return {"zh": "不是可以拨打的中国大陆号码", "en": "not a callable mainland number"}


def kind_of(canonical: str, label: str | None) -> str:
    label = label or ""
    if interpret(canonical).kind is NumberKind.SMS_PORT or "短信" in label or "提醒" in label:
        return "sms-sender"
    if "外呼" in label or "营销" in label or "回访" in label:
        return "outbound"
    if "信用卡" in label:
        return "credit-card"
    if "贵宾" in label or "金葵花" in label or "私人银行" in label or "卓越理财" in label:
        return "vip"
    return "hotline"


def scope_of(canonical: str) -> str:
    kind = interpret(canonical).kind
    if canonical.startswith("0"):
        return "local"
    if kind is NumberKind.LOCAL_96:
        return "regional"
    if kind in (NumberKind.PUBLIC_12, NumberKind.POSTAL_11, NumberKind.EMERGENCY) or (
        kind is NumberKind.CARRIER_10 and len(canonical) == 5
    ):
        return "every-city"
    return "national"


def head_commit(checkout: Path) -> str:
    out = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def read_list(checkout: Path) -> list[dict[str, Any]]:
    """The list's organisations: folder, name, site, path and (number, label) pairs."""
    orgs = []
    for path in sorted((checkout / "data").glob("*/*.yaml")):
        basic = yaml.safe_load(path.read_text("utf-8"))["basic"]
        phones = []
        for item in basic.get("cellPhone") or ():
            number, label = (item["number"], item.get("label")) if isinstance(item, dict) else (item, None)
            phones.append((str(number), label))
        orgs.append(
            {
                "folder": path.parent.name,
                "name": basic["organization"],
                "url": basic.get("url"),
                "path": path.relative_to(checkout).as_posix(),
                "phones": phones,
            }
        )
    return orgs


def phones(checkout: Path) -> Iterator[tuple[dict[str, Any], str | None, str, str | None]]:
    """Each (organisation, its id here or None, number as listed, label), labels to skip left out."""
    for org in read_list(checkout):
        name = org["name"]
        org_id = EXISTING.get(name) or (NEW[name][0] if name in NEW else None)
        for raw, label in org["phones"]:
            if label not in SKIP_LABELS:
                yield org, org_id, raw, label


def citation(path: str, commit: str, read: str, says: str) -> dict[str, Any]:
    return {
        "kind": "community-list",
        "repo": REPO,
        "path": path,
        "commit": commit,
        "says": says,
        "read": read,
    }


def says_for(org: str, label: str | None) -> str:
    return f"The list's entry for {org} carries this number" + (f" (labelled {label})." if label else ".")


def run(checkout: Path, commit: str, read: str) -> list[str]:
    data = json.loads(DATA.read_text("utf-8"))
    report: list[str] = []
    orgs = {o["id"]: o for o in data["organisations"]}
    by_number = {e["number"]: e for e in data["numbers"]}
    wrong = {(w["number"], w["attributed_to"]) for w in data.get("wrong_attributions", ())}
    left = {(x["number"], x["listed_as"]): x for x in data.get("left_out", ())}
    for org, org_id, raw, label in phones(checkout):
        name = org["name"]
        canonical, why = mainland(raw)
        source = citation(org["path"], commit, read, says_for(name, label))
        if canonical is None:
            if why != "outside mainland China":
                entry = left.setdefault((raw, name), {"number": raw, "listed_as": name})
                entry["reason"] = left_out_reason(raw, why, set(by_number))
                entry["sources"] = [source]
            continue
        if org_id is None:
            report.append(f"no organisation for {name}: add it to scripts/vcards_orgs.py")
            continue
        if (canonical, org_id) in wrong:
            continue
        entry = by_number.get(canonical)
        if entry is None:
            if org_id not in orgs:
                _, english, category = NEW[name]
                orgs[org_id] = {
                    "id": org_id,
                    "name": {"zh": name, "en": english},
                    "aliases": [],
                    "category": category or FOLDERS[org["folder"]],
                }
                data["organisations"].append(orgs[org_id])
            kind = kind_of(canonical, label)
            service, handles = GENERIC[kind]
            entry = {
                "number": canonical,
                "org": org_id,
                "status": "active",
                "kind": kind,
                "scope": scope_of(canonical),
                "service": dict(service),
                "handles": dict(handles),
                "sources": [],
            }
            if label:
                entry["labels"] = [{"zh": label, "en": LABELS[label]}]
            data["numbers"].append(entry)
            by_number[canonical] = entry
            report.append(f"added {canonical} ({org_id})")
        elif entry["org"] != org_id and orgs[entry["org"]].get("group") != org_id:
            report.append(f"conflict: {canonical} is {entry['org']} here, {name} in the list")
            continue
        entry["sources"] = [s for s in entry["sources"] if s.get("repo") != REPO] + [source]
        if label and label in LABELS and "labels" not in entry:
            entry["labels"] = [{"zh": label, "en": LABELS[label]}]
    for org in data["organisations"]:
        org.setdefault("category", CATEGORY.get(org["id"], "bank"))
        assert org["category"] in CATEGORIES, org
    data["left_out"] = sorted(left.values(), key=lambda x: (x["listed_as"], x["number"]))
    acknowledge(data)
    order(data)
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return report


def acknowledge(data: dict[str, Any]) -> None:
    """Record numbers one edit from another organisation's: the regulator hands out
    neighbouring short codes, so for listed numbers this is expected, not a fault."""
    owner = {e["number"]: e["org"] for e in data["numbers"] if e["status"] == "active"}
    index = LookalikeIndex.build(owner)
    for entry in data["numbers"]:
        if entry["status"] != "active":
            continue
        near = {m.official for m in index.neighbours(entry["number"]) if owner[m.official] != entry["org"]}
        known = set(entry.get("acknowledged_lookalikes", ()))
        if near - known:
            entry["acknowledged_lookalikes"] = sorted(known | near)


def order(data: dict[str, Any]) -> None:
    data["organisations"].sort(key=lambda o: (CATEGORIES.index(o["category"]), o["id"]))
    rank = {o["id"]: i for i, o in enumerate(data["organisations"])}
    data["numbers"] = sorted(data["numbers"], key=lambda e: rank[e["org"]])  # stable: file order within


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("--commit", help="the commit of the checkout (default: its git HEAD)")
    parser.add_argument("--read", default=datetime.date.today().isoformat())
    args = parser.parse_args(argv)
    commit = args.commit or head_commit(args.checkout)
    for line in run(args.checkout, commit, args.read):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
