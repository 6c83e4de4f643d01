"""The columnar form inside PySpark's mapInPandas, in local mode (the recipe of docs/batch.md)."""

from __future__ import annotations

import shutil
import sys

import pytest

pytest.importorskip("pandas", reason="the Spark recipe needs the batch extra (pandas)")
pytest.importorskip("pyspark", reason="the Spark recipe is tested only where pyspark is installed")
if shutil.which("java") is None:
    pytest.skip("PySpark needs Java on the PATH", allow_module_level=True)

import hotline_verify as hv
from hotline_verify.batch import COLUMNS, verify_series

from .test_batch import expected

pytestmark = [
    pytest.mark.spark,
    pytest.mark.slow,
    # PySpark 4 warns on pandas 3 though mapInPandas works with it; the rows are checked below
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

INPUT = "id long, number string, claimed string"
SCHEMA = INPUT + ", " + ", ".join(f"{c} string" for c in COLUMNS)


def judge(batches):
    """What mapInPandas runs on the executors: each batch with its verdicts beside it."""
    for pdf in batches:
        yield pdf.join(verify_series(pdf["number"], claimed=pdf["claimed"]))


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    mp = pytest.MonkeyPatch()
    mp.setenv("PYSPARK_PYTHON", sys.executable)  # executors must import hotline_verify too
    session = (
        SparkSession.builder.master("local[2]")
        .appName("hotline-verify-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    mp.undo()


def test_map_in_pandas_gives_what_verify_gives(spark, mixed):
    data = [(i, n, c) for i, (n, c) in enumerate(list(mixed) * 3 + [(None, None)])]
    df = spark.createDataFrame(data, INPUT).repartition(3)
    got = {r["id"]: r.asDict() for r in df.mapInPandas(judge, SCHEMA).collect()}
    assert sorted(got) == [i for i, _, _ in data]
    for i, n, c in data:
        row = dict(got[i])
        assert (row.pop("id"), row.pop("number"), row.pop("claimed")) == (i, n, c)
        assert row == expected(hv.verify(n or "", claimed=c)), (i, n, c)
