"""What the words around a number say.

A ``TextContext`` indexes the words around the numbers of a message, line by
line: every cue word (phone words, labels that make digits something else,
incoming-call cues, red flags) and every organisation the allowlist names; sentence and
clause ends are searched for around each number. Each question about a number is then
a few bisections, and no look-up reaches farther than ``REACH`` characters, so a
scan stays linear in the text.

>>> from hotline_verify._allowlist import packaged_allowlist
>>> ctx = TextContext("号码 400-123-4567，自称是淘宝理赔中心的客服", packaged_allowlist())
>>> ctx.prepare(3, 15)
>>> ctx.claim(3, 15).org.id
'taobao'
"""

from __future__ import annotations

import bisect
import enum
import functools
import operator
import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from ._allowlist import Allowlist, alias_key, stands_alone
from ._model import Organisation

__all__ = ["RED_FLAGS", "Cue", "Mention", "TextContext", "WordPattern", "vocabulary"]


class Cue(enum.Enum):
    """What a cue word says about the digits next to it."""

    PHONE = "phone"  # a noun for a phone number: 电话, 热线, hotline
    DIAL = "dial"  # the reader is told to call: 拨打, 致电, call
    SERVICE = "service"  # weaker: 客服, 投诉, customer service
    LABEL = "label"  # the digits are something else: 订单号, 工号, 邮编, version
    MONEY = "money"  # the digits are likely an amount: 金额, 赔偿, price
    INCOMING = "incoming"  # the number called the person: 来电, 打来, called me
    NEGATION = "negation"  # 不会, 别, never: a red flag mentioned to warn, not asked for
    FLAG = "flag"  # a request only scammers make (see RED_FLAGS)
    NEUTRAL = "neutral"  # words that contain a cue but mean something else (特别 ⊃ 别)

    # members are singletons, equal only to themselves: hashed in C, not by Enum's Python __hash__
    # (a text's kinds of cue are a set added to for every word)
    __hash__ = object.__hash__


_WORDS: Mapping[Cue, tuple[str, ...]] = MappingProxyType(
    {
        Cue.PHONE: (
            "电话",
            "热线",
            "号码",
            "手机号",
            "手机",
            "座机",
            "固话",
            "专线",
            "联系方式",
            "通话记录",
            "通话",
            "呼出",
            "去电",
            "未接",
            "已接",
            "报修",
            "挂失",
            "详询",
            "查询",
            "求助",
            "电联",
            "☎",
            "📞",
            "📱",
            "tel",
            "phone",
            "telephone",
            "hotline",
            "helpline",
            "phone number",
            "number",
            "mobile",
        ),
        Cue.DIAL: (
            "拨打",
            "拨通",
            "拨",
            "致电",
            "打给",
            "请打",
            "改打",
            "回拨",
            "呼叫",
            "联系",
            "call",
            "calls",
            "called",
            "calling",
            "dial",
            "dialled",
            "dialed",
            "ring",
            "contact",
        ),
        Cue.SERVICE: (
            "客服",
            "人工",
            "投诉",
            "举报",
            "报警",
            "咨询",
            "售后",
            "服务台",
            "customer service",
            "customer care",
            "service",
            "support",
            "complaints",
        ),
        Cue.LABEL: (
            "发票号码",
            "发票号",
            "发票代码",
            "合同号码",
            "合同号",
            "开奖号码",
            "中奖号码",
            "彩票",
            "取件码",
            "提货码",
            "取货码",
            "取餐码",
            "兑换码",
            "激活码",
            "邀请码",
            "错误码",
            "状态码",
            "端口",
            "心率",
            "身高",
            "体重",
            "血压",
            "体温",
            "血糖",
            "限速",
            "时速",
            "车速",
            "海拔",
            "总分",
            "分数",
            "得分",
            "成绩",
            "票数",
            "楼层",
            "门牌",
            "用户",
            "订单号码",
            "订单编号",
            "订单号",
            "订单",
            "单号",
            "运单号",
            "快递单号",
            "物流单号",
            "工单号",
            "工号",
            "员工号",
            "编号",
            "会员号",
            "学号",
            "邮编",
            "邮政编码",
            "身份证号码",
            "身份证号",
            "身份证",
            "证件号",
            "银行卡",
            "账号",
            "帐号",
            "账户",
            "帐户",
            "户号",
            "尾号",
            "货号",
            "型号",
            "版本号",
            "版本",
            "序列号",
            "流水号",
            "交易号",
            "QQ号",
            "QQ群",
            "群号",
            "QQ",
            "房间号",
            "车牌",
            "库存",
            "销量",
            "已售",
            "阅读",
            "粉丝",
            "点赞",
            "播放",
            "积分",
            "order",
            "order number",
            "order no.",
            "order id",
            "tracking",
            "tracking number",
            "invoice",
            "account",
            "account number",
            "id",
            "staff id",
            "employee id",
            "postcode",
            "zip",
            "zip code",
            "postal code",
            "version",
            "serial",
            "reference",
            "no.",
        ),
        Cue.MONEY: (
            "金额",
            "价格",
            "售价",
            "原价",
            "现价",
            "单价",
            "总价",
            "优惠",
            "赔偿",
            "退款",
            "共计",
            "合计",
            "付款",
            "转账",
            "余额",
            "扣款",
            "收费",
            "损失",
            "盗刷",
            "额度",
            "红包",
            "price",
            "amount",
            "total",
            "refund",
            "rmb",
            "cny",
            "usd",
        ),
        Cue.INCOMING: (
            "来电",
            "来电显示",
            "打来",
            "打给我",
            "给我打",
            "打电话给我",
            "打我电话",
            "致电给我",
            "呼入",
            "called me",
            "calls me",
            "calling me",
            "call from",
            "calls from",
            "called from",
            "received a call",
            "got a call",
            "had a call",
            "rang me",
            "phoned me",
            "incoming call",
            "caller id",
            "caller-id",
        ),
        Cue.NEGATION: (
            "不会",
            "不要",
            "不用",
            "不需要",
            "无需",
            "别",
            "切勿",
            "勿",
            "绝不",
            "决不",
            "从不",
            "从来不",
            "不得",
            "不能",
            "不可",
            "严禁",
            "谨防",
            "警惕",
            "小心",
            "当心",
            "防止",
            "拒绝",
            "never",
            "not",
            "don't",
            "do not",
            "won't",
            "will not",
            "doesn't",
            "does not",
            "beware",
            "no one",
            "nobody",
            "refuse",
        ),
        Cue.NEUTRAL: (
            "特别",
            "分别",
            "识别",
            "区别",
            "类别",
            "级别",
            "辨别",
            "告别",
            "个别",
            "派别",
            "性别",
            "转接",
            "直接",
            "连接",
            "链接",
            "对接",
            "衔接",
            "承接",
            "迎接",
        ),
    }
)

