from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local[2] SparkSession for every Spark test, with its directories in a temp dir."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("the Spark tests need a Java runtime")
    from mekendesh.linkage.engine import new_spark_session

    workdir = Path(tempfile.mkdtemp(prefix="mekendesh-spark-test-"))
    session = new_spark_session("local[2]", workdir)
    session.sparkContext.setCheckpointDir(str(workdir / "checkpoints"))
    try:
        yield session
    finally:
        session.stop()
        shutil.rmtree(workdir, ignore_errors=True)
