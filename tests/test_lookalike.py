from __future__ import annotations

import pytest
from helpers import allowlist_data, entry, org, warns
from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv
from hotline_verify._allowlist import build
from hotline_verify._lookalike import (
    LookalikeIndex,
    difference,
    edit_kind,
    generate,
    keypad_neighbours,
)
from hotline_verify._numbering import is_short_code


def test_every_kind_has_a_generator_and_variants_are_deduplicated():
    variants = list(hv.lookalikes("95188"))
    only_400 = {hv.LookalikeKind.PREFIX_SWAP, hv.LookalikeKind.TWO_EDITS}
    assert {v.kind for v in variants} == set(hv.LookalikeKind) - only_400
    assert hv.LookalikeKind.TWO_EDITS in {v.kind for v in hv.lookalikes("4009888898")}
    numbers = [v.number for v in variants]
    assert len(numbers) == len(set(numbers)) and "95188" not in numbers


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("transposition", ["59188", "91588", "95818"]),
        ("omission", ["5188", "9188", "9588", "9518"]),
        ("repetition", ["995188", "955188", "951188", "951888"]),
        ("prefix-swap", []),
        ("area-code", ["01095188", "02095188", "02195188", "075595188"]),
        ("international", ["+95188", "0095188"]),
        ("embedded", ["9518812", "9518800", "95188123", "951888888"]),
        (
            "letter-for-digit",
            ["95l88", "951B8", "9518B", "S5188"][:0] or ["9S188", "95l88", "951B8", "9518B"],
        ),
    ],
)
def test_variants_per_kind(kind, expected):
    assert [v.number for v in hv.lookalikes("95188", kinds=[kind])] == expected


def test_substitution_lists_keypad_neighbours_first():
    first = [v.number for v in hv.lookalikes("95188", kinds=["substitution"])][:3]
    assert first == ["65188", "85188", "05188"]  # the neighbours of 9 on the keypad: 6 and 8, then the rest
    assert len(list(hv.lookalikes("95188", kinds=["substitution"]))) == 45


def test_prefix_swap_of_a_400_number():
    assert [v.number for v in hv.lookalikes("400-988-8898", kinds=["prefix-swap"])] == ["8009888898"]


def test_unknown_kind_raises_value_error_naming_the_kinds():
    with pytest.raises(ValueError, match='Unknown lookalike kind "typo"; the kinds are: substitution'):
        list(hv.lookalikes("95188", kinds=["typo"]))


def test_bad_number_raises_invalid_number():
    with pytest.raises(hv.InvalidNumber):
        list(hv.lookalikes("not a number"))


@pytest.mark.parametrize("official", ["95188", "9510211", "4007006000"])
def test_every_generated_variant_is_caught(official):
    allowlist = hv.packaged_allowlist()
    for variant in hv.lookalikes(official):
        v = hv.verify(variant.number)
        listed = allowlist.lookup(v.normalized or "") is not None
        assert warns(v) or listed, (variant, v.status)
        if (
            v.status is hv.Status.LOOKALIKE
            and not listed
            and variant.kind is not hv.LookalikeKind.SUBSTITUTION
        ):
            assert v.official is not None


def test_keypad():
    assert keypad_neighbours("8", "9") and keypad_neighbours("8", "0") and not keypad_neighbours("1", "9")


def test_difference_wording():
    assert difference("8009888898", "4009888898").en == "800 in place of 400, with the same digits after it"
    assert difference("9518", "95188").en == "the digit 8 is missing (at position 4)"
    assert difference("5188", "95188").en == "the digit 9 is missing (at the start)"
    assert difference("195188", "95188").en == "an extra digit 1 (at the start)"
    assert difference("951888", "95188").zh == "数字 8 多按了一次"
    with pytest.raises(ValueError):
        difference("12345", "95188")
    assert edit_kind("95188", "95188") is None


