from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv


def test_each_verdict_equals_verify(mixed):
    numbers = [n for n, _ in mixed]
    claims = [c for _, c in mixed]
    assert hv.verify_many(numbers, claimed=claims) == [hv.verify(n, claimed=c) for n, c in mixed]


@pytest.mark.parametrize(
    "options",
    [{}, {"claimed": "淘宝"}, {"incoming": True}, {"region": "us"}, {"claimed": "Alipay", "incoming": True}],
)
def test_shared_options_give_what_verify_gives(mixed, options):
    numbers = [n for n, _ in mixed]
    assert hv.verify_many(numbers, **options) == [hv.verify(n, **options) for n in numbers]


def test_order_is_kept_and_repeats_share_one_verdict():
    vs = hv.verify_many(iter(["95188", "400-123-4567", "95188", "95188 "]))
    assert [v.input for v in vs] == ["95188", "400-123-4567", "95188", "95188 "]
    assert vs[0] is vs[2]
    assert vs[3] is not vs[0] and vs[3].status is hv.Status.OFFICIAL


def test_the_same_number_with_different_claims_is_judged_apart():
    vs = hv.verify_many(["400-123-4567", "400-123-4567"], claimed=["淘宝", None])
    assert [v.status for v in vs] == [hv.Status.UNOFFICIAL, hv.Status.UNKNOWN]


def test_empty_input():
    assert hv.verify_many([]) == []
    assert hv.verify_many([], claimed=[]) == []


def test_claims_must_line_up_with_numbers():
    with pytest.raises(ValueError, match="claimed has 1 names for 2 numbers"):
        hv.verify_many(["95188", "95188"], claimed=["淘宝"])


def test_a_non_str_number_is_named_by_position():
    with pytest.raises(TypeError, match="item 2 is int"):
        hv.verify_many(["95188", "9510211", 95188])
    with pytest.raises(TypeError, match="item 0 is NoneType"):
        hv.verify_many([None])


def test_a_non_str_claim_is_named_by_position():
    with pytest.raises(TypeError, match="claimed must hold a str or None per number; item 1 is list"):
        hv.verify_many(["95188", "95188"], claimed=[None, ["淘宝"]])


def test_a_single_string_is_not_a_batch():
    with pytest.raises(TypeError, match="use verify\\(\\) for one"):
        hv.verify_many("95188")
    with pytest.raises(TypeError, match="not int"):
        hv.verify_many(95188)
    with pytest.raises(TypeError, match="not int"):
        hv.verify_many(["95188"], claimed=3)


def test_options_are_checked_like_verify():
    with pytest.raises(TypeError, match="region must be a str"):
        hv.verify_many(["95188"], region=86)
    with pytest.raises(TypeError, match="allowlist must be an Allowlist"):
        hv.verify_many(["95188"], allowlist={})


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=30), st.from_regex(r"\+?[0-9 ()\-]{3,16}", fullmatch=True)), max_size=20
    ),
    st.one_of(st.none(), st.sampled_from(["淘宝", "Alipay", "nobody"])),
)
def test_any_text_gives_what_verify_gives(numbers, claimed):
    assert hv.verify_many(numbers, claimed=claimed) == [hv.verify(n, claimed=claimed) for n in numbers]


def test_a_message_in_a_batch_gets_the_verdict_verify_gives():
    items = ["淘宝客服 400-123-4567", "支付宝 95188", "客服电话", "400-123-4567", "９５１８８"]
    assert hv.verify_many(items) == [hv.verify(x) for x in items]
    assert hv.verify_many(items, incoming=True) == [hv.verify(x, incoming=True) for x in items]


def test_a_batch_leaves_the_garbage_collector_as_it_found_it():
    import gc

    hv.verify_many(["95188"])
    assert gc.isenabled()
    gc.disable()
    try:
        hv.verify_many(["95188"])
        assert not gc.isenabled()
    finally:
        gc.enable()
