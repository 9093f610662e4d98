"""Run the statistics benchmark: ``python -m bench.statistics [--people N] [--quick] [--out DIR]``.

The register of N demo people on PostgreSQL (the web benchmark's database at a million people,
reused as it is, or one made by :mod:`bench.web.prepare` under this benchmark's prefix) is copied
for the run and migrated; the same register is copied into a migrated SQLite file
(:mod:`bench.statistics.sqlite_copy`, cached under a temporary directory with a marker, and copied
again for each run). On each database, side by side, each leg runs in its own process measured by
``bench.import.measure`` (wall time, peak memory; see :mod:`bench.statistics.legs`): record keys
drawn, the bare SQL ``GROUP BY`` of every register indicator, every indicator computed and a
standard release protected and published through the services, the public table pages, and pandas
over the same rows. The full run (a million people) writes ``results.json`` and ``RESULTS.md``
next to this file; other sizes write to ``--out`` (a temporary directory by default), never over
the full run's figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from bench.screening.__main__ import machine, work_database
from bench.web import prepare as web_prepare
from bench.web.prepare import ROOT, SERVER_URL, database_prepare, site_env

from . import sqlite_copy
from .report import report_render, targets

HERE = Path(__file__).resolve().parent
PREFIX = os.environ.get("BENCH_STATISTICS_DATABASE_PREFIX", "mekendesh_bench_statistics")
HOME_ROOT = Path(os.environ.get("BENCH_STATISTICS_HOME") or Path(tempfile.gettempdir()) / "mekendesh-bench-statistics")
FULL = {"people": 1_000_000, "requests": 200}
QUICK = {"people": 2000, "requests": 20}


def template_for(people: int) -> tuple[str, float | None]:
    """The PostgreSQL database to copy: the web benchmark's when its marker says it holds these
    people (read only: never migrated nor changed here — the copy is), else one of our own."""
    web_name = f"{web_prepare.PREFIX}_{people}"
    marker = web_prepare.HOME_ROOT / str(people) / "bench-database.json"
    wanted = {"people": people, "seed": web_prepare.SEED, "database": web_name}
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        return web_name, None
    prepared = database_prepare(people, prefix=PREFIX, home_root=HOME_ROOT / "postgres")
    return f"{PREFIX}_{people}", prepared.seconds


def _migrations(database_url: str) -> list[str]:
    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as db:
        return [f"{app}.{name}" for app, name in db.execute("SELECT app, name FROM django_migrations ORDER BY 1, 2")]


def sqlite_register(template: str, people: int, database_url: str, env: dict[str, str]) -> tuple[Path, dict[str, Any]]:
    """The cached SQLite copy of the register (made from the migrated PostgreSQL copy when its
    marker does not match: other people, another source, other migrations)."""
    folder = HOME_ROOT / "sqlite" / str(people)
    folder.mkdir(parents=True, exist_ok=True)
    cached, marker = folder / "register.sqlite3", folder / "bench-sqlite.json"
    # "copy": the version of the copying step (2: made before any leg has run).
    wanted = {"people": people, "source": template, "copy": 2, "migrations": _migrations(database_url)}
    if cached.exists() and marker.exists() and json.loads(marker.read_text()).get("wanted") == wanted:
        return cached, dict(json.loads(marker.read_text())["made"], reused=True)
    marker.unlink(missing_ok=True)
    print(f"== SQLite copy of the register ({people:,} people)", flush=True)
    made = sqlite_copy.make(database_url, cached, env, ROOT)
    marker.write_text(json.dumps({"wanted": wanted, "made": made}))
    return cached, dict(made, reused=False)


class Legs:
    """Runs each leg in its own process under the measuring wrapper and keeps what it said."""

    def __init__(self, out: Path) -> None:
        self.out = out

    def run(self, name: str, env: dict[str, str], *args: str) -> dict[str, Any]:
        measure = self.out / f"{name}.measure.json"
        stdout, stderr = self.out / f"{name}.stdout", self.out / f"{name}.stderr"
        print(f"== {name}", flush=True)
        command = [sys.executable, "-m", "bench.statistics.legs", *args]
        with stdout.open("wb") as so, stderr.open("wb") as se:
            subprocess.run(
                [sys.executable, "-m", "bench.import.measure", str(measure), "--", *command],
                cwd=ROOT,
                env=env,
                stdout=so,
                stderr=se,
                check=True,
            )
        measured = json.loads(measure.read_text())
        said = stdout.read_text(errors="replace")
        if measured["exit"] != 0:
            tail = [line for line in stderr.read_text(errors="replace").splitlines() if line.strip()][-3:]
            found: dict[str, Any] = {"status": "failed", "reason": f"exit {measured['exit']}: {' / '.join(tail)[:500]}"}
        else:
            found = {"status": "ok"}
            for line in reversed(said.strip().splitlines()):
                if line.startswith("{"):
                    found.update(json.loads(line))
                    break
        found["wall_seconds"] = measured["seconds"]
        found["peak_mb"] = measured["peak_mb"]
        print(f"   {json.dumps(found, ensure_ascii=False)[:600]}", flush=True)
        return found


def backend_run(legs: Legs, name: str, env: dict[str, str], requests: int, pandas: bool, budget: int) -> dict[str, Any]:
    found: dict[str, Any] = {}
    found["keys"] = legs.run(f"{name}-keys", env, "keys")
    found["bare"] = legs.run(f"{name}-bare", env, "bare")
    found["protected"] = legs.run(f"{name}-protected", env, "protected", str(budget))
    protected = found["protected"]
    if protected["status"] == "ok" and protected.get("published") and requests > 0:
        found["pages"] = legs.run(f"{name}-pages", env, "pages", protected["slug"], str(requests))
    else:
        found["pages"] = {"status": "skipped", "reason": "the release was not published"}
    if pandas:
        found["pandas"] = legs.run(f"{name}-pandas", env, "pandas")
    else:
        found["pandas"] = {"status": "skipped", "reason": "--no-pandas"}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.statistics", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--people", type=int, help=f"people on the register (default {FULL['people']:,})")
    parser.add_argument("--requests", type=int, help=f"GET requests per table page (default {FULL['requests']})")
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run: " + json.dumps(QUICK))
    parser.add_argument("--out", type=Path, help="where the report goes (the full run: next to this file)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--no-pandas", action="store_true", help="leave out the pandas comparison")
    parser.add_argument(
        "--budget",
        type=int,
        default=900,
        help="seconds one table's protection may take before it is stopped and left out (default 900; 0: none)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the run's databases and files")
    args = parser.parse_args(argv)
    sizes = dict(QUICK if args.quick else FULL)
    for key in sizes:
        if getattr(args, key) is not None:
            sizes[key] = getattr(args, key)
    full = sizes == FULL and args.out is None and not args.no_sqlite
    target = HERE if full else (args.out or Path(tempfile.mkdtemp(prefix="mekendesh-bench-statistics-report-")))
    target.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="mekendesh-bench-statistics-"))
    home = out / "home"
    home.mkdir()
    started = time.perf_counter()
    print(f"== register of {sizes['people']:,} people", flush=True)
    template, prepare_seconds = template_for(sizes["people"])
    work = f"{PREFIX}_{sizes['people']}_run"
    results: dict[str, Any] = {
        **sizes,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.statistics " + shlex.join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "template": template,
        "prepare_seconds": prepare_seconds,
        "backends": {},
    }

    def save() -> None:
        """The report as it stands (written after each backend: a run stopped midway keeps its figures)."""
        results["seconds"] = time.perf_counter() - started
        results["machine"]["load_end"] = " ".join(f"{value:.1f}" for value in os.getloadavg())
        results["targets"] = targets(results)
        (target / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        (target / "RESULTS.md").write_text(report_render(results))

    try:
        print(f"== PostgreSQL copy of {template}", flush=True)
        copied = time.perf_counter()
        database_url = work_database(template, work)
        env = dict(site_env(database_url, home), MEKENDESH_LANGUAGE="en")
        subprocess.run(
            [sys.executable, "-m", "mekendesh", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        results["copy_seconds"] = time.perf_counter() - copied
        if not args.no_sqlite:
            # Copied before any leg runs: the SQLite register holds what the PostgreSQL one held.
            cached, made = sqlite_register(template, sizes["people"], database_url, env)
            results["sqlite_copy"] = made
        legs = Legs(out)
        results["backends"]["postgresql"] = backend_run(
            legs, "postgresql", env, sizes["requests"], not args.no_pandas, args.budget
        )
        save()
        if not args.no_sqlite:
            run_file = out / "register.sqlite3"
            shutil.copyfile(cached, run_file)
            sqlite_env = dict(site_env(f"sqlite:///{run_file}", home), MEKENDESH_LANGUAGE="en")
            results["backends"]["sqlite"] = backend_run(
                legs, "sqlite", sqlite_env, sizes["requests"], not args.no_pandas, args.budget
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
            with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{work}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
