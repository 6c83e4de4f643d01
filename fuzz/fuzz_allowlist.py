"""Coverage-guided fuzzing of allowlist loading and check_data().

Run (see docs/hardening.md):

    python fuzz/fuzz_allowlist.py -max_total_time=330 /tmp/corpus-allowlist fuzz/seeds/allowlist

Half the inputs are raw file bytes; the other half are structured edits (replace,
delete or copy a node) of a small valid allowlist, so the schema, the reference
checks, build() and the data rules are reached and not only the JSON parser. The
contract: load_allowlist() returns an Allowlist or raises AllowlistError naming the
file; merging a loaded list onto the packaged one gives an Allowlist or an
AllowlistError naming the file; check_data() returns problems or raises
AllowlistError; nothing else.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import tempfile
from typing import Any

import atheris

with atheris.instrument_imports():
    import hotline_verify as hv
    from hotline_verify._datacheck import check_data

PACKAGED = hv.packaged_allowlist()
_FD, PATH = tempfile.mkstemp(suffix=".json", prefix="fuzz-allowlist-")
os.close(_FD)


def _source(where: str) -> dict[str, str]:
    return {"kind": "official-site", "where": where, "says": "lists it", "read": "2026-11-26"}


def _entry(number: str, org: str, **extra: Any) -> dict[str, Any]:
    return {
        "number": number,
        "org": org,
        "status": "active",
        "kind": "hotline",
        "scope": "national",
        "service": {"zh": "客服", "en": "service"},
        "handles": {"zh": "问题", "en": "questions"},
        "sources": [_source("https://example.org")],
        **extra,
    }


BASE = {
    "format": "hotline-verify-allowlist",
    "version": 1,
    "updated": "2026-11-26",
    "organisations": [
        {"id": "acme", "name": {"zh": "阿克米", "en": "Acme"}, "aliases": ["阿克米客服"]},
        {"id": "bank", "name": {"zh": "某银行", "en": "Some Bank"}, "aliases": [], "group": "g"},
    ],
    "numbers": [
        _entry("4001234567", "acme"),
        _entry("95599", "bank"),
        _entry("95598", "acme", status="retired", replaced_by=["4001234567"]),
    ],
    "known_fakes": [
        {
            "number": "4007654321",
            "posing_as": "bank",
            "note": {"zh": "假", "en": "fake"},
            "case": "c1",
            "sources": [_source("news")],
        }
    ],
    "wrong_attributions": [
        {
            "number": "95599",
            "attributed_to": "acme",
            "actual": {"zh": "银行", "en": "bank"},
            "note": {"zh": "错", "en": "wrong"},
            "sources": [_source("https://example.net")],
        }
    ],
    "cases": [
        {
            "id": "c1",
            "title": {"zh": "案", "en": "case"},
            "summary": {"zh": "案", "en": "case"},
            "source": _source("news"),
        }
    ],
}


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*here, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*here, i))
    return out


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        node = node[p]
    return node


def _value(fdp: atheris.FuzzedDataProvider, doc: Any) -> Any:
    choice = fdp.ConsumeIntInRange(0, 8)
    if choice == 0:
        return None
    if choice == 1:
        return fdp.ConsumeBool()
    if choice == 2:
        return fdp.ConsumeInt(8)
    if choice == 3:
        return fdp.ConsumeUnicode(24)
    if choice == 4:
        return str(fdp.ConsumeIntInRange(0, 10**12))
    if choice == 5:
        return []
    if choice == 6:
        return {}
    paths = _paths(doc)
    return copy.deepcopy(_get(doc, paths[fdp.ConsumeIntInRange(0, len(paths) - 1)]))


def structured(fdp: atheris.FuzzedDataProvider) -> bytes:
    doc = copy.deepcopy(BASE)
    for _ in range(fdp.ConsumeIntInRange(1, 4)):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = paths[fdp.ConsumeIntInRange(0, len(paths) - 1)]
        parent = _get(doc, path[:-1])
        if fdp.ConsumeBool() and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, list) and fdp.ConsumeBool():
            parent.append(_value(fdp, doc))
        else:
            parent[path[-1]] = _value(fdp, doc)
    return json.dumps(doc, ensure_ascii=fdp.ConsumeBool()).encode("utf-8", "surrogatepass")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    raw = fdp.ConsumeBytes(len(data)) if fdp.ConsumeBool() else structured(fdp)
    with open(PATH, "wb") as f:
        f.write(raw)
    try:
        allowlist = hv.load_allowlist(PATH)
    except hv.AllowlistError as exc:
        assert PATH in str(exc), exc
    else:
        for entry in allowlist.numbers[:3]:
            hv.verify(entry.number, allowlist=allowlist, claimed="Acme").to_dict()
        try:  # layered on the packaged list: an Allowlist or an AllowlistError naming the file
            merged = hv.merge_allowlists(PACKAGED, allowlist, override=fdp.ConsumeBool())
        except hv.AllowlistError as exc:
            assert PATH in str(exc), exc
        else:
            for entry in allowlist.numbers[:3]:
                v = hv.verify(entry.number, allowlist=merged)
                assert v.status is not hv.Status.OFFICIAL or merged.active(v.normalized) is not None
    try:
        problems = check_data(PATH)
    except hv.AllowlistError as exc:
        assert PATH in str(exc), exc
    else:
        for problem in problems:
            str(problem)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    try:
        atheris.Fuzz()
    finally:
        os.unlink(PATH)


if __name__ == "__main__":
    main()
