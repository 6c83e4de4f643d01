"""verify(): the verdict on one number.

The order of the rules is the heart of it: an exact allowlist hit is decided before
any lookalike rule, so official numbers one digit apart (95588 / 95599) never flag
each other.

>>> v = verify("400-123-4567", claimed="淘宝")
>>> v.status, v.risk
(<Status.UNOFFICIAL: 'unofficial'>, <Risk.HIGH: 'high'>)
>>> verify("９５１８８").official.org.name.en
'Alipay'
>>> verify("95818").lookalike_kind
<LookalikeKind.TRANSPOSITION: 'transposition'>
"""

from __future__ import annotations

import re

import attrs
import phonenumbers

from ._allowlist import Allowlist, packaged_allowlist
from ._lookalike import Match
from ._model import LookalikeKind, NumberKind, OfficialNumber, Organisation, Reason, Risk, Status
from ._normalize import Number, Reading, describe_char, interpret, message, read, readable
from ._reasons import kind_reason, reason
from ._verdict import Verdict

__all__ = ["verify"]

_MEDIUM_KINDS = frozenset(
    {
        NumberKind.ENTERPRISE_400,
        NumberKind.TOLL_FREE_800,
        NumberKind.INTERNATIONAL,
        NumberKind.AREA_CODE_SHORT,
        NumberKind.OTHER,
    }
)
_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)
_OBFUSCATION = frozenset({"folded-digits", "invisible-characters"})
# a last group of one to four digits after a dash or a space: "95561-6", "0755-83765566-9"
_TRAILING_KEY = re.compile(r"[0-9０-９]([ \t\u3000\-－‐‑–—]+)([0-9０-９]{1,4})[ \t\u3000]*$")
_FIXED_LENGTH = frozenset(
    {NumberKind.ENTERPRISE_400, NumberKind.TOLL_FREE_800, NumberKind.MOBILE, NumberKind.LANDLINE}
)
_SPOOF_REASON = {
    LookalikeKind.AREA_CODE: "area-code-spoof",
    LookalikeKind.INTERNATIONAL: "international-spoof",
}


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
    al, region = options(region, allowlist)
    return judge(number, claimed, resolve_claim(al, claimed), region=region, allowlist=al, incoming=incoming)


def options(region: str, allowlist: Allowlist | None) -> tuple[Allowlist, str]:
    """The allowlist and region a call uses, checked once (batches share them)."""
    if not isinstance(region, str):
        raise TypeError(f"region must be a str, not {type(region).__name__}")
    al = packaged_allowlist() if allowlist is None else allowlist
    if not isinstance(al, Allowlist):
        raise TypeError(f"allowlist must be an Allowlist from load_allowlist(), not {type(al).__name__}")
    code = region.upper()
    if code not in _REGIONS:
        shown = region if len(region) <= 12 else region[:12] + "…"
        raise ValueError(f'Unknown region "{shown}": give a two-letter region code such as "CN" or "HK".')
    return al, code


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
) -> Verdict:
    """[`verify()`][hotline_verify.verify] once its options are checked and resolved by ``options()``."""
    return _Judge(allowlist, number, claimed, claimed_org, region, incoming).run(read(number))


