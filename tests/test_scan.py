"""scan(): which digits in a message are phone numbers, and what each verdict says."""

from __future__ import annotations

import json
import random
import time

import pytest

import hotline_verify as hv
from hotline_verify import Finding, Risk, Status, scan


def spans(text: str, **kwargs) -> list[tuple[str, str]]:
    """(text, status) of every finding, after checking each span against the source."""
    found = scan(text, **kwargs)
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.text, f.status.value) for f in found]


# -- realistic texts (written for these tests) ---------------------------------------------

GUIDE = """网购纠纷求助指南（2026年11月更新）
遇到商家拒绝退款、收到假货等问题，可以拨打淘宝/天猫消费者热线 9510211，服务时间 9:00-21:00，大促期间可能延长到 22:00。
京东的订单请改打 400-656-2211；和付款有关的问题，支付宝客服 95188 处理得更快。
打电话前准备好订单号（例如 1234567890123456789）、聊天截图和退款记录，并记下客服工号（如 66XXX），对方承诺 3 个工作日内回复。
据统计，约 35% 的纠纷在 3 个工作日内解决，平均退款 268.5 元，最高一笔 12,800 元，折后价 ¥9.9。
大促活动时间为 11月11-13日，2026-11-26 之后高峰结束；建议工作日上午 9-11点 打电话。
邮编 310099 的用户反映，升级到 App 10.21.3 版本后，等待时间缩短了 40%。
"""


def test_guide_finds_exactly_the_official_numbers():
    found = scan(GUIDE)
    assert [(f.text, f.status) for f in found] == [
        ("9510211", Status.OFFICIAL),
        ("400-656-2211", Status.OFFICIAL),
        ("95188", Status.OFFICIAL),
    ]
    assert [GUIDE[f.start : f.end] for f in found] == [f.text for f in found]
    assert GUIDE.index("9510211") == found[0].start
    assert [f.claimed_org.id for f in found] == ["taobao", "jd", "alipay"]
    assert all(f.risk is Risk.LOW for f in found)


REPORT = (
    "近日，市民王女士接到一个号码为 13912345678 的来电，对方自称是淘宝理赔中心的客服，称她买的商品有质量问题，"
    "可以双倍赔偿。对方要求她下载会议软件并开启屏幕共享，随后又让她提供银行卡号和短信验证码。"
    "王女士起了疑心，挂断后拨打淘宝官方热线 9510211 核实，才知道遇到了骗子。"
)


def test_report_mobile_posing_as_taobao_is_unofficial():
    fake, real = scan(REPORT)
    assert (fake.text, fake.start, fake.end) == ("13912345678", REPORT.index("139"), REPORT.index("139") + 11)
    assert fake.status is Status.UNOFFICIAL and fake.risk is Risk.HIGH
    assert fake.claimed_org.id == "taobao"
    assert fake.verdict.incoming
    assert {
        "unofficial-claim",
        "caller-id-spoofable",
        "red-flag-other-app",
        "red-flag-screen-sharing",
        "red-flag-card-number",
        "red-flag-sms-code",
    } <= set(fake.verdict.codes)
    assert "9510211" in [n.number for n in fake.verdict.suggested]
    # the number the reader is told to dial back is official, not "incoming", and carries no warnings
    assert (real.text, real.status, real.verdict.incoming, real.risk) == (
        "9510211",
        Status.OFFICIAL,
        False,
        Risk.LOW,
    )


AIRLINE_PAGE = """【机票退改签】南方航空客服电话：400-920-6688（24小时）
航班取消怎么办？拨打南航客服热线 4008-123-456 可办理全额退款，手续费 0 元。
"""


def test_airline_page_two_fake_400_numbers(test_allowlist):
    found = scan(AIRLINE_PAGE, allowlist=test_allowlist)
    assert [(f.text, f.status, f.claimed_org.id) for f in found] == [
        ("400-920-6688", Status.UNOFFICIAL, "china-southern"),
        ("4008-123-456", Status.UNOFFICIAL, "china-southern"),
    ]
    for f in found:
        assert AIRLINE_PAGE[f.start : f.end] == f.text
        assert [n.number for n in f.verdict.suggested] == ["95539"]
        assert "kind-enterprise-400" in f.verdict.codes


