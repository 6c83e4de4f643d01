"""verify(): the verdict on one number.

The order of the rules is the heart of it: an exact allowlist hit is decided before
any lookalike rule, so official numbers one digit apart (95588 / 95599) never flag
each other.

>>> v = verify("400-123-4567", claimed="淘宝")
>>> v.status, v.risk
(<Status.UNOFFICIAL: 'unofficial'>, <Risk.HIGH: 'high'>)
>>> verify("９５１８８").official.org.name.en
'Alipay'
>>> verify("400-988-8988").lookalike_kind
<LookalikeKind.TRANSPOSITION: 'transposition'>
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from ._allowlist import Allowlist, KnownFake, packaged_allowlist
from ._cases import fitting_case, refits
from ._lookalike import LookalikeIndex, Match
from ._messages import MESSAGES, texts
from ._model import (
    Evidence,
    LookalikeKind,
    NumberKind,
    OfficialNumber,
    Organisation,
    Reason,
    Risk,
    Status,
    Text,
)
from ._normalize import (
    DELETE_SIMPLE,
    MAX_DIGITS,
    MIN_DIGITS,
    SIMPLE_ASCII,
    Number,
    Reading,
    describe_char,
    interpret,
    read,
    readable,
)
from ._numbering import space_of, takes_no_area_code
from ._policy import Decision, Facts, Spoof, decide, decide_plain
from ._reasons import invalid_reason, kind_reason, phrase, reason, reason_filled_later
from ._verdict import Verdict, with_input

if TYPE_CHECKING:
    from ._scan import Finding

__all__ = ["verify"]


@functools.cache  # compiled when a claim is first read (about 0.5 ms: a verdict with no claim never needs it)
def person_pattern() -> re.Pattern[str]:
    """People doing a job for an organisation call from their own mobiles: that is no claim that
    the mobile is the organisation's line."""
    # the look-ahead names every first character, so the engine skips to one in C instead of
    # trying each word at every position (3x quicker)
    return re.compile(
        r"(?=[快派揽送配骑外司师cCrRdD])"
        r"(?:快递员|快递小哥|派件员|揽件员|送货员|配送员|骑手|外卖员|外卖小哥|司机|师傅|(?i:courier|rider|driver))"
    )


@functools.cache  # compiled when a text first is not ASCII (its character class costs about 1 ms)
def _han() -> re.Pattern[str]:
    return re.compile("[\u3400-\u9fff]{2}")  # a word of Han characters: a message (one is 转, 分 …)


MAX_MESSAGE = 2000  # characters: longer text is scan()'s to read
_NOT_TO_CALL = frozenset({"sms-sender", "outbound"})  # entry kinds: numbers that send or call out
MAX_SUGGESTED = 4
_TWO_EDITS = frozenset({NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800})
# verdicts are immutable and depend only on the input and the list: kept per list, no longer
# than the list itself, for its official numbers, short codes (95xxx, 10xxx, 12xxx …) and
# short texts that are no number
_AS_WRITTEN: weakref.WeakKeyDictionary[Allowlist, dict[str, Verdict]] = weakref.WeakKeyDictionary()
# the list last asked for and its kept verdicts: a process mostly asks of one list, and looking it
# up in the weak dictionary each time cost a quarter of a verdict on text that is no number
_last_kept: tuple[weakref.ref[Allowlist], dict[str, Verdict]] | None = None
_SHORT = 8  # digits: the longest short code
_KEPT_TEXT = 32  # characters: longer text that is no number is seldom written twice
_KNOWN_MAX = 8192  # verdicts kept per list (about 8 MiB at most); all are dropped when it is full


@functools.cache  # compiled when a number first does not read whole
def _trailing_key() -> re.Pattern[str]:
    # a last group of one to four digits after a dash or a space: "95561-6", "0755-83765566-9"
    return re.compile(r"[0-9０-９]([ \t\u3000\-－‐‑–—]+)([0-9０-９]{1,4})[ \t\u3000]*$")


# full-width digits, dash and space read as their ASCII forms do (read() folds none of them)
_WIDE = str.maketrans("０１２３４５６７８９－\u3000", "0123456789- ")
_FIXED_LENGTH = frozenset(
    {NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800, NumberKind.MOBILE, NumberKind.LANDLINE}
)


def verify(
    number: str,
    /,
    *,
    claimed: str | None = None,
    region: str = "CN",
    allowlist: Allowlist | None = None,
    incoming: bool = False,
) -> Verdict:
    """Judge one phone number against the allowlist.

    ``claimed`` names the organisation the number is presented as (Chinese or English,
    any alias); ``incoming=True`` says the number called the person rather than being
    found. Never raises for a ``str``; raises ``TypeError`` for anything else.
    """
    if not isinstance(number, str):
        raise TypeError(f"verify() takes the number as a str, not {type(number).__name__}")
    if claimed is not None and not isinstance(claimed, str):
        raise TypeError(f"claimed must be a str or None, not {type(claimed).__name__}")
    if not isinstance(incoming, bool):
        raise TypeError(f"incoming must be True or False, not {type(incoming).__name__}")
    al, region = options(region, allowlist)
    return verdict_of(
        number,
        claimed,
        None if claimed is None else resolve_claim(al, claimed),
        region=region,
        allowlist=al,
        incoming=incoming,
    )


