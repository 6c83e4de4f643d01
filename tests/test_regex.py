"""No regular expression of the package backtracks catastrophically.

Every pattern in src/ (found by reading the source, so a new one cannot be missed)
gets input shaped to make a backtracking engine work hardest: long runs that
almost match and then fail at the end. Time for n and for 10n must grow about
linearly (a generous factor, medians of a few runs); quadratic growth would be
~100x.
"""

from __future__ import annotations

import ast
import gc
import importlib
import re
import statistics
import time
from pathlib import Path

import pytest

from hotline_verify._allowlist import schema

normalize_module = importlib.import_module("hotline_verify._normalize")
allowlist_module = importlib.import_module("hotline_verify._allowlist")
files_module = importlib.import_module("hotline_verify._files")
context_module = importlib.import_module("hotline_verify._context")
SRC = Path(normalize_module.__file__).parent

N = 5_000
FACTOR = 30  # linear is ~10x; quadratic ~100x
SLACK = 0.005  # seconds: timer noise on tiny times


def source_patterns() -> set[str]:
    """Every string literal passed to a function of ``re`` in the package."""
    found = set()
    for path in SRC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def schema_patterns() -> set[str]:
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())
    return found


# pattern -> (how the code applies it, input of size n that makes it work hardest)
CASES = {
    # view.py
    "[\\d\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a零〇一二三四五六七八九幺两]": (
        "search",
        lambda n: "字" * n,
    ),
    "[0-9]": ("search", lambda n: "a" * n),
    r"[^\W\d_]|[?|]": ("search", lambda n: "1" * n),
    # normalize.py
    r"(?:转|分机|ext(?:ension)?\.?|x|#|,|;|，|；)\s*(\d{1,6})\s*#?$": (
        "search",
        lambda n: ("x1" + " " * n + "!").rstrip(),
    ),
    r"[+]?[0-9 \t().\-]+": ("fullmatch", lambda n: "+" + "1 (" * n + "a"),
    r"x{2,}|x\d|\dx": ("search", lambda n: "x y" * n),
    r"([^\W\d_]+|\?+)": ("split", lambda n: "a?1" * n),
    r"[零〇一二三四五六七八九幺两\s\-－—.·()（）]+": ("fullmatch", lambda n: "一 " * n + "x"),
    r"[（(\[【][^（）()\[\]【】]{0,40}[）)\]】]": ("sub", lambda n: "(" * n + "1"),
    r"[^\W\d_]|[:：]": ("search", lambda n: "1" * n),
    # allowlist.py
    r"[\s.·・'’\-_/()（）:：,，]+": ("sub", lambda n: " ." * n + "a"),
    r"[0-9]+": ("finditer", lambda n: ("9" * 999 + ",") * (n // 100)),  # runs just short of the limit
    # allowlist.py, the hand check of the schema's patterns (matched whole)
    r"[a-z0-9]+(?:-[a-z0-9]+)*": ("fullmatch", lambda n: "a-" * n + "-"),
    r"[0-9]{3,20}": ("fullmatch", lambda n: "1" * n),
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}": ("fullmatch", lambda n: "2026-" * n),
    r"https?://[^\s/.]+\.[^\s/]+(?:/\S*)?": ("fullmatch", lambda n: "https://" + "a." * n + " "),
    r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+": ("fullmatch", lambda n: "a" + "." * n + "/a/"),
    r"[0-9a-f]{40}": ("fullmatch", lambda n: "a" * n),
    r"\+[0-9]{6,20}": ("fullmatch", lambda n: "+" + "1" * n),
    # scan.py (its candidate pattern, built from parts, is timed on 2 MB in test_scan.py)
    r"(?:[¥￥$€£#№第共约月年转]|(?<![A-Za-z])(?i:no\.?|rmb|cny|usd))[ \t\u3000]{0,2}$": (
        "search",
        lambda n: "¥ " * n + "x",
    ),
    r"\+?[0-9][0-9 ()\-]*": ("fullmatch", lambda n: "+1" + " (-" * n + "a"),
    r"[0-9]+|[^0-9]+": ("finditer", lambda n: "1a" * n),
    r"400|800|1[3-9]|9[56]|0[1-9]": ("search", lambda n: "4" * n),
    r"00\d+|0\d{7,11}|86\d{10,11}|[48]00\d{7}|1[3-9]\d{9}|106\d{5,17}|9[56]\d{3,6}|1[0-2]\d{1,6}"
    r"|[2-9]\d{6,7}|1259023\d+|12583\d+|1183348\d+|[48]00\d{8,10}|9[56]\d{7,9}": (
        "fullmatch",
        lambda n: "00" + "1" * n + "a",
    ),
    r"[ \t\u3000]{0,2}(?:[元块万亿%％]|(?i:yuan|rmb|usd|cny)(?![A-Za-z]))": ("match", lambda n: " " * n),
    r"[打拨撥找]了?[ \t\u3000]{0,2}$": ("search", lambda n: "打 " * n + "x"),
    # view.py and links.py (the link pattern, built from parts, is timed in test_scan.py)
    r"\d(?<!\d.)(?:"
    r"(?:(?<=1)9|(?<=2)0)\d\d(?:[-/.．](?:0?[1-9]|1[0-2])[-/.．](?:0?[1-9]|[12]\d|3[01])|年\d{1,2}月(?:\d{1,2}[日号])?)"
    r"(?!\d)"
    r"|\d?月\d{1,2}[日号](?!\d)"
    r"|(?<![:：].)\d?[:：][0-5]\d(?:[:：][0-5]\d)?(?![\d:：])"
    r")": ("finditer", lambda n: "2020-1-1:1" * n),
    "[-/.．年月:：\ufe0f\u20e3\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a零〇一二三四五六七八九幺两]"
    "(?:(?<=(?:19|20)\\d\\d[-/.．])(?=\\d\\d?[-/.．]\\d)|(?<=(?:19|20)\\d\\d年)(?=\\d\\d?月)"
    "|(?<=\\d月)(?=\\d\\d?[日号])|(?<=\\d[:：])(?=[0-5]\\d)"
    "|(?<=[\ufe0f\u20e3\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a])"
    "|(?<=[零〇一二三四五六七八九幺两])[零〇一二三四五六七八九幺两]{4,})": (
        "finditer",
        lambda n: "①一二三四a2020-1:5月" * n,
    ),
    r"[?&#](?:tel|phone|mobile|mob|call|hotline|number)=(\+?\d[\d-]{4,19})": (
        "finditer",
        lambda n: "?tel=1" * n,
    ),
    r"[a-z]{2,}": ("finditer", lambda n: "ab1" * n),
    r"\S": ("sub", lambda n: "a " * n),  # view.py
    r"\d{3,20}": ("finditer", lambda n: "12a" * n),
    r"\d{5,8}\.(?:cn|com\.cn|gov\.cn|net\.cn|org\.cn|com)": ("fullmatch", lambda n: "1" * n + ".cn"),
    r"^(?:https?://)?(?:[^@/]*@)?([^/?#:]+)": ("match", lambda n: "a" * n + "@"),
    # context.py, verify.py
    r"(?:不是|并非|並非|不属于|不屬於|而非)\s?$": ("search", lambda n: "不是x" * n),
    r"\d{3}": ("search", lambda n: "12a" * n),
    "[\u3400-\u9fff]{2}": ("search", lambda n: "a淘" * n),
    context_module._TRADITIONAL: ("search", lambda n: "淘宝" * n),
    r"[^\W\d_]": ("search", lambda n: "1" * n),
    "(?=[快派揽送配骑外司师cCrRdD])"
    "(?:快递员|快递小哥|派件员|揽件员|送货员|配送员|骑手|外卖员|外卖小哥|司机|师傅|(?i:courier|rider|driver))": (
        "search",
        lambda n: "快递" * n,
    ),
    r"\d+": ("match", lambda n: "1" * n + "a"),
    # context.py
    r"(?<![转直连链对衔承迎])接到[^。！？!?；;\n]{0,16}?(?:电话|来电)": ("search", lambda n: "接到" * n),
    r"\s?(?:卖家|商家|店铺|店主|店家|用户|买家|会员|seller|merchant|shop|store|user)": (
        "search",
        lambda n: " " * n + "x",
    ),
    r"[\s.·・'’\-_/()（）]": ("finditer", lambda n: " ." * n),
    r"[ \t]+": ("sub", lambda n: " \t" * n + "a"),
    r"[。！？!?；;\n\r\u2028\u2029.](?:(?<!\.)|(?=\s))": ("finditer", lambda n: "a." * n),
    r"[。！？!?；;\n\r\u2028\u2029，,、.](?:(?<!\.)|(?=\s))": ("finditer", lambda n: "a." * n),
    r"[。！？!?；;\n\r\u2028\u2029.](?:(?<!\.)|(?<=\s\.))": ("finditer", lambda n: ".a" * n),
    r"[。！？!?；;\n\r\u2028\u2029，,、.](?:(?<!\.)|(?<=\s\.))": ("finditer", lambda n: ".a" * n),
    # verify.py
    r"[0-9０-９]([ \t\u3000\-－‐‑–—]+)([0-9０-９]{1,4})[ \t\u3000]*$": ("search", lambda n: "1 " * n + "x"),
    # files.py
    r"\s+": ("sub", lambda n: " \n" * n + "a"),
    files_module._CJK_TEXT.pattern: ("search", lambda n: "a" * n + "淘"),
    files_module._HAN.pattern: ("search", lambda n: "a" * n + "淘"),
    # allowlist.schema.json (fastjsonschema applies them with re.search)
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": ("search", lambda n: "2026-" * n),
    r"^[a-z0-9]+(-[a-z0-9]+)*$": ("search", lambda n: "a-" * n + "!"),
    r"^[0-9]{3,20}$": ("search", lambda n: "9" * n + "a"),
    r"^https?://[^\s/.]+\.[^\s/]+(/[^\s]*)?$": ("search", lambda n: "https://" + "a." * n + " "),
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$": (
        "search",
        lambda n: "a" + "_." * n + "/" + "a." * n + "/",
    ),
    r"^[0-9a-f]{40}$": ("search", lambda n: "0" * n),
    r"^\+[0-9]{6,20}$": ("search", lambda n: "+" + "9" * n),
}


