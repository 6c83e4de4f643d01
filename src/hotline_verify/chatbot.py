"""For chatbots: replies that can be sent as they are, and tools for LLM function calling.

[`reply()`][hotline_verify.chatbot.reply] answers a user's message with one line per number it
holds (official, lookalike, unofficial or unknown, and the real number of the organisation it
claims to be), then the one thing never to do. [`TOOL_SCHEMA`][hotline_verify.chatbot.TOOL_SCHEMA]
describes ``verify`` and ``scan`` as OpenAI-style tools;
[`handle_tool_call()`][hotline_verify.chatbot.handle_tool_call] runs a call and always answers with
JSON, an error object included.

```python
>>> print(reply("淘宝客服让我打 400-123-4567"))
400-123-4567：非官方号码。它不是淘宝/天猫的官方号码。淘宝/天猫的官方号码：9510211 / 9510288 / 4008608608 / 057188158198。
切记：不要向任何来电者提供银行卡号、密码或短信验证码，真正的客服从不索要。
>>> print(reply("Is 95188 Alipay's number?", lang="en"))
95188: official number of Alipay (Alipay service hotline).
Never give a caller your card number, password or SMS verification code; genuine staff never ask for them.

```
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import fastjsonschema

from ._allowlist import Allowlist, packaged_allowlist
from ._links import link_flags
from ._model import OfficialNumber, Status, Text
from ._scan import Finding, scan
from ._verify import verify

__all__ = ["TOOL_SCHEMA", "handle_tool_call", "reply", "reply_data", "tool_definitions"]

MAX_TEXT = 100_000  # characters a tool call may ask to scan

# The single most important thing not to do, by the red flag the message raised.
_NEVER: Mapping[str | None, Text] = MappingProxyType(
    {
        "red-flag-sms-code": Text(
            "切记：不要把短信验证码告诉任何人，包括自称客服的人。",
            "Never tell anyone an SMS verification code, whoever they say they are.",
        ),
        "red-flag-card-number": Text(
            "切记：不要把银行卡号告诉来电者，退款不需要它。",
            "Never give a caller your card number; a refund does not need it.",
        ),
        "red-flag-password": Text("切记：不要把任何密码告诉任何人。", "Never tell anyone any password."),
        "red-flag-safe-account": Text(
            "切记：不要向“安全账户”转一分钱，这样的账户都是骗子的。",
            'Never move money to a "safe account"; such accounts belong to scammers.',
        ),
        "red-flag-credit-limit": Text(
            "切记：不要为了退款去提额、借钱或刷流水。",
            "Never raise a credit limit, borrow or run transactions to receive a refund.",
        ),
        "red-flag-screen-sharing": Text(
            "切记：不要共享屏幕，也不要安装对方让你装的软件。",
            "Never share your screen or install software a caller asks for.",
        ),
        "red-flag-other-app": Text(
            "切记：不要按对方要求加 QQ、微信或下载会议软件，留在官方 App 里。",
            "Never move to QQ, WeChat or a meeting app at a caller's request; stay in the official app.",
        ),
        None: Text(
            "切记：不要向任何来电者提供银行卡号、密码或短信验证码，真正的客服从不索要。",
            "Never give a caller your card number, password or SMS verification code; genuine staff never "
            "ask for them.",
        ),
    }
)
_NO_NUMBER = Text(
    "消息里没有找到电话号码。要联系企业，请在它的官方 App 或官网里查号码。",
    "No phone number found in the message. To reach a company, look its number up in its "
    "official app or website.",
)


def _check_lang(lang: str) -> None:
    if lang not in ("zh", "en"):
        raise ValueError(f'lang must be "zh" or "en", not {lang!r}')


def _numbers(numbers: Any) -> str:
    return " / ".join(n.number for n in numbers)


def _where_to_call(name: str, numbers: Iterable[OfficialNumber], zh: bool) -> str:
    """The official number(s) of an organisation, or where to find one when none is listed."""
    real = _numbers(numbers)
    if real:
        return f"{name}的官方号码：{real}。" if zh else f" Official numbers of {name}: {real}."
    return (
        f"{name}的号码请在其官方 App 或官网里查。"
        if zh
        else f" Look {name}'s number up in its official app or website."
    )


def _line(f: Finding, lang: str) -> str:
    """One line about one number, for a person."""
    v = f.verdict
    zh = lang == "zh"
    head = f"{f.text}：" if zh else f"{f.text}: "
    claimed = v.claimed_org
    theirs = [n for n in v.suggested if claimed is None or n.org.id == claimed.id]
    if v.status is Status.OFFICIAL:
        assert v.official is not None
        org, service = v.official.org.name.get(lang), v.official.service.get(lang)
        text = f"{org}的官方号码（{service}）。" if zh else f"official number of {org} ({service})."
        if claimed is not None and claimed.id != v.official.org.id:
            name = claimed.name.get(lang)
            text += f"但它不属于{name}。" if zh else f" It is not {name}'s."
            text += _where_to_call(name, theirs, zh)
    elif v.status is Status.LOOKALIKE:
        if v.official is not None:
            real, org = v.official.number, v.official.org.name.get(lang)
            text = (
                f"仿冒号码，模仿{org}的 {real}。请只拨打 {real}。"
                if zh
                else f"lookalike: it imitates {real} ({org}). Call {real} only."
            )
        else:
            text = (
                "仿冒号码：用字母冒充数字，不是官方号码。"
                if zh
                else "lookalike: letters pose as digits; it is not an official number."
            )
        if claimed is not None and (v.official is None or claimed.id != v.official.org.id):
            text += _where_to_call(claimed.name.get(lang), theirs, zh)
    elif v.status is Status.UNOFFICIAL and v.codes[0] == "retired":
        was = v.org.name.get(lang) if v.org else ""
        real = _numbers(v.suggested)
        text = (
            f"已停用的旧号码（曾属于{was}），现在可能属于别人，不要拨打。"
            + (f"请改打 {real}。" if real else "")
            if zh
            else f"a retired number (it was {was}'s) that may now belong to someone else; do not call it."
            + (f" Call {real} instead." if real else "")
        )
    elif v.status is Status.UNOFFICIAL:
        owner = claimed or v.org
        name = owner.name.get(lang) if owner else ""
        text = (
            f"非官方号码。它不是{name}的官方号码。" if zh else f"not an official number. It is not {name}'s."
        )
        text += _where_to_call(name, theirs, zh)
    elif v.status is Status.UNKNOWN:
        text = (
            "无法确认：它不在官方号码名单里。要联系企业，请在它的官方 App 或官网里查号码。"
            if zh
            else "unknown: it is not in the list of official numbers. To reach a company, look its number up "
            "in its official app or website."
        )
    else:
        text = (
            "号码被打了码，无法核对；不要拨打来路不明的号码。"
            if zh
            else "the number is masked and cannot be checked; do not call numbers of unknown origin."
        )
    if v.incoming and v.status is not Status.INVALID:
        text += (
            "来电显示可以伪造：请挂断，自己拨打官方号码。"
            if zh
            else " Caller ID can be spoofed: hang up and dial the official number yourself."
        )
    return head + text


def _never(findings: list[Finding]) -> Text:
    for f in findings:
        for r in f.verdict.reasons:
            if r.code in _NEVER:
                return _NEVER[r.code]
    return _NEVER[None]


def reply_data(text: str, /, *, lang: str = "zh", allowlist: Allowlist | None = None) -> dict[str, Any]:
    """What [`reply()`][hotline_verify.chatbot.reply] says, as JSON-safe data (``"reply"`` holds the
    text itself)."""
    _check_lang(lang)
    return _reply_data(text, scan(text, allowlist=allowlist), lang, allowlist)


def _reply_data(text: str, findings: list[Finding], lang: str, allowlist: Allowlist | None) -> dict[str, Any]:
    # with numbers, each verdict carries the message's link warnings; without, the reply does
    links = () if findings else link_flags(text, packaged_allowlist() if allowlist is None else allowlist)
    numbers: list[dict[str, Any]] = []
    for f in findings:
        v = f.verdict
        numbers.append(
            {
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "status": v.status.value,
                "risk": v.risk.value,
                "normalized": v.normalized,
                "incoming": v.incoming,
                "claimed_org": f.claimed_org.id if f.claimed_org else None,
                "call_instead": [n.number for n in v.suggested if n.number != v.normalized],
                "line": _line(f, lang),
            }
        )
    warnings = [r.message(lang) for r in links]
    never = _never(findings).get(lang) if findings or links else None
    lines = [n["line"] for n in numbers] + warnings + ([never] if never else [_NO_NUMBER.get(lang)])
    return {"lang": lang, "numbers": numbers, "links": warnings, "never": never, "reply": "\n".join(lines)}


def reply(text: str, /, *, lang: str = "zh", allowlist: Allowlist | None = None) -> str:
    """A message a chatbot can send as it is: one line per number, then what never to do."""
    text_reply: str = reply_data(text, lang=lang, allowlist=allowlist)["reply"]
    return text_reply


_LANG = {
    "type": "string",
    "enum": ["zh", "en"],
    "default": "zh",
    "description": "Language of the explanation: zh (Chinese) or en (English).",
}
TOOL_SCHEMA: tuple[dict[str, Any], ...] = (
    {
        "type": "function",
        "function": {
            "name": "verify_number",
            "description": (
                "Check whether one customer-service phone number (mainland China) is an official number. "
                "Returns the verdict (official, lookalike, unofficial, unknown or invalid), the risk, the "
                "official number to call instead and an explanation for the user."
            ),
            "parameters": {
                "type": "object",
                "properties": {
                    "number": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 200,
                        "description": "The phone number as the user wrote it, e.g. 400-123-4567.",
                    },
                    "claimed": {
                        "type": "string",
                        "maxLength": 100,
                        "description": "The organisation the number is presented as, e.g. 淘宝 or Alipay.",
                    },
                    "incoming": {
                        "type": "boolean",
                        "default": False,
                        "description": "True when this number called the user.",
                    },
                    "lang": _LANG,
                },
                "required": ["number"],
                "additionalProperties": False,
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "scan_message",
            "description": (
                "Find every phone number in a message (chat, SMS, web page) and check each one: which are "
                "official, which imitate an official number, which are presented as a brand's line without "
                "being one, and any requests only scammers make. Returns a reply ready to send and the "
                "findings."
            ),
            "parameters": {
                "type": "object",
                "properties": {
                    "text": {"type": "string", "maxLength": MAX_TEXT, "description": "The message to check."},
                    "lang": _LANG,
                },
                "required": ["text"],
                "additionalProperties": False,
            },
        },
    },
)


def tool_definitions() -> list[dict[str, Any]]:
    """A fresh copy of [`TOOL_SCHEMA`][hotline_verify.chatbot.TOOL_SCHEMA], to hand to an LLM client
    (which may change it)."""
    return copy.deepcopy(list(TOOL_SCHEMA))


@functools.cache
def _validators() -> Mapping[str, Any]:
    return MappingProxyType(
        {t["function"]["name"]: fastjsonschema.compile(t["function"]["parameters"]) for t in TOOL_SCHEMA}
    )


def _error(code: str, message: str) -> str:
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)


def handle_tool_call(name: str, arguments_json: str, /, *, allowlist: Allowlist | None = None) -> str:
    """Run the tool ``name`` with arguments given as JSON text; answer JSON text.

    Never raises: a bad tool name or bad arguments give ``{"error": {"code", "message"}}``.
    """
    validators = _validators()
    if not isinstance(name, str) or name not in validators:
        return _error(
            "unknown-tool", f"There is no tool called {name!r}; the tools are " + ", ".join(validators) + "."
        )
    if not isinstance(arguments_json, (str, bytes, bytearray)):
        return _error("bad-arguments", "The arguments must be a JSON object given as text.")
    try:
        args = json.loads(arguments_json or "{}")
    except (ValueError, RecursionError) as exc:
        return _error("bad-arguments", f"The arguments are not valid JSON: {exc}")
    try:
        args = validators[name](args)
    except fastjsonschema.JsonSchemaValueException as exc:
        detail = exc.message.replace("data.", "", 1).replace("data ", "the arguments ", 1)
        return _error("bad-arguments", f"The arguments do not fit the tool {name}: {detail}.")
    lang = args.get("lang", "zh")
    if name == "verify_number":
        v = verify(
            args["number"],
            claimed=args.get("claimed"),
            incoming=args.get("incoming", False),
            allowlist=allowlist,
        )
        result: dict[str, Any] = {"verdict": v.to_dict(), "explanation": v.explain(lang)}
    else:
        findings = scan(args["text"], allowlist=allowlist)
        data = _reply_data(args["text"], findings, lang, allowlist)
        result = {
            "reply": data["reply"],
            "numbers": data["numbers"],
            "findings": [f.to_dict() for f in findings],
        }
    return json.dumps(result, ensure_ascii=False)