def verdict_of(
    number: str,
    claimed: str | None,
    claimed_org: Organisation | None,
    /,
    *,
    region: str,
    allowlist: Allowlist,
    incoming: bool,
) -> Verdict:
    """:func:`verify` once its arguments are checked, its options resolved by :func:`options`
    and the claim by :func:`resolve_claim`: what batches call for each item."""
    if quick_applies(claimed, region=region, incoming=incoming):
        quick = quick_verdict(number, allowlist)
        if quick is not None:
            return quick
    return full_verdict(number, claimed, claimed_org, region=region, allowlist=allowlist, incoming=incoming)


def full_verdict(
    number: str,
    claimed: str | None,
    claimed_org: Organisation | None,
    /,
    *,
    region: str,
    allowlist: Allowlist,
    incoming: bool,
) -> Verdict:
    """:func:`verdict_of` where :func:`quick_verdict` has no answer (or is not asked)."""
    al = allowlist
    plain = quick_applies(claimed, region=region, incoming=incoming)
    # text that is no number ("", "n/a", "暂无") recurs in lists and forms: its verdict is kept
    kept = _kept(al).get(number) if plain and len(number) <= _KEPT_TEXT else None
    if kept is not None:
        return kept
    v = None
    if claimed is None and not number.isascii() and _han().search(number) and len(number) <= MAX_MESSAGE:
        v = _message_verdict(number, region=region, allowlist=al, incoming=incoming)
    if v is None:
        person = claimed is not None and person_pattern().search(claimed) is not None
        v = judge(number, claimed, claimed_org, region=region, allowlist=al, incoming=incoming, person=person)
    if plain and v.status is Status.INVALID and len(number) <= _KEPT_TEXT:
        _keep(number, v, al)
    return v


def quick_applies(claimed: str | None, /, *, region: str, incoming: bool) -> bool:
    """Whether :func:`quick_verdict` may answer: no claim, a number found (not calling), the
    default region."""
    return claimed is None and not incoming and region == "CN"


def quick_verdict(number: str, al: Allowlist, /) -> Verdict | None:
    """What :func:`judge` says of a number with no claim, found rather than calling, in the
    default region, where it can be said at once: a kept verdict, or a plain number's."""
    return _as_written(number, al) if _kept_form(number, al) else _plain_verdict(number, al)


Plain = tuple[Decision, str | None, NumberKind]  # a plain number's decision, normalized form and kind


def quick_answer(number: str, al: Allowlist, /) -> Verdict | Plain | None:
    """:func:`quick_verdict`, with a plain number's verdict left unmade (batch columns take
    their row from its parts, and a row holds no ``Verdict``)."""
    return _as_written(number, al) if _kept_form(number, al) else _plain(number, al)


def _kept_form(number: str, al: Allowlist, /) -> bool:
    """Whether ``number`` is an official number or a short code as bare digits (kept verdicts)."""
    return number in al.index or (len(number) <= _SHORT and number.isdecimal() and number.isascii())


def plain_reasons(normalized: str | None, kind: NumberKind, /) -> tuple[Reason, ...]:
    """The reasons of a plain number's verdict (see :func:`_plain`)."""
    if normalized is None:
        return (invalid_reason("format"),)
    return reason("not-listed", number=normalized), kind_reason(kind)


def _as_written(number: str, al: Allowlist, /) -> Verdict:
    """The verdict on an official number or a short code written as its bare digits: the
    commonest questions, from a small set of numbers, answered once per list."""
    v = _kept(al).get(number)
    if v is None:
        v = _keep(number, judge(number, None, None, region="CN", allowlist=al, incoming=False), al)
    return v


def _kept(al: Allowlist, /) -> dict[str, Verdict]:
    """The verdicts kept for this list (see _AS_WRITTEN)."""
    global _last_kept
    last = _last_kept
    if last is not None and last[0]() is al:
        return last[1]
    known = _AS_WRITTEN.get(al)
    if known is None:
        known = _AS_WRITTEN.setdefault(al, {})
    _last_kept = (weakref.ref(al), known)
    return known


def _keep(text: str, v: Verdict, al: Allowlist, /) -> Verdict:
    """Keep the verdict on ``text`` (no claim, found, the default region) for this list."""
    known = _kept(al)
    if len(known) >= _KNOWN_MAX:
        known.clear()
    known[text] = v
    return v


