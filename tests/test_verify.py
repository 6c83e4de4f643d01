from __future__ import annotations

import json

import pytest
from samples import WAYS_95188, WAYS_9510211, WAYS_4007006000

import hotline_verify as hv
from hotline_verify import LookalikeKind as K
from hotline_verify import Status as S
from hotline_verify._cases import fitting_case


@pytest.mark.parametrize("text", WAYS_9510211 + WAYS_4007006000 + WAYS_95188)
def test_well_known_numbers_are_official_however_written(text):
    v = hv.verify(text)
    assert v.status is S.OFFICIAL
    assert v.risk is hv.Risk.LOW
    assert v.official is not None and v.normalized == v.official.number
    assert v.org is v.official.org


@pytest.mark.parametrize(
    ("number", "org"), [("9510211", "taobao"), ("400-700-6000", "juneyao-air"), ("95188", "alipay")]
)
def test_official_owner(number, org):
    assert hv.verify(number).org.id == org


@pytest.mark.parametrize(
    ("text", "official", "kind"),
    [
        # keypad neighbours and other single-digit changes
        ("95189", "95188", K.SUBSTITUTION),
        ("95185", "95188", K.SUBSTITUTION),
        ("9510214", "9510211", K.SUBSTITUTION),
        ("400-700-6001", "4007006000", K.SUBSTITUTION),
        # adjacent digits swapped
        ("95818", "95188", K.TRANSPOSITION),
        ("9501211", "9510211", K.TRANSPOSITION),
        ("400-700-0600", "4007006000", K.TRANSPOSITION),
        # a digit dropped
        ("9518", "95188", K.OMISSION),
        ("951021", "9510211", K.OMISSION),
        ("400-700-600", "4007006000", K.OMISSION),
        # a digit doubled
        ("951888", "95188", K.REPETITION),
        ("95510211", "9510211", K.REPETITION),
        ("4007706000", "4007006000", K.SUBSTITUTION),  # same length: a change, not a repetition
        # a digit added, also at either end
        ("951838", "95188", K.INSERTION),
        ("195188", "95188", K.INSERTION),
        ("95103211", "9510211", K.INSERTION),
        # 400 <-> 800
        ("800-700-6000", "4007006000", K.PREFIX_SWAP),
        ("8007006000", "4007006000", K.PREFIX_SWAP),
        # area code in front of a nationwide number
        ("010-95188", "95188", K.AREA_CODE),
        ("021-9510211", "9510211", K.AREA_CODE),
        ("+86 10 95188", "95188", K.AREA_CODE),
        # + or 00 in front of a short number
        ("+95188", "95188", K.INTERNATIONAL),
        ("0095188", "95188", K.INTERNATIONAL),
        ("+9510211", "9510211", K.INTERNATIONAL),
        ("+4007006000", "4007006000", K.INTERNATIONAL),
        # the official digits inside a longer number
        ("9518812", "95188", K.EMBEDDED),
        ("951021188", "9510211", K.EMBEDDED),
        # letters for digits
        ("4OO-700-6000", "4007006000", K.LETTER_FOR_DIGIT),
        ("95l88", "95188", K.LETTER_FOR_DIGIT),
        ("95I88", "95188", K.LETTER_FOR_DIGIT),
        ("951O2ll", "9510211", K.LETTER_FOR_DIGIT),
    ],
)
def test_lookalikes(text, official, kind):
    # claimed for the owner of the official number: a lookalike in every number space
    owner = hv.packaged_allowlist().lookup(official).org
    v = hv.verify(text, claimed=owner.name.zh)
    assert (v.status, v.lookalike_kind) == (S.LOOKALIKE, kind)
    assert v.official.number == official
    assert v.risk is hv.Risk.HIGH
    spoof = kind in (K.AREA_CODE, K.INTERNATIONAL)
    assert v.reasons[0].case == (
        "caller-id-spoof-police" if spoof else fitting_case("lookalike", owner.category, owner.id)
    )
    assert official in v.reasons[0].message_en or official in v.reasons[1].message_en


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("95198", "95188"),
        ("95818", "95018"),  # OPPO's line is listed now
        ("9510214", "9510211"),
        ("951021", "9510211"),
        ("951888", "95188"),
    ],
)
def test_unclaimed_neighbours_of_allocated_short_codes_are_unknown_with_a_suggestion(text, official):
    # a regulator allocates these codes to one organisation each: a near miss is another
    # registered line, most likely, not a rented scam number
    v = hv.verify(text)
    assert (v.status, v.risk) == (S.UNKNOWN, hv.Risk.MEDIUM)
    assert v.codes[:2] == ("not-listed", "near-allocated")
    assert [x.number for x in v.suggested] == [official]
    assert f"call {official}" in v.reasons[1].message_en


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("400-700-6001", "4007006000"),
        ("400-700-0600", "4007006000"),
        ("95510211", "9510211"),
        ("9588", "95188"),
    ],
)
def test_unclaimed_neighbours_in_rentable_spaces_are_lookalikes(text, official):
    v = hv.verify(text)
    assert (v.status, v.risk) == (S.LOOKALIKE, hv.Risk.HIGH)
    assert v.official.number == official


