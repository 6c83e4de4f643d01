"""The message catalogue: every sentence in both languages, one language check, one verdict shape."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest

import hotline_verify as hv
from hotline_verify._explain import NEVER
from hotline_verify._messages import LANGS, MESSAGES, check_lang, say
from hotline_verify._model import Reason, Text
from hotline_verify._verdict import SUMMARY_KEYS, summary
from hotline_verify.chatbot import reply, reply_data

SRC = Path(hv.__file__).parent
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Chinese that is not a message: words the scanner reads (cue words, numerals, units, job
# titles) and character ranges. Docstrings and comments are not looked at.
VOCABULARY = {
    "_context.py": None,  # the whole module is the cue-word vocabulary
    "_allowlist.py": {"_WORD_AFTER"},
    "_files.py": {"_CJK_TEXT", "_HAN"},
    "_normalize.py": {"HOMOGLYPHS", "_CHINESE_NUMERALS", "_numerals_only", "_extension"},
    "_scan.py": {
        "_LETTERS",
        "_UNIT",
        "_CANDIDATE",
        "_MONEY_AFTER",
        "_dial_before",
        "_prefix_before",
        "_PREFIX_LAST",
    },
    "_verify.py": {"person_pattern", "_han"},
    "_view.py": {
        "_date_time",
        "_MARK_OR_SYMBOL",
        "_DATE_MARKS",
        "_NUMERAL",
        "_NUMERAL_DIGITS",
        "_digitish",
    },
    "chatbot.py": {"TOOL_SCHEMA"},  # "e.g. 淘宝 or Alipay" in an English description for the model
}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_entry_has_chinese_and_english():
    for code, m in MESSAGES.items():
        assert HAN.search(m.zh), code
        assert m.en.strip() and not HAN.search(m.en), code


def test_placeholders_agree_between_languages():
    for code, m in MESSAGES.items():
        zh, en = fields(m.zh), fields(m.en)
        assert not {f for f in zh if f.endswith("_en")} and not {f for f in en if f.endswith("_zh")}, code
        assert {f.removesuffix("_zh") for f in zh} == {f.removesuffix("_en") for f in en}, code


def test_a_field_missing_from_one_language_is_caught():
    zh, en = fields("{number} 是{org_zh}的"), fields("{number} of {org_en} ({service_en})")
    assert {f.removesuffix("_zh") for f in zh} != {f.removesuffix("_en") for f in en}


def _strings_with_han(path: Path) -> list[tuple[str | None, int, str]]:
    """Han text in string literals, outside docstrings, with the top-level name that holds it (a
    variable, or a function: a pattern compiled on first use)."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for top in tree.body:
        name = None
        if isinstance(top, ast.Assign) and isinstance(top.targets[0], ast.Name):
            name = top.targets[0].id
        elif isinstance(top, ast.AnnAssign) and isinstance(top.target, ast.Name):
            name = top.target.id
        elif isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = top.name
        for node in ast.walk(top):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and HAN.search(node.value)
            ):
                found.append((name, node.lineno, node.value))
    return found


def test_no_module_but_the_catalogue_holds_chinese_for_users():
    stray = []
    for path in sorted(SRC.glob("*.py")):
        allowed = VOCABULARY.get(path.name, set())
        if path.name == "_messages.py" or allowed is None:
            continue
        stray += [
            f"{path.name}:{line}: {text[:40]!r}"
            for name, line, text in _strings_with_han(path)
            if name not in allowed
        ]
    assert stray == []


def test_the_scan_sees_a_sentence_in_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        '"""文档。"""\n# 注释\nLABEL = "官方号码"\n\ndef f():\n    """说明。"""\n    return "好"\n', "utf-8"
    )
    assert [(name, text) for name, _, text in _strings_with_han(module)] == [
        ("LABEL", "官方号码"),
        ("f", "好"),
    ]


@pytest.mark.parametrize("lang", ["fr", "ZH", "", None, 1])
def test_one_language_check_everywhere(lang):
    v = hv.verify("95188")
    with pytest.raises(ValueError) as expected:
        check_lang(lang)
    message = str(expected.value)
    assert '"zh"' in message and '"en"' in message
    for call in (
        lambda: v.explain(lang),
        lambda: v.reasons[0].message(lang),
        lambda: Reason("x", "中", "en").message(lang),
        lambda: Text("中", "en").get(lang),
        lambda: reply("95188", lang=lang),
        lambda: say("never", lang),
    ):
        with pytest.raises(ValueError) as info:
            call()
        assert str(info.value) == message


def test_supported_languages_pick_their_text():
    r = hv.verify("95188").reasons[0]
    assert [r.message(lang) for lang in LANGS] == [r.message_zh, r.message_en]
    assert r.message() == r.message_en


def test_explanation_and_reply_end_with_the_same_never_sentence():
    for lang in LANGS:
        assert hv.verify("400-123-4567", claimed="淘宝").explain(lang).splitlines()[-1] == NEVER.get(lang)
        assert reply("淘宝客服 400-123-4567", lang=lang).splitlines()[-1] == NEVER.get(lang)


def test_the_invalid_message_is_one_entry_in_two_languages():
    with pytest.raises(hv.InvalidNumber) as info:
        hv.normalize("400-XXX-XXXX")
    (r, *_) = hv.verify("400-XXX-XXXX").reasons
    assert r.code == "invalid-masked"
    assert r.message_en.endswith(str(info.value)) and r.message_zh.endswith(MESSAGES["invalid.masked"].zh)


SAMPLES = [
    ("95188", {}),
    ("400-123-4567", {"claimed": "淘宝"}),
    ("95188", {"claimed": "淘宝", "incoming": True}),
    ("4OO-988-8898", {}),
    ("010-95566", {}),
    ("", {}),
    ("13812345678", {}),
]


def _projection(d: dict) -> dict:
    """Verdict.to_dict() reduced to the summary keys."""
    flat = {key: d[key] for key in SUMMARY_KEYS}
    flat["official"] = d["official"]["number"] if d["official"] else None
    flat["org"] = d["org"]["id"] if d["org"] else None
    flat["claimed_org"] = d["claimed_org"]["id"] if d["claimed_org"] else None
    flat["reasons"] = [r["code"] for r in d["reasons"]]
    flat["suggested"] = [n["number"] for n in d["suggested"]]
    return flat


@pytest.mark.parametrize(("number", "options"), SAMPLES)
def test_summary_is_a_projection_of_to_dict(number, options):
    v = hv.verify(number, **options)
    assert summary(v) == _projection(json.loads(json.dumps(v.to_dict())))


def test_chatbot_numbers_carry_the_summary():
    text = "淘宝客服 400-123-4567 打来电话"
    (finding,) = hv.scan(text)
    (number,) = reply_data(text)["numbers"]
    assert {key: number[key] for key in SUMMARY_KEYS} == summary(finding.verdict)


def test_scan_json_findings_carry_the_summary(tmp_path):
    from hotline_verify._files import check_files
    from hotline_verify._reporters import report_json

    page = tmp_path / "help.md"
    page.write_text("淘宝客服电话 400-123-4567\n", "utf-8")
    checked = check_files([str(page)])
    (finding,) = json.loads(report_json(checked))["findings"]
    assert {key: finding[key] for key in SUMMARY_KEYS} == summary(checked.findings[0].finding.verdict)