def test_airline_page_in_english(test_allowlist):
    text = (
        "China Southern customer service: 400-920-6688. Refunds: call 4008 123 456 (China Southern Airlines)."
    )
    assert [(f.text, f.status.value, f.claimed_org.id) for f in scan(text, allowlist=test_allowlist)] == [
        ("400-920-6688", "unofficial", "china-southern"),
        ("4008 123 456", "unofficial", "china-southern"),
    ]


def test_packaged_allowlist_knows_the_airline():
    (f,) = scan(AIRLINE_PAGE.splitlines()[0])
    assert (f.text, f.status, f.claimed_org.id) == ("400-920-6688", Status.UNOFFICIAL, "china-southern")
    assert f.verdict.suggested[0].number == "95539"


# -- number forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("支付宝 95188", "95188"),
        ("淘宝热线9510211", "9510211"),
        ("移动客服 10086", "10086"),
        ("投诉请拨打12315。", "12315"),
        ("电话 400-988-8898", "400-988-8898"),
        ("电话 4009-888-898", "4009-888-898"),
        ("电话 400 988 8898", "400 988 8898"),
        ("电话 4009888898", "4009888898"),
        ("天猫超市 4009888898", "4009888898"),
        ("热线：４００－９８８－８８９８", "４００－９８８－８８９８"),
        ("手机 13812345678", "13812345678"),
        ("手机：138-1234-5678", "138-1234-5678"),
        ("请拨打 0571-88158198", "0571-88158198"),
        ("请拨打 (0571) 8815 8198", "(0571) 8815 8198"),
        ("+86 138 1234 5678", "+86 138 1234 5678"),
        ("0086 400 988 8898", "0086 400 988 8898"),
        ("电话 400.988.8898", "400.988.8898"),
        ("4OO-988-8898 是淘宝客服吗", "4OO-988-8898"),
        ("来电显示 +95188", "+95188"),
        ("显示 010-95188 的来电", "010-95188"),
    ],
)
def test_number_forms(text, expected):
    assert [f.text for f in scan(text)] == [expected]


def test_lookalike_forms(test_allowlist):
    text = "来电显示 +95588，短信来自 010-95566，还有人说 4OO-988-8898 是天猫超市的。"
    found = scan(text, allowlist=test_allowlist)
    assert [(f.text, f.status.value, f.verdict.lookalike_kind.value) for f in found] == [
        ("+95588", "lookalike", "international"),
        ("010-95566", "lookalike", "area-code"),
        ("4OO-988-8898", "lookalike", "letter-for-digit"),
    ]
    assert [f.verdict.official.number for f in found] == ["95588", "95566", "4009888898"]


def test_list_of_numbers_separated_by_spaces(test_allowlist):
    assert spans("客服电话 95588 95566 95188", allowlist=test_allowlist) == [
        ("95588", "official"),
        ("95566", "official"),
        ("95188", "official"),
    ]
    assert spans("电话 400 700 6000 95188") == [("400 700 6000", "official"), ("95188", "official")]


def test_number_followed_by_bracket_note():
    assert spans("客服电话：400-920-6688（24小时）") == [("400-920-6688", "unknown")]
    assert spans("官方号码 9510211(淘宝 / 天猫消费者热线)") == [("9510211", "official")]


# -- false positives ------------------------------------------------------------------------

NOT_PHONE_NUMBERS = {
    "order number": [
        "订单号：1234567890123456789",
        "客服电话里报了订单号 1234567890123456789",
        "order number 1234567890123456789, please call us",
        "订单号 4001234567",
    ],
    "long id": ["客服说流水号是 20261126000123456789", "电话核实 6222021234567890123"],
    "amount": [
        "实付2000元",
        "客服说合计 43,200 元",
        "折后 ¥9.9",
        "RMB 12000",
        "客服说赔偿 12000",
        "price 12000 yuan",
        "热线通知：退款 95188 元",
    ],
    "date": [
        "11月12-18日",
        "电话预约 2026-11-26",
        "2014年12月18日",
        "2026.11.26",
        "客服电话更新于 20261126",
        "26-11-2026",
    ],
    "time": ["服务时间 9:00-21:00", "热线 9-11点 最忙", "14:00—16:00 可以打电话", "at 9 am call"],
    "percentage": ["提升 50%", "减少 12.5%", "好评率 95.5%", "电话接通率 99.99%"],
    "version": ["版本 10.2.1", "App v2.3.0 客服", "iOS 17.1.2", "热线系统升级到 10.21.3"],
    "postal code": ["邮编 100020", "邮政编码：310099", "电话和邮编：100020"],
    "id card": ["身份证号 11010519491231002X", "110105194912310021", "身份证后四位 002X"],
    "staff id": ["工号 88XXX", "客服工号是 88XXX", "staff ID 95188"],
    "range": ["每天处理 100-200 个电话", "等待 10-20 分钟", "电话排队 1-3 分钟"],
    "counts": ["3 个工作日", "等了 7 天", "18 点前", "2000 人打过电话", "粉丝 12000"],
    "identifiers": [
        "dty8798",
        "SN-95188",
        "a95188",
        "95188abc",
        "http://example.cn/13812345678",
        "v1.0.95188",
        "#95188",
    ],
    "bank card": ["卡号 6222 0212 3456 7890 123"],
    "bare digits without context": ["13812345678", "今天卖了 12345 件", "有问题可以问12322。"],
}


