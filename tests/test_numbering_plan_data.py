"""The numbering-plan data file: its schema, its sources and the facts the verdicts rely on."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import fastjsonschema
import pytest

import hotline_verify

ROOT = Path(__file__).resolve().parents[1]
PLAN: dict[str, Any] = json.loads((ROOT / "data" / "numbering_plan.json").read_text("utf-8"))
SCHEMA = json.loads(Path(hotline_verify.__file__).with_name("numbering_plan.schema.json").read_text("utf-8"))
VALIDATE = fastjsonschema.compile(SCHEMA)

SPACES = {row["id"]: row for row in PLAN["spaces"]}
PREFIX_KINDS = {"secondary-prefix", "international-prefix", "country-code"}
NUMBER_SPACES = [row for row in PLAN["spaces"] if row["kind"] not in PREFIX_KINDS]
AREA = {row["code"]: row for row in PLAN["area_codes"]}


def all_sources() -> list[tuple[str, dict[str, Any]]]:
    found = [(f"spaces/{row['id']}", s) for row in PLAN["spaces"] for s in row["sources"]]
    found += [(f"area_codes/{row['code']}", s) for row in PLAN["area_codes"] for s in row.get("sources", [])]
    found += [("area_code_sources", s) for s in PLAN["area_code_sources"]]
    found += [("mobile_prefix_sources", s) for s in PLAN["mobile_prefix_sources"]]
    return found


def space_of(number: str) -> str | None:
    """The id of the number space ``number`` (a national number) falls in: the longest prefix wins."""
    fitting = [
        row for row in NUMBER_SPACES if number.startswith(row["prefix"]) and len(number) in row["lengths"]
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda row: len(row["prefix"]))["id"]


def test_the_file_validates_against_its_schema():
    VALIDATE(PLAN)


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.pop("url", None) or s.pop("commit", None),
        lambda s: s.update(url="https://example.org/", repo="owner/name", path="a", commit="0" * 40),
        lambda s: s.pop("says"),
    ],
    ids=["no-address", "both-addresses", "no-paraphrase"],
)
def test_the_schema_refuses_a_source_that_cannot_be_followed(damage):
    for where in ("spaces", "area_code_sources", "mobile_prefix_sources"):
        broken = copy.deepcopy(PLAN)
        source = broken["spaces"][0]["sources"][0] if where == "spaces" else broken[where][0]
        damage(source)
        with pytest.raises(fastjsonschema.JsonSchemaValueException):
            VALIDATE(broken)


def test_the_schema_requires_sources_on_every_space_and_table():
    for key in ("area_code_sources", "mobile_prefix_sources"):
        broken = copy.deepcopy(PLAN)
        broken[key] = []
        with pytest.raises(fastjsonschema.JsonSchemaValueException):
            VALIDATE(broken)
    broken = copy.deepcopy(PLAN)
    del broken["spaces"][-1]["sources"]
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        VALIDATE(broken)


@pytest.mark.parametrize("where, source", all_sources(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_source_is_followable(where, source):
    if "url" in source:
        parts = urlsplit(source["url"])
        assert parts.scheme in {"http", "https"} and "." in parts.netloc, where
        host = parts.netloc.removeprefix("www.")
        # a page on a government domain is cited as such, and only such pages are
        assert (source["kind"] == "government") == (host.endswith(".gov.cn") or ".gov." in host), where
    else:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", source["repo"]) and source["path"], where
        assert re.fullmatch(r"[0-9a-f]{40}", source["commit"]), where
    assert source["read"] <= PLAN["updated"], where


def test_space_ids_are_unique():
    assert len(SPACES) == len(PLAN["spaces"])


def test_no_two_spaces_claim_the_same_prefix_and_length():
    seen: dict[tuple[str, int], str] = {}
    for row in NUMBER_SPACES:
        for length in row["lengths"]:
            key = (row["prefix"], length)
            assert key not in seen, (row["id"], seen.get(key))
            seen[key] = row["id"]
            assert length >= len(row["prefix"]), row["id"]


def test_prefix_rows_say_how_many_digits_to_strip():
    for row in PLAN["spaces"]:
        if row["kind"] in PREFIX_KINDS:
            assert row["lengths"] == [row["strip"]] and row["strip"] >= len(row["prefix"]), row["id"]
            assert not row["rentable"], row["id"]
        else:
            assert "strip" not in row and "written" not in row, row["id"]


@pytest.mark.parametrize(
    "number, space",
    [
        ("95588", "service-95-short"),
        ("950618", "service-95-short"),
        ("95123456", "call-centre-95-8"),
        ("96123456", "call-centre-96-8"),
        ("96110", "local-service-96"),
        ("10086", "carrier-100"),
        ("10107888", "service-1010-8"),
        ("110", "emergency-11x"),
        ("11185", "public-service-11"),
        ("120", "emergency-12x"),
        ("122", "emergency-12x"),
        ("12306", "public-service-12"),
        ("12381", "public-service-12"),
        ("12345", "government-hotline-12345"),
        ("106902895566", "sms-106"),
        ("10690000000095566", "sms-106"),
        ("4009888898", "enterprise-400"),
        ("8008301880", "enterprise-800"),
        ("13812345678", "mobile"),
        ("057187654321", "landline"),
        ("03351234567", "landline"),
        ("9558", None),
        ("955888", "service-95-short"),
    ],
)
def test_numbers_fall_in_the_expected_space(number, space):
    assert space_of(number) == space


def test_what_anyone_can_rent_and_what_the_regulator_allocates():
    for allocated in (
        "service-95-short",
        "carrier-100",
        "public-service-11",
        "public-service-12",
        "emergency-12x",
    ):
        assert SPACES[allocated]["rentable"] is False and SPACES[allocated]["kind"] == "short-code"
    for rentable in ("enterprise-400", "enterprise-800", "mobile", "landline"):
        assert SPACES[rentable]["rentable"] is True
    assert SPACES["service-95-short"]["outbound_marketing"] is False
    assert SPACES["call-centre-95-8"]["outbound_marketing"] is True
    assert SPACES["sms-106"]["callable"] is False


def test_local_numbers_need_their_area_code():
    assert SPACES["local-service-96"]["scope"] == "local"
    assert SPACES["government-hotline-12345"]["scope"] == "local"
    assert SPACES["service-95-short"]["scope"] == "national"


def test_prefixes_are_stripped_whole():
    assert SPACES["secondary-prefix-12583"]["strip"] == 6  # 12583 and an index digit
    assert SPACES["secondary-prefix-1259023"]["strip"] == 7  # no index digit
    assert set(SPACES["country-code-86"]["written"]) == {"+86", "0086"}
    assert "+" in SPACES["international"]["written"]


def test_area_codes_are_unique_and_two_or_three_digits():
    codes = [row["code"] for row in PLAN["area_codes"]]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[1-9][0-9]{1,2}", code) for code in codes)
    # several prefecture-level divisions share a code, so there are fewer codes than divisions
    assert len(codes) >= 320


def test_area_codes_cover_every_prefecture_level_division():
    divisions = {city for row in PLAN["area_codes"] for city in row["cities"]}
    assert len(divisions) >= 330
    assert all(row["cities"] or row["code"] in {"728", "993"} for row in PLAN["area_codes"])


CAPITALS = {
    "北京市": "10", "上海市": "21", "天津市": "22", "重庆市": "23", "石家庄市": "311", "太原市": "351",
    "呼和浩特市": "471", "沈阳市": "24", "长春市": "431", "哈尔滨市": "451", "南京市": "25", "杭州市": "571",
    "合肥市": "551", "福州市": "591", "南昌市": "791", "济南市": "531", "郑州市": "371", "武汉市": "27",
    "长沙市": "731", "广州市": "20", "南宁市": "771", "海口市": "898", "成都市": "28", "贵阳市": "851",
    "昆明市": "871", "拉萨市": "891", "西安市": "29", "兰州市": "931", "西宁市": "971", "银川市": "951",
    "乌鲁木齐市": "991",
}  # fmt: skip


@pytest.mark.parametrize("capital, code", CAPITALS.items())
def test_every_provincial_capital_has_its_code(capital, code):
    assert capital in AREA[code]["cities"]


def test_pinned_area_codes():
    assert AREA["571"]["city"] == {"zh": "杭州", "en": "Hangzhou"} and AREA["571"]["province"]["zh"] == "浙江"
    assert AREA["10"]["city"]["en"] == "Beijing"
    assert AREA["335"]["city"]["zh"] == "秦皇岛"  # the source files it under a two-digit key
    assert {"亳州市", "三亚市"} <= {city for row in PLAN["area_codes"] for city in row["cities"]}
    assert AREA["571"]["local_lengths"] == [8] and AREA["10"]["local_lengths"] == [8]
    assert AREA["335"]["local_lengths"] == [7]


def test_every_area_code_and_local_length_fits_the_landline_space():
    for row in PLAN["area_codes"]:
        for local in row["local_lengths"]:
            assert 1 + len(row["code"]) + local in SPACES["landline"]["lengths"], row["code"]


def test_mobile_prefixes():
    prefixes = PLAN["mobile_prefixes"]
    assert prefixes == sorted(set(prefixes))
    assert {"130", "138", "147", "166", "177", "199"} <= set(prefixes)
    assert not {"140", "154", "194"} & set(prefixes)
    assert all(p.startswith(SPACES["mobile"]["prefix"]) for p in prefixes)
