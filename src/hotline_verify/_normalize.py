"""Reading what people paste: folding characters, then interpreting the digits.

``read()`` never raises: it returns a ``Reading`` with the digits it found, what
it had to fold on the way, and an error code when the text is not a number.
``interpret()`` turns the digits into a canonical number with its kind.
[`normalize()`][hotline_verify.normalize] is the strict public form of both.

>>> normalize("+86 (400) 988-8898")
'4009888898'
>>> normalize("９５１８８")
'95188'
>>> normalize("0571-8815 8198")
'057188158198'
>>> normalize("+1 650-253-0000")
'+16502530000'
>>> normalize("4OO-988-8898")
Traceback (most recent call last):
...
hotline_verify.InvalidNumber: The number has the letter "O" (LATIN CAPITAL LETTER O) where a digit should be; official numbers are never written with letters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any, TypeVar

from ._exceptions import InvalidNumber
from ._messages import MESSAGES, texts
from ._model import NumberKind
from ._numbering import (
    kind_of,
    landline_fits,
    local_fits,
    secondary_prefix,
    split_area_code,
    takes_no_area_code,
)
from ._record import Record

if TYPE_CHECKING:
    import phonenumbers

__all__ = ["Number", "Reading", "interpret", "normalize", "read", "readable"]

# Letters that stand in for digits (after NFKC and before lower-casing).
HOMOGLYPHS = {
    "O": "0",
    "o": "0",
    "О": "0",
    "о": "0",
    "Ο": "0",
    "ο": "0",
    "l": "1",
    "I": "1",
    "|": "1",
    "ǀ": "1",
    "丨": "1",
    "Z": "2",
    "z": "2",
    "S": "5",
    "s": "5",
    "B": "8",
}
_CHINESE_NUMERALS = dict(zip("零〇一二三四五六七八九幺两", "0012345678912", strict=True))
_MASKS = frozenset("*＊×✱∗")
SIMPLE_ASCII = re.compile(r"[+]?[0-9 \t().\-]+")
DELETE_SIMPLE = str.maketrans("", "", " \t().-+")
MIN_DIGITS = 3
MAX_DIGITS = 20
MAX_INPUT = 200  # characters of a single number; longer text is scan()'s job


class Reading(Record):
    """The digits found in one string and what was done to find them."""

    __slots__ = ("detail", "digits", "error", "extension", "folded", "invisible", "letters", "plus", "text")

    def __init__(
        self,
        text: str,
        digits: str = "",
        plus: bool = False,
        extension: str | None = None,
        letters: tuple[tuple[str, str], ...] = (),  # (letter, digit it stands for)
        folded: tuple[str, ...] = (),  # digits of other scripts, read as ASCII
        invisible: tuple[str, ...] = (),  # zero-width and bidi characters, dropped
        error: str | None = None,  # code of the reason the text is not a number
        detail: str = "",  # the character or fact the error is about
    ) -> None:
        self.text = text
        self.digits = digits
        self.plus = plus
        self.extension = extension
        self.letters = letters
        self.folded = folded
        self.invisible = invisible
        self.error = error
        self.detail = detail


@functools.lru_cache(maxsize=4096)
def _char(ch: str) -> tuple[str, str]:
    """Map one character to ``(token, note)``.

    token: a digit, ``" "`` separator, ``"+"``, ``"*"`` mask, ``""`` dropped, a letter,
    or ``"?"`` for anything else; note: ``"folded"``, ``"invisible"`` or ``""``.
    """
    if "0" <= ch <= "9":
        return ch, ""
    if "０" <= ch <= "９":  # full-width digits are ordinary in Chinese text
        return chr(ord(ch) - 0xFEE0), ""
    value = unicodedata.decimal(ch, None)
    if value is not None:
        return str(value), "folded"
    if ch in "\ufe0f\u20e3":  # what turns a digit into a keycap emoji (9️⃣)
        return "", "folded"
    category = unicodedata.category(ch)
    if category == "Cf" or ch in "\u180e\u034f":
        return "", "invisible"
    nfkc = unicodedata.normalize("NFKC", ch)
    if len(nfkc) == 1 and "0" <= nfkc <= "9":
        return nfkc, "folded"
    if ch in _MASKS:
        return "*", ""
    if nfkc in HOMOGLYPHS:
        return nfkc, ""
    if len(nfkc) == 1 and nfkc.isalpha():
        return nfkc.lower() if nfkc.isascii() else nfkc, ""
    if nfkc == "+":
        return "+", ""
    if nfkc in "#,;，；":
        return nfkc, ""
    if ch.isspace() or category.startswith(("P", "Z", "S")) or category == "Cc":
        return " ", ""
    return "?", ""


def read(text: str, /) -> Reading:
    """Find the digits of one phone number in ``text``; never raises for a ``str``."""
    if not text or not text.strip():
        return Reading(text, error="empty")
    if len(text) > MAX_INPUT:
        return Reading(text, error="too-long", detail=str(len(text)))
    if SIMPLE_ASCII.fullmatch(text):  # fast path for the common case
        plus = text.lstrip().startswith("+") and text.count("+") == 1
        return _check(Reading(text, digits=text.translate(DELETE_SIMPLE), plus=plus))
    ascii_digit, extension_at_end, masked_x, ascii_tokens = _slow_path()
    if text.isascii():  # one table says what each character is: nothing to fold or drop
        s = _drop_notes(text).translate(ascii_tokens).strip()
        if ascii_digit.search(s) is None:
            return Reading(text, error=_wordy_error(s))
        seen_folded: tuple[str, ...] = ()
        seen_invisible: tuple[str, ...] = ()
    else:
        s, seen_folded, seen_invisible = _tokens(text)

    def failed(error: str, detail: str = "") -> Reading:
        return Reading(text, error=error, detail=detail, folded=seen_folded, invisible=seen_invisible)

    if ascii_digit.search(s) is None:  # words, marks and masks only: what the steps below find
        return failed(_wordy_error(s))
    extension = None
    m = extension_at_end.search(s.rstrip())
    if m and sum(c.isdigit() for c in s[: m.start()]) >= 5:
        extension, s = m.group(1), s[: m.start()]
    if "*" in s or masked_x.search(s):
        return failed("masked")
    stripped = _strip_labels(s)
    if stripped is None:
        return failed("letters")
    s = stripped
    letters: list[tuple[str, str]] = []
    digits: list[str] = []
    plus = False
    for token in s:
        if token.isdigit():
            digits.append(token)
        elif token in HOMOGLYPHS:
            letters.append((token, HOMOGLYPHS[token]))
            digits.append(HOMOGLYPHS[token])
        elif token == "+" and not digits and not plus:
            plus = True
        elif token.isalpha() or token == "?":
            return failed("letters", token)
    if letters and len(digits) == len(letters):
        return failed("letters", letters[0][0])
    return _check(
        Reading(text, "".join(digits), plus, extension, tuple(letters), seen_folded, seen_invisible)
    )


def _tokens(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The tokens of ``text`` (see :func:`_char`), and the characters folded and dropped."""
    tokens: list[str] = []
    folded: list[str] = []
    invisible: list[str] = []
    # a number spelt in Chinese numerals ("九五一八八") is read as digits; a numeral beside
    # other digits is a label ("热线二：95188") and stays a word
    numerals_only = _numerals_only().fullmatch(text) is not None
    for ch in text if numerals_only else _drop_notes(text):
        if numerals_only and ch in _CHINESE_NUMERALS:
            folded.append(ch)
            tokens.append(_CHINESE_NUMERALS[ch])
            continue
        token, note = _char(ch)
        if note == "folded":
            folded.append(ch)
        elif note == "invisible":
            invisible.append(ch)
        if token:
            tokens.append(token)
    return "".join(tokens).strip(), tuple(dict.fromkeys(folded)), tuple(dict.fromkeys(invisible))


