"""Tests written to kill mutants that survived the rest of the suite (docs/hardening.md).

Each pins a rule the other tests only sampled: the exact variants of every lookalike
kind (derived here from their definitions, not from the implementation), the words
of each difference, the order of the verdict rules, and how claims resolve.
"""

from __future__ import annotations

import pytest

import hotline_verify as hv
from hotline_verify._lookalike import LookalikeIndex, difference, edit_kind, generate, is_short_service

DIGITS = "0123456789"


def variants(number: str, kind: str) -> list[str]:
    return [v.number for v in generate(number, kinds=[kind])]


def spec(number: str, kind: str) -> set[str]:
    """The variants of a kind, straight from its definition (DESIGN section 5)."""
    n = number
    if kind == "substitution":
        return {n[:i] + c + n[i + 1 :] for i in range(len(n)) for c in DIGITS if c != n[i]}
    if kind == "transposition":
        return {n[:i] + n[i + 1] + n[i] + n[i + 2 :] for i in range(len(n) - 1) if n[i] != n[i + 1]}
    if kind == "omission":
        return {n[:i] + n[i + 1 :] for i in range(len(n))}
    if kind == "repetition":
        return {n[: i + 1] + n[i] + n[i + 1 :] for i in range(len(n))}
    if kind == "insertion":
        everything = {n[:i] + c + n[i:] for i in range(len(n) + 1) for c in DIGITS}
        trunk = {"0" + n} if n[:3] in ("400", "800") else set()  # the same number with a trunk 0
        return everything - spec(n, "repetition") - trunk
    raise AssertionError(kind)


@pytest.mark.parametrize("number", ["95188", "12345", "9510211", "4009888898", "10107888", "95090"])
@pytest.mark.parametrize("kind", ["substitution", "transposition", "omission", "repetition", "insertion"])
def test_edit_kinds_make_exactly_their_definition(number, kind):
    got = variants(number, kind)
    assert len(got) == len(set(got))
    assert set(got) == spec(number, kind) - {number}


def test_substitution_lists_keypad_neighbours_first():
    got = variants("95188", "substitution")
    assert got[:3] == ["65188", "85188", "05188"]  # 9 touches 6 and 8 on the keypad; then the rest in order
    assert got[9:13] == ["92188", "94188", "96188", "98188"]  # 5 touches 2, 4, 6, 8


def test_edits_need_five_digits():
    for kind in ("substitution", "transposition", "omission", "repetition", "insertion"):
        assert variants("1234", kind) == []
        assert variants("12345", kind)
    assert variants("12a45", "substitution") == []


def test_prefix_swap_only_for_ten_digit_400_and_800():
    assert variants("4009888898", "prefix-swap") == ["8009888898"]
    assert variants("8009888898", "prefix-swap") == ["4009888898"]
    assert variants("9009888898", "prefix-swap") == []
    assert variants("400988889", "prefix-swap") == []
    assert variants("40098888981", "prefix-swap") == []


def test_area_code_goes_before_nationwide_short_numbers_only():
    assert variants("95188", "area-code") == ["01095188", "02095188", "02195188", "075595188"]
    assert variants("10107888", "area-code")[0] == "01010107888"  # eight digits is still short
    assert variants("101078881", "area-code") == []  # nine is not
    assert variants("96110", "area-code") == []  # local numbers are dialled with area codes anyway
    assert variants("4009888898", "area-code") == []
    assert variants("13812345678", "area-code") == []


def test_short_service_prefixes():
    for number in ("95188", "96110", "10086", "11185", "12315", "10107888"):
        assert is_short_service(number), number
    for number in ("13812345", "400988", "101078881", "80012"):
        assert not is_short_service(number), number


def test_international_prefixes():
    assert variants("96110", "international") == ["+96110", "0096110"]
    assert variants("4009888898", "international") == ["+4009888898", "004009888898"]
    assert variants("8009888898", "international") == ["+8009888898", "008009888898"]
    assert variants("13812345678", "international") == []
    assert variants("4109888898", "international") == []


