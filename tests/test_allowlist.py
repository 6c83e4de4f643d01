from __future__ import annotations

import gc
import json
import re
import unicodedata

import pytest
from helpers import allowlist_data, entry, org
from hypothesis import given
from hypothesis import strategies as st

import hotline_verify as hv
from hotline_verify import _allowlist as allowlist_module
from hotline_verify._allowlist import alias_key, build, packaged_path, schema_problems, spaced_key


def write(tmp_path, data, name="allowlist.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_an_organisations_own_allowlist(tmp_path):
    data = allowlist_data([org("acme", "阿克米", "Acme", "阿克米客服")], [entry("4001234567", "acme")])
    allowlist = hv.load_allowlist(write(tmp_path, data))
    v = hv.verify("400-123-4567", allowlist=allowlist)
    assert v.status is hv.Status.OFFICIAL and v.org.name.en == "Acme"
    assert v.allowlist == str(tmp_path / "allowlist.json")
    assert hv.verify("400-123-4568", claimed="阿克米", allowlist=allowlist).status is hv.Status.LOOKALIKE
    assert hv.verify("400-765-4321", claimed="Acme", allowlist=allowlist).status is hv.Status.UNOFFICIAL


@pytest.mark.parametrize(
    ("mutate", "pointer", "message"),
    [
        (
            lambda d: d["numbers"][0].__setitem__("number", "400-123"),
            "/numbers/0/number",
            "must match pattern",
        ),
        (lambda d: d["numbers"][0].pop("sources"), "/numbers/0", "required keys are missing: sources"),
        (lambda d: d["numbers"][0].__setitem__("status", "maybe"), "/numbers/0/status", "must be one of"),
        (
            lambda d: d["numbers"][0].__setitem__("org", "nobody"),
            "/numbers/0/org",
            'no organisation has the id "nobody"',
        ),
        (
            lambda d: d["numbers"].append(entry("4001234567", "acme")),
            "/numbers/1/number",
            "the number 4001234567 is listed twice",
        ),
        (
            lambda d: d["organisations"].append(org("acme2", "另一家", "ACME CORP")),
            "/organisations/1/name/en",
            'the name "ACME CORP" also belongs to "acme"',
        ),
    ],
)
def test_broken_files_name_the_json_path(tmp_path, mutate, pointer, message):
    data = allowlist_data([org("acme", "阿克米", "Acme Corp", "阿克米客服")], [entry("4001234567", "acme")])
    mutate(data)
    with pytest.raises(hv.AllowlistError) as info:
        hv.load_allowlist(write(tmp_path, data))
    text = str(info.value)
    assert text.startswith(str(tmp_path / "allowlist.json") + ": " + pointer + ": "), text
    assert message in text


def test_corrupt_file_names_the_position(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "hotline-verify-allowlist",\n "version": 1,\n  oops}', "utf-8")
    with pytest.raises(hv.AllowlistError, match=r"broken\.json:3:3: not valid JSON"):
        hv.load_allowlist(path)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(hv.AllowlistError, match="cannot read the file"):
        hv.load_allowlist(tmp_path / "nope.json")
    path = tmp_path / "binary.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(hv.AllowlistError, match="not UTF-8"):
        hv.load_allowlist(path)


def test_allowlist_is_immutable():
    allowlist = hv.packaged_allowlist()
    with pytest.raises(AttributeError):
        allowlist.numbers = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        allowlist.cases["x"] = None  # type: ignore[index]


def test_resolve_org_names_and_aliases():
    allowlist = hv.packaged_allowlist()
    for text, expected in [
        ("淘宝", "taobao"),
        ("Taobao", "taobao"),
        ("TAOBAO", "taobao"),
        ("天猫超市", "tmall-supermarket"),
        ("天猫超市客服", "tmall-supermarket"),
        ("工行", "icbc"),
        ("ICBC", "icbc"),
        ("CMBC", "cmbc"),
        ("CMB", "cmb"),
        ("中國銀行", "boc"),
        ("SF Express", "sf-express"),
        ("南航", "china-southern"),
        ("Alipy", "alipay"),
    ]:
        assert allowlist.resolve_org(text).id == expected, text
    for text in ("", "某银行", "a bank", "xyz", "   "):
        assert allowlist.resolve_org(text) is None, text


def test_in_memory_build_reports_problems_without_a_file():
    with pytest.raises(
        hv.AllowlistError, match=r"^/: required keys are missing: format, version, organisations"
    ):
        build({})


@pytest.mark.parametrize(
    "text", ["社交行为", "集中行动", "中国航天", "互联网通信", "考试中通过", "施工行业", "小米粥", "湖南航道"]
)
def test_short_names_inside_everyday_words_are_no_claim(text):
    assert hv.packaged_allowlist().resolve_org(text) is None


def test_short_names_still_resolve():
    allowlist = hv.packaged_allowlist()
    assert [allowlist.resolve_org(t).id for t in ("工行客服", "南航", "交行信用卡", "中通快递")] == [
        "icbc",
        "china-southern",
        "bocom",
        "zto",
    ]
    # the whole name wins over the short name of another airline inside it (南航 in 海南航空)
    assert allowlist.resolve_org("海南航空客服").id == "hainan-airlines"


# --- resolve_org(): the boundaries --------------------------------------------------------------------------


def _orgs(*specs):
    orgs = [org(f"o{i}", zh, en, *aliases) for i, (zh, en, *aliases) in enumerate(specs)]
    # numbers two or more edits apart: the loader refuses unacknowledged one-edit neighbours
    numbers = ["95001", "95234", "95567", "95890"]
    return build(allowlist_data(orgs, [entry(numbers[i], f"o{i}") for i in range(len(specs))]))


def test_the_longest_alias_inside_the_text_wins():
    al = _orgs(("超市", "Market"), ("天猫超市", "Tmall Supermarket"))
    assert al.resolve_org("天猫超市客服").id == "o1"  # "超市" sorts after "天猫超市" but is shorter


def test_one_chinese_character_is_not_a_name():
    al = _orgs(("宝", "Bao"), ("阿克米", "Acme"))
    assert al.resolve_org("某宝客服") is None
    assert al.resolve_org("阿克米客服").id == "o1"


def test_fuzzy_latin_names_and_their_limits():
    al = _orgs(("蔡司", "Zeiss"), ("阿克米", "Acme"), ("三星", "Samsung"))
    assert al.resolve_org("Zeis").id == "o0"  # four letters, one missing (ratio 89)
    assert al.resolve_org("Acmee").id == "o1"  # a four-letter name, one letter doubled
    assert al.resolve_org("Samsong").id == "o2"  # ratio 85.7: just inside the cut-off
    assert al.resolve_org("Samsanq") is None
    assert al.resolve_org("Zei") is None  # three letters are too few to guess from


def test_a_claim_is_read_up_to_two_hundred_characters():
    al = hv.packaged_allowlist()
    assert al.resolve_org("淘宝" + " " * 198).id == "taobao"
    assert al.resolve_org("淘宝" + " " * 199) is None


# --- the hand check of the schema: never lets through what the validator refuses ------------------------

_MUTATIONS = [
    ("numbers", 0, "number", "95188\n"),  # the schema's "$" takes a final newline: the validator decides
    ("numbers", 0, "number", "12"),
    ("numbers", 0, "status", "gone"),
    ("numbers", 0, "kind", 3),
    ("numbers", 0, "service", {"zh": "", "en": "x"}),
    ("numbers", 0, "service", {"zh": "客服", "en": "x", "fr": "y"}),
    ("numbers", 0, "sources", []),
    ("numbers", 0, "sources", [{"kind": "news", "read": "2026-01-01"}]),
    ("numbers", 0, "sources", [{"kind": "news", "read": "2026-01-01", "url": "https://x.cn/", "retires": 1}]),
    ("numbers", 0, "forms", ["+86 95188"]),
    ("numbers", 0, "colour", "red"),
    ("organisations", 0, "id", "Not An Id"),
    ("organisations", 0, "aliases", [""]),
    ("organisations", 0, "category", "bakery"),
]


@pytest.mark.parametrize(("section", "i", "key", "value"), _MUTATIONS)
def test_schema_problems_are_the_validators_own(section, i, key, value):
    data = json.loads(packaged_path().read_text("utf-8"))
    data[section][i][key] = value
    assert schema_problems(data) == allowlist_module._validate(data)
    if value != "95188\n":
        assert schema_problems(data)


def test_a_valid_file_passes_the_hand_check_and_the_validator():
    data = json.loads(packaged_path().read_text("utf-8"))
    assert allowlist_module._plainly_valid(data)
    assert schema_problems(data) == [] == allowlist_module._validate(data)


# the pattern names were compared through before a translation table took its place
_NAME_MARKS = re.compile(r"[\s.·・'’\-_/()（）:：,，]+")


@given(st.text(alphabet=" \t\n\x0b\x0c\r\x1c\x85\xa0\u2028\u3000.·・'’-_/()（）:：,，aB淘宝1Ａ", max_size=20))
def test_name_keys_drop_and_join_as_the_pattern_did(name: str) -> None:
    folded = unicodedata.normalize("NFKC", name).casefold()
    assert alias_key(name) == _NAME_MARKS.sub("", folded)
    assert spaced_key(name) == _NAME_MARKS.sub(" ", folded).strip()


def test_sources_derived_from_others_load_and_are_kept_once(tmp_path):
    """A source naming the lists it was copied from holds a list: the entries that share it are
    read all the same, and their records keep one tuple of sources."""
    copied = {
        "kind": "community-list",
        "url": "https://lists.example/hotlines",
        "says": "lists the number",
        "read": "2026-11-26",
        "derived_from": ["metowolf/vCards"],
    }
    numbers = [entry(n, "acme", sources=[dict(copied)]) for n in ("4001234567", "4007654321")]
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(allowlist_data([org("acme", "阿克米", "Acme")], numbers)), "utf-8")
    al = hv.load_allowlist(path)
    assert al.lookup("4001234567").sources[0].derived_from == ("metowolf/vCards",)
    records = al._by_number._records
    assert records["4001234567"][6] is records["4007654321"][6]
    # and the entries made from them share one tuple of sources, one text of each kind
    first, second = al.lookup("4001234567"), al.lookup("4007654321")
    assert first.sources is second.sources and first.service is second.service
    assert first == allowlist_module._made(
        "4001234567", records["4001234567"], str(path), first.org, lambda plain, make: make(plain)
    )


def _list_file(tmp_path):
    numbers = [entry(f"400{i:07d}", "acme") for i in range(0, 3000, 3)]
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(allowlist_data([org("acme", "阿克米", "Acme")], numbers)), "utf-8")
    return path


def test_the_index_of_a_loaded_list_is_no_work_for_the_collector(tmp_path):
    """A collection walks every object it tracks: the index's dictionary of keys (a million for
    100,000 numbers) holds strings alone, keys several numbers share included."""
    al = hv.load_allowlist(_list_file(tmp_path))
    (near,) = gc.get_referents(al.index._near)
    assert any(" " in held for held in near.values())  # the list has keys several numbers hold
    assert not gc.is_tracked(near)
    assert hv.verify("4000000004", allowlist=al).status is hv.Status.LOOKALIKE
