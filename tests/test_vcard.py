"""vCard export: every active number in, no retired one, valid RFC 6350 text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import vobject

import hotline_verify as hv
from hotline_verify import cli
from hotline_verify._vcard import escape, fold

ROOT = Path(__file__).resolve().parents[1]


def _digits(tel: str) -> str:
    return tel.removeprefix("tel:").split(";")[0]


def _cards(text: str) -> list[vobject.base.Component]:
    return list(vobject.readComponents(text))


def test_every_active_number_is_on_its_organisations_card_and_no_retired_one() -> None:
    al = hv.packaged_allowlist()
    cards = _cards(hv.export_vcards())
    on_card: dict[str, set[str]] = {}
    for card in cards:
        fns = {fn.value for fn in card.contents["fn"]}
        (org,) = [o for o in al.organisations if o.name.zh in fns]
        on_card[org.id] = {_digits(t.value) for t in card.contents["tel"]}
    for entry in al.numbers:
        if entry.active:
            assert entry.number in on_card[entry.org.id], entry.number
        else:
            assert all(entry.number not in tels for tels in on_card.values()), entry.number
    assert any(not e.active for e in al.numbers)  # the data has retired numbers to leave out


def test_one_card_per_organisation_with_a_stable_uid() -> None:
    cards = _cards(hv.export_vcards())
    uids = [c.uid.value for c in cards]
    assert (
        len(set(uids))
        == len(uids)
        == len({o for o in hv.packaged_allowlist().organisations if hv.packaged_allowlist().numbers_of(o)})
    )
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", u) for u in uids)
    assert hv.export_vcards() == hv.export_vcards()


def test_numbers_are_labelled_by_service_with_evidence_and_source_in_the_note() -> None:
    (card,) = [c for c in _cards(hv.export_vcards()) if "支付宝" in {f.value for f in c.contents["fn"]}]
    tel = card.contents["tel"][0]
    assert tel.value == "tel:95188;phone-context=+86"
    labels = {x.group: x.value for x in card.contents["x-ablabel"]}
    assert labels[tel.group] == hv.packaged_allowlist().lookup("95188").service.zh
    note = card.note.value
    assert note.startswith("95188: ") and "evidence: " in note and "source: " in note


def test_text_is_crlf_folded_at_75_octets_and_utf8_safe() -> None:
    data = hv.export_vcards().encode("utf-8")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # some NOTE lines are long enough to fold
    for line in lines:
        line.decode("utf-8")  # no line ends inside a multi-byte character


@pytest.mark.parametrize("text", ["a", "号" * 100, "x" * 74 + "号", "😀" * 40, "a" * 200])
def test_fold_unfolds_to_the_same_line(text: str) -> None:
    folded = fold("NOTE:" + text)
    assert folded.replace("\r\n ", "") == "NOTE:" + text
    assert all(len(p.encode()) <= 75 for p in folded.split("\r\n"))


def test_escaped_values_read_back_unchanged(tmp_path: Path) -> None:
    data = json.loads((ROOT / "data/official_numbers.json").read_text("utf-8"))
    data["organisations"] = [o for o in data["organisations"] if o["id"] == "alipay"]
    data["organisations"][0]["name"] = {"zh": "支付宝,测试;分号\\反斜杠", "en": "Alipay"}
    data["numbers"] = [n for n in data["numbers"] if n["org"] == "alipay"]
    data["numbers"][0]["service"]["zh"] = "第一行\n第二行; 含, 逗号"
    data["known_fakes"] = data["wrong_attributions"] = []
    path = tmp_path / "tricky.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    text = hv.export_vcards(allowlist=hv.load_allowlist(path))
    assert "FN;ALTID=1;LANGUAGE=zh:支付宝\\,测试\\;分号\\\\反斜杠\r\n" in text
    (card,) = _cards(text)
    assert card.contents["x-ablabel"][0].value == "第一行\n第二行; 含, 逗号"
    assert escape("a\r\nb") == "a\\nb"


def test_organisations_without_active_numbers_get_no_card(tmp_path: Path) -> None:
    data = json.loads((ROOT / "data/official_numbers.json").read_text("utf-8"))
    retired = {n["org"] for n in data["numbers"] if n["status"] == "retired"}
    active = {n["org"] for n in data["numbers"] if n["status"] == "active"}
    only_retired = retired - active
    text = hv.export_vcards()
    for org in data["organisations"]:
        if org["id"] in only_retired:
            assert f":{escape(org['name']['zh'])}\r\n" not in text


def test_cli_writes_the_same_bytes_to_a_file_and_to_stdout(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = tmp_path / "contacts.vcf"
    assert cli.main(["export", "vcard", "-o", str(out)]) == 0
    assert out.read_bytes() == hv.export_vcards().encode("utf-8")
    capsysbinary.readouterr()
    assert cli.main(["export", "vcard"]) == 0
    assert capsysbinary.readouterr().out == out.read_bytes()


def test_cli_rejects_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "ldif"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_a_non_allowlist_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        hv.export_vcards(allowlist="data/official_numbers.json")  # type: ignore[arg-type]