def test_embedded_tails():
    assert variants("95188", "embedded") == ["9518812", "9518800", "95188123", "951888888"]
    assert variants("4009888898", "embedded")[0] == "400988889812"
    assert variants("8009888898", "embedded")[0] == "800988889812"
    assert variants("1010", "embedded") == []  # too short to be worth imitating
    assert variants("13812345678", "embedded") == []


def test_letter_for_digit():
    assert variants("4009888898", "letter-for-digit") == [
        "4O09888898",
        "40O9888898",
        "4009B88898",
        "40098B8898",
        "400988B898",
        "4009888B98",
        "400988889B",
        "4OO9888898",
    ]
    assert variants("95777", "letter-for-digit") == ["9S777"]
    assert variants("3467", "letter-for-digit") == []
    assert variants("1225", "letter-for-digit") == ["l225", "1Z25", "12Z5", "122S"]


@pytest.mark.parametrize(
    ("query", "official", "en", "zh"),
    [
        ("5188", "95188", "the digit 9 is missing (at the start)", "少了一位数字 9（在开头）"),
        ("9518", "95187", "the digit 7 is missing (at the end)", "少了一位数字 7（在末尾）"),
        ("9188", "95188", "the digit 5 is missing (at position 2)", "少了一位数字 5（在第 2 位）"),
        ("395188", "95188", "an extra digit 3 (at the start)", "多了一位数字 3（在开头）"),
        ("951883", "95188", "an extra digit 3 (at the end)", "多了一位数字 3（在末尾）"),
        ("953188", "95188", "an extra digit 3 (at position 3)", "多了一位数字 3（在第 3 位）"),
        ("951888", "95188", "the digit 8 is doubled", "数字 8 多按了一次"),
        ("995188", "95188", "the digit 9 is doubled", "数字 9 多按了一次"),
        (
            "95181",
            "95188",
            "one digit changed: 8 became 1 at position 5",
            "改了一位数字：第 5 位的 8 变成了 1",
        ),
        ("95818", "95188", "two adjacent digits swapped: 1 and 8", "相邻两位数字对调：1 和 8"),
        (
            "8009888898",
            "4009888898",
            "800 in place of 400, with the same digits after it",
            "用 800 换掉了 400，后面的号码相同",
        ),
    ],
)
def test_difference_in_words(query, official, en, zh):
    text = difference(query, official)
    assert (text.en, text.zh) == (en, zh)


def test_edit_kind_refuses_more_than_one_edit():
    for query, official in [
        ("95811", "95188"),
        ("59818", "95188"),
        ("951", "95188"),
        ("9518888", "95188"),
        ("95881", "95188"),
        ("15988", "95188"),
    ]:
        assert edit_kind(query, official) is None, query
    with pytest.raises(ValueError, match="not one edit away"):
        difference("12345", "95188")


def test_substitution_rank_prefers_keypad_neighbours():
    near = edit_kind("95189", "95188")  # 8 and 9 touch on the keypad
    far = edit_kind("95181", "95188")
    assert near[0] is far[0] is hv.LookalikeKind.SUBSTITUTION
    assert near[2] < far[2]
    assert near[1].en.endswith("(neighbours on the keypad, the likeliest misdial)")
    assert near[1].zh.endswith("（键盘上相邻，最容易按错）")


def test_index_ranks_and_finds():
    index = LookalikeIndex.build(["95188", "95189", "4009888898"])
    assert len(index) == 3
    assert [m.official for m in index.neighbours("95180")] == ["95188", "95189"]  # neighbours, then by number
    assert index.find("95188") is None  # an official number is never a lookalike
    assert index.find("951") is None
    assert index.find("8009888898").kind is hv.LookalikeKind.PREFIX_SWAP
    assert index.find("400988889812").kind is hv.LookalikeKind.EMBEDDED
    assert index.find("4009888898123456").kind is hv.LookalikeKind.EMBEDDED  # six more digits
    assert index.find("40098888981234567") is None  # seven is another number
    assert index.find("400988889812").detail.en == "the official 4009888898 with 12 added after it"