@pytest.mark.parametrize("text", [t for texts in NOT_PHONE_NUMBERS.values() for t in texts])
def test_not_a_phone_number(text):
    assert spans(text) == []


def test_amount_words_give_way_to_a_listed_number():
    assert spans("客服说赔偿找 95188") == [("95188", "official")]
    assert spans("客服说赔偿 12000") == []


def test_short_code_needs_context_unless_listed(test_allowlist):
    assert spans("有问题可以问12322。") == []  # no phone word
    assert spans("有问题可以找12322。") == [("12322", "unknown")]  # "找" right before it: someone to call
    assert spans("有问题可以找12315。", allowlist=test_allowlist) == [("12315", "official")]
    assert spans("消费纠纷可以拨打12322投诉") == [("12322", "unknown")]  # allocated: 12321 is suggested
    assert spans("3 个工作日内答复，最晚 18 点，退款 2000 元") == []


@pytest.mark.parametrize(
    "text, masked",
    [
        ("对方留的号码是 400-XXX-XXXX", "400-XXX-XXXX"),
        ("来电号码 138****1234 自称淘宝客服", "138****1234"),
        ("电话 400-xxx-xxxx", "400-xxx-xxxx"),
    ],
)
def test_masked_numbers_are_invalid_never_official(text, masked):
    (f,) = scan(text)
    assert f.text == masked
    assert f.status is Status.INVALID
    assert f.verdict.codes[0] == "invalid-masked"


# -- claims ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number, org",
    [
        ("淘宝客服电话400-123-4567", "400-123-4567", "taobao"),
        ("号码 400-123-4567，自称是淘宝理赔中心的客服", "400-123-4567", "taobao"),
        ("400-123-4567 是支付宝的客服吗？", "400-123-4567", "alipay"),
        ("Alipay customer service: 400-123-4567", "400-123-4567", "alipay"),
        ("Call 400-123-4567 for Taobao refunds.", "400-123-4567", "taobao"),
        ("I got a call from 400-123-4567 claiming to be TAOBAO.", "400-123-4567", "taobao"),
        ("Tmall Supermarket 的客服 400-123-4567", "400-123-4567", "tmall-supermarket"),
        # the spaces inside a name vary; a name with two of them once raised KeyError
        ("PayPal  China 客服 400-123-4567", "400-123-4567", "paypal-china"),
        ("Call PayPal\tChina on 400-123-4567", "400-123-4567", "paypal-china"),
        ("苹果   中国客服电话 400-123-4567", "400-123-4567", "apple-china"),
    ],
)
def test_claims(text, number, org):
    (f,) = scan(text)
    assert f.text == number
    assert f.claimed_org.id == org
    assert f.status is Status.UNOFFICIAL
    assert f.verdict.claimed_org.id == org


@pytest.mark.parametrize(
    "text",
    [
        "某银行客服电话 400-123-4567",
        "a bank called me from 400-123-4567",
        "淘宝卖家的电话 13812345678",
        "Taobao seller phone 13812345678",
    ],
)
def test_no_claim(text):
    (f,) = scan(text)
    assert f.claimed_org is None
    assert f.status is Status.UNKNOWN


def test_nearest_organisation_in_the_clause_wins():
    text = "淘宝打 9510211，天猫超市打 400-988-8898，支付宝相关问题打 95188"
    assert [f.claimed_org.id for f in scan(text)] == ["taobao", "tmall-supermarket", "alipay"]
    text = "Taobao: 9510211 and Alipay: 95188"
    assert [f.claimed_org.id for f in scan(text)] == ["taobao", "alipay"]


