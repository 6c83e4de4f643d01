"""The packaged allowlist compiled when the wheel is built, so the first verdict need not parse
and index the JSON file.

The build hook (``hatch_build.py``) writes ``official_numbers.compiled`` next to the data
file: a header line naming the format, the Python version and the SHA-256 of the JSON file it
was made from, then the entries, names and lookalike index as ``marshal`` data (plain values
only: reading them runs no code). Each entry is marshal data of its own, read when the entry is
first asked for: a first verdict reads one of them, not all 600 (about 2 ms), and the active
numbers of each organisation, which a claim asks for, are listed apart. A file that is missing
(a source checkout, an editable install), made for another format or Python version, or made
from other JSON is stale and ignored: the JSON file is read instead. Its own digest is recorded and checked like the JSON
file's (see ``hotline_verify._integrity``).
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from ._allowlist import Allowlist, Record, assemble, build, parse_json, parts
from ._datafiles import read_bytes, write_bytes
from ._integrity import check_digest, sha256
from ._lookalike import LookalikeIndex
from ._model import OfficialNumber

__all__ = ["FORMAT", "NAME", "compile_allowlist", "header", "load_compiled"]

FORMAT = 4
NAME = "official_numbers.compiled"


def header(digest: str, /) -> bytes:
    """The first line of a compiled file made from JSON with SHA-256 ``digest`` by this Python."""
    version = "{}.{}".format(*sys.version_info[:2])
    return f"hotline-verify-compiled {FORMAT} python{version} {digest}\n".encode("ascii")


def compile_allowlist(raw: bytes, /) -> bytes:
    """The compiled form of the allowlist file ``raw`` (checked as the packaged file is)."""
    data = parse_json(raw, "packaged allowlist")
    al = build(data, origin="packaged", trusted=True)
    index = al.index
    payload = {
        "data": {k: v for k, v in data.items() if k != "numbers"},
        "records": {number: _packed(record) for number, record in al._by_number._records.items()},
        "aliases": {key: org.id for key, org in al.alias_keys.items()},
        "latin": dict(al._latin),
        "active": al._by_number.active_by_org(),
        "index": (index._numbers, dict(index._near)),
    }
    return header(sha256(raw)) + marshal.dumps(payload)


class Packed(Mapping[str, Record]):
    """Entries by number, each kept as its ``marshal`` data until it is read."""

    __slots__ = ("_packed",)

    def __init__(self, packed: dict[str, bytes], /) -> None:
        self._packed = packed

    def __getitem__(self, number: str, /) -> Record:
        record: Record = marshal.loads(self._packed[number])
        return record

    def __contains__(self, number: object, /) -> bool:
        return number in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def _packed(record: Record | OfficialNumber, /) -> bytes:
    if isinstance(record, OfficialNumber):  # build() keeps every entry as a plain record
        raise TypeError("only plain records are compiled")
    return marshal.dumps(record)


def load_compiled(
    path: str | os.PathLike[str], raw: bytes, /, *, digest: str | None = None
) -> Allowlist | None:
    """The allowlist compiled from ``raw`` at ``path``; ``None`` when there is none or it is stale.
    ``digest``: the SHA-256 of ``raw``, when already worked out.

    Raises [`AllowlistError`][hotline_verify.AllowlistError] when the file no longer matches
    the digest recorded for it when the wheel was built.
    """
    try:
        blob = read_bytes(path)
    except OSError:
        return None  # a source checkout or an editable install: nothing was compiled
    check_digest(path, blob)
    line_end = blob.find(b"\n") + 1
    if blob[:line_end] != header(digest or sha256(raw)):
        return None  # another format, another Python, or other data: read the JSON instead
    payload: dict[str, Any] = marshal.loads(blob[line_end:])
    orgs, fakes, wrong, cases, left_out = parts(payload["data"])
    numbers, near = payload["index"]
    return assemble(
        tuple(orgs.values()),
        Packed(payload["records"]),
        fakes,
        wrong,
        cases,
        origin="packaged",
        aliases={key: orgs[org_id] for key, org_id in payload["aliases"].items()},
        left_out=left_out,
        index=LookalikeIndex.of(numbers, near),
        latin=payload["latin"],
        active_by_org=payload["active"],
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m hotline_verify._compiled DATA OUT``: compile the JSON file DATA into OUT."""
    data, out = argv if argv is not None else sys.argv[1:]
    write_bytes(out, compile_allowlist(read_bytes(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
