"""The statistics benchmark's legs, each run in its own process by :mod:`bench.statistics`
(``python -m bench.statistics.legs LEG [ARGS]``) against the database ``DATABASE_URL`` names; each
prints one JSON line with what it found.

* ``keys``: every person's record key drawn (:func:`record_keys_assign`), before anything is timed;
* ``bare``: the plain ``GROUP BY`` statements of every register indicator (taken from the
  indicators' own querysets), run with a raw cursor and every row fetched, twice (cold, warm);
* ``protected``: the real path — a data set computed (:func:`dataset_compute`, which runs
  :func:`aggregates_compute`), a standard release's tables added, protected by one call
  (:func:`release_protect`) and published through the services, each stage timed;
* ``pages``: p50/p95 of GET requests of each published table page (Django's test client, in
  process, against the same database), after one request to warm up;
* ``pandas``: the same finest cells with pandas ``groupby`` over the rows read from the database.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import statistics
import sys
import time
from collections.abc import Iterator
from typing import Any

# Today: the demo registers its people now, so an earlier date would leave registrations empty.
REFERENCE_DATE = dt.date.today()
STATISTICIANS = ("statistician@stat.example", "bench.reviewer@stat.example")
# The standard release: (indicator, dimensions, method). Every table but one is protected by
# threshold suppression (threshold 10, protection 4: the services' defaults); flows by month (and
# year) × destination are perturbed by the cell-key method.
RELEASE = (
    ("stock", ("destination",), "suppression"),
    ("stock", ("origin",), "suppression"),
    ("stock", ("sex", "age"), "suppression"),
    ("stock", ("purpose",), "suppression"),
    ("stock", ("duration",), "suppression"),
    ("departures", ("month", "destination"), "cell_key"),
    ("registrations", ("month",), "suppression"),
)
THRESHOLD = 10


def _setup() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendesh.settings")
    django.setup()


def _emit(found: dict[str, Any]) -> None:
    print(json.dumps(found, ensure_ascii=False), flush=True)


def grouped_querysets(on: dt.date) -> Iterator[tuple[str, Any, dict[str, str], str]]:
    """Each register indicator's grouped queryset as :mod:`mekendesh.statistics.indicators`
    builds it: ``(indicator, the annotated queryset, {dimension: annotation}, record key path)``.

    The indicators' functions are generators over ``_grouped``; it is replaced for the time of
    the call by one that keeps its arguments and yields nothing, so the SQL is exactly theirs."""
    from mekendesh.statistics import indicators

    kept: list[tuple[Any, dict[str, str], str]] = []
    original = indicators._grouped

    def keep(queryset: Any, fields: Any, key: str) -> Iterator[Any]:
        kept.append((queryset, dict(fields), key))
        return iter(())

    indicators._grouped = keep  # type: ignore[assignment]
    try:
        for code, indicator in indicators.INDICATORS.items():
            kept.clear()
            list(indicator.compute(on))
            for queryset, fields, key in kept:
                yield code, queryset, fields, key
    finally:
        indicators._grouped = original


def bare_statements(on: dt.date) -> list[tuple[str, str, tuple[Any, ...]]]:
    """The plain ``GROUP BY`` of every indicator: ``(indicator, sql, params)`` — the same
    statement ``_grouped`` runs (count and sum of record keys per finest cell)."""
    from django.db import connection
    from django.db.models import Count, Sum, Value
    from django.db.models.functions import Coalesce

    statements = []
    for code, queryset, fields, key in grouped_querysets(on):
        rows = queryset.values(*fields.values()).annotate(n=Count("pk"), keys=Coalesce(Sum(key), Value(0)))
        sql, params = rows.order_by(*fields.values()).query.sql_with_params()
        statements.append((code, sql, tuple(params)))
    assert connection.vendor in ("postgresql", "sqlite")
    return statements


def leg_keys() -> dict[str, Any]:
    from django.db import connection

    from mekendesh.people.models import Person
    from mekendesh.statistics.indicators import record_keys_assign

    started = time.perf_counter()
    drawn = record_keys_assign()  # none when the demo that made the register already drew them
    seconds = time.perf_counter() - started
    # The planner's statistics for the new keys (as a database's routine analyse would give it).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statistics_recordkey")
    keyed = Person.objects.filter(record_key__isnull=False).count()
    return {
        "drawn": drawn,
        "keyed": keyed,
        "seconds": seconds,
        "analyze_seconds": time.perf_counter() - started - seconds,
    }


def leg_bare(passes: int = 2) -> dict[str, Any]:
    from django.db import connection

    statements = bare_statements(REFERENCE_DATE)
    runs = []
    cells: dict[str, int] = {}
    for _ in range(passes):
        by_indicator: dict[str, float] = {}
        for code, sql, params in statements:
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
            by_indicator[code] = by_indicator.get(code, 0.0) + time.perf_counter() - started
            cells[code] = len(rows)
        runs.append(by_indicator)
    totals = [sum(run.values()) for run in runs]
    return {
        "vendor": connection.vendor,
        "passes": [round(total, 4) for total in totals],
        "seconds": min(totals),  # the warm pass: the protected path runs on a warm cache too
        "by_indicator": min(runs, key=lambda run: sum(run.values())),
        "cells": cells,
        "statements": len(statements),
    }


class OverBudget(Exception):
    pass


def _over_budget(signum: int, frame: Any) -> None:
    raise OverBudget


def leg_protected(budget: int = 0) -> dict[str, Any]:
    """``budget``: seconds one call protecting the release may take (0: no limit); a call stopped
    at its budget leaves the release unpublished (its tables said to be stopped); a table the
    services refuse is removed from the release (and said so) and the others are published."""
    from django.db import connection

    from mekendesh.accounts.models import User
    from mekendesh.statistics import services
    from mekendesh.statistics.models import Aggregate, Method, ReleaseTable

    statistician, reviewer = (_statistician(email) for email in STATISTICIANS)
    stages: dict[str, float] = {}
    started = time.perf_counter()
    dataset = services.dataset_create(actor=statistician, reference_date=REFERENCE_DATE)
    cells = services.dataset_compute(dataset=dataset)
    dataset.refresh_from_db()
    stages["compute"] = time.perf_counter() - started
    by_indicator = {
        code: Aggregate.objects.filter(dataset=dataset, indicator=code).count()
        for code in sorted({row[0] for row in RELEASE})
    }
    started = time.perf_counter()
    release = services.release_create(actor=statistician, dataset=dataset, title=f"Bench {time.time_ns()}")
    tables = []
    for indicator, dimensions, method in RELEASE:
        tables.append(
            services.release_table_add(
                actor=statistician,
                release=release,
                indicator=indicator,
                dimensions=list(dimensions),
                method=Method.CELL_KEY if method == "cell_key" else Method.SUPPRESSION,
                threshold=THRESHOLD,
            )
        )
    stages["add"] = time.perf_counter() - started
    # The release protected by one call (``release_protect``: one table of the data per indicator,
    # its tables protected on it in turn). A table it refuses (on a small register, a table whose
    # every cell would be suppressed) is removed from the release, as a statistician would, and the
    # others are protected again; a call stopped at the budget leaves the release unpublished.
    protect_passes: list[float] = []
    refused: dict[str, str] = {}
    stopped: list[str] = []
    signal.signal(signal.SIGALRM, _over_budget)
    while True:
        refusal: Any = None
        started = time.perf_counter()
        signal.alarm(budget)
        try:
            services.release_protect(actor=statistician, release=release)
        except OverBudget:
            stopped.extend(ReleaseTable.objects.filter(release=release).values_list("code", flat=True))
        except services.ProtectionRefused as error:
            refusal = error
        finally:
            signal.alarm(0)
            protect_passes.append(time.perf_counter() - started)
        if refusal is None:
            break
        refused[refusal.table or "?"] = f"{type(refusal).__name__}: {' '.join(refusal.messages)}"[:300]
        if not refusal.table:
            break
        services.release_table_remove(
            actor=statistician, table=ReleaseTable.objects.get(release=release, code=refusal.table)
        )
        if not ReleaseTable.objects.filter(release=release).exists():
            break
    stages["protect"] = sum(protect_passes)
    published = False
    if not stopped and ReleaseTable.objects.filter(release=release, protected_at__isnull=False).exists():
        started = time.perf_counter()
        release.refresh_from_db()
        services.release_submit(actor=statistician, release=release)
        release.refresh_from_db()
        services.release_publish(actor=reviewer, release=release)
        stages["publish"] = time.perf_counter() - started
        published = True
    small = [
        (row.code, cell["cell"], cell["value"])
        for row in ReleaseTable.objects.filter(release=release)
        for cell in row.cells
        if cell["value"] is not None and 1 <= cell["value"] < THRESHOLD
    ]
    assert User.objects.filter(email=reviewer.email).exists()
    return {
        "vendor": connection.vendor,
        "stages": stages,
        "seconds": sum(stages.values()),
        "protect_passes": protect_passes,
        "cells_stored": cells,
        "aggregates": by_indicator,
        "published_cells": {row.code: len(row.cells) for row in ReleaseTable.objects.filter(release=release)},
        "suppressed_cells": {
            row.code: sum(1 for cell in row.cells if cell["value"] is None)
            for row in ReleaseTable.objects.filter(release=release)
        },
        "small_published": len(small),
        "refused": refused,
        "stopped": stopped,
        "budget": budget,
        "reference_date": REFERENCE_DATE.isoformat(),
        "published": published,
        "slug": release.slug,
        "tables": [
            {"code": table.code, "indicator": indicator, "dimensions": list(dimensions), "method": method}
            for table, (indicator, dimensions, method) in zip(tables, RELEASE, strict=True)
        ],
    }


def _statistician(email: str) -> Any:
    from mekendesh.accounts.models import User

    found = User.objects.filter(email=email).first()
    if found is None:
        found = User.objects.create_user(
            email=email, password=None, role="statistician", full_name=email.split("@")[0].title()
        )
    return found


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def leg_pages(slug: str, requests: int) -> dict[str, Any]:
    from django.conf import settings
    from django.test import Client

    from mekendesh.statistics.models import ReleaseTable

    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    pages = {}
    for code in ReleaseTable.objects.filter(release__slug=slug).order_by("order").values_list("code", flat=True):
        path = f"/statistics/{slug}/{code}/"
        first = client.get(path)
        assert first.status_code == 200, (path, first.status_code)
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        pages[code] = {
            "path": path,
            "requests": requests,
            "p50_ms": statistics.median(times),
            "p95_ms": _percentile(times, 0.95),
            "max_ms": max(times),
            "bytes": len(first.content),
        }
    return {"pages": pages, "p95_ms": max((page["p95_ms"] for page in pages.values()), default=None)}


def leg_pandas() -> dict[str, Any]:
    """The finest cells by pandas: each indicator's rows (its dimensions and the record key, one
    row per person or stay) read from the database, then ``groupby`` in memory."""
    import pandas as pd
    from django.db import connection
    from django.db.models import F

    seconds = {"read": 0.0, "groupby": 0.0}
    cells: dict[str, int] = {}
    rows_read = 0
    for code, queryset, fields, key in grouped_querysets(REFERENCE_DATE):
        sql, params = queryset.values(*fields.values(), bench_record_key=F(key)).order_by().query.sql_with_params()
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            columns = [column[0] for column in cursor.description]
            frame = pd.DataFrame(cursor.fetchall(), columns=columns)
        seconds["read"] += time.perf_counter() - started
        rows_read += len(frame)
        started = time.perf_counter()
        grouped = frame.groupby(list(fields.values()), dropna=False, sort=True).agg(
            n=("bench_record_key", "size"), keys=("bench_record_key", "sum")
        )
        seconds["groupby"] += time.perf_counter() - started
        cells[code] = cells.get(code, 0) + len(grouped)
    return {"seconds": sum(seconds.values()), "stages": seconds, "rows_read": rows_read, "cells": cells}


def main(argv: list[str]) -> int:
    _setup()
    leg, *args = argv
    if leg == "keys":
        _emit(leg_keys())
    elif leg == "bare":
        _emit(leg_bare())
    elif leg == "protected":
        _emit(leg_protected(int(args[0]) if args else 0))
    elif leg == "pages":
        _emit(leg_pages(args[0], int(args[1])))
    elif leg == "pandas":
        _emit(leg_pandas())
    else:
        raise SystemExit(f"unknown leg {leg!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
