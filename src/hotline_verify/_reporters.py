"""Reporters for ``hotline-verify scan``: text, JSON and SARIF 2.1.0.

Each takes what ``check_files()`` found and returns the whole output as a string, so the
output is deterministic and a machine format never carries a banner.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from ._files import CheckedFiles, Encoding, FileFinding, Skipped
from ._verdict import summary

__all__ = ["REPORTERS", "report_json", "report_sarif", "report_text"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def report_text(checked: CheckedFiles, /, *, lang: str = "zh") -> str:
    """``path:line:col: CODE message`` per finding, then a note per file not read as UTF-8.

    Skipped and failed files are the command's to report on standard error.
    """
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message(lang)}" for f in checked.findings]
    lines += [
        f"{path}: note: read as {encoding.name}"
        for path, encoding in sorted(checked.encodings.items())
        if encoding.name != "UTF-8"
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def _finding_dict(f: FileFinding, encoding: Encoding | None, lang: str) -> dict[str, Any]:
    """Where the finding is, then the verdict's summary (``Verdict.to_dict()`` flattened)."""
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_column": f.end_column,
        "code": f.code,
        "text": f.finding.text,
        **summary(f.finding.verdict),
        "message": f.message(lang),
        "baseline_key": f.key,
        "encoding": encoding.name if encoding else None,
    }


def report_json(checked: CheckedFiles, /, *, lang: str = "zh") -> str:
    """Every finding, every file read (with its encoding), skipped and failed files."""
    data = {
        "version": 1,
        "findings": [_finding_dict(f, checked.encodings.get(f.path), lang) for f in checked.findings],
        "files": [
            {"path": path, "encoding": encoding.name, "bom": bool(encoding.bom)}
            for path, encoding in sorted(checked.encodings.items())
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in checked.skipped],
        "errors": [{"path": s.path, "reason": s.reason} for s in checked.failed],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    """A relative URI reference for a path (spaces and other characters percent-encoded)."""
    return quote(path.replace("\\", "/"), safe="/")


def _notification(s: Skipped, level: str) -> dict[str, Any]:
    return {
        "level": level,
        "message": {"text": f"{s.path}: {s.reason}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(s.path)}}}],
    }


def _tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hotline-verify")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0"


def _properties(f: FileFinding) -> dict[str, str]:
    v = f.finding.verdict
    props = {"status": v.status.value}
    if v.evidence is not None:
        props["evidence"] = v.evidence.value
    return props


def report_sarif(checked: CheckedFiles, /, *, lang: str = "zh") -> str:
    """SARIF 2.1.0; a file that could not be checked makes the run unsuccessful, with a notification."""
    findings = checked.findings
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
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {"startLine": f.line, "startColumn": f.column, "endColumn": f.end_column},
                    }
                }
            ],
            "partialFingerprints": {"hotlineVerify/v1": f.key},
            "properties": _properties(f),
        }
        for f in findings
    ]
    notifications = [_notification(s, "error") for s in checked.failed]
    notifications += [_notification(s, "note") for s in checked.skipped]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "hotline-verify",
                "version": _tool_version(),
                "rules": rules,
            }
        },
        # columns count characters of the decoded text, whatever the file's encoding
        "columnKind": "unicodeCodePoints",
        "artifacts": [
            {"location": {"uri": _uri(path)}, "encoding": encoding.name}
            for path, encoding in sorted(checked.encodings.items())
        ],
        "results": results,
        "invocations": [
            {"executionSuccessful": not checked.failed, "toolExecutionNotifications": notifications}
        ],
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
