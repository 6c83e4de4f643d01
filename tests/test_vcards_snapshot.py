"""Every mainland number of the metowolf/vCards snapshot is accounted for in the data."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT

import hotline_verify as hv

SNAPSHOT = json.loads((ROOT / "tests" / "data" / "vcards_mainland.json").read_text("utf-8"))
ALLOWLIST = hv.packaged_allowlist()
WRONG = {w.number for w in ALLOWLIST.wrong_attributions}
LEFT_OUT = {x.number: x for x in ALLOWLIST.left_out}


def test_the_snapshot_is_not_empty():
    assert len(SNAPSHOT) >= 500


@pytest.mark.parametrize("row", SNAPSHOT, ids=lambda r: r["number"])
def test_every_listed_number_is_official_retired_wrongly_attributed_or_left_out_with_a_reason(row):
    number = row["number"]
    entry = ALLOWLIST.lookup(number)
    if entry is not None:
        assert entry.active or entry.replaced_by, number
    elif number in WRONG:
        assert all(w.note.en for w in ALLOWLIST.wrong_attributions_of(number))
    else:
        assert number in LEFT_OUT and LEFT_OUT[number].reason.en, number
