"""The word finder of the scanner's context reader finds what one trie pattern finds.

The vocabulary is matched group by group (a group per first character, each compiled
when a text first needs it) for short texts and with the whole Han trie after that; both
must give the words a single compiled trie of every word gives.
"""

from __future__ import annotations

import json
import random
import re
import weakref
from pathlib import Path

import pytest

from hotline_verify import _context, scan
from hotline_verify._allowlist import packaged_allowlist

CORPUS = Path(__file__).parent / "data" / "scan_corpus"


def texts() -> list[str]:
    lines = [
        json.loads(line)["text"]
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    al = packaged_allowlist()
    names = [n for org in al.organisations for n in (org.name.zh, org.name.en, *org.aliases)]
    words = list(_context._MEANING)
    rng = random.Random(5)
    glue = ["", " ", "  ", "，", "。", "\n", "(", "）", "-", ".", "x", "9", "A"]
    made = [
        "".join(rng.choice(glue) + rng.choice(names + words + lines) for _ in range(rng.randrange(1, 12)))
        for _ in range(400)
    ]
    return [_context._lower(t) for t in lines + made]


def one_trie(words: _context._Words) -> re.Pattern[str]:
    return re.compile(_context._trie(_context._atoms(w, separators=s) for w, s in words._spelled))


@pytest.mark.parametrize(
    ("bulk", "ranked"),
    [(10**9, False), (-1, False), (-1, True)],
    ids=["group by group", "whole Han trie", "whole Han trie, branches ranked"],
)
def test_words_are_those_of_one_trie(bulk: int, ranked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_context._Words, "BULK", bulk)
    vocabulary = _context.vocabulary(packaged_allowlist())
    fresh = _context.WordPattern.build(
        [w for w, s in vocabulary.other._spelled + vocabulary.latin._spelled if not s],
        names=[w for w, s in vocabulary.other._spelled + vocabulary.latin._spelled if s],
    )
    if ranked:  # as if short texts had met the first characters this often
        firsts = sorted(fresh.other._groups)
        random.Random(3).shuffle(firsts)
        fresh.other._seen.update((ch, n) for n, ch in enumerate(firsts))
    other, latin = one_trie(fresh.other), one_trie(fresh.latin)
    for text in texts():
        expected = sorted(
            [m.span() for m in other.finditer(text)] + [m.span() for m in latin.finditer(text)],
            key=lambda span: span[0],
        )
        assert fresh.finditer(text, 0, len(text)) == expected, text
        middle = len(text) // 2  # "before": at least the words starting before it, the same ones
        head = [span for span in expected if span[0] < middle]
        assert [s for s in fresh.finditer(text, 0, len(text), before=middle) if s[0] < middle] == head


def test_a_short_text_compiles_only_the_groups_it_needs() -> None:
    pattern = _context.WordPattern.build(["客服", "电话", "hotline"], names=["淘宝", "Taobao"])
    assert pattern.finditer("淘宝客服电话", 0, 6) == [(0, 2), (2, 4), (4, 6)]
    assert set(pattern.other._built) == {"淘", "客", "电"}
    assert pattern.latin._built == {}


def test_a_name_refused_by_keep_is_no_word() -> None:
    pattern = _context.WordPattern.build(
        ["客服"], names=["淘宝", "天猫", "Tmall"], keep=lambda n: "猫" not in n
    )
    assert pattern.finditer("淘宝天猫客服", 0, 6) == [(0, 2), (4, 6)]
    assert not pattern.letters.isdisjoint("淘宝客服")


def barren_texts() -> list[str]:
    """Messages, alone and run together, and long runs of Han words with few characters
    that no word holds (where reading may not simply start at a line)."""
    lines = [
        json.loads(line)["text"]
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    rng = random.Random(11)
    al = packaged_allowlist()
    names = [n for org in al.organisations for n in (org.name.zh, *org.aliases) if not n.isascii()]
    han = [w for w in _context._MEANING if not w.isascii()] + names + list("的是了我")
    numbers = ["400-820-8820", "95588", "4001234567", "138 1234 5678", "10086", "021-12345678"]
    made = []
    for _ in range(300):
        parts = []
        for _ in range(rng.randrange(3, 30)):
            roll = rng.random()
            if roll < 0.5:
                parts.append("".join(rng.choice(han) for _ in range(rng.randrange(1, 100))))
            elif roll < 0.8:
                parts.append(rng.choice(numbers))
            else:
                parts.append(rng.choice(["，", "。", "\n", " ", "：", "Taobao", "ICBC", "hotline"]))
        made.append("".join(parts))
    return lines[:400] + ["\n".join(lines[i : i + 40]) for i in range(0, len(lines), 40)] + made


def test_prepare_indexes_each_line_as_one_pass_over_the_text_would() -> None:
    al = packaged_allowlist()
    for text in barren_texts():
        lazy, whole = _context.TextContext(text, al), _context.TextContext(text, al)
        whole._read(0, len(text))  # one pass, from the first character to the last
        for m in re.finditer(r"\d[\d -]{2,}\d", text):
            lazy.prepare(*m.span())
            lo, hi = lazy.line(*m.span())
            title = lazy.title_above(m.start())
            lo = title[0] if title is not None else lo
            assert lazy.cues(lo, hi) == whole.cues(lo, hi), (text, m.span())
            orgs = [o for o in whole._orgs if lo <= o.start and o.end <= hi]
            assert [o for o in lazy._orgs if lo <= o.start and o.end <= hi] == orgs, (text, m.span())


# Han words, Latin names and spaces run together for more than REACH characters: no character
# before the number's line is one that no word holds, so reading must start where the line
# may open. In a process that had read little text, it started before the text read so far
# and scan() raised IndexError.
RUN_TOGETHER = (
    "盛京银行XPeng 手机号光大銀行中央纪委远程控制HSBC (China) 招行中国银联 WeChat Pay Ping An Bank "
    "Bank of Beijing刷流水向日葵 中行 Ant Group招商银行 外交部华夏银行 Baidu NCI国信证券 刷流水神州租车 "
    "银行卡号 CMB提货码 XPeng学浪 Huawei 中国人寿 环保举报Ping An GroupHSBC (China)链接 calls from\n"
    "Feishu (Lark)order：\n拨 95188 ZiroomneverDiDi"
)


def test_a_line_with_no_barrier_before_it_is_read_from_where_it_may_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_context, "_vocabularies", weakref.WeakKeyDictionary())  # as in a new process
    al = packaged_allowlist()
    found = scan(RUN_TOGETHER)
    assert [(f.text, f.claimed_org.id if f.claimed_org else None) for f in found] == [("95188", "feishu")]
    lazy, whole = _context.TextContext(RUN_TOGETHER, al), _context.TextContext(RUN_TOGETHER, al)
    whole._read(0, len(RUN_TOGETHER))
    start = RUN_TOGETHER.index("95188")
    lazy.prepare(start, start + 5)
    title = lazy.title_above(start)
    assert title is not None
    lo, hi = title[0], lazy.line(start, start + 5)[1]
    assert lazy.cues(lo, hi) == whole.cues(lo, hi)
    assert [o for o in lazy._orgs if lo <= o.start] == [o for o in whole._orgs if lo <= o.start]