def _wordy_error(tokens: str) -> str:
    """Why a text whose tokens hold no digit is no number, as the full reading decides it."""
    if not tokens:
        return "no-digits"
    if "*" in tokens or "xx" in tokens:
        return "masked"
    return "letters" if _letter_like().search(tokens) else "no-digits"


@functools.cache  # compiled when a text first is not plain digits: their character classes cost about 1 ms
def _notes() -> re.Pattern[str]:
    return re.compile(r"[（(\[【][^（）()\[\]【】]{0,40}[）)\]】]")


@functools.cache
def _numerals_only() -> re.Pattern[str]:
    return re.compile(r"[零〇一二三四五六七八九幺两\s\-－—.·()（）]+")


def _drop_notes(text: str, /) -> str:
    """``text`` without its bracketed notes (see :func:`_drop_note`)."""
    # a note opens with one of the brackets _notes() starts with; most texts have none
    if "(" not in text and "（" not in text and "[" not in text and "【" not in text:
        return text
    return _notes().sub(_drop_note, text)


# read()'s slow path and what it calls: made when a text first is not written plainly (plain
# numbers, most of what a process reads, never need them; about 0.7 ms of start-up together)


@functools.cache
def _slow_path() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[int, str]]:
    """The patterns of an ASCII digit, an extension at the end and a mask of x's, and the
    table of what read() makes of each ASCII character."""
    return (
        re.compile("[0-9]"),
        _extension(),
        re.compile(r"x{2,}|x\d|\dx"),  # "xx", "x1", "1x": digits hidden behind x
        {i: _char(chr(i))[0] for i in range(128)},
    )


