"""Coverage-guided fuzzing of verify(), normalize() and lookalikes().

Run (see docs/hardening.md):

    python fuzz/fuzz_verify.py -max_total_time=330 /tmp/corpus-verify fuzz/seeds/verify

The contract checked: for any str, verify() returns a Verdict whose to_dict() is
JSON-safe and whose explain() renders; normalize() returns a str or raises
InvalidNumber; an official verdict names an active entry; lookalikes() of a
normalizable number yields Lookalike records.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    import hotline_verify as hv

ALLOWLIST = hv.packaged_allowlist()
CLAIMS = (None, "", "淘宝", "Alipay", "工行", "alipy", "tmall supermarket", " ")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    claimed = CLAIMS[fdp.ConsumeIntInRange(0, len(CLAIMS) - 1)]
    incoming = fdp.ConsumeBool()
    text = fdp.ConsumeUnicodeNoSurrogates(256) if fdp.ConsumeBool() else fdp.ConsumeUnicode(256)
    v = hv.verify(text, claimed=claimed, incoming=incoming)
    if v.status is hv.Status.OFFICIAL:
        assert ALLOWLIST.active(v.normalized) is not None, (text, v.normalized)
    json.dumps(v.to_dict(), ensure_ascii=False)
    v.explain("zh")
    v.explain("en")
    try:
        once = hv.normalize(text)
    except hv.InvalidNumber as exc:
        assert str(exc)
        return
    assert hv.normalize(once) == once, (text, once)
    for variant in hv.lookalikes(once):
        assert isinstance(variant, hv.Lookalike)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
