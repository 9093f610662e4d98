"""The screening benchmark's quick path runs end to end on a tiny register (PostgreSQL) and its
report names every leg and every target, judged; the committed full-run figures are not touched."""

from __future__ import annotations

import json
import os

import psycopg
import pytest

from bench.screening import __main__ as bench
from bench.screening.report import LEG_TITLES, TARGETS

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
    name = f"mekendesh_bench_screening_test_{os.getpid()}"
    monkeypatch.setattr(bench, "PREFIX", name)
    monkeypatch.setattr(bench, "HOME_ROOT", tmp_path / "homes")
    yield name
    with psycopg.connect(f"{bench.SERVER_URL}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}_300" WITH (FORCE)')


def test_the_quick_path_runs_every_leg_and_reports_each_target(prefix, tmp_path):
    committed = (bench.HERE / "RESULTS.md").read_bytes() if (bench.HERE / "RESULTS.md").exists() else None
    out = tmp_path / "report"
    sizes = ["--people", "300", "--rows", "400", "--new-people", "20", "--changed", "20"]
    assert bench.main(["--quick", *sizes, "--no-spark", "--status-requests", "0", "--out", str(out)]) == 0
    results = json.loads((out / "results.json").read_text())
    report = (out / "RESULTS.md").read_text()
    assert (results["people"], results["rows"], results["new_people"]) == (300, 400, 20)
    for leg in ("import", "full", "register", "people", "version_import", "version"):
        assert results["legs"][leg]["status"] == "ok", results["legs"][leg]
        assert LEG_TITLES[leg] in report
    assert results["legs"]["spark"]["status"] == "skipped"
    assert results["legs"]["full"]["runs"][0]["entries"] == 400
    assert results["legs"]["people"]["people"] == 20
    assert results["legs"]["version"]["runs"][0]["entries"] == 20
    judged = {target["leg"]: target for target in results["targets"]}
    assert set(judged) == {*TARGETS, "spark"}
    for leg, (text, _seconds, _peak) in TARGETS.items():
        assert text in report
        assert judged[leg]["met"] in (True, False)
    assert "Spark (local mode) gives the same decisions" in report and "not measured" in report
    assert "met**" in report
    # A run of other sizes writes elsewhere: the committed figures stay as they were.
    if committed is not None:
        assert (bench.HERE / "RESULTS.md").read_bytes() == committed
