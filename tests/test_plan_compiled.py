"""The numbering plan's rows compiled beside its JSON file (as the wheel carries them): read
instead of the JSON when they were made from it, ignored when missing, stale or damaged."""

from __future__ import annotations

import json
import marshal
import shutil
from pathlib import Path

import pytest

from hotline_verify import _numbering
from hotline_verify._numbering import COMPILED_NAME, _plan, _rows, compile_plan, main

PLAN = Path(_numbering.plan_path())


@pytest.fixture
def plan_here(tmp_path, monkeypatch):
    """A copy of the plan file in a directory of its own, read by _plan() until the test ends."""
    path = tmp_path / "numbering_plan.json"
    shutil.copyfile(PLAN, path)
    monkeypatch.setattr(_numbering, "plan_path", lambda: path)
    _plan.cache_clear()
    yield path
    _plan.cache_clear()


def _state(plan: _numbering._Plan) -> tuple[object, ...]:
    return tuple(getattr(plan, name) for name in plan.__slots__ if name != "known")


def test_the_compiled_plan_is_the_plan_read_from_json(plan_here):
    from_json = _state(_plan())
    assert main([str(plan_here), str(plan_here.with_name(COMPILED_NAME))]) == 0
    _plan.cache_clear()
    json_loads = json.loads
    try:
        json.loads = None  # type: ignore[assignment]  # the compiled rows need no JSON parser
        from_compiled = _state(_plan())
    finally:
        json.loads = json_loads
    assert from_compiled == from_json
    assert marshal.loads(compile_plan(PLAN.read_bytes()).split(b"\n", 1)[1]) == _rows(
        json.loads(PLAN.read_bytes())
    )


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda raw: compile_plan(raw.replace(b'"95"', b'"96"', 1)), id="made from other data"),
        pytest.param(lambda raw: compile_plan(raw).replace(b"python", b"python0", 1), id="another python"),
        pytest.param(lambda raw: compile_plan(raw)[:-100], id="cut short"),
    ],
)
def test_a_stale_or_damaged_compiled_plan_is_ignored(plan_here, make):
    from_json = _state(_plan())
    raw = plan_here.read_bytes()
    plan_here.with_name(COMPILED_NAME).write_bytes(make(raw))
    _plan.cache_clear()
    assert _state(_plan()) == from_json
