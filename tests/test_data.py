"""The packaged data, entry by entry."""

from __future__ import annotations

import pytest
from helpers import warns

import hotline_verify as hv

ALLOWLIST = hv.packaged_allowlist()
ACTIVE = [n for n in ALLOWLIST.numbers if n.active]
RETIRED = [n for n in ALLOWLIST.numbers if not n.active]


def test_coverage():
    assert len(ALLOWLIST.organisations) >= 60
    assert len(ALLOWLIST.numbers) >= 90


@pytest.mark.parametrize("entry", ACTIVE, ids=lambda n: n.number)
def test_every_active_number_is_official_for_its_organisation(entry):
    v = hv.verify(entry.number, claimed=entry.org.name.zh)
    assert v.status is hv.Status.OFFICIAL and v.org == entry.org
    assert "official-other-org" not in v.codes
    assert hv.verify(entry.number, claimed=entry.org.name.en).org == entry.org


@pytest.mark.parametrize("entry", RETIRED, ids=lambda n: n.number)
def test_every_retired_number_is_never_official_and_names_its_replacement(entry):
    v = hv.verify(entry.number)
    assert v.status is hv.Status.UNOFFICIAL and v.codes[0] == "retired"
    for replacement in entry.replaced_by:
        assert replacement in v.reasons[0].message_en and replacement in v.reasons[0].message_zh


@pytest.mark.parametrize("entry", [n for n in ACTIVE if len(n.number) >= 5], ids=lambda n: n.number)
def test_generated_lookalikes_that_are_not_listed_are_flagged(entry):
    for variant in hv.lookalikes(
        entry.number, kinds=["transposition", "omission", "repetition", "international", "letter-for-digit"]
    ):
        v = hv.verify(variant.number)
        if ALLOWLIST.lookup(v.normalized or "") is None and ALLOWLIST.known_fake(v.normalized or "") is None:
            assert warns(v), (variant, v.status, v.codes)


def test_every_case_cited_by_a_reason_exists():
    from hotline_verify._reasons import CATALOGUE

    cited = {case for _, _, case in CATALOGUE.values() if case}
    assert cited <= set(ALLOWLIST.cases)
    for fake in ALLOWLIST.known_fakes:
        assert fake.case is None or fake.case in ALLOWLIST.cases