def _plain_verdict(text: str, al: Allowlist, /) -> Verdict | None:
    """The verdict :func:`_plain` decides, made."""
    found = _plain(text, al)
    if found is None or isinstance(found, Verdict):
        return found
    d, normalized, kind = found
    reasons = plain_reasons(normalized, kind)
    return Verdict(text, d.status, d.risk, normalized, kind, reasons=reasons, allowlist=al.origin)


def _plain(text: str, al: Allowlist, /) -> Verdict | Plain | None:
    """A number written plainly that no list holds and no official number is near (most of
    what a batch holds): the decision, normalized form and kind its verdict is made from (the
    verdict itself, when the list holds the number, or when an official number is near and
    the search for it is made here); ``None`` for anything else, which :func:`judge` reads in
    full. Both give the same verdict (a test compares them)."""
    plain = text if text.isascii() else text.translate(_WIDE)
    if SIMPLE_ASCII.fullmatch(plain) is None:
        return None
    plus = plain[0] == "+"  # read() reads these texts alike: digits, and a "+" before them
    digits = plain.translate(DELETE_SIMPLE)
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    n = interpret(digits, plus=plus)
    c = n.canonical
    if n.inner is not None or n.secondary_prefix or n.kind is NumberKind.SMS_PORT:
        return None
    if not n.valid and _dashed_extension(plain, digits, plus, "CN") is not None:
        return None
    if al.mentions(c):
        # "400-886-1888" says what "4008861888" says: the same digits, only spaced
        listed = al.lookup(c) is not None and c == digits and n.valid
        return with_input(_as_written(c, al), text) if listed else None
    index = al.index
    held = index.probe(c)
    if held is not None or (digits != c and not plus and index.near_any(digits)):
        # near_any() may be a false alarm (a large list sends about one unlisted 400 number in
        # nine here): the search _Judge.nearest() makes decides. Finding nothing, the number is
        # plain; finding an official number, the full reading goes on from what it found
        found = nearest_official(index, c, digits, plus=plus, kind=n.kind, held=held)
        if found is not None:
            known = (digits, plus, n)  # judge() reads the text again, but need not interpret it again
            return judge(
                text, None, None, region="CN", allowlist=al, incoming=False, near=found, read_as=known
            )
    d = decide_plain(n.kind, n.valid)
    if d.rule == "unreadable":
        return d, None, n.kind  # digits that make no number: no normalized form
    return (d, c, n.kind) if d.rule == "anything_else" else None


def nearest_official(
    index: LookalikeIndex,
    canonical: str,
    digits: str,
    /,
    *,
    plus: bool,
    kind: NumberKind,
    prefer: Callable[[str], bool] | None = None,
    held: Mapping[str, str] | None = None,
) -> Match | None:
    """The official number a number (``canonical``, read from ``digits``) most likely imitates:
    one edit, two for 10-digit 400/800 numbers, then an official number it starts with; the
    first that ``prefer`` accepts where several are near. ``held``: what ``index.held()``
    answers for ``canonical``, when already asked."""
    if kind is NumberKind.SMS_PORT:  # a port that embeds a hotline is no spoof
        return index.nearest(canonical, prefer=prefer)
    listed = canonical in index
    if listed:
        held = None
    elif held is None:
        held = index.held(canonical)  # what both searches of its keys start from
    found = None if held is None else index.nearest(canonical, prefer=prefer, held=held)
    if found is None and digits != canonical and not plus:
        found = index.nearest(digits, prefer=prefer)
    if found is None and kind in _TWO_EDITS:
        candidates = [] if listed else index.within_two(canonical, held=held)
        if candidates:
            chosen = [m for m in candidates if prefer(m.official)] if prefer is not None else []
            found = (chosen or candidates)[0]
    if found is None:
        found = index.embedded(canonical)
    return found


def _dashed_extension(text: str, digits: str, plus: bool, region: str, /) -> tuple[Number, str] | None:
    """A landline or 400/800 number that reads whole only without its last dashed group."""
    m = _trailing_key().search(text)
    if m is None or not m.group(1).strip(" \t\u3000"):
        return None
    tail = digits[-len(m.group(2)) :]
    head = interpret(digits[: -len(tail)], plus=plus, region=region)
    return (head, tail) if head.valid and head.kind in _FIXED_LENGTH - {NumberKind.MOBILE} else None


def _message_verdict(text: str, /, *, region: str, allowlist: Allowlist, incoming: bool) -> Verdict | None:
    """A message given where a number was expected ("淘宝客服 400-123-4567"): the verdict
    scan() gives its one number, claim and all; for several numbers, a verdict that says so.
    ``None`` when scan() finds none (a label or note around one number is read as before)."""
    holds_digit, scan = _scanner()
    if not holds_digit(text):  # no number to find
        return None
    found = scan(text, region=region, allowlist=allowlist)
    if len(found) == 1:
        v = found[0].verdict
        if incoming and not v.incoming:
            return None  # the caller said it called: judge it as a call
        return attrs.evolve(v, input=text)
    if not found:
        return None
    shown = "、".join(f.text for f in found[:5]) + ("…" if len(found) > 5 else "")
    reasons = [reason("message-not-number", count=len(found), numbers=shown)]
    return Verdict(input=text, status=Status.INVALID, risk=Risk.LOW, normalized=None, reasons=tuple(reasons))


