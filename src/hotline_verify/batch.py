"""The columnar form: a column of numbers in, a table of verdicts out.

Needs the ``batch`` extra (``pip install 'hotline-verify[batch]'``: pandas and
pyarrow); [`verify_dask()`][hotline_verify.batch.verify_dask] needs the ``dask`` extra as well.

The columns are the verdict's summary (``Verdict.to_dict()`` flattened, the same record the
chatbot's ``reply_data()`` and ``scan --format json`` carry). Every output column is text (pandas
``"string"`` dtype, Arrow ``string``), missing where the verdict has no value:

==================  ==========================================================
``status``          ``official`` / ``lookalike`` / ``unofficial`` / ``unknown`` / ``invalid``
``risk``            ``low`` / ``medium`` / ``high``
``normalized``      canonical digits (``"95188"``, ``"+16502530000"``); missing if invalid
``kind``            the kind of number (``enterprise-400``, ``mobile`` …)
``official``        the official number matched or imitated
``evidence``        its evidence grade: ``verified`` / ``corroborated`` / ``listed``
``org``             the id of its organisation (or of the one a known fake poses as)
``claimed_org``     the id of the organisation ``claimed`` resolved to
``lookalike_kind``  how a lookalike imitates (``transposition``, ``area-code`` …)
``reasons``         the reason codes in order, joined with ``";"``
==================  ==========================================================

Reason codes are joined into one string, not a list column, so the table writes to
CSV as well as to Parquet and crosses into Spark or Dask without nested types;
``df["reasons"].str.split(";")`` gives lists back. A missing input (``None``,
``NaN``, ``pd.NA``, an Arrow null) is judged as the empty string: status ``invalid``,
reason ``invalid-empty``.

```python
>>> import pandas as pd
>>> df = verify_series(pd.Series(["95188", "400-700-0600", None], index=[10, 11, 12]))
>>> df["status"].tolist(), df["official"].tolist()
(['official', 'lookalike', 'invalid'], ['95188', '4007006000', <NA>])
>>> df["evidence"].tolist()
['listed', 'corroborated', <NA>]
>>> df.loc[12, "reasons"]
'invalid-empty'

```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._allowlist import Allowlist
from ._many import Shared, factorize, paused_gc
from ._model import NumberKind
from ._verdict import SUMMARY_KEYS, Verdict, summary_values
from ._verify import plain_reasons, quick_answer

try:
    import pandas as pd
    import pyarrow as pa
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "hotline_verify.batch needs pandas and pyarrow: pip install 'hotline-verify[batch]'"
    ) from exc

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["COLUMNS", "empty_frame", "verify_arrow", "verify_dask", "verify_series"]

# the verdict's summary, less what a table of many rows rarely needs
_INCOMING, _REASONS = SUMMARY_KEYS.index("incoming"), SUMMARY_KEYS.index("reasons")
COLUMNS = (*SUMMARY_KEYS[:_INCOMING], "reasons")  # all but "incoming" and "suggested"


def _row(v: Verdict) -> tuple[str | None, ...]:
    """The verdict's summary (``Verdict.to_dict()`` flattened), one cell per column."""
    values = summary_values(v)
    return (*values[:_INCOMING], ";".join(values[_REASONS]))


def _row_of(shared: Shared, number: str, claim: str | None, /) -> tuple[str | None, ...]:
    """The row of what ``verify()`` says of ``number``. A plain number's row is made straight
    from its decision: most rows of a batch need no ``Verdict`` (tests hold every row to
    ``verify()``)."""
    if claim is None and shared.plain:
        found = quick_answer(number, shared.allowlist)
        if isinstance(found, tuple):
            d, normalized, kind = found
            # the columns of _row(), with what a plain number's verdict holds
            return (
                d.status._value_,
                d.risk._value_,
                normalized,
                kind._value_,
                *_NOTHING,
                _PLAIN_CODES[normalized is None][kind],
            )
        if found is not None:
            return _row(found)
        return _row(shared.verdict(number, claim, quick=False))
    return _row(shared.verdict(number, claim))


_NOTHING = (None,) * (COLUMNS.index("reasons") - COLUMNS.index("kind") - 1)  # official … lookalike_kind


# the reasons cell of a plain number's row, by kind, for a readable number and not (the codes
# do not depend on the digits)
_PLAIN_CODES = [
    {kind: ";".join(r.code for r in plain_reasons("", kind)) for kind in NumberKind},
    {kind: ";".join(r.code for r in plain_reasons(None, kind)) for kind in NumberKind},
]


def _cells(column: Any, what: str) -> tuple[list[Any], Any]:
    """The Python values of a pandas Series or Arrow array (missing as ``None``), and its index."""
    if isinstance(column, pd.Series):
        if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
            raise TypeError(
                f"{what} must be a column of text, not {column.dtype}: numbers stored as integers "
                "have lost their leading 0 and '+'; read the column as strings (dtype=str)"
            )
        missing = column.isna().tolist()
        return [None if m else x for x, m in zip(column.tolist(), missing, strict=True)], column.index
    if isinstance(column, (pa.Array, pa.ChunkedArray)):
        t = column.type
        if not (
            pa.types.is_string(t)
            or pa.types.is_large_string(t)
            or pa.types.is_null(t)
            or str(t) == "string_view"
        ):
            raise TypeError(f"{what} must be an Arrow array of strings, not {t}")
        return column.to_pylist(), pd.RangeIndex(len(column))
    raise TypeError(f"{what} must be a pandas Series or a pyarrow Array, not {type(column).__name__}")