def test_a_moved_digit_in_a_listed_400_number_is_a_lookalike():
    # 400-679-6511 with its 6 moved two places on: two edits, and easy to miss at a glance
    v = hv.verify("400-796-6511")
    assert (v.status, v.risk, v.lookalike_kind) == (S.LOOKALIKE, hv.Risk.HIGH, K.TWO_EDITS)
    assert v.official.number == "4006796511"
    # two digits changed or swapped in place are as likely another company's line: no opinion
    assert hv.verify("400-679-6522").status is S.UNKNOWN
    assert hv.verify("400-679-1234").status is S.UNKNOWN


def test_lookalike_says_how_it_differs():
    v = hv.verify("95818", claimed="支付宝")
    assert v.reasons[0].message_en == (
        "95818 is not an official number: it imitates 95188 (Alipay) — two adjacent digits swapped: 1 and 8."
    )
    assert v.reasons[0].message_zh == "95818 不是官方号码，它在模仿支付宝的 95188——相邻两位数字对调：1 和 8。"


def test_letters_without_an_official_number_are_still_lookalikes():
    v = hv.verify("4OO-123-4567")
    assert v.status is S.LOOKALIKE and v.official is None
    assert v.codes[0] == "letter-for-digit"


def test_official_numbers_one_digit_apart_never_flag_each_other(banks):
    for number, org in [("95588", "bank-a"), ("95599", "bank-b"), ("95566", "bank-c")]:
        v = hv.verify(number, allowlist=banks)
        assert v.status is S.OFFICIAL and v.org.id == org, number
        assert v.lookalike_kind is None
    # a number between them suggests the likeliest one; claimed for that bank, it is a lookalike
    v = hv.verify("95589", allowlist=banks)
    assert v.status is S.UNKNOWN and [x.number for x in v.suggested] == ["95588"]
    v = hv.verify("95589", allowlist=banks, claimed="bank-a")
    assert v.status is S.LOOKALIKE and v.official.number == "95588"


@pytest.mark.parametrize(
    ("text", "claimed", "kind"),
    [
        ("400-123-4567", "淘宝", hv.NumberKind.ENTERPRISE_400),
        ("400 123 4567", "天猫", hv.NumberKind.ENTERPRISE_400),
        ("4001234567", "Taobao", hv.NumberKind.ENTERPRISE_400),
        ("4001234567", "taobao customer service", hv.NumberKind.ENTERPRISE_400),
        ("800-123-4567", "淘宝客服", hv.NumberKind.TOLL_FREE_800),
        ("13812345678", "支付宝", hv.NumberKind.MOBILE),
        ("13812345678", "Alipay", hv.NumberKind.MOBILE),
        ("0571-88881234", "支付宝", hv.NumberKind.LANDLINE),
        ("021-61234567", "Alipy", hv.NumberKind.LANDLINE),  # a misspelt claim still resolves
        ("+1 650 253 0000", "淘宝", hv.NumberKind.INTERNATIONAL),
    ],
)
def test_unlisted_numbers_claimed_for_a_brand_are_unofficial(text, claimed, kind):
    v = hv.verify(text, claimed=claimed)
    assert v.status is S.UNOFFICIAL and v.risk is hv.Risk.HIGH
    assert v.kind is kind
    assert v.claimed_org is not None and v.claimed_org.id in ("taobao", "alipay")
    assert v.codes[:2] == ("unofficial-claim", f"kind-{kind.value}")
    assert v.reasons[0].case == "fake-400-search"
    assert v.suggested and v.suggested[0].org is v.claimed_org


