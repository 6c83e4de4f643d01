"""scan_html(): judge the numbers of a web page, block by block, and its tel:/sms: links.

The page is read with the standard library's :class:`html.parser.HTMLParser`: it is
maintained with Python, tolerates broken markup without raising, needs no compiled
dependency and reports the line and column of every token, which is what findings in a
source file must point at. The text of each block element (p, li, td, div, h1–h6, dt,
dd, section …) is judged on its own with :func:`~hotline_verify.scan`, so a brand named
next to a number stays with it and does not leak into the next block; inline elements
(a, b, span …) join their block's text. Script, style, template and noscript content
and comments are not text. A ``tel:`` or ``sms:`` link is judged by the number it
dials, and flagged when that number differs from the one it shows.

>>> page = '<p>淘宝官方客服：<a href="tel:400-123-4567">9510211</a></p>'
>>> [(f.line, f.column, f.text, f.status.value, f.link) for f in scan_html(page)]
[(1, 20, '400-123-4567', 'unofficial', 'tel:400-123-4567'), (1, 38, '9510211', 'official', None)]
>>> scan_html(page)[0].verdict.codes[0]
'link-target-differs'
"""

from __future__ import annotations

import bisect
import contextlib
import html
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import unquote

import attrs

from ._allowlist import Allowlist, packaged_allowlist
from ._model import Risk, Status
from ._reasons import reason
from ._scan import Finding, scan
from ._verdict import Verdict
from ._verify import verify

__all__ = ["HtmlFinding", "scan_html"]

_AROUND = 240  # characters each side of a link: more than a scan ever reads around a number

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
HIDDEN = frozenset({"script", "style", "template", "noscript"})
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SCHEMES = ("tel:", "sms:")
_WHITESPACE = frozenset(" \t\n\r\f\u00a0")  # no-break space too: pages use &nbsp; between groups
MAX_TARGETS = 10  # recipients read from one sms: link


