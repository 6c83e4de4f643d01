"""Reasons and bilingual texts built from the message catalogue (``_messages``).

>>> r = reason("lookalike", number="95181", official="95188", org_en="Alipay", org_zh="支付宝",
...            how_en="two adjacent digits swapped: 8 and 1", how_zh="相邻两位数字对调：8 和 1")
>>> r.message_en
'95181 is not an official number: it imitates 95188 (Alipay) — two adjacent digits swapped: 8 and 1.'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from ._messages import FAKE_400_CASE, MESSAGES, REASON_CODES, WRONG_LINE_CASE, Message, texts
from ._model import NumberKind, Reason, Text

__all__ = [
    "CATALOGUE",
    "FAKE_400_CASE",
    "WRONG_LINE_CASE",
    "invalid_reason",
    "kind_reason",
    "phrase",
    "reason",
    "reason_filled_later",
]

# The reasons reason() builds, for the documentation's table.
CATALOGUE: Mapping[str, Message] = MappingProxyType({code: MESSAGES[code] for code in REASON_CODES})


def reason(code: str, /, **fields: Any) -> Reason:
    """Build the reason ``code`` with its message fields filled in."""
    m = MESSAGES[code]
    return Reason._later(code, m.zh, m.en, fields, m.case)


def reason_filled_later(code: str, fields: Callable[[], Mapping[str, Any]], /) -> Reason:
    """``reason(code, **fields())``, with ``fields()`` called only when a message is first read
    (for fields that cost more to work out than the rest of the verdict)."""
    m = MESSAGES[code]
    return Reason._later(code, m.zh, m.en, fields, m.case)


@functools.cache  # reasons are immutable and a kind has two: one each verdict would be waste
def kind_reason(kind: NumberKind, /, *, claimed: bool = False) -> Reason:
    code = f"kind-{kind.value}"
    case = (
        FAKE_400_CASE if claimed and kind in (NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800) else None
    )
    return Reason(code, *texts(code), case)


@functools.cache
def invalid_reason(error: str, /) -> Reason:
    """Why a text is not a readable number: ``invalid-<error>``, an unknown error read as ``format``."""
    detail = MESSAGES.get(f"invalid.{error}", MESSAGES["invalid.format"])
    return Reason(
        f"invalid-{error}",
        *texts("invalid", detail_zh=detail.zh, detail_en=detail.en),
        MESSAGES["invalid"].case,
    )


def phrase(code: str, /, **fields: Any) -> Text:
    """The catalogue entry ``code`` as a ``Text``, with ``fields`` filled in."""
    return Text(*texts(code, **fields))
