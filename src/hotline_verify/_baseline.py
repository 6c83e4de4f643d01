"""Baselines for ``hotline-verify scan``: findings accepted once, keyed by content.

A key is made of the path, the number and the line's text with spaces collapsed, so
edits elsewhere in the file (or lines moving) do not resurrect a baselined finding.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ._exceptions import HotlineVerifyError
from ._files import FileFinding

__all__ = ["BaselineError", "read_baseline", "write_baseline"]


class BaselineError(HotlineVerifyError, ValueError):
    """A baseline file cannot be read."""


def read_baseline(path: str, /) -> frozenset[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return frozenset(entry["key"] for entry in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a readable baseline file ({exc})") from None


def write_baseline(path: str, findings: Sequence[FileFinding], /) -> None:
    data = {
        "version": 1,
        "findings": sorted(
            (
                {
                    "key": f.key,
                    "path": f.path,
                    "number": f.finding.verdict.normalized or f.finding.text,
                    "code": f.code,
                }
                for f in findings
            ),
            key=lambda e: (e["path"], e["number"], e["key"]),
        ),
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