def test_official_number_of_another_organisation_routes_the_user():
    v = hv.verify("95188", claimed="淘宝")
    assert v.status is S.OFFICIAL and v.org.id == "alipay" and v.claimed_org.id == "taobao"
    # only a community list vouches for 95188 so far: the verdict says so before routing
    assert v.codes == ("official", "evidence-listed", "official-other-org")
    assert v.reasons[2].case == "wrong-line"
    assert v.reasons[2].message_en == (
        "95188 is official, but it belongs to Alipay, not Taobao / Tmall. For Taobao / Tmall, call 9510211 / 9510288 / "
        "4008608608 / 057188158198."
    )
    assert v.suggested[0].number == "9510211"
    assert "wrong-line" in [c.id for c in v.cases]


def test_tmall_supermarket_question_on_the_taobao_line():
    # the source article's own case: Tmall Supermarket has no listed line of its own (the
    # article's 400 number has no followable source), so the group's line is the way in
    v = hv.verify("9510211", claimed="天猫超市")
    assert v.status is S.OFFICIAL and v.claimed_org.id == "tmall-supermarket"
    assert v.codes == ("official", "evidence-listed", "group-line")
    assert "Tmall Supermarket belongs to the same group" in v.reasons[2].message_en
    assert not any("9888898" in r.message_zh or "988-8898" in r.message_zh for r in v.reasons)


def test_group_line_is_not_the_wrong_line():
    v = hv.verify("95511", claimed="平安银行")
    assert v.status is S.OFFICIAL and v.codes == ("official", "group-line")


def test_retired_number_names_its_replacement():
    v = hv.verify("10060", claimed="中国联通")
    assert v.status is S.UNOFFICIAL and v.official is None
    assert v.codes[0] == "retired"
    assert "10010" in v.reasons[0].message_en and "10010" in v.reasons[0].message_zh
    assert [n.number for n in v.suggested][:1] == ["10010"]


def test_known_fake_number():
    v = hv.verify("400-822-5355")
    assert v.status is S.UNOFFICIAL and v.claimed_org.id == "china-southern"
    assert v.reasons[0].code == "known-fake" and v.reasons[0].case == "fake-airline-400-sms"
    assert v.suggested[0].number == "95539"


def test_wrong_attribution_is_flagged_for_the_claim():
    # 400-888-8888 is China Galaxy Securities' line: official, but not Taobao's
    v = hv.verify("400-888-8888", claimed="淘宝")
    assert v.status is S.OFFICIAL and v.org.id == "china-galaxy-securities"
    assert v.codes[-2:] == ("official-other-org", "wrong-attribution")
    assert v.suggested[0].number == "9510211"


@pytest.mark.parametrize(
    ("text", "kind", "risk"),
    [
        ("13812345678", hv.NumberKind.MOBILE, hv.Risk.LOW),
        ("0571-56789012", hv.NumberKind.LANDLINE, hv.Risk.LOW),
        ("400-123-4567", hv.NumberKind.ENTERPRISE_400, hv.Risk.MEDIUM),
        ("800-123-4567", hv.NumberKind.TOLL_FREE_800, hv.Risk.MEDIUM),
        ("+1 650 253 0000", hv.NumberKind.INTERNATIONAL, hv.Risk.MEDIUM),
        ("+44 20 7946 0958", hv.NumberKind.INTERNATIONAL, hv.Risk.MEDIUM),
        ("88158198", hv.NumberKind.LOCAL_LANDLINE, hv.Risk.LOW),
        ("10690012345", hv.NumberKind.SMS_PORT, hv.Risk.LOW),
    ],
)
def test_unknown_numbers(text, kind, risk):
    v = hv.verify(text)
    assert (v.status, v.kind, v.risk) == (S.UNKNOWN, kind, risk)
    assert v.official is None and v.codes[:2] == ("not-listed", f"kind-{kind.value}")


def test_sms_port_that_embeds_a_hotline():
    v = hv.verify("1069095588")
    assert v.status is S.UNKNOWN and v.kind is hv.NumberKind.SMS_PORT
    assert "sms-port-embeds" in v.codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "invalid-empty"),
        ("hello", "invalid-letters"),
        ("400-XXX-XXXX", "invalid-masked"),
        ("1" * 30, "invalid-too-long"),
        ("!!!", "invalid-no-digits"),
        ("😀😀", "invalid-no-digits"),
        ("\x00\x01\x02", "invalid-no-digits"),
        ("12", "invalid-too-short"),
        ("0123", "invalid-format"),
        ("淘宝客服", "invalid-letters"),
    ],
)
def test_invalid(text, code):
    v = hv.verify(text)
    assert v.status is S.INVALID and v.normalized is None and v.official is None
    assert v.codes[0] == code


