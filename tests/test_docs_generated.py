from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("gen_official_numbers", ROOT / "scripts" / "gen_official_numbers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_official_numbers_page_is_up_to_date():
    script = _script()
    assert script.PAGE.read_text("utf-8") == script.render(), (
        "docs/official-numbers.md is out of date: run python scripts/gen_official_numbers.py")
