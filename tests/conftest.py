"""Shared fixtures: the packaged data, small allowlists and a mixed set of inputs."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from helpers import allowlist_data, entry, org

from hotline_verify.allowlist import build, packaged_path


@pytest.fixture(scope="session")
def packaged_data() -> dict[str, Any]:
    return json.loads(packaged_path().read_text("utf-8"))


@pytest.fixture
def packaged_copy(packaged_data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(packaged_data)


@pytest.fixture(scope="session")
def banks():
    """Official numbers one digit apart, like the big banks' 955xx lines."""
    return build(allowlist_data(
        [org("bank-a", "甲银行", "Bank A", "甲行"), org("bank-b", "乙银行", "Bank B", "乙行"),
         org("bank-c", "丙银行", "Bank C", "丙行")],
        [entry("95588", "bank-a", acknowledged_lookalikes=["95599", "95566"]),
         entry("95599", "bank-b", acknowledged_lookalikes=["95588"]),
         entry("95566", "bank-c", acknowledged_lookalikes=["95588"])],
    ))


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
    """A mixed set covering every status, with the claims that go with it."""
    return MIXED
