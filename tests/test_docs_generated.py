from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


@pytest.mark.parametrize("name", sorted(SCRIPT.PAGES))
def test_generated_page_is_up_to_date(name):
    page = ROOT / "docs" / name
    assert page.is_file() and page.read_text("utf-8") == SCRIPT.PAGES[name](), (
        f"docs/{name} is out of date: run python scripts/gen_docs.py"
    )


def test_every_reason_code_is_documented():
    from hotline_verify._reasons import CATALOGUE

    text = (ROOT / "docs" / "reasons.md").read_text("utf-8")
    for code in CATALOGUE:
        if code != "invalid":
            assert f"`{code}`" in text
