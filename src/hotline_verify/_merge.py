"""Layering an organisation's own allowlist on top of another (usually the packaged one).

A list may ADD numbers, organisations, names, fakes and cases. It may not silently
take over what the base list says: a number the base gives to another organisation
(or marks otherwise active/retired), a number the base records as a known fake (or
the reverse), or a name the base gives to another organisation (a claim of "淘宝"
would then resolve to the newcomer). Each of these is an [`AllowlistError`][hotline_verify.AllowlistError]
naming the file, the place in it, the number or name and both organisations, unless
``override=True``; then the added list wins, and the base entry it replaced stays
recorded ([`overridden()`][hotline_verify.Allowlist.overridden]) so verdicts can say so.

>>> from hotline_verify._allowlist import build, packaged_allowlist
>>> mine = build({"format": "hotline-verify-allowlist", "version": 1,
...     "organisations": [{"id": "acme", "name": {"zh": "阿克米", "en": "Acme"}, "aliases": []}],
...     "numbers": [{"number": "4001234567", "org": "acme", "status": "active", "kind": "hotline",
...                  "scope": "national", "service": {"zh": "客服", "en": "service"},
...                  "handles": {"zh": "问题", "en": "questions"},
...                  "sources": [{"kind": "official-site", "url": "https://acme.example",
...                               "read": "2026-11-26"}]}]}, origin="acme.json")
>>> both = merge_allowlists(packaged_allowlist(), mine)
>>> both.lookup("4001234567").origin, both.lookup("95188").origin
('acme.json', 'packaged')
"""

from __future__ import annotations

import attrs

from ._allowlist import Allowlist, KnownFake, alias_key, assemble, names_of
from ._exceptions import AllowlistError
from ._model import Case, OfficialNumber, Organisation

__all__ = ["merge_allowlists"]


def _who(org: Organisation) -> str:
    return f'"{org.name.en}" ({org.id})'


def _list(origin: str) -> str:
    return "the packaged allowlist" if origin == "packaged" else origin


def merge_allowlists(base: Allowlist, extra: Allowlist, /, *, override: bool = False) -> Allowlist:
    """``base`` with ``extra`` layered on top; see the module documentation.

    Entries keep their ``origin``; the result's ``origin`` names both lists. The
    same fact in both lists (same number, organisation and status) keeps the base
    entry, with its sources.
    """
    if not isinstance(base, Allowlist) or not isinstance(extra, Allowlist):
        raise TypeError("merge_allowlists() takes two Allowlist objects")
    theirs = _list(base.origin)
    conflicts: list[tuple[str, str]] = []

    # organisations: an id in both lists is one organisation, with the names of both
    orgs: dict[str, Organisation] = {o.id: o for o in base.organisations}
    owner: dict[str, str] = {key: org.id for key, org in base.alias_keys.items()}
    for i, org in enumerate(extra.organisations):
        for name in names_of(org):
            key = alias_key(name)
            if owner.get(key, org.id) != org.id:
                conflicts.append(
                    (
                        f"/organisations/{i}",
                        f'the name "{name}" of {_who(org)} already belongs to '
                        f"{_who(orgs[owner[key]])} in {theirs}",
                    )
                )
                if not override:
                    continue
            owner[key] = org.id
        known = orgs.get(org.id)
        if known is None:
            orgs[org.id] = org
        else:
            added = tuple(n for n in names_of(org) if n not in names_of(known))
            orgs[org.id] = attrs.evolve(known, aliases=known.aliases + added)

    def repoint(org: Organisation) -> Organisation:
        return orgs[org.id]

    # numbers and known fakes: additions are free, takeovers need override
    numbers: dict[str, OfficialNumber] = {n.number: attrs.evolve(n, org=repoint(n.org)) for n in base.numbers}
    fakes: dict[str, KnownFake] = {
        f.number: attrs.evolve(f, posing_as=repoint(f.posing_as)) for f in base.known_fakes
    }
    replaced: dict[str, OfficialNumber] = {}
    for i, entry in enumerate(extra.numbers):
        entry = attrs.evolve(entry, org=repoint(entry.org))
        old = numbers.get(entry.number)
        fake = fakes.get(entry.number)
        where = f"/numbers/{i}/number"
        if fake is not None:
            conflicts.append(
                (
                    where,
                    f"the number {entry.number} is given to {_who(entry.org)}, but {theirs} "
                    f"records it as a known fake posing as {_who(fake.posing_as)}",
                )
            )
            if override:
                del fakes[entry.number]
                numbers[entry.number] = entry
            continue
        if old is None:
            numbers[entry.number] = entry
            continue
        if old.org.id == entry.org.id and old.status == entry.status:
            continue  # the same fact twice
        if old.org.id != entry.org.id:
            message = (
                f"the number {entry.number} is given to {_who(entry.org)}, but {theirs} gives it to "
                f"{_who(old.org)}"
            )
        else:
            message = (
                f"the number {entry.number} of {_who(entry.org)} is {entry.status} here, but "
                f"{old.status} in {theirs}"
            )
        conflicts.append((where, message))
        if override:
            numbers[entry.number] = entry
            replaced[entry.number] = old
    for i, fake in enumerate(extra.known_fakes):
        fake = attrs.evolve(fake, posing_as=repoint(fake.posing_as))
        old = numbers.get(fake.number)
        if old is not None and old.origin != extra.origin:
            conflicts.append(
                (
                    f"/known_fakes/{i}/number",
                    f"the number {fake.number} is recorded as a fake posing "
                    f"as {_who(fake.posing_as)}, but {theirs} gives it to {_who(old.org)}",
                )
            )
            if not override:
                continue
            replaced[fake.number] = numbers.pop(fake.number)
        fakes.setdefault(fake.number, fake)

    cases: dict[str, Case] = dict(base.cases)
    for i, (case_id, case) in enumerate(extra.cases.items()):
        if cases.get(case_id, case) != case:
            conflicts.append(
                (f"/cases/{i}/id", f'the case id "{case_id}" is already used in {theirs} for another case')
            )
            if not override:
                continue
        cases[case_id] = case

    if conflicts and not override:
        pointer, message = conflicts[0]
        more = f" (and {len(conflicts) - 1} more conflicts)" if len(conflicts) > 1 else ""
        path = None if extra.origin == "<memory>" else extra.origin
        raise AllowlistError(
            f"{extra.origin}: {pointer}: {message}; pass override=True to let this list win{more}",
            path=path,
            problems=tuple(conflicts),
        )
    wrong = tuple(
        attrs.evolve(w, attributed_to=repoint(w.attributed_to))
        for w in base.wrong_attributions + extra.wrong_attributions
    )
    return assemble(
        tuple(orgs.values()),
        tuple(numbers.values()),
        tuple(fakes.values()),
        wrong,
        cases,
        origin=f"{base.origin} + {extra.origin}",
        aliases={key: orgs[org_id] for key, org_id in owner.items()},
        overridden={**base.overrides, **replaced},
    )
