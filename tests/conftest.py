"""Shared fixtures: a small allowlist with organisations the packaged data may not have yet."""

from __future__ import annotations

from typing import Any

import pytest

from hotline_verify.allowlist import Allowlist, build

SOURCE = [{"kind": "secondary", "where": "test fixture, not evidence", "read": "2026-11-26"}]


def _org(id_: str, zh: str, en: str, *aliases: str) -> dict[str, Any]:
    return {"id": id_, "name": {"zh": zh, "en": en}, "aliases": list(aliases)}


def _number(number: str, org: str, zh: str, en: str, scope: str = "national") -> dict[str, Any]:
    return {"number": number, "org": org, "status": "active", "kind": "hotline", "scope": scope,
            "service": {"zh": zh, "en": en}, "handles": {"zh": zh, "en": en}, "sources": SOURCE}


TEST_DATA: dict[str, Any] = {
    "format": "hotline-verify-allowlist",
    "version": 1,
    "organisations": [
        _org("taobao", "淘宝/天猫", "Taobao / Tmall", "淘宝", "天猫", "Taobao", "Tmall"),
        _org("tmall-supermarket", "天猫超市", "Tmall Supermarket", "猫超"),
        _org("alipay", "支付宝", "Alipay"),
        _org("china-southern", "中国南方航空", "China Southern Airlines", "南方航空", "南航", "China Southern"),
        _org("boc", "中国银行", "Bank of China", "中行", "BOC"),
        _org("icbc", "中国工商银行", "Industrial and Commercial Bank of China", "工商银行", "工行", "ICBC"),
        _org("samr", "市场监管总局", "State Administration for Market Regulation", "市场监管", "SAMR"),
    ],
    "numbers": [
        _number("9510211", "taobao", "淘宝/天猫消费者热线", "Taobao/Tmall consumer hotline"),
        _number("4009888898", "tmall-supermarket", "天猫超市客服", "Tmall Supermarket service"),
        _number("95188", "alipay", "支付宝客服", "Alipay service"),
        _number("95539", "china-southern", "南航客服热线", "China Southern service hotline"),
        _number("95566", "boc", "中国银行客服", "Bank of China service"),
        _number("95588", "icbc", "工商银行客服", "ICBC service"),
        _number("12315", "samr", "消费者投诉举报热线", "consumer complaints line", scope="every-city"),
    ],
    "cases": [{
        "id": "fake-400-search",
        "title": {"zh": "假客服号码", "en": "A fake service number"},
        "summary": {"zh": "测试用的案例。", "en": "A case for tests."},
        "source": SOURCE[0],
    }],
}


@pytest.fixture(scope="session")
def test_allowlist() -> Allowlist:
    return build(TEST_DATA, origin="tests")
