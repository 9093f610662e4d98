"""Run the web benchmark: ``python -m bench.web [--people N ...] [--run-time SECONDS] [--rate R]``.

For each N (default 5,000 and 1,000,000): a PostgreSQL database with N demo people (made once,
then reused; see :mod:`bench.web.prepare`), ``mekendesh serve`` on it at 127.0.0.1, the demo's
Moscow officer signed in through the real forms (password, then TOTP), and locust in headless
mode from a second process at a constant arrival rate over the pages of
:data:`bench.web.locustfile.SCENARIOS`. Each run is bounded (``--run-time``). Results go to
``results.json`` and ``RESULTS.md`` next to this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
import requests

from bench.web.prepare import ROOT, Prepared, database_prepare, site_env
from bench.web.report import report_render, stats_as_json, stats_from_json, stats_read

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "RESULTS.md"
OFFICER = "officer.moscow@mfa.example"
HOST = "127.0.0.1"  # the benchmark never targets another machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mekendesh serve stopped (exit {server.returncode})")
        try:
            if requests.get(base + "/", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise SystemExit("mekendesh serve did not answer in time")


def _csrf(session: requests.Session, page: requests.Response) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    return found.group(1) if found else session.cookies.get("csrftoken", "")


def _totp(env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-m", "mekendesh", "demo", "totp", OFFICER],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def officer_sign_in(base: str, prepared: Prepared, env: dict[str, str]) -> dict[str, str]:
    """Sign the officer in as a person would (password, then the TOTP code); the session cookies."""
    password = json.loads((prepared.home / "demo-logins.json").read_text())[OFFICER]
    session = requests.Session()
    page = session.get(base + "/accounts/login/")
    answer = session.post(
        base + "/accounts/login/",
        data={
            "csrfmiddlewaretoken": _csrf(session, page),
            "login": OFFICER,
            "password": password,
        },
        headers={"Referer": page.url},
    )
    if "2fa" not in answer.url:
        raise SystemExit(f"sign-in did not ask for the second factor (at {answer.url})")
    for _attempt in range(3):
        answer = session.post(
            answer.url,
            data={"csrfmiddlewaretoken": _csrf(session, answer), "code": _totp(env)},
            headers={"Referer": answer.url},
        )
        if session.get(base + "/staff/", allow_redirects=False).status_code == 200:
            return dict(session.cookies)
        time.sleep(31)  # a code is good once: wait for the next one
    raise SystemExit("the officer could not pass the second factor")


def workload_data(prepared: Prepared) -> dict[str, Any]:
    """People the officer may open and names to search for, spread over the whole register, and
    the places a registration names; read from the database once."""
    url = prepared.database_url.replace("postgres://", "postgresql://")
    step = max(prepared.people // 150, 1)
    with psycopg.connect(url) as db:
        rows = db.execute(
            """SELECT p.public_id, n.surname, n.given_names, n.script
                 FROM people_person p JOIN people_nameform n ON n.person_id = p.id
                WHERE p.id %% %s = 0 AND EXISTS (
                      SELECT 1 FROM people_stay s JOIN reference_consulardistrict d ON d.id = s.consular_district_id
                       WHERE s.person_id = p.id AND d.code = 'RU-MOSCOW')
                ORDER BY p.id LIMIT 300""",
            [step],
        ).fetchall()
        district = db.execute("SELECT id, region_id FROM reference_district ORDER BY code LIMIT 1").fetchone()
        host_region = db.execute("SELECT id FROM reference_hostregion WHERE code = 'RU-MOW'").fetchone()
    people = list(dict.fromkeys(str(row[0]) for row in rows))
    queries = []
    for index, (_, surname, given, _script) in enumerate(rows):
        first = given.split()[0] if given else ""
        # Surname and given name, either order, in every script on record; now and then a surname alone.
        queries.append(f"{first} {surname}" if index % 3 == 1 else surname if index % 7 == 0 else f"{surname} {first}")
    return {
        "people": people,
        "queries": queries,
        "registration": {"origin_region": district[1], "origin_district": district[0], "host_region": host_region[0]},
        "queue_path": os.environ.get("BENCH_WEB_QUEUE_PATH", "/staff/stays/queue/"),
    }


def _locust(base: str, data_path: Path, csv_prefix: Path, *, users: int, run_time: int, rate: float) -> None:
    env = dict(
        os.environ,
        BENCH_WEB_DATA=str(data_path),
        BENCH_WEB_USER_RATE=str(rate / users),
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--host",
            base,
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{run_time}s",
            "--stop-timeout",
            "10",
            "--csv",
            str(csv_prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--exit-code-on-error",
            "0",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=run_time + 120,
    )


def bench_one(people: int, *, run_time: int, warm_up: int, rate: float, users: int, out: Path) -> dict[str, Any]:
    print(f"== {people:,} people: preparing the database", flush=True)
    prepared = database_prepare(people)
    env = site_env(prepared.database_url, prepared.home)
    env["REGISTRATION_RATE_PER_HOUR"] = str(10**9)  # one address sends every registration
    port = _free_port()
    base = f"http://{HOST}:{port}"
    log = (out / f"serve-{people}.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mekendesh", "serve", "--bind", f"{HOST}:{port}"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_up(base, server)
        data = {**workload_data(prepared), "cookies": officer_sign_in(base, prepared, env)}
        data_path = out / f"data-{people}.json"
        data_path.write_text(json.dumps(data, ensure_ascii=False))
        if warm_up:
            print(f"== {people:,} people: warming up for {warm_up} s", flush=True)
            _locust(base, data_path, out / f"warmup-{people}", users=users, run_time=warm_up, rate=rate)
        print(f"== {people:,} people: {rate:.0f} requests/s for {run_time} s", flush=True)
        _locust(base, data_path, out / f"run-{people}", users=users, run_time=run_time, rate=rate)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
    stats = stats_read(out / f"run-{people}_stats.csv")
    return {"people": people, "prepare_seconds": prepared.seconds, "stats": stats_as_json(stats)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, nargs="+", default=[5_000, 1_000_000])
    parser.add_argument("--run-time", type=int, default=60, help="seconds of measured load per register size")
    parser.add_argument("--warm-up", type=int, default=10, help="seconds of load before measuring")
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second in all")
    parser.add_argument("--users", type=int, default=40, help="simulated users sharing that rate")
    parser.add_argument("--note", action="append", default=[], help="a line to add under the results")
    parser.add_argument(
        "--notes-file", type=Path, help="Markdown to add under the results (e.g. the conditions of the run)"
    )
    args = parser.parse_args(argv)
    out = Path(tempfile.mkdtemp(prefix="mekendesh-bench-web-"))
    previous = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {"runs": {}}
    notes = [*args.note, *([args.notes_file.read_text()] if args.notes_file else [])]
    previous["machine"] = {"python": platform.python_version(), "cores": os.cpu_count(), "system": platform.platform()}
    for people in args.people:
        run = bench_one(people, run_time=args.run_time, warm_up=args.warm_up, rate=args.rate, users=args.users, out=out)
        run.update(
            at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            rate=args.rate,
            users=args.users,
            run_time=args.run_time,
        )
        previous["runs"][str(people)] = run
        # Written after each size, so that a run cut short keeps what it measured.
        RESULTS_JSON.write_text(json.dumps(previous, indent=2) + "\n")
        RESULTS_MD.write_text(results_markdown(previous, notes))
    print(RESULTS_MD.read_text())
    return 0


def results_markdown(results: dict[str, Any], notes: list[str]) -> str:
    runs = sorted(results["runs"].values(), key=lambda run: run["people"])
    small, large = runs[0], runs[-1]
    table = report_render(
        small_people=small["people"],
        small=stats_from_json(small["stats"]),
        large_people=large["people"],
        large=stats_from_json(large["stats"]),
        notes=notes,
    )
    machine = results.get("machine", {})
    head = [
        "# Web benchmark: the register at 5,000 and at 1,000,000 people",
        "",
        (
            "`python -m bench.web` (or `./run bench web`): PostgreSQL with N demo people (`mekendesh demo --no-serve "
            "--people N`), `mekendesh serve` (gunicorn, workers from the core count) on 127.0.0.1, and locust from a "
            "second process at a constant arrival rate (`constant_throughput`) over the pages below; the officer signs "
            "in through the real forms with the demo TOTP secret."
        ),
        "",
        "Runs: "
        + "; ".join(
            f"{run['people']:,} people at {run['at']}, {run['rate']:.0f} requests/s asked by {run['users']} users "
            f"for {run['run_time']} s"
            + (f", database made in {run['prepare_seconds']:.0f} s" if run.get("prepare_seconds") else "")
            for run in runs
        )
        + ".",
        "",
        f"Machine: {machine.get('cores', '?')} cores, Python {machine.get('python', '?')}, {machine.get('system', '?')}.",
        "",
    ]
    return "\n".join(head) + table


if __name__ == "__main__":
    sys.exit(main())
