"""Invariants that hold for every input (hypothesis)."""

from __future__ import annotations

from helpers import warns
from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv
from hotline_verify._allowlist import build

ALLOWLIST = hv.packaged_allowlist()
ACTIVE = sorted(n.number for n in ALLOWLIST.numbers if n.active)

# text that looks like what people paste: digits of several scripts, separators, letters, invisible marks
phoneish = st.text(
    alphabet=st.sampled_from([*"0123456789+-() .#转xXOolI*", *"０٣𝟗\u200b\ufeff\u202e－（）＋一〇"]),
    max_size=30,
)
anything = st.text(max_size=60)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(phoneish, anything),
    st.one_of(st.none(), st.sampled_from(["淘宝", "Alipay", "工行", "xyz", ""])),
)
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
    assert warns(v) or listed, (variant, v.status, v.codes)


# --- official means listed, for any allowlist ----------------------------------------------------------


def _allowlist_of(numbers):
    from helpers import allowlist_data, entry, org

    orgs = [org(f"org{i}", f"机构{i}", f"Org {i}") for i in range(len(numbers))]
    # random numbers may be one edit apart: acknowledge that, as a real list must
    return build(
        allowlist_data(
            orgs,
            [
                entry(n, f"org{i}", acknowledged_lookalikes=[m for m in numbers if m != n])
                for i, n in enumerate(numbers)
            ],
        )
    )


service_number = st.one_of(
    st.from_regex(r"95[0-9]{3,6}", fullmatch=True),
    st.from_regex(r"400[0-9]{7}", fullmatch=True),
    st.from_regex(r"10[01][0-9]{2}|1[12][0-9]{3}", fullmatch=True),  # carrier and public-service codes
    st.builds(  # mobiles under prefixes in use (140 and 141 are not)
        str.__add__,
        st.sampled_from(["130", "138", "147", "150", "166", "177", "186", "199"]),
        st.from_regex(r"[0-9]{8}", fullmatch=True),
    ),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(service_number, min_size=1, max_size=6, unique=True), st.data())
def test_official_only_for_active_entries_of_any_allowlist(numbers, data):
    allowlist = _allowlist_of(numbers)
    listed = set(numbers)
    probes = data.draw(
        st.lists(st.one_of(phoneish, st.sampled_from(numbers), service_number), min_size=1, max_size=10)
    )
    for text in probes:
        v = hv.verify(text, allowlist=allowlist, claimed=data.draw(st.sampled_from([None, "Org 0", "机构1"])))
        if v.status is hv.Status.OFFICIAL:
            assert v.normalized in listed and v.official.number == v.normalized
        elif v.normalized in listed:
            # a listed number written plainly is never anything but official
            assert v.status is hv.Status.LOOKALIKE or hv.normalize(text) != v.normalized


@settings(max_examples=40, deadline=None)
@given(st.lists(service_number, min_size=2, max_size=5, unique=True), st.data())
def test_variants_of_any_allowlist_are_lookalikes_or_listed(numbers, data):
    allowlist = _allowlist_of(numbers)
    official = data.draw(st.sampled_from(numbers))
    variants = list(hv.lookalikes(official))
    for variant in data.draw(st.lists(st.sampled_from(variants), max_size=25)) if variants else ():
        v = hv.verify(variant.number, allowlist=allowlist)
        if variant.kind is hv.LookalikeKind.EMBEDDED and v.kind is hv.NumberKind.SMS_PORT:
            continue  # DESIGN 5: a 106 port that embeds a hotline is an SMS port first
        assert v.status is not hv.Status.UNKNOWN or warns(v), (official, variant, v.codes)
        if v.status is hv.Status.OFFICIAL:
            assert v.normalized in numbers
        elif not warns(v):
            # only numbers too short to be variants (MIN_VARIANT) escape; they are invalid
            assert v.status is hv.Status.INVALID and len(variant.number) < 5, (variant, v.status, v.codes)