def test_each_finding_keeps_its_own_spelling_of_the_claim():
    # the same number claimed twice in one text: each verdict names the claim as it is written
    found = scan("Alipay 客服 95188。支付宝客服 95188")
    assert [(f.claimed_org.id, f.verdict.claimed) for f in found] == [
        ("alipay", "Alipay"),
        ("alipay", "支付宝"),
    ]
    found = scan("淘宝客服 400-123-4567。淘寶客服 400-123-4567")
    assert [f.verdict.claimed for f in found] == ["淘宝", "淘寶"]


def test_what_scans_keep_is_kept_per_list_and_region(test_allowlist):
    # scans keep what they work out about a number across calls: never for another list or region
    text = "热线 4009888898"
    for _ in range(2):
        assert [f.status for f in scan(text, allowlist=test_allowlist)] == [Status.OFFICIAL]
        assert [f.status for f in scan(text)] == [Status.UNKNOWN]
    text = "电话 2123 4567"
    for _ in range(2):
        assert [f.verdict.kind for f in scan(text, region="HK")] == [hv.NumberKind.INTERNATIONAL]
        assert [f.verdict.kind for f in scan(text)] != [hv.NumberKind.INTERNATIONAL]


def test_what_scans_keep_is_bounded(monkeypatch):
    from hotline_verify import _scan

    monkeypatch.setattr(_scan, "_MEMO_MAX", 50)
    for n in range(300):
        scan(f"客服电话 400-{n:03d}-1234，淘宝客服 138{n:08d}")
        memo = _scan._memos[hv.packaged_allowlist()].get("CN")
        assert memo is None or len(memo.shapes) + len(memo.verdicts) <= 50  # dropped whole past the bound
    # one long text of many numbers keeps nothing past its scan
    scan("，".join(f"客服电话 400-{n:03d}-5678" for n in range(100)))
    assert "CN" not in _scan._memos[hv.packaged_allowlist()]


def test_claim_from_another_clause_of_the_sentence():
    text = "我打了 400-123-4567，对方说自己是支付宝"
    (f,) = scan(text)
    assert f.claimed_org.id == "alipay"


def test_claim_does_not_cross_sentences():
    text = "支付宝的问题请在 App 里解决。另外，电话 400-123-4567 是我朋友的。"
    (f,) = scan(text)
    assert f.claimed_org is None


def test_official_number_of_another_organisation_routes_the_user():
    (f,) = scan("淘宝客服 95188")
    assert f.status is Status.OFFICIAL and f.claimed_org.id == "taobao"
    assert "official-other-org" in f.verdict.codes


# -- incoming calls and red flags ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "刚才 400-123-4567 打来电话",
        "来电 400-123-4567",
        "接到一个自称客服的电话，号码 400-123-4567",
        "400-123-4567 called me this morning",
        "I received a call from 400-123-4567",
    ],
)
def test_incoming(text):
    (f,) = scan(text)
    assert f.verdict.incoming
    assert "caller-id-spoofable" in f.verdict.codes
    assert "incoming-400" in f.verdict.codes


def test_dialling_back_is_not_incoming():
    (f,) = scan("接到陌生来电，请挂断后拨打 9510211 核实")
    assert not f.verdict.incoming


@pytest.mark.parametrize(
    "text, code",
    [
        ("电话 400-123-4567 要我报验证码", "red-flag-sms-code"),
        ("电话 400-123-4567 让我提供银行卡号", "red-flag-card-number"),
        ("电话 400-123-4567 问我的支付密码", "red-flag-password"),
        ("电话 400-123-4567 让我把钱转到安全账户", "red-flag-safe-account"),
        ("电话 400-123-4567 说要先提高额度才能退款", "red-flag-credit-limit"),
        ("电话 400-123-4567 让我刷流水", "red-flag-credit-limit"),
        ("电话 400-123-4567 让我共享屏幕", "red-flag-screen-sharing"),
        ("电话 400-123-4567 让我加QQ", "red-flag-other-app"),
        ("电话 400-123-4567 让我加微信", "red-flag-other-app"),
        ("电话 400-123-4567 让我下载会议软件", "red-flag-other-app"),
        ("400-123-4567 asked for my verification code", "red-flag-sms-code"),
        (
            "400-123-4567 asked me to share my screen and move money to a safe account",
            "red-flag-safe-account",
        ),
    ],
)
def test_red_flags(text, code):
    (f,) = scan(text)
    assert code in f.verdict.codes
    assert f.risk is Risk.HIGH
    flag = next(r for r in f.verdict.reasons if r.code == code)
    assert flag.case == "fake-400-search"
    assert flag.message_zh and flag.message_en


