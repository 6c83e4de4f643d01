"""chatbot: replies ready to send, and the tool-calling interface."""

from __future__ import annotations

import json
import re

import fastjsonschema
import pytest

from hotline_verify.chatbot import TOOL_SCHEMA, handle_tool_call, reply, reply_data, tool_definitions

SCAM = "昨天 400-123-4567 打来电话，自称淘宝客服，说要先提高额度才能退款。"


def test_reply_one_line_per_number_then_what_never_to_do():
    text = SCAM + "吉祥航空是 4OO-700-6000 吗？支付宝是 95188。陌生号码 13812345678 发来短信。"
    lines = reply(text).splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("400-123-4567：非官方号码") and "9510211" in lines[0] and "挂断" in lines[0]
    assert lines[1].startswith("4OO-700-6000：仿冒号码") and "4007006000" in lines[1]
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
    assert number["call_instead"] == ["9510211", "9510288", "4008608608", "057188158198"]
    assert number["incoming"] is True
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

    assert reply("联通客服电话 10060").splitlines()[0] == (
        "10060：已停用的旧号码（曾属于中国联通），现在可能属于别人，不要拨打。请改打 10010。"
    )


def test_reply_for_an_organisation_without_a_listed_number():
    from hotline_verify.chatbot import reply

    first = reply("华安财产保险客服 95188", lang="en").splitlines()[0]
    assert first.endswith(
        "It is not Huaan Property Insurance's. Look Huaan Property Insurance's number up in its official app "
        "or website."
    )
    assert "—" not in first


class _Namespace:
    """An object with attributes, as the OpenAI client's response models are."""

    def __init__(self, **fields):
        self.__dict__.update(fields)


class _StubClient:
    """Stands in for ``openai.OpenAI()``: the same call shape, the API's rules on tool messages.

    The first request gets a tool call; a request that answers it gets a reply quoting the
    tool's result. Like the API, it refuses a tool message that does not answer a call of
    the assistant message before it, and a call left without an answer.
    """

    def __init__(self, calls):
        self.calls = calls
        self.requests = []
        self.chat = _Namespace(completions=_Namespace(create=self.create))

    def create(self, *, model, messages, tools):
        self.requests.append([dict(m) for m in messages])
        json.dumps(messages)  # the request body must serialise
        assert [t["function"]["name"] for t in tools] == ["verify_number", "scan_message"]
        pending = set()
        for m in messages:
            if m["role"] == "tool":
                assert m["tool_call_id"] in pending, "a tool message must answer a call of the assistant"
                pending.discard(m["tool_call_id"])
            else:
                assert not pending, "every tool call needs its answer before the next message"
                pending = {c["id"] for c in m.get("tool_calls", [])}
        assert not pending, "every tool call needs its answer"
        if messages[-1]["role"] == "tool":
            results = [json.loads(m["content"]) for m in messages if m["role"] == "tool"]
            return self._reply(content=results[-1]["reply"], tool_calls=None)
        calls = [
            _Namespace(id=f"call_{i}", type="function", function=_Namespace(name=name, arguments=arguments))
            for i, (name, arguments) in enumerate(self.calls)
        ]
        return self._reply(content=None, tool_calls=calls)

    @staticmethod
    def _reply(**message):
        return _Namespace(choices=[_Namespace(message=_Namespace(role="assistant", **message))])


def _documented_loop():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "chatbots.md").read_text("utf-8")
    (code,) = [
        b for b in re.findall(r"^```python\n(.*?)^```", page, re.DOTALL | re.MULTILINE) if "def answer(" in b
    ]
    namespace = {}
    exec(compile(code, "docs/chatbots.md", "exec"), namespace)
    return namespace["answer"]


@pytest.mark.parametrize("calls", [1, 2])
def test_the_documented_openai_loop_runs_against_a_stub_client(calls):
    answer = _documented_loop()
    arguments = json.dumps({"text": SCAM}, ensure_ascii=False)
    client = _StubClient([("scan_message", arguments)] * calls)
    text = answer(client, "some-model", SCAM)
    assert text.startswith("400-123-4567：非官方号码") and len(client.requests) == 2
    roles = [m["role"] for m in client.requests[1]]
    assert roles == ["user", "assistant"] + ["tool"] * calls
    assert [c["id"] for c in client.requests[1][1]["tool_calls"]] == [f"call_{i}" for i in range(calls)]


def test_the_stub_refuses_tool_results_without_the_assistant_message():
    """The stub enforces the rule the old loop broke, so the test above can fail."""
    client = _StubClient([("scan_message", "{}")])
    with pytest.raises(AssertionError, match="must answer a call"):
        client.create(
            model="m",
            messages=[
                {"role": "user", "content": "?"},
                {"role": "tool", "tool_call_id": "call_0", "content": "{}"},
            ],
            tools=tool_definitions(),
        )
