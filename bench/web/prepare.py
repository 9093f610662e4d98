"""A PostgreSQL database with N demo people for the web benchmark, made once and reused.

Each N has its own database (``<prefix>_<N>``) and its own ``MEKENDESH_HOME`` (the demo's logins
are kept there). A small marker file records the number of people and the seed a database was
made with; a database without a matching marker is dropped and made again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = 20260123
SERVER_URL = os.environ.get("BENCH_WEB_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
PREFIX = os.environ.get("BENCH_WEB_DATABASE_PREFIX", "mekendesh_bench_web")
HOME_ROOT = Path(os.environ.get("BENCH_WEB_HOME") or Path(tempfile.gettempdir()) / "mekendesh-bench-web")


@dataclass(frozen=True)
class Prepared:
    people: int
    database_url: str
    home: Path
    seconds: float | None  # time taken to make it, None when reused


def site_env(database_url: str, home: Path) -> dict[str, str]:
    """The environment the demo preparation and the server run in: development settings with
    DEBUG off (production settings insist on HTTPS, which a benchmark on 127.0.0.1 has not)."""
    return dict(
        os.environ,
        MEKENDESH_ENV="development",
        DEBUG="false",
        MEKENDESH_HOME=str(home),
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="600",
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )


def database_prepare(people: int, *, seed: int = SEED, prefix: str = PREFIX, home_root: Path = HOME_ROOT) -> Prepared:
    """The database of ``people`` demo people named ``<prefix>_<people>`` (made, or reused when
    its marker matches), its logins kept under ``home_root``."""
    name = f"{prefix}_{people}"
    home = home_root / str(people)
    marker = home / "bench-database.json"
    wanted = {"people": people, "seed": seed, "database": name}
    url = f"{SERVER_URL}/{name}".replace("postgresql://", "postgres://")
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        # Made before: bring its schema up to the code's (as an upgraded deployment would be).
        subprocess.run(
            [sys.executable, "-m", "mekendesh", "migrate", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=site_env(url, home),
            check=True,
        )
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as db:
            db.execute("VACUUM ANALYZE")
        return Prepared(people=people, database_url=url, home=home, seconds=None)
    with psycopg.connect(f"{SERVER_URL}/postgres".replace("postgres://", "postgresql://"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    home.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)
    for stale in home.glob("demo-logins.json"):
        stale.unlink()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mekendesh", "demo", "--no-serve", "--people", str(people), "--seed", str(seed)],
        cwd=ROOT,
        env=site_env(url, home),
        check=True,
    )
    seconds = time.perf_counter() - started
    marker.write_text(json.dumps(wanted))
    return Prepared(people=people, database_url=url, home=home, seconds=seconds)


if __name__ == "__main__":
    for count in sys.argv[1:]:
        prepared = database_prepare(int(count))
        print(f"{prepared.people} people in {prepared.database_url}: {prepared.seconds} s")
