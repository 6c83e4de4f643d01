"""Invariants that hold for every input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv

ALLOWLIST = hv.packaged_allowlist()
ACTIVE = sorted(n.number for n in ALLOWLIST.numbers if n.active)

# text that looks like what people paste: digits of several scripts, separators, letters, invisible marks
phoneish = st.text(
    alphabet=st.sampled_from(list("0123456789+-() .#转xXOolI*") + ["０", "٣", "𝟗", "\u200b", "\ufeff", "\u202e",
                                                                  "－", "（", "）", "＋", "一", "〇"]),
    max_size=30,
)
anything = st.text(max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.one_of(phoneish, anything), st.one_of(st.none(), st.sampled_from(["淘宝", "Alipay", "工行", "xyz", ""])))
def test_verify_never_raises_for_a_str_and_official_means_listed(text, claimed):
    v = hv.verify(text, claimed=claimed)
    assert v.status in set(hv.Status)
    assert v.risk in set(hv.Risk)
    if v.status is hv.Status.OFFICIAL:
        assert v.normalized in ACTIVE
        assert v.official is not None and v.official.number == v.normalized and v.official.active
    if v.status is hv.Status.INVALID:
        assert v.normalized is None
    assert v.reasons, "every verdict carries reasons"
    for r in v.reasons:
        assert r.code and r.message_zh and r.message_en
    v.to_dict()
    v.explain("zh")
    v.explain("en")


@settings(max_examples=300, deadline=None)
@given(st.one_of(phoneish, anything))
def test_normalize_raises_only_invalid_number_and_is_idempotent(text):
    try:
        once = hv.normalize(text)
    except hv.InvalidNumber as exc:
        assert str(exc)
        return
    assert hv.normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ACTIVE), st.sampled_from(list(hv.LookalikeKind)), st.data())
def test_generated_variants_are_lookalikes_or_listed(official, kind, data):
    variants = list(hv.lookalikes(official, kinds=[kind]))
    if not variants:
        return
    variant = data.draw(st.sampled_from(variants))
    v = hv.verify(variant.number)
    listed = ALLOWLIST.lookup(v.normalized or "") is not None or ALLOWLIST.known_fake(v.normalized or "")
    assert v.status is hv.Status.LOOKALIKE or listed, (variant, v.status, v.codes)