def test_warnings_are_not_red_flags():
    (f,) = scan("官方客服不会索要验证码，淘宝热线 9510211。")
    assert not [c for c in f.verdict.codes if c.startswith("red-flag")]
    (f,) = scan("Genuine staff never ask for a password. Alipay: 95188")
    assert f.risk is Risk.LOW


def test_red_flags_in_another_sentence_do_not_touch_an_official_number():
    (fake, real) = scan("对方用 400-123-4567 打来，要我提供验证码。\n正确做法：挂断，自己拨打 9510211。")
    assert "red-flag-sms-code" in fake.verdict.codes
    assert real.risk is Risk.LOW and not [c for c in real.verdict.codes if c.startswith("red-flag")]


def test_red_flag_adds_the_documented_case():
    (f,) = scan("400-123-4567 说是淘宝客服，要我提供验证码")
    assert "fake-400-search" in [c.id for c in f.verdict.cases]


# -- the result objects ------------------------------------------------------------------------


def test_finding_to_dict_is_json():
    (f,) = scan("淘宝客服电话 400-123-4567，要验证码")
    data = f.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["text"] == "400-123-4567" and data["claimed_org"]["id"] == "taobao"
    assert data["verdict"]["status"] == "unofficial"


def test_finding_is_frozen():
    (f,) = scan("支付宝 95188")
    assert isinstance(f, Finding)
    with pytest.raises(AttributeError):
        f.start = 0  # type: ignore[misc]


def test_exported():
    assert hv.scan is scan and hv.Finding is Finding
    assert "scan" in hv.__all__ and "Finding" in hv.__all__


# -- hostile input -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, b"95188", 95188, ["95188"], object()])
def test_type_error_for_non_str(bad):
    with pytest.raises(TypeError):
        scan(bad)


def test_type_errors_for_options():
    with pytest.raises(TypeError):
        scan("95188", region=None)
    with pytest.raises(TypeError):
        scan("95188", allowlist="packaged")


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "\x00\x01\x02 95188 \x7f",
        "\ud800 95188",
        "🙂📞🙂",
        "📞95188",
        "☎️ 400-988-8898",
        "٩٥١٨٨",
        "电话 𝟗𝟓𝟏𝟖𝟖",
        "९५१८८",
        "9\u200b5\u200c1\u200d8\u20608",
        "\u202e95188\u202c",
        "\ufeff95188",
        "+" * 1000,
        "(" * 1000 + "95188" + ")" * 1000,
        "-" * 10000,
        "XXXX" * 1000,
        "4OO" * 1000,
    ],
)
def test_hostile_inputs_do_not_raise(text):
    for f in scan(text):
        assert text[f.start : f.end] == f.text
        assert f.status in Status


def test_other_scripts_digits_are_read_and_flagged():
    (f,) = scan("支付宝 ٩٥١٨٨")
    assert f.text == "٩٥١٨٨" and f.status is Status.OFFICIAL and "folded-digits" in f.verdict.codes
    (f,) = scan("支付宝 95\u200b188")
    assert f.status is Status.OFFICIAL and "invisible-characters" in f.verdict.codes


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["9", "95188 ", "1-", "a", "淘宝客服电话 400-123-4567 ", "\u200b"])
def test_megabyte_inputs(unit):
    text = unit * (1_000_000 // len(unit))
    found = scan(text)
    for f in found[:50]:
        assert text[f.start : f.end] == f.text


def _best_time(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.slow
def test_linear_time_on_digit_and_separator_runs():
    rng = random.Random(5)
    alphabet = "0123456789" * 4 + " -.()+（）－"
    large = "".join(rng.choice(alphabet) for _ in range(2_000_000))
    small = large[:200_000]
    # 10 times the input; linear is about 10 times the time, the bound leaves room for a busy machine
    assert _best_time(large, 1) < 20 * _best_time(small, 3)


@pytest.mark.parametrize("text", ["施工行业协会电话 400-123-4567", "湖南航道局电话 400-123-4567"])
def test_a_short_name_inside_another_word_is_no_claim(text):
    (f,) = scan(text)
    assert f.claimed_org is None and f.status is Status.UNKNOWN