def _allowlist_of(n: int):
    numbers = [f"4006{i:06d}" for i in range(0, n * 7, 7)]
    return build(
        allowlist_data(
            [org("x", "某公司", "Some company", "某司")], [entry(number, "x") for number in numbers]
        )
    )


def test_index_is_a_lookup_not_a_loop():
    """The same lookalike is found in an allowlist of 10 or 10,000 numbers, by key look-ups only."""
    small, large = _allowlist_of(10), _allowlist_of(10_000)
    found = [hv.verify("4006000008", allowlist=a).official for a in (small, large)]
    assert found[0].number == found[1].number == "4006000000"  # 0 and 8 touch on the keypad
    index = large.index
    assert isinstance(index, LookalikeIndex) and len(index) == 10_000
    # one check touches at most len(query) + 1 keys whatever the size of the allowlist
    probes = []

    class Spy(dict):
        def get(self, key, default=None):
            probes.append(key)
            return super().get(key, default)

        def __getitem__(self, key):
            probes.append(key)
            return super().__getitem__(key)

    object.__setattr__(index, "_near", Spy(index._near))
    index.find("4006000008")
    assert len(probes) <= len("4006000008") + 1


# --- every kind exactly: its variants derived from its definition, the words of each difference ---

DIGITS = "0123456789"


def variants(number: str, kind: str) -> list[str]:
    return [v.number for v in generate(number, kinds=[kind])]


def spec(number: str, kind: str) -> set[str]:
    """The variants of a kind, straight from its definition (DESIGN section 5)."""
    n = number
    if kind == "substitution":
        return {n[:i] + c + n[i + 1 :] for i in range(len(n)) for c in DIGITS if c != n[i]}
    if kind == "transposition":
        return {n[:i] + n[i + 1] + n[i] + n[i + 2 :] for i in range(len(n) - 1) if n[i] != n[i + 1]}
    if kind == "omission":
        return {n[:i] + n[i + 1 :] for i in range(len(n))}
    if kind == "repetition":
        return {n[: i + 1] + n[i] + n[i + 1 :] for i in range(len(n))}
    if kind == "insertion":
        everything = {n[:i] + c + n[i:] for i in range(len(n) + 1) for c in DIGITS}
        trunk = {"0" + n} if n[:3] in ("400", "800") else set()  # the same number with a trunk 0
        return everything - spec(n, "repetition") - trunk
    raise AssertionError(kind)


@pytest.mark.parametrize("number", ["95188", "12345", "9510211", "4009888898", "10107888", "95090"])
@pytest.mark.parametrize("kind", ["substitution", "transposition", "omission", "repetition", "insertion"])
def test_edit_kinds_make_exactly_their_definition(number, kind):
    got = variants(number, kind)
    assert len(got) == len(set(got))
    assert set(got) == spec(number, kind) - {number}


def test_substitution_orders_each_position_by_keypad_neighbours():
    got = variants("95188", "substitution")
    assert got[:3] == ["65188", "85188", "05188"]  # 9 touches 6 and 8 on the keypad; then the rest in order
    assert got[9:13] == ["92188", "94188", "96188", "98188"]  # 5 touches 2, 4, 6, 8


def test_edits_need_five_digits():
    for kind in ("substitution", "transposition", "omission", "repetition", "insertion"):
        assert variants("1234", kind) == []
        assert variants("12345", kind)
    assert variants("12a45", "substitution") == []


def test_prefix_swap_only_for_ten_digit_400_and_800():
    assert variants("4009888898", "prefix-swap") == ["8009888898"]
    assert variants("8009888898", "prefix-swap") == ["4009888898"]
    assert variants("9009888898", "prefix-swap") == []
    assert variants("400988889", "prefix-swap") == []
    assert variants("40098888981", "prefix-swap") == []


