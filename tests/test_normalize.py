from __future__ import annotations

import pytest
from samples import WAYS_95188, WAYS_9510211, WAYS_4009888898

import hotline_verify as hv
from hotline_verify._normalize import read


@pytest.mark.parametrize("text", WAYS_9510211)
def test_taobao_hotline_written_many_ways(text):
    assert hv.normalize(text) == "9510211"


@pytest.mark.parametrize("text", WAYS_4009888898)
def test_tmall_supermarket_written_many_ways(text):
    assert hv.normalize(text) == "4009888898"


@pytest.mark.parametrize("text", WAYS_95188)
def test_alipay_written_many_ways(text):
    assert hv.normalize(text) == "95188"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("010-12345678", "01012345678"),
        ("(0571) 8815-8198", "057188158198"),
        ("+86 571 8815 8198", "057188158198"),
        ("+86 10 95566", "01095566"),
        ("+86 10 6552 9988", "01065529988"),
        ("0086 10 6552 9988", "01065529988"),
        ("+1 (650) 253-0000", "+16502530000"),
        ("001 650 253 0000", "+16502530000"),
        ("12583195188", "95188"),
        ("٩٥١٨٨", "95188"),
        ("𝟗𝟓𝟏𝟖𝟖", "95188"),
        ("95\u200b188", "95188"),
        ("\ufeff95188", "95188"),
        ("九五一八八", "95188"),
    ],
)
def test_other_forms(text, expected):
    assert hv.normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("", "empty", "The number is empty."),
        ("   ", "empty", "The number is empty."),
        ("hotline", "letters", "The text has letters where digits should be, so it is not a phone number."),
        (
            "400-XXX-XXXX",
            "masked",
            "The number is masked (digits replaced by X or *), so it cannot be checked.",
        ),
        (
            "138****1234",
            "masked",
            "The number is masked (digits replaced by X or *), so it cannot be checked.",
        ),
        ("12", "too-short", "The number has too few digits to be a phone number."),
        ("1" * 25, "too-long", "The text is too long to be one phone number."),
        ("--()--", "no-digits", "The text has no digits, so it is not a phone number."),
        ("📞", "no-digits", "The text has no digits, so it is not a phone number."),
        (
            "400 call 1234",
            "letters",
            "The text has letters where digits should be, so it is not a phone number.",
        ),
        ("0123", "format", "The digits do not form a phone number in any known format."),
    ],
)
def test_invalid_messages(text, code, message):
    with pytest.raises(hv.InvalidNumber) as info:
        hv.normalize(text)
    assert info.value.code == code
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_letters_for_digits_are_refused_by_name():
    with pytest.raises(hv.InvalidNumber, match=r'the letter "l" \(LATIN SMALL LETTER L\)'):
        hv.normalize("95l88")


@pytest.mark.parametrize("bad", [None, 95188, b"95188", 9.5, ["95188"], object()])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError):
        hv.normalize(bad)


def test_reading_reports_what_was_folded():
    r = read("٩٥١٨٨\u200b")
    assert r.digits == "95188"
    assert r.folded == ("٩", "٥", "١", "٨")
    assert r.invisible == ("\u200b",)
    assert read("９５１８８").folded == ()  # full-width digits are ordinary


def test_reading_keeps_extension():
    r = read("95017转2")
    assert (r.digits, r.extension) == ("95017", "2")


@pytest.mark.parametrize("text", ["95188", "+86 400 988 8898", "010-95566", "+95188", "0571-88158198"])
def test_normalize_is_idempotent(text):
    once = hv.normalize(text)
    assert hv.normalize(once) == once


# --- inputs the fuzz targets (fuzz/) once failed on; each stays fixed ---

# normalize() returned a form that did not normalize again
NOT_IDEMPOTENT = [
    "+\x14\x00\x00\x00\x00\x00\x00\x00\x00０-00\x00³\x00",  # "+0003": "+" then a leading 0
    "0000",  # "00" prefix then "00": was "+00"
    "+001",
    "+00",
    "+0086 4009888898",
    "+8/ (400\x01\x019518889",  # "+84 009518889": phonenumbers drops one trunk 0 per parse
    "+84 009518889",
]


@pytest.mark.parametrize("text", NOT_IDEMPOTENT)
def test_normalize_is_idempotent_or_refuses(text):
    try:
        once = hv.normalize(text)
    except hv.InvalidNumber:
        return
    assert hv.normalize(once) == once


@pytest.mark.parametrize("text", ["0000", "+001", "+0003", "00095588"])
def test_international_prefix_without_a_country_code_is_not_abroad(text):
    v = hv.verify(text)
    assert v.kind is not hv.NumberKind.INTERNATIONAL
    assert v.normalized is None or not v.normalized.startswith("+0")
    with pytest.raises(hv.InvalidNumber):
        hv.normalize(text)


def test_an_e164_form_that_is_a_fixed_point_is_kept():
    assert hv.normalize("+44 (0)20 7946 0000") == "+442079460000"
    assert hv.normalize("+8409518889") == hv.normalize(hv.normalize("+8409518889"))
