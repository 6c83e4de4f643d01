"""What a process that only verifies numbers loads: the first verify() of a plain number
imports no module it does not need and compiles no pattern it does not use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from hotline_verify._normalize import _drop_note, _drop_notes, _notes

# modules a first verify() of a plain number must not import: the scanner and its context
# reader, the batch, HTML, data-check, merge and file readers, the lookalike record,
# phonenumbers, rapidfuzz, the JSON Schema validator
LATER = (
    "hotline_verify._scan",
    "hotline_verify._context",
    "hotline_verify._many",
    "hotline_verify._html",
    "hotline_verify._datacheck",
    "hotline_verify._merge",
    "hotline_verify._files",
    "hotline_verify._explain",
    "hotline_verify._variant",
    "phonenumbers",
    "rapidfuzz",
    "fastjsonschema",
)


def test_a_first_verify_loads_only_what_it_needs() -> None:
    code = (
        "import sys, json, re\n"
        "import hotline_verify as hv\n"
        "assert hv.verify('95188').status.value == 'official'\n"
        "assert hv.verify('400-123-4567').status.value == 'unknown'\n"
        "import hotline_verify._verify as v, hotline_verify._normalize as n\n"
        "made = [f.cache_info().currsize for f in (v._han, n._notes, n._slow_path, v.person_pattern)]\n"
        "print(json.dumps([sorted(sys.modules), made]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    modules, compiled = json.loads(done.stdout)
    assert [
        m for m in modules if m.split(".")[0] in {"phonenumbers", "rapidfuzz", "fastjsonschema"} or m in LATER
    ] == []
    # ASCII numbers with no bracket and no claim need none of these patterns
    assert compiled == [0, 0, 0, 0]


@given(st.text(alphabet="（(【[]】)）95 1a转x电话：:-", max_size=30))
def test_notes_are_dropped_as_the_pattern_drops_them(text: str) -> None:
    assert _drop_notes(text) == _notes().sub(_drop_note, text)
