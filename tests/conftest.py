"""Shared inputs: a mixed set covering every status, with the claims that go with it."""

from __future__ import annotations

import pytest

# (number, claimed): official, lookalike, unofficial with a claim, unknown, invalid,
# and the forms that take other paths (letters, folded digits, extensions, spoofs).
MIXED: tuple[tuple[str, str | None], ...] = (
    ("9510211", None),
    ("９５１８８", "淘宝"),  # official, but another organisation's
    ("400-988-8898", "天猫超市"),
    ("95818", None),  # transposition
    ("4OO-988-8898", None),  # letters for digits
    ("010-95188", None),  # area-code spoof
    ("+95188", "Alipay"),  # international spoof
    ("9518812", None),  # embedded
    ("400-123-4567", "淘宝"),  # the core scam: an unlisted 400 number claiming a brand
    ("13812345678", "Taobao"),
    ("400-123-4567", None),
    ("13812345678", None),
    ("0571-8815 8198", None),
    ("+1 650 253 0000", None),
    ("95\u200b188 转 2", None),  # invisible character and extension
    ("1069095188", None),  # SMS port embedding a hotline
    ("400-123-4567", "某某公司"),  # unknown claim
    ("", None),
    ("abc", None),
    ("400-XXX-XXXX", None),
    ("12", None),
    ("123456-78", None),
)


@pytest.fixture
def mixed() -> tuple[tuple[str, str | None], ...]:
    return MIXED
