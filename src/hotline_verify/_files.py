"""Checking files: read them, scan their text, keep the findings a repository must fix.

Parsing the command line is the CLI's job and printing is the reporters'; this module
turns paths into :class:`FileFinding` records and :class:`Skipped` notes.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO

import attrs

from ._allowlist import Allowlist
from ._model import Status
from ._scan import Finding, scan

__all__ = [
    "CheckedFiles",
    "Encoding",
    "FileFinding",
    "Skipped",
    "baseline_key",
    "check_files",
    "decode",
    "detect_encoding",
    "is_reportable",
]

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


@attrs.frozen
class Encoding:
    """How a file's bytes were decoded: an IANA name, the codec and the length of its BOM."""

    name: str
    codec: str
    bom: int = 0


UTF8 = Encoding("UTF-8", "utf-8")
GB18030 = Encoding("GB18030", "gb18030")
# UTF-32LE first: its BOM begins with UTF-16LE's
_BOMS = (
    (codecs.BOM_UTF32_LE, Encoding("UTF-32LE", "utf-32-le", 4)),
    (codecs.BOM_UTF32_BE, Encoding("UTF-32BE", "utf-32-be", 4)),
    (codecs.BOM_UTF8, Encoding("UTF-8", "utf-8", 3)),
    (codecs.BOM_UTF16_LE, Encoding("UTF-16LE", "utf-16-le", 2)),
    (codecs.BOM_UTF16_BE, Encoding("UTF-16BE", "utf-16-be", 2)),
)
# What Chinese text holds beyond ASCII: Latin-1 symbols and pinyin, punctuation and symbols, kana, Han,
# full-width forms. Legacy Western bytes read as GB18030 also give Han: the common-Han share tells them apart.
_CJK_TEXT = re.compile(
    "[\u00a0-\u024f\u2000-\u27ff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef]"
)
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
MIN_CJK_SHARE = 0.9  # of the characters beyond ASCII
MIN_COMMON_HAN_SHARE = 0.5  # of the Han characters


@functools.cache
def _common_han() -> re.Pattern[str]:
    """The 3,755 most common Han characters (GB 2312 level 1, rows 16 to 55)."""
    chars = (
        bytes((row, cell)).decode("gb2312", "replace")
        for row in range(0xB0, 0xD8)
        for cell in range(0xA1, 0xFF)
    )
    return re.compile("[" + "".join(c for c in chars if c != "\ufffd") + "]")


class Undecodable(Exception):
    """The bytes are neither Unicode with a BOM, UTF-8 nor GB18030 Chinese text."""


def detect_encoding(chunks: Callable[[], Iterable[bytes]], /) -> Encoding:
    """The encoding of the bytes ``chunks()`` yields (called once per candidate).

    Deterministic: a BOM; else strict UTF-8; else strict GB18030 (GBK and GB 2312 are
    subsets) when the result reads as Chinese text. Latin-1 and other legacy bytes often
    decode as GB18030 too, but into rare Han characters: the check refuses those.
    Raises :class:`_Binary` for bytes with NUL and no BOM, :class:`Undecodable` otherwise.
    """
    head = b""
    for chunk in chunks():
        head += chunk
        if len(head) >= 4:
            break
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if _decodes(chunks(), UTF8, nul_is_binary=True):
        return UTF8
    counts = [0, 0, 0, 0]  # beyond ASCII, CJK text, Han, common Han
    if _decodes(chunks(), GB18030, counts=counts):
        beyond, cjk, han, common = counts
        if cjk >= MIN_CJK_SHARE * beyond and common >= MIN_COMMON_HAN_SHARE * han:
            return GB18030
    raise Undecodable("not UTF-8, UTF-16/32 with a BOM or GB18030 text")


def _decodes(
    chunks: Iterable[bytes],
    encoding: Encoding,
    *,
    nul_is_binary: bool = False,
    counts: list[int] | None = None,
) -> bool:
    decoder = codecs.getincrementaldecoder(encoding.codec)("strict")
    try:
        for chunk in chunks:
            if nul_is_binary and b"\0" in chunk:
                raise _Binary("binary file, not scanned")
            text = decoder.decode(chunk)
            if counts is not None:
                _count(text, counts)
        if counts is not None:
            _count(decoder.decode(b"", True), counts)
        else:
            decoder.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def _count(text: str, counts: list[int]) -> None:
    beyond = len(text) - len(text.encode("ascii", "ignore"))
    if not beyond:
        return
    counts[0] += beyond
    counts[1] += len(_CJK_TEXT.findall(text))
    counts[2] += len(_HAN.findall(text))
    counts[3] += len(_common_han().findall(text))