def _text(cells: list[Any], what: str, index: Any) -> None:
    for i, x in enumerate(cells):
        if x is not None and not isinstance(x, str):
            raise TypeError(f"{what} must hold text; row {i} (index {index[i]!r}) is {type(x).__name__}")


def _arrays(
    numbers: Any, claimed: Any, *, region: str, allowlist: Allowlist | None, incoming: bool
) -> tuple[list[pa.Array], Any]:
    """One Arrow array per output column, and the index of the input."""
    cells, index = _cells(numbers, "numbers")
    _text(cells, "numbers", index)
    one_claim = claimed is None or isinstance(claimed, str)
    if not one_claim:
        if (
            isinstance(numbers, pd.Series)
            and isinstance(claimed, pd.Series)
            and not claimed.index.equals(index)
        ):
            raise ValueError("claimed must have the same index as the numbers")
        claims, claims_index = _cells(claimed, "claimed")
        if len(claims) != len(cells):
            raise ValueError(f"claimed has {len(claims)} rows for {len(cells)} numbers")
        _text(claims, "claimed", claims_index)
    shared = Shared.check(region=region, allowlist=allowlist, incoming=incoming)
    texts = ["" if x is None else x for x in cells]
    if one_claim:  # the numbers alone decide which rows are alike
        positions: dict[str, int] = {}
        codes = [positions.setdefault(x, len(positions)) for x in texts]
        unique = [(x, claimed) for x in positions]
    else:
        codes, unique = factorize(texts, claims)
    # keep a row per distinct input, not its verdict: a third of the memory
    with paused_gc():
        rows = [_row_of(shared, number, claim) for number, claim in unique]
    positions = pa.array(codes, type=pa.int64())
    return [pa.array(column, type=pa.string()).take(positions) for column in _columns(rows)], index


def _columns(rows: list[tuple[str | None, ...]]) -> list[tuple[str | None, ...]]:
    """The rows turned into one tuple per column (none, with no rows)."""
    return list(zip(*rows, strict=True)) if rows else [() for _ in COLUMNS]


def _frame(arrays: list[pa.Array], index: Any) -> pd.DataFrame:
    # through Arrow: pd.array(list, dtype="string") is ten times slower per cell
    return pd.DataFrame(
        {name: pd.arrays.ArrowStringArray(a) for name, a in zip(COLUMNS, arrays, strict=True)}, index=index
    )


def empty_frame(index: Any = None) -> pd.DataFrame:
    """A table with no rows and the output columns: the ``meta`` of a partition."""
    return _frame(
        [pa.array([], type=pa.string())] * len(COLUMNS), pd.RangeIndex(0) if index is None else index[:0]
    )


def verify_series(
    numbers: Any,
    /,
    *,
    claimed: Any = None,
    region: str = "CN",
    allowlist: Allowlist | None = None,
    incoming: bool = False,
) -> pd.DataFrame:
    """Verdicts for a pandas Series or pyarrow Array of numbers, as a DataFrame.

    Rows are in input order and keep the Series' index (an Arrow input gets a
    ``RangeIndex``). ``claimed`` is one name for all rows, or a column of names
    (missing means no claim) of the same length; a pandas column must have the same
    index. The options are those of [`verify()`][hotline_verify.verify], and each row
    equals what ``verify()`` says of that number.
    """
    return _frame(*_arrays(numbers, claimed, region=region, allowlist=allowlist, incoming=incoming))


def verify_arrow(
    numbers: Any,
    /,
    *,
    claimed: Any = None,
    region: str = "CN",
    allowlist: Allowlist | None = None,
    incoming: bool = False,
) -> pa.Table:
    """Like [`verify_series()`][hotline_verify.batch.verify_series], but an Arrow table (no index: rows
    are in input order)."""
    arrays, _ = _arrays(numbers, claimed, region=region, allowlist=allowlist, incoming=incoming)
    return pa.table(dict(zip(COLUMNS, arrays, strict=True)))


def verify_dask(
    numbers: dd.Series,
    /,
    *,
    claimed: str | dd.Series | None = None,
    region: str = "CN",
    allowlist: Allowlist | None = None,
    incoming: bool = False,
) -> dd.DataFrame:
    """[`verify_series()`][hotline_verify.batch.verify_series] mapped over the partitions of a Dask Series.

    Each partition is judged on its own (no shuffle); the result has the Series'
    partitions and index. ``claimed`` is one name or a Dask Series partitioned like
    ``numbers`` (two columns of one Dask DataFrame are). With ``allowlist=None`` each
    worker loads the packaged allowlist once; a custom one travels with the tasks.
    """
    try:
        import dask.dataframe as dd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("verify_dask() needs dask: pip install 'hotline-verify[dask]'") from exc
    if not isinstance(numbers, dd.Series):
        raise TypeError(
            f"verify_dask() takes a Dask Series of numbers, not {type(numbers).__name__}; "
            "use verify_series() for a pandas Series"
        )
    if not (claimed is None or isinstance(claimed, (str, dd.Series))):
        raise TypeError(f"claimed must be a str, None or a Dask Series, not {type(claimed).__name__}")
    options = {"region": region, "allowlist": allowlist, "incoming": incoming}
    meta = empty_frame(numbers._meta.index)
    frame: dd.DataFrame
    if isinstance(claimed, dd.Series):
        frame = dd.map_partitions(_verify_pair, numbers, claimed, meta=meta, **options)
    else:
        frame = numbers.map_partitions(verify_series, claimed=claimed, meta=meta, **options)
    return frame


def _verify_pair(numbers: pd.Series, claimed: pd.Series, /, **options: Any) -> pd.DataFrame:
    return verify_series(numbers, claimed=claimed, **options)