def test_area_code_goes_before_nationwide_short_numbers_only():
    assert variants("95188", "area-code") == ["01095188", "02095188", "02195188", "075595188"]
    assert variants("10107888", "area-code")[0] == "01010107888"  # eight digits is still short
    assert variants("101078881", "area-code") == []  # nine is not
    assert variants("96110", "area-code") == []  # local numbers are dialled with area codes anyway
    assert variants("4009888898", "area-code") == []
    assert variants("13812345678", "area-code") == []


def test_short_service_prefixes():
    for number in ("95188", "96110", "10086", "11185", "12315", "10107888"):
        assert is_short_code(number), number
    for number in ("13812345", "400988", "101078881", "80012"):
        assert not is_short_code(number), number


def test_international_prefixes():
    assert variants("96110", "international") == ["+96110", "0096110"]
    assert variants("4009888898", "international") == ["+4009888898", "004009888898"]
    assert variants("8009888898", "international") == ["+8009888898", "008009888898"]
    assert variants("13812345678", "international") == []
    assert variants("4109888898", "international") == []


def test_embedded_tails():
    assert variants("95188", "embedded") == ["9518812", "9518800", "95188123", "951888888"]
    assert variants("4009888898", "embedded")[0] == "400988889812"
    assert variants("8009888898", "embedded")[0] == "800988889812"
    assert variants("1010", "embedded") == []  # too short to be worth imitating
    assert variants("13812345678", "embedded") == []


def test_letter_for_digit():
    assert variants("4009888898", "letter-for-digit") == [
        "4O09888898",
        "40O9888898",
        "4009B88898",
        "40098B8898",
        "400988B898",
        "4009888B98",
        "400988889B",
        "4OO9888898",
    ]
    assert variants("95777", "letter-for-digit") == ["9S777"]
    assert variants("3467", "letter-for-digit") == []
    assert variants("1225", "letter-for-digit") == ["l225", "1Z25", "12Z5", "122S"]


@pytest.mark.parametrize(
    ("query", "official", "en", "zh"),
    [
        ("5188", "95188", "the digit 9 is missing (at the start)", "少了一位数字 9（在开头）"),
        ("9518", "95187", "the digit 7 is missing (at the end)", "少了一位数字 7（在末尾）"),
        ("9188", "95188", "the digit 5 is missing (at position 2)", "少了一位数字 5（在第 2 位）"),
        ("395188", "95188", "an extra digit 3 (at the start)", "多了一位数字 3（在开头）"),
        ("951883", "95188", "an extra digit 3 (at the end)", "多了一位数字 3（在末尾）"),
        ("953188", "95188", "an extra digit 3 (at position 3)", "多了一位数字 3（在第 3 位）"),
        ("951888", "95188", "the digit 8 is doubled", "数字 8 多按了一次"),
        ("995188", "95188", "the digit 9 is doubled", "数字 9 多按了一次"),
        (
            "95181",
            "95188",
            "one digit changed: 8 became 1 at position 5",
            "改了一位数字：第 5 位的 8 变成了 1",
        ),
        ("95818", "95188", "two adjacent digits swapped: 1 and 8", "相邻两位数字对调：1 和 8"),
        (
            "8009888898",
            "4009888898",
            "800 in place of 400, with the same digits after it",
            "用 800 换掉了 400，后面的号码相同",
        ),
    ],
)
def test_difference_in_words(query, official, en, zh):
    text = difference(query, official)
    assert (text.en, text.zh) == (en, zh)


def test_edit_kind_refuses_more_than_one_edit():
    for query, official in [
        ("95811", "95188"),
        ("59818", "95188"),
        ("951", "95188"),
        ("9518888", "95188"),
        ("95881", "95188"),
        ("15988", "95188"),
    ]:
        assert edit_kind(query, official) is None, query
    with pytest.raises(ValueError, match="not one edit away"):
        difference("12345", "95188")


