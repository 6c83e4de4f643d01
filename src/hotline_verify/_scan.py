"""scan(): find every phone number in a message and judge each one.

The rules read digits the way a person does. Formatted numbers (``400-988-8898``,
``+86 138 1234 5678``), masked numbers and numbers in disguise (``4OO-…``,
``+95588``, ``010-95566``) count on their own; a bare run of digits counts only when
the words around it speak of phoning or name an organisation, so order numbers,
prices, dates, times, versions, postal codes and ID numbers stay out. The words
themselves are read by ``hotline_verify._context``.

>>> found = scan("淘宝/天猫消费者热线 9510211；吉祥航空的客服电话 400-700-6000，订单号 1234567890123456789。")
>>> [(f.text, f.verdict.status.value, f.claimed_org.id) for f in found]
[('9510211', 'official', 'taobao'), ('400-700-6000', 'official', 'juneyao-air')]
>>> f = scan("号码 400-123-4567，自称是淘宝理赔中心的客服")[0]
>>> f.text, f.verdict.status.value, f.claimed_org.name.en
('400-123-4567', 'unofficial', 'Taobao / Tmall')
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
import weakref
from collections.abc import Iterator
from typing import Any, NamedTuple

import attrs

from ._allowlist import Allowlist
from ._context import Cue, Mention, TextContext
from ._links import link_flags
from ._model import NumberKind, Organisation, Risk, Status
from ._normalize import HOMOGLYPHS, Number, Reading, interpret, read
from ._reasons import reason
from ._verdict import Verdict, org_dict
from ._verify import judge, options, person_pattern, quick_applies, quick_verdict
from ._view import view

__all__ = ["Finding", "scan"]

# -- what a run of digits may contain -------------------------------------------------
_SPACES = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_DASHES = "\\-‐‑‒–—―－﹣−"
_DOTS = ".．"
_PARENS = "()（）"
_INVISIBLE = "\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_LETTERS = "".join(c for c in HOMOGLYPHS if c not in "|ǀ丨")  # not the strokes: tables use them as rules
_MASKS = "Xx*＊×✱∗"
MAX_RUN = 40  # characters: a longer run is a list, read piece by piece
MAX_PIECES = 6  # the most groups one number is written in ("4 0 0 …" is read from the view)
# An opening bracket ends a run: "400-920-6688（24小时）" is a number and a note. A list
# ("95588/95566", "95588、95566") and a number wrapped onto the next line stay in one run and
# are split into pieces when the whole is no number.
_LIST = "/、\n"
_RUN_CHAR = f"[\\d{_SPACES}{_DASHES}{_DOTS})）{_INVISIBLE}{_LETTERS}{_MASKS}/、]"
# one line break continues a run, a blank line ends it; "(" only opens an area code: "+1 (650) …"
_RUN = rf"(?:{_RUN_CHAR}|\n(?![{_SPACES}]*\n)|\((?=\d{{1,4}}\)))"
# A unit right after the digits makes them a quantity: "2000元", "3 天", "9 am".
_UNIT = (
    r"(?:[元块角毛万亿千百%％‰年月日天周个次件人位名岁倍折米克斤吨升度条家笔张台款套份期届层楼室栋秒℃°]"
    r"|小时|公里|分(?!机)|号(?!码)|点(?!击)|时(?![间候])"
    r"|(?i:km|kg|mm|cm|ml|gb|mb|kb|mah|hz|pcs|yuan|rmb|usd|dollars?|percent|days?|hours?|minutes?|mins?"
    r"|years?|months?|weeks?|times|am|pm)(?![A-Za-z]))"
)
# One flat regex finds whole runs and refuses most non-numbers in C:
# - it starts at a digit, so re skips other text without entering Python (a "+" or "("
#   before the digit is taken in afterwards); the look-behinds come after that digit;
# - not after a letter, digit, currency sign or 月/年/第, nor inside a run ("9:00",
#   "43,200" are not entered in the middle; dates and times are already blanked in the view);
# - not 14 digits in a row (order, ID and card numbers), not "6.6", not a staff ID like "88XXX".
# A run is greedy and never backtracks into itself, so the time is linear in the text; a
# run longer than MAX_RUN is read piece by piece (_split), a bounded stretch at a time.
_CANDIDATE = re.compile(
    r"\d"
    r"(?<![\dA-Za-z_/=@#&%$¥￥€£\\月年第].)"
    f"(?<!\\d[.,:：/．，{_SPACES}{_DASHES}].)"
    r"(?!\d{13})(?!\d?[.．]\d(?![.．]\d))(?!\d?[Xx*＊]{2})"
    r"(?!(?<=[12])\d{3}[-./－]\d{1,2}[-./－]\d{1,2}(?!\d))"
    f"{_RUN}{{2,}}"  # three characters at least: no number is shorter
)
_LEAD = frozenset("+＋(（")


@functools.cache  # compiled when a run is first split
def _piece() -> re.Pattern[str]:
    return re.compile(f"[^{_SPACES}{_PARENS}{_LIST}]{{1,64}}")  # between spaces, brackets, list marks


_TRIM = frozenset(" \t\u00a0\u202f\u205f\u3000-‐‑‒–—―－﹣−.．()（）/、\n" + _LETTERS)
_SPACE_SET = frozenset(" \t\n\r\u00a0\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B)))
_DASH_SET = frozenset("-‐‑‒–—―－﹣−")


def _class_chars(body: str) -> frozenset[str]:
    """The characters of a class body made of characters and ranges ("a-c"), as in _INVISIBLE."""
    chars: set[str] = set()
    at = 0
    while at < len(body):
        if at + 2 < len(body) and body[at + 1] == "-":
            chars.update(map(chr, range(ord(body[at]), ord(body[at + 2]) + 1)))
            at += 3
        else:
            chars.add(body[at])
            at += 1
    return frozenset(chars)


_INVISIBLE_SET = _class_chars(_INVISIBLE)  # a set: a look-up per character, no pattern to compile
_KEYCAP = frozenset("\ufe0f\u20e3")

# -- what may stand next to a number ----------------------------------------------------
_GLUED_BEFORE = frozenset("_/=@#&%$¥￥€£\\")  # identifiers, URLs, amounts
_JOINERS = frozenset(".,:：．")  # "9:00", "43,200": digits on both sides make one value
_UNIT_AFTER = re.compile(r"[ \t\u3000]{0,2}" + _UNIT)


_MONEY_AFTER = r"[ \t\u3000]{0,2}(?:[元块万亿%％]|(?i:yuan|rmb|usd|cny)(?![A-Za-z]))"


@functools.cache  # compiled when a long run first needs it
def _money_after() -> re.Pattern[str]:
    return re.compile(_MONEY_AFTER)


@functools.cache  # compiled when a short code first needs a phone word
def _dial_before() -> re.Pattern[str]:
    return re.compile(r"[打拨撥找]了?[ \t\u3000]{0,2}$")


@functools.cache  # compiled when a prefix's last character first stands before digits
def _prefix_before() -> re.Pattern[str]:
    return re.compile(r"(?:[¥￥$€£#№第共约月年转]|(?<![A-Za-z])(?i:no\.?|rmb|cny|usd))[ \t\u3000]{0,2}$")


_PREFIX_LAST = frozenset("¥￥$€£#№第共约月年转.oObBdDyY")  # what a prefix of _prefix_before() ends with

STRONG_KINDS = frozenset(
    {
        NumberKind.ENTERPRISE_400,
        NumberKind.TOLL_FREE_800,
        NumberKind.MOBILE,
        NumberKind.LANDLINE,
        NumberKind.AREA_CODE_SHORT,
        NumberKind.INTERNATIONAL,
        NumberKind.LOCAL_96,
    }
)
SHORT_REACH = 16  # a short code's keyword must be this close (characters), in the same clause
LONG_REACH = 40  # a long number's keyword or organisation: this close, in the same sentence
LABEL_REACH = 16  # "订单号 …": how far a label before the digits still names them


@attrs.frozen
class Finding:
    """One phone number found in a text, with its verdict.

    ``text`` is exactly ``source[start:end]``; ``claimed_org`` is the organisation
    the text presents the number as (``None`` when it names none).
    """

    start: int
    end: int
    text: str
    verdict: Verdict
    claimed_org: Organisation | None = None

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def risk(self) -> Risk:
        return self.verdict.risk

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe data with stable keys."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "claimed_org": org_dict(self.claimed_org),
            "verdict": self.verdict.to_dict(),
        }


class _Shape(NamedTuple):
    """The digit groups of a candidate, before any verdict (a tuple: one per candidate, and a
    class quicker to create at import than an attrs one)."""

    groups: tuple[str, ...]  # digits, with letters read as digits and masks as "*"
    seps: tuple[str, ...]  # what stood between two groups: " ", "-", ".", or several
    plus: bool
    masks: int
    letters: int
    digits: str  # the groups joined (asked for often: kept, not joined anew)


class _Memo:
    """What the scanner works out about a piece of text: it depends only on the piece, the
    list and the region, so it is kept across scans (a chatbot meets the same numbers again
    and again), per list and no longer than the list."""

    __slots__ = ("numbers", "readings", "shapes", "verdicts")

    def __init__(self) -> None:
        self.shapes: dict[str, _Shape | None] = {}
        self.numbers: dict[str, Number | None] = {}
        self.readings: dict[str, Reading] = {}  # what the view's pieces read as, for the verdict
        # (piece, claim as written, organisation claimed, incoming, a person's number)
        self.verdicts: dict[tuple[str, str | None, str | None, bool, bool], Verdict] = {}

    def full(self) -> bool:
        return len(self.shapes) + len(self.verdicts) > _MEMO_MAX


_MEMO_MAX = 8192  # pieces and verdicts kept per list and region; all are dropped when there are more
_memos: weakref.WeakKeyDictionary[Allowlist, dict[str, _Memo]] = weakref.WeakKeyDictionary()


def _forget(allowlist: Allowlist, region: str, memo: _Memo, /) -> None:
    by_region = _memos.get(allowlist)
    if by_region is not None and by_region.get(region) is memo:  # not one another scan made since
        by_region.pop(region, None)


def _memo(allowlist: Allowlist, region: str, /) -> _Memo:
    by_region = _memos.get(allowlist)
    if by_region is None:
        by_region = _memos.setdefault(allowlist, {})
    memo = by_region.get(region)
    if memo is None or memo.full():
        memo = by_region[region] = _Memo()
    return memo


def scan(text: str, /, *, region: str = "CN", allowlist: Allowlist | None = None) -> list[Finding]:
    """Find and judge every phone number in ``text``.

    Returns the findings in text order. Never raises for a ``str``; raises
    ``TypeError`` for anything else.
    """
    if not isinstance(text, str):
        raise TypeError(f"scan() takes the text as a str, not {type(text).__name__}")
    al, region = options(region, allowlist)  # the same checks as verify()
    scanner = _Scanner(text, al, region)
    found = list(scanner.findings())
    if scanner.memo.full():  # a text of many numbers: what it filled is not kept past it
        _forget(al, region, scanner.memo)
    return found


def _fold(ch: str) -> str:
    if "0" <= ch <= "9":
        return ch
    value = unicodedata.decimal(ch, None)
    return str(value) if value is not None else ""


_PLAIN = re.compile(r"\+?[0-9][0-9 ()\-]*")
_PLAIN_PARTS = re.compile(r"[0-9]+|[^0-9]+")


@functools.cache  # a handful of distinct separators
def _join(between: str) -> str:
    """What stood between two groups of plain digits: " ", "-" or both (" -")."""
    return "".join(sorted({"-" if c == "-" else " " for c in between}))


def _shape(s: str) -> _Shape:
    if _PLAIN.fullmatch(s):  # ASCII digits, spaces, hyphens and brackets: the common case
        parts = _PLAIN_PARTS.findall(s.lstrip("+"))
        runs = parts[0::2]
        return _Shape(tuple(runs), tuple(map(_join, parts[1::2])), s.startswith("+"), 0, 0, "".join(runs))
    groups: list[str] = []
    seps: list[str] = []
    current: list[str] = []
    between = ""
    plus = False
    masks = letters = 0
    for ch in s:
        if ch in "+＋" and not groups and not current:
            plus = True
            continue
        digit = _fold(ch) if ch.isdecimal() else ""
        if digit or ch in _LETTERS or ch in _MASKS:
            if ch in _MASKS:
                digit, masks = "*", masks + 1
            elif not digit:
                digit, letters = HOMOGLYPHS[ch], letters + 1
            if not current and groups:
                seps.append(between)
            current.append(digit)
            between = ""
        elif ch in _INVISIBLE_SET:
            continue
        else:
            if current:
                groups.append("".join(current))
                current = []
            kind = " " if ch in _SPACE_SET or ch in _PARENS else "-" if ch in _DASH_SET else "."
            if kind not in between:
                between = "".join(sorted(between + kind))
    if current:
        groups.append("".join(current))
    return _Shape(tuple(groups), tuple(seps), plus, masks, letters, "".join(groups))


@functools.cache  # compiled when a masked number first needs it
def _phone_prefix() -> re.Pattern[str]:
    return re.compile(r"400|800|1[3-9]|9[56]|0[1-9]")


# Digit strings that can be some kind of number (kinds.py and normalize.py decide which);
# anything else is refused before the full reading.
_PLAUSIBLE = re.compile(
    r"00\d+|0\d{7,11}|86\d{10,11}|[48]00\d{7}|1[3-9]\d{9}|106\d{5,17}|9[56]\d{3,6}"
    r"|1[0-2]\d{1,6}|[2-9]\d{6,7}|1259023\d+|12583\d+|1183348\d+|[48]00\d{8,10}|9[56]\d{7,9}"
)


_EXTENDABLE = frozenset({NumberKind.LANDLINE, NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800})


def _extension_split(shape: _Shape) -> bool:
    """Whether the last group reads as an extension after a dash: "010-82628888-5174"."""
    return len(shape.groups) >= 3 and "-" in shape.seps[-1] and 1 <= len(shape.groups[-1]) <= 5


def _masked_ok(shape: _Shape) -> bool:
    """A masked number must still look like a phone number: "400-XXX-XXXX", "138****1234"."""
    d = shape.digits
    visible = len(d) - shape.masks
    if shape.masks < 2 or visible < 3 or "**" not in d or not d[0].isdigit():
        return False
    head = re.match(r"\d+", d)
    assert head is not None
    prefix = _phone_prefix().match(head.group())
    if prefix is None:
        return False
    size = {"400": (10,), "800": (10,), "95": (5, 6, 7, 8), "96": (5, 6, 7, 8)}.get(prefix.group())
    if size is None:
        size = (11,) if d[0] == "1" else (10, 11, 12)
    return len(d) in size


def _is_date(shape: _Shape) -> bool:
    g = shape.groups
    if len(g) == 3 and shape.digits.isdigit():  # every group digits (masks are "*")
        if len(g[0]) == 4 and len(g[1]) <= 2 and len(g[2]) <= 2:
            y, m, d = int(g[0]), int(g[1]), int(g[2])
        elif len(g[2]) == 4 and len(g[0]) <= 2 and len(g[1]) <= 2:
            y, m, d = int(g[2]), int(g[1]), int(g[0])
        else:
            return False
        return 1900 <= y <= 2099 and min(m, d) >= 1 and max(m, d) <= 31 and min(m, d) <= 12
    digits = shape.digits
    if len(g) == 1 and len(digits) == 8 and digits[:2] in ("19", "20"):
        return 1 <= int(digits[4:6]) <= 12 and 1 <= int(digits[6:]) <= 31
    return False


def _dotted_ok(shape: _Shape) -> bool:
    """Dots separate digits in decimals and versions; in a phone number only as "400.988.8898"."""
    g = shape.groups
    if len(g) >= 3:
        return shape.seps.count(".") == len(shape.seps) and min(map(len, g)) >= 3 and len(shape.digits) >= 10
    return len(g) == 2 and g[0].startswith("0") and len(g[0]) in (3, 4) and len(g[1]) in (7, 8)


def _shape_problem(shape: _Shape) -> str | None:
    """Why these digits cannot be one phone number, or ``None``."""
    d = shape.digits
    if shape.masks:
        return None if _masked_ok(shape) else "mask"
    if len(d) < 3:
        return "short"
    international = shape.plus or d.startswith("00")
    if _extension_split(shape):
        d = d[: -len(shape.groups[-1])]  # "010-82628888-5174": the extension is no part of the length
    if len(d) > (17 if international else 13):
        return "long"  # order numbers, ID cards, bank cards
    g = shape.groups
    # "9 5 1 8 8", "9.5.5.8.8", "4-0-0-…": one digit at a time, to slip past filters
    spelled_out = len(shape.digits) == len(g) and (len(g) >= 7 or (len(g) >= 5 and len(set(shape.seps)) == 1))
    if "." in "".join(shape.seps) and not _dotted_ok(shape) and not spelled_out:
        return "decimal"
    if _is_date(shape):
        return "date"
    if not international and len(g) > 1 and min(map(len, g)) == 1 and not spelled_out:
        return "spread"  # "9 - 11", "1 2 3": counts, not a number
    if (
        len(g) == 2
        and "-" in shape.seps[0]
        and not g[0].startswith("0")
        and max(map(len, g)) <= 5
        and not international
        and not (len(d) == 10 and d[:3] in ("400", "800"))  # banks print "40066-95566"
    ):
        return "range"  # "100-200", "10086-10010"
    return None


class _Scanner:
    def __init__(self, text: str, allowlist: Allowlist, region: str) -> None:
        self.text = text
        self.al = allowlist
        self.region = region
        self._ctx: TextContext | None = None
        self.memo = memo = _memo(allowlist, region)
        self._verdicts = memo.verdicts
        self._numbers = memo.numbers
        self._readings = memo.readings
        self._shapes = memo.shapes
        self._listing: tuple[int, int] | None = None  # the sentence of the last number found
        seen = view(text)
        self.view = seen.text  # what numbers are looked for in; the verdict reads the text itself
        self._numerals = seen.numerals
        self._numeral_starts = [a for a, _ in seen.numerals]
        # a link posing as an organisation's site makes every number of the message suspect
        self.links = tuple(link_flags(text, allowlist)) if seen.links else ()

    @property
    def ctx(self) -> TextContext:
        if self._ctx is None:  # most texts have no digits at all: index only when needed
            self._ctx = TextContext(self.view, self.al)  # words inside links are no claim
        return self._ctx

    def findings(self) -> Iterator[Finding]:
        text = self.view
        judge = self._judge
        for m in _CANDIDATE.finditer(text):
            start, end = m.span()
            if start and text[start - 1] in _LEAD:
                start -= 2 if start > 1 and text[start - 2] in _LEAD else 1
            elif (
                (run := m.group().rstrip(" ")).isdigit()  # "2343 件": _trim() takes the space off
                and run.isascii()
                and _PLAUSIBLE.fullmatch(run) is None
            ):
                continue  # what _judge() refuses first, refused before the call: postcodes, ID tails, counts
            # the run whole, else piece by piece (written out here: one call per candidate)
            if end - start <= MAX_RUN:
                found = judge(start, end)
                if found is not None:
                    yield found
                    continue
            if end - start > 5:
                pieces = [(m.start(), m.end()) for m in _piece().finditer(text, start, end)]
                if len(pieces) >= 2:
                    yield from self._split(pieces)

    def _split(self, pieces: list[tuple[int, int]]) -> Iterator[Finding]:
        """Numbers listed with spaces, "/" or "、" between them, or followed by a bracket
        ("400-920-6688（24小时）").

        Takes the longest readable stretch of at most ``MAX_PIECES`` pieces first, so the
        work per piece is bounded. Short codes in a list of numbers need no phone word
        ("95588/95566").
        """
        view = self.view
        in_list = sum(1 for a, b in pieces if sum(c.isdigit() for c in view[a:b]) >= 5) >= 2
        self.ctx.prepare(pieces[0][0], pieces[0][1])
        label = self.ctx.label_before(pieces[0][0], reach=LABEL_REACH)
        if label is not None and label.cue in (Cue.LABEL, Cue.FLAG):
            return  # "卡号 6222 0212 3456 7890", "校验码 95588 12345": a label names every piece of its run
        i = 0
        while i < len(pieces):
            for j in range(min(len(pieces), i + MAX_PIECES), i, -1):
                if pieces[j - 1][1] - pieces[i][0] > MAX_RUN:
                    continue
                found = self._judge(pieces[i][0], pieces[j - 1][1], in_list=in_list)
                if found is not None:
                    yield found
                    i = j
                    break
            else:
                i += 1

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.view
        while end > start and (
            text[end - 1] in _TRIM
            or (text[end - 1] in _INVISIBLE_SET and self.text[end - 1] not in _KEYCAP)  # 8️⃣ keeps its cap
        ):
            end -= 1
        if end > start and text[start] in "(（" and not any(c in ")）" for c in text[start:end]):
            start += 1
        return (start, end) if end > start else None

    def _judge(self, start: int, end: int, *, in_list: bool = False) -> Finding | None:
        """The finding at ``[start, end)``, or ``None``."""
        span = self._trim(start, end)
        if span is None or span[1] - span[0] > MAX_RUN + 4:
            return None
        start, end = span
        seen = self.view[start:end]
        if seen.isascii() and seen.isdigit() and _PLAUSIBLE.fullmatch(seen) is None:
            return None  # bare digits no kind of number has: a postcode, a count, an ID's tail
        if not self._edges_ok(start, end):  # asked second: it costs more
            return None
        shape = self._shape(seen)
        if shape is None:
            return None
        number: Number | None = None
        if not shape.masks:
            number = self._number(seen, shape)
            if number is None:
                return None
            if number.kind is NumberKind.LOCAL_LANDLINE and _is_date(_shape(number.canonical)):
                return None
        ctx = self.ctx
        ctx.prepare(start, end)
        label = ctx.label_before(start, reach=LABEL_REACH)
        # an amount is never 10 or more digits, nor a listed number ("赔偿找 95188")
        if (
            label is not None
            and label.cue in (Cue.LABEL, Cue.FLAG, Cue.MONEY)
            and (
                label.cue is not Cue.MONEY
                or number is None
                or (len(shape.digits) < 10 and not self._listed(number))
            )
        ):
            return None
        claim = ctx.claim(start, end)
        spelled = self._spelled(start, end)  # 九五五八八: only beside a phone word
        if number is not None and not (
            (not spelled and self._stands_alone(shape, number, in_list=in_list))
            or self._has_context(start, end, number, claim)
        ):
            return None
        return self._finding(start, end, self.text[start:end], claim)

    def _spelled(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps digits spelled as Chinese numerals in the text."""
        numerals = self._numerals  # in text order, apart: the last one starting before end decides
        i = bisect.bisect_left(self._numeral_starts, end) - 1
        return i >= 0 and numerals[i][1] > start

    def _shape(self, piece: str) -> _Shape | None:
        """The shape of ``piece`` if it can be one phone number (remembered: see _Memo)."""
        if piece in self._shapes:  # a message often repeats its numbers, and messages each other's
            return self._shapes[piece]
        shape = _shape(piece)
        problem = _shape_problem(shape)
        if problem == "range" and self.al.lookup(shape.digits) is not None:
            problem = None  # "95102-11", "951-0211": an official number in groups
        found = None if problem is not None else shape
        self._shapes[piece] = found
        return found

    def _number(self, piece: str, shape: _Shape) -> Number | None:
        """The number ``piece`` reads as, if it is a valid one (remembered: see _Memo)."""
        if piece in self._numbers:
            return self._numbers[piece]
        number = None
        if shape.plus or _PLAUSIBLE.fullmatch(shape.digits):  # else a postcode, a count, an ID's tail
            r = self._readings[piece] = read(piece)
            if not r.error and r.digits:
                number = interpret(r.digits, plus=r.plus, region=self.region)
                if not number.valid and number.kind is not NumberKind.INTERNATIONAL:
                    # an official number with digits run on ("400988889812") is a lookalike to judge
                    run_on = len(shape.groups) == 1 and self.al.index.embedded(number.canonical) is not None
                    number = number if run_on else None
        if number is None and _extension_split(shape):
            # "010-82628888-5174": a number and an extension after a dash
            head = "".join(shape.groups[:-1])
            if _PLAUSIBLE.fullmatch(head):
                n = interpret(head, plus=shape.plus, region=self.region)
                number = n if n.valid and n.kind in _EXTENDABLE else None
        self._numbers[piece] = number
        return number

    def _edges_ok(self, start: int, end: int) -> bool:
        text = self.view
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        listed_before = before == "/" and start >= 2 and text[start - 2].isdecimal()  # "95588/95566"
        if (
            before
            and not listed_before
            and ((before.isalnum() and before.isascii()) or before.isdecimal() or before in _GLUED_BEFORE)
        ):
            return False
        listed_after = after == "/" and end + 1 < len(text) and text[end + 1].isdecimal()
        if (
            after
            and not listed_after
            and (
                (after.isascii() and (after.isalnum() or after in "_@/%"))
                or after.isdecimal()
                or after in "％‰°℃"
            )
        ):
            return False
        if before in _JOINERS and start >= 2 and (text[start - 2].isdecimal() or text[start - 2] in "-–"):
            return False
        if before in "-–" and start >= 2 and text[start - 2].isascii() and text[start - 2].isalnum():
            return False  # "SN-95188": part of a code
        if after in _JOINERS and end + 1 < len(text) and text[end + 1].isdecimal():
            return False
        # a unit makes digits a quantity ("3 天"); seven digits or more are only ever an amount
        if (_UNIT_AFTER if end - start < 7 else _money_after()).match(text, end):
            return False
        # a prefix ends just before the digits or up to two spaces before them (see _prefix_before();
        # its "$" also matches before a line break that ends the stretch): where no such character
        # stands, the pattern need not be asked
        at = start
        if at and text[at - 1] == "\n":
            return _prefix_before().search(text, max(0, start - 6), start) is None
        while True:
            if at and text[at - 1] in _PREFIX_LAST:
                return _prefix_before().search(text, max(0, start - 6), start) is None
            if at == 0 or start - at == 2 or text[at - 1] not in " \t\u3000":
                return True
            at -= 1

    def _listed(self, number: Number) -> bool:
        """Whether the allowlist knows these digits (or the listed number they disguise)."""
        al = self.al
        if al.lookup(number.canonical) or al.known_fake(number.canonical):
            return True
        return number.inner is not None and al.active(number.inner) is not None  # "010-95566", "+95588"

    def _stands_alone(self, shape: _Shape, number: Number, *, in_list: bool = False) -> bool:
        """Whether the digits are a phone number whatever the words around them say.

        A short code (three to five digits) never is on its own: "转10000", "身高120" and
        "取件码 12345" share their digits with listed numbers. It needs a phone word, an
        organisation's name or a list of numbers around it.
        """
        if len(shape.digits) <= 5 and not (shape.plus or shape.digits.startswith("00")):
            return in_list and self._listed(number)
        if in_list and number.valid:
            return True
        if self._listed(number):
            return True
        if shape.plus or shape.digits.startswith("00"):
            return True
        if number.kind in (NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800) and len(shape.digits) == 10:
            return True  # 400 + 7 digits is nothing but a phone number
        written_as_phone = len(shape.groups) > 1 or shape.letters
        return (
            bool(written_as_phone)
            and number.kind in STRONG_KINDS
            and (number.kind is not NumberKind.LOCAL_96 or number.canonical.startswith("0"))
        )

    def _has_context(self, start: int, end: int, number: Number, claim: Mention | None) -> bool:
        ctx = self.ctx
        wanted = (Cue.PHONE, Cue.DIAL, Cue.SERVICE, Cue.INCOMING)
        if _dial_before().search(self.view, max(0, start - 3), start):
            return True  # "打12306", "拨 110"
        if self._listing is not None and self._listing[0] <= start < self._listing[1]:
            return True  # the sentence already gave a number: "中国移动10086，联通10010"
        title = ctx.title_above(start)
        if len(number.canonical.lstrip("+")) >= 7:
            lo, hi = ctx.sentence(start, end)
            if claim is not None:
                return True
            lo = max(lo, start - LONG_REACH) if title is None else title[0]
            return ctx.has_cue(lo, min(hi, end + LONG_REACH // 2), wanted)
        lo, hi = ctx.clause(start, end)
        lo, hi = max(lo, start - SHORT_REACH), min(hi, end + SHORT_REACH * 3 // 4)
        if title is not None:
            lo = title[0]
        if claim is not None and (
            (lo <= claim.start and claim.end <= hi) or claim.end + 2 >= start >= claim.end  # "中国平安,95511"
        ):
            return True
        return ctx.has_cue(lo, hi, wanted)

    def _incoming(self, start: int, end: int) -> bool:
        """Whether the text says this number called the person.

        A cue in the number's own clause decides; a cue elsewhere in the sentence
        counts unless the clause tells the reader to dial the number ("挂断后拨打 …").
        """
        ctx = self.ctx
        if not ctx.has_any(Cue.INCOMING):
            return False
        c_lo, c_hi = ctx.clause(start, end)
        s_lo, s_hi = ctx.sentence(start, end)
        # the clause lies inside the sentence: one pass over the sentence's cues answers all three
        in_sentence = dialled = False
        for c in ctx.cues(s_lo, s_hi):
            if c.cue is Cue.INCOMING:
                if c_lo <= c.start and c.end <= c_hi:
                    return True
                in_sentence = True
            elif c.cue is Cue.DIAL and c_lo <= c.start and c.end <= start:
                dialled = True
        return in_sentence and not dialled

    def _finding(self, start: int, end: int, piece: str, claim: Mention | None) -> Finding | None:
        ctx = self.ctx
        sentence = lo, hi = ctx.sentence(start, end)
        person = person_pattern().search(self.text, max(lo, start - LONG_REACH), hi) is not None
        org = claim.org if claim is not None else None
        incoming = self._incoming(start, end)
        key = (piece, claim.text if claim is not None else None, org.id if org else None, incoming, person)
        v = self._verdicts.get(key)
        if (
            v is None
            and claim is None
            and not person
            and quick_applies(None, region=self.region, incoming=incoming)
        ):
            v = quick_verdict(piece, self.al)  # what judge() says, where it can be said at once
        if v is None:
            v = judge(
                piece,
                claim.text if claim else None,
                org,
                region=self.region,
                allowlist=self.al,
                incoming=incoming,
                person=person,
                # one reading per number: the piece's own, when the view shows it as written
                reading=self._readings.get(piece) if piece == self.view[start:end] else None,
            )
        self._verdicts[key] = v  # a verdict depends only on these, the list and the region
        if v.status is Status.INVALID and v.codes[:1] != ("invalid-masked",):
            return None
        # an official number's warnings are those of its sentence: others are about other numbers
        lo, hi = sentence if v.status is Status.OFFICIAL else ctx.line(start, end)
        flags = ctx.red_flags(lo, hi)
        if flags or self.links:
            extra = tuple(reason(f.flag, word=f.text) for f in flags if f.flag) + self.links
            cases = v.cases + tuple(
                self.al.cases[c]
                for c in dict.fromkeys(r.case for r in extra if r.case is not None)
                if c in self.al.cases and self.al.cases[c] not in v.cases
            )
            v = attrs.evolve(v, risk=Risk.HIGH, reasons=v.reasons + extra, cases=cases)
        self._listing = sentence
        return Finding(start, end, piece, v, claim.org if claim else None)
