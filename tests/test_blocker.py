"""Call-blocker rules: whole spaces blocked, no official number ever blocked."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import hotline_verify as hv
from hotline_verify import cli
from hotline_verify._numbering import space_of

ROOT = Path(__file__).resolve().parents[1]
ALL = ["call-centre", "sms", "unlisted-400", "carrier-1010"]
# numbers of each space that the packaged list does not carry
SAMPLES = {
    "call-centre": ["95123456", "96123456"],
    "sms": ["10690123456", "106512345", "10698765432101234567"],
    "unlisted-400": ["4001234567", "8001234567"],
    "carrier-1010": ["10109999"],
}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _wildcard_fits(pattern: str, number: str) -> bool:
    return len(pattern) == len(number) and all(p in ("?", n) for p, n in zip(pattern, number, strict=True))


def _by_wildcard(rows: list[dict[str, str]], number: str) -> str | None:
    """The action of the first row whose wildcard takes the number."""
    return next((r["action"] for r in rows if _wildcard_fits(r["wildcard"], number)), None)


def _by_regex(rows: list[dict[str, str]], number: str) -> str | None:
    """The first row whose regex takes the whole number, highest priority first (a stable sort
    keeps file order within a priority)."""
    ranked = sorted(rows, key=lambda r: -int(r["priority"]))
    hit = next((r for r in ranked if re.fullmatch(r["pattern"], number)), None)
    return None if hit is None else ("block" if hit["isBlacklist"] == "true" else "allow")


def _by_list(text: str, number: str) -> str | None:
    for line in text.splitlines():
        allow = line.startswith("!")
        if _wildcard_fits(line.removeprefix("!"), number):
            return "allow" if allow else "block"
    return None


def _verdicts(number: str, *, spaces: list[str] = ALL) -> Iterator[str | None]:
    rows = _rows(hv.export_block_rules(spaces=spaces))
    yield _by_wildcard(rows, number)
    # the number as it is, and as blockers that drop a leading + and zeros see it
    yield _by_regex(rows, number)
    yield _by_regex(rows, number.lstrip("+0"))
    yield _by_list(hv.export_block_rules(spaces=spaces, format="wildcard"), number)


def _official_numbers() -> list[str]:
    found = []
    for entry in hv.packaged_allowlist().numbers:
        if entry.active:
            found += [entry.number, *entry.forms]
    return found


def test_no_official_number_or_published_form_is_blocked() -> None:
    rows = _rows(hv.export_block_rules(spaces=ALL))
    listed = hv.export_block_rules(spaces=ALL, format="wildcard")
    numbers = _official_numbers()
    assert len(numbers) > 500 and any(e.forms for e in hv.packaged_allowlist().numbers)
    for number in numbers:
        assert _by_wildcard(rows, number) == "allow", number
        assert _by_regex(rows, number) == "allow", number
        assert _by_regex(rows, number.lstrip("+0")) in ("allow", None), number
        assert _by_list(listed, number) == "allow", number


def test_official_numbers_inside_blocked_spaces_are_the_ones_that_matter() -> None:
    """Official 8-digit 95 and 400 numbers sit inside blocked spaces: their allow comes first."""
    inside = [
        n
        for n in _official_numbers()
        if (s := space_of(n)) and s.id in ("call-centre-95-8", "enterprise-400")
    ]
    assert len({len(n) for n in inside}) == 2  # both kinds are in the data
    blocks = [r for r in _rows(hv.export_block_rules(spaces=ALL)) if r["action"] == "block"]
    for number in inside:
        assert any(_wildcard_fits(r["wildcard"], number) for r in blocks), number
        assert set(_verdicts(number)) == {"allow"}, number


@pytest.mark.parametrize("space", sorted(SAMPLES))
def test_each_space_blocks_its_unlisted_numbers_and_only_when_chosen(space: str) -> None:
    others = [s for s in ALL if s != space]
    for number in SAMPLES[space]:
        assert hv.packaged_allowlist().lookup(number) is None
        assert set(_verdicts(number, spaces=[space])) == {"block"}, number
        assert set(_verdicts(number, spaces=others)) == {None}, number


@pytest.mark.parametrize("number", ["95588", "95188", "95533", "9510211", "950618", "95000"])
def test_short_95_codes_are_never_blocked(number: str) -> None:
    assert "block" not in set(_verdicts(number))


def test_block_rules_spell_out_every_length() -> None:
    rows = [r for r in _rows(hv.export_block_rules(spaces=ALL)) if r["action"] == "block"]
    wildcards = {r["wildcard"] for r in rows}
    assert {"95??????", "96??????", "400???????", "800???????", "10??????"} - wildcards == {"10??????"}
    assert all(re.fullmatch(r"\d+\?+", w) for w in wildcards)  # no * anywhere
    assert {len(w) for w in wildcards if w.startswith("106")} == set(range(8, 21))
    for row in rows:
        sample = row["wildcard"].replace("?", "7")
        assert re.fullmatch(row["pattern"], sample)
        assert not re.fullmatch(row["pattern"], sample + "7")
        assert not re.fullmatch(row["pattern"], sample[:-1])


def test_csv_columns_order_and_priorities() -> None:
    text = hv.export_block_rules()
    assert text.startswith("pattern,wildcard,action,label,reason,description,priority,isBlacklist\r\n")
    rows = _rows(text)
    actions = [r["action"] for r in rows]
    assert actions == sorted(actions)  # every allow before the first block
    assert {(r["action"], r["isBlacklist"], r["priority"]) for r in rows} == {
        ("allow", "false", "2"),
        ("block", "true", "1"),
    }
    assert all(r["label"] and r["reason"] and r["description"] == r["label"] for r in rows)
    (alipay,) = [r for r in rows if r["wildcard"] == "95188"]
    grade = hv.packaged_allowlist().lookup("95188").evidence.value
    assert "支付宝" in alipay["label"] and f"({grade})" in alipay["reason"]
    assert hv.export_block_rules() == text  # deterministic


def test_retired_numbers_get_no_allow_rule() -> None:
    allowed = {r["wildcard"] for r in _rows(hv.export_block_rules()) if r["action"] == "allow"}
    retired = {e.number for e in hv.packaged_allowlist().numbers if not e.active}
    assert retired and not retired & allowed


def test_wildcard_list_has_allows_first_and_nothing_but_patterns() -> None:
    lines = hv.export_block_rules(spaces=["call-centre"], format="wildcard").splitlines()
    assert all(re.fullmatch(r"!?\+?[0-9?]+", line) for line in lines)
    marks = [line.startswith("!") for line in lines]
    assert marks == sorted(marks, reverse=True) and lines[-2:] == ["95??????", "96??????"]


def test_an_own_allowlist_protects_its_numbers(tmp_path: Path) -> None:
    data = json.loads((ROOT / "data/official_numbers.json").read_text("utf-8"))
    data["numbers"] = [n for n in data["numbers"] if n["org"] == "alipay"]
    data["organisations"] = [o for o in data["organisations"] if o["id"] == "alipay"]
    data["numbers"][0]["number"] = "95123456"
    data["known_fakes"] = data["wrong_attributions"] = []
    path = tmp_path / "own.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    rows = _rows(hv.export_block_rules(spaces=["call-centre"], allowlist=hv.load_allowlist(path)))
    assert _by_wildcard(rows, "95123456") == "allow"
    assert _by_wildcard(rows, "95123457") == "block"


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown space 'marketing'"):
        hv.export_block_rules(spaces=["sms", "marketing"])
    with pytest.raises(ValueError, match="at least one"):
        hv.export_block_rules(spaces=[])
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        hv.export_block_rules(format="xml")
    with pytest.raises(TypeError):
        hv.export_block_rules(allowlist="data/official_numbers.json")  # type: ignore[arg-type]
    assert hv.export_block_rules(spaces="sms") == hv.export_block_rules(spaces=["sms"])


def test_cli_writes_the_library_text(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = tmp_path / "rules.csv"
    assert cli.main(["export", "blocker", "-o", str(out)]) == 0
    assert out.read_bytes() == hv.export_block_rules().encode("utf-8")
    capsysbinary.readouterr()
    assert cli.main(["export", "blocker", "--format", "wildcard", "--spaces", "sms, unlisted-400"]) == 0
    expected = hv.export_block_rules(spaces=["sms", "unlisted-400"], format="wildcard")
    assert capsysbinary.readouterr().out == expected.encode("utf-8")


def test_cli_uses_an_own_allowlist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli.main(["export", "blocker", "--replace-allowlist", str(ROOT / "data/official_numbers.json")]) == 0
    )
    assert capsys.readouterr().out.replace("\r\n", "\n") == hv.export_block_rules().replace("\r\n", "\n")


def test_cli_reports_a_broken_allowlist_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert cli.main(["export", "blocker", "--replace-allowlist", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "--spaces" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "blocker", "--spaces", "sms,nope"], "unknown space 'nope'"),
        (["export", "blocker", "--spaces", ","], "at least one"),
        (["export", "blocker", "--format", "xml"], "invalid choice"),
        (["export", "vcard", "--format", "csv"], "not vcard"),
    ],
)
def test_cli_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err
