"""Which documented case a reason cites: one of the same kind as the number judged.

A spoofed bank caller ID cites a caller-ID spoof report, a fake airline number the airline
SMS case, a fake railway line the railway case; only shopping and payment platforms cite the
source article's fake Taobao 400 number. Where no documented case fits, none is cited.

>>> fitting_case("area-code-spoof", "bank", "icbc")
'caller-id-spoof-police'
>>> fitting_case("lookalike", "airline", "china-southern")
'fake-airline-400-sms'
>>> fitting_case("lookalike", "bank", "icbc") is None
True
"""

from __future__ import annotations

__all__ = ["fitting_case", "refits"]

SPOOF_CASE = "caller-id-spoof-police"
SEARCH_CASE = "fake-400-search"  # the source article's case
# reasons that say "this number poses as that organisation's"
_POSING = frozenset(
    {
        "lookalike",
        "unofficial-claim",
        "claim-without-numbers",
        "letter-for-digit",
        "kind-enterprise-400",
        "kind-toll-free-800",
    }
)
_SPOOFS = frozenset({"area-code-spoof", "international-spoof"})
_BY_CATEGORY = {
    "airline": "fake-airline-400-sms",
    "e-commerce": SEARCH_CASE,
    "payment": SEARCH_CASE,
    "food": SEARCH_CASE,
    "local-services": SEARCH_CASE,
}
_BY_ORGANISATION = {"china-railway": "fake-search-rail-service"}


def fitting_case(code: str, category: str | None, org_id: str | None, /) -> str | None:
    """The case a reason ``code`` about an organisation of ``category`` cites, or ``None``.

    Reasons that do not pose a number as an organisation's keep their own case.
    """
    if code in _SPOOFS:
        return SPOOF_CASE
    if code not in _POSING:
        raise ValueError(f"{code} does not pose a number as an organisation's")
    if org_id in _BY_ORGANISATION:
        return _BY_ORGANISATION[org_id]
    if category is None:  # no organisation named: the general search-engine pattern
        return SEARCH_CASE
    return _BY_CATEGORY.get(category)


def refits(code: str, /) -> bool:
    """Whether the case of reason ``code`` depends on the organisation it is about."""
    return code in _POSING or code in _SPOOFS
