"""verify()'s fast paths give exactly the verdict of the full reading.

Each fast path decides a class of common input early. Whatever it answers must equal what
``judge()`` (the full reading: every fact, the whole policy) answers for the same text.
"""

from __future__ import annotations

import importlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hotline_verify as hv

verify_module = importlib.import_module("hotline_verify._verify")
ALLOWLIST = hv.packaged_allowlist()
OFFICIAL = sorted(ALLOWLIST.index._numbers)


def full(text: str, allowlist: hv.Allowlist = ALLOWLIST) -> hv.Verdict:
    return verify_module.judge(text, None, None, region="CN", allowlist=allowlist, incoming=False)


def neighbours(number: str) -> list[str]:
    """Every one-edit variant of ``number``: the inputs nearest to the fast paths' limits."""
    out = []
    for i in range(len(number) + 1):
        for d in "0123456789":
            out.append(number[:i] + d + number[i:])
            if i < len(number):
                out.append(number[:i] + d + number[i + 1 :])
        if i < len(number):
            out.append(number[:i] + number[i + 1 :])
        if i + 1 < len(number):
            out.append(number[:i] + number[i + 1] + number[i] + number[i + 2 :])
    return out


def plain_samples(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        shape = rng.randrange(8)
        if shape == 0:
            out.append(f"400-{rng.randrange(1000):03d}-{rng.randrange(10000):04d}")
        elif shape == 1:
            out.append(f"1{rng.randrange(10)}{rng.randrange(10**9):09d}")
        elif shape == 2:
            out.append(f"9{rng.randrange(10)}{rng.randrange(10 ** rng.randrange(1, 7))}")
        elif shape == 3:
            out.append(f"0{rng.randrange(10, 1000)} {rng.randrange(10 ** rng.randrange(4, 9))}")
        elif shape == 4:
            out.append("".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 24))))
        elif shape == 5:
            out.append(rng.choice(neighbours(rng.choice(OFFICIAL))))
        elif shape == 6:
            out.append(
                rng.choice(OFFICIAL) + "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 7)))
            )
        else:
            groups = [str(rng.randrange(10 ** rng.randrange(1, 5))) for _ in range(rng.randrange(1, 5))]
            out.append(rng.choice(["-", " "]).join(groups))
    return out


def test_plain_numbers_get_the_full_verdict():
    answered = 0
    for text in plain_samples(6000, 1):
        fast = verify_module._plain_verdict(text, ALLOWLIST)
        if fast is not None:
            answered += 1
            assert fast == full(text), text
        assert hv.verify(text) == full(text), text
    assert answered > 2000  # the fast path does answer most plain numbers


def test_neighbours_of_every_official_number_get_the_full_verdict():
    for official in OFFICIAL[::7]:
        for text in neighbours(official):
            assert hv.verify(text) == full(text), text


def test_a_loaded_list_is_named_by_the_fast_path_too(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        importlib.import_module("hotline_verify._allowlist").packaged_path().read_text("utf-8"), "utf-8"
    )
    mine = hv.load_allowlist(path)
    for text in ("400-123-4567", "13912345678", "010 62512345", "14012345678"):
        fast = verify_module._plain_verdict(text, mine)
        assert fast is not None and fast.allowlist != "packaged"
        assert fast == full(text, mine)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 -", max_size=24))
def test_any_digits_and_separators(text):
    assert hv.verify(text) == full(text)


@pytest.mark.parametrize("text", ["4001234567", "400 123 4567", "139 1234 5678", "02155512345"])
def test_the_fast_path_answers_the_common_forms(text):
    assert verify_module._plain_verdict(text, ALLOWLIST) is not None


normalize_module = importlib.import_module("hotline_verify._normalize")


