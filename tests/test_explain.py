"""The wording a person reads."""

from __future__ import annotations

import pytest

import hotline_verify as hv

TAOBAO_PATH_ZH = "我的淘宝 → 设置 → 关于淘宝 → 消费者客服热线"


def test_unofficial_taobao_claim_in_chinese():
    text = hv.verify("400-123-4567", claimed="淘宝").explain("zh")
    assert text.splitlines()[:4] == [
        "结论：非官方号码（风险：高）",
        "号码：4001234567 — 400 企业号码",
        "原因：",
        "- 4001234567 不在淘宝/天猫的官方号码之列。淘宝/天猫的官方号码：9510211 / 9510288 / 4008608608 / 057188158198。",
    ]
    assert "9510211" in text and TAOBAO_PATH_ZH in text
    assert "2000 元" in text  # the documented case
    assert "短信验证码" in text  # what never to give out
    assert "每天 9:00–21:00" in text  # hours of the official number


def test_unofficial_taobao_claim_in_english():
    text = hv.verify("400-123-4567", claimed="Taobao").explain("en")
    assert text.splitlines()[0] == "Verdict: not an official number (risk: high)"
    assert "9510211" in text and "My Taobao → Settings → About Taobao" in text
    assert "2,000 yuan" in text and "SMS verification code" in text


def test_official_number_explanation_states_the_evidence():
    text = hv.verify("95566").explain("en")
    assert text.splitlines()[0] == "Verdict: official number (risk: low)"
    assert "Evidence: verified (the organisation's own site or a government site publishes it)." in text
    assert "Evidence grade: verified" in text


def test_a_listed_number_says_how_to_confirm_it():
    v = hv.verify("95188")
    assert v.evidence is hv.Evidence.LISTED and v.to_dict()["evidence"] == "listed"
    text = v.explain("en")
    assert "Evidence grade: listed" in text and 'check it on the "contact us" page' in text
    assert "仅见于社区整理的号码表" in v.explain("zh")


def test_a_lookalike_shows_the_grade_of_the_number_it_imitates():
    v = hv.verify("010-95566")
    assert v.status is hv.Status.LOOKALIKE and v.evidence is v.official.evidence
    assert "Evidence grade of the number it imitates" in v.explain("en")
    assert hv.verify("400-123-4567").evidence is None


def test_lookalike_explanation_names_the_real_number():
    text = hv.verify("95818", claimed="支付宝").explain("zh")
    assert "相邻两位数字对调" in text and "- 95188 — 支付宝：支付宝客服热线；24 小时" in text


def test_wrong_line_explanation_cites_the_case():
    text = hv.verify("95188", claimed="淘宝").explain("en")
    assert "Tmall Supermarket has a line of its own" in text


def test_invalid_explanation_is_short():
    assert hv.verify("").explain("en") == "\n".join(
        [
            "Verdict: not a readable phone number (risk: low)",
            "Why:",
            "- This cannot be read as a phone number: The number is empty.",
        ]
    )


def test_unknown_language():
    with pytest.raises(ValueError, match='lang must be "zh" or "en"'):
        hv.verify("95188").explain("fr")
