"""One request at a time: ``python -m bench.web.single [--people N ...] [--repeat R]``.

For each register size (the databases of :mod:`bench.web.prepare`, made or reused), a child
process signs the demo's Moscow officer in (with the second factor passed) and asks each staff
page and the landing page ``--repeat`` times through Django's test client, after one request to
warm up. It prints the mean wall time of a request, the time its SQL took and its number of
queries: the cost of one request, without the queueing of the load benchmark (``python -m
bench.web``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from typing import Any

from bench.web.prepare import ROOT, database_prepare, site_env

OFFICER = "officer.moscow@mfa.example"


def measure(*, repeat: int) -> list[dict[str, Any]]:
    """Run inside a process whose settings point at a prepared database."""
    import time

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendesh.settings")
    django.setup()
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client

    from mekendesh.accounts.models import User
    from mekendesh.accounts.second_factor import second_factor_mark_done
    from mekendesh.people.models import Stay

    settings.DEBUG = True  # Django records the queries and their times only with DEBUG on
    settings.ALLOWED_HOSTS = ["testserver"]
    officer = User.objects.get(email=OFFICER)
    client = Client()
    client.force_login(officer)
    session = client.session
    second_factor_mark_done(session=session, user=officer)
    session.save()
    stay = Stay.objects.filter(consular_district__code="RU-MOSCOW").select_related("person").order_by("-pk").first()
    assert stay is not None, "the demo data has no stay in the Moscow district"
    pages = {
        "landing page": ("/", Client()),
        "staff home": ("/staff/", client),
        "person page": (f"/staff/people/{stay.person.public_id}/", client),
        "staff search": ("/staff/people/?q=Асанов+Бакыт", client),
        "work queue": ("/staff/stays/queue/", client),
    }
    rows = []
    for name, (path, browser) in pages.items():
        assert browser.get(path).status_code == 200, path
        wall = sql = 0.0
        queries = 0
        for _ in range(repeat):
            reset_queries()
            start = time.perf_counter()
            browser.get(path)
            wall += time.perf_counter() - start
            sql += sum(float(query["time"]) for query in connection.queries)
            queries = len(connection.queries)
        rows.append({"page": name, "ms": 1000 * wall / repeat, "sql_ms": 1000 * sql / repeat, "queries": queries})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[5_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(measure(repeat=options.repeat)))
        return 0
    results = {}
    for people in options.people:
        prepared = database_prepare(people)
        answer = subprocess.run(
            [sys.executable, "-m", "bench.web.single", "--child", "--repeat", str(options.repeat)],
            cwd=ROOT,
            env=site_env(prepared.database_url, prepared.home),
            check=True,
            capture_output=True,
            text=True,
        )
        results[people] = json.loads(answer.stdout.strip().splitlines()[-1])
    sizes = list(results)
    print("| page | " + " | ".join(f"{n:,} people: ms (SQL ms), queries" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for index, row in enumerate(results[sizes[0]]):
        cells = [results[n][index] for n in sizes]
        print(
            f"| {row['page']} | "
            + " | ".join(f"{c['ms']:.1f} ({c['sql_ms']:.1f}), {c['queries']}" for c in cells)
            + " |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