@functools.cache
def _scanner() -> tuple[Callable[[str], bool], Callable[..., list[Finding]]]:
    """``holds_digit`` and ``scan``, imported when a message first needs them (scan() judges
    with this module)."""
    from ._scan import scan
    from ._view import holds_digit

    return holds_digit, scan


def options(region: str, allowlist: Allowlist | None) -> tuple[Allowlist, str]:
    """The allowlist and region a call uses, checked once (batches share them)."""
    if region == "CN":  # the usual call: nothing to check but the list's type
        if allowlist is None:
            return packaged_allowlist(), "CN"
        if type(allowlist) is Allowlist:
            return allowlist, "CN"
    if not isinstance(region, str):
        raise TypeError(f"region must be a str, not {type(region).__name__}")
    al = packaged_allowlist() if allowlist is None else allowlist
    if not isinstance(al, Allowlist):
        raise TypeError(f"allowlist must be an Allowlist from load_allowlist(), not {type(al).__name__}")
    code = region.upper()
    if code != "CN" and code not in _regions():
        shown = region if len(region) <= 12 else region[:12] + "…"
        raise ValueError(f'Unknown region "{shown}": give a two-letter region code such as "CN" or "HK".')
    return al, code


@functools.cache
def _regions() -> frozenset[str]:
    import phonenumbers  # only for a region other than the default

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def resolve_claim(al: Allowlist, claimed: str | None, /) -> Organisation | None:
    return al.resolve_org(claimed) if claimed and claimed.strip() else None


def judge(
    number: str,
    claimed: str | None,
    claimed_org: Organisation | None,
    /,
    *,
    region: str,
    allowlist: Allowlist,
    incoming: bool,
    person: bool = False,
    reading: Reading | None = None,
    near: Match | None = None,
    read_as: tuple[str, bool, Number] | None = None,
) -> Verdict:
    """:func:`verify` once its options are checked and resolved by :func:`options`.

    ``person``: the number is presented as a person doing a job (a courier, a rider).
    ``reading``: ``read(number)``, when the caller has it already (the scanner reads each number).
    ``near``: what :func:`nearest_official` found for a number with no claim, when the caller
    has searched already; ``read_as``: digits, "+" and what :func:`interpret` made of them in
    the default region, when the caller has interpreted them already.
    """
    r = reading if reading is not None else read(number)
    if r.error and claimed_org is None and not (claimed and claimed.strip()):
        # nothing to read and nothing claimed: the verdict needs no more than the reading
        d = decide_plain(None, False)
        reasons = (invalid_reason(r.error), *_reading_notes(r))
        return Verdict(
            number,
            d.status,
            d.risk,
            None,
            reasons=reasons,
            claimed=claimed,
            incoming=incoming,
            allowlist=allowlist.origin,
        )
    judged = _Judge(allowlist, number, claimed, claimed_org, region, incoming, person, near)
    if read_as is not None and region == "CN" and read_as[0] == r.digits and read_as[1] == r.plus:
        return judged.run(r, read_as[2])
    return judged.run(r)


