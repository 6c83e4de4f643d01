"""Acceptance tests of ``hotline-verify scan`` on example files of every type."""

from __future__ import annotations

import codecs
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hotline_verify.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "examples"
NEGATIVE = {
    "taobao-fake.md": "3:8: unofficial-claim 4001234567 is not among the official numbers of Taobao / Tmall. "
    "Official numbers of Taobao / Tmall: 9510211 / 9510288 / 4008608608 / 057188158198.",
    "bank.txt": "2:32: area-code-spoof 01095588 puts the area code 010 in front of 95588 (Industrial and Commercial "
    "Bank of China), a nationwide number that takes no area code;",
    "help.html": '2:32: letter-for-digit The number has letters posing as digits: "l" (LATIN SMALL LETTER L)→1.',
    "faq.json": "2:73: unofficial-claim 4009123456 is not among the official numbers of Taobao / Tmall.",
    "bot.yaml": "2:22: unofficial-claim 13812345678 is not among the official numbers of Taobao / Tmall.",
    "strings.properties": '2:30: international-spoof +95188 puts "+" in front of 95188 (Alipay).',
    "contact.py": "1:19: known-fake 4008225355 is a documented scam number that has posed as China Southern Airlines.",
}


def run(capsys, *argv):
    code = main(["scan", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_negative_examples_fail_with_exact_lines(capsys, monkeypatch, name):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "--lang", "en", f"tests/examples/negative/{name}")
    assert code == 1 and err == ""
    assert out.splitlines()[0].startswith(f"tests/examples/negative/{name}:{NEGATIVE[name]}")


def test_the_markdown_example_in_full(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out, _ = run(capsys, "--lang", "en", "tests/examples/negative/taobao-fake.md")
    assert out == (
        "tests/examples/negative/taobao-fake.md:3:8: unofficial-claim 4001234567 is not among the official "
        "numbers of Taobao / Tmall. Official numbers of Taobao / Tmall: 9510211 / 9510288 / 4008608608 / "
        "057188158198. This is a 400 enterprise number: any business with a licence can rent one, so the number alone says nothing about who answers.\n"
    )


@pytest.mark.parametrize("path", sorted((EXAMPLES / "positive").iterdir()), ids=lambda p: p.name)
def test_positive_examples_pass(capsys, path):
    assert run(capsys, path) == (0, "", "")


def test_many_files_are_sorted_and_deterministic(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    files = sorted(f"tests/examples/negative/{n}" for n in NEGATIVE)
    _, first, _ = run(capsys, *reversed(files))
    _, second, _ = run(capsys, *files)
    assert first == second
    assert [line.split(":")[0] for line in first.splitlines()] == sorted(
        line.split(":")[0] for line in first.splitlines()
    )


def test_chinese_messages_by_default(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out, _ = run(capsys, "tests/examples/negative/taobao-fake.md")
    assert (
        "4001234567 不在淘宝/天猫的官方号码之列。淘宝/天猫的官方号码：9510211 / 9510288 / 4008608608 / 057188158198。"
        in out
    )


def _write(tmp_path, text, name="page.md"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        "淘宝客服电话 400-123-4567  <!-- hotline-verify: ignore -->\n",
        "淘宝客服电话 400-123-4567  # hotline-verify: ignore\n",
        "<!-- hotline-verify: ignore-next-line -->\n淘宝客服电话 400-123-4567\n",
        "// hotline-verify: ignore-next-line\n淘宝客服电话 400-123-4567\n",
    ],
)
def test_inline_ignores(capsys, tmp_path, text):
    assert run(capsys, _write(tmp_path, text)) == (0, "", "")


def test_ignore_next_line_covers_only_the_next_line(capsys, tmp_path):
    path = _write(tmp_path, "# hotline-verify: ignore-next-line\n\n淘宝客服电话 400-123-4567\n")
    code, out, _ = run(capsys, path)
    assert code == 1 and ":3:" in out


def test_baseline_survives_unrelated_edits(capsys, tmp_path):
    page = _write(tmp_path, "# 帮助\n\n淘宝客服电话 400-123-4567\n")
    baseline = tmp_path / "baseline.json"
    assert run(capsys, page, "--write-baseline", baseline)[0] == 0
    assert json.loads(baseline.read_text("utf-8"))["findings"][0]["number"] == "4001234567"
    assert run(capsys, page, "--baseline", baseline) == (0, "", "")
    # lines added above and spacing changed on the line itself: still baselined
    page.write_text("# 帮助\n\n新增的一段说明。\n\n淘宝客服电话   400-123-4567\n", "utf-8")
    assert run(capsys, page, "--baseline", baseline) == (0, "", "")
    # a new finding is reported
    page.write_text(page.read_text("utf-8") + "支付宝客服 13812345678\n", "utf-8")
    code, out, _ = run(capsys, page, "--baseline", baseline)
    assert code == 1 and out.count("\n") == 1 and "13812345678" in out


def test_bad_baseline_exits_2(capsys, tmp_path):
    bad = _write(tmp_path, "not json", "baseline.json")
    code, _, err = run(capsys, _write(tmp_path, "x"), "--baseline", bad)
    assert code == 2 and "not a readable baseline file" in err


def test_json_output_shape(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "--format", "json", "tests/examples/negative/taobao-fake.md")
    data = json.loads(out)
    assert code == 1 and data["version"] == 1 and data["skipped"] == []
    (finding,) = data["findings"]
    assert {
        k: finding[k]
        for k in (
            "path",
            "line",
            "column",
            "end_column",
            "code",
            "status",
            "text",
            "normalized",
            "claimed_org",
            "suggested",
        )
    } == {
        "path": "tests/examples/negative/taobao-fake.md",
        "line": 3,
        "column": 8,
        "end_column": 20,
        "code": "unofficial-claim",
        "status": "unofficial",
        "text": "400-123-4567",
        "normalized": "4001234567",
        "claimed_org": "taobao",
        "suggested": ["9510211", "9510288", "4008608608", "057188158198"],
    }


def test_sarif_output_validates_against_the_schema(capsys, monkeypatch):
    import fastjsonschema

    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "--format", "sarif", *sorted(f"tests/examples/negative/{n}" for n in NEGATIVE))
    sarif = json.loads(out)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    fastjsonschema.compile(schema, use_default=False)(sarif)  # use_default=False: leave the output as it is
    results = sarif["runs"][0]["results"]
    assert code == 1 and len(results) == 7
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 32,
        "endColumn": 41,
    }
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({r["ruleId"] for r in results})


def test_binary_files_are_skipped_with_a_note(capsys, tmp_path):
    binary = tmp_path / "logo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, err = run(capsys, binary)
    assert (code, out) == (0, "")
    assert err == f"hotline-verify: {binary}: binary file, not scanned\n"


FAKE = "# 帮助\n\n淘宝客服电话 400-123-4567\n"


@pytest.mark.parametrize(
    ("encoding", "prefix", "name"),
    [
        ("gbk", b"", "GB18030"),
        ("gb18030", b"", "GB18030"),
        ("utf-8", codecs.BOM_UTF8, "UTF-8"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16LE"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16BE"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32LE"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32BE"),
    ],
)
def test_legacy_and_bom_encodings_are_scanned(capsys, tmp_path, encoding, prefix, name):
    page = tmp_path / "help.md"
    page.write_bytes(prefix + FAKE.replace("\n", "\r\n").encode(encoding))
    code, out, err = run(capsys, "--lang", "en", page)
    assert code == 1 and err == ""
    first, *notes = out.splitlines()
    assert first.startswith(f"{page}:3:8: unofficial-claim 4001234567 is not among")
    assert notes == ([] if name == "UTF-8" else [f"{page}: note: read as {name}"])
    code, out, _ = run(capsys, "--format", "json", page)
    data = json.loads(out)
    assert data["findings"][0]["encoding"] == name and data["files"] == [
        {"path": str(page), "encoding": name, "bom": bool(prefix)}
    ]


@pytest.mark.parametrize(
    ("data", "label"),
    [
        ("Café résumé: Taobao 400-123-4567\n".encode("latin-1"), "Latin-1"),
        ("淘寶客服 400-123-4567\n".encode("big5"), "Big5"),
        ("お問い合わせ 400-123-4567\n".encode("shift_jis"), "Shift JIS"),
        (b"\xff\x80 400-123-4567\n", "invalid bytes"),
    ],
)
def test_an_undecodable_file_exits_2_naming_it(capsys, tmp_path, data, label):
    page = tmp_path / "old.txt"
    page.write_bytes(data)
    code, out, err = run(capsys, page)
    assert (code, out) == (2, ""), label
    assert err.startswith(f"hotline-verify: {page}: cannot decode the file")


def test_an_undecodable_file_does_not_hide_the_findings_of_others(capsys, tmp_path):
    bad = tmp_path / "old.txt"
    bad.write_bytes("Café 400-123-4567\n".encode("latin-1"))
    good = _write(tmp_path, FAKE)
    code, out, err = run(capsys, "--lang", "en", bad, good)
    assert code == 2 and out.startswith(f"{good}:3:8: unofficial-claim") and str(bad) in err


def test_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FAKE.encode("gbk"))))
    code, out, _ = run(capsys, "--lang", "en", "-")
    assert code == 1
    assert out.splitlines() == [
        out.splitlines()[0],
        "<stdin>: note: read as GB18030",
    ] and out.startswith("<stdin>:3:8: unofficial-claim 4001234567")


