"""chatbot: replies ready to send, and the tool-calling interface."""

from __future__ import annotations

import json

import fastjsonschema
import pytest

from hotline_verify.chatbot import TOOL_SCHEMA, handle_tool_call, reply, reply_data, tool_definitions

SCAM = "昨天 400-123-4567 打来电话，自称淘宝客服，说要先提高额度才能退款。"


def test_reply_one_line_per_number_then_what_never_to_do():
    text = SCAM + "天猫超市是 4OO-988-8898 吗？支付宝是 95188。陌生号码 13812345678 发来短信。"
    lines = reply(text).splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("400-123-4567：非官方号码") and "9510211" in lines[0] and "挂断" in lines[0]
    assert lines[1].startswith("4OO-988-8898：仿冒号码") and "4009888898" in lines[1]
    assert lines[2].startswith("95188：支付宝的官方号码")
    assert lines[3].startswith("13812345678：无法确认")
    assert lines[4] == "切记：不要为了退款去提额、借钱或刷流水。"


def test_reply_in_english():
    lines = reply("Someone called me from 400-123-4567 saying they were Alipay.", lang="en").splitlines()
    assert lines[0].startswith("400-123-4567: not an official number") and "95188" in lines[0]
    assert "Caller ID can be spoofed" in lines[0]
    assert lines[1].startswith("Never")


def test_reply_without_numbers():
    assert reply("你好") == "消息里没有找到电话号码。要联系企业，请在它的官方 App 或官网里查号码。"
    assert reply("hello", lang="en").startswith("No phone number found")


def test_reply_names_the_right_line_for_another_organisation():
    (line, _) = reply("淘宝客服 95188").splitlines()
    assert "不属于淘宝/天猫" in line and "9510211" in line


def test_reply_rejects_bad_options():
    with pytest.raises(ValueError, match="lang"):
        reply("95188", lang="fr")
    with pytest.raises(TypeError):
        reply(None)  # type: ignore[arg-type]


def test_reply_data_is_json_and_matches_reply():
    data = reply_data(SCAM)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["reply"] == reply(SCAM)
    (number,) = data["numbers"]
    assert number["status"] == "unofficial" and number["claimed_org"] == "taobao"
    assert number["call_instead"] == ["9510211"] and number["incoming"] is True
    assert data["never"] == data["reply"].splitlines()[-1]


def test_tool_schema_is_openai_style_and_valid_json_schema():
    assert [t["function"]["name"] for t in TOOL_SCHEMA] == ["verify_number", "scan_message"]
    for tool in TOOL_SCHEMA:
        assert tool["type"] == "function"
        params = tool["function"]["parameters"]
        assert params["type"] == "object" and params["additionalProperties"] is False
        fastjsonschema.compile(params)
    json.dumps(list(TOOL_SCHEMA))
    copy = tool_definitions()
    copy[0]["function"]["name"] = "changed"
    assert TOOL_SCHEMA[0]["function"]["name"] == "verify_number"


def test_verify_tool():
    result = json.loads(
        handle_tool_call(
            "verify_number", json.dumps({"number": "400-123-4567", "claimed": "淘宝", "lang": "en"})
        )
    )
    assert result["verdict"]["status"] == "unofficial"
    assert result["explanation"].startswith("Verdict: not an official number")


def test_scan_tool():
    result = json.loads(handle_tool_call("scan_message", json.dumps({"text": SCAM})))
    assert result["reply"] == reply(SCAM)
    assert [f["text"] for f in result["findings"]] == ["400-123-4567"]
    assert result["findings"][0]["verdict"]["risk"] == "high"


@pytest.mark.parametrize(
    "name, arguments, code",
    [
        ("verify_number", "{", "bad-arguments"),
        ("verify_number", "[]", "bad-arguments"),
        ("verify_number", '{"number": 95188}', "bad-arguments"),
        ("verify_number", '{"number": ""}', "bad-arguments"),
        ("verify_number", '{"number": "95188", "lang": "fr"}', "bad-arguments"),
        ("verify_number", '{"number": "95188", "colour": "red"}', "bad-arguments"),
        ("verify_number", "{}", "bad-arguments"),
        ("scan_message", '{"text": null}', "bad-arguments"),
        ("scan_message", json.dumps({"text": "9" * 100_001}), "bad-arguments"),
        ("scan_message", "[" * 100_000, "bad-arguments"),
        ("scan_message", None, "bad-arguments"),
        ("delete_everything", "{}", "unknown-tool"),
        (None, "{}", "unknown-tool"),
    ],
)
def test_bad_calls_answer_with_an_error_object(name, arguments, code):
    result = json.loads(handle_tool_call(name, arguments))
    assert result["error"]["code"] == code
    assert result["error"]["message"].endswith(".") or "JSON" in result["error"]["message"]


def test_reply_for_a_retired_number_names_the_replacement():
    from hotline_verify.chatbot import reply

    assert reply("平安银行客服电话 95501").splitlines()[0] == (
        "95501：已停用的旧号码（曾属于平安银行），现在可能属于别人，不要拨打。请改打 95511。"
    )


def test_reply_for_an_organisation_without_a_listed_number():
    from hotline_verify.chatbot import reply

    first = reply("浙商银行客服 95188", lang="en").splitlines()[0]
    assert first.endswith(
        "It is not China Zheshang Bank's. Look China Zheshang Bank's number up in its official app "
        "or website."
    )
    assert "—" not in first