class _Judge:
    """One call of verify(): gathers the facts, asks the policy, words the reasons."""

    __slots__ = ("al", "claimed", "claimed_org", "found", "incoming", "person", "region", "text")

    def __init__(
        self,
        al: Allowlist,
        text: str,
        claimed: str | None,
        claimed_org: Organisation | None,
        region: str,
        incoming: bool,
        person: bool = False,
        found: Match | None = None,
    ) -> None:
        self.al = al
        self.text = text
        self.claimed = claimed
        self.claimed_org = claimed_org
        self.region = region
        self.incoming = incoming
        self.person = person
        self.found = found  # what nearest() answers, when the caller has searched already

    def run(self, r: Reading, interpreted: Number | None = None) -> Verdict:
        """The verdict on reading ``r``; ``interpreted``: what :func:`interpret` makes of its
        digits in this region, when already asked (a number is interpreted once)."""
        notes = _reading_notes(r)
        if r.error:
            d = decide_plain(None, False)
            return self.verdict(d.status, d.risk, None, [invalid_reason(r.error), *notes])
        n = interpret(r.digits, plus=r.plus, region=self.region) if interpreted is None else interpreted
        extension = r.extension
        if not n.valid and extension is None:
            split = _dashed_extension(r.text, r.digits, r.plus, self.region)
            if split is not None:  # "010-82628888-5174": a number, then an extension after a dash
                n, extension = split
        if n.secondary_prefix:
            notes.append(reason("secondary-prefix", prefix=n.secondary_prefix))
        if extension:
            notes.append(reason("extension", extension=extension))
        if n.kind is NumberKind.SMS_PORT:
            notes += self.port_notes(n.canonical)
        entry = self.al.lookup(n.canonical)
        fake = self.al.known_fake(n.canonical)
        spoof: Spoof | None = None
        official_form = not r.letters
        area_code_kept = False
        if entry is None and n.inner is not None:
            inner = self.al.active(n.inner)
            if inner is not None and n.kind in (NumberKind.AREA_CODE_SHORT, NumberKind.LOCAL_96):
                if inner.scope != "national":  # local and every-city lines are dialled with an area code
                    entry, area_code_kept = inner, True
                    n = Number(inner.number, n.kind)
                else:
                    spoof = Spoof(inner, LookalikeKind.AREA_CODE, n.prefix or "")
            elif inner is not None:
                spoof = Spoof(inner, LookalikeKind.INTERNATIONAL, "+" if r.plus else "00")
        if entry is not None and entry.active and n.country_code == 86 and takes_no_area_code(entry.number):
            if self.incoming:  # a genuine call from a short code never shows a country code
                spoof, official_form = Spoof(entry, LookalikeKind.INTERNATIONAL, "+86"), False
            else:
                notes.append(reason("short-code-abroad", number=entry.number))
        near: Match | None = None
        if entry is None and fake is None and spoof is None:
            near = self.nearest(r, n)
            if near is not None:
                keyed = self.menu_key(r)
                if keyed is not None:
                    entry, n, extension = keyed
                    notes.insert(0, reason("extension", extension=extension))
                    near = None
                elif near.kind is LookalikeKind.EMBEDDED:
                    spoof, near = Spoof(self.al.active(near.official), LookalikeKind.EMBEDDED, ""), None
        if r.letters:
            target = entry if entry is not None and entry.active else None
            target = (
                target
                or (spoof.entry if spoof else None)
                or (self.al.active(near.official) if near else None)
            )
            spoof, near = Spoof(target, LookalikeKind.LETTER_FOR_DIGIT, ""), None
        near_entry = self.al.active(near.official) if near is not None else None
        claimed = self.claimed_org
        if claimed is None and fake is not None:
            claimed = fake.posing_as
        if self.person and n.kind is NumberKind.MOBILE and self.claimed_org is not None:
            org = self.claimed_org
            notes.insert(0, reason("person-not-line", org_zh=org.name.zh, org_en=org.name.en))
        facts = Facts(
            readable=readable(n)
            or entry is not None
            or spoof is not None
            or near is not None
            or fake is not None,
            kind=n.kind,
            space=space_of(n.canonical),
            entry=entry,
            official_form=official_form,
            claimed=claimed,
            claimed_entry=entry is not None and claimed is not None and _same_org(entry.org, claimed),
            fake=fake is not None,
            spoof=spoof,
            near=near,
            near_entry=near_entry,
            near_claimed=near_entry is not None
            and claimed is not None
            and _same_org(near_entry.org, claimed),
            incoming=self.incoming,
            person=self.person and n.kind is NumberKind.MOBILE,
            obfuscated=bool(r.folded or r.invisible),
            wrongly_attributed=bool(self.al.wrong_attributions_of(n.canonical)),
        )
        decision = decide(facts)
        v = self.word(decision, facts, n, r, notes, fake, area_code_kept)
        return attrs.evolve(v, extension=extension) if extension else v

    def port_notes(self, port: str) -> list[Reason]:
        """An SMS port often ends with the hotline of the organisation that sends from it."""
        for i in range(3, len(port) - 2):
            embedded = self.al.active(port[i:])
            if embedded is not None:
                return [
                    reason(
                        "sms-port-embeds",
                        official=embedded.number,
                        org_zh=embedded.org.name.zh,
                        org_en=embedded.org.name.en,
                    )
                ]
        return []

    def nearest(self, r: Reading, n: Number) -> Match | None:
        """The official number this one most likely imitates: among the claimed organisation's
        numbers first, then any; one edit, two for 10-digit 400/800 numbers."""
        if self.found is not None:
            return self.found
        prefer = None if self.claimed_org is None else self.owned_by_claimed
        return nearest_official(self.al.index, n.canonical, r.digits, plus=r.plus, kind=n.kind, prefer=prefer)

    def owned_by_claimed(self, official: str) -> bool:
        owner = self.al.active(official)
        claimed = self.claimed_org
        return owner is not None and claimed is not None and _same_org(owner.org, claimed)

    def menu_key(self, r: Reading) -> tuple[OfficialNumber, Number, str] | None:
        """An official number written with a menu key or extension after a dash or space.

        Sources write "95561-6" or "0755-83765566-9": what is dialled is the official
        number, then a key. Only a complete official number before the last group counts,
        so "9518812" (no separator) stays a lookalike.
        """
        m = _trailing_key().search(r.text)
        if m is None or r.extension is not None:
            return None
        tail = r.digits[-len(m.group(2)) :]  # the group's digits, already read as ASCII
        head = interpret(r.digits[: -len(tail)], plus=r.plus, region=self.region)
        entry = self.al.active(head.canonical)
        if entry is None:
            return None
        # short codes vary in length ("10086 999" is another number): after one, only a
        # single key after a dash ("95561-6") is a menu key; "95188 12" stays a lookalike
        dash = m.group(1).strip(" \t\u3000") != ""
        if head.kind not in _FIXED_LENGTH and (len(tail) > 1 or not dash):
            return None
        return entry, head, tail

    # -- wording: the policy decided; these say why, in both languages ------------------

    def word(
        self,
        d: Decision,
        f: Facts,
        n: Number,
        r: Reading,
        notes: list[Reason],
        fake: KnownFake | None,
        area_code_kept: bool,
    ) -> Verdict:
        rule = d.rule
        if rule == "unreadable":
            reasons = [invalid_reason("format"), *notes]
            return self.verdict(d.status, d.risk, None, reasons, kind=n.kind)
        if rule == "known_fake":
            assert fake is not None
            found = reason(
                "known-fake",
                number=n.canonical,
                org_zh=fake.posing_as.name.zh,
                org_en=fake.posing_as.name.en,
                note_zh=_sentence_zh(fake.note.zh),
                note_en=_sentence(fake.note.en),
            )
            return self.verdict(
                d.status,
                d.risk,
                n.canonical,
                [found._citing(fake.case), *self.call_notes(n), *notes],
                kind=n.kind,
                org=fake.posing_as,
                claimed_org=f.claimed,
                suggested=self.al.numbers_of(fake.posing_as),
            )
        if rule in ("official_form", "other_org_official"):
            assert f.entry is not None
            return self.official(d, f.entry, n, notes, area_code_kept)
        if rule == "retired":
            assert f.entry is not None
            return self.retired(d, f.entry, n, notes)
        if rule == "spoof_form":
            assert f.spoof is not None
            return self.spoof(d, f.spoof, n, r, notes)
        if rule in ("claimed_lookalike", "rentable_lookalike"):
            assert f.near is not None and f.near_entry is not None
            return self.lookalike(d, n, f.near, f.near_entry, notes)
        if rule == "allocated_neighbour":
            assert f.near_entry is not None
            entry = f.near_entry
            found = reason(
                "near-allocated",
                number=n.canonical,
                official=entry.number,
                org_zh=entry.org.name.zh,
                org_en=entry.org.name.en,
            )
            reasons = [reason("not-listed", number=n.canonical), found, kind_reason(n.kind)]
            return self.verdict(
                d.status,
                d.risk,
                n.canonical,
                [*reasons, *self.call_notes(n), *notes],
                kind=n.kind,
                suggested=(entry,),
            )
        return self.unlisted(d, n, notes)

    def verdict(
        self,
        status: Status,
        risk: Risk,
        normalized: str | None,
        reasons: list[Reason],
        *,
        kind: NumberKind | None = None,
        official: OfficialNumber | None = None,
        org: Organisation | None = None,
        claimed_org: Organisation | None = None,
        lookalike_kind: LookalikeKind | None = None,
        suggested: tuple[OfficialNumber, ...] = (),
        entry: OfficialNumber | None = None,
    ) -> Verdict:
        if self.claimed and self.claimed.strip() and self.claimed_org is None:
            reasons.append(reason("unknown-claim", claimed=_shorten(self.claimed.strip())))
        about = official.org if official is not None else (claimed_org or self.claimed_org or org)
        # a reason that cites a case cites one of the same kind as the organisation it is about
        reasons = [
            r._citing(fitting_case(r.code, about.category if about else None, about.id if about else None))
            if r.case is not None and refits(r.code)
            else r
            for r in reasons
        ]
        cited = [r.case for r in reasons if r.case]
        cases = tuple(self.al.cases[c] for c in dict.fromkeys(cited) if c in self.al.cases) if cited else ()
        if len(suggested) > 1:  # one entry per number, in order of first mention
            first: dict[str, OfficialNumber] = {}
            for x in suggested:
                first.setdefault(x.number, x)
            suggested = tuple(first.values())
        return Verdict(
            input=self.text,
            status=status,
            risk=risk,
            normalized=normalized,
            kind=kind,
            official=official,
            org=org if org is not None else (official.org if official else None),
            claimed_org=claimed_org if claimed_org is not None else self.claimed_org,
            claimed=self.claimed,
            lookalike_kind=lookalike_kind,
            incoming=self.incoming,
            reasons=tuple(reasons),
            suggested=tuple(suggested),
            cases=cases,
            allowlist=_origin(official or entry, self.al),
        )

    def claimed_numbers(self) -> tuple[OfficialNumber, ...]:
        """The claimed organisation's numbers a person can call instead, main lines first: not
        its SMS sender ports or outbound-only lines, and no more than a reply can hold."""
        if self.claimed_org is None:
            return ()
        callable_ = [n for n in self.al.numbers_of(self.claimed_org) if n.kind not in _NOT_TO_CALL]
        return tuple(callable_[:MAX_SUGGESTED])

    def official(
        self, d: Decision, entry: OfficialNumber, n: Number, notes: list[Reason], area_code_kept: bool
    ) -> Verdict:
        org = entry.org
        reasons = [
            reason(
                "official",
                number=entry.number,
                org_zh=org.name.zh,
                org_en=org.name.en,
                service_zh=entry.service.zh,
                service_en=entry.service.en,
                evidence_zh=entry.evidence.zh,
                evidence_en=entry.evidence.en,
            ),
            *self.override_notes(entry),
        ]
        if entry.evidence is Evidence.LISTED:
            reasons.insert(
                1, reason("evidence-listed", number=entry.number, org_zh=org.name.zh, org_en=org.name.en)
            )
        if area_code_kept:
            reasons.insert(1, reason("area-code-kept", prefix=n.prefix or "", number=entry.number))
        suggested: tuple[OfficialNumber, ...] = (entry,)
        claimed = self.claimed_org
        if claimed is not None and claimed.id != org.id:
            theirs = self.claimed_numbers()
            names = {
                "org_zh": org.name.zh,
                "org_en": org.name.en,
                "claimed_zh": claimed.name.zh,
                "claimed_en": claimed.name.en,
            }
            if not theirs and claimed.group is not None and claimed.group == org.group:
                reasons.append(reason("group-line", number=entry.number, **names))
            elif not theirs:
                reasons.append(reason("official-other-org-unlisted", number=entry.number, **names))
            else:
                reasons.append(
                    reason("official-other-org", number=entry.number, suggest=_numbers(theirs), **names)
                )
            reasons += self.wrong_reasons(entry.number)
            suggested = theirs + suggested
        reasons += self.call_notes(n)
        return self.verdict(
            d.status, d.risk, entry.number, reasons + notes, kind=n.kind, official=entry, suggested=suggested
        )

    def retired(self, d: Decision, entry: OfficialNumber, n: Number, notes: list[Reason]) -> Verdict:
        org = entry.org
        replacements = tuple(x for x in (self.al.active(m) for m in entry.replaced_by) if x)
        zh, en = (
            texts(
                "retired.replacement",
                numbers_zh="、".join(x.number for x in replacements),
                numbers_en=" or ".join(x.number for x in replacements),
            )
            if replacements
            else ("", "")
        )
        reasons = [
            reason(
                "retired",
                number=entry.number,
                org_zh=org.name.zh,
                org_en=org.name.en,
                replacement_zh=zh,
                replacement_en=en,
            )
        ]
        if self.incoming:
            reasons.append(reason("caller-id-spoofable"))
        return self.verdict(
            d.status,
            d.risk,
            n.canonical,
            reasons + self.override_notes(entry) + notes,
            kind=n.kind,
            org=org,
            suggested=replacements or self.claimed_numbers(),
            entry=entry,
        )

    def spoof(self, d: Decision, sp: Spoof, n: Number, r: Reading, notes: list[Reason]) -> Verdict:
        entry = sp.entry
        reasons: list[Reason] = []
        if sp.kind is LookalikeKind.LETTER_FOR_DIGIT:
            shown = [f"{describe_char(c)}→{x}" for c, x in r.letters]
            reasons.append(
                reason("letter-for-digit", letters_zh="、".join(shown), letters_en=", ".join(shown))
            )
            if entry is not None:
                reasons.append(_imitates(self.text.strip(), entry, phrase("how.letters")))
            else:
                reasons.append(kind_reason(n.kind))
        elif sp.kind is LookalikeKind.EMBEDDED:
            assert entry is not None
            tail = n.canonical[len(entry.number) :]
            reasons.append(
                _imitates(n.canonical, entry, phrase("how.embedded", official=entry.number, tail=tail))
            )
        else:
            assert entry is not None
            code = "area-code-spoof" if sp.kind is LookalikeKind.AREA_CODE else "international-spoof"
            reasons.append(
                reason(
                    code,
                    number=n.canonical if sp.prefix != "+86" else "+86" + entry.number,
                    official=entry.number,
                    prefix=sp.prefix,
                    org_zh=entry.org.name.zh,
                    org_en=entry.org.name.en,
                )
            )
        suggested = ((entry,) if entry else ()) + self.claimed_numbers()
        return self.verdict(
            d.status,
            d.risk,
            n.canonical,
            [*reasons, *self.call_notes(n), *notes],
            kind=n.kind,
            official=entry,
            lookalike_kind=sp.kind,
            suggested=suggested,
        )

    def override_notes(self, entry: OfficialNumber) -> list[Reason]:
        """Say so when this entry took a number over from the packaged list."""
        replaced = self.al.overridden(entry.number)
        if replaced is None:
            return []
        return [
            reason(
                "allowlist-override",
                number=entry.number,
                origin=entry.origin,
                org_zh=entry.org.name.zh,
                org_en=entry.org.name.en,
                base_org_zh=replaced.org.name.zh,
                base_org_en=replaced.org.name.en,
                **_list_names(replaced.origin),
            )
        ]

    def lookalike(
        self, d: Decision, n: Number, match: Match, entry: OfficialNumber, notes: list[Reason]
    ) -> Verdict:
        found = _imitates(n.canonical, entry, match)
        return self.verdict(
            d.status,
            d.risk,
            n.canonical,
            [found, *self.call_notes(n), *notes],
            kind=n.kind,
            official=entry,
            lookalike_kind=match.kind,
            suggested=(entry, *self.claimed_numbers()),
        )

    def wrong_reasons(self, number: str, *, only_claimed: bool = True) -> list[Reason]:
        """Reasons for public lists that wrongly give ``number`` to an organisation."""
        return [
            reason(
                "wrong-attribution",
                number=number,
                org_zh=w.attributed_to.name.zh,
                org_en=w.attributed_to.name.en,
                actual_zh=w.actual.zh,
                actual_en=w.actual.en,
                note_zh=_sentence_zh(w.note.zh),
                note_en=_sentence(w.note.en),
            )
            for w in self.al.wrong_attributions_of(number)
            if not only_claimed or w.attributed_to == self.claimed_org
        ]

    def call_notes(self, n: Number) -> list[Reason]:
        if not self.incoming:
            return []
        out = [reason("caller-id-spoofable")]
        if n.kind is NumberKind.ENTERPRISE_400:
            out.append(reason("incoming-400"))
        return out

    def unlisted(self, d: Decision, n: Number, notes: list[Reason]) -> Verdict:
        claimed = self.claimed_org
        wrong_reasons = self.wrong_reasons(n.canonical, only_claimed=False)
        if d.rule == "claimed_unlisted" and claimed is not None:
            theirs = self.claimed_numbers()
            names = {"number": n.canonical, "claimed_zh": claimed.name.zh, "claimed_en": claimed.name.en}
            first = (
                reason("unofficial-claim", suggest=_numbers(theirs), **names)
                if theirs
                else reason("claim-without-numbers", **names)
            )
            reasons = [first, kind_reason(n.kind, claimed=True), *wrong_reasons, *self.call_notes(n), *notes]
            return self.verdict(d.status, d.risk, n.canonical, reasons, kind=n.kind, suggested=theirs)
        reasons = [
            reason("not-listed", number=n.canonical),
            kind_reason(n.kind),
            *wrong_reasons,
            *self.call_notes(n),
            *notes,
        ]
        return self.verdict(d.status, d.risk, n.canonical, reasons, kind=n.kind)