def median_time(f, arg, runs=5):
    times = []
    gc.disable()  # collections triggered by many match objects are not the regex's time
    try:
        for _ in range(runs):
            start = time.perf_counter()
            f(arg)
            times.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return statistics.median(times)


def apply(pattern: re.Pattern[str], how: str):
    if how == "sub":
        return lambda s: pattern.sub("", s)
    if how in ("split", "finditer"):
        return lambda s: list(getattr(pattern, how)(s))
    return getattr(pattern, how)


def assert_linear(f, make):
    f(make(10))  # warm up
    small = median_time(f, make(N))
    large = median_time(f, make(10 * N))
    assert large < FACTOR * small + SLACK, f"n: {small * 1e3:.2f} ms, 10n: {large * 1e3:.2f} ms"


def test_every_pattern_of_the_package_has_a_case():
    assert source_patterns() | schema_patterns() <= set(CASES), (source_patterns() | schema_patterns()) - set(
        CASES
    )


@pytest.mark.parametrize("pattern", sorted(CASES), ids=lambda p: p[:30])
def test_pattern_time_grows_linearly(pattern):
    how, make = CASES[pattern]
    assert_linear(apply(re.compile(pattern), how), make)


def test_compiled_patterns_are_the_ones_checked():
    """The module-level compiled patterns match the literal ones checked above."""
    for compiled in (
        normalize_module._extension(),
        normalize_module.SIMPLE_ASCII,
    ):
        assert compiled.pattern in CASES


