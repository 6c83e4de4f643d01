"""Call-blocker rules: block whole number spaces of the numbering plan, never an official number.

A rule set is an allow rule for every active official number (and each form it publishes),
then block rules for the spaces chosen. A blocker that applies the first rule that matches
therefore lets every official number through, however broad the blocks after it are.
Each block rule spells out the length of the numbers it takes, one ``?`` per digit, so that
the 8-digit call-centre block ``95??????`` can never take a bank's 5-digit ``95588``.

>>> from hotline_verify import export_block_rules
>>> text = export_block_rules(spaces=["call-centre"], format="wildcard")
>>> "!95588" in text.splitlines(), "95??????" in text.splitlines()
(True, True)
>>> text.index("!95588") < text.index("95??????")
True
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator

import attrs

from ._allowlist import Allowlist, packaged_allowlist
from ._model import OfficialNumber, Text
from ._numbering import Space, space_named
from ._reasons import phrase

__all__ = ["CHOICES", "DEFAULT_SPACES", "FORMATS", "Rule", "export_block_rules", "rules"]

# What a user can choose to block, by name, and the plan's spaces behind each name.
CHOICES: dict[str, tuple[str, ...]] = {
    "call-centre": ("call-centre-95-8", "call-centre-96-8"),
    "sms": ("sms-106",),
    "unlisted-400": ("enterprise-400", "enterprise-800"),
    "carrier-1010": ("service-1010-8",),
}
DEFAULT_SPACES = ("call-centre", "sms", "unlisted-400")
FORMATS = ("csv", "wildcard")
CSV_COLUMNS = ("pattern", "wildcard", "action", "label", "reason", "description", "priority", "isBlacklist")
# Blockers that sort by priority check the higher number first: allows must win.
_PRIORITY = {"allow": "2", "block": "1"}


@attrs.frozen
class Rule:
    """One rule: a whole number as digits and ``?`` (exactly one digit each), allow or block."""

    wildcard: str
    action: str  # "allow" or "block"
    label: str
    reason: str

    @property
    def regex(self) -> str:
        """The same rule as a regular expression matched against the whole number.

        Blockers that drop a leading ``+`` and leading zeros before matching still match:
        those characters are optional in the expression.

        >>> Rule("95??????", "block", "", "").regex
        '95\\\\d{6}'
        >>> Rule("02095508", "allow", "", "").regex, Rule("+861012308", "allow", "", "").regex
        ('0?2095508', '\\\\+?861012308')
        """
        head = ""
        body = self.wildcard
        if body.startswith("+"):
            head, body = r"\+?", body[1:]
        zeros = len(body) - len(body.lstrip("0"))
        if zeros:
            head += "0?" if zeros == 1 else f"0{{0,{zeros}}}"
            body = body[zeros:]
        for char, run in itertools.groupby(body):
            n = len(list(run))
            if char != "?":
                head += char * n
            else:
                head += r"\d" if n == 1 else rf"\d{{{n}}}"
        return head


def export_block_rules(
    *,
    spaces: Iterable[str] = DEFAULT_SPACES,
    allowlist: Allowlist | None = None,
    format: str = "csv",
) -> str:
    """Rules for a call blocker: allow every active official number, then block ``spaces``.

    ``spaces`` names what to block: ``call-centre`` (8-digit 95 and 96 numbers), ``sms``
    (106 sender ports), ``unlisted-400`` (400 and 800 numbers that are not official) and
    ``carrier-1010`` (8-digit 1010 numbers). ``format`` is ``"csv"`` (a header row and one
    row per rule, CRLF line ends) or ``"wildcard"`` (one pattern per line, allows first and
    marked ``!``). An unknown space or format raises ``ValueError``.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of: {', '.join(FORMATS)}")
    chosen = rules(spaces=spaces, allowlist=allowlist)
    return _csv(chosen) if format == "csv" else _wildcard(chosen)


def rules(*, spaces: Iterable[str] = DEFAULT_SPACES, allowlist: Allowlist | None = None) -> tuple[Rule, ...]:
    """The rules in the order a blocker must apply them: every allow, then every block."""
    names = _names(spaces)
    al = packaged_allowlist() if allowlist is None else allowlist
    if not isinstance(al, Allowlist):
        raise TypeError(f"allowlist must be an Allowlist from load_allowlist(), not {type(al).__name__}")
    allows: dict[str, Rule] = {}
    for entry in al.numbers:
        if entry.active:  # a retired number may belong to someone else by now
            for rule in _allows(entry):
                allows.setdefault(rule.wildcard, rule)
    blocks = [rule for name in names for space_id in CHOICES[name] for rule in _blocks(space_named(space_id))]
    return (*sorted(allows.values(), key=lambda r: r.wildcard), *blocks)


def _names(spaces: Iterable[str]) -> tuple[str, ...]:
    names = (spaces,) if isinstance(spaces, str) else tuple(spaces)
    unknown = [n for n in names if n not in CHOICES]
    if unknown:
        raise ValueError(f"unknown space {unknown[0]!r}; choose from: {', '.join(CHOICES)}")
    if not names:
        raise ValueError(f"choose at least one space to block: {', '.join(CHOICES)}")
    return tuple(dict.fromkeys(names))


def _allows(entry: OfficialNumber) -> Iterator[Rule]:
    org = entry.org.name
    label = _both(Text(f"{org.zh} · {entry.service.zh}", f"{org.en} · {entry.service.en}"))
    grade = entry.evidence.value
    yield Rule(entry.number, "allow", label, _both(phrase("blocker.allow", grade=grade)))
    for form in entry.forms:
        why = phrase("blocker.allow-form", number=entry.number, grade=grade)
        yield Rule(form, "allow", label, _both(why))


def _blocks(space: Space) -> Iterator[Rule]:
    reason = _both(_why(space))
    for length in sorted(space.lengths):
        yield Rule(space.prefix + "?" * (length - len(space.prefix)), "block", _both(space.name), reason)


def _why(space: Space) -> Text:
    """Why a space is worth blocking, from what the plan says about it."""
    parts = [
        phrase(code)
        for code, applies in (
            ("blocker.rentable", space.rentable),
            ("blocker.marketing", space.outbound_marketing),
            ("blocker.not-callable", not space.callable),
            # 400/800: official lines take calls and do not call out; the official ones are allowed above
            ("blocker.no-outbound", space.rentable and not space.outbound_marketing),
        )
        if applies
    ]
    return Text("，".join(p.zh for p in parts), "; ".join(p.en for p in parts))


def _both(text: Text) -> str:
    return text.zh if text.zh == text.en else f"{text.zh} / {text.en}"


def _csv(chosen: Iterable[Rule]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rule in chosen:
        blacklist = "true" if rule.action == "block" else "false"
        writer.writerow(
            (
                rule.regex,
                rule.wildcard,
                rule.action,
                rule.label,
                rule.reason,
                rule.label,
                _PRIORITY[rule.action],
                blacklist,
            )
        )
    return out.getvalue()


def _wildcard(chosen: Iterable[Rule]) -> str:
    # no comment lines: some blockers read # as a digit wildcard and would import them as rules
    return "".join(("!" if rule.action == "allow" else "") + rule.wildcard + "\n" for rule in chosen)
