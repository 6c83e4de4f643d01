"""Reporters for ``hotline-verify scan``: text, JSON and SARIF 2.1.0.

Each takes the collected findings and returns the whole output as a string, so the
output is deterministic and a machine format never carries a banner.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ._files import FileFinding, Skipped

__all__ = ["REPORTERS", "report_json", "report_sarif", "report_text"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/hotline-verify/"


def report_text(findings: Sequence[FileFinding], skipped: Sequence[Skipped], *, lang: str = "en") -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message(lang)}" for f in findings]
    return "\n".join(lines) + ("\n" if lines else "")


def _finding_dict(f: FileFinding, lang: str) -> dict[str, Any]:
    v = f.finding.verdict
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_column": f.end_column,
        "code": f.code,
        "status": v.status.value,
        "text": f.finding.text,
        "normalized": v.normalized,
        "official": v.official.number if v.official else None,
        "claimed_org": v.claimed_org.id if v.claimed_org else None,
        "suggested": [n.number for n in v.suggested],
        "message": f.message(lang),
        "baseline_key": f.key,
    }


def report_json(findings: Sequence[FileFinding], skipped: Sequence[Skipped], *, lang: str = "en") -> str:
    data = {
        "version": 1,
        "findings": [_finding_dict(f, lang) for f in findings],
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_sarif(findings: Sequence[FileFinding], skipped: Sequence[Skipped], *, lang: str = "en") -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        tool_version = version("hotline-verify")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        tool_version = "0"
    codes = sorted({f.code for f in findings})
    rules = [
        {
            "id": code,
            "name": code.replace("-", " ").title().replace(" ", ""),
            "shortDescription": {"text": _rule_text(code)},
            "defaultConfiguration": {"level": "error"},
        }
        for code in codes
    ]
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": "error",
            "message": {"text": f.message(lang)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path.replace("\\", "/")},
                        "region": {"startLine": f.line, "startColumn": f.column, "endColumn": f.end_column},
                    }
                }
            ],
            "partialFingerprints": {"hotlineVerify/v1": f.key},
        }
        for f in findings
    ]
    notifications = [{"level": "note", "message": {"text": f"{s.path}: {s.reason}"}} for s in skipped]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "hotline-verify",
                "version": tool_version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "results": results,
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
    }
    return (
        json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
        + "\n"
    )


def _rule_text(code: str) -> str:
    return code.replace("-", " ").capitalize()


REPORTERS: Mapping[str, Callable[..., str]] = MappingProxyType(
    {"text": report_text, "json": report_json, "sarif": report_sarif}
)
