from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hotline_verify.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_explains_and_exits_1_for_a_risky_number(capsys):
    code, out, err = run(capsys, "400-123-4567", "--claimed", "淘宝")
    assert code == 1 and err == ""
    assert out.splitlines()[:2] == ["400-123-4567", "结论：非官方号码（风险：高）"]
    assert "9510211" in out


def test_verify_english_and_exit_0_for_official(capsys):
    code, out, _ = run(capsys, "95188", "--lang", "en")
    assert code == 0
    assert out.splitlines()[1] == "Verdict: official number (risk: low)"


def test_verify_json(capsys):
    code, out, _ = run(capsys, "95188", "9510211", "--json")
    data = json.loads(out)
    assert code == 0 and [d["status"] for d in data] == ["official", "official"]


def test_incoming_flag(capsys):
    _code, out, _ = run(capsys, "95188", "--incoming", "--lang", "en")
    assert "Caller ID can be spoofed" in out


def test_no_colour_when_not_a_terminal(capsys):
    _, out, _ = run(capsys, "95188")
    assert "\033[" not in out


@pytest.mark.parametrize("argv", [[], ["--lang", "fr", "95188"], ["scan"], ["check-data"], ["--bogus", "1"]])
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and "usage:" in err and out == ""


def test_bad_allowlist_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "95188", "--allowlist", str(tmp_path / "missing.json"))
    assert code == 2 and "missing.json: cannot read the file" in err


def test_check_data_packaged_file(capsys):
    from hotline_verify._allowlist import packaged_path

    code, out, _ = run(capsys, "check-data", str(packaged_path()))
    assert (code, out) == (0, "")


def test_check_data_reports_path_and_exit_1(capsys, tmp_path):
    from hotline_verify._allowlist import packaged_path

    data = json.loads(packaged_path().read_text("utf-8"))
    data["numbers"][0]["status"] = "gone"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), "utf-8")
    code, out, _ = run(capsys, "check-data", str(path))
    assert code == 1
    assert out == f"{path}::/numbers/0/status: this value must be one of ['active', 'retired']\n"
    code, out, _ = run(capsys, "check-data", "--format", "json", str(path))
    assert code == 1 and json.loads(out)["errors"][0]["path"] == "/numbers/0/status"


def test_check_data_unreadable_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "check-data", str(tmp_path / "nope.json"))
    assert code == 2 and "nope.json: cannot read the file" in err


def test_python_dash_m():
    proc = subprocess.run(
        [sys.executable, "-m", "hotline_verify", "95188", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and "official number" in proc.stdout


class _Terminal:
    """A stdout that says it is a terminal."""

    def __init__(self):
        self.parts = []

    def isatty(self):
        return True

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    for env, coloured in ((None, True), ("1", False)):
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stdout", terminal)
        if env is None:
            monkeypatch.delenv("NO_COLOR", raising=False)
        else:
            monkeypatch.setenv("NO_COLOR", env)
        assert main(["95188"]) == 0
        assert ("\033[" in "".join(terminal.parts)) is coloured


def test_check_data_json_reports_an_unreadable_file_as_a_failure(capsys, tmp_path):
    code, out, _ = run(capsys, "check-data", "--format", "json", str(tmp_path / "nope.json"))
    data = json.loads(out)
    assert code == 2 and data["status"] == "fail"
    assert data["errors"][0]["filename"] == str(tmp_path / "nope.json")
