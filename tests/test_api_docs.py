"""The API reference names every public name, and the public API is the binding one."""

from __future__ import annotations

import re
from pathlib import Path

import hotline_verify as hv

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_is_in_the_api_reference():
    listed = set(re.findall(r"^\s+- (\w+)$", (ROOT / "docs" / "api.md").read_text("utf-8"), re.M))
    assert set(hv.__all__) <= listed, set(hv.__all__) - listed


def test_the_binding_names_exist():
    for name in (
        "verify",
        "scan",
        "lookalikes",
        "normalize",
        "load_allowlist",
        "Status",
        "Risk",
        "Verdict",
        "OfficialNumber",
        "Reason",
        "InvalidNumber",
        "Finding",
        "Lookalike",
    ):
        assert name in hv.__all__ and hasattr(hv, name), name
    assert issubclass(hv.InvalidNumber, ValueError)


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    assert hv.__version__ == version("hotline-verify")