# --- verify(): each path pins its fields, not only its status ----------------------------------------------


def test_a_known_fake_verdict():
    v = hv.verify("400-822-5355", incoming=True)
    assert (v.status, v.risk, v.normalized, v.kind) == (
        hv.Status.UNOFFICIAL,
        hv.Risk.HIGH,
        "4008225355",
        hv.NumberKind.ENTERPRISE_400,
    )
    assert v.org.id == "china-southern" and v.claimed_org.id == "china-southern"
    assert v.codes[:3] == ("known-fake", "caller-id-spoofable", "incoming-400")
    first = v.reasons[0]
    assert first.case == "fake-airline-400-sms"
    for text in ("4008225355", "China Southern Airlines", "fake cancellation refunds", "95539"):
        assert text in first.message_en
    assert "中国南方航空" in first.message_zh and "航班取消" in first.message_zh
    assert first.message_en.rstrip().endswith(".")
    assert [n.number for n in v.suggested] == [n.number for n in hv.packaged_allowlist().numbers_of(v.org)]
    assert [c.id for c in v.cases] == ["fake-airline-400-sms"]


@pytest.mark.parametrize(
    ("port", "official"), [("10695588", "95588"), ("106900110", "110"), ("1069009558812", None)]
)
def test_sms_ports_name_the_hotline_they_end_with(port, official):
    v = hv.verify(port)
    assert v.kind is hv.NumberKind.SMS_PORT and v.status is hv.Status.UNKNOWN
    if official is None:
        assert "sms-port-embeds" not in v.codes
        return
    note = v.reasons[v.codes.index("sms-port-embeds")]
    entry = hv.packaged_allowlist().active(official)
    assert official in note.message_en and entry.org.name.en in note.message_en
    assert official in note.message_zh and entry.org.name.zh in note.message_zh


def test_the_letter_for_digit_verdict():
    v = hv.verify("4OO-988-8898转3", claimed="淘宝")
    assert (v.status, v.risk, v.normalized, v.kind, v.lookalike_kind, v.extension) == (
        hv.Status.LOOKALIKE,
        hv.Risk.HIGH,
        "4009888898",
        hv.NumberKind.ENTERPRISE_400,
        hv.LookalikeKind.LETTER_FOR_DIGIT,
        "3",
    )
    assert v.official.number == "4009888898"
    assert v.codes[:2] == ("letter-for-digit", "lookalike")
    assert "official" not in v.codes and "not-listed" not in v.codes
    letters, lookalike = v.reasons[:2]
    assert "LATIN CAPITAL LETTER O" in letters.message_en and "→0" in letters.message_en
    assert "、" in letters.message_zh  # both letters are listed
    assert "4OO-988-8898转3" in lookalike.message_en and "4009888898" in lookalike.message_en
    assert "letters in place of digits" in lookalike.message_en and "用字母代替了数字" in lookalike.message_zh
    assert v.official.org.name.en in lookalike.message_en and v.official.org.name.zh in lookalike.message_zh
    assert [n.number for n in v.suggested] == ["4009888898", "9510211"]


def test_letters_in_an_unlisted_number():
    v = hv.verify("4OO-123-4567")
    assert v.status is hv.Status.LOOKALIKE and v.official is None and v.suggested == ()
    assert v.normalized == "4001234567" and v.kind is hv.NumberKind.ENTERPRISE_400
    assert v.codes[0] == "letter-for-digit" and "lookalike" not in v.codes and "not-listed" not in v.codes
    assert "kind-enterprise-400" in v.codes


