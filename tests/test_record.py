"""Internal records (readings, numbers, facts, decisions, spaces): plain slotted classes that
compare, hash and print by their values, as the attrs classes they replace did."""

from __future__ import annotations

import pickle

from hotline_verify._model import LookalikeKind, NumberKind, Risk, Status
from hotline_verify._normalize import Number, Reading, _evolve, interpret, read
from hotline_verify._numbering import space_named, space_of
from hotline_verify._policy import Decision, Spoof, decide_plain


def test_records_compare_and_hash_by_value() -> None:
    a, b = read("400-123-4567"), read("400-123-4567")
    assert a is not b and a == b and hash(a) == hash(b)
    assert read("400-123-4568") != a
    assert interpret("95188") == Number("95188", NumberKind.SERVICE_95)
    assert decide_plain(NumberKind.MOBILE, True) == Decision("anything_else", Status.UNKNOWN, Risk.LOW)
    assert Spoof(None, LookalikeKind.EMBEDDED, "") != Decision("x", Status.UNKNOWN, Risk.LOW)
    assert {space_of("95188"), space_named(space_of("95188").id)} == {space_of("95188")}


def test_records_print_their_fields() -> None:
    # in the order of __slots__ (sorted)
    assert repr(Number("95188", NumberKind.SERVICE_95)) == (
        "Number(canonical='95188', country_code=None, inner=None, kind=<NumberKind.SERVICE_95: 'service-95'>, "
        "prefix=None, secondary_prefix=None, valid=True)"
    )
    assert "error='no-digits'" in repr(Reading("x", error="no-digits"))


def test_evolve_copies_with_changes_and_keeps_the_original() -> None:
    r = read("9518")
    changed = _evolve(r, error="too-short", detail="9518")
    assert (changed.error, changed.detail, changed.digits) == ("too-short", "9518", r.digits)
    assert r.error is None and type(changed) is Reading


def test_records_pickle() -> None:
    for record in (read("95188"), interpret("+86 10 95566"), space_of("4001234567")):
        assert pickle.loads(pickle.dumps(record)) == record