# Red flags: reason code → words. Each is also a label (digits right after "密码" are a password).
RED_FLAGS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "red-flag-sms-code": (
            "验证码",
            "校验码",
            "动态码",
            "短信码",
            "verification code",
            "sms code",
            "otp",
            "one-time code",
            "one-time password",
        ),
        "red-flag-card-number": (
            "银行卡号",
            "卡号",
            "信用卡号",
            "银行卡信息",
            "card number",
            "bank card",
            "card details",
        ),
        "red-flag-password": (
            "密码",
            "支付密码",
            "登录密码",
            "取款密码",
            "password",
            "passcode",
            "pin",
            "pin code",
        ),
        "red-flag-safe-account": (
            "安全账户",
            "安全账号",
            "安全帐户",
            "安全帐号",
            "资金安全账户",
            "safe account",
            "secure account",
            "safety account",
        ),
        "red-flag-credit-limit": (
            "提高额度",
            "提升额度",
            "提额",
            "刷流水",
            "做流水",
            "credit limit",
            "raise your limit",
            "increase your limit",
        ),
        "red-flag-screen-sharing": (
            "共享屏幕",
            "屏幕共享",
            "开启共享",
            "远程控制",
            "远程协助",
            "share your screen",
            "share screen",
            "screen sharing",
            "screen share",
            "remote access",
            "remote control",
        ),
        "red-flag-other-app": (
            "加QQ",
            "加 QQ",
            "加微信",
            "加 微信",
            "加企业微信",
            "加vx",
            "加 vx",
            "加v信",
            "下载会议软件",
            "会议软件",
            "腾讯会议",
            "视频会议",
            "向日葵",
            "zoom",
            "teamviewer",
            "anydesk",
            "add me on",
            "on wechat",
            "on whatsapp",
            "on telegram",
        ),
    }
)

# "接到一个自称客服的电话": the words between are bounded, so this stays linear.


@functools.cache  # compiled when a text first says 接到
def _received_call() -> re.Pattern[str]:
    return re.compile(r"(?<![转直连链对衔承迎])接到[^。！？!?；;\n]{0,16}?(?:电话|来电)")


REACH = 120  # characters: no sentence, clause or line is taken to run farther from a number
CLAIM_REACH = 80  # characters: farther names are taken to be about something else
TITLE_REACH = 40  # characters: a line above a number, taken as its title when no longer than this
_SENTENCE_ENDS = frozenset("。！？!?.；;")
_DIGITS = re.compile(r"\d{3}")
_WORD_CHAR = re.compile(r"[^\W\d_]")  # a letter or a Han character: the line has words before the number
_LONGEST_WORD = 24


@functools.cache  # compiled when a text first names an organisation
def _not_a_claim() -> re.Pattern[str]:
    """A brand followed by these words is a shop or a user of the brand, not the brand itself."""
    return re.compile(r"\s?(?:卖家|商家|店铺|店主|店家|用户|买家|会员|seller|merchant|shop|store|user)", re.I)


@functools.cache  # compiled when a text first names an organisation
def _denied() -> re.Pattern[str]:
    return re.compile(r"(?:不是|并非|並非|不属于|不屬於|而非)\s?$")


_SEPARATORS = frozenset(".·・'’-_/()（）")  # with every space: what may stand between a name's words
# Words are found in text where _lower() has given the separators outside ASCII their ASCII
# forms, so the atom lists ASCII alone: a class with other characters costs about 50 µs to
# compile each time it occurs, and names are compiled a group at a time as texts need them.
_WIDE_SEPARATORS = (("·", "."), ("・", "."), ("’", "'"), ("（", "("), ("）", ")"))
_SEPARATOR_ATOM = r"[\s.'\-_/()]{0,3}"


def _is_separator(ch: str) -> bool:
    return ch in _SEPARATORS or ch.isspace()  # str.isspace() is re's \s


_LATIN_END = r"(?![a-z0-9])"


# Negations only matter just before a red flag; they are looked for there alone.
_NEAR_FLAG = (Cue.NEGATION, Cue.NEUTRAL)


def _meanings() -> dict[str, tuple[Cue, str | None]]:
    meaning: dict[str, tuple[Cue, str | None]] = {}
    for cue, words in _WORDS.items():
        for w in words:
            meaning[w.lower()] = (cue, None)
    for code, words in RED_FLAGS.items():
        for w in words:
            meaning[w.lower()] = (Cue.FLAG, code)
    return meaning


_MEANING = _meanings()  # private and never changed: a plain dict is the fastest to look up


def _meaning(word: str) -> tuple[Cue, str | None] | None:
    """What a word found means if it is a cue (the spaces inside a cue vary: "phone  number"),
    or ``None`` for a name (whose spaces vary too: "PayPal  China")."""
    found = _MEANING.get(word)
    if found is None and ("\t" in word or "  " in word):
        found = _MEANING.get(re.sub(r"[ \t]+", " ", word))
    return found