def test_standard_input_in_a_process():
    proc = subprocess.run(
        [sys.executable, "-m", "hotline_verify", "scan", "-", "--format", "json"],
        input="支付宝客服 95188；淘宝客服 400-123-4567\n".encode(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    data = json.loads(proc.stdout)
    assert proc.returncode == 1 and [f["text"] for f in data["findings"]] == ["400-123-4567"]
    assert data["findings"][0]["path"] == "<stdin>"


def _sarif(capsys, *argv):
    import fastjsonschema

    code, out, err = run(capsys, "--format", "sarif", *argv)
    sarif = json.loads(out)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    fastjsonschema.compile(schema, use_default=False)(sarif)  # use_default=False: leave the output as it is
    return code, sarif, err


def test_a_missing_path_is_reported_inside_valid_sarif(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    missing = str(tmp_path / "gone.md")
    code, sarif, err = _sarif(capsys, "tests/examples/negative/taobao-fake.md", missing)
    (run_,) = sarif["runs"]
    assert code == 2 and "gone.md: cannot read the file" in err
    assert len(run_["results"]) == 1  # the other file's finding is still there
    (invocation,) = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"].startswith(f"{missing}: cannot read the file")


def test_a_missing_path_is_reported_inside_json(capsys, tmp_path):
    missing = str(tmp_path / "gone.md")
    code, out, _ = run(capsys, "--format", "json", missing)
    data = json.loads(out)
    assert code == 2 and data["findings"] == []
    assert [e["path"] for e in data["errors"]] == [missing]


def test_sarif_names_each_file_with_its_encoding(capsys, tmp_path):
    page = tmp_path / "帮助 page.md"
    page.write_bytes(FAKE.encode("gbk"))
    code, sarif, _ = _sarif(capsys, page)
    (run_,) = sarif["runs"]
    uri = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert code == 1 and " " not in uri and "%20page.md" in uri
    assert run_["artifacts"] == [{"location": {"uri": uri}, "encoding": "GB18030"}]
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_large_files_are_read_in_blocks(capsys, tmp_path):
    from hotline_verify import _files as files

    filler = "普通的一行说明文字，没有电话号码。\n" * 80_000  # > 1 MB
    page = _write(tmp_path, filler + "淘宝客服电话 400-123-4567\n" + filler)
    code, out, _ = run(capsys, page)
    assert page.stat().st_size > 2 * files.BLOCK_BYTES
    assert code == 1 and out.startswith(f"{page}:80001:8: unofficial-claim")


def test_own_allowlist(capsys, tmp_path):
    from helpers import allowlist_data, entry, org

    allowlist = _write(
        tmp_path,
        json.dumps(
            allowlist_data([org("acme", "阿克米", "Acme", "阿克米公司")], [entry("4001234567", "acme")])
        ),
        "acme.json",
    )
    page = _write(tmp_path, "阿克米客服电话 400-123-4567；阿克米客服电话 400-765-4321\n")
    code, out, _ = run(capsys, "--allowlist", allowlist, page)
    assert code == 1 and out.count("\n") == 1 and "4007654321" in out
    # the packaged list is still there: Taobao's own number is no finding, a fake one is
    page = _write(tmp_path, "淘宝客服电话 9510211；淘宝客服电话 400-765-4321\n")
    code, out, _ = run(capsys, "--allowlist", allowlist, page)
    assert code == 1 and out.count("\n") == 1 and "4007654321" in out


def test_ignore_next_line_across_a_block_boundary(capsys, tmp_path, monkeypatch):
    from hotline_verify import _files as files

    head = "说明文字。\n# hotline-verify: ignore-next-line\n"
    monkeypatch.setattr(files, "BLOCK_BYTES", len(head.encode()))  # the comment ends the first block
    page = _write(tmp_path, head + "淘宝客服电话 400-123-4567\n")
    assert [text for _, text in files._blocks(str(page))] == [head, "淘宝客服电话 400-123-4567\n"]
    assert run(capsys, page) == (0, "", "")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_large_legacy_files_are_decoded_across_block_boundaries(capsys, tmp_path, monkeypatch, encoding):
    from hotline_verify import _files as files

    monkeypatch.setattr(files, "BLOCK_BYTES", 1001)  # odd: blocks split multi-byte characters
    page = tmp_path / "help.txt"
    page.write_bytes(("普通的说明文字。\n" * 500 + "淘宝客服电话 400-123-4567\n").encode(encoding))
    code, out, _ = run(capsys, "--lang", "en", page)
    assert code == 1 and out.startswith(f"{page}:501:8: unofficial-claim")