def test_every_variant_of_every_packaged_number_is_lookalike_or_listed():
    """Exhaustive over the packaged list (about 11,000 variants)."""
    for entry in ALLOWLIST.numbers:
        if not entry.active:
            continue
        for variant in hv.lookalikes(entry.number):
            v = hv.verify(variant.number)
            if warns(v):
                continue
            listed = ALLOWLIST.lookup(v.normalized or "")
            if v.status is hv.Status.OFFICIAL:
                assert listed is not None and listed.active
            else:
                assert v.status is hv.Status.UNOFFICIAL and (
                    listed is not None or ALLOWLIST.known_fake(v.normalized or "")
                ), (entry.number, variant, v.codes)


# --- normalize ------------------------------------------------------------------------------------------

separator = st.sampled_from([" ", "-", ".", "　", "－", "‐", "", "", ""])
phone_like = st.builds(
    lambda prefix, groups, seps, suffix: (
        prefix + "".join(g + s for g, s in zip(groups, seps, strict=False)) + suffix
    ),
    st.sampled_from(["", "", "+86 ", "0086", "+", "00", "(", "+1 ", "0", "12583", "86"]),
    st.lists(st.from_regex(r"[0-9]{1,5}", fullmatch=True), min_size=1, max_size=5),
    st.lists(separator, min_size=5, max_size=5),
    st.sampled_from(["", "", ")", "转8", " ext 12", "#"]),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(phone_like, phoneish))
def test_normalize_is_idempotent_on_phone_like_text(text):
    try:
        once = hv.normalize(text)
    except hv.InvalidNumber:
        return
    assert hv.normalize(once) == once
    assert hv.normalize(once, region="CN") == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(phone_like, phoneish))
def test_verify_agrees_with_normalize(text):
    """What verify() reports as the number is what normalize() returns, and judging
    the normalized form gives the same status."""
    v = hv.verify(text)
    try:
        n = hv.normalize(text)
    except hv.InvalidNumber as exc:
        assert v.status in (hv.Status.INVALID, hv.Status.LOOKALIKE) or exc.code == "format", (text, v.codes)
        return
    assert v.normalized == n or (v.status is hv.Status.INVALID and v.kind is hv.NumberKind.INTERNATIONAL)
    if v.status is not hv.Status.INVALID:
        assert hv.verify(n).status is v.status, (text, n, v.codes)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789", min_size=1, max_size=24),
        st.sampled_from(
            ["400", "800", "86", "0086", "00", "0", "010", "0571", "12583", "1259023", "95", "106"]
        ).flatmap(lambda head: st.text(alphabet="0123456789", max_size=14).map(lambda tail: head + tail)),
    )
)
def test_the_data_rules_read_digits_as_normalize_does(digits):
    from hotline_verify._datacheck import _canonical

    try:
        expected: object = hv.normalize(digits)
    except hv.InvalidNumber as exc:
        expected = ("error", str(exc), exc.code)
    try:
        got: object = _canonical(digits)
    except hv.InvalidNumber as exc:
        got = ("error", str(exc), exc.code)
    assert got == expected


_AREA_HEADS = ["0", "010", "020", "0571", "0755", "0400", "0800"]
_SHAPE_HEADS = ["400", "800", "86", "0086", "00", *_AREA_HEADS, "12583", "1259023"]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet="0123456789", min_size=1, max_size=24),
            st.sampled_from([*_SHAPE_HEADS, "95", "96", "106", "1", "13", "18", "10", "12", "11"]).flatmap(
                lambda head: st.text(alphabet="0123456789", max_size=14).map(lambda tail: head + tail)
            ),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_the_data_rules_decide_canonical_digits_by_shape_as_they_read_them(numbers):
    """The answer kept per first digits and length is what reading each number says, whatever
    number of a shape comes first."""
    from hotline_verify._datacheck import _canonical, _ReadableAsIs

    readable_as_is = _ReadableAsIs()
    for digits in numbers:
        try:
            expected = _canonical(digits) == digits
        except hv.InvalidNumber:
            expected = False
        assert readable_as_is(digits) is expected, digits