def _atoms(word: str, *, separators: bool) -> tuple[str, ...]:
    """A word as regex atoms: one per character; spaces (or, in names, any separator) as a class."""
    atoms: list[str] = []
    for ch in word.lower():
        if separators and _is_separator(ch):
            if atoms and atoms[-1] != _SEPARATOR_ATOM:
                atoms.append(_SEPARATOR_ATOM)
        elif ch in " \t":
            atoms.append(r"[ \t]")
        else:
            atoms.append(re.escape(ch))
    while atoms and atoms[-1] == _SEPARATOR_ATOM:
        atoms.pop()
    if word[0].isascii() and word[0].isalnum():
        # whole words only; the check follows the first letter so that re can still skip
        # ahead to the letters words start with
        atoms[0] += "(?<![a-z0-9].)"
    if word[-1].isascii() and word[-1].isalnum():
        atoms.append(_LATIN_END)  # whole words only: "pin" is not inside "pinduoduo"
    return tuple(atoms)


def _trie(words: Iterable[tuple[str, ...]]) -> str:
    """A regex of words shaped as a trie, so the longest word wins.

    A flat alternation of hundreds of words makes the engine try each one at every
    position; a trie enters one branch, and its set of first characters lets ``re``
    skip ahead in C.
    """
    return _emit(_tree(words))


def _tree(words: Iterable[tuple[str, ...]]) -> dict[str, Any]:
    """The words as nested dicts of atoms; ``""`` marks where a word ends."""
    tree: dict[str, Any] = {}
    for atoms in words:
        node = tree
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    return tree


def _emit(node: dict[str, Any]) -> str:
    """The regex of a trie node."""
    # a word's end comes last, so "tmall supermarket" is tried before "tmall"
    atoms = sorted((a for a in node if a), key=lambda a: (a == _LATIN_END, a))
    branches = [atom + _emit(node[atom]) for atom in atoms]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _ranked_trie(words: Iterable[tuple[str, ...]], seen: Mapping[str, int]) -> tuple[str, frozenset[str]]:
    """``_trie()`` with its top branches in order of ``seen`` (how often each first character
    occurred), and the characters whose branch always matches.

    The engine tries a position's branches one after another and goes on through all of them
    when the one that starts with its character fails; a branch that cannot match a single
    character alone ends with an empty alternative instead, so the engine stops there (its
    one-character match is no word, and is dropped). The branches start with different
    characters: their order changes no match.
    """
    tree = _tree(words)
    branches: list[tuple[int, str, str]] = []
    stops: set[str] = set()
    for atom, node in tree.items():
        chars = " \t" if atom == r"[ \t]" else atom[1:] if atom.startswith("\\") else atom
        if "" in node or _LATIN_END in node:  # a one-character word: the branch may fail
            branches.append((-max(seen.get(c, 0) for c in chars), atom, atom + _emit(node)))
        else:
            branches.append((-max(seen.get(c, 0) for c in chars), atom, f"{atom}(?:{_emit(node)}|)"))
            stops.update(chars)
    branches.sort()
    return "(?:" + "|".join(b for _, _, b in branches) + ")", frozenset(stops)


def _first_chars(word: str, separators: bool) -> str:
    """The characters the first atom of ``word`` (see _atoms) matches."""
    for ch in word.lower():
        if separators and _is_separator(ch):
            continue  # leading separators are no atom
        return " \t" if ch in " \t" else ch
    return ""


def _is_literal(word: str, separators: bool) -> bool:
    """Whether every atom of ``word`` is one plain character (no class, no look-around)."""
    if (word[0].isascii() and word[0].isalnum()) or (word[-1].isascii() and word[-1].isalnum()):
        return False
    return not any(ch in " \t" or (separators and _is_separator(ch)) for ch in word.lower())


class _Group:
    """The words that start with one character: a set when each is plain text, else a regex."""

    __slots__ = ("lengths", "pattern", "words")

    def __init__(self, spelled: list[tuple[str, bool]]) -> None:
        self.pattern: re.Pattern[str] | None = None
        self.words: frozenset[str] = frozenset()
        self.lengths: tuple[int, ...] = ()
        if all(_is_literal(w, separators) for w, separators in spelled):
            # a trie of plain characters matches the longest word: a set answers the same
            self.words = frozenset(w.lower() for w, _ in spelled)
            self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))
        else:
            self.pattern = re.compile(_trie(_atoms(w, separators=separators) for w, separators in spelled))

    def match(self, lowered: str, at: int, hi: int) -> int:
        """The end of the word the trie matches at ``at`` (not past ``hi``), or -1."""
        if self.pattern is not None:
            m = self.pattern.match(lowered, at, hi)
            return -1 if m is None else m.end()
        words = self.words
        for n in self.lengths:
            if at + n <= hi and lowered[at : at + n] in words:
                return at + n
        return -1