def test_masked_number_is_never_official_even_with_a_claim():
    v = hv.verify("400-XXX-XXXX", claimed="淘宝")
    assert v.status is S.INVALID


def test_obfuscation_is_reported_and_the_status_follows_the_digits():
    v = hv.verify("٩٥١٨٨")
    assert v.status is S.OFFICIAL and "folded-digits" in v.codes
    assert "ARABIC-INDIC DIGIT NINE" in v.reasons[-1].message_en
    v = hv.verify("95\u200b188")
    assert v.status is S.OFFICIAL and "invisible-characters" in v.codes
    assert "ZERO WIDTH SPACE" in v.reasons[-1].message_en
    assert hv.verify("９５１８８").codes == ("official", "evidence-listed")  # full-width is accepted silently


def test_incoming_call_from_an_official_number_can_still_be_a_spoof():
    v = hv.verify("95188", incoming=True)
    assert v.status is S.OFFICIAL and "caller-id-spoofable" in v.codes
    v = hv.verify("400-123-4567", incoming=True)
    assert v.risk is hv.Risk.HIGH and "incoming-400" in v.codes


def test_unknown_claim_is_reported():
    v = hv.verify("95188", claimed="某银行")
    assert v.status is S.OFFICIAL and v.claimed_org is None and v.codes[-1] == "unknown-claim"


def test_extension_is_kept_apart():
    v = hv.verify("95017转2")
    assert v.status is S.OFFICIAL and v.extension == "2" and "extension" in v.codes


def test_every_city_number_with_area_code_is_fine():
    v = hv.verify("0571-12345")
    assert v.status is S.OFFICIAL and v.normalized == "12345" and "area-code-kept" in v.codes


def test_verdicts_are_immutable_and_json_safe():
    v = hv.verify("400-123-4567", claimed="淘宝")
    with pytest.raises(AttributeError):
        v.status = S.OFFICIAL  # type: ignore[misc]
    data = json.loads(json.dumps(v.to_dict(), ensure_ascii=False))
    assert data["status"] == "unofficial" and data["claimed_org"]["id"] == "taobao"
    assert data["reasons"][0]["code"] == "unofficial-claim"
    assert list(data) == [
        "input",
        "status",
        "risk",
        "normalized",
        "kind",
        "official",
        "evidence",
        "org",
        "claimed",
        "claimed_org",
        "lookalike_kind",
        "extension",
        "incoming",
        "reasons",
        "suggested",
        "cases",
        "allowlist",
    ]


def test_status_values_are_the_public_contract():
    assert [s.value for s in S] == ["official", "lookalike", "unofficial", "unknown", "invalid"]
    assert str(hv.verify("95188").status.value) == "official"
    assert hv.verify("95188").status == "official"


@pytest.mark.parametrize("bad", [None, 95188, b"95188", object(), ["95188"]])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError):
        hv.verify(bad)


def test_bad_option_types_raise_type_error():
    with pytest.raises(TypeError):
        hv.verify("95188", claimed=123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hv.verify("95188", allowlist="data.json")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "number", "key"),
    [
        ("95561-6", "95561", "6"),
        ("0755-83765566-9", "075583765566", "9"),
        ("400 700 6000 12", "4007006000", "12"),
        ("９５０１７－２", "95017", "2"),
    ],
)
def test_menu_key_after_an_official_number(text, number, key):
    v = hv.verify(text)
    assert (v.status, v.normalized, v.extension) == (S.OFFICIAL, number, key)
    assert "extension" in v.codes


@pytest.mark.parametrize("text", ["9518812", "95188 12", "95188-12", "95188 1"])
def test_digits_after_a_short_code_are_not_a_menu_key(text):
    # short codes vary in length: only one key after a dash ("95561-6") reads as a menu key
    v = hv.verify(text)
    assert v.status in (S.LOOKALIKE, S.UNKNOWN) and v.normalized != "95188"
    assert [x.number for x in v.suggested] == ["95188"]


def test_a_longer_official_short_code_is_not_read_as_key():
    assert hv.verify("10086 999").normalized == "10086999"


