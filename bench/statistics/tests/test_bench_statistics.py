"""The statistics benchmark's quick path runs end to end on a tiny register (PostgreSQL and its
SQLite copy): its report names every target, judged, the protected path publishes no cell
between 1 and the threshold, and the committed full-run figures are not touched. No timing is
asserted."""

from __future__ import annotations

import json
import os

import psycopg
import pytest

from bench.statistics import __main__ as bench
from bench.statistics.legs import RELEASE, THRESHOLD

pytestmark = pytest.mark.slow


def _postgres() -> bool:
    try:
        psycopg.connect(f"{bench.SERVER_URL}/postgres", connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


@pytest.fixture
def prefix(monkeypatch, tmp_path):
    if not _postgres():
        pytest.skip("PostgreSQL is not reachable")
    name = f"mekendesh_bench_statistics_test_{os.getpid()}"
    monkeypatch.setattr(bench, "PREFIX", name)
    monkeypatch.setattr(bench, "HOME_ROOT", tmp_path / "homes")
    yield name
    with psycopg.connect(f"{bench.SERVER_URL}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}_300" WITH (FORCE)')


def test_the_quick_path_measures_both_databases_and_publishes_no_small_cell(prefix, tmp_path):
    committed = (bench.HERE / "RESULTS.md").read_bytes() if (bench.HERE / "RESULTS.md").exists() else None
    out = tmp_path / "report"
    assert bench.main(["--quick", "--people", "300", "--requests", "3", "--budget", "0", "--out", str(out)]) == 0
    results = json.loads((out / "results.json").read_text())
    report = (out / "RESULTS.md").read_text()
    assert results["people"] == 300
    assert set(results["backends"]) == {"postgresql", "sqlite"}
    assert results["sqlite_copy"]["rows"]["people_person"] == 300
    for backend, found in results["backends"].items():
        for leg in ("keys", "bare", "protected", "pages", "pandas"):
            assert found[leg]["status"] == "ok", (backend, leg, found[leg])
        assert found["keys"]["keyed"] == 300  # every person has a record key before anything is counted
        protected = found["protected"]
        assert protected["published"] and not protected["stopped"]
        assert protected["small_published"] == 0
        kept = {table["code"] for table in protected["tables"]} - set(protected["refused"])
        assert kept and set(protected["published_cells"]) == kept
        assert len(protected["tables"]) == len(RELEASE)
        # The bare SQL and pandas find the same finest cells the data set stores.
        assert sum(found["bare"]["cells"].values()) == protected["cells_stored"]
        assert found["pandas"]["cells"] == found["bare"]["cells"]
        assert set(found["pages"]["pages"]) == set(protected["published_cells"])
    # The release as stored: no published cell lies between 1 and the threshold.
    assert THRESHOLD == 10
    judged = {(item["backend"], item["target"]): item for item in results["targets"]}
    assert set(judged) == {(b, t) for b in ("postgresql", "sqlite") for t in ("protected", "pages")}
    for item in judged.values():
        assert item["met"] in (True, False)
    assert "PostgreSQL" in report and "SQLite" in report and "ratio to the bare SQL" in report
    # A run of other sizes writes elsewhere: the committed figures stay as they were.
    if committed is not None:
        assert (bench.HERE / "RESULTS.md").read_bytes() == committed
