from __future__ import annotations

import pytest
from helpers import allowlist_data, entry, org

import hotline_verify as hv
from hotline_verify._allowlist import build
from hotline_verify._lookalike import LookalikeIndex, difference, edit_kind, keypad_neighbours


def test_every_kind_has_a_generator_and_variants_are_deduplicated():
    variants = list(hv.lookalikes("95188"))
    assert {v.kind for v in variants} == set(hv.LookalikeKind) - {hv.LookalikeKind.PREFIX_SWAP}
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


@pytest.mark.parametrize("official", ["95188", "9510211", "4009888898"])
def test_every_generated_variant_is_caught(official):
    allowlist = hv.packaged_allowlist()
    for variant in hv.lookalikes(official):
        v = hv.verify(variant.number)
        listed = allowlist.lookup(v.normalized or "") is not None
        assert v.status is hv.Status.LOOKALIKE or listed, (variant, v.status)
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

    object.__setattr__(index, "_near", Spy(index._near))
    index.find("4006000008")
    assert len(probes) <= len("4006000008") + 1
