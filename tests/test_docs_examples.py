"""The command-line examples in README.md and docs/ run and print what they show.

Python examples (``>>>``) are run as doctests by pytest itself (``--doctest-glob``);
this file runs the ``$ hotline-verify …`` examples of ``console`` blocks and parses the
YAML ones.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from hotline_verify.cli import main

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(console|yaml)\n(.*?)^```", re.S | re.M)


def _blocks(kind):
    for page in PAGES:
        for m in BLOCK.finditer(page.read_text("utf-8")):
            if m.group(1) == kind and (kind != "console" or "\n$ " in "\n" + m.group(2)):
                yield pytest.param(
                    m.group(2), id=f"{page.name}:{page.read_text('utf-8')[: m.start()].count(chr(10)) + 1}"
                )


@pytest.mark.parametrize("block", list(_blocks("console")))
def test_console_examples(block, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    lines = block.splitlines()
    commands = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    for n, i in enumerate(commands):
        argv = shlex.split(lines[i][2:])
        end = commands[n + 1] if n + 1 < len(commands) else len(lines)
        expected = "\n".join(lines[i + 1 : end])
        assert argv[0] == "hotline-verify", argv
        main(argv[1:])
        out = capsys.readouterr().out.rstrip("\n")
        assert out == expected


def test_the_quick_start_commands_are_the_two_documented_ones():
    readme = (ROOT / "README.md").read_text("utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = list(BLOCK.findall(quick))
    assert [body.strip() for _, body in commands] == [
        "pip install . && hotline-verify 400-123-4567 --claimed 淘宝",
        "pip install -e '.[test]' && python -m pytest",
    ]
    assert "pip install -e '.[test]' && python -m pytest" in (ROOT / ".ci" / "run").read_text("utf-8")


@pytest.mark.parametrize("block", list(_blocks("yaml")))
def test_yaml_examples_parse(block):
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit in the test extra")
    assert yaml.safe_load(block)


def test_the_quick_start_verification_runs(capsys):
    code = main(["400-123-4567", "--claimed", "淘宝"])
    out = capsys.readouterr().out
    assert code == 1 and "结论：非官方号码（风险：高）" in out and "9510211" in out


@pytest.mark.slow
def test_the_dask_recipe_of_the_batch_page_runs(tmp_path, monkeypatch):
    """The Dask block of docs/batch.md, run as written on a small parquet folder."""
    pd = pytest.importorskip("pandas", reason="the batch extra is not installed")
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    import hotline_verify as hv

    (code,) = [
        b
        for b in re.findall(
            r"^```python\n(.*?)^```", (ROOT / "docs" / "batch.md").read_text("utf-8"), re.S | re.M
        )
        if "verify_dask" in b and "LocalCluster" in b
    ]
    monkeypatch.chdir(tmp_path)
    rows = [("95188", "淘宝"), ("400-123-4567", "淘宝"), ("95818", None), ("", None)]
    (tmp_path / "listings").mkdir()
    pd.DataFrame(rows, columns=["number", "claimed"]).to_parquet("listings/part.0.parquet")
    exec(compile(code, "docs/batch.md", "exec"), {})
    out = pd.read_parquet("verdicts/").sort_values("number")
    expected = sorted((n, hv.verify(n, claimed=c).status.value) for n, c in rows)
    assert sorted(zip(out["number"], out["status"], strict=True)) == expected
