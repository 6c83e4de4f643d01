"""The verdict policy: risk follows the number space (DESIGN section 4, rules 5-11).

A regulator allocates a short code to one organisation, so an unlisted code one digit
from a listed one is most likely another registered organisation's line: unknown, with
the near number suggested. A 400/800 number, a mobile or a landline can be rented by
anyone: there a near miss is the threat.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv
from hotline_verify._allowlist import build, packaged_path
from hotline_verify._lookalike import LookalikeIndex
from hotline_verify._numbering import is_short_code
from hotline_verify._policy import RULES

S, R = hv.Status, hv.Risk
DATA = json.loads(packaged_path().read_text("utf-8"))
PACKAGED = hv.packaged_allowlist()
ACTIVE = [n for n in PACKAGED.numbers if n.active]


def _short_codes() -> dict[str, list[str]]:
    """Organisation id -> its active allocated short codes of five digits or more."""
    owned: dict[str, list[str]] = {}
    for n in ACTIVE:
        if is_short_code(n.number) and len(n.number) >= 5:
            owned.setdefault(n.org.id, []).append(n.number)
    return owned


SHORT = _short_codes()


def _batches() -> Iterator[list[str]]:
    """Organisations in groups whose codes are more than one edit from each other's, so each
    can be left out of one copy of the list without hiding another's neighbour."""
    left = sorted(SHORT)
    while left:
        batch: list[str] = []
        index = LookalikeIndex.build([])
        for org in list(left):
            if not any(index.neighbours(code) or code in index for code in SHORT[org]):
                batch.append(org)
                left.remove(org)
                index = LookalikeIndex.build([c for o in batch for c in SHORT[o]])
        yield batch


def _without(orgs: list[str]) -> hv.Allowlist:
    data = copy.deepcopy(DATA)
    gone = {code for org in orgs for code in SHORT[org]}
    data["numbers"] = [n for n in data["numbers"] if n["number"] not in gone]
    for n in data["numbers"]:
        for key in ("acknowledged_lookalikes", "replaced_by"):
            if key in n:
                n[key] = [x for x in n[key] if x not in gone]
                if not n[key]:
                    del n[key]
    return build(data, trusted=True)


def test_every_organisation_with_short_codes_is_left_out_once() -> None:
    seen = [org for batch in _batches() for org in batch]
    assert sorted(seen) == sorted(SHORT) and len(SHORT) > 100


@pytest.mark.slow
def test_short_codes_left_out_of_the_list_are_never_called_fakes() -> None:
    """The issue's check: an organisation's real short code that the list does not carry is
    unknown, never a lookalike, unofficial or high risk; claimed for the organisation it is
    one digit from, it is a lookalike or unofficial, high risk."""
    for batch in _batches():
        allowlist = _without(batch)
        for org in batch:
            for code in SHORT[org]:
                v = hv.verify(code, allowlist=allowlist)
                assert v.status not in (S.LOOKALIKE, S.UNOFFICIAL) and v.risk is not R.HIGH, (
                    org,
                    code,
                    v.codes,
                )
                if v.suggested:  # a listed neighbour: claimed for its owner, it is a fake of it
                    near = v.suggested[0].org
                    w = hv.verify(code, claimed=near.name.zh, allowlist=allowlist)
                    assert w.status in (S.LOOKALIKE, S.UNOFFICIAL) and w.risk is R.HIGH, (org, code, near.id)


RENTABLE = [n.number for n in ACTIVE if n.number[:3] in ("400", "800") and len(n.number) == 10]
ALLOCATED = [n.number for n in ACTIVE if n.number.startswith("95") and len(n.number) == 5]


def _one_digit_changed(number: str, position: int, digit: str) -> str:
    return number[:position] + digit + number[position + 1 :]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(RENTABLE), st.integers(3, 9), st.sampled_from("0123456789"))
def test_an_unlisted_400_number_one_digit_from_a_listed_one_is_a_lookalike(official, position, digit):
    variant = _one_digit_changed(official, position, digit)
    if PACKAGED.lookup(variant) is None and PACKAGED.known_fake(variant) is None:
        v = hv.verify(variant)
        assert (v.status, v.risk) == (S.LOOKALIKE, R.HIGH), (variant, v.codes)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ALLOCATED), st.integers(2, 4), st.sampled_from("0123456789"))
def test_an_unlisted_95_code_one_digit_from_a_listed_one_is_unknown_unless_claimed(official, position, digit):
    variant = _one_digit_changed(official, position, digit)
    if PACKAGED.lookup(variant) is not None or PACKAGED.known_fake(variant) is not None:
        return
    v = hv.verify(variant)
    assert (v.status, v.risk) == (S.UNKNOWN, R.MEDIUM), (variant, v.codes)
    assert v.suggested and "near-allocated" in v.codes
    owner = PACKAGED.lookup(official)
    assert owner is not None
    claimed = hv.verify(variant, claimed=owner.org.name.zh)
    assert claimed.status in (S.LOOKALIKE, S.UNOFFICIAL) and claimed.risk is R.HIGH, (variant, claimed.codes)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(ALLOCATED), st.sampled_from(["+86 ", "+86", "0086 ", "0086-"]))
def test_plus_86_before_a_short_code_on_an_incoming_call_is_a_spoof(official, prefix):
    v = hv.verify(prefix + official, incoming=True)
    assert (v.status, v.risk, v.lookalike_kind) == (S.LOOKALIKE, R.HIGH, hv.LookalikeKind.INTERNATIONAL)
    found = hv.verify(prefix + official)  # written in a text, it is the official number
    assert found.status is S.OFFICIAL and "short-code-abroad" in found.codes


def test_an_official_number_on_an_incoming_call_is_medium_risk_and_says_hang_up() -> None:
    v = hv.verify("95588", incoming=True)
    assert (v.status, v.risk) == (S.OFFICIAL, R.MEDIUM) and "caller-id-spoofable" in v.codes


@pytest.mark.parametrize("claimed", ["顺丰快递员", "美团骑手", "滴滴司机"])
def test_a_person_doing_a_job_is_no_claim_for_a_mobile(claimed: str) -> None:
    v = hv.verify("13812345678", claimed=claimed)
    assert (v.status, v.risk) == (S.UNKNOWN, R.LOW) and "person-not-line" in v.codes


@pytest.mark.parametrize("claimed", ["顺丰客服", "中国平安理赔", "淘宝退款"])
def test_a_mobile_presented_as_a_brand_line_is_unofficial(claimed: str) -> None:
    v = hv.verify("13812345678", claimed=claimed)
    assert (v.status, v.risk) == (S.UNOFFICIAL, R.HIGH)


def test_the_rules_are_tried_in_the_documented_order() -> None:
    assert [r.__name__ for r in RULES] == [
        "unreadable",
        "known_fake",
        "official_form",
        "retired",
        "spoof_form",
        "other_org_official",
        "claimed_lookalike",
        "claimed_unlisted",
        "rentable_lookalike",
        "allocated_neighbour",
        "anything_else",
    ]


def test_the_plain_decision_holds_in_every_space_of_the_plan():
    from hotline_verify._numbering import _plan
    from hotline_verify._policy import decide, decide_plain, plain_facts

    spaces = [None, *(space for group in _plan().by_prefix.values() for space in group)]
    for space in spaces:
        for kind in [None, *hv.NumberKind]:
            for readable in (True, False):
                facts = plain_facts(kind, readable, space=space)
                assert decide_plain(kind, readable) == decide(facts), (space, kind, readable)
