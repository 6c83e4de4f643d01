"""The kinds of numbers in the mainland Chinese numbering plan.

>>> classify_national("4009888898")
<NumberKind.ENTERPRISE_400: 'enterprise-400'>
>>> str(classify_national("9510211")), str(classify_national("10086")), str(classify_national("12315"))
('service-95', 'carrier-10', 'public-12')
>>> str(classify_national("13812345678")), str(classify_national("10690095566"))
('mobile', 'sms-port')
"""

from __future__ import annotations

import re

from ._model import NumberKind

__all__ = ["classify_national"]

# Order matters: SMS ports (106…) before carrier codes (10…).
_RULES = (
    (re.compile(r"400\d{7}"), NumberKind.ENTERPRISE_400),
    (re.compile(r"800\d{7}"), NumberKind.TOLL_FREE_800),
    (re.compile(r"1[3-9]\d{9}"), NumberKind.MOBILE),
    (re.compile(r"106\d{5,17}"), NumberKind.SMS_PORT),
    (re.compile(r"95\d{3,6}"), NumberKind.SERVICE_95),
    (re.compile(r"96\d{3,6}"), NumberKind.LOCAL_96),
    (re.compile(r"10\d{3,6}"), NumberKind.CARRIER_10),
    (re.compile(r"12\d{3}"), NumberKind.PUBLIC_12),
    (re.compile(r"11\d{3}"), NumberKind.POSTAL_11),
    (re.compile(r"1(?:1[0249]|2[02])"), NumberKind.EMERGENCY),
    (re.compile(r"[2-9]\d{6,7}"), NumberKind.LOCAL_LANDLINE),
)


# One pattern with a group per rule: the first alternative that matches wins, as in the
# list above, at the cost of one match instead of one per rule.
_ONE = re.compile("|".join(f"(?P<k{i}>{p.pattern})" for i, (p, _) in enumerate(_RULES)))
_BY_GROUP = {f"k{i}": kind for i, (_, kind) in enumerate(_RULES)}


def classify_national(digits: str, /) -> NumberKind:
    """The kind of a mainland number written without a country code.

    Landlines with their trunk 0 are told apart by the caller; this covers the rest.
    """
    m = _ONE.fullmatch(digits)
    return _BY_GROUP[m.lastgroup] if m is not None and m.lastgroup else NumberKind.OTHER
