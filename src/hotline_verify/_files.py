"""Checking files: read them, scan their text, keep the findings a repository must fix.

Parsing the command line is the CLI's job and printing is the reporters'; this module
turns paths into :class:`FileFinding` records and :class:`Skipped` notes.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ._allowlist import Allowlist
from ._model import Status
from ._scan import Finding, scan

__all__ = ["FileFinding", "Skipped", "baseline_key", "check_files", "is_reportable"]

IGNORE = "hotline-verify: ignore"
IGNORE_NEXT = "hotline-verify: ignore-next-line"
HTML_SUFFIXES = (".html", ".htm")  # read as markup: text by block, tel:/sms: links, no scripts
BLOCK_BYTES = 1 << 20  # large files are scanned a block of whole lines at a time
_SPACES = re.compile(r"\s+")


@attrs.frozen
class FileFinding:
    """A finding at a place in a file (line and column are 1-based)."""

    path: str
    line: int
    column: int
    end_column: int
    line_text: str
    finding: Finding

    @property
    def code(self) -> str:
        return self.finding.verdict.reasons[0].code

    def message(self, lang: str = "en") -> str:
        return " ".join(r.message(lang) for r in self.finding.verdict.reasons[:2])

    @property
    def key(self) -> str:
        return baseline_key(self.path, self.finding.verdict.normalized or self.finding.text, self.line_text)


@attrs.frozen
class Skipped:
    """A file that was not scanned, and why."""

    path: str
    reason: str


def baseline_key(path: str, number: str, line_text: str) -> str:
    """A content key: unrelated edits (other lines, moved lines) do not change it."""
    normalized = _SPACES.sub(" ", line_text).strip()
    digest = hashlib.sha256(f"{path}\0{number}\0{normalized}".encode()).hexdigest()
    return digest[:32]


def is_reportable(finding: Finding) -> bool:
    """Lookalikes, unofficial claims and masked numbers presented as an organisation's."""
    v = finding.verdict
    if v.status in (Status.LOOKALIKE, Status.UNOFFICIAL):
        return True
    return v.status is Status.INVALID and v.claimed_org is not None and v.codes[:1] == ("invalid-masked",)


class UnreadableFile(OSError):
    """A file named on the command line cannot be opened."""


def check_files(
    paths: Sequence[str], /, *, allowlist: Allowlist | None = None, ignored: frozenset[str] = frozenset()
) -> tuple[list[FileFinding], list[Skipped]]:
    """Scan ``paths``; findings are sorted by path, line and column.

    Raises :class:`UnreadableFile` naming the first file that cannot be opened.
    """
    findings: list[FileFinding] = []
    skipped: list[Skipped] = []
    for path in paths:
        try:
            if path.lower().endswith(HTML_SUFFIXES):
                findings += _page_findings(path, allowlist)
                continue
            blocks = list(_blocks(path)) if os.path.getsize(path) <= BLOCK_BYTES else _blocks(path)
            last_line = ""  # an ignore-next-line comment may end the block before
            for first_line, text in blocks:
                findings += _findings(path, first_line, text, allowlist, last_line)
                last_line = text.rstrip("\n").rsplit("\n", 1)[-1]
        except _Binary as exc:
            skipped.append(Skipped(path, str(exc)))
        except OSError as exc:
            raise UnreadableFile(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    findings = [f for f in findings if f.key not in ignored]
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code))
    return findings, skipped


class _Binary(Exception):
    pass


def _blocks(path: str) -> Iterator[tuple[int, str]]:
    """``(first line number, text)`` for blocks of whole lines, decoded as UTF-8."""
    with open(path, "rb") as handle:
        line_no = 1
        pending = b""
        while True:
            chunk = handle.read(BLOCK_BYTES)
            if not chunk:
                break
            if b"\0" in chunk:
                raise _Binary("binary file, not scanned")
            data = pending + chunk
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                pending = data
                continue
            pending = data[cut:]
            yield line_no, _decode(data[:cut])
            line_no += data[:cut].count(b"\n")
        if pending:
            yield line_no, _decode(pending)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Binary("not UTF-8 text, not scanned") from None


def _ignored(line_text: str, previous: str) -> bool:
    return IGNORE_NEXT in previous or (IGNORE in line_text and IGNORE_NEXT not in line_text)


def _page_findings(path: str, allowlist: Allowlist | None) -> list[FileFinding]:
    """Findings of an HTML page, at their line and column in its source."""
    from ._html import scan_html

    with open(path, "rb") as handle:
        data = handle.read()
    if b"\0" in data:
        raise _Binary("binary file, not scanned")
    lines = _decode(data).split("\n")
    out = []
    for found in scan_html("\n".join(lines), allowlist=allowlist):
        if not (is_reportable(found.finding) or "link-target-differs" in found.verdict.codes):
            continue
        line_text = lines[found.line - 1].rstrip("\r")
        if _ignored(line_text, lines[found.line - 2] if found.line > 1 else ""):
            continue
        end = found.end_column if found.end_line == found.line else len(line_text) + 1
        out.append(FileFinding(path, found.line, found.column, end, line_text, found.finding))
    return out


def _findings(
    path: str, first_line: int, text: str, allowlist: Allowlist | None, line_before: str
) -> Iterable[FileFinding]:
    if not text:
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out = []
    line_index = 0
    for finding in scan(text, allowlist=allowlist):
        if not is_reportable(finding):
            continue
        while line_index + 1 < len(starts) and starts[line_index + 1] <= finding.start:
            line_index += 1
        line_text = lines[line_index]
        previous = lines[line_index - 1] if line_index > 0 else line_before
        if _ignored(line_text, previous):
            continue
        column = finding.start - starts[line_index] + 1
        out.append(
            FileFinding(
                path,
                first_line + line_index,
                column,
                column + len(finding.text),
                line_text.rstrip("\r"),
                finding,
            )
        )
    return out