def test_extension_is_found_in_linear_time_through_read():
    # read() caps a number at MAX_INPUT characters; the pattern itself must not depend on that cap
    assert_linear(
        lambda s: normalize_module._extension().search(s.rstrip()), lambda n: "95188 x1" + " " * n + "!"
    )


def test_locating_a_long_number_in_a_file_is_linear():
    assert_linear(allowlist_module._long_number_at, lambda n: ("9" * 999 + ",") * (n // 100) + "1" * 1000)
    assert allowlist_module._long_number_at("{\n  " + "1" * 1000) == (2, 3)


# Patterns rewritten to open with one character class (so the engine skips ahead in C) against
# the plain forms they replace: the same match at every start and end on text made to trip them.
PLAIN_FORMS = [
    (context_module._SENTENCE_END, r"[。！？!?；;\n\r\u2028\u2029]|\.(?=\s)"),
    (context_module._CLAUSE_END, r"[。！？!?；;\n\r\u2028\u2029，,、]|\.(?=\s)"),
    (context_module._SENTENCE_END_REVERSED, r"[。！？!?；;\n\r\u2028\u2029]|(?<=\s)\."),
    (context_module._CLAUSE_END_REVERSED, r"[。！？!?；;\n\r\u2028\u2029，,、]|(?<=\s)\."),
    (
        importlib.import_module("hotline_verify._verify").person_pattern(),
        "(?i:快递员|快递小哥|派件员|揽件员|送货员|配送员|骑手|外卖员|外卖小哥|司机|师傅|courier|rider|driver)",
    ),
]


@pytest.mark.parametrize(("pattern", "plain"), PLAIN_FORMS, ids=lambda p: getattr(p, "pattern", p)[:20])
def test_a_rewritten_pattern_finds_what_its_plain_form_finds(pattern: re.Pattern[str], plain: str) -> None:
    import random

    reference = re.compile(plain)
    rng = random.Random(7)
    pieces = [
        " ",
        "\t",
        "\n",
        ".",
        ". ",
        "。",
        "，",
        ",",
        "、",
        "!",
        "客服",
        "快递",
        "员",
        "Courier",
        "RIDER",
        "driVer",
        "师傅",
        "骑",
        "手",
        "d",
        "r",
        "c",
        "\u2028",
        "x",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        lo = rng.randrange(0, len(text) + 1)
        hi = rng.randrange(lo, len(text) + 1)
        found, expected = pattern.search(text, lo, hi), reference.search(text, lo, hi)
        assert (found and found.span()) == (expected and expected.span()), (text, lo, hi)
