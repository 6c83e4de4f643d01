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
切记：真正的客服不会索要银行卡号、密码或短信验证码，不会让你把钱转到“安全账户”，也不会让你“提高额度”才能退款。
>>> print(reply("Is 95188 Alipay's number?", lang="en"))
95188: official number of Alipay (Alipay service hotline).
Never: genuine staff never ask for a card number, a password or an SMS verification code, never ask you to move money to a "safe account", and never ask you to raise a credit limit to receive a refund.

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
from ._messages import LANGS, check_lang, say
from ._model import OfficialNumber, Status
from ._scan import Finding, scan
from ._verdict import summary
from ._verify import verify

__all__ = ["TOOL_SCHEMA", "handle_tool_call", "reply", "reply_data", "tool_definitions"]

MAX_TEXT = 100_000  # characters a tool call may ask to scan

# The single most important thing not to do, by the red flag the message raised.
_RED_FLAGS = frozenset(
    (
        "red-flag-sms-code",
        "red-flag-card-number",
        "red-flag-password",
        "red-flag-safe-account",
        "red-flag-credit-limit",
        "red-flag-screen-sharing",
        "red-flag-other-app",
    )
)


def _numbers(numbers: Any) -> str:
    return " / ".join(n.number for n in numbers)


def _where_to_call(name: str, numbers: Iterable[OfficialNumber], lang: str) -> str:
    """The official number(s) of an organisation, or where to find one when none is listed."""
    real = _numbers(numbers)
    if real:
        return say("reply.call-theirs", lang, name=name, numbers=real)
    return say("reply.find-theirs", lang, name=name)


def _line(f: Finding, lang: str) -> str:
    """One line about one number, for a person."""
    v = f.verdict
    head = f"{f.text}：" if lang == "zh" else f"{f.text}: "
    claimed = v.claimed_org
    theirs = [n for n in v.suggested if claimed is None or n.org.id == claimed.id]
    if v.status is Status.OFFICIAL:
        assert v.official is not None
        org, service = v.official.org.name.get(lang), v.official.service.get(lang)
        text = say("reply.official", lang, org=org, service=service)
        if claimed is not None and claimed.id != v.official.org.id:
            name = claimed.name.get(lang)
            text += say("reply.not-theirs", lang, name=name)
            text += _where_to_call(name, theirs, lang)
    elif v.status is Status.LOOKALIKE:
        if v.official is not None:
            text = say("reply.lookalike", lang, official=v.official.number, org=v.official.org.name.get(lang))
        else:
            text = say("reply.lookalike-letters", lang)
        if claimed is not None and (v.official is None or claimed.id != v.official.org.id):
            text += _where_to_call(claimed.name.get(lang), theirs, lang)
    elif v.status is Status.UNOFFICIAL and v.codes[0] == "retired":
        text = say("reply.retired", lang, org=v.org.name.get(lang) if v.org else "")
        real = _numbers(v.suggested)
        if real:
            text += say("reply.retired-instead", lang, numbers=real)
    elif v.status is Status.UNOFFICIAL:
        owner = claimed or v.org
        name = owner.name.get(lang) if owner else ""
        text = say("reply.unofficial", lang, name=name) + _where_to_call(name, theirs, lang)
    elif v.status is Status.UNKNOWN:
        text = say("reply.unknown", lang)
    else:
        text = say("reply.masked", lang)
    if v.incoming and v.status is not Status.INVALID:
        text += say("reply.incoming", lang)
    return head + text


def _never(findings: list[Finding]) -> str:
    """The catalogue code of the one thing never to do."""
    for f in findings:
        for r in f.verdict.reasons:
            if r.code in _RED_FLAGS:
                return f"never.{r.code}"
    return "never"


def reply_data(text: str, /, *, lang: str = "zh", allowlist: Allowlist | None = None) -> dict[str, Any]:
    """What [`reply()`][hotline_verify.chatbot.reply] says, as JSON-safe data (``"reply"`` holds the
    text itself).

    Each entry of ``"numbers"`` has where the number is (``text``, ``start``, ``end``), the
    verdict's summary (the keys of ``Verdict.to_dict()`` flattened: ``status``, ``risk``,
    ``normalized``, ``official`` as a number, ``org`` and ``claimed_org`` as ids, ``reasons`` as
    codes …), ``call_instead`` and its ``line`` of the reply."""
    check_lang(lang)
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
                **summary(v),
                "call_instead": [n.number for n in v.suggested if n.number != v.normalized],
                "line": _line(f, lang),
            }
        )
    warnings = [r.message(lang) for r in links]
    never = say(_never(findings), lang) if findings or links else None
    lines = [n["line"] for n in numbers] + warnings + ([never] if never else [say("reply.no-number", lang)])
    return {"lang": lang, "numbers": numbers, "links": warnings, "never": never, "reply": "\n".join(lines)}


def reply(text: str, /, *, lang: str = "zh", allowlist: Allowlist | None = None) -> str:
    """A message a chatbot can send as it is: one line per number, then what never to do."""
    text_reply: str = reply_data(text, lang=lang, allowlist=allowlist)["reply"]
    return text_reply


_LANG = {
    "type": "string",
    "enum": list(LANGS),
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