def test_a_retired_number_names_its_replacement():
    v = hv.verify("95501", incoming=True)
    assert (v.status, v.risk, v.normalized) == (hv.Status.UNOFFICIAL, hv.Risk.HIGH, "95501")
    assert v.codes[:2] == ("retired", "caller-id-spoofable") and v.org.id == "ping-an-bank"
    assert "no longer in use; call 95511 instead." in v.reasons[0].message_en
    assert "现已停用，请改打 95511。" in v.reasons[0].message_zh
    assert v.suggested[0].number == "95511"


def test_incoming_calls_from_official_numbers():
    v = hv.verify("400-988-8898", incoming=True)
    assert v.status is hv.Status.OFFICIAL and v.risk is hv.Risk.MEDIUM  # real 400 lines do not call out
    assert v.codes[-2:] == ("caller-id-spoofable", "incoming-400")
    assert v.kind is hv.NumberKind.ENTERPRISE_400
    w = hv.verify("95188", incoming=True)
    assert w.risk is hv.Risk.LOW and "incoming-400" not in w.codes and "caller-id-spoofable" in w.codes


def test_a_group_line_and_a_wrong_attribution():
    v = hv.verify("95511", claimed="平安银行")  # Ping An Bank has no line of its own; the group's serves it
    assert v.status is hv.Status.OFFICIAL and v.codes[:2] == ("official", "group-line")
    assert "95511" in v.reasons[1].message_en
    w = hv.verify("400-888-8888", claimed="淘宝")
    assert "wrong-attribution" in w.codes
    wrong = w.reasons[w.codes.index("wrong-attribution")]
    assert "4008888888" in wrong.message_en and "Taobao" in wrong.message_en


def test_an_official_number_of_another_organisation_routes_the_user():
    v = hv.verify("95188", claimed="淘宝")
    assert v.status is hv.Status.OFFICIAL and v.codes[:2] == ("official", "official-other-org")
    assert "9510211" in v.reasons[1].message_en and "Alipay" in v.reasons[1].message_en
    assert [n.number for n in v.suggested] == ["9510211", "95188"]


# --- resolve_org(): the boundaries --------------------------------------------------------------------------


def _orgs(*specs):
    from helpers import allowlist_data, entry, org

    from hotline_verify._allowlist import build

    orgs = [org(f"o{i}", zh, en, *aliases) for i, (zh, en, *aliases) in enumerate(specs)]
    return build(allowlist_data(orgs, [entry(f"9500{i}", f"o{i}") for i in range(len(specs))]))


def test_the_longest_alias_inside_the_text_wins():
    al = _orgs(("超市", "Market"), ("天猫超市", "Tmall Supermarket"))
    assert al.resolve_org("天猫超市客服").id == "o1"  # "超市" sorts after "天猫超市" but is shorter


def test_one_chinese_character_is_not_a_name():
    al = _orgs(("宝", "Bao"), ("阿克米", "Acme"))
    assert al.resolve_org("某宝客服") is None
    assert al.resolve_org("阿克米客服").id == "o1"


def test_fuzzy_latin_names_and_their_limits():
    al = _orgs(("蔡司", "Zeiss"), ("阿克米", "Acme"), ("三星", "Samsung"))
    assert al.resolve_org("Zeis").id == "o0"  # four letters, one missing (ratio 89)
    assert al.resolve_org("Acmee").id == "o1"  # a four-letter name, one letter doubled
    assert al.resolve_org("Samsong").id == "o2"  # ratio 85.7: just inside the cut-off
    assert al.resolve_org("Samsanq") is None
    assert al.resolve_org("Zei") is None  # three letters are too few to guess from


def test_a_claim_is_read_up_to_two_hundred_characters():
    al = hv.packaged_allowlist()
    assert al.resolve_org("淘宝" + " " * 198).id == "taobao"
    assert al.resolve_org("淘宝" + " " * 199) is None


# --- the exact words of the main verdicts (user-facing sentences, in both languages) ------------------------