class _Words:
    """Words of one script, found as one trie regex would find them (leftmost, longest).

    Compiling the trie of every organisation name costs about 100 ms, more than most
    scans take: the words are grouped by their first character and a group is built the
    first time a text holds that character. The top of the trie branches on that
    character, so matching the group at each position where it occurs finds what the
    whole trie finds. Once ``BULK`` characters have been read, Han words are looked for
    with the whole trie, which the engine runs faster than a Python loop over positions.
    """

    __slots__ = (
        "_built",
        "_groups",
        "_kept",
        "_read",
        "_seconds",
        "_seen",
        "_spelled",
        "_starts",
        "_stops",
        "_whole",
        "latin",
        "longest",
    )

    BULK = 20_000

    def __init__(
        self, spelled: list[tuple[str, bool]], *, latin: bool, kept: Callable[[str, bool], bool]
    ) -> None:
        self._spelled = spelled
        self._kept = kept  # whether a word counts (names are checked when their group is built)
        self.latin = latin  # Latin words are few in Chinese text: always group by group
        groups: dict[str, list[tuple[str, bool]]] = {}
        for w, separators in spelled:
            first = w[0].lower()
            if len(first) != 1 or first in " \t" or (separators and _is_separator(first)):
                first = _first_chars(w, separators)  # the rare word that needs a closer look
            for ch in first:
                groups.setdefault(ch, []).append((w, separators))
        self._groups = groups
        self._built: dict[str, _Group] = {}
        self._starts: re.Pattern[str] | None = None
        self._seconds: dict[str, frozenset[str]] = {}
        self._whole: re.Pattern[str] | None = None
        self._seen: dict[str, int] = {}  # first characters met in short texts, and how often
        self._stops: frozenset[str] = frozenset()
        self.longest = 0
        self._read = 0

    def _group(self, ch: str) -> _Group:
        group = self._built.get(ch)
        if group is None:
            group = self._built[ch] = _Group([x for x in self._groups[ch] if self._kept(*x)])
        return group

    def finditer(self, lowered: str, lo: int, hi: int, before: int | None) -> list[tuple[int, int]]:
        """Spans of the words in ``lowered[lo:hi]``, in order; with ``before``, at least
        those starting before it."""
        if not self.latin:
            if self._whole is None and self._read + hi - lo > self.BULK:
                atoms = [_atoms(w, separators=s) for w, s in self._spelled if self._kept(w, s)]
                self.longest = max(map(_width, atoms), default=0)
                pattern, self._stops = _ranked_trie(atoms, self._seen)
                self._whole = re.compile(pattern)
            if self._whole is not None:
                if before is not None:
                    hi = min(hi, before + self.longest)
                stops = self._stops
                return [
                    m.span()
                    for m in self._whole.finditer(lowered, lo, hi)
                    if m.end() - m.start() > 1 or lowered[m.start()] not in stops
                ]
            self._read += hi - lo
            return self._walk(lowered, lo, hi, before)  # a short text: no pattern to compile
        if self._starts is None:  # Latin words, group by group
            first = "".join(sorted(self._groups))
            # a Latin word starts a word: the look-behind follows the first letter, as in _atoms
            self._starts = re.compile(f"[{_class(first)}](?<![a-z0-9].)" if first else "(?!)")
        stop = hi if before is None else min(hi, before)
        found: list[tuple[int, int]] = []
        search = self._starts.search
        seconds = self._seconds
        at = lo
        while at < stop:
            m = search(lowered, at, stop)
            if m is None:
                break
            at = m.start()
            first = lowered[at]
            second = seconds.get(first)
            if second is None:
                second = seconds[first] = self._second_chars(first)
            # a phone number's digits pass here without trying the names that start with 1
            if second and (at + 1 >= hi or lowered[at + 1] not in second):
                at += 1
                continue
            end = self._group(first).match(lowered, at, hi)
            if end < 0:
                at += 1
            else:
                found.append((at, end))
                at = end
        return found

    def _walk(self, lowered: str, lo: int, hi: int, before: int | None) -> list[tuple[int, int]]:
        """finditer() character by character, for Han words in short texts (its steps after
        the search are written out again here: this loop runs once per character)."""
        stop = hi if before is None else min(hi, before)
        found: list[tuple[int, int]] = []
        groups, seconds, seen = self._groups, self._seconds, self._seen
        at = lo
        while at < stop:
            first = lowered[at]
            if first not in groups:
                at += 1
                continue
            seen[first] = seen.get(first, 0) + 1  # the whole trie tries frequent characters first
            second = seconds.get(first)
            if second is None:
                second = seconds[first] = self._second_chars(first)
            if second and (at + 1 >= hi or lowered[at + 1] not in second):
                at += 1
                continue
            end = self._group(first).match(lowered, at, hi)
            if end < 0:
                at += 1
            else:
                found.append((at, end))
                at = end
        return found

    @property
    def bulk(self) -> bool:
        """Whether the whole trie is in use (the text read so far is long)."""
        return self._whole is not None

    def _second_chars(self, first: str) -> frozenset[str]:
        """The characters that follow ``first`` in its words, when each word has a plain second
        character (a word can start only where one follows), else an empty set (no test)."""
        chars: set[str] = set()
        for w, separators in self._groups[first]:
            if not self._kept(w, separators):
                continue
            second = _second_chars(w, separators)
            if second is None:
                return frozenset()
            chars.update(second)
        return frozenset(chars)


def _second_chars(word: str, separators: bool) -> str | None:
    """The characters the second atom of ``word`` (see _atoms) matches, or ``None`` when that
    atom may match no character (the word ends, or a separator follows)."""
    chars = word.lower()
    at = 0
    if separators:
        while at < len(chars) and _is_separator(chars[at]):
            at += 1  # leading separators are no atom
    if at + 1 >= len(chars) or (separators and _is_separator(chars[at + 1])):
        return None
    return " \t" if chars[at + 1] in " \t" else chars[at + 1]


def _class(chars: str) -> str:
    """``chars`` written inside a regex character class."""
    return "".join("\\" + ch if ch in "\\]^-[" else ch for ch in chars)


