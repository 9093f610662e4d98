"""Run the import benchmark: ``python -m bench.import [--rows N] [--ie-rows N] [--legs …] [--keep-file]``.

Generates the registrations file (:mod:`bench.import.generate`), makes a migrated PostgreSQL
template database with a consular officer of every district, and runs each leg in its own
process on a fresh copy of it: the pipeline (``mekendesh import``), the raw COPY of the same
final rows, and django-import-export on the first rows. Each leg's wall time and peak memory
are measured by :mod:`bench.import.measure`. Results go to ``results.json`` and ``RESULTS.md``
next to this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from .generate import SEED, bad_rows, file_write, line_break_row
from .legs import TABLES
from .report import pipeline_output_parse, report_render

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "RESULTS.md"
SERVER_URL = os.environ.get("BENCH_IMPORT_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_IMPORT_DATABASE", "mekendesh_bench_import")
TEMPLATE = f"{DATABASE}_template"
OFFICER = "officer.import@mfa.example"
LEGS = ("pipeline", "copy", "ie")


def _url(name: str) -> str:
    return f"{SERVER_URL}/{name}"


def site_env(database: str, home: Path) -> dict[str, str]:
    """Development settings with DEBUG off against the benchmark database (as bench/web runs)."""
    return dict(
        os.environ,
        MEKENDESH_ENV="development",
        DEBUG="false",
        MEKENDESH_HOME=str(home),
        # The report reads the command's English lines (counts, bad rows).
        MEKENDESH_LANGUAGE="en",
        DATABASE_URL=_url(database).replace("postgresql://", "postgres://", 1),
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )


def _admin(*statements: str) -> None:
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement)


def template_prepare(home: Path) -> float:
    """The migrated template database (reference data comes with the migrations) with the officer."""
    started = time.perf_counter()
    _admin(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)', f'CREATE DATABASE "{TEMPLATE}"')
    env = site_env(TEMPLATE, home)
    subprocess.run(
        [sys.executable, "-m", "mekendesh", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    password = secrets.token_urlsafe(18)
    (home / "officer.json").write_text(json.dumps({OFFICER: password}))
    subprocess.run(
        [sys.executable, "-m", "bench.import.legs", "officer", OFFICER, password], cwd=ROOT, env=env, check=True
    )
    return time.perf_counter() - started


def database_fresh() -> None:
    """The benchmark database as the template left it: every leg starts from the same state."""
    _admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', f'CREATE DATABASE "{DATABASE}" TEMPLATE "{TEMPLATE}"')
    with psycopg.connect(_url(DATABASE), autocommit=True) as db:
        db.execute("ANALYZE")


def _measured(name: str, command: list[str], env: dict[str, str], out: Path) -> tuple[dict[str, Any], str, str]:
    """Run one leg under the measuring wrapper; its measure and its stdout and stderr."""
    measure = out / f"{name}.measure.json"
    stdout, stderr = out / f"{name}.stdout", out / f"{name}.stderr"
    with stdout.open("wb") as so, stderr.open("wb") as se:
        subprocess.run(
            [sys.executable, "-m", "bench.import.measure", str(measure), "--", *command],
            cwd=ROOT,
            env=env,
            stdout=so,
            stderr=se,
            check=True,
        )
    return (
        json.loads(measure.read_text()),
        stdout.read_text(errors="replace"),
        stderr.read_text(errors="replace"),
    )


def _last_json(text: str) -> dict[str, Any]:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return dict(json.loads(line))
    raise ValueError("the leg printed no result")


def _failure(measure: dict[str, Any], stderr: str) -> dict[str, Any]:
    tail = [line for line in stderr.strip().splitlines() if line.strip()][-1:] or [""]
    return {"status": "failed", "reason": f"exit {measure['exit']}: {tail[0][:300]}"}


def pipeline_available(env: dict[str, str]) -> bool:
    probe = subprocess.run(
        [sys.executable, "-m", "mekendesh", "import", "--help"], cwd=ROOT, env=env, capture_output=True, check=False
    )
    return probe.returncode == 0


def _count(table: str) -> int:
    with psycopg.connect(_url(DATABASE)) as db:
        row = db.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 (a fixed table name)
    return int(row[0]) if row else 0


def pipeline_leg(path: Path, rows: int, env: dict[str, str], out: Path) -> dict[str, Any]:
    if not pipeline_available(env):
        return {"status": "skipped", "reason": "pipeline not available (`mekendesh import --help` failed)"}
    database_fresh()
    command = [sys.executable, "-m", "mekendesh", "import", str(path), "--source", "bench", "--as", OFFICER]
    measure, stdout, stderr = _measured("pipeline", command, env, out)
    parsed = pipeline_output_parse(stdout + "\n" + stderr)
    if measure["exit"] != 0:
        return {**_failure(measure, stderr), **parsed}
    people = _count("people_person")
    return {
        "status": "ok",
        "exit": measure["exit"],
        "rows": rows,
        "seconds": measure["seconds"],
        "rows_per_second": rows / measure["seconds"],
        "peak_mb": measure["peak_mb"],
        "counts": parsed["counts"],
        "bad_rows_reported": parsed["bad_rows"],
        "people_stored": people,
        "note": f"{people:,} people stored; exit {measure['exit']}",
    }


def dump_stored(out: Path) -> Path:
    """What the pipeline stored, table by table, in COPY's text format, with a manifest."""
    dump = out / "dump"
    dump.mkdir(exist_ok=True)
    entries = []
    with psycopg.connect(_url(DATABASE)) as db:
        existing = {row[0] for row in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        for table in (t for t in TABLES if t in existing):
            columns = [
                row[0]
                for row in db.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
                    [table],
                )
            ]
            quoted = ", ".join(f'"{column}"' for column in columns)
            with (dump / f"{table}.copy").open("wb") as handle, db.cursor() as cursor:
                # The columns come from the catalogue, the tables from TABLES.
                with cursor.copy(f"COPY (SELECT {quoted} FROM {table}) TO STDOUT") as copy:  # noqa: S608
                    for chunk in copy:
                        handle.write(chunk)
                count = _count(table)
            entries.append({"table": table, "columns": columns, "file": f"{table}.copy", "rows": count})
    manifest = dump / "manifest.json"
    manifest.write_text(json.dumps({"source": "pipeline", "tables": entries}, indent=2))
    return manifest


