from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hotline_verify.cli import main

ROOT = Path(__file__).resolve().parents[1]


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
    assert (code, out) == (0, "1 file valid\n")


def test_check_data_counts_the_valid_files(capsys, tmp_path):
    from hotline_verify._allowlist import packaged_path

    copy = tmp_path / "copy.allowlist.json"
    copy.write_bytes(packaged_path().read_bytes())
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hotline-verify-allowlist",\n  "version": 1,,\n}', "utf-8")
    assert run(capsys, "check-data", str(packaged_path()), str(copy)) == (0, "2 files valid\n", "")
    code, out, _ = run(capsys, "check-data", str(copy), str(broken))
    assert code == 1 and out.splitlines()[-1] == "1 of 2 files valid"
    code, out, _ = run(capsys, "check-data", "--format", "json", str(copy), str(broken))
    data = json.loads(out)
    assert code == 1 and (data["valid"], data["files"]) == (1, 2)


def test_check_data_gives_line_and_column_of_a_syntax_error(capsys, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hotline-verify-allowlist",\n  "version": 1,,\n}', "utf-8")
    code, out, _ = run(capsys, "check-data", str(broken))
    assert code == 1
    assert (
        out.splitlines()[0]
        == f"{broken}::/: 2:16: not valid JSON: Expecting property name enclosed in double quotes"
    )
    code, out, _ = run(capsys, "check-data", "--format", "json", str(broken))
    assert json.loads(out)["errors"][0]["message"].startswith("2:16: not valid JSON")


def test_check_data_reports_path_and_exit_1(capsys, tmp_path):
    from hotline_verify._allowlist import packaged_path

    data = json.loads(packaged_path().read_text("utf-8"))
    data["numbers"][0]["status"] = "gone"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), "utf-8")
    code, out, _ = run(capsys, "check-data", str(path))
    assert code == 1
    assert out == (
        f"{path}::/numbers/0/status: this value must be one of ['active', 'retired']\n0 of 1 file valid\n"
    )
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


def test_version_comes_from_the_package_metadata(capsys):
    from importlib.metadata import version

    assert run(capsys, "--version") == (0, f"hotline-verify {version('hotline-verify')}\n", "")


@pytest.mark.parametrize(
    "argv", [["--help"], ["scan", "--help"], ["check-data", "--help"], ["mcp", "--help"]]
)
def test_help_exits_0_and_starts_nothing(capsys, monkeypatch, argv):
    from hotline_verify import _mcp_server

    def refuse() -> int:
        raise AssertionError("the server was started")

    monkeypatch.setattr(_mcp_server, "main", refuse)
    code, out, err = run(capsys, *argv)
    assert code == 0 and out.startswith("usage: hotline-verify") and err == ""


def test_mcp_help_in_a_process_returns_at_once():
    """With standard input left open, a server would wait for a client; help must not."""
    proc = subprocess.run(
        [sys.executable, "-m", "hotline_verify", "mcp", "--help"],
        stdin=subprocess.PIPE,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0 and "MCP client" in proc.stdout


def test_the_default_language_is_chinese_for_verify_and_scan(capsys, tmp_path):
    assert "结论：" in run(capsys, "95188")[1]
    page = tmp_path / "page.md"
    page.write_text("淘宝客服电话 400-123-4567\n", "utf-8")
    assert "不在淘宝/天猫的官方号码之列" in run(capsys, "scan", str(page))[1]
    assert "default zh" in " ".join(run(capsys, "scan", "--help")[1].split())


TAKEOVER = "docs/examples/takeover.allowlist.json"


def test_allowlist_extends_the_packaged_one(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "--allowlist", "docs/examples/acme.allowlist.json", "9510211", "--lang", "en")
    assert code == 0 and "Taobao" in out  # the packaged numbers are still there


def test_allowlist_takeover_is_refused(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "--allowlist", TAKEOVER, "95188", "--claimed", "Acme")
    assert (code, out) == (2, "")
    assert "95188" in err and "Alipay" in err and f"--replace-allowlist {TAKEOVER}" in err
    code, out, err = run(capsys, "scan", "--allowlist", TAKEOVER, "README.md")
    assert (code, out) == (2, "") and "95188" in err


def test_replace_allowlist_uses_the_file_alone(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "--replace-allowlist", TAKEOVER, "95188", "--json")
    assert code == 0 and json.loads(out)[0]["org"]["id"] == "acme"
    assert run(capsys, "--replace-allowlist", TAKEOVER, "--allowlist", TAKEOVER, "95188")[0] == 2