class WordPattern:
    """Words to find in lower-cased text; a word that starts with a Latin letter must start a word."""

    __slots__ = ("_barrier", "_firsts", "_letters", "latin", "other")

    def __init__(self, other: _Words, latin: _Words) -> None:
        self.other = other
        self.latin = latin
        self._letters: frozenset[str] | None = None
        self._firsts = frozenset(other._groups).union(latin._groups)
        self._barrier: re.Pattern[str] | None = None

    @classmethod
    def build(
        cls, words: Iterable[str], *, names: Iterable[str] = (), keep: Callable[[str], bool] | None = None
    ) -> WordPattern:
        """Words, and names (whose inner spaces and dots may vary) for which ``keep`` holds.

        ``keep`` is asked about a name only when the name is first needed: a short text
        needs few.
        """
        other: list[tuple[str, bool]] = []
        latin: list[tuple[str, bool]] = []
        spelled = [(w, False) for w in words] + [(n, True) for n in names]
        for w, separators in spelled:
            (latin if w[0].isascii() and w[0].isalnum() else other).append((w, separators))
        answers: dict[str, bool] = {}

        def kept(word: str, separators: bool) -> bool:
            if not separators or keep is None:
                return True
            found = answers.get(word)
            if found is None:
                found = answers[word] = keep(word)
            return found

        return cls(_Words(other, latin=False, kept=kept), _Words(latin, latin=True, kept=kept))

    @property
    def letters(self) -> frozenset[str]:
        """Every character of every word, and of the names not kept (asking which are kept
        costs more than a first short scan; a character outside this set is still in no word)."""
        if self._letters is None:
            spelled = self.other._spelled + self.latin._spelled
            self._letters = frozenset("".join(w for w, _ in spelled).lower())
        return self._letters

    def starts_in(self, lowered: str, lo: int, hi: int) -> bool:
        """Whether a word may start in ``lowered[lo:hi]`` (some word's first character stands there)."""
        return not self._firsts.isdisjoint(lowered[lo:hi])

    def last_barrier(self, lowered: str, lo: int, hi: int) -> int | None:
        """The last position in ``[lo, hi)`` whose character no word can contain, or ``None``.

        No match can run across such a character, so finditer() started anywhere before
        it finds, from the next position on, the same words as finditer() started just
        after it: what lies before it can be skipped.
        """
        if lo >= hi:
            return None
        letters = self.letters
        for at in range(hi - 1, max(lo, hi - 4) - 1, -1):  # a line mostly opens after one
            ch = lowered[at]
            if ch not in letters and not _is_separator(ch):
                return at
        if self._barrier is None and self.other.bulk:  # a long text: worth compiling
            self._barrier = _barrier(self.letters)
        if self._barrier is not None:
            found = self._barrier.search(lowered[lo:hi][::-1])
            return None if found is None else hi - 1 - found.start()
        for at in range(hi - 1, lo - 1, -1):
            ch = lowered[at]
            if ch not in letters and not _is_separator(ch):
                return at
        return None

    def finditer(
        self, lowered: str, lo: int, hi: int, *, before: int | None = None, latin_lo: int | None = None
    ) -> list[tuple[int, int]]:
        """Spans of the words in ``lowered[lo:hi]``, in order; with ``before``, at least
        those starting before it (the text past the longest word after it is not read).
        With ``latin_lo``, Latin words are looked for from there instead: the two kinds are
        found apart, and a word of one kind may overlap one of the other."""
        found = self.other.finditer(lowered, lo, hi, before)
        latin = self.latin.finditer(lowered, lo if latin_lo is None else latin_lo, hi, before)
        if latin:
            found = sorted(found + latin, key=_start) if found else latin
        return found


# The names a text holds come from the vocabulary (with few spellings of their separators):
# their keys are worked out once, not at every mention.
_name_key = functools.lru_cache(maxsize=4096)(alias_key)
_start = operator.itemgetter(0)  # a sort key called in C, not a Python lambda per word


def _width(atoms: tuple[str, ...]) -> int:
    """The most characters the atoms of one word (see _atoms) can match."""
    return sum(0 if a == _LATIN_END else 3 if a == _SEPARATOR_ATOM else 1 for a in atoms)


def _barrier(letters: frozenset[str]) -> re.Pattern[str]:
    """Any character outside the words' letters, spaces and the separators inside names."""
    inside = "".join(re.escape(ch) for ch in sorted(letters))
    return re.compile(f"[^{inside} \\t{_SEPARATOR_ATOM[1 : _SEPARATOR_ATOM.index(']')]}]")


@functools.cache  # built when a red flag is first found
def _negations() -> WordPattern:
    return WordPattern.build(w for w, (cue, _) in _MEANING.items() if cue in _NEAR_FLAG)


class Mention(NamedTuple):
    """A word of the text: a cue, or an organisation's name (a tuple: there are many)."""

    start: int
    end: int
    text: str
    cue: Cue | None = None
    flag: str | None = None  # reason code of a red flag
    org: Organisation | None = None


# A Mention from all six fields, built in C: NamedTuple's own __new__ is Python code,
# and prepare() makes one for every word near every number.
_mention = functools.partial(tuple.__new__, Mention)


# Sentence and clause ends, looked for only around each number, forwards and (in the
# reversed text) backwards: "." ends a sentence when a space follows it.
# Each starts with one character class, which the engine skips to in C; "." is then kept
# only beside a space.
_SENTENCE_END = re.compile(r"[。！？!?；;\n\r\u2028\u2029.](?:(?<!\.)|(?=\s))")
_CLAUSE_END = re.compile(r"[。！？!?；;\n\r\u2028\u2029，,、.](?:(?<!\.)|(?=\s))")
_SENTENCE_END_REVERSED = re.compile(r"[。！？!?；;\n\r\u2028\u2029.](?:(?<!\.)|(?<=\s\.))")
_CLAUSE_END_REVERSED = re.compile(r"[。！？!?；;\n\r\u2028\u2029，,、.](?:(?<!\.)|(?<=\s\.))")
_vocabularies: weakref.WeakKeyDictionary[Allowlist, WordPattern] = weakref.WeakKeyDictionary()


def vocabulary(allowlist: Allowlist, /) -> WordPattern:
    """Every cue word and every name of the allowlist (of two characters or more in
    ``alias_key()`` form, and known to the list by that form), as one word finder.

    One per allowlist; its parts are compiled as texts need them (see _Words). Latin
    words and names match whole words only, in any case; the spaces and dots inside a
    name may vary as in ``alias_key()``.
    """
    pattern = _vocabularies.get(allowlist)
    if pattern is None:
        names = [name for org in allowlist.organisations for name in (org.name.zh, org.name.en, *org.aliases)]
        keys = allowlist.alias_keys

        def named(name: str) -> bool:
            return len(key := alias_key(name)) >= 2 and key in keys

        words = [w for w, (cue, _) in _MEANING.items() if cue not in _NEAR_FLAG] + ["接到"]
        pattern = _vocabularies[allowlist] = WordPattern.build(words, names=names, keep=named)
    return pattern


