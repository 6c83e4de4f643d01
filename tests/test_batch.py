from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas", reason="the columnar form needs the batch extra (pandas)")
pa = pytest.importorskip("pyarrow", reason="the columnar form needs the batch extra (pyarrow)")

import hotline_verify as hv  # noqa: E402
from hotline_verify.batch import COLUMNS, empty_frame, verify_arrow, verify_series  # noqa: E402


def expected(v: hv.Verdict) -> dict[str, str | None]:
    """The row the columnar form must give for a verdict, written out field by field."""
    return {
        "status": v.status.value,
        "risk": v.risk.value,
        "normalized": v.normalized,
        "kind": v.kind.value if v.kind else None,
        "official": v.official.number if v.official else None,
        "evidence": v.evidence.value if v.evidence else None,
        "org": v.org.id if v.org else None,
        "claimed_org": v.claimed_org.id if v.claimed_org else None,
        "lookalike_kind": v.lookalike_kind.value if v.lookalike_kind else None,
        "reasons": ";".join(v.codes),
    }


def rows(df: pd.DataFrame) -> list[dict[str, str | None]]:
    return [{k: (None if pd.isna(x) else x) for k, x in r.items()} for r in df.to_dict("records")]


def test_rows_equal_verify_with_a_claims_column(mixed):
    numbers = pd.Series([n for n, _ in mixed], index=[f"r{i}" for i in range(len(mixed))])
    claims = pd.Series([c for _, c in mixed], index=numbers.index)
    df = verify_series(numbers, claimed=claims)
    assert list(df.columns) == list(COLUMNS)
    assert list(df.index) == list(numbers.index)
    assert rows(df) == [expected(hv.verify(n, claimed=c)) for n, c in mixed]
    assert set(df["status"]) == {"official", "lookalike", "unofficial", "unknown", "invalid"}


@pytest.mark.parametrize("options", [{}, {"claimed": "淘宝"}, {"incoming": True}, {"region": "US"}])
def test_rows_equal_verify_with_shared_options(mixed, options):
    numbers = [n for n, _ in mixed]
    df = verify_series(pd.Series(numbers), **options)
    assert rows(df) == [expected(hv.verify(n, **options)) for n in numbers]


def test_every_column_is_text():
    df = verify_series(pd.Series(["95188", None]))
    assert all(str(t) == "string" for t in df.dtypes)
    assert df["reasons"].str.split(";").tolist() == [["official", "evidence-listed"], ["invalid-empty"]]
    assert df["evidence"].tolist() == ["listed", pd.NA]


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA])
def test_missing_numbers_are_invalid(missing):
    df = verify_series(pd.Series(["95188", missing, "95188"], dtype=object))
    assert df["status"].tolist() == ["official", "invalid", "official"]
    assert rows(df)[1] == expected(hv.verify(""))


def test_missing_values_of_a_string_column():
    df = verify_series(pd.Series(["95188", None], dtype="string"))
    assert df["status"].tolist() == ["official", "invalid"]


def test_a_missing_claim_is_no_claim():
    df = verify_series(pd.Series(["400-123-4567"] * 2), claimed=pd.Series(["淘宝", None]))
    assert df["status"].tolist() == ["unofficial", "unknown"]


def test_index_and_order_are_kept():
    s = pd.Series(["4009888988", "95188", "abc"], index=pd.Index([30, 10, 20], name="row"))
    df = verify_series(s)
    assert df.index.equals(s.index)
    assert df["status"].tolist() == ["lookalike", "official", "invalid"]


def test_arrow_input_and_output(mixed):
    numbers = [n for n, _ in mixed] + [None]
    claims = [c for _, c in mixed] + [None]
    table = verify_arrow(pa.array(numbers), claimed=pa.array(claims, type=pa.string()))
    assert table.schema.names == list(COLUMNS)
    assert all(t == pa.string() for t in table.schema.types)
    assert table.to_pylist() == [
        expected(hv.verify(n or "", claimed=c)) for n, c in zip(numbers, claims, strict=True)
    ]
    chunked = pa.chunked_array([numbers[:3], numbers[3:]])
    df = verify_series(chunked)
    assert df.index.equals(pd.RangeIndex(len(numbers)))
    assert rows(df) == [expected(hv.verify(n or "")) for n in numbers]


def test_empty_input():
    df = verify_series(pd.Series([], dtype="string"))
    assert df.empty and list(df.columns) == list(COLUMNS)
    assert empty_frame().dtypes.equals(df.dtypes)
    assert verify_arrow(pa.array([], type=pa.string())).num_rows == 0


def test_numbers_stored_as_integers_are_refused():
    with pytest.raises(TypeError, match=r"must be a column of text, not int64.*lost their leading 0"):
        verify_series(pd.Series([95188, 9510211]))
    with pytest.raises(TypeError, match="Arrow array of strings, not int64"):
        verify_series(pa.array([95188]))


def test_a_non_text_cell_is_named_by_row_and_label():
    with pytest.raises(TypeError, match="numbers must hold text; row 1 \\(index 'b'\\) is int"):
        verify_series(pd.Series(["95188", 95188], index=["a", "b"], dtype=object))


def test_other_inputs_are_refused():
    with pytest.raises(TypeError, match="pandas Series or a pyarrow Array, not list"):
        verify_series(["95188"])


def test_claims_must_line_up():
    with pytest.raises(ValueError, match="claimed has 1 rows for 2 numbers"):
        verify_series(pa.array(["95188", "95188"]), claimed=pa.array(["淘宝"]))
    with pytest.raises(ValueError, match="same index"):
        verify_series(pd.Series(["95188"], index=[1]), claimed=pd.Series(["淘宝"], index=[2]))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.text(max_size=25), st.from_regex(r"\+?[0-9 ()\-]{3,16}", fullmatch=True)),
        max_size=15,
    )
)
def test_any_column_gives_what_verify_gives(cells):
    df = verify_series(pd.Series(cells, dtype=object))
    assert rows(df) == [expected(hv.verify(x or "")) for x in cells]
