"""An organisation's own allowlist on top of the packaged one: additions are free,
takeovers are errors unless overridden, and verdicts say which list they rest on."""

from __future__ import annotations

import json

import attrs
import pytest
from helpers import allowlist_data, entry, org, source

import hotline_verify as hv
from hotline_verify._allowlist import build

ACME = org("acme", "阿克米", "Acme", "阿克米客服")


def write(tmp_path, data, name="mine.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def load(tmp_path, numbers, *, orgs=(ACME,), override=False, **extra):
    path = write(tmp_path, allowlist_data(list(orgs), list(numbers), **extra))
    return path, hv.load_allowlist(path, extend=True, override=override)


def test_load_allowlist_alone_is_unchanged(tmp_path):
    path = write(tmp_path, allowlist_data([ACME], [entry("4001234567", "acme")]))
    alone = hv.load_allowlist(path)
    assert alone.origin == str(path) and alone.lookup("95188") is None
    assert alone.lookup("4001234567").origin == str(path)
    with pytest.raises(ValueError, match="override=True only applies with extend=True"):
        hv.load_allowlist(path, override=True)


def test_extend_adds_numbers_and_keeps_the_packaged_ones(tmp_path):
    path, both = load(tmp_path, [entry("4001234567", "acme")])
    assert both.origin == f"packaged + {path}"
    mine = hv.verify("400-123-4567", allowlist=both)
    assert mine.status is hv.Status.OFFICIAL and mine.org.id == "acme" and mine.allowlist == str(path)
    assert mine.to_dict()["official"]["origin"] == str(path)
    theirs = hv.verify("95188", allowlist=both)
    assert (
        theirs.status is hv.Status.OFFICIAL and theirs.org.id == "alipay" and theirs.allowlist == "packaged"
    )
    assert hv.verify("400-123-4568", allowlist=both).status is hv.Status.LOOKALIKE  # the index covers both
    assert hv.verify("95198", allowlist=both).suggested[0].number == "95188"
    assert hv.verify("400-765-4321", claimed="阿克米", allowlist=both).status is hv.Status.UNOFFICIAL
    assert hv.verify("400-765-4321", claimed="淘宝", allowlist=both).suggested[0].number == "9510211"
    assert len(both.numbers) == len(hv.packaged_allowlist().numbers) + 1
    assert both.overrides == {}


def test_taking_over_a_packaged_number_is_an_error_naming_everything(tmp_path):
    with pytest.raises(hv.AllowlistError) as info:
        load(tmp_path, [entry("4001234567", "acme"), entry("95188", "acme")])
    message = str(info.value)
    path = str(tmp_path / "mine.json")
    assert message.startswith(
        f'{path}: /numbers/1/number: the number 95188 is given to "Acme" (acme), but '
        'the packaged allowlist gives it to "Alipay" (alipay)'
    ), message
    assert "override=True" in message
    assert info.value.path == path and info.value.problems[0][0] == "/numbers/1/number"


def test_override_lets_the_file_win_and_the_verdict_says_so(tmp_path):
    path, both = load(tmp_path, [entry("95188", "acme")], override=True)
    v = hv.verify("95188", allowlist=both)
    assert v.status is hv.Status.OFFICIAL and v.org.id == "acme" and v.allowlist == str(path)
    assert "allowlist-override" in v.codes
    note = v.reasons[v.codes.index("allowlist-override")]
    assert (
        "Alipay" in note.message_en
        and "the packaged allowlist" in note.message_en
        and str(path) in note.message_en
    )
    assert "支付宝" in note.message_zh
    assert both.overridden("95188").org.id == "alipay" and set(both.overrides) == {"95188"}
    assert "while the packaged allowlist gives it to Alipay" in v.explain("en")
    assert "allowlist-override" not in hv.verify("9510211", allowlist=both).codes


def test_retiring_a_packaged_number_is_a_takeover(tmp_path):
    alipay = org("alipay", "支付宝", "Alipay")
    retired = entry("95188", "alipay", status="retired", sources=[dict(source(), retires=True)])
    with pytest.raises(
        hv.AllowlistError, match=r"95188 of \"Alipay\" \(alipay\) is retired here, but active"
    ):
        load(tmp_path, [retired], orgs=[alipay])
    _, both = load(tmp_path, [retired], orgs=[alipay], override=True)
    v = hv.verify("95188", allowlist=both)
    assert v.status is hv.Status.UNOFFICIAL and "allowlist-override" in v.codes


def test_the_same_fact_twice_keeps_the_packaged_entry(tmp_path):
    alipay = org("alipay", "支付宝", "Alipay", "阿里支付")
    _, both = load(tmp_path, [entry("95188", "alipay")], orgs=[alipay])
    assert both.lookup("95188").origin == "packaged"
    assert both.lookup("95188").sources == hv.packaged_allowlist().lookup("95188").sources
    assert both.resolve_org("阿里支付").id == "alipay"  # a new alias of a known organisation is an addition
    assert hv.verify("95188", allowlist=both).allowlist == "packaged"


def test_a_known_organisation_can_gain_numbers(tmp_path):
    taobao = org("taobao", "淘宝", "Taobao", "淘宝网客服")
    path, both = load(tmp_path, [entry("4001112222", "taobao")], orgs=[taobao])
    v = hv.verify("4001112222", claimed="淘宝", allowlist=both)
    assert v.status is hv.Status.OFFICIAL and v.org.id == "taobao" and v.allowlist == str(path)
    assert [n.number for n in both.numbers_of(both.resolve_org("淘宝"))] == [
        "9510211",
        "9510288",
        "4008608608",
        "057188158198",
        "4001112222",
    ]
    assert both.lookup("9510211").org is both.lookup("4001112222").org


def test_listing_a_known_fake_as_official_is_a_takeover(tmp_path):
    with pytest.raises(
        hv.AllowlistError,
        match=r"4008225355 is given to \"Acme\" \(acme\), but the packaged "
        r"allowlist records it as a known fake posing as .*china-southern",
    ):
        load(tmp_path, [entry("4008225355", "acme")])
    _, both = load(tmp_path, [entry("4008225355", "acme")], override=True)
    assert hv.verify("4008225355", allowlist=both).status is hv.Status.OFFICIAL
    assert both.known_fake("4008225355") is None


def test_recording_a_packaged_number_as_a_fake_is_a_takeover(tmp_path):
    fake = {
        "number": "95188",
        "posing_as": "acme",
        "note": {"zh": "假", "en": "fake"},
        "sources": [{"kind": "news", "url": "https://news.example", "read": "2026-11-26"}],
    }
    with pytest.raises(
        hv.AllowlistError, match=r"/known_fakes/0/number: the number 95188 is recorded as a fake"
    ):
        load(tmp_path, [entry("4001234567", "acme")], known_fakes=[fake])
    _, both = load(tmp_path, [entry("4001234567", "acme")], known_fakes=[fake], override=True)
    assert hv.verify("95188", allowlist=both).status is hv.Status.UNOFFICIAL


def test_taking_over_a_name_is_an_error(tmp_path):
    hijack = org("acme", "阿克米", "Acme", "淘宝")
    with pytest.raises(
        hv.AllowlistError,
        match=r'/organisations/0: the name "淘宝" of "Acme" \(acme\) already '
        r'belongs to "Taobao / Tmall" \(taobao\) in the packaged allowlist',
    ):
        load(tmp_path, [entry("4001234567", "acme")], orgs=[hijack])
    _, both = load(tmp_path, [entry("4001234567", "acme")], orgs=[hijack], override=True)
    assert both.resolve_org("淘宝").id == "acme"
    assert both.resolve_org("Taobao").id == "taobao"


def test_a_case_id_cannot_be_reused_for_another_case(tmp_path):
    case = {
        "id": "fake-400-search",
        "title": {"zh": "别的", "en": "other"},
        "summary": {"zh": "别的", "en": "other"},
        "sources": [{"kind": "news", "url": "https://news.example", "read": "2026-11-26"}],
    }
    with pytest.raises(hv.AllowlistError, match='the case id "fake-400-search" is already used'):
        load(tmp_path, [entry("4001234567", "acme")], cases=[case])


def test_all_conflicts_are_reported(tmp_path):
    with pytest.raises(hv.AllowlistError, match=r"and 2 more conflicts") as info:
        load(tmp_path, [entry("95188", "acme"), entry("9510211", "acme"), entry("95588", "acme")])
    assert [p for p, _ in info.value.problems] == [f"/numbers/{i}/number" for i in range(3)]


def test_merge_in_memory_and_types():
    mine = build(allowlist_data([ACME], [entry("95188", "acme")]))
    with pytest.raises(hv.AllowlistError, match=r"^<memory>: /numbers/0/number") as info:
        hv.merge_allowlists(hv.packaged_allowlist(), mine)
    assert info.value.path is None
    with pytest.raises(TypeError):
        hv.merge_allowlists(hv.packaged_allowlist(), {"numbers": []})
    merged = hv.merge_allowlists(hv.packaged_allowlist(), mine, override=True)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        merged.origin = "x"
    with pytest.raises(TypeError):
        merged.overrides["95188"] = None


def test_merging_again_keeps_earlier_overrides(tmp_path):
    path, both = load(tmp_path, [entry("95188", "acme")], override=True)
    other = build(
        allowlist_data([org("zeta", "泽塔", "Zeta")], [entry("4009999999", "zeta")]), origin="zeta.json"
    )
    three = hv.merge_allowlists(both, other)
    assert three.overridden("95188").org.id == "alipay"
    assert hv.verify("4009999999", allowlist=three).allowlist == "zeta.json"
    assert hv.verify("95188", allowlist=three).allowlist == str(path)
