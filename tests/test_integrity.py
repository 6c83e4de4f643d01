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
from hotline_verify._compiled import FORMAT, NAME, compile_allowlist, header, load_compiled
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


def _installed(wheel: Path, tmp_path: Path) -> Path:
    """The wheel unpacked as an installer leaves it: the directory to put on the path."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def _run(site: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}  # ahead of the editable install
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_an_installed_tree_is_checked_and_a_tampered_one_refused(wheel, tmp_path):
    site = _installed(wheel, tmp_path)
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
        Path(digest_path(path)).write_text(digest, "ascii")
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
    monkeypatch.setattr(allowlist_module, "packaged_file", lambda: str(path))
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


# --- the compiled allowlist: built into the wheel, ignored when missing or stale -------------------------

COMPILED = "hotline_verify/data/official_numbers.compiled"


@pytest.mark.slow
def test_the_wheel_ships_the_compiled_list_with_its_digest(wheel):
    with zipfile.ZipFile(wheel) as z:
        data = z.read(DATA)
        blob = z.read(COMPILED)
        recorded = z.read(COMPILED + ".sha256").decode("ascii")
    assert blob.startswith(header(sha256(data)))
    assert recorded == f"{hashlib.sha256(blob).hexdigest()}  official_numbers.compiled\n"


@pytest.mark.slow
def test_an_installed_tree_answers_from_the_compiled_list(wheel, tmp_path):
    site = _installed(wheel, tmp_path)
    # the JSON is hashed, never parsed: parsing it fails the run
    code = (
        "import hotline_verify._allowlist as a\n"
        "def no(*args, **kwargs): raise SystemExit('the JSON was parsed')\n"
        "a.parse_json = no\n"
        "import hotline_verify as hv\n"
        "print(hv.verify('95188').status.value, hv.verify('4009888898', claimed='淘宝').status.value)"
    )
    ok = _run(site, code)
    assert ok.returncode == 0, ok.stderr
    here = [hv.verify("95188").status.value, hv.verify("4009888898", claimed="淘宝").status.value]
    assert ok.stdout.split() == here
    compiled = site / COMPILED
    compiled.write_bytes(compiled.read_bytes() + b" ")
    bad = _run(site, code)
    assert bad.returncode != 0 and "has changed since the package was built" in bad.stderr


def _compiled_copy(tmp_path: Path) -> tuple[Path, bytes]:
    raw = (ROOT / "data" / "official_numbers.json").read_bytes()
    path = tmp_path / "official_numbers.json"
    path.write_bytes(raw)
    (tmp_path / NAME).write_bytes(compile_allowlist(raw))
    return path, raw


def test_the_compiled_list_is_the_list_read_from_json(tmp_path):
    _, raw = _compiled_copy(tmp_path)
    compiled = load_compiled(tmp_path / NAME, raw)
    read = allowlist_module.build(allowlist_module.parse_json(raw, "x"), origin="packaged", trusted=True)
    assert compiled is not None
    assert compiled.numbers == read.numbers and compiled.organisations == read.organisations
    assert dict(compiled.alias_keys) == dict(read.alias_keys) and dict(compiled._latin) == dict(read._latin)
    assert dict(compiled.cases) == dict(read.cases)
    assert (compiled.known_fakes, compiled.wrong_attributions, compiled.left_out) == (
        read.known_fakes,
        read.wrong_attributions,
        read.left_out,
    )
    assert compiled.index._numbers == read.index._numbers
    assert compiled._by_number.active_by_org() == read._by_number.active_by_org()
    assert all(compiled.numbers_of(o) == read.numbers_of(o) for o in read.organisations)
    assert dict(compiled.index._near) == dict(read.index._near)


def test_a_missing_compiled_list_is_no_error(tmp_path):
    raw = (ROOT / "data" / "official_numbers.json").read_bytes()
    assert load_compiled(tmp_path / NAME, raw) is None


def _packaged_from(path: Path, monkeypatch) -> hv.Allowlist:
    monkeypatch.setattr(allowlist_module, "packaged_file", lambda: str(path))
    allowlist_module._packaged.cache_clear()
    try:
        return hv.packaged_allowlist()
    finally:
        monkeypatch.undo()
        allowlist_module._packaged.cache_clear()


def test_a_compiled_list_of_other_data_is_ignored_and_the_json_read(tmp_path, monkeypatch):
    path, raw = _compiled_copy(tmp_path)
    path.write_bytes(raw.replace(b'"9510211"', b'"9510212"', 1))  # the JSON moved on, the compiled file not
    assert load_compiled(tmp_path / NAME, path.read_bytes()) is None
    al = _packaged_from(path, monkeypatch)
    assert al.lookup("9510212") is not None and al.lookup("9510211") is None


@pytest.mark.parametrize(
    "old, new",
    [(b"python3.", b"python2."), (f"compiled {FORMAT} ".encode(), f"compiled {FORMAT - 1} ".encode())],
)
def test_a_compiled_list_of_another_python_or_format_is_ignored(tmp_path, monkeypatch, old, new):
    path, raw = _compiled_copy(tmp_path)
    blob = (tmp_path / NAME).read_bytes()
    (tmp_path / NAME).write_bytes(blob.replace(old, new, 1))
    assert load_compiled(tmp_path / NAME, raw) is None
    al = _packaged_from(path, monkeypatch)
    assert al.lookup("9510211") is not None and len(al.numbers) == len(hv.packaged_allowlist().numbers)


@pytest.mark.slow
def test_the_wheel_ships_the_numbering_plan_compiled(wheel):
    from hotline_verify._numbering import compile_plan

    with zipfile.ZipFile(wheel) as z:
        plan = z.read("hotline_verify/data/numbering_plan.json")
        blob = z.read("hotline_verify/data/numbering_plan.compiled")
    assert blob == compile_plan(plan)


def test_a_first_verdict_from_the_wheel_reads_no_json(wheel, tmp_path):
    """Installed, both data files are read compiled: neither json nor pathlib is imported (about
    6 ms of start-up), and the verdicts are those of the source tree."""
    site = _installed(wheel, tmp_path)
    code = (
        "import sys\n"
        "import hotline_verify as hv\n"
        "found = [hv.verify(x).status.value for x in ('95188', '400-123-4567', '0571-8815 8198')]\n"
        "print(found, 'json' in sys.modules, 'pathlib' in sys.modules)\n"
    )
    done = _run(site, code)
    assert done.returncode == 0, done.stderr
    expected = [hv.verify(x).status.value for x in ("95188", "400-123-4567", "0571-8815 8198")]
    assert done.stdout.strip() == f"{expected} False False"
