"""Hostile input for every public function: the documented exception or an answer,
never anything else, in bounded time."""

from __future__ import annotations

import contextlib
import functools
import json
import sys
import time
import unicodedata

import pytest

import hotline_verify as hv
from hotline_verify import _allowlist as allowlist_module
from hotline_verify._datacheck import Problem, check_data
from hotline_verify._normalize import HOMOGLYPHS

LIMIT = 2.0  # seconds per call, even for 10 MB: generous, for a shared CI machine
TEN_MB = 10 * 1024 * 1024

NOT_STR = [None, object(), b"95188", bytearray(b"95188"), 95188, 95188.0, ["95188"], {"n": "95188"}]

HOSTILE = {
    "empty": "",
    "spaces": " \t\n\r\x0b\x0c\u3000\u00a0",
    "nul and controls": "\x00\x01\x1b9\x7f5188\x00",
    "c1 controls": "\x859\x9c5188",
    "lone high surrogate": "95\ud800188",
    "lone low surrogate": "\udfff",
    "surrogates only": "\ud800\udc00\udbff",
    "bidi override": "\u202e88159\u202c",
    "bidi isolates": "\u20669510211\u2069",
    "zero widths": "\u200b9\u200c5\u200d1\ufeff8\u20608",
    "combining marks": "9\u03055\u03011\u03088\u03008",
    "zalgo": "9" + "\u0301" * 190,
    "separators": "9" + "-" * 10_000 + "5188",
    "nested brackets": "(" * 5_000 + "95188" + ")" * 5_000,
    "short nested brackets": "((((((((95188))))))))",
    "emoji": "☎️95188😀",
    "emoji digits": "9️⃣5️⃣1️⃣8️⃣8️⃣",
    "flags and zwj": "🇨🇳👨‍👩‍👧95188",
    "letters for digits": "4OO-988-8898",
    "all homoglyphs": "OolIZzSsB|",
    "only plus": "++++",
    "plus between digits": "9+5+1+8+8",
    "masked": "400-XXX-XXXX",
    "private use": "\ue0009\uf8ff5188",
    "noncharacters": "\ufffe\uffff95188",
    "tags": "95188\U000e0041\U000e007f",
    "replacement char": "\ufffd95188",
    "circled and superscript": "⑨⑤①⑧⑧ ⁹⁵¹⁸⁸",
    "roman numerals": "ⅨⅤⅠⅧⅧ",
    "chinese numerals": "九五一八八",
    "extension markers": "95188 ext " + "9" * 50,
    "many hashes": "#" * 199,
    "exactly the limit": "9" * 200,
    "one over the limit": "9" * 201,
    "max digits": "9" * 20,
    "one digit too many": "9" * 21,
    "digits of two scripts": "٩٥١८८",
    "mathematical bold": "𝟗𝟓𝟏𝟖𝟖",
    "newline inside": "95\n188",
    "sms port": "1069" + "0" * 30,
}


def timed(f, *args, **kwargs):
    start = time.perf_counter()
    try:
        return f(*args, **kwargs)
    finally:
        elapsed = time.perf_counter() - start
        assert elapsed < LIMIT, f"{getattr(f, '__name__', f)} took {elapsed:.2f} s"


def check_verdict(v: hv.Verdict, text: str) -> None:
    assert isinstance(v, hv.Verdict)
    assert v.input == text
    assert v.status in set(hv.Status) and v.risk in set(hv.Risk)
    assert v.reasons
    json.dumps(v.to_dict())  # ensure_ascii keeps lone surrogates JSON-safe
    for lang in ("zh", "en"):
        assert isinstance(v.explain(lang), str)


# --- wrong types -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", NOT_STR, ids=lambda v: type(v).__name__)
def test_not_a_str_raises_type_error(value):
    with pytest.raises(TypeError, match="str"):
        hv.verify(value)
    with pytest.raises(TypeError, match="str"):
        hv.normalize(value)
    with pytest.raises(TypeError, match="str"):
        hv.lookalikes(value)
    if value is not None:
        with pytest.raises(TypeError, match="claimed"):
            hv.verify("95188", claimed=value)
        with pytest.raises(TypeError, match="region"):
            hv.verify("95188", region=value)
        with pytest.raises(TypeError, match="allowlist"):
            hv.verify("95188", allowlist=value)


@pytest.mark.parametrize("kinds", [[1], [None], ["nope"], [""], ["substitution", "x"]])
def test_unknown_lookalike_kinds_raise_value_error(kinds):
    with pytest.raises(ValueError, match="Unknown lookalike kind"):
        hv.lookalikes("95188", kinds=kinds)