@functools.cache
def _extension() -> re.Pattern[str]:
    # characters people use as extension markers or dialling pauses; matched against
    # right-stripped text: "\s*#?\s*$" would backtrack quadratically over blanks
    return re.compile(r"(?:转|分机|ext(?:ension)?\.?|x|#|,|;|，|；)\s*(\d{1,6})\s*#?$", re.I)


@functools.cache
def _letter_like() -> re.Pattern[str]:
    # a letter, an unknown character or a stroke standing for 1: tokens read without a digit
    return re.compile(r"[^\W\d_]|[?|]")


@functools.cache
def _words() -> re.Pattern[str]:
    return re.compile(r"([^\W\d_]+|\?+)")  # runs of letters, or of unknown characters


@functools.cache
def _note_word() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_]|[:：]")


_R = TypeVar("_R", bound=Record)


def _evolve(obj: _R, /, **changes: Any) -> _R:
    """A copy of ``obj`` with ``changes`` (readings and numbers are records, not attrs classes)."""
    cls = type(obj)
    return cls(**{name: changes[name] if name in changes else getattr(obj, name) for name in cls._fields()})


def _drop_note(m: re.Match[str]) -> str:
    """A bracketed note with words or a time in it ("（24小时）", "(9:00-21:00)") is no
    part of the number; "(010)" and "(400)" are."""
    return " " if _note_word().search(m.group()) else m.group()


def _strip_labels(s: str) -> str | None:
    """Drop words before the first and after the last digit ("Tel: …", "…（淘宝）").

    Returns ``None`` when a word sits between digits.
    """
    runs = _words().split(s)
    first = next((i for i, r in enumerate(runs) if any(c.isdigit() for c in r)), None)
    if first is None:
        return s
    last = max(i for i, r in enumerate(runs) if any(c.isdigit() for c in r))
    kept: list[str] = []
    for i, r in enumerate(runs):
        is_word = bool(r) and (r[0].isalpha() or r[0] == "?")
        if not is_word:
            kept.append(r)
        elif i < first or i > last:
            if _homoglyph_run(r) and _touches_digit(runs, i):
                kept.append(r)
        elif _homoglyph_run(r):
            kept.append(r)
        else:
            return None
    return "".join(kept)


def _homoglyph_run(run: str) -> bool:
    return all(c in HOMOGLYPHS for c in run) and len(run) <= 11  # up to a whole mobile number


def _touches_digit(runs: list[str], i: int) -> bool:
    before = runs[i - 1] if i > 0 else ""
    after = runs[i + 1] if i + 1 < len(runs) else ""
    return (before[-1:].isdigit() if before else False) or (after[:1].isdigit() if after else False)


def _check(r: Reading) -> Reading:
    n = len(r.digits)
    if n == 0:
        return _evolve(r, error="no-digits")
    if n < MIN_DIGITS:
        return _evolve(r, error="too-short", detail=r.digits)
    if n > MAX_DIGITS:
        return _evolve(r, error="too-long", detail=str(n))
    return r


class Number(Record):
    """A number with its canonical digits and kind.

    ``inner`` is the service number inside an area-code or international form
    (``010-95566`` → ``95566``); ``prefix`` is what stood before it.
    """

    __slots__ = ("canonical", "country_code", "inner", "kind", "prefix", "secondary_prefix", "valid")

    def __init__(
        self,
        canonical: str,
        kind: NumberKind,
        inner: str | None = None,
        prefix: str | None = None,
        secondary_prefix: str | None = None,
        country_code: int | None = None,
        valid: bool = True,
    ) -> None:
        self.canonical = canonical
        self.kind = kind
        self.inner = inner
        self.prefix = prefix
        self.secondary_prefix = secondary_prefix
        self.country_code = country_code
        self.valid = valid