@attrs.frozen
class HtmlFinding:
    """A number on a page, at its line and column (1-based) in the source.

    ``finding`` is what :func:`~hotline_verify.scan` found in the block's text (its
    ``start`` and ``end`` count in that text); ``link`` is the ``tel:``/``sms:``
    address when the number is a link's target rather than text on the page (then
    ``finding.text`` is the target and its verdict's first reason is
    ``link-target-differs`` when the link shows another number).
    ``end_column`` is one past the last character, on ``end_line``.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    finding: Finding
    link: str | None = None

    @property
    def text(self) -> str:
        return self.finding.text

    @property
    def verdict(self) -> Verdict:
        return self.finding.verdict

    @property
    def status(self) -> Status:
        return self.finding.verdict.status

    @property
    def risk(self) -> Risk:
        return self.finding.verdict.risk


def scan_html(
    html_text: str, /, *, region: str = "CN", allowlist: Allowlist | None = None
) -> list[HtmlFinding]:
    """Find and judge every phone number of an HTML page, in source order.

    Never raises for a ``str``, however broken the markup; raises ``TypeError`` for
    anything else.
    """
    if not isinstance(html_text, str):
        raise TypeError(f"scan_html() takes the page as a str, not {type(html_text).__name__}")
    al = packaged_allowlist() if allowlist is None else allowlist
    if not isinstance(al, Allowlist):
        raise TypeError(f"allowlist must be an Allowlist from load_allowlist(), not {type(al).__name__}")
    reader = _PageReader(html_text)
    reader.read()
    where = _Positions(html_text)
    out: list[HtmlFinding] = []
    for block in reader.blocks:
        out += _judge(block, where, region, al)
    out.sort(key=lambda f: (f.line, f.column, f.end_line, f.end_column))
    return out


@attrs.define
class _Link:
    href: str
    offset: int  # where the address starts in the source
    length: int  # how long it is there
    start: int  # its visible text in the block's text
    end: int = -1


@attrs.define
class _Block:
    """The text of one block element, with the source offset of every character."""

    chars: list[str] = attrs.Factory(list)
    offsets: list[int] = attrs.Factory(list)
    links: list[_Link] = attrs.Factory(list)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def add(self, text: str, offset: int, *, step: int = 1, keep_lines: bool = False) -> None:
        """Append text that starts at ``offset`` (each character ``step`` further on)."""
        for i, ch in enumerate(text):
            if ch in _WHITESPACE and not (keep_lines and ch == "\n"):
                # browsers show a run of white space as one space
                if not self.chars or self.chars[-1] in " \n":
                    continue
                ch = " "
            self.chars.append(ch)
            self.offsets.append(offset + i * step)

    def line_break(self, offset: int) -> None:
        if self.chars and self.chars[-1] == " ":
            self.chars[-1] = "\n"
        elif self.chars:
            self.chars.append("\n")
            self.offsets.append(offset)


class _PageReader(HTMLParser):
    """Cuts a page into blocks of visible text; keeps every character's source offset."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # entities arrive apart, with their positions
        self.source = source
        self.line_starts = _line_starts(source)
        self.blocks: list[_Block] = []
        self.current = _Block()
        self.open: list[str] = []
        self.open_count: dict[str, int] = {}
        self.hidden = 0
        self.pre = 0
        self.link: _Link | None = None

    def read(self) -> None:
        # a page the parser gives up on keeps what was read up to there
        with contextlib.suppress(Exception):
            self.feed(self.source)
            self.close()
        self._close_link()
        self._flush()

    # -- positions ---------------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[min(line, len(self.line_starts)) - 1] + column

    # -- structure ---------------------------------------------------------------------
    def _flush(self) -> None:
        self._close_link()
        if any(not c.isspace() for c in self.current.chars):
            self.blocks.append(self.current)
        self.current = _Block()

    def _close_link(self) -> None:
        if self.link is not None:
            self.link.end = len(self.current.chars)
            self.current.links.append(self.link)
            self.link = None

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._flush()
        if tag == "br":
            self.current.line_break(self._offset())
        if tag == "a":
            self._close_link()
            self._open_link(attrs_)
        if tag in VOID:
            return
        self.open.append(tag)
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        self.hidden += tag in HIDDEN
        self.pre += tag in ("pre", "textarea")

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        # <br/>, <a …/>: nothing opens
        if tag in BLOCKS:
            self._flush()
        elif tag == "br":
            self.current.line_break(self._offset())

    def handle_endtag(self, tag: str) -> None:
        if self.open_count.get(tag, 0) == 0:
            if tag == "br":  # "</br>" is read as a line break, as browsers do
                self.current.line_break(self._offset())
            return  # a stray end tag closes nothing
        while self.open:
            top = self.open.pop()
            self.open_count[top] -= 1
            self.hidden -= top in HIDDEN
            self.pre -= top in ("pre", "textarea")
            if top == "a":
                self._close_link()
            if top == tag:
                break
        if tag in BLOCKS:
            self._flush()

    def _open_link(self, attrs_: list[tuple[str, str | None]]) -> None:
        if self.hidden:
            return
        href = next((v for k, v in attrs_ if k == "href" and v), None)
        if href is None or not href.strip().lower().startswith(_SCHEMES):
            return
        raw = self.get_starttag_text() or ""
        start = self._offset()
        at = raw.lower().find(href.strip()[:4].lower())
        if at < 0:  # the address is written with entities: point at the tag
            at, length = 0, len(raw)
        else:
            end = at
            while end < len(raw) and raw[end] not in " \t\n\r\f\"'>":
                end += 1
            length = end - at
        self.link = _Link(href.strip(), start + at, length, len(self.current.chars))

    # -- text --------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        offset = self._offset()
        if self.source.startswith(data, offset):
            self.current.add(data, offset, keep_lines=self.pre > 0)
        else:  # not a slice of the source (should not happen): point every character at its start
            self.current.add(data, offset, step=0, keep_lines=self.pre > 0)

    def handle_entityref(self, name: str) -> None:
        self._entity(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity(html.unescape(f"&#{name};"))

    def _entity(self, text: str) -> None:
        if not self.hidden:
            self.current.add(text, self._offset(), step=0, keep_lines=self.pre > 0)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


class _Positions:
    """Source offsets to 1-based (line, column), counting lines at ``\\n`` as the parser does."""

    def __init__(self, source: str) -> None:
        self.starts = _line_starts(source)

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _judge(block: _Block, where: _Positions, region: str, al: Allowlist) -> Iterator[HtmlFinding]:
    text = block.text
    found = scan(text, region=region, allowlist=al)
    for f in found:
        first = block.offsets[f.start]
        last = block.offsets[f.end - 1]
        line, column = where(first)
        end_line, end_column = where(last)
        yield HtmlFinding(line, column, end_line, end_column + 1, f)
    for link in block.links:
        yield from _judge_link(block, text, link, found, where, region, al)


def targets(href: str, /) -> list[str]:
    """The numbers a ``tel:`` or ``sms:`` address reaches.

    >>> targets("tel:+86-400-123-4567;ext=12"), targets("sms:95588,95566?body=hi")
    (['+86-400-123-4567'], ['95588', '95566'])
    """
    rest = unquote(href[4:]).split("?", 1)[0]
    numbers = [n.split(";", 1)[0].strip() for n in rest.split(",")[:MAX_TARGETS]]
    return [n for n in numbers if n]


def _judge_link(
    block: _Block, text: str, link: _Link, found: list[Finding], where: _Positions, region: str, al: Allowlist
) -> Iterator[HtmlFinding]:
    shown = [f for f in found if link.start <= f.start and f.end <= link.end]
    shown_numbers = {f.verdict.normalized for f in shown if f.verdict.normalized}
    line, column = where(link.offset)
    end_line, end_column = where(link.offset + max(link.length, 1) - 1)
    for target in targets(link.href):
        finding = _target_finding(text, link, shown, target, region, al)
        if finding.verdict.normalized is not None and finding.verdict.normalized in shown_numbers:
            continue  # the link dials what it shows: the text's finding says it all
        if shown:
            verdict = finding.verdict
            mismatch = reason("link-target-differs", shown=shown[0].text, target=target)
            finding = attrs.evolve(
                finding, verdict=attrs.evolve(verdict, reasons=(mismatch, *verdict.reasons))
            )
        yield HtmlFinding(line, column, end_line, end_column + 1, finding, link=link.href)


def _target_finding(
    text: str, link: _Link, shown: list[Finding], target: str, region: str, al: Allowlist
) -> Finding:
    """The target judged in the block's words: it stands where the shown number stood.

    With no number shown, it follows the link's text ("联系淘宝客服 4001234567").
    """
    # only the words a scan reads around a number (so a block of many links stays linear)
    if shown:
        before, after = (
            text[max(0, shown[0].start - _AROUND) : shown[0].start],
            text[shown[0].end :][:_AROUND],
        )
    else:
        before, after = text[max(0, link.end - _AROUND) : link.end] + " ", text[link.end :][:_AROUND]
    start = len(before)
    for f in scan(before + target + after, region=region, allowlist=al):
        if f.start == start and f.end == start + len(target):
            return attrs.evolve(f, start=0, end=len(target))
    # not read as a number in running text (a bare short code, say): judge it alone
    return Finding(0, len(target), target, verify(target, region=region, allowlist=al))