def copy_leg(path: Path, rows: int, env: dict[str, str], out: Path, *, after_pipeline: bool) -> dict[str, Any]:
    people = rows - len(bad_rows(rows))
    if after_pipeline:
        # The pipeline's database as it left it; the leg empties the people and audit tables.
        manifest = dump_stored(out)
        source = "pipeline"
    else:
        database_fresh()
        made = subprocess.run(
            [sys.executable, "-m", "bench.import.legs", "final-rows", str(path), str(rows), str(out / "final")],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        print(f"   final rows: {made.stdout.strip()}", flush=True)
        manifest = out / "final" / "manifest.json"
        source = "file"
    measure, stdout, stderr = _measured(
        "copy", [sys.executable, "-m", "bench.import.legs", "copy", str(manifest)], env, out
    )
    if measure["exit"] != 0:
        return _failure(measure, stderr)
    loaded = _last_json(stdout)
    stored = _count("people_person")
    return {
        "status": "ok",
        "source": source,
        "rows": stored,
        "seconds": loaded["seconds"],
        "rows_per_second": stored / loaded["seconds"],
        "peak_mb": measure["peak_mb"],
        "table_rows": loaded["tables"],
        "note": f"{loaded['rows']:,} rows in {len(loaded['tables'])} tables; {stored:,} people of {people:,}; "
        f"rows from the {'pipeline' if source == 'pipeline' else 'file, plain values'}",
    }


def ie_leg(path: Path, ie_rows: int, env: dict[str, str], out: Path) -> dict[str, Any]:
    database_fresh()
    measure, stdout, stderr = _measured(
        "ie", [sys.executable, "-m", "bench.import.legs", "ie", str(path), str(ie_rows)], env, out
    )
    if measure["exit"] != 0:
        return _failure(measure, stderr)
    found = _last_json(stdout)
    return {
        "status": "ok",
        "rows": found["rows"],
        "seconds": found["seconds"],
        "rows_per_second": found["rows"] / found["seconds"],
        "peak_mb": measure["peak_mb"],
        "process_seconds": measure["seconds"],
        **{key: found[key] for key in ("new", "invalid", "errors", "people", "names", "read_seconds")},
        "note": f"{found['people']:,} people and {found['names']:,} names stored; {found['invalid']} invalid rows",
    }


def machine() -> dict[str, Any]:
    with psycopg.connect(_url("postgres")) as db:
        row = db.execute("SHOW server_version").fetchone()
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return {
        "cores": os.cpu_count(),
        "ram_gb": round(pages / 2**30, 1),
        "postgresql": row[0] if row else "?",
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated file")
    parser.add_argument("--ie-rows", type=int, default=100_000, help="rows django-import-export is given")
    parser.add_argument("--legs", default=",".join(LEGS), help="which legs to run, comma-separated")
    parser.add_argument("--keep-file", action="store_true", help="keep the generated file and the dumps")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    legs = [leg.strip() for leg in args.legs.split(",") if leg.strip()]
    if unknown := set(legs) - set(LEGS):
        parser.error(f"unknown legs: {', '.join(sorted(unknown))}")
    out = Path(tempfile.mkdtemp(prefix="mekendesh-bench-import-"))
    home = out / "home"
    home.mkdir()
    path = out / f"registrations-{args.rows}.csv"
    ie_rows = min(args.ie_rows, args.rows)
    try:
        print(f"== generating {args.rows:,} rows into {path}", flush=True)
        started = time.perf_counter()
        file_write(path, rows=args.rows, seed=args.seed, today=dt.date.today())
        file_seconds = time.perf_counter() - started
        print("== preparing the template database", flush=True)
        prepare_seconds = template_prepare(home)
        env = site_env(DATABASE, home)
        results: dict[str, Any] = {
            "rows": args.rows,
            "ie_rows": ie_rows,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "command": "python -m bench.import " + shlex.join(argv if argv is not None else sys.argv[1:]),
            "machine": machine(),
            "prepare_seconds": prepare_seconds,
            "file": {
                "seed": args.seed,
                "bytes": path.stat().st_size,
                "seconds": file_seconds,
                "bad_rows": [bad.__dict__ for bad in bad_rows(args.rows)],
                "line_break_row": line_break_row(args.rows),
            },
            "legs": {},
        }
        ran_pipeline = False
        if "pipeline" in legs or "copy" in legs:
            # The copy leg loads what the pipeline stored, so the pipeline runs first when it can.
            print("== pipeline", flush=True)
            results["legs"]["pipeline"] = pipeline_leg(path, args.rows, env, out)
            ran_pipeline = results["legs"]["pipeline"]["status"] == "ok"
            print(f"   {results['legs']['pipeline']}", flush=True)
            if "pipeline" not in legs:
                results["legs"]["pipeline"] = {"status": "skipped", "reason": "not asked for (run for the copy leg)"}
        if "copy" in legs:
            print("== raw COPY", flush=True)
            results["legs"]["copy"] = copy_leg(path, args.rows, env, out, after_pipeline=ran_pipeline)
            print(f"   {results['legs']['copy']}", flush=True)
        if "ie" in legs:
            print(f"== django-import-export on {ie_rows:,} rows", flush=True)
            results["legs"]["ie"] = ie_leg(path, ie_rows, env, out)
            print(f"   {results['legs']['ie']}", flush=True)
        RESULTS_JSON.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        RESULTS_MD.write_text(report_render(results))
        print(RESULTS_MD.read_text())
    finally:
        if args.keep_file:
            print(f"kept: {out}")
        else:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