def interpret(digits: str, /, *, plus: bool = False, region: str = "CN") -> Number:
    """Canonical digits and kind of ``digits`` (as found by ``read()``)."""
    if plus or digits.startswith("00"):
        rest = digits if plus else digits[2:]
        if len(rest) < MIN_DIGITS or rest.startswith("0"):
            # no country code starts with 0: "+00…" or "0000" is no number abroad
            return Number(("+" if plus else "") + digits, NumberKind.OTHER, valid=False)
        return _international(rest, region)
    if region != "CN":
        return _foreign_national(digits, region)
    if (
        digits.startswith("86")
        and len(digits) in (12, 13)
        and kind_of(digits[2:]) in (NumberKind.MOBILE, NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800)
    ):
        digits = digits[2:]
    return _national(digits)


def _national(digits: str, *, from_international: bool = False) -> Number:
    secondary = secondary_prefix(digits)
    if (
        secondary
        and len(digits) - len(secondary) >= 5
        and kind_of(digits[len(secondary) :]) is not NumberKind.OTHER
    ):
        inner = _national(digits[len(secondary) :])
        return _evolve(inner, secondary_prefix=secondary)
    if digits[:4] in ("0400", "0800") and len(digits) == 11:
        return _national(digits[1:])  # a trunk 0 written before a 400/800 number
    if digits.startswith("0"):
        split = split_area_code(digits)
        if split:
            area, rest = split
            if rest.startswith("96") and 5 <= len(rest) <= 8:
                return Number(digits, NumberKind.LOCAL_96, inner=rest, prefix=area)
            if takes_no_area_code(rest):
                return Number(digits, NumberKind.AREA_CODE_SHORT, inner=rest, prefix=area)
            if 7 <= len(rest) <= 8:
                return Number(digits, NumberKind.LANDLINE, valid=local_fits(area, rest))
        return Number(digits, NumberKind.OTHER, valid=False)
    kind = kind_of(digits)
    if from_international and kind in (NumberKind.OTHER, NumberKind.LOCAL_LANDLINE):
        return _national("0" + digits)
    if from_international and kind is NumberKind.CARRIER_10 and takes_no_area_code(digits[2:]):
        return _national("0" + digits)  # +86 10 95566 is Beijing's area code + 95566
    if from_international and kind is NumberKind.SMS_PORT and landline_fits("0" + digits):
        return _national("0" + digits)  # +86 10 6552 9988 is a Beijing landline, not a port
    return Number(digits, kind, valid=kind is not NumberKind.OTHER)