WORDING = [
    (
        "95188",
        None,
        "official",
        "95188 is an official number of Alipay: Alipay service hotline. Evidence: agreed by 3 independent secondary "
        "sources.",
        "95188 是支付宝的官方号码：支付宝客服热线。依据：由 3 个相互独立的二手来源一致给出。",
    ),
    (
        "95501",
        None,
        "retired",
        "95501 used to be a number of Ping An Bank and is no longer in use; call 95511 instead. A retired number may "
        "now belong to someone else; do not call it.",
        "95501 曾是平安银行的号码，现已停用，请改打 95511。停用的号码可能已经分配给别人，不要拨打。",
    ),
    (
        "400-123-4567",
        "淘宝",
        "unofficial-claim",
        "4001234567 is not among the official numbers of Taobao / Tmall. The official number of Taobao / Tmall is "
        "9510211.",
        "4001234567 不在淘宝/天猫的官方号码之列。淘宝/天猫的官方号码是 9510211。",
    ),
    (
        "400-123-4567",
        None,
        "not-listed",
        "4001234567 is not in the allowlist of official numbers; the list can only vouch for the numbers in it.",
        "4001234567 不在官方号码名单里；名单只能证明在册的号码。",
    ),
    (
        "010-95566",
        None,
        "area-code-spoof",
        "01095566 puts the area code 010 in front of 95566 (Bank of China), a nationwide number that takes no area "
        "code; scammers dress up caller IDs this way.",
        "01095566 是在全国统一号码 95566（中国银行）前面加了区号 010。全国统一号码不需要区号；骗子常这样伪装来电显示。",
    ),
    (
        "+95588",
        None,
        "international-spoof",
        '+95588 puts "+" in front of 95588 (Industrial and Commercial Bank of China). A "+" or "00" marks a call from '
        "abroad (+95 is Myanmar), not this domestic hotline.",
        "+95588 是在 95588（中国工商银行）前面加了“+”。带“+”或“00”的是境外来电（例如 +95 是缅甸），不是这条国内热线。",
    ),
    (
        "95818",
        None,
        "lookalike",
        "95818 is not an official number: it imitates 95188 (Alipay) — two adjacent digits swapped: 1 and 8.",
        "95818 不是官方号码，它在模仿支付宝的 95188——相邻两位数字对调：1 和 8。",
    ),
]


@pytest.mark.parametrize(("text", "claimed", "code", "en", "zh"), WORDING, ids=[w[2] for w in WORDING])
def test_the_first_reason_in_words(text, claimed, code, en, zh):
    first = hv.verify(text, claimed=claimed).reasons[0]
    assert (first.code, first.message_en, first.message_zh) == (code, en, zh)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("95501", hv.NumberKind.SERVICE_95),
        ("010-95566", hv.NumberKind.AREA_CODE_SHORT),
        ("+95588", hv.NumberKind.INTERNATIONAL),
        ("95818", hv.NumberKind.SERVICE_95),
    ],
)
def test_every_verdict_keeps_the_kind(text, kind):
    v = hv.verify(text)
    assert v.kind is kind and v.normalized is not None


def test_a_claim_for_an_organisation_without_numbers():
    v = hv.verify("400-123-4567", claimed="平安银行")
    assert v.status is hv.Status.UNOFFICIAL and v.risk is hv.Risk.HIGH and v.suggested == ()
    assert v.codes == ("claim-without-numbers", "kind-enterprise-400")
    assert v.reasons[0].message_en.startswith(
        "4001234567 is not in the allowlist, which has no number for Ping An Bank."
    )
    # a 400 number claimed for a brand is the documented scam: both reasons cite it
    assert [r.case for r in v.reasons] == ["fake-400-search", "fake-400-search"]
    assert [r.case for r in hv.verify("400-123-4567").reasons] == [None, None]


def test_a_long_unknown_claim_is_quoted_shortened():
    v = hv.verify("95188", claimed="q" * 100)
    assert v.reasons[-1].message_en == (
        f'No organisation called "{"q" * 59}…" is in the allowlist, so its official numbers cannot be checked.'
    )
    assert hv.verify("95188", claimed="q" * 60).reasons[-1].message_en.count("q") == 60