def decode(data: bytes, /) -> tuple[str, Encoding]:
    """Text and encoding of bytes held in memory (standard input)."""
    encoding = detect_encoding(lambda: (data,))
    return data[encoding.bom :].decode(encoding.codec), encoding


@attrs.frozen
class CheckedFiles:
    """What :func:`check_files` found: findings, files skipped, files that failed, encodings used."""

    findings: list[FileFinding]
    skipped: list[Skipped]
    failed: list[Skipped]  # missing, unreadable or undecodable: the check did not cover them
    encodings: dict[str, Encoding]


STDIN = "-"
STDIN_NAME = "<stdin>"


def check_files(
    paths: Sequence[str],
    /,
    *,
    allowlist: Allowlist | None = None,
    ignored: frozenset[str] = frozenset(),
    stdin: BinaryIO | None = None,
) -> CheckedFiles:
    """Scan ``paths`` (``-`` reads ``stdin``); findings are sorted by path, line and column.

    Every path is tried: one that cannot be read or decoded is recorded in ``failed``.
    """
    findings: list[FileFinding] = []
    skipped: list[Skipped] = []
    failed: list[Skipped] = []
    encodings: dict[str, Encoding] = {}
    for path in paths:
        name = STDIN_NAME if path == STDIN else path
        try:
            if path != STDIN and path.lower().endswith(HTML_SUFFIXES):
                findings += _page_findings(path, allowlist)
                continue
            if path == STDIN:
                text, encoding = decode(stdin.read() if stdin is not None else b"")
                blocks: Iterable[tuple[int, str]] = [(1, text)]
            elif os.path.getsize(path) <= BLOCK_BYTES:  # one read, held whole
                with open(path, "rb") as handle:
                    text, encoding = decode(handle.read())
                blocks = [(1, text)]
            else:  # two passes, a block at a time: decide the encoding, then decode
                encoding = detect_encoding(functools.partial(_chunks, path))
                blocks = _blocks(path, encoding)
            last_line = ""  # an ignore-next-line comment may end the block before
            found: list[FileFinding] = []
            for first_line, text in blocks:
                found += _findings(name, first_line, text, allowlist, last_line)
                last_line = text.rstrip("\n").rsplit("\n", 1)[-1]
        except _Binary as exc:
            skipped.append(Skipped(name, str(exc)))
        except (Undecodable, UnicodeDecodeError) as exc:
            reason = str(exc) if isinstance(exc, Undecodable) else "the file changed while it was read"
            failed.append(Skipped(name, f"cannot decode the file: {reason}"))
        except OSError as exc:
            failed.append(Skipped(name, f"cannot read the file: {exc.strerror or exc}"))
        else:
            findings += found
            encodings[name] = encoding
    findings = [f for f in findings if f.key not in ignored]
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code))
    return CheckedFiles(findings, skipped, failed, encodings)


class _Binary(Exception):
    pass


def _chunks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(BLOCK_BYTES):
            yield chunk


def _blocks(path: str, encoding: Encoding = UTF8) -> Iterator[tuple[int, str]]:
    """``(first line number, text)`` for blocks of whole lines, decoded as ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding.codec)("strict")
    with open(path, "rb") as handle:
        handle.seek(encoding.bom)
        line_no = 1
        pending = ""
        while chunk := handle.read(BLOCK_BYTES):
            data = pending + decoder.decode(chunk)
            cut = data.rfind("\n") + 1
            pending = data[cut:]
            if cut:
                yield line_no, data[:cut]
                line_no += data.count("\n", 0, cut)
        pending += decoder.decode(b"", True)
        if pending:
            yield line_no, pending


def _ignored(line_text: str, previous: str) -> bool:
    return IGNORE_NEXT in previous or (IGNORE in line_text and IGNORE_NEXT not in line_text)


def _page_findings(path: str, allowlist: Allowlist | None) -> list[FileFinding]:
    """Findings of an HTML page, at their line and column in its source."""
    from ._html import scan_html

    with open(path, "rb") as handle:
        data = handle.read()
    if b"\0" in data:
        raise _Binary("binary file, not scanned")
    lines = decode(data)[0].split("\n")
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