def _international(rest: str, region: str) -> Number:
    if rest.startswith("86") and len(rest) > 4:
        inner = _national(rest[2:], from_international=True)
        return _evolve(inner, country_code=86)
    shaped = takes_no_area_code(rest) or kind_of(rest) in (
        NumberKind.ENTERPRISE_400,
        NumberKind.TOLL_FREE_800,
        NumberKind.SERVICE_95,
    )
    if not shaped:
        plain = _plain_abroad(rest)
        if plain is not None:
            return plain
    import phonenumbers

    try:
        parsed = phonenumbers.parse("+" + rest, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if shaped:
        # "+95588" reads as Myanmar (+95) but is a Chinese service number with a "+"
        return Number(
            "+" + rest,
            NumberKind.INTERNATIONAL,
            inner=rest,
            prefix="+",
            country_code=parsed.country_code if parsed else None,
            valid=parsed is not None and phonenumbers.is_valid_number(parsed),
        )
    if parsed is None:
        return Number("+" + rest, NumberKind.INTERNATIONAL, valid=False)
    return _abroad(parsed, parsed_from="+" + rest)


def _plain_abroad(rest: str) -> Number | None:
    """What :func:`_abroad` makes of phonenumbers' parse of ``"+" + rest``, without the parse,
    where reading it is plain: a known country code, then a national number of a possible
    size that no trunk or carrier prefix of that country starts. ``None`` otherwise."""
    codes = _country_codes()
    for size in (1, 2, 3):  # the shortest known code, as phonenumbers reads it
        if rest[:size] in codes:
            break
    else:
        return None
    code, national = int(rest[:size]), rest[size:]
    if not 2 <= len(national) <= 17 or national[0] == "0":
        return None  # too short or long to parse, or a leading zero kept or dropped by country
    known, prefix = _national_prefix(code)
    if not known or (prefix is not None and prefix.match(national)):
        return None  # no metadata, or parsing may drop a prefix: the full parse decides
    key = (code, len(national))
    possible = _POSSIBLE.get(key)
    if possible is None:
        # phonenumbers judges a possible number by its country and its length alone (with no
        # leading zero to keep): one answer per country and length
        import phonenumbers

        parsed = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
        possible = _POSSIBLE[key] = phonenumbers.is_possible_number(parsed)
    return Number("+" + rest, NumberKind.INTERNATIONAL, country_code=code, valid=possible)


_POSSIBLE: dict[tuple[int, int], bool] = {}  # (country code, national length) -> possible


@functools.cache
def _country_codes() -> frozenset[str]:
    import phonenumbers

    return frozenset(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


@functools.cache
def _national_prefix(code: int, /) -> tuple[bool, re.Pattern[str] | None]:
    """Whether phonenumbers has metadata for country ``code``, and the pattern of the trunk or
    carrier prefix its parse strips from a national number (``None``: it strips nothing)."""
    import phonenumbers

    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
        code, phonenumbers.region_code_for_country_code(code)
    )
    if metadata is None:
        return False, None
    prefix = metadata.national_prefix_for_parsing
    return True, re.compile(prefix) if prefix else None


def _abroad(parsed: phonenumbers.PhoneNumber, *, parsed_from: str = "") -> Number:
    import phonenumbers

    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    # phonenumbers drops one trunk 0 per parse ("+84 009…" → "+8409…" → "+849…"):
    # a form that changes again is no canonical number. When nothing was dropped, the
    # second parse would read the very text of the first: no need to run it.
    if e164 == parsed_from:
        again: str | None = e164
    else:
        again = _reparsed(e164)
    if again != e164:
        return Number(e164, NumberKind.OTHER, valid=False)
    return Number(
        e164,
        NumberKind.INTERNATIONAL,
        country_code=parsed.country_code,
        valid=phonenumbers.is_possible_number(parsed),
    )


def _reparsed(e164: str) -> str | None:
    import phonenumbers

    try:
        again = phonenumbers.format_number(
            phonenumbers.parse(e164, None), phonenumbers.PhoneNumberFormat.E164
        )
    except phonenumbers.NumberParseException:
        return None
    return again


def _foreign_national(digits: str, region: str) -> Number:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return Number(digits, NumberKind.OTHER, valid=False)
    if parsed.country_code == 86:
        return _national(str(parsed.national_number), from_international=True)
    return _abroad(parsed)


def readable(n: Number) -> bool:
    """Whether a number can be judged: valid, or a service number behind ``+``/``00``."""
    return n.valid or (n.kind is NumberKind.INTERNATIONAL and n.inner is not None)


def describe_char(ch: str) -> str:
    """``"O" (LATIN CAPITAL LETTER O)``: a character as a user can recognise it."""
    name = unicodedata.name(ch, f"U+{ord(ch):04X}")
    shown = ch if ch.isprintable() and not unicodedata.category(ch).startswith(("C", "Z")) else ""
    return f'"{shown}" ({name})' if shown else name


def message(code: str) -> str:
    """Why a text is not a readable number, in English (the message of ``InvalidNumber``)."""
    return MESSAGES.get(f"invalid.{code}", MESSAGES["invalid.format"]).en


def normalize(number: str, /, *, region: str = "CN") -> str:
    """Return the canonical digits of ``number`` or raise [`InvalidNumber`][hotline_verify.InvalidNumber].

    Mainland numbers come back as dialled inside China (``"95188"``,
    ``"4009888898"``, ``"13812345678"``, ``"057188158198"`` with the trunk 0);
    foreign numbers in E.164 (``"+16502530000"``). Full-width digits, digits of other
    scripts, separators, invisible characters, ``+86``/``0086``, extensions and
    secondary-number prefixes are handled; letters standing for digits are refused.
    """
    if not isinstance(number, str):
        raise TypeError(f"normalize() takes a str, not {type(number).__name__}")
    r = read(number)
    if r.letters:
        letter = r.letters[0][0]
        raise InvalidNumber(texts("letter-in-number", letter=describe_char(letter))[1], code="letters")
    if r.error:
        raise InvalidNumber(message(r.error), code=r.error)
    n = interpret(r.digits, plus=r.plus, region=region)
    if not readable(n):
        raise InvalidNumber(message("format"), code="format")
    return n.canonical
