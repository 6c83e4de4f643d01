"""The packaged allowlist's digest: recorded in the wheel, checked on load."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import hotline_verify as hv
from hotline_verify import _allowlist as allowlist_module
from hotline_verify._integrity import check_digest, digest_path, recorded_digest, sha256

ROOT = Path(__file__).resolve().parents[1]
DATA = "hotline_verify/data/official_numbers.json"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (the test extra)")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    (found,) = out.glob("*.whl")
    return found


def test_the_wheel_records_the_digest_of_its_data(wheel):
    with zipfile.ZipFile(wheel) as z:
        data = z.read(DATA)
        recorded = z.read(DATA + ".sha256").decode("ascii")
    assert data == (ROOT / "data" / "official_numbers.json").read_bytes()
    assert recorded == f"{hashlib.sha256(data).hexdigest()}  official_numbers.json\n"


def _run(site: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}  # ahead of the editable install
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_an_installed_tree_is_checked_and_a_tampered_one_refused(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    code = "import hotline_verify as hv; print(hv.__file__); print(hv.verify('95188').status.value)"
    ok = _run(site, code)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == [str(site / "hotline_verify" / "__init__.py"), "official"]
    data = site / DATA
    data.write_bytes(data.read_bytes().replace(b'"95188"', b'"95189"', 1))  # still valid JSON
    bad = _run(site, code)
    assert bad.returncode != 0
    assert "AllowlistError" in bad.stderr and "has changed since the package was built" in bad.stderr
    assert "reinstall hotline-verify" in bad.stderr


def _copy(tmp_path: Path, *, digest: str | None) -> tuple[Path, bytes]:
    raw = (ROOT / "data" / "official_numbers.json").read_bytes()
    path = tmp_path / "official_numbers.json"
    path.write_bytes(raw)
    if digest is not None:
        digest_path(path).write_text(digest, "ascii")
    return path, raw


def test_check_digest_accepts_the_recorded_data(tmp_path):
    path, raw = _copy(
        tmp_path, digest=f"{sha256((ROOT / 'data' / 'official_numbers.json').read_bytes())}  x\n"
    )
    check_digest(path, raw)
    assert recorded_digest(path) == sha256(raw)


def test_check_digest_refuses_a_tampered_copy(tmp_path):
    path, raw = _copy(tmp_path, digest=sha256((ROOT / "data" / "official_numbers.json").read_bytes()))
    tampered = raw.replace(b"9510211", b"9510212", 1)
    with pytest.raises(hv.AllowlistError, match="has changed since the package was built") as info:
        check_digest(path, tampered)
    assert info.value.path == str(path) and str(path) in str(info.value)


def test_no_recorded_digest_is_a_source_checkout(tmp_path):
    path, raw = _copy(tmp_path, digest=None)
    assert recorded_digest(path) is None
    check_digest(path, raw + b" ")


@pytest.mark.parametrize("content", ["", "nothex", "0" * 63, "G" * 64, "ab" * 33])
def test_a_malformed_digest_is_refused(tmp_path, content):
    path, raw = _copy(tmp_path, digest=content)
    with pytest.raises(hv.AllowlistError, match="not a SHA-256 digest"):
        check_digest(path, raw)


def test_packaged_allowlist_refuses_tampered_data(tmp_path, monkeypatch):
    path, raw = _copy(tmp_path, digest=sha256((ROOT / "data" / "official_numbers.json").read_bytes()))
    path.write_bytes(raw.replace(b"9510211", b"9510212", 1))
    monkeypatch.setattr(allowlist_module, "packaged_path", lambda: path)
    allowlist_module._packaged.cache_clear()
    try:
        with pytest.raises(hv.AllowlistError, match="has changed since the package was built"):
            hv.packaged_allowlist()
        with pytest.raises(hv.AllowlistError):
            hv.verify("9510211")  # no verdict rests on a changed list
    finally:
        monkeypatch.undo()
        allowlist_module._packaged.cache_clear()
    assert hv.verify("9510211").status is hv.Status.OFFICIAL


def test_the_source_checkout_has_no_digest_to_check():
    assert recorded_digest(allowlist_module.packaged_path()) is None
