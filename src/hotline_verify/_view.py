"""What the scanner reads: the message, position for position, with what cannot be a phone
number blanked out and digit-like symbols read as digits.

- links, domains and e-mail addresses become ``BLANK`` (a number passed to a dialler in a
  query string, ``?tel=…``, stays);
- dates and clock times become ``BLANK``, so a number right after them is seen (a call log's
  ``2023-10-12 09:31 95188``) and the date itself never is;
- circled and other enclosed digits (⑨, ❺) become ASCII digits, and the marks that turn a digit
  into a keycap emoji (9️⃣) become an invisible character the scanner skips;
- a run of five or more Chinese numerals (九五五八八, 幺零零八六) becomes digits, marked in
  ``numerals`` so the scanner asks for a phone word next to it.

The view has the same length as the text, so a span in one is the same span in the other.

>>> view("2023-10-12 09:31 95188 未接").text
'§§§§§§§§§§ §§§§§ 95188 未接'
>>> view("客服 ⑨⑤⑤⑧⑧").text
'客服 95588'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from ._links import link_spans, phone_params

__all__ = ["BLANK", "View", "holds_digit", "view"]

BLANK = "§"


@functools.cache  # compiled when a text first has a date mark
def _date_time() -> re.Pattern[str]:
    """Dates and clock times, from the first digit of a run (see _MARK_OR_SYMBOL)."""
    return re.compile(
        r"\d(?<!\d.)(?:"
        r"(?:(?<=1)9|(?<=2)0)\d\d(?:[-/.．](?:0?[1-9]|1[0-2])[-/.．](?:0?[1-9]|[12]\d|3[01])|年\d{1,2}月(?:\d{1,2}[日号])?)"
        r"(?!\d)"  # a date from 1900 to 2099
        r"|\d?月\d{1,2}[日号](?!\d)"  # a month and a day
        r"|(?<![:：].)\d?[:：][0-5]\d(?:[:：][0-5]\d)?(?![\d:：])"  # a clock time
        r")"
    )


_NUMERAL = "零〇一二三四五六七八九幺两"
_NUMERAL_DIGITS = str.maketrans(_NUMERAL, "0012345678912")
_KEYCAP = "\ufe0f\u20e3"  # emoji presentation and the combining keycap
_INVISIBLE = "\u200b"
_DATE_MARKS = frozenset("-/.．年月:：")
# One pass finds three things, each starting with a character of one class, which the engine
# skips to in C (a pass costs about as much as the characters it skips, whatever it finds):
# - where a date or clock time can start: its first mark, between digits ("2023-10-12" after
#   four, "12月5日" and "09:31" after one or two), with what _date_time() needs around it.
#   Digits with no such mark after them (most) are passed over; _date_time() is asked only
#   before each mark;
# - enclosed digits (①, ⓪, ❶, ➀, 🄁) and keycap marks, read one by one;
# - runs of five or more Chinese numerals.
_MARK_OR_SYMBOL = re.compile(
    "[-/.．年月:：\ufe0f\u20e3\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a零〇一二三四五六七八九幺两]"
    "(?:(?<=(?:19|20)\\d\\d[-/.．])(?=\\d\\d?[-/.．]\\d)|(?<=(?:19|20)\\d\\d年)(?=\\d\\d?月)"
    "|(?<=\\d月)(?=\\d\\d?[日号])|(?<=\\d[:：])(?=[0-5]\\d)"
    "|(?<=[\ufe0f\u20e3\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a])"
    "|(?<=[零〇一二三四五六七八九幺两])[零〇一二三四五六七八九幺两]{4,})"
)


@functools.cache  # compiled when a message is first given to verify()
def _digitish() -> re.Pattern[str]:
    """What view() can turn into a digit: a digit of any script, an enclosed digit, a numeral."""
    return re.compile("[\\d\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a零〇一二三四五六七八九幺两]")


def holds_digit(text: str, /) -> bool:
    """Whether the view of ``text`` can hold a digit: without one, there is no number to find."""
    return _digitish().search(text) is not None


class View(NamedTuple):
    """The view of a text (a tuple: a class quicker to create at import than an attrs one)."""

    text: str
    numerals: tuple[tuple[int, int], ...] = ()  # spans that were Chinese numerals
    links: bool = False  # the text has a link


def _enclosed(ch: str) -> str | None:
    """The digit an enclosed or styled single digit stands for (⑨ → 9), else ``None``."""
    if ch.isascii() or not ch.isnumeric():
        return None
    value = unicodedata.digit(ch, None)
    return str(value) if value is not None and not ch.isdecimal() else None


@functools.cache  # compiled when a text first has a link
def _not_space() -> re.Pattern[str]:
    return re.compile(r"\S")  # what str.isspace() says no to


def _blank(text: str) -> str:
    return _not_space().sub(BLANK, text)


def view(text: str, /) -> View:
    """The view of ``text`` the scanner looks for numbers in (see the module's notes)."""
    edits: list[tuple[int, int, str]] = []  # (start, end, what stands there in the view)
    links = link_spans(text)
    for start, end in links:
        edge = start
        for a, b in phone_params(text[start:end]):  # a number passed to a dialler stays
            edits.append((edge, start + a, ""))
            edge = start + b
        edits.append((edge, end, ""))
    numerals: list[tuple[int, int]] = []
    dated = 0  # where the last date ends: the next starts there or later
    for m in _MARK_OR_SYMBOL.finditer(text):
        start, end = m.span()
        ch = text[start]
        if ch in _DATE_MARKS:
            start -= 1  # the digit before the mark
            if start < dated:
                continue
            lowest = max(dated, start - 3)  # the first mark follows four digits at most
            while start > lowest and text[start - 1].isdecimal():
                start -= 1
            date = _date_time().match(text, start)  # no match where more digits stand before
            if date is not None:
                start, dated = date.span()
                edits.append((start, dated, BLANK * (dated - start)))  # digits and marks: no space inside
        elif end - start > 1:
            edits.append((start, end, m.group().translate(_NUMERAL_DIGITS)))
            numerals.append((start, end))
        else:
            digit = _INVISIBLE if ch in _KEYCAP else _enclosed(ch)
            if digit is not None:
                edits.append((start, end, digit))
    if not edits:
        return View(text, (), bool(links))
    pieces: list[str] = []
    edge = 0
    for start, end, new in sorted(edits):
        if start < edge:  # inside a span already rewritten (a date inside a link)
            continue
        pieces.append(text[edge:start])
        # a blank is no space: the text's own spaces stay, so lines and runs end where they did
        pieces.append(new or _blank(text[start:end]))
        edge = end
    pieces.append(text[edge:])
    return View("".join(pieces), tuple(numerals), bool(links))