def test_kinds_that_are_not_iterable_raise_type_error():
    with pytest.raises(TypeError):
        hv.lookalikes("95188", kinds=object())


@pytest.mark.parametrize("lang", [None, "", "fr", "ZH", [], {}, object(), "x" * 1_000_000])
def test_explain_refuses_other_languages_with_a_short_message(lang):
    v = hv.verify("95188")
    with pytest.raises(ValueError, match="lang must be") as info:
        v.explain(lang)
    assert len(str(info.value)) < 200


# --- hostile strings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_gets_a_verdict_or_invalid_number(text):
    check_verdict(timed(hv.verify, text), text)
    check_verdict(timed(hv.verify, text, incoming=True, claimed="淘宝"), text)
    try:
        once = timed(hv.normalize, text)
    except hv.InvalidNumber as exc:
        assert str(exc) and exc.code
    else:
        assert hv.normalize(once) == once
        assert all(isinstance(x, hv.Lookalike) for x in timed(lambda: list(hv.lookalikes(once))))
    with contextlib.suppress(hv.InvalidNumber):
        timed(lambda: list(hv.lookalikes(text)))


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_as_the_claim(text):
    v = timed(hv.verify, "9510211", claimed=text)
    check_verdict(v, "9510211")
    assert v.status is hv.Status.OFFICIAL  # a strange claim never changes what the number is


@pytest.mark.parametrize("region", ["cn", "US"])
def test_regions(region):
    check_verdict(timed(hv.verify, "+1 650 253 0000", region=region), "+1 650 253 0000")


@pytest.mark.parametrize("region", ["", "ZZ", "\ud800", "x" * 10_000])
def test_hostile_regions_are_a_value_error(region):
    with pytest.raises(ValueError, match="Unknown region") as info:
        timed(hv.verify, "+1 650 253 0000", region=region)
    assert len(str(info.value)) < 200


