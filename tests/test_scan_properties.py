"""Invariants of scan() on generated texts.

scan() answers every question about a number (its claim, an incoming call, red flags)
inside the number's own line, and reads the words of a text window by window for
speed; so scanning a text must give exactly what scanning each of its lines gives.
"""

from __future__ import annotations

import re
import weakref

from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv
from hotline_verify import _context, _view

PIECES = [
    "淘宝",
    "天猫超市",
    "支付宝",
    "南航",
    "工行",
    "China Southern",
    "Alipay",
    "客服电话",
    "热线",
    "拨打",
    "来电",
    "自称",
    "验证码",
    "银行卡号",
    "安全账户",
    "不会索要",
    "卖家",
    "订单号",
    "工号",
    "元",
    "点",
    "号码",
    "call",
    "hotline",
    " customer service ",
    "：",
    ":",
    "，",
    "。",
    "；",
    "、",
    "(",
    "（",
    "）",
    " ",
    "  ",
    "\n",
    "9510211",
    "95188",
    "400-988-8898",
    "400-123-4567",
    "4OO-988-8898",
    "010-95566",
    "+95588",
    "13812345678",
    "138****1234",
    "400-XXX-XXXX",
    "2026-11-26",
    "9:00-21:00",
    "2000",
    "43,200",
    "1234567890123456789",
    "88XXX",
    "12315",
    "95l88",
    "０５７１－８８１５８１９８",
    "+86 138 1234 5678",
    "10086",
    "¥9.9",
    "20%",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _shifted(findings, offset):
    return [(f.start + offset, f.end + offset, f.text, f.verdict.to_dict()) for f in findings]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_text_scans_as_its_blocks_do(text):
    # a blank line ends a block: no number, claim or phone word reaches across it
    whole = _shifted(hv.scan(text), 0)
    by_block, offset = [], 0
    for block in text.split("\n\n"):
        by_block += _shifted(hv.scan(block), offset)
        offset += len(block) + 2
    assert whole == by_block


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_lie_inside_the_text_and_are_exact(text):
    previous_end = 0
    for f in hv.scan(text):
        assert 0 <= f.start < f.end <= len(text) and f.text == text[f.start : f.end]
        assert f.start >= previous_end  # findings do not overlap and come in order
        previous_end = f.end
        if f.status is hv.Status.OFFICIAL:
            assert f.verdict.normalized in {n.number for n in hv.packaged_allowlist().numbers if n.active}


def _vocabulary() -> list[str]:
    """Every cue word and every name of the packaged list."""
    al = hv.packaged_allowlist()
    names = {n for org in al.organisations for n in (org.name.zh, org.name.en, *org.aliases)}
    return sorted(names | set(_context._MEANING))


GAPS = ["", " ", "  ", "\t", " \n", "\n", "，", "："]
# names and cue words with the spaces inside them varied, run together with numbers and gaps
spaced_words = st.lists(
    st.tuples(st.sampled_from(_vocabulary() + PIECES), st.sampled_from(GAPS), st.sampled_from(GAPS)),
    max_size=60,
).map(lambda parts: "".join(word.replace(" ", inner) + gap for word, inner, gap in parts))


@settings(max_examples=300, deadline=None)
@given(spaced_words, st.booleans())
def test_words_with_any_spacing_never_raise(text, fresh):
    # a fresh vocabulary reads group by group, as in a process that has read little text
    kept = _context._vocabularies
    if fresh:
        _context._vocabularies = weakref.WeakKeyDictionary()
    try:
        for f in hv.scan(text):
            assert f.text == text[f.start : f.end]
    finally:
        _context._vocabularies = kept


DATE_PIECES = ["2023-10-12", "1999/1/5", "2020.12.31", "2023．1．1", "2023年5月", "2023年12月3日", "5月1日"]
DATE_PIECES += ["12月31号", "09:31", "9:00", "23:59:59", "12:60", "2023", "20231", "20", "19", "12", "1", "0"]
DATE_PIECES += ["５", "٣", "-", "/", ".", "．", "年", "月", "日", "号", ":", "：", " ", "\n", "客服"]
DATE_PIECES += ["一二三四五", "九五五八八", "一二", "⑨", "❺", "9\ufe0f\u20e3", "\u20e3"]
# the view as two passes over the whole text found it: dates starting at any digit, then enclosed
# digits, keycaps and runs of Chinese numerals (view() finds them all in one pass, from marks)
_SYMBOL_OR_NUMERALS = (
    "[\ufe0f\u20e3\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a零〇一二三四五六七八九幺两]"
    "(?:(?<=[\ufe0f\u20e3\u2460-\u24ff\u2776-\u2793\U0001f100-\U0001f10a])|[零〇一二三四五六七八九幺两]{4,})"
)


def _view_of_two_passes(text: str) -> str:
    chars = list(text)
    for m in _view._date_time().finditer(text):
        chars[m.start() : m.end()] = _view.BLANK * (m.end() - m.start())
    for m in re.finditer(_SYMBOL_OR_NUMERALS, text):
        if m.end() - m.start() > 1:
            chars[m.start() : m.end()] = m.group().translate(_view._NUMERAL_DIGITS)
        else:
            digit = _view._INVISIBLE if m.group() in _view._KEYCAP else _view._enclosed(m.group())
            chars[m.start()] = digit or chars[m.start()]
    return "".join(chars)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=16).map("".join))
def test_one_pass_from_the_marks_gives_the_view_of_a_pass_over_every_digit(text):
    assert _view.view(text).text == _view_of_two_passes(text)