def parsed_abroad(rest: str):
    """The reading of ``"+" + rest`` through phonenumbers' own parse."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse("+" + rest, None)
    except phonenumbers.NumberParseException:
        return None
    return normalize_module._abroad(parsed, parsed_from="+" + rest)


FOREIGN = [
    "16502530000",
    "442079460000",
    "81312345678",
    "85221234567",
    "4930123456",
    "33142685300",
    "61291234567",
    "5491123456789",
    "525512345678",
    "390612345678",
    "79161234567",
    "12125550100",
]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.sampled_from(FOREIGN), st.from_regex(r"[1-9][0-9]{1,19}", fullmatch=True)))
def test_plain_foreign_numbers_read_as_phonenumbers_parses_them(rest):
    plain = normalize_module._plain_abroad(rest)
    if plain is not None:
        assert plain == parsed_abroad(rest)


def test_foreign_numbers_get_the_full_verdict():
    rng = random.Random(3)
    answered = 0
    for _ in range(3000):
        rest = rng.choice(FOREIGN)[: rng.randrange(4, 13)] + str(rng.randrange(10 ** rng.randrange(1, 8)))
        text = "+" + rest
        fast = verify_module._plain_verdict(text, ALLOWLIST)
        answered += fast is not None
        assert hv.verify(text) == full(text), text
    assert answered > 1500


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("|", "invalid-letters"),  # a stroke that stands for 1, alone
        ("丨丨", "invalid-letters"),
        ("n/a", "invalid-letters"),
        ("(n/a)", "invalid-no-digits"),  # a bracketed note is no part of a number
        ("（客服）", "invalid-no-digits"),
        ("xx", "invalid-masked"),
        ("***", "invalid-masked"),
        ("-- / --", "invalid-no-digits"),
        ("#,;", "invalid-no-digits"),
        ("客服电话", "invalid-letters"),
        ("\u200b", "invalid-no-digits"),
    ],
)
def test_texts_without_digits_say_why(text, code):
    assert hv.verify(text).codes[0] == code


def test_official_numbers_spaced_or_dashed_get_the_full_verdict():
    rng = random.Random(5)
    for official in OFFICIAL:
        cut = rng.randrange(1, len(official))
        for text in (
            official[:cut] + "-" + official[cut:],
            official[:cut] + " " + official[cut:],
            f"({official[:3]}) {official[3:]}",
        ):
            assert hv.verify(text) == full(text), text


def test_a_kept_verdict_given_for_another_spelling_is_a_new_equal_record():
    from hotline_verify._verdict import with_input

    kept = hv.verify("95188")
    given = with_input(kept, "9518 8")
    assert given == hv.verify("9518 8") and given is not kept
    assert kept.input == "95188" and given.input == "9518 8"
    assert hash(given) == hash(hv.verify("9518 8"))


def test_a_reason_written_when_read_equals_one_written_at_once():
    import copy
    import pickle

    from hotline_verify._model import Reason
    from hotline_verify._reasons import reason

    later = reason("not-listed", number="4001234567")
    at_once = Reason("not-listed", later.message_zh, later.message_en, later.case)
    fresh = reason("not-listed", number="4001234567")
    assert fresh == at_once and hash(fresh) == hash(at_once)  # compared before its messages were read
    assert "4001234567" in repr(reason("not-listed", number="4001234567"))
    assert pickle.loads(pickle.dumps(reason("not-listed", number="4001234567"))) == at_once
    assert copy.deepcopy(reason("not-listed", number="4001234567")) == at_once
    with pytest.raises(AttributeError):
        _ = fresh.no_such_field


@pytest.mark.parametrize("query", ["9559", "95299", "59599", "8006195599", "95181", "951888", "955889"])
def test_a_lookalike_worded_when_read_equals_one_worded_at_once(query: str) -> None:
    import copy
    import pickle

    from hotline_verify._verify import _imitates

    al = ALLOWLIST
    match = al.index.nearest(query)
    assert match is not None, query
    entry = al.lookup(match.official)
    later = _imitates(query, entry, match)
    at_once = _imitates(query, entry, match.detail)
    assert "_templates" in later.__dict__ and callable(later.__dict__["_templates"][2])
    assert pickle.loads(pickle.dumps(_imitates(query, entry, match))) == at_once
    assert copy.deepcopy(_imitates(query, entry, match)) == at_once
    assert later == at_once and hash(later) == hash(at_once)
    assert (later.message_zh, later.message_en) == (at_once.message_zh, at_once.message_en)
    assert match.detail.en in later.message_en


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.sampled_from(OFFICIAL).flatmap(lambda o: st.sampled_from(neighbours(o))),
        st.sampled_from(OFFICIAL).flatmap(lambda o: st.from_regex(rf"{o}[0-9]{{1,7}}", fullmatch=True)),
        st.from_regex(r"(?:400|800)[0-9]{7}", fullmatch=True),
        st.from_regex(r"\+?[0-9]{3,20}", fullmatch=True),
    )
)
def test_near_any_misses_nothing_the_search_finds(query):
    index = ALLOWLIST.index
    if index.nearest(query) or index.within_two(query) or index.embedded(query):
        assert index.near_any(query), query


def test_near_any_misses_no_moved_digit():
    index = ALLOWLIST.index
    rng = random.Random(9)
    four_hundreds = [o for o in OFFICIAL if len(o) == 10 and o[:3] in ("400", "800")]
    for official in four_hundreds:
        tail = official[3:]
        i, j = rng.randrange(7), rng.randrange(7)
        moved = official[:3] + (tail[:i] + tail[i + 1 :])[:j] + tail[i] + (tail[:i] + tail[i + 1 :])[j:]
        if index.within_two(moved):
            assert index.near_any(moved), moved


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=12))
def test_texts_without_digits_are_classed_as_each_token_says(text):
    tokens = "".join(normalize_module._char(ch)[0] for ch in text).strip()
    if any(t.isdigit() for t in tokens):
        return
    letter_like = any(t.isalpha() or t == "?" or t in normalize_module.HOMOGLYPHS for t in tokens)
    expected = (
        "no-digits"
        if not tokens
        else "masked"
        if "*" in tokens or "xx" in tokens
        else "letters"
        if letter_like
        else "no-digits"
    )
    assert normalize_module._wordy_error(tokens) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "n/a", "TBD", "暂无", "客服电话", "138****5678", "400-XXX-XXXX", "见官网"]
)
def test_text_that_is_no_number_is_judged_once_and_kept(text):
    first = hv.verify(text)
    assert first.status is hv.Status.INVALID
    assert hv.verify(text) is first
    assert first == full(text)
    called = hv.verify(text, incoming=True)  # another question: not answered from the kept verdict
    assert called.incoming and called is not first


def _dense_400_list() -> hv.Allowlist:
    """Many 400 numbers of a few organisations, none one edit from another's: random 400
    numbers are then often near one (lookalikes, moved digits) or only seem near (a key shared
    with one that is two edits away)."""
    from hotline_verify._allowlist import build

    from .helpers import allowlist_data, entry, org

    rng = random.Random(14)
    taken: dict[str, int] = {}
    numbers: list[dict[str, object]] = []
    while len(numbers) < 3000:
        number, owner = f"400{rng.randrange(10**4):04d}{rng.randrange(1000):03d}", len(numbers) % 5
        keys = {number, *(number[:i] + number[i + 1 :] for i in range(10))}
        if any(taken.get(k, owner) != owner for k in keys) or number in taken:
            continue
        taken.update(dict.fromkeys(keys, owner))
        numbers.append(entry(number, f"o{owner}"))
    orgs = [org(f"o{i}", f"公司{i}", f"Company {i}") for i in range(5)]
    return build(allowlist_data(orgs, numbers), origin="dense.json")


def test_a_dense_list_gives_the_full_verdict_near_and_far():
    dense = _dense_400_list()
    rng = random.Random(3)
    texts = [f"400-{rng.randrange(10**4):04d}-{rng.randrange(1000):03d}" for _ in range(1500)]
    texts += [f"400{rng.randrange(10**4):04d}{rng.randrange(1000):03d}" for _ in range(500)]
    statuses = set()
    for text in texts:
        fast = verify_module._plain_verdict(text, dense)
        expected = full(text, dense)
        assert fast is None or fast == expected, text
        assert hv.verify(text, allowlist=dense) == expected, text
        statuses.add(expected.status)
    assert {hv.Status.LOOKALIKE, hv.Status.UNKNOWN} <= statuses
