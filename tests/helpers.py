"""Builders for small allowlists in tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def source(where: str = "https://example.org/contact", kind: str = "official-site") -> dict[str, str]:
    return {"kind": kind, "url": where, "says": "lists the number", "read": "2026-11-26"}


def entry(number: str, org: str, **extra: Any) -> dict[str, Any]:
    data = {
        "number": number,
        "org": org,
        "status": "active",
        "kind": "hotline",
        "scope": "national",
        "service": {"zh": "客服热线", "en": "customer service"},
        "handles": {"zh": "一般问题", "en": "general questions"},
        "sources": [source()],
    }
    data.update(extra)
    return data


def org(id: str, zh: str, en: str, *aliases: str, **extra: Any) -> dict[str, Any]:
    return {"id": id, "name": {"zh": zh, "en": en}, "aliases": list(aliases), **extra}


def allowlist_data(orgs: list[dict[str, Any]], numbers: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "format": "hotline-verify-allowlist",
        "version": 1,
        "updated": "2026-11-26",
        "organisations": orgs,
        "numbers": numbers,
        **extra,
    }


def warns(verdict: Any) -> bool:
    """Whether a verdict on a variant of an official number warns the user: a lookalike, or
    (for a regulator-allocated short code, which no scammer can rent) an unknown number
    that names the near official one."""
    import hotline_verify as hv

    if verdict.status is hv.Status.LOOKALIKE:
        return True
    return (
        verdict.status is hv.Status.UNKNOWN and "near-allocated" in verdict.codes and bool(verdict.suggested)
    )
