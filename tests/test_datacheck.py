from __future__ import annotations

import json

import pytest
from helpers import allowlist_data, entry, org, source

import hotline_verify as hv
from hotline_verify._allowlist import packaged_path
from hotline_verify._datacheck import check_data


def test_the_packaged_file_passes():
    assert check_data(packaged_path()) == ()


def _good():
    return allowlist_data(
        [org("acme", "阿克米", "Acme", "阿克米客服"), org("bolt", "博尔特", "Bolt", "博尔特客服")],
        [entry("4001234567", "acme"), entry("95123", "bolt")],
        cases=[],
        known_fakes=[],
        wrong_attributions=[],
    )


def test_a_good_file_passes():
    assert check_data(_good()) == ()


def _secondary(where):
    return source(where, kind="secondary")


@pytest.mark.parametrize(
    ("mutate", "pointer", "message"),
    [
        (
            lambda d: d["numbers"].append(entry("4001234567", "acme")),
            "/numbers/2/number",
            "the number 4001234567 is listed twice",
        ),
        (
            lambda d: d["numbers"].append(entry("4001234567", "bolt")),
            "/numbers/2/number",
            'the number 4001234567 is listed by both "acme" and "bolt"',
        ),
        (
            lambda d: d["numbers"][0].__setitem__("sources", []),
            "/numbers/0/sources",
            "must contain at least 1 items",
        ),
        (
            lambda d: d["numbers"][0].__setitem__("sources", [_secondary("https://blog.example/a")]),
            "/numbers/0/sources",
            "the evidence is too weak",
        ),
        (
            lambda d: d["numbers"][0].__setitem__(
                "sources", [_secondary("https://blog.example/a"), _secondary("https://blog.example/a")]
            ),
            "/numbers/0/sources",
            "the evidence is too weak",
        ),
        (
            lambda d: d["numbers"][0].update(
                sources=[_secondary("https://a.example/a"), _secondary("https://b.example/a")],
                conflicts=[{"zh": "有冲突", "en": "a list disagrees"}],
            ),
            "/numbers/0/sources",
            "a number with recorded conflicts needs an official-site",
        ),
        (
            lambda d: d["organisations"][1]["aliases"].append("阿克米"),
            "/organisations/1/aliases/1",
            'the name "阿克米" also belongs to "acme"',
        ),
        (
            lambda d: d["numbers"][0].__setitem__("number", "0123"),
            "/numbers/0/number",
            "does not read as a phone number",
        ),
        (
            lambda d: d["numbers"][0].__setitem__("number", "04001234567"),
            "/numbers/0/number",
            "is not in canonical form; write it as 4001234567",
        ),
        (
            lambda d: d["numbers"][1].__setitem__("number", "0095123"),
            "/numbers/1/number",
            "is not in canonical form; write it as +95123",
        ),
        (
            lambda d: d["numbers"][0]["sources"][0].__setitem__("read", "2026-02-30"),
            "/numbers/0/sources/0/read",
            '"2026-02-30" is not a real date',
        ),
        (
            lambda d: d["numbers"][0]["sources"][0].__setitem__("read", "26-11-2026"),
            "/numbers/0/sources/0/read",
            "must match pattern",
        ),
        (lambda d: d["numbers"][0].__setitem__("colour", "red"), "/numbers/0", "must not contain"),
        (
            lambda d: d["numbers"][1].__setitem__("number", "4001234568"),
            "/numbers/0/number",
            '4001234567 is one edit away from 4001234568 of "bolt"',
        ),
        (
            lambda d: d["numbers"].append(entry("96110", "acme", scope="local")),
            "/numbers/2/number",
            "must include its area code",
        ),
    ],
)
def test_broken_data_fails_with_path_and_message(mutate, pointer, message):
    data = _good()
    mutate(data)
    problems = check_data(data)
    assert any(p.pointer == pointer and message in p.message for p in problems), problems


def test_acknowledged_lookalikes_pass():
    data = _good()
    data["numbers"][1]["number"] = "4001234568"
    data["numbers"][0]["acknowledged_lookalikes"] = ["4001234568"]
    assert check_data(data) == ()


def test_json_syntax_error_is_a_problem_and_unreadable_files_raise(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{", "utf-8")
    (problem,) = check_data(path)
    assert (problem.pointer, str(problem).startswith(str(path))) == ("/", True)
    assert "not valid JSON" in problem.message
    with pytest.raises(hv.AllowlistError):
        check_data(tmp_path / "missing.json")


def test_problem_renders_file_and_pointer(tmp_path):
    data = _good()
    data["numbers"][0]["status"] = "gone"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), "utf-8")
    (problem,) = check_data(path)
    assert str(problem) == f"{path}::/numbers/0/status: this value must be one of ['active', 'retired']"


@pytest.mark.parametrize(
    ("mutate", "pointer", "message"),
    [
        (
            lambda d: d["numbers"][0].__setitem__("sources", [{"kind": "secondary", "read": "2026-11-30"}]),
            "/numbers/0/sources/0",
            "a source must be followable",
        ),
        (
            lambda d: d["numbers"][0].__setitem__(
                "sources", [{"kind": "community-list", "repo": "a/b", "path": "x.yaml", "read": "2026-11-30"}]
            ),
            "/numbers/0/sources/0",
            "a source must be followable",
        ),
        (
            lambda d: d["numbers"][0].__setitem__("status", "retired"),
            "/numbers/0/status",
            "a retired number needs a source that says it was withdrawn or replaced",
        ),
        (
            lambda d: d["numbers"][0].__setitem__(
                "sources",
                [
                    {"kind": "secondary", "url": "https://list.example/a", "read": "2026-11-30"},
                    {
                        "kind": "secondary",
                        "url": "https://copy.example/b",
                        "derived_from": ["list.example"],
                        "read": "2026-11-30",
                    },
                ],
            ),
            "/numbers/0/sources",
            "sources derived from one another count once",
        ),
        (
            lambda d: d["numbers"][0]["sources"][0].__setitem__("kind", "source-article"),
            "/numbers/0/sources/0/kind",
            "only a documented case may cite the source article",
        ),
    ],
)
def test_citations_must_be_followable_retirements_sourced_and_origins_counted_once(
    mutate, pointer, message, tmp_path
):
    data = _good()
    mutate(data)
    problems = check_data(data)
    assert any(p.pointer == pointer and message in p.message for p in problems), problems
    with pytest.raises(hv.AllowlistError) as raised:
        path = tmp_path / "allowlist.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        hv.load_allowlist(path)
    assert any(message in m for _, m in raised.value.problems)


def test_two_independent_origins_grade_corroborated_and_one_listed():
    from hotline_verify._allowlist import sources_of
    from hotline_verify._model import grade

    vcards = {"kind": "community-list", "repo": "metowolf/vCards", "path": "a.yaml", "commit": "0" * 40}
    copy = {"kind": "secondary", "url": "https://copy.example/x", "derived_from": ["metowolf/vCards"]}
    other = {"kind": "community-list", "repo": "someone/else", "path": "b.md", "commit": "1" * 40}
    assert grade(sources_of([dict(vcards, read="2026-11-30")])) is hv.Evidence.LISTED
    assert (
        grade(sources_of([dict(vcards, read="2026-11-30"), dict(copy, read="2026-11-30")]))
        is hv.Evidence.LISTED
    )
    assert grade(sources_of([dict(vcards, read="2026-11-30"), dict(other, read="2026-11-30")])) is (
        hv.Evidence.CORROBORATED
    )
