"""The hooks in .pre-commit-hooks.yaml point at real commands and pick the right files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit in the test extra")
ROOT = Path(__file__).resolve().parents[1]
HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}


def test_hook_ids_and_entries():
    assert HOOKS["hotline-verify"]["entry"] == "hotline-verify scan"
    assert HOOKS["hotline-verify-data"]["entry"] == "hotline-verify check-data"
    assert all(h["language"] == "python" for h in HOOKS.values())


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("data/official_numbers.json", True),
        ("config/allowlist.json", True),
        ("support.allowlist.json", True),
        ("package.json", False),
        ("docs/official_numbers.md", False),
    ],
)
def test_data_hook_files(path, matches):
    assert bool(re.search(HOOKS["hotline-verify-data"]["files"], path)) is matches


@pytest.mark.parametrize(
    "path",
    [
        "data/official_numbers.json",
        "official_numbers.json",
        "config/allowlist.json",
        "support.allowlist.json",
        "docs/examples/acme.allowlist.json",
    ],
)
def test_scan_hook_leaves_allowlist_files_to_the_data_hook(path):
    assert re.search(HOOKS["hotline-verify-data"]["files"], path)
    assert re.search(HOOKS["hotline-verify"]["exclude"], path)


@pytest.mark.parametrize("path", ["docs/help.md", "package.json", "allowlist.md", "my_allowlist.json.bak"])
def test_scan_hook_still_reads_other_files(path):
    assert not re.search(HOOKS["hotline-verify"]["exclude"], path)