def test_a_96_number_with_an_area_code():
    v = hv.verify("0571-96110")
    assert v.status is S.OFFICIAL and v.normalized == "96110" and "area-code-kept" in v.codes
    assert hv.verify("0571-96123").kind is hv.NumberKind.LOCAL_96


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("95188（24小时）", "95188"),
        ("95188 (24h)", "95188"),
        ("支付宝客服热线（24小时）：95188", "95188"),
        ("热线二：95188", "95188"),
        ("400-700-6000（9:00-21:00）", "4007006000"),
        ("(400) 700-6000", "4007006000"),
    ],
)
def test_notes_and_labels_around_an_official_number(text, number):
    v = hv.verify(text)
    assert (v.status, v.normalized) == (S.OFFICIAL, number)


def test_a_beijing_landline_with_plus_86_is_no_sms_port():
    v = hv.verify("+86 10 6552 9988")
    assert (v.kind, v.normalized) == (hv.NumberKind.LANDLINE, "01065529988")


def test_official_number_claimed_for_an_organisation_without_a_number():
    v = hv.verify("95188", claimed="华安财产保险")
    assert v.codes == ("official", "evidence-listed", "official-other-org-unlisted")
    assert v.reasons[2].message_en.endswith(
        "The allowlist has no number for Huaan Property Insurance: look it up in its official app or website."
    )


def test_unknown_region_is_a_value_error():
    with pytest.raises(ValueError, match='Unknown region "XX"'):
        hv.verify("95188", region="XX")
    assert hv.verify("95188", region="cn").status is S.OFFICIAL


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
    v = hv.verify("4OO-700-6000转3", claimed="淘宝")
    assert (v.status, v.risk, v.normalized, v.kind, v.lookalike_kind, v.extension) == (
        hv.Status.LOOKALIKE,
        hv.Risk.HIGH,
        "4007006000",
        hv.NumberKind.ENTERPRISE_400,
        hv.LookalikeKind.LETTER_FOR_DIGIT,
        "3",
    )
    assert v.official.number == "4007006000"
    assert v.codes[:2] == ("letter-for-digit", "lookalike")
    assert "official" not in v.codes and "not-listed" not in v.codes
    letters, lookalike = v.reasons[:2]
    assert "LATIN CAPITAL LETTER O" in letters.message_en and "→0" in letters.message_en
    assert "、" in letters.message_zh  # both letters are listed
    assert "4OO-700-6000转3" in lookalike.message_en and "4007006000" in lookalike.message_en
    assert "letters in place of digits" in lookalike.message_en and "用字母代替了数字" in lookalike.message_zh
    assert v.official.org.name.en in lookalike.message_en and v.official.org.name.zh in lookalike.message_zh
    assert [n.number for n in v.suggested][:2] == ["4007006000", "9510211"]


def test_letters_in_an_unlisted_number():
    v = hv.verify("4OO-123-4567")
    assert v.status is hv.Status.LOOKALIKE and v.official is None and v.suggested == ()
    assert v.normalized == "4001234567" and v.kind is hv.NumberKind.ENTERPRISE_400
    assert v.codes[0] == "letter-for-digit" and "lookalike" not in v.codes and "not-listed" not in v.codes
    assert "kind-enterprise-400" in v.codes


def test_a_retired_number_names_its_replacement():
    v = hv.verify("10060", incoming=True)
    assert (v.status, v.risk, v.normalized) == (hv.Status.UNOFFICIAL, hv.Risk.HIGH, "10060")
    assert v.codes[:2] == ("retired", "caller-id-spoofable") and v.org.id == "china-unicom"
    assert "no longer in use; call 10010 instead." in v.reasons[0].message_en
    assert "现已停用，请改打 10010。" in v.reasons[0].message_zh
    assert v.suggested[0].number == "10010"


def test_incoming_calls_from_official_numbers():
    v = hv.verify("400-700-6000", incoming=True)
    assert v.status is hv.Status.OFFICIAL and v.risk is hv.Risk.MEDIUM  # real 400 lines do not call out
    assert v.codes[-2:] == ("caller-id-spoofable", "incoming-400")
    assert v.kind is hv.NumberKind.ENTERPRISE_400
    w = hv.verify("95188", incoming=True)
    assert w.risk is hv.Risk.MEDIUM and "incoming-400" not in w.codes and "caller-id-spoofable" in w.codes


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
    assert v.status is hv.Status.OFFICIAL and v.codes[:3] == (
        "official",
        "evidence-listed",
        "official-other-org",
    )
    assert "9510211" in v.reasons[2].message_en and "Alipay" in v.reasons[2].message_en
    assert [n.number for n in v.suggested] == ["9510211", "9510288", "4008608608", "057188158198", "95188"]