# Traditional characters of cue words and names, read as their Simplified forms (one for one,
# so positions stay): 客服電話 is 客服电话, 淘寶 is 淘宝.
_SIMPLIFIED = str.maketrans(
    "寶電話撥銀國務聯號機熱線碼為東華農業險壽鐵郵訊詢訴報費幣貨購買賣體網門開關請詐騙轉們個這來發應會員當遞運達團幫戶賬帳證驗無須對見問題點擊頁連結雲廣愛車順豐圓韻攜餓專區縣廳處鐘時間動蘋齊興匯廈財產鏈營際總資藥醫療稅勞擔權協議認單據標準綫話說聽讓給錢萬億聞紅視頻騰訂張馬雙龍陸灣島鄭漢蘇廣長滬錄響鳳",
    "宝电话拨银国务联号机热线码为东华农业险寿铁邮讯询诉报费币货购买卖体网门开关请诈骗转们个这来发应会员当递运达团帮户账帐证验无须对见问题点击页连结云广爱车顺丰圆韵携饿专区县厅处钟时间动苹齐兴汇厦财产链营际总资药医疗税劳担权协议认单据标准线话说听让给钱万亿闻红视频腾订张马双龙陆湾岛郑汉苏广长沪录响凤",
)
_TRADITIONAL = (  # the characters _SIMPLIFIED maps, as a pattern that finds them in C
    "[寶電話撥銀國務聯號機熱線碼為東華農業險壽鐵郵訊詢訴報費幣貨購買賣體網門開關請詐騙轉們個這來發應會員當遞運達團幫戶賬帳證驗無須對見問題點擊頁連結雲廣愛車順豐圓韻攜餓專區縣廳處鐘時間動蘋齊興匯廈財產鏈營際總資藥醫療稅勞擔權協議認單據標準綫話說聽讓給錢萬億聞紅視頻騰訂張馬雙龍陸灣島鄭漢蘇廣長滬錄響鳳]"
)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lower(text: str) -> str:
    """Lower-case letters, read Traditional characters as Simplified and separators in their
    ASCII forms, without moving any character ("İ" grows under str.lower)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(_ASCII_LOWER)
    if lowered.isascii():
        return lowered
    lowered = _simplified(lowered)
    for wide, plain in _WIDE_SEPARATORS:
        if wide in lowered:
            lowered = lowered.replace(wide, plain)
    return lowered


class _Simplified:
    """Traditional characters read as Simplified: by translate() while little text has been
    read, then only where a pattern (compiled once) finds one, as most text has none."""

    __slots__ = ("pattern", "read")

    def __init__(self) -> None:
        self.pattern: re.Pattern[str] | None = None
        self.read = 0

    def __call__(self, lowered: str) -> str:
        if self.pattern is None:
            self.read += len(lowered)
            if self.read <= 20_000:
                return lowered.translate(_SIMPLIFIED)
            self.pattern = re.compile(_TRADITIONAL)
        return lowered if self.pattern.search(lowered) is None else lowered.translate(_SIMPLIFIED)


_simplified = _Simplified()


class TextContext:
    """The cue words, organisation names and boundaries around the numbers of one text.

    The text is indexed lazily, the lines of each number as ``prepare()`` is called for
    it in text order; words on other lines are never looked at.
    """

    def __init__(self, text: str, allowlist: Allowlist, /) -> None:
        self.text = text
        self._words = vocabulary(allowlist)
        self._aliases = allowlist.alias_keys
        self._spans: dict[tuple[int, int, bool], tuple[int, int]] = {}
        self._openings: dict[int, int] = {}  # start (clause: -1 - start) -> where its span opens
        self._closings: dict[int, int] = {}  # end (clause: -1 - end) -> where its span closes
        self._titles: dict[int, tuple[int, str] | None] = {}  # line start -> the title line above
        self._title_of: tuple[int, tuple[int, int] | None] = (-1, None)  # the last number's title
        self._cues: list[Mention] = []
        self._cue_starts: list[int] = []
        self._kinds: set[Cue] = set()  # the kinds of cue indexed so far
        self._orgs: list[Mention] = []
        self._org_starts: list[int] = []
        self._done = 0  # every word starting before this has been indexed (or is never asked for)
        self._ends = [0, 0]  # where the last Han and the last Latin word read end

    def prepare(self, start: int, end: int) -> None:
        """Index what every question about the number at ``[start, end)`` needs.

        Numbers must be prepared in text order.

        Every question about a number stays inside its line and the title line above
        it, so only those are read. The words found are those one leftmost-longest
        pass over the whole text finds: reading goes on from where it stopped, or,
        past unread text, just after the last character no word can contain (no word
        runs across one, so the words after it do not depend on where reading began).
        """
        line_lo, line_hi = self.line(start, end)
        title = self.title_above(start)
        if title is not None:
            line_lo = title[0]  # its title line is read with it
        upto = min(len(self.text), line_hi + 1)  # a sentence may end just past the line
        if upto > self._done:
            self._read(line_lo, upto)

    def _read(self, lo: int, upto: int) -> None:
        """Index the words starting before ``upto`` from where reading stopped, or from the
        last character no word can contain before ``lo`` (words before it are never asked for)."""
        text, words = self.text, self._words
        at = self._done
        # each kind of word goes on after its last one: a Latin name may overlap a Han word
        han_at, latin_at = max(at, self._ends[0]), max(at, self._ends[1])
        skipping = lo - at > _LONGEST_WORD
        tail = max(at, lo - REACH)  # a line opens at most REACH before its number
        # read from two characters before (for the whole-word check) to a word's length after
        # (so that none is cut)
        stop = min(len(text), upto + _LONGEST_WORD)
        if skipping:
            # a line mostly opens just after a barrier: the few characters before it are looked at first
            near = max(tail, lo - 4)
            base = max(0, near - 2)
            lowered = _lower(text[base:stop])
            skip = words.last_barrier(lowered, near - base, lo - base)
            if skip is None and near > tail:
                base = max(0, tail - 2)
                lowered = _lower(text[base:stop])
                skip = words.last_barrier(lowered, tail - base, lo - base)
            if skip is not None:
                han_at = latin_at = base + skip + 1
            else:  # no barrier within REACH: the line opens at most that far back, and reading there
                han_at, latin_at = max(han_at, base), max(latin_at, base)
        else:
            base = max(0, min(han_at, latin_at) - 2)
            lowered = _lower(text[base:stop])
        # No word runs across a barrier: when no word can start after the line's last one,
        # reading stops there, and the next line is not looked into for words running on
        end = words.last_barrier(lowered, min(han_at, latin_at) - base, upto - base)
        if end is not None and not words.starts_in(lowered, end + 1, upto - base):
            spans = words.finditer(lowered, han_at - base, end, latin_lo=latin_at - base)
        else:
            spans = words.finditer(
                lowered, han_at - base, len(lowered), before=upto - base, latin_lo=latin_at - base
            )
        cues, cue_starts, kinds = self._cues, self._cue_starts, self._kinds
        ends = self._ends
        for w_at, w_to in spans:
            word = lowered[w_at:w_to]
            w_at += base
            if w_at >= upto:
                break
            w_to += base
            ends[word[0].isascii() and word[0].isalnum()] = w_to
            meaning = _MEANING.get(word)
            if meaning is None and ("\t" in word or "  " in word):
                meaning = _meaning(word)  # "phone  number": spaces inside a cue vary
            if meaning is not None:
                cues.append(_mention((w_at, w_to, text[w_at:w_to], meaning[0], meaning[1], None)))
                cue_starts.append(w_at)
                kinds.add(meaning[0])
            elif word == "接到":
                if _received_call().match(text, w_at):  # "接到一个自称客服的电话"
                    cues.append(_mention((w_at, w_to, text[w_at:w_to], Cue.INCOMING, None, None)))
                    cue_starts.append(w_at)
                    kinds.add(Cue.INCOMING)
            else:
                name = text[w_at:w_to]
                org = self._aliases.get(_name_key(word))  # the word as read: 淘寶 is 淘宝
                if (
                    org is not None
                    and not _not_a_claim().match(text, w_to)
                    and stands_alone(name, text, w_to)
                ):
                    self._orgs.append(_mention((w_at, w_to, name, None, None, org)))
                    self._org_starts.append(w_at)
        # no word of either kind starts between its last one and ``upto``: reading goes on from
        # the later of the two
        self._done = upto

    # -- boundaries ---------------------------------------------------------------
    # Every span is cut at REACH characters from the number: text without punctuation
    # would otherwise make one endless sentence and each look-up linear in the text.
    # A span's start depends only on where it starts and its end only on where it ends: each is
    # looked for once per position and kind (several questions about a number share them).
    def _span(self, start: int, end: int, clause: bool) -> tuple[int, int]:
        key = (start, end, clause)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = (self._opening(start, clause), self._closing(end, clause))
        return found

    def _opening(self, start: int, clause: bool) -> int:
        key = -1 - start if clause else start
        found = self._openings.get(key)
        if found is None:
            lo = max(0, start - REACH)
            backwards = (_CLAUSE_END_REVERSED if clause else _SENTENCE_END_REVERSED).search(
                self.text[lo:start][::-1]
            )
            found = self._openings[key] = start - backwards.start() if backwards else lo
            if clause and (found == lo or self.text[found - 1] not in "，,、"):
                self._openings[start] = found  # a clause opened by no comma opens its sentence
        return found

    def _closing(self, end: int, clause: bool) -> int:
        key = -1 - end if clause else end
        found = self._closings.get(key)
        if found is None:
            forwards = (_CLAUSE_END if clause else _SENTENCE_END).search(self.text, end, end + REACH)
            found = self._closings[key] = forwards.end() if forwards else min(len(self.text), end + REACH)
            if clause and (forwards is None or forwards.group()[0] not in "，,、"):
                self._closings[end] = found  # a clause closed by no comma closes its sentence
        return found

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``[start, end)``: up to 。！？；, a line break or ". "."""
        return self._span(start, end, False)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``[start, end)``: the sentence, cut at commas too."""
        return self._span(start, end, True)

    def line(self, start: int, end: int) -> tuple[int, int]:
        """The line (paragraph) around ``[start, end)``."""
        lo = max(0, start - REACH)
        newline = self.text.rfind("\n", lo, start)
        hi = self.text.find("\n", end, end + REACH)
        return (lo if newline < 0 else newline + 1), (min(len(self.text), end + REACH) if hi < 0 else hi)

    # -- cues ----------------------------------------------------------------------
    def cues(self, lo: int, hi: int) -> list[Mention]:
        """The cue words lying wholly inside ``[lo, hi)``."""
        cues = self._cues
        found = []
        for i in range(bisect.bisect_left(self._cue_starts, lo), len(cues)):
            c = cues[i]
            if c.start >= hi:
                break
            if c.end <= hi:
                found.append(c)
        return found

    def label_before(self, start: int, *, reach: int) -> Mention | None:
        """The nearest cue before ``start`` in the same clause, if within ``reach``."""
        lo = max(self._opening(start, True), start - reach)  # where the clause opens
        i = bisect.bisect_left(self._cue_starts, start) - 1
        while i >= 0 and self._cues[i].start >= lo:
            c = self._cues[i]
            if c.end <= start:
                return c
            i -= 1
        return None

    def has_cue(self, lo: int, hi: int, kinds: Iterable[Cue]) -> bool:
        """Whether a cue of one of ``kinds`` lies wholly inside ``[lo, hi)``."""
        wanted = kinds if isinstance(kinds, (tuple, frozenset, set)) else tuple(kinds)
        cues = self._cues
        # asked several times per number: a plain loop, not a generator, is the quickest
        for i in range(bisect.bisect_left(self._cue_starts, lo), len(cues)):
            c = cues[i]
            if c.start >= hi:
                break
            if c.end <= hi and c.cue in wanted:
                return True
        return False

    def negated(self, flag: Mention) -> bool:
        """Whether a red-flag word is mentioned as a warning ("never give your code")."""
        lo = max(self._opening(flag.start, True), flag.start - 12)  # where the clause opens
        base = max(0, lo - 2)
        window = _lower(self.text[base : flag.start])
        return any(
            (meaning := _meaning(window[at:to])) is not None and meaning[0] is Cue.NEGATION
            for at, to in _negations().finditer(window, lo - base, len(window))
        )

    def has_any(self, kind: Cue, /) -> bool:
        """Whether a cue of ``kind`` has been indexed anywhere (most texts have no red flag)."""
        return kind in self._kinds

    def red_flags(self, lo: int, hi: int) -> list[Mention]:
        """Red-flag words in ``[lo, hi)`` that are not negated, first of each kind."""
        if Cue.FLAG not in self._kinds:
            return []
        found: dict[str, Mention] = {}
        for c in self.cues(lo, hi):
            if c.cue is Cue.FLAG and c.flag not in found and not self.negated(c):
                assert c.flag is not None
                found[c.flag] = c
        return list(found.values())

    # -- organisations ---------------------------------------------------------------
    def claim(self, start: int, end: int) -> Mention | None:
        """The organisation the number at ``[start, end)`` is presented as, or ``None``.

        The nearest name in the same clause wins; failing that, the nearest in the
        same sentence; names farther than ``CLAIM_REACH`` characters do not count.
        Distance is counted between the facing ends; on a tie the earlier name wins.
        """
        c_lo, c_hi = self.clause(start, end)  # first: a clause that no comma bounds gives the sentence
        s_lo, s_hi = self.sentence(start, end)
        lo, hi = max(s_lo, start - CLAIM_REACH), min(s_hi, end + CLAIM_REACH)
        text = self.text
        i = bisect.bisect_left(self._org_starts, lo)
        best: tuple[tuple[int, int, int], Mention] | None = None
        denied: set[str] = set()  # "这不是淘宝客服": a name denied is no claim, here or later on
        while i < len(self._orgs) and self._orgs[i].start < hi:
            m = self._orgs[i]
            i += 1
            if m.end > hi or (m.start < end and m.end > start):
                continue
            assert m.org is not None
            if m.org.id in denied or _denied().search(text, max(0, m.start - 4), m.start):
                denied.add(m.org.id)
                continue
            before = m.end <= start
            distance = start - m.end if before else m.start - end
            outside = 0 if c_lo <= m.start and m.end <= c_hi else 1
            # a name in a later clause, with another number before it, is that number's
            if outside and not before and _DIGITS.search(text, end, m.start):
                continue
            rank = (outside, distance, 0 if before else 1)
            if best is None or rank < best[0]:
                best = (rank, m)
        if best is not None:
            return best[1]
        return self._claim_above(start) or self._claim_in_question(start, s_lo)

    def _claim_in_question(self, start: int, s_lo: int) -> Mention | None:
        """A name in the sentence just before, on the same line, with no number between:
        "京东客服电话是多少？我搜到的是 4008261234"."""
        if s_lo == 0 or self.text[s_lo - 1] not in "？?":  # only a question asked just before
            return None
        i = bisect.bisect_left(self._org_starts, s_lo) - 1
        if i < 0:
            return None
        m = self._orgs[i]
        line_start = self.text.rfind("\n", 0, start) + 1
        if m.start < max(line_start, start - CLAIM_REACH) or _DIGITS.search(self.text, m.end, start):
            return None
        return m

    def title_above(self, start: int) -> tuple[int, int] | None:
        """The line just above a number that starts its line, when it reads as the number's
        title: a search result's title over its snippet, "淘宝官方客服电话：" over the number.
        A blank line between them, or a line longer than a title, ends the block."""
        if self._title_of[0] == start:  # asked when a number is prepared, and again by its questions
            return self._title_of[1]
        text = self.text
        block: tuple[int, int] | None = None
        line_start = text.rfind("\n", max(0, start - REACH), start) + 1
        if line_start:
            # words before the number on its line: only "label：" or a question above names it.
            # The line above's last character is checked first: most lines are no title at all.
            last = line_start - 2
            while last >= 0 and text[last] != "\n" and text[last].isspace():
                last -= 1
            if (last >= 0 and text[last] in "：:？?") or not _WORD_CHAR.search(text, line_start, start):
                if line_start in self._titles:
                    found = self._titles[line_start]
                else:
                    found = self._titles[line_start] = self._title_line(line_start)
                if found is not None:
                    block = found[0], line_start
        self._title_of = start, block
        return block

    def _title_line(self, line_start: int) -> tuple[int, str] | None:
        """Where the line above ``line_start`` starts and its last character, if it can be a title."""
        text = self.text
        above = text.rfind("\n", max(0, line_start - 1 - TITLE_REACH), line_start - 1) + 1
        title = text[above : line_start - 1].strip()
        if len(title) > TITLE_REACH or (above == 0 and line_start - 1 - TITLE_REACH > 0) or not title:
            return None
        if _DIGITS.search(title) or (title[-1] in _SENTENCE_ENDS and title[-1] not in "？?"):
            return None  # a row of a list, or a statement of its own, is no title (a question is)
        return above, title[-1]

    def _claim_above(self, start: int) -> Mention | None:
        block = self.title_above(start)
        if block is None:
            return None
        above, line_start = block
        text = self.text
        i = bisect.bisect_left(self._org_starts, line_start) - 1
        if (
            i >= 0
            and self._orgs[i].start >= above
            and not _DIGITS.search(text, self._orgs[i].end, line_start)
        ):
            return self._orgs[i]
        return None