@pytest.fixture(scope="module")
def ten_mb() -> str:
    return ("淘宝9510211-" * (TEN_MB // 10 + 1))[:TEN_MB]


def test_ten_megabytes_are_refused_quickly(ten_mb):
    assert timed(hv.verify, ten_mb).status is hv.Status.INVALID
    with pytest.raises(hv.InvalidNumber, match="too long"):
        timed(hv.normalize, ten_mb)
    with pytest.raises(hv.InvalidNumber, match="too long"):
        timed(hv.lookalikes, ten_mb)


def test_ten_megabytes_as_a_claim(ten_mb):
    v = timed(hv.verify, "9510211", claimed=ten_mb)
    assert v.status is hv.Status.OFFICIAL and v.claimed_org is None
    assert (
        len(json.dumps(v.to_dict(), ensure_ascii=False)) < TEN_MB + 100_000
    )  # the claim kept once, not per reason
    assert all(len(r.message_en) < 500 for r in v.reasons)
    timed(hv.verify, "9510211", claimed="x" * TEN_MB)  # Latin text reaches the fuzzy matcher


# --- every decimal digit of Unicode ---------------------------------------------------------------------


@functools.cache
def decimal_zeros() -> tuple[str, ...]:
    return tuple(
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if unicodedata.category(c) == "Nd" and unicodedata.decimal(c) == 0
    )


def test_every_unicode_decimal_digit_reads_as_its_value():
    zeros = decimal_zeros()
    assert len(zeros) >= 60  # Unicode 15 has 68 scripts of decimal digits
    for zero in zeros:
        text = "".join(chr(ord(zero) + int(d)) for d in "9510211")
        assert hv.normalize(text) == "9510211", hex(ord(zero))
        v = hv.verify(text)
        assert v.status is hv.Status.OFFICIAL, hex(ord(zero))
        assert ("folded-digits" in v.codes) == (zero not in "0０"), hex(ord(zero))


@pytest.mark.parametrize(("letter", "digit"), sorted(HOMOGLYPHS.items()))
def test_every_letter_standing_for_a_digit_makes_a_lookalike(letter, digit):
    number = "400988" + digit + "898"
    text = number[:6] + letter + number[7:]
    v = hv.verify(text)
    assert v.status is hv.Status.LOOKALIKE and v.lookalike_kind is hv.LookalikeKind.LETTER_FOR_DIGIT, text
    with pytest.raises(hv.InvalidNumber) as info:
        hv.normalize(text)
    assert info.value.code == "letters"


# --- allowlist files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [None, 3, 2.5, b"/tmp/x.json", object()], ids=repr)
def test_allowlist_paths_of_the_wrong_type(path):
    with pytest.raises(TypeError):
        hv.load_allowlist(path)
    with pytest.raises(TypeError):
        check_data(path)


@pytest.mark.parametrize("name", ["nul\x00.json", "missing.json", "", ".", "\udcff.json", "x" * 5_000])
def test_unreadable_allowlist_paths_name_the_file(tmp_path, name):
    path = str(tmp_path / name) if name not in ("", ".") else name
    for f in (hv.load_allowlist, check_data):
        with pytest.raises(hv.AllowlistError, match="cannot read the file") as info:
            f(path)
        assert info.value.path == path


@functools.cache
def packaged_bytes() -> bytes:
    return allowlist_module.packaged_path().read_bytes()


BAD_FILES = {
    "empty": (b"", "1:1"),
    "whitespace": (b" \n\t ", "2:3"),
    "truncated": (None, ":"),
    "a lone bracket": (b"[", "1:2"),
    "deep arrays": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "deep objects": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    "a huge integer": (b'{"version": ' + b"1" * 5_000 + b"}", "1:13: not valid JSON: a number is too long"),
    "a huge integer on line 3": (b'{\n"a": 1,\n  "v": ' + b"7" * 9_000 + b"}", "3:8:"),
    "utf-16": ('{"a": 1}'.encode("utf-16"), "not UTF-8"),
    "binary": (b"\xff\xfe\x00garbage\x80", "not UTF-8"),
    "invalid utf-8 in a string": (b'{"format": "\xc3\x28"}', "not UTF-8 text (byte 12)"),
    "trailing garbage": (b"{} {}", "1:4: not valid JSON: Extra data"),
}


@pytest.mark.parametrize("name", BAD_FILES, ids=BAD_FILES.keys())
def test_corrupt_files_name_the_file_and_the_position(tmp_path, name):
    content, where = BAD_FILES[name]
    if content is None:
        content = packaged_bytes()[: len(packaged_bytes()) // 3]
    path = tmp_path / "list.json"
    path.write_bytes(content)
    with pytest.raises(hv.AllowlistError) as info:
        timed(hv.load_allowlist, path)
    assert str(info.value).startswith(str(path)), info.value
    assert where in str(info.value)
    assert info.value.path == str(path)
    try:
        problems = timed(check_data, path)
    except hv.AllowlistError as exc:
        assert str(path) in str(exc)
    else:
        assert problems and all(isinstance(p, Problem) and p.file == str(path) for p in problems)


STRANGE_DOCUMENTS = {
    "a list": [],
    "a string": "allowlist",
    "null": None,
    "NaN": float("nan"),
    "an empty object": {},
    "numbers is a dict": {
        "format": "hotline-verify-allowlist",
        "version": 1,
        "organisations": [],
        "numbers": {},
    },
    "lone surrogates": {"format": "\ud800", "version": 1, "organisations": [{"id": "\udfff"}], "numbers": []},
    "a huge string": {"format": "x" * 1_000_000},
}


@pytest.mark.parametrize("name", STRANGE_DOCUMENTS, ids=STRANGE_DOCUMENTS.keys())
def test_valid_json_of_the_wrong_shape(tmp_path, name):
    path = tmp_path / "list.json"
    path.write_text(json.dumps(STRANGE_DOCUMENTS[name]), "utf-8")
    with pytest.raises(hv.AllowlistError) as info:
        timed(hv.load_allowlist, path)
    assert str(info.value).startswith(f"{path}: /"), info.value
    problems = timed(check_data, path)
    assert problems and problems[0].file == str(path)


def test_an_oversized_file_is_refused_without_being_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(allowlist_module, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 1025)
    for f in (hv.load_allowlist, check_data):
        with pytest.raises(hv.AllowlistError, match=r"big\.json: the file is larger than"):
            f(path)
    path.write_bytes(b" " * 1024)  # at the limit: read, then judged as JSON
    with pytest.raises(hv.AllowlistError, match="not valid JSON"):
        hv.load_allowlist(path)


@pytest.mark.parametrize(
    "data",
    [{}, {1: 2}, {"numbers": [1, 2]}, {"a": [[[[[]]]]]}],
    ids=["empty", "int keys", "bad numbers", "nested"],
)
def test_check_data_on_strange_mappings_returns_problems(data):
    problems = timed(check_data, data)
    assert problems and all(p.file == "<data>" for p in problems)


def test_check_data_on_a_deeply_nested_mapping():
    data: dict = {"format": "hotline-verify-allowlist"}
    inner = data
    for _ in range(50_000):
        inner["x"] = {}
        inner = inner["x"]
    assert timed(check_data, data)


@pytest.mark.parametrize("incoming", ["yes", 1, None])
def test_incoming_must_be_a_bool(incoming):
    with pytest.raises(TypeError, match="incoming must be True or False"):
        hv.verify("95188", incoming=incoming)
