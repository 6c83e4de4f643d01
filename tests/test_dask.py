"""The columnar form mapped over Dask partitions, on a local cluster of two worker processes."""

from __future__ import annotations

import json

import pytest

pd = pytest.importorskip("pandas", reason="the Dask helper needs the batch extra (pandas)")
dd = pytest.importorskip("dask.dataframe", reason="the Dask helper needs the dask extra (dask[dataframe])")
distributed = pytest.importorskip("distributed", reason="the Dask test needs the dask extra (distributed)")

import hotline_verify as hv  # noqa: E402
from hotline_verify._allowlist import packaged_path  # noqa: E402
from hotline_verify.batch import COLUMNS, verify_dask  # noqa: E402

from .test_batch import expected, rows  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=":0",
            worker_dashboard_address=":0",
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture
def frame(mixed):
    """The mixed set three times over, under a shuffled index, in four partitions."""
    data = [(n, c) for n, c in mixed] * 3
    index = [f"row-{(i * 37) % len(data):03d}" for i in range(len(data))]
    pdf = pd.DataFrame({"number": [n for n, _ in data], "claimed": [c for _, c in data]}, index=index)
    return data, index, dd.from_pandas(pdf, npartitions=4, sort=False)


@pytest.mark.slow
def test_rows_equal_verify_across_worker_processes(client, frame):
    data, index, ddf = frame
    result = verify_dask(ddf["number"], claimed=ddf["claimed"])
    assert list(result.columns) == list(COLUMNS)
    df = result.compute()
    assert list(df.index) == index
    assert rows(df) == [expected(hv.verify(n, claimed=c)) for n, c in data]
    assert set(df["status"]) == {"official", "lookalike", "unofficial", "unknown", "invalid"}
    assert len(client.scheduler_info()["workers"]) == 2


def test_one_claim_for_all_rows(client, frame):
    data, _index, ddf = frame
    df = verify_dask(ddf["number"], claimed="淘宝", incoming=True).compute()
    assert rows(df) == [expected(hv.verify(n, claimed="淘宝", incoming=True)) for n, _ in data]


def test_a_custom_allowlist_travels_to_the_workers(client, frame, tmp_path):
    data = json.loads(packaged_path().read_text("utf-8"))
    data["numbers"] = [e for e in data["numbers"] if e["number"] != "95188"]
    path = tmp_path / "without-95188.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    custom = hv.load_allowlist(path)
    data, _index, ddf = frame
    df = verify_dask(ddf["number"], allowlist=custom).compute()
    assert rows(df) == [expected(hv.verify(n, allowlist=custom)) for n, _ in data]
    # without its entry, 95188 is no longer official (it is one digit from a bank's line)
    assert df["status"][[n == "９５１８８" for n, _ in data]].unique().tolist() == ["unknown"]


def test_verdicts_go_beside_their_rows_without_a_shuffle(client, frame):
    data, index, ddf = frame
    ddf = ddf.clear_divisions()  # as after read_parquet without an index
    combined = dd.concat([ddf, verify_dask(ddf["number"], claimed=ddf["claimed"])], axis=1)
    assert not [k for k in combined.__dask_graph__() if "shuffle" in str(k)]
    df = combined.compute()
    assert list(df.index) == index
    assert rows(df[list(COLUMNS)]) == [expected(hv.verify(n, claimed=c)) for n, c in data]


def test_other_inputs_are_refused(frame):
    _, _, ddf = frame
    with pytest.raises(TypeError, match="takes a Dask Series of numbers, not Series; use verify_series"):
        verify_dask(pd.Series(["95188"]))
    with pytest.raises(TypeError, match="claimed must be a str, None or a Dask Series, not list"):
        verify_dask(ddf["number"], claimed=["淘宝"])