def test_substitution_rank_prefers_keypad_neighbours():
    near = edit_kind("95189", "95188")  # 8 and 9 touch on the keypad
    far = edit_kind("95181", "95188")
    assert near[0] is far[0] is hv.LookalikeKind.SUBSTITUTION
    assert near[2] < far[2]
    assert near[1].en.endswith("(neighbours on the keypad, the likeliest misdial)")
    assert near[1].zh.endswith("（键盘上相邻，最容易按错）")


def test_index_ranks_and_finds():
    index = LookalikeIndex.build(["95188", "95189", "4009888898"])
    assert len(index) == 3
    assert [m.official for m in index.neighbours("95180")] == ["95188", "95189"]  # neighbours, then by number
    assert index.find("95188") is None  # an official number is never a lookalike
    assert index.find("951") is None
    assert index.find("8009888898").kind is hv.LookalikeKind.PREFIX_SWAP
    assert index.find("400988889812").kind is hv.LookalikeKind.EMBEDDED
    assert index.find("4009888898123456").kind is hv.LookalikeKind.EMBEDDED  # six more digits
    assert index.find("40098888981234567") is None  # seven is another number
    assert index.find("400988889812").detail.en == "the official 4009888898 with 12 added after it"


def test_a_key_several_numbers_hold_finds_each_of_them():
    index = LookalikeIndex.build(["95187", "95188", "95189", "4001234567"])
    assert index._near["9518"] == "95187 95188 95189"  # one string: nothing for the collector to walk
    assert index.crowded() == {"95187", "95188", "95189"}
    assert [m.official for m in index.neighbours("95186")] == ["95189", "95187", "95188"]  # keypad first
    assert index.find("9518").official == "95187"  # a dropped digit, the first of equal rank


@pytest.mark.parametrize(
    "query",
    [
        "95180",
        "9518",
        "951888",
        "4001234576",
        "4001243567",
        "4001245637",
        "+4001234567",
        "13800138000",
        "400123456712",
    ],
)
def test_probe_is_near_any_with_the_keys_held(query):
    index = LookalikeIndex.build(["95187", "95188", "95189", "4001234567"])
    found = index.probe(query)
    assert (found is not None) is index.near_any(query)
    if found is not None:
        assert found == index.held(query)
        assert all(index._near[k] == v for k, v in found.items())
    # the search gives one answer, whether or not it is handed the keys
    handed = [m.official for m in index.within_two(query, held=index.held(query))]
    assert handed == [m.official for m in index.within_two(query)]
    assert handed == (["4001234567"] if query == "4001245637" else [])  # the 3 moved two places on


_TAILS = st.text(alphabet="0123", min_size=7, max_size=7)  # few digits: runs and shared keys


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["400", "800"]), _TAILS), min_size=1, max_size=12),
    _TAILS,
    st.integers(3, 9),
    st.integers(3, 9),
)
def test_a_moved_digit_is_every_official_two_edits_away_that_shares_a_tail_deletion(officials, tail, a, b):
    """within_two() against its definition, every official number tried: 10 digits, the query's
    prefix, a deletion of the tail in common, two edits, more than two positions changed. The
    queries: a digit of an official moved, two of its digits swapped, and a random tail."""
    from rapidfuzz.distance import Levenshtein

    numbers = sorted({head + t for head, t in officials})
    index = LookalikeIndex.build(numbers)
    first = numbers[0]
    rest = first[:a] + first[a + 1 :]
    swapped = first[:a] + first[a + 1 : a + 2] + first[a] + first[a + 2 :] if a < 9 else first
    for query in (rest[:b] + first[a] + rest[b:], swapped, first[:3] + tail, "800" + tail):
        tails = {query[:i] + query[i + 1 :] for i in range(3, 10)}
        expected = [
            o
            for o in numbers
            if query not in index
            and o[:3] == query[:3]
            and tails & {o[:i] + o[i + 1 :] for i in range(3, 10)}
            and Levenshtein.distance(query, o) == 2
            and sum(x != y for x, y in zip(query, o, strict=True)) > 2
        ]
        assert [m.official for m in index.within_two(query)] == expected