# --- the exact words of the main verdicts (user-facing sentences, in both languages) ------------------------

WORDING = [
    (
        "95188",
        None,
        "official",
        "95188 is an official number of Alipay: Alipay service hotline. Evidence: listed (only a community-compiled "
        "list carries it).",
        "95188 是支付宝的官方号码：支付宝客服热线。依据：仅见于社区整理的号码表。",
    ),
    (
        "10060",
        None,
        "retired",
        "10060 used to be a number of China Unicom and is no longer in use; call 10010 instead. A retired number may "
        "now belong to someone else; do not call it.",
        "10060 曾是中国联通的号码，现已停用，请改打 10010。停用的号码可能已经分配给别人，不要拨打。",
    ),
    (
        "400-123-4567",
        "淘宝",
        "unofficial-claim",
        "4001234567 is not among the official numbers of Taobao / Tmall. Official numbers of Taobao / Tmall: "
        "9510211 / 9510288 / 4008608608 / 057188158198.",
        "4001234567 不在淘宝/天猫的官方号码之列。淘宝/天猫的官方号码：9510211 / 9510288 / 4008608608 / 057188158198。",
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
        "支付宝",
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
        ("10060", hv.NumberKind.CARRIER_10),
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
    # no documented case of a fake bank 400 line: none is cited rather than one that does not fit
    assert [r.case for r in v.reasons] == [None, None]
    # a 400 number claimed for a shopping platform is the source article's case
    assert [r.case for r in hv.verify("400-123-4567", claimed="淘宝").reasons] == ["fake-400-search"] * 2
    assert [r.case for r in hv.verify("400-123-4567").reasons] == [None, None]


def test_a_long_unknown_claim_is_quoted_shortened():
    v = hv.verify("95188", claimed="q" * 100)
    assert v.reasons[-1].message_en == (
        f'No organisation called "{"q" * 59}…" is in the allowlist, so its official numbers cannot be checked.'
    )
    assert hv.verify("95188", claimed="q" * 60).reasons[-1].message_en.count("q") == 60


def test_a_message_given_to_verify_is_read_as_scan_reads_it():
    # the brand in the message is the claim, as scan() finds it
    v = hv.verify("淘宝客服 400-123-4567")
    assert (v.status, v.risk, v.claimed_org.id) == (S.UNOFFICIAL, hv.Risk.HIGH, "taobao")
    assert v.input == "淘宝客服 400-123-4567"
    assert v.to_dict() == {**hv.scan("淘宝客服 400-123-4567")[0].verdict.to_dict(), "input": v.input}


def test_a_message_with_several_numbers_says_so():
    v = hv.verify("淘宝 9510211 或者支付宝 95188")
    assert (v.status, v.codes) == (S.INVALID, ("message-not-number",))
    assert "9510211、95188" in v.reasons[0].message_zh and "2 numbers" in v.reasons[0].message_en


@pytest.mark.parametrize("text", ["热线二：95188", "95188（24小时）", "九五一八八"])
def test_a_label_or_note_around_one_number_is_read_as_before(text):
    assert hv.verify(text).normalized == "95188"


def test_an_official_number_as_bare_digits_is_answered_from_its_list_once():
    from hotline_verify._verify import judge

    al = hv.packaged_allowlist()
    for entry in al.numbers[:50]:
        fresh = judge(entry.number, None, None, region="CN", allowlist=al, incoming=False)
        assert hv.verify(entry.number) == fresh and hv.verify(entry.number) is hv.verify(entry.number)
    # a claim, a call or another list is judged afresh
    assert hv.verify("95588", incoming=True).risk is hv.Risk.MEDIUM
    assert hv.verify("95588", claimed="淘宝").claimed_org.id == "taobao"


def test_verdicts_kept_for_one_list_are_never_given_for_another(test_allowlist):
    # the test list holds 4009888898; the packaged list does not. Asked in turn, each list
    # answers from its own kept verdicts, text that is no number included.
    for _ in range(3):
        assert hv.verify("4009888898", allowlist=test_allowlist).status is hv.Status.OFFICIAL
        assert hv.verify("4009888898").status is not hv.Status.OFFICIAL
        assert hv.verify("n/a", allowlist=test_allowlist).allowlist == test_allowlist.origin
        assert hv.verify("n/a").allowlist == hv.packaged_allowlist().origin
