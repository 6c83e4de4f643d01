"""Shared fixtures: the packaged data, small allowlists and a mixed set of inputs."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from helpers import allowlist_data, entry, org

from hotline_verify._allowlist import Allowlist, build, packaged_path


@pytest.fixture(scope="session")
def packaged_data() -> dict[str, Any]:
    return json.loads(packaged_path().read_text("utf-8"))


@pytest.fixture
def packaged_copy(packaged_data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(packaged_data)


@pytest.fixture(scope="session")
def banks():
    """Official numbers one digit apart, like the big banks' 955xx lines."""
    return build(
        allowlist_data(
            [
                org("bank-a", "甲银行", "Bank A", "甲行"),
                org("bank-b", "乙银行", "Bank B", "乙行"),
                org("bank-c", "丙银行", "Bank C", "丙行"),
            ],
            [
                entry("95588", "bank-a", acknowledged_lookalikes=["95599", "95566"]),
                entry("95599", "bank-b", acknowledged_lookalikes=["95588"]),
                entry("95566", "bank-c", acknowledged_lookalikes=["95588"]),
            ],
        )
    )


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


def _number(
    number: str, org_id: str, zh: str, en: str, scope: str = "national", **extra: Any
) -> dict[str, Any]:
    return entry(
        number, org_id, scope=scope, service={"zh": zh, "en": en}, handles={"zh": zh, "en": en}, **extra
    )


# A small allowlist for scan() tests, with organisations chosen for the texts they read.
TEST_DATA: dict[str, Any] = allowlist_data(
    [
        org("taobao", "淘宝/天猫", "Taobao / Tmall", "淘宝", "天猫", "Taobao", "Tmall"),
        org("tmall-supermarket", "天猫超市", "Tmall Supermarket", "猫超"),
        org("alipay", "支付宝", "Alipay"),
        org(
            "china-southern", "中国南方航空", "China Southern Airlines", "南方航空", "南航", "China Southern"
        ),
        org("boc", "中国银行", "Bank of China", "中行", "BOC"),
        org("icbc", "中国工商银行", "Industrial and Commercial Bank of China", "工商银行", "工行", "ICBC"),
        org("samr", "市场监管总局", "State Administration for Market Regulation", "市场监管", "SAMR"),
    ],
    [
        _number("9510211", "taobao", "淘宝/天猫消费者热线", "Taobao/Tmall consumer hotline"),
        _number("4009888898", "tmall-supermarket", "天猫超市客服", "Tmall Supermarket service"),
        _number("95188", "alipay", "支付宝客服", "Alipay service", acknowledged_lookalikes=["95588"]),
        _number("95539", "china-southern", "南航客服热线", "China Southern service hotline"),
        _number("95566", "boc", "中国银行客服", "Bank of China service"),
        _number("95588", "icbc", "工商银行客服", "ICBC service"),
        _number("12315", "samr", "消费者投诉举报热线", "consumer complaints line", scope="every-city"),
    ],
    cases=[
        {
            "id": "fake-400-search",
            "title": {"zh": "假客服号码", "en": "A fake service number"},
            "summary": {"zh": "测试用的案例。", "en": "A case for tests."},
            "sources": [
                {"kind": "source-article", "says": "test fixture, not evidence", "read": "2026-11-26"}
            ],
        }
    ],
)


@pytest.fixture(scope="session")
def test_allowlist() -> Allowlist:
    return build(TEST_DATA, origin="tests")
