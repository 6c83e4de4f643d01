"""Each speed benchmark still runs, at a tiny size: the figures come from running them by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(script: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env=env,
        timeout=300,
    )
    return done.stdout


def test_bench_verify_prints_a_ratio_per_class() -> None:
    out = _run("bench_verify.py", "--n", "20", "--rounds", "1", "--startup", "0")
    rows = [line.split() for line in out.splitlines()[2:]]
    assert [" ".join(r[:-3]) for r in rows] == [
        "listed",
        "listed, spaced",
        "unlisted 400",
        "mobile",
        "random 95xxx",
        "landline",
        "foreign",
        "garbage",
        "placeholders",
    ]
    # a ratio of a tiny run can print as 0.00: the first lookalike of a list builds what it needs
    assert all(float(r[-1]) >= 0 for r in rows)


@pytest.mark.slow
def test_bench_verify_times_the_startup_from_a_wheel() -> None:
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (the test extra)")
    out = _run("bench_verify.py", "--no-per-class", "--startup", "1", "--wheel")
    assert out.count("wheel of ") == 1 and out.count("ratio (interpreter start taken off both)") == 1
    assert out.count("import attrs alone:") == 1  # the floor, timed in the same run
    assert "verify µs" not in out  # the start-up only


def test_bench_scan_compares_with_the_matcher() -> None:
    out = _run(
        "bench_scan.py",
        "--size-kb",
        "4",
        "--repeat",
        "1",
        "--warmup",
        "1",
        "--adversarial-kb",
        "2",
        "--messages",
        "20",
    )
    assert "speed ratio (matcher / scan)" in out
    assert "PhoneNumberMatcher" in out and "adversarial" in out
    assert "short messages: 20 of the scan corpus" in out and "seen before" in out


def test_bench_scan_draws_unique_numbers() -> None:
    common = ("--size-kb", "16", "--repeat", "1", "--adversarial-kb", "1", "--numbers", "0.15")
    distinct = [
        int(_run("bench_scan.py", *common, *extra).split(" distinct numbers")[0].rsplit(" ", 1)[1])
        for extra in ((), ("--unique",))
    ]
    assert distinct[1] > 2 * distinct[0]


def test_bench_batch_times_every_method_without_dask() -> None:
    pytest.importorskip("pandas")
    out = _run("bench_batch.py", "--n", "300", "--repeat-n", "100", "--repeats", "1", "--no-dask")
    for method in ("phonenumbers.parse", "verify() loop", "verify_many()", "verify_series()"):
        assert method in out


def test_bench_cli_scans_a_few_files() -> None:
    out = _run("bench_cli.py", "--files", "3", "--runs", "1")
    assert out.startswith("3 files") and "scanning alone" in out


def test_bench_allowlist_loads_a_generated_list_and_compares_every_class():
    out = _run("bench_allowlist.py", "--entries", "300", "--n", "10", "--rounds", "1", "--loads", "1")
    assert out.startswith("300 entries")
    assert "load_allowlist()" in out and "KiB after the load" in out
    rows = [line.split() for line in out.splitlines()[-8:]]
    assert [" ".join(r[:-4]) for r in rows][:3] == ["listed", "unlisted 400", "400/800 edited"]
    assert rows[2][-4] == "100%/100%"  # edits of each list's own numbers: lookalikes under either list
    # a ratio of a tiny run can print as 0.00: the first lookalike of a list builds what it needs
    assert all(float(r[-1]) >= 0 for r in rows)
