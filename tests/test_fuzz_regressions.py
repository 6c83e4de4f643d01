"""Inputs the fuzz targets (fuzz/) once failed on; each stays fixed."""

from __future__ import annotations

import pytest

import hotline_verify as hv

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
