"""Run the screening benchmark: ``python -m bench.screening [--people N] [--rows M] [--quick] [--out DIR]``.

A PostgreSQL register of N demo people (made once by :mod:`bench.web.prepare`, then copied for
each run), a generated host-country list of M rows in Russian spelling, and in one run, each leg
in its own process measured by ``bench.import.measure`` (wall time, peak memory): the list's
import, the full screening run it starts, 1,000 new registrations screened, a second version with
5,000 changed entries imported and screened, and Spark in local mode on the first version
compared pair by pair with DuckDB's decisions (see :mod:`bench.screening.legs`). The full run
writes ``results.json`` and ``RESULTS.md`` next to this file; other sizes write to ``--out`` (a
temporary directory by default), never over the full run's figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from bench.web.prepare import ROOT, SERVER_URL, database_prepare, site_env

from .legs import LIST_NAME
from .report import report_render, targets

HERE = Path(__file__).resolve().parent
PREFIX = os.environ.get("BENCH_SCREENING_DATABASE_PREFIX", "mekendesh_bench_screening")
HOME_ROOT = Path(os.environ.get("BENCH_SCREENING_HOME") or Path(tempfile.gettempdir()) / "mekendesh-bench-screening")
ANALYST = "analyst@mfa.example"  # the demo's screening analyst
FULL = {"people": 1_000_000, "rows": 128_000, "new_people": 1000, "changed": 5000}
QUICK = {"people": 2000, "rows": 1500, "new_people": 100, "changed": 100}
MEMBER_SHARE = 0.25  # of the list's rows: people of the register
NEW_LISTED_SHARE = 0.1  # of the new registrations: already on the list
SEED = 20261206


def _admin(*statements: str) -> None:
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement)


def work_database(template: str, name: str) -> str:
    """A copy of the prepared register for this run (every run starts from the same state)."""
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # A template must have no one connected to it (the preparation's last connections).
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [template])
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
    return f"{SERVER_URL}/{name}".replace("postgresql://", "postgres://", 1)


def _seconds_until(clock: str) -> float:
    """Seconds from now until HH:MM (UTC) today."""
    now = dt.datetime.now(dt.UTC)
    hour, minute = (int(part) for part in clock.split(":"))
    return (now.replace(hour=hour, minute=minute, second=0, microsecond=0) - now).total_seconds()


def machine() -> dict[str, Any]:
    with psycopg.connect(f"{SERVER_URL}/postgres") as db:
        row = db.execute("SHOW server_version").fetchone()
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return {
        "cores": os.cpu_count(),
        "ram_gb": round(pages / 2**30, 1),
        "postgresql": row[0] if row else "?",
        "python": platform.python_version(),
        "system": platform.platform(),
        "load": " ".join(f"{value:.1f}" for value in os.getloadavg()),
    }


class Legs:
    """Runs each leg in its own process under the measuring wrapper and keeps what it said."""

    def __init__(self, out: Path, env: dict[str, str]) -> None:
        self.out = out
        self.env = env

    def run(self, name: str, command: list[str], *, env: dict[str, str] | None = None) -> dict[str, Any]:
        measure = self.out / f"{name}.measure.json"
        stdout, stderr = self.out / f"{name}.stdout", self.out / f"{name}.stderr"
        print(f"== {name}", flush=True)
        with stdout.open("wb") as so, stderr.open("wb") as se:
            subprocess.run(
                [sys.executable, "-m", "bench.import.measure", str(measure), "--", *command],
                cwd=ROOT,
                env=env or self.env,
                stdout=so,
                stderr=se,
                check=True,
            )
        measured = json.loads(measure.read_text())
        said = stdout.read_text(errors="replace")
        if measured["exit"] != 0:
            tail = [line for line in stderr.read_text(errors="replace").splitlines() if line.strip()][-3:]
            found = {"status": "failed", "reason": f"exit {measured['exit']}: {' / '.join(tail)[:500]}"}
        else:
            found = {"status": "ok"}
            for line in reversed(said.strip().splitlines()):
                if line.startswith("{"):
                    found.update(json.loads(line))
                    break
            else:
                found["output"] = " ".join(said.split())[:300]
        found["seconds"] = measured["seconds"]
        found["peak_mb"] = measured["peak_mb"]
        print(f"   {json.dumps(found, ensure_ascii=False)[:600]}", flush=True)
        return found

    def leg(self, name: str, *args: str) -> dict[str, Any]:
        return self.run(name, [sys.executable, "-m", "bench.screening.legs", *args])

    def mekendesh(self, name: str, *args: str) -> dict[str, Any]:
        return self.run(name, [sys.executable, "-m", "mekendesh", *args])


def status_timing(requests: int) -> str:
    """The public status check's answer times (its own SQLite database)."""
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "MEKENDESH_HOME")}
    env.update(MEKENDESH_ENV="test", PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(
        [sys.executable, str(HERE / "status_timing.py"), "--requests", str(requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else f"failed (exit {done.returncode}): {done.stderr[-500:]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screening", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--people", type=int, help=f"people on the register (default {FULL['people']:,})")
    parser.add_argument("--rows", type=int, help=f"rows of the list (default {FULL['rows']:,})")
    parser.add_argument("--new-people", type=int, help=f"new registrations (default {FULL['new_people']:,})")
    parser.add_argument("--changed", type=int, help=f"rows the second version changes (default {FULL['changed']:,})")
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run: " + json.dumps(QUICK))
    parser.add_argument("--out", type=Path, help="where the report goes (the full run: next to this file)")
    parser.add_argument("--no-spark", action="store_true", help="leave out the Spark comparison")
    parser.add_argument(
        "--spark-timeout", type=int, default=1800, help="seconds the Spark leg may take (default 1,800)"
    )
    parser.add_argument(
        "--spark-sample",
        type=int,
        default=0,
        help="when Spark does not finish the whole version in time, compare this many of its entries",
    )
    parser.add_argument("--spark-memory", default="6g", help="the Spark driver's memory (default 6g)")
    parser.add_argument(
        "--spark-until", help="HH:MM (UTC) by which the Spark leg must end (instead of --spark-timeout)"
    )
    parser.add_argument("--status-requests", type=int, default=100, help="checks per profile of the status timing")
    parser.add_argument("--keep", action="store_true", help="keep the run's database and files")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    sizes = dict(QUICK if args.quick else FULL)
    for key in sizes:
        if getattr(args, key) is not None:
            sizes[key] = getattr(args, key)
    full = sizes == FULL and args.out is None and not args.no_spark
    target = HERE if full else (args.out or Path(tempfile.mkdtemp(prefix="mekendesh-bench-screening-report-")))
    target.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="mekendesh-bench-screening-"))
    home = out / "home"
    home.mkdir()
    started = time.perf_counter()
    print(f"== register of {sizes['people']:,} people", flush=True)
    prepared = database_prepare(sizes["people"], prefix=PREFIX, home_root=HOME_ROOT)
    template = f"{PREFIX}_{sizes['people']}"
    work = f"{template}_run"
    results: dict[str, Any] = {
        **sizes,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.screening " + shlex.join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "prepare_seconds": prepared.seconds,
        "legs": {},
    }
    try:
        database_url = work_database(template, work)
        env = dict(
            site_env(database_url, home),
            MEKENDESH_LANGUAGE="en",
            MEKENDESH_SCREENING_ENGINE="duckdb",
            MEKENDESH_SCREENING_MODEL_FILE=str(home / "screening-model.json"),
        )
        legs = Legs(out, env)

        def save() -> None:
            """The report as it stands (written after each leg: a run stopped midway keeps its figures)."""
            results["seconds"] = time.perf_counter() - started
            results["targets"] = targets(results)
            (target / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
            (target / "RESULTS.md").write_text(report_render(results))

        found = legs.leg("source", "source", LIST_NAME)
        if found["status"] != "ok":
            raise SystemExit(f"the list could not be described: {found['reason']}")
        members = round(sizes["rows"] * MEMBER_SHARE)
        new_listed = round(sizes["new_people"] * NEW_LISTED_SHARE)
        results["list"] = legs.leg(
            "generate",
            "generate",
            str(out),
            *(str(n) for n in (sizes["rows"], members, sizes["new_people"], new_listed, sizes["changed"], args.seed)),
        )
        if results["list"]["status"] != "ok":
            raise SystemExit(f"the list could not be generated: {results['list']['reason']}")
        importing = ("--target", "host_list", "--source", LIST_NAME, "--as", ANALYST, "--no-progress")
        results["legs"]["import"] = legs.mekendesh("import", "import", str(out / "list-1.csv"), *importing)
        save()
        pairs = out / "duckdb-pairs.json"
        results["legs"]["full"] = legs.leg("full", "run-queued", "--fresh-model", "--pairs", str(pairs))
        save()
        results["legs"]["register"] = legs.leg("register", "register", str(sizes["new_people"]), str(args.seed))
        results["legs"]["people"] = legs.leg("people", "people")
        save()
        results["legs"]["version_import"] = legs.mekendesh(
            "version_import", "import", str(out / "list-2.csv"), *importing
        )
        results["legs"]["version"] = legs.leg("version", "run-queued")
        save()
        if args.status_requests > 0:
            print("== public status check", flush=True)
            results["status_timing"] = status_timing(args.status_requests)
        if args.no_spark:
            results["legs"]["spark"] = {"status": "skipped", "reason": "--no-spark"}
        elif importlib.util.find_spec("pyspark") is None:
            results["legs"]["spark"] = {"status": "skipped", "reason": "pyspark is not installed (mekendesh[spark])"}
        elif not pairs.exists():
            results["legs"]["spark"] = {"status": "skipped", "reason": "the full run did not finish"}
        else:
            spark_env = dict(env, PYSPARK_SUBMIT_ARGS=f"--driver-memory {args.spark_memory} pyspark-shell")
            timeout = args.spark_timeout
            if args.spark_until:
                # What is left until then, less a quarter of an hour for the sample if it comes to that.
                left = _seconds_until(args.spark_until)
                timeout = max(60, round(left - (900 if args.spark_sample else 0)))
            command = [sys.executable, "-m", "bench.screening.legs", "spark"]
            results["legs"]["spark"] = legs.run("spark", ["timeout", str(timeout), *command, str(pairs)], env=spark_env)
            if results["legs"]["spark"]["status"] != "ok":
                if results["legs"]["spark"].get("reason", "").startswith("exit 124"):
                    results["legs"]["spark"]["reason"] = f"stopped after {timeout:,} s"
                if args.spark_sample:
                    # The whole version did not finish (in time, or in memory): a sample of its entries, said so.
                    results["legs"]["spark_whole"] = results["legs"]["spark"]
                    left = max(60, round(_seconds_until(args.spark_until))) if args.spark_until else timeout
                    results["legs"]["spark"] = legs.run(
                        "spark", ["timeout", str(left), *command, str(pairs), str(args.spark_sample)], env=spark_env
                    )
                save()
        save()
        print((target / "RESULTS.md").read_text())
        print(f"written to {target}", flush=True)
    finally:
        if args.keep:
            print(f"kept: {out} and the database {work}")
        else:
            shutil.rmtree(out, ignore_errors=True)
            _admin(f'DROP DATABASE IF EXISTS "{work}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