def _imitates(number: str, entry: OfficialNumber, how: Text | Match) -> Reason:
    """The reason that ``number`` imitates the official ``entry``, and how (a match says how
    when the reason is read: wording it costs a fifth of a lookalike's verdict)."""
    if isinstance(how, Match):
        return reason_filled_later("lookalike", functools.partial(_imitation, number, entry, how))
    return reason("lookalike", **_imitation(number, entry, how))


def _imitation(number: str, entry: OfficialNumber, how: Text | Match) -> dict[str, str]:
    """The message fields of the reason ``_imitates()`` gives."""
    detail = how.detail if isinstance(how, Match) else how
    return {
        "number": number,
        "official": entry.number,
        "org_zh": entry.org.name.zh,
        "org_en": entry.org.name.en,
        "how_zh": detail.zh,
        "how_en": detail.en,
    }


def _same_org(a: Organisation, b: Organisation) -> bool:
    """One organisation, or two of one group (Taobao and Tmall Supermarket)."""
    return a.id == b.id or (a.group is not None and a.group == b.group)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _origin(entry: OfficialNumber | None, al: Allowlist) -> str:
    """The list a verdict rests on: its entry's, else the whole allowlist's."""
    return entry.origin if entry is not None and entry.origin != "<memory>" else al.origin


def _list_names(origin: str) -> dict[str, str]:
    if origin == "packaged":
        packaged = MESSAGES["label.packaged-list"]
        return {"base_zh": packaged.zh, "base_en": packaged.en}
    return {"base_zh": f" {origin} ", "base_en": origin}


def _shorten(text: str, limit: int = 60) -> str:
    """Text as quoted in a message: a long claim is cut, not repeated in full."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sentence_zh(text: str) -> str:
    text = text.strip()
    return text + ("" if text.endswith(("。", "！", "？")) else "。")


def _numbers(entries: tuple[OfficialNumber, ...]) -> str:
    return " / ".join(x.number for x in entries)


def _reading_notes(r: Reading) -> list[Reason]:
    notes = []
    if r.folded:
        notes.append(reason("folded-digits", chars=", ".join(describe_char(c) for c in r.folded)))
    if r.invisible:
        notes.append(reason("invisible-characters", chars=", ".join(describe_char(c) for c in r.invisible)))
    return notes