@attrs.define
class _Judge:
    al: Allowlist
    text: str
    claimed: str | None
    claimed_org: Organisation | None
    region: str
    incoming: bool

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
        lookalike_kind: LookalikeKind | None = None,
        suggested: tuple[OfficialNumber, ...] = (),
        extension: str | None = None,
        entry: OfficialNumber | None = None,
    ) -> Verdict:
        if self.claimed and self.claimed.strip() and self.claimed_org is None:
            reasons.append(reason("unknown-claim", claimed=_shorten(self.claimed.strip())))
        cited = [r.case for r in reasons if r.case]
        cases = tuple(self.al.cases[c] for c in dict.fromkeys(cited) if c in self.al.cases) if cited else ()
        if len(suggested) > 1:  # one entry per number, in order of first mention
            first: dict[str, OfficialNumber] = {}
            for n in suggested:
                first.setdefault(n.number, n)
            suggested = tuple(first.values())
        return Verdict(
            input=self.text,
            status=status,
            risk=risk,
            normalized=normalized,
            kind=kind,
            official=official,
            org=org if org is not None else (official.org if official else None),
            claimed_org=self.claimed_org,
            claimed=self.claimed,
            lookalike_kind=lookalike_kind,
            extension=extension,
            incoming=self.incoming,
            reasons=tuple(reasons),
            suggested=tuple(suggested),
            cases=cases,
            allowlist=_origin(official or entry, self.al),
        )

    def claimed_numbers(self) -> tuple[OfficialNumber, ...]:
        return self.al.numbers_of(self.claimed_org) if self.claimed_org else ()

    def run(self, r: Reading) -> Verdict:
        notes = _reading_notes(r)
        if r.error:
            detail = message(r.error)
            return self.verdict(
                Status.INVALID,
                Risk.LOW,
                None,
                [Reason(f"invalid-{r.error}", *_invalid_texts(r.error, detail)), *notes],
            )
        n = interpret(r.digits, plus=r.plus, region=self.region)
        if n.secondary_prefix:
            notes.append(reason("secondary-prefix", prefix=n.secondary_prefix))
        if r.extension:
            notes.append(reason("extension", extension=r.extension))
        if r.letters:
            return self.letters(r, n, notes)
        v = self.judge(r, n, notes)
        return attrs.evolve(v, extension=r.extension) if r.extension else v

    def letters(self, r: Reading, n: Number, notes: list[Reason]) -> Verdict:
        shown = [f"{describe_char(c)}→{d}" for c, d in r.letters]
        letter_reason = reason("letter-for-digit", letters_zh="、".join(shown), letters_en=", ".join(shown))
        inner = self.judge(r, n, [])
        official = inner.official if inner.status in (Status.OFFICIAL, Status.LOOKALIKE) else None
        reasons = [letter_reason]
        if official is not None:
            reasons.append(
                reason(
                    "lookalike",
                    number=self.text.strip(),
                    official=official.number,
                    org_zh=official.org.name.zh,
                    org_en=official.org.name.en,
                    how_zh="用字母代替了数字",
                    how_en="letters in place of digits",
                )
            )
        reasons += [x for x in inner.reasons if x.code not in ("official", "not-listed")]
        suggested = ((official,) if official else ()) + self.claimed_numbers()
        return self.verdict(
            Status.LOOKALIKE,
            Risk.HIGH,
            n.canonical,
            reasons + notes,
            kind=n.kind,
            official=official,
            lookalike_kind=LookalikeKind.LETTER_FOR_DIGIT,
            suggested=suggested,
            extension=r.extension,
        )

    def judge(self, r: Reading, n: Number, notes: list[Reason]) -> Verdict:
        al = self.al
        entry = al.lookup(n.canonical)
        if entry is not None:
            return self.listed(entry, n, notes)
        fake = al.known_fake(n.canonical)
        if fake is not None:
            if self.claimed_org is None:
                self.claimed_org = fake.posing_as
            found = reason(
                "known-fake",
                number=n.canonical,
                org_zh=fake.posing_as.name.zh,
                org_en=fake.posing_as.name.en,
                note_zh=_sentence_zh(fake.note.zh),
                note_en=_sentence(fake.note.en),
            )
            return self.verdict(
                Status.UNOFFICIAL,
                Risk.HIGH,
                n.canonical,
                [attrs.evolve(found, case=fake.case), *self.call_notes(n), *notes],
                kind=n.kind,
                org=fake.posing_as,
                suggested=al.numbers_of(fake.posing_as),
            )
        if n.inner is not None:
            structural = self.structural(r, n, notes)
            if structural is not None:
                return structural
        if n.kind is NumberKind.SMS_PORT:
            embedded = next(
                filter(None, (al.active(n.canonical[i:]) for i in range(3, len(n.canonical) - 2))), None
            )
            if embedded is not None:
                notes.append(
                    reason(
                        "sms-port-embeds",
                        official=embedded.number,
                        org_zh=embedded.org.name.zh,
                        org_en=embedded.org.name.en,
                    )
                )
            # a port that embeds a hotline is no spoof, but one edit from an official number is
            near = al.index.neighbours(n.canonical)
            if near:
                return self.lookalike(n, near[0], notes)
        else:
            match = al.index.find(n.canonical)
            if match is None and r.digits != n.canonical and not r.plus:
                match = al.index.find(r.digits)
            if match is not None:
                # an official number and a menu key first reads as a number near an official one
                keyed = self.menu_key(r, notes)
                return keyed if keyed is not None else self.lookalike(n, match, notes)
        return self.unlisted(n, notes)

    def menu_key(self, r: Reading, notes: list[Reason]) -> Verdict | None:
        """An official number written with a menu key or extension after a dash or space.

        Sources write "95561-6" or "0755-83765566-9": what is dialled is the official
        number, then a key. Only a complete official number before the last group counts,
        so "9518812" (no separator) stays a lookalike.
        """
        m = _TRAILING_KEY.search(r.text)
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
        v = self.listed(entry, head, [reason("extension", extension=tail), *notes])
        return attrs.evolve(v, extension=tail)

    def listed(self, entry: OfficialNumber, n: Number, notes: list[Reason]) -> Verdict:
        org = entry.org
        if not entry.active:
            replacements = tuple(x for x in (self.al.active(m) for m in entry.replaced_by) if x)
            zh = "，请改打 " + "、".join(x.number for x in replacements) if replacements else ""
            en = "; call " + " or ".join(x.number for x in replacements) + " instead" if replacements else ""
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
                Status.UNOFFICIAL,
                Risk.HIGH,
                n.canonical,
                reasons + self.override_notes(entry) + notes,
                kind=n.kind,
                org=org,
                suggested=replacements + self.claimed_numbers(),
                entry=entry,
            )
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
        risk = Risk.LOW
        if self.incoming:
            reasons.append(reason("caller-id-spoofable"))
            if n.kind is NumberKind.ENTERPRISE_400:
                reasons.append(reason("incoming-400"))
                risk = Risk.MEDIUM
        return self.verdict(
            Status.OFFICIAL,
            risk,
            entry.number,
            reasons + notes,
            kind=n.kind,
            official=entry,
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

    def structural(self, r: Reading, n: Number, notes: list[Reason]) -> Verdict | None:
        """An area code or ``+``/``00`` in front of a listed service number."""
        assert n.inner is not None
        entry = self.al.active(n.inner)
        if entry is None:
            return None
        with_area_code = n.kind in (NumberKind.AREA_CODE_SHORT, NumberKind.LOCAL_96)
        if with_area_code and entry.scope != "national":
            v = self.listed(entry, Number(entry.number, n.kind), notes)
            extra = reason("area-code-kept", prefix=n.prefix, number=entry.number)
            return attrs.evolve(v, reasons=(*v.reasons[:1], extra, *v.reasons[1:]))
        kind = LookalikeKind.AREA_CODE if with_area_code else LookalikeKind.INTERNATIONAL
        prefix = n.prefix if kind is LookalikeKind.AREA_CODE else ("+" if r.plus else "00")
        spoof = reason(
            _SPOOF_REASON[kind],
            number=n.canonical,
            official=entry.number,
            prefix=prefix,
            org_zh=entry.org.name.zh,
            org_en=entry.org.name.en,
        )
        return self.verdict(
            Status.LOOKALIKE,
            Risk.HIGH,
            n.canonical,
            [spoof, *self.call_notes(n), *notes],
            kind=n.kind,
            official=entry,
            lookalike_kind=kind,
            suggested=(entry, *self.claimed_numbers()),
        )

    def lookalike(self, n: Number, match: Match, notes: list[Reason]) -> Verdict:
        entry = self.al.active(match.official)
        assert entry is not None
        found = reason(
            "lookalike",
            number=n.canonical,
            official=entry.number,
            org_zh=entry.org.name.zh,
            org_en=entry.org.name.en,
            how_zh=match.detail.zh,
            how_en=match.detail.en,
        )
        return self.verdict(
            Status.LOOKALIKE,
            Risk.HIGH,
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

    def unlisted(self, n: Number, notes: list[Reason]) -> Verdict:
        claimed = self.claimed_org
        if not readable(n):
            return self.verdict(
                Status.INVALID,
                Risk.LOW,
                None,
                [Reason("invalid-format", *_invalid_texts("format", message("format"))), *notes],
                kind=n.kind,
            )
        wrong_reasons = self.wrong_reasons(n.canonical, only_claimed=False)
        if claimed is not None:
            theirs = self.claimed_numbers()
            names = {"number": n.canonical, "claimed_zh": claimed.name.zh, "claimed_en": claimed.name.en}
            first = (
                reason("unofficial-claim", suggest=_numbers(theirs), **names)
                if theirs
                else reason("claim-without-numbers", **names)
            )
            reasons = [first, kind_reason(n.kind, claimed=True), *wrong_reasons, *self.call_notes(n), *notes]
            return self.verdict(
                Status.UNOFFICIAL, Risk.HIGH, n.canonical, reasons, kind=n.kind, suggested=theirs
            )
        obfuscated = any(r.code in _OBFUSCATION for r in notes)
        risk = Risk.MEDIUM if n.kind in _MEDIUM_KINDS or wrong_reasons or obfuscated else Risk.LOW
        if self.incoming and n.kind is NumberKind.ENTERPRISE_400:
            risk = Risk.HIGH
        reasons = [
            reason("not-listed", number=n.canonical),
            kind_reason(n.kind),
            *wrong_reasons,
            *self.call_notes(n),
            *notes,
        ]
        return self.verdict(Status.UNKNOWN, risk, n.canonical, reasons, kind=n.kind)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _origin(entry: OfficialNumber | None, al: Allowlist) -> str:
    """The list a verdict rests on: its entry's, else the whole allowlist's."""
    return entry.origin if entry is not None and entry.origin != "<memory>" else al.origin


def _list_names(origin: str) -> dict[str, str]:
    if origin == "packaged":
        return {"base_zh": "内置名单", "base_en": "the packaged allowlist"}
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


INVALID_ZH = {
    "empty": "号码是空的。",
    "no-digits": "里面没有数字，不是电话号码。",
    "too-short": "数字太少，不是电话号码。",
    "too-long": "内容太长，不是一个电话号码。",
    "masked": "号码被打了码（数字换成了 X 或 *），无法核对；打码的号码不可能是可拨打的官方号码。",
    "letters": "应该是数字的地方出现了文字，不是电话号码。",
    "format": "这些数字不符合任何已知的电话号码格式。",
}


def _invalid_texts(code: str, detail_en: str) -> tuple[str, str]:
    r = reason("invalid", detail_zh=INVALID_ZH.get(code, INVALID_ZH["format"]), detail_en=detail_en)
    return r.message_zh, r.message_en
