"""Answer time of the public status check for a listed, an unlisted and an unknown person, side by side.

    .venv/bin/python bench/screening/status_timing.py [--requests 300] [--warm-up 20] [--entries 2000]

A fresh database is set up (SQLite in a temporary ``MEKENDESH_HOME``; or the empty scratch database
named by ``DATABASE_URL``, e.g. ``postgres://postgres@127.0.0.1:5432/status_bench``) with the shipped
reference data, a host-country list of ``--entries`` rows imported through the import pipeline,
and two registered people: one the list names (by passport number and date of birth), one it
does not. Then the same number of checks is sent for each of the three — the listed person, the
unlisted one, and details the register does not know — interleaved in a new random order every
round, each through Django's test client (the whole request: middleware, the limits, the lookups,
the new check and the rendering). The limits are raised so that every check is answered.

Printed for each: the median answer time, the 10th and 90th percentiles, the interquartile range,
the answer's size and the number of database queries. The delivery of codes happens in the
worker, not in the answer, and is not measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ("listed", "unlisted", "unknown")


def _environment() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("MEKENDESH_ENV", "test")
    os.environ["DJANGO_SETTINGS_MODULE"] = "mekendesh.settings"
    if not os.environ.get("DATABASE_URL"):
        os.environ["MEKENDESH_HOME"] = tempfile.mkdtemp(prefix="status-bench-")


def _prepare(entries: int) -> dict[str, dict[str, str]]:
    """The database, the list and the people; returns the details typed for each profile."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from mekendesh.accounts.models import User
    from mekendesh.people.models import ConsentPurpose, Script
    from mekendesh.people.services import DocumentInput, NameInput, StayInput, person_register, stay_add
    from mekendesh.reference.models import Country, HostRegion
    from mekendesh.screening.services import list_source_create

    analyst = User.objects.create_user(
        email="analyst@bench.example", password=None, role="screening_analyst", full_name="analyst"
    )
    russia, kyrgyzstan = Country.objects.get(code="RU"), Country.objects.get(code="KG")
    list_source_create(
        actor=analyst,
        name="Реестр контролируемых лиц",
        country=russia,
        authority="МВД России",
        kind="controlled_persons",
        consequence="You may not change your place of stay without notice, open a bank account or drive.",
        advice="Ask your consulate to help you apply for removal from the register.",
    )
    rows = [["№ п/п", "ФИО", "Дата рождения", "Гражданство", "Документ", "Дата включения"]]
    rows.append(["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "AC1234567", "05.02.2025"])
    generator = random.Random(7)
    for number in range(2, entries + 1):
        born = dt.date(1970, 1, 1) + dt.timedelta(days=generator.randrange(12000))
        rows.append(
            [
                str(number),
                f"Асанов Бакыт {number}",
                born.strftime("%d.%m.%Y"),
                "Киргизия",
                f"AB{number:07d}",
                "01.03.2025",
            ]
        )
    listing = Path(tempfile.mkdtemp(prefix="status-bench-list-")) / "list.csv"
    listing.write_bytes(("\n".join(";".join(row) for row in rows) + "\n").encode("cp1251"))
    call_command(
        "import", str(listing), "--target", "host_list", "--source", "Реестр контролируемых лиц",
        "--as", analyst.email, "--no-progress", verbosity=0,
    )  # fmt: skip

    def register(surname: str, given: str, born: dt.date, number: str, phone: str) -> None:
        person = person_register(
            actor=None,
            sex="F",
            birth_date=born,
            names=[NameInput(script=Script.KYRGYZ_CYRILLIC, surname=surname, given_names=given)],
            phone=phone,
            document=DocumentInput(number=number, issuing_country=kyrgyzstan),
            consents=[ConsentPurpose.REGISTER, ConsentPurpose.CONSULAR_CONTACT],
        )
        stay_add(
            actor=None,
            person=person,
            stay=StayInput(
                country=russia,
                host_region=HostRegion.objects.get(code="RU-MOW"),
                city="Moscow",
                arrival_date=dt.date(2025, 3, 1),
            ),
        )

    register("Токтосунова", "Айгерим", dt.date(1998, 4, 12), "AC1234567", "+996555123456")
    register("Мамытова", "Жылдыз", dt.date(1990, 11, 3), "AN7654321", "+996700654321")
    return {
        "listed": {"surname": "Токтосунова", "birth_date": "12.04.1998", "document_number": "AC1234567"},
        "unlisted": {"surname": "Мамытова", "birth_date": "03.11.1990", "document_number": "AN7654321"},
        "unknown": {"surname": "Асанова", "birth_date": "14.07.1995", "document_number": "AC7777777"},
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="checks measured per profile")
    parser.add_argument("--warm-up", type=int, default=20, help="checks per profile sent first, not measured")
    parser.add_argument("--entries", type=int, default=2000, help="rows of the host-country list")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    _environment()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    for name in ("STATUS_ADDRESS_FREE", "STATUS_ADDRESS_LIMIT", "STATUS_NUMBER_FREE", "STATUS_NUMBER_LIMIT"):
        setattr(settings, name, 10**9)
    started = time.perf_counter()
    details = _prepare(options.entries)
    print(f"prepared in {time.perf_counter() - started:.1f} s on {connection.vendor} ({options.entries} list rows)")

    client = Client(headers={"Accept-Language": "ky"})
    url = reverse("status:check")
    shuffle = random.Random(options.seed)
    times: dict[str, list[float]] = {profile: [] for profile in PROFILES}
    sizes: dict[str, set[int]] = {profile: set() for profile in PROFILES}
    queries: dict[str, set[int]] = {profile: set() for profile in PROFILES}
    for round_number in range(options.warm_up + options.requests):
        order = list(PROFILES)
        shuffle.shuffle(order)
        for profile in order:
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                begin = time.perf_counter()
                response = client.post(url, details[profile])
                elapsed = time.perf_counter() - begin
            assert response.status_code == 200, (profile, response.status_code)
            if round_number >= options.warm_up:
                times[profile].append(elapsed * 1000)
                sizes[profile].add(len(response.content))
                queries[profile].add(len(captured.captured_queries))

    print(f"\n{options.requests} checks per profile, interleaved in random order (milliseconds):\n")
    header = f"{'profile':<10} {'median':>8} {'p10':>8} {'p90':>8} {'IQR':>8} {'mean':>8} {'stdev':>8} {'bytes':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))
    medians = {}
    for profile in PROFILES:
        values = times[profile]
        medians[profile] = statistics.median(values)
        iqr = _percentile(values, 0.75) - _percentile(values, 0.25)
        print(
            f"{profile:<10} {medians[profile]:8.2f} {_percentile(values, 0.1):8.2f} {_percentile(values, 0.9):8.2f} "
            f"{iqr:8.2f} {statistics.fmean(values):8.2f} {statistics.stdev(values):8.2f} "
            f"{'/'.join(map(str, sorted(sizes[profile]))):>8} {'/'.join(map(str, sorted(queries[profile]))):>8}"
        )
    base = medians["unknown"]
    print(
        "\nmedian against unknown: "
        + ", ".join(f"{profile} {medians[profile] - base:+.2f} ms" for profile in PROFILES if profile != "unknown")
    )


if __name__ == "__main__":
    main()
