"""Internal migration before emigration: departures by region of origin × region of last
residence, counted as a statistician counts them by hand, and published only protected."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from mekendesh.accounts.models import User
from mekendesh.people.models import Script
from mekendesh.people.services import NameInput, StayInput, person_register, stay_add
from mekendesh.reference.models import District, Region
from mekendesh.statistics import services
from mekendesh.statistics.indicators import DIMENSIONS, labels_for, table_for
from mekendesh.statistics.models import ReleaseStatus
from mekendesh.statistics.tests.support import REFERENCE_DATE, ready_dataset

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]
_numbers = itertools.count(1)


def place(code: str) -> Any:
    return District.objects.get(code=code) if code.count("-") == 2 else Region.objects.get(code=code)


def departing(places, *, origin: str = "KG-O-KARASUU", stays: list[tuple[dt.date, str | None]]) -> None:
    """A person from ``origin`` (a district's or a region's code) with one stay in Moscow per
    ``(arrival, last residence)``; the last residence a district's or region's code, or None."""
    origin_place = place(origin)
    district = origin_place if isinstance(origin_place, District) else None
    person = person_register(
        actor=None,
        sex="M",
        birth_date=dt.date(1990, 6, 15),
        names=[NameInput(script=Script.KYRGYZ_CYRILLIC, surname=f"Осмонов{next(_numbers)}", given_names="Нурлан")],
        origin_region=district.region if district else origin_place,
        origin_district=district,
    )
    for arrival, residence in stays:
        lived = place(residence) if residence else None
        stay_add(
            actor=None,
            person=person,
            stay=StayInput(
                country=places["RU"],
                host_region=places["moscow"],
                arrival_date=arrival,
                residence_region=lived if isinstance(lived, Region) else None,
                residence_district=lived if isinstance(lived, District) else None,
            ),
        )


@pytest.fixture
def small_register(places):
    """By hand, on 1 January 2026 (every person comes from Osh region):

    * Azamat (Kara-Suu) lived in Bishkek's Leninsky district before leaving in March 2025;
    * Bolot (Kara-Suu) lived in Bishkek, district not given, before leaving in May 2025;
    * Chynara (Osh, district not given) left from Kara-Suu in 2024;
    * Daniyar (Kara-Suu) did not say where he lived before leaving in 2025;
    * Elmira (Kara-Suu) left Bishkek in 2023 and, after coming back, left from Sokuluk (Chüy) in 2025;
    * Farhad (Kara-Suu) leaves Sokuluk only in February 2026, after the reference date.
    """
    departing(places, stays=[(dt.date(2025, 3, 1), "KG-GB-LENIN")])
    departing(places, stays=[(dt.date(2025, 5, 1), "KG-GB")])
    departing(places, origin="KG-O", stays=[(dt.date(2024, 4, 1), "KG-O-KARASUU")])
    departing(places, stays=[(dt.date(2025, 7, 1), None)])
    departing(places, stays=[(dt.date(2023, 2, 1), "KG-GB-LENIN"), (dt.date(2025, 9, 1), "KG-C-SOKULUK")])
    departing(places, stays=[(dt.date(2026, 2, 1), "KG-C-SOKULUK")])
    return ready_dataset(None, REFERENCE_DATE)


def test_the_matrix_counts_departures_by_origin_and_last_residence(small_register):
    table = table_for(small_register, "internal_migration", ["origin", "residence"])
    assert table.value({}) == 6  # Farhad's departure is after the reference date
    # Someone from Osh region who lived in Bishkek before leaving is in the Osh × Bishkek cell.
    assert table.value({"origin": "KG-O", "residence": "KG-GB"}) == 3  # Azamat, Bolot, Elmira in 2023
    assert table.value({"origin": "KG-O-KARASUU", "residence": "KG-GB-LENIN"}) == 2
    assert table.value({"origin": "KG-O-KARASUU", "residence": "KG-GB-_U"}) == 1
    assert table.value({"origin": "KG-O-_U", "residence": "KG-O-KARASUU"}) == 1  # Chynara stayed home
    assert table.value({"origin": "KG-O", "residence": "KG-O"}) == 1
    assert table.value({"origin": "KG-O", "residence": "KG-C"}) == 1  # Elmira in 2025
    # Not stated is its own code: it is never filled in with the region of origin.
    assert table.value({"residence": "_U"}) == 1


def test_the_matrix_by_year(small_register):
    table = table_for(small_register, "internal_migration", ["year", "residence"])
    assert table.value({"year": "2025"}) == 4
    assert table.value({"year": "2025", "residence": "KG-GB"}) == 2
    assert table.value({"year": "2023", "residence": "KG-GB"}) == 1
    assert "2026" not in table.dimension("year").index
    bishkek_2025 = table_for(small_register, "internal_migration", ["origin"], filters={"year": "2025"})
    assert bishkek_2025.value({"origin": "KG-O"}) == 4


def test_the_last_residence_is_named_in_the_four_languages(small_register):
    table = table_for(small_register, "internal_migration", ["residence"])
    labels = labels_for(table.dimension("residence"))
    assert labels["KG-GB"]["ru"] == "город Бишкек" and labels["KG-GB"]["ky"] == "Бишкек шаары"
    assert labels["KG-GB-_U"]["en"] == "Bishkek, district not stated"
    assert labels["_U"]["en"] == "Not stated"
    assert set(labels["KG-GB-LENIN"]) == {"ky", "ru", "tk", "en"}
    assert str(DIMENSIONS["residence"].label) == "last residence before departure"


@pytest.fixture
def second_statistician(db):
    return User.objects.create_user(
        email="second@stat.example", password="x-long-password-1", role="statistician", full_name="Second"
    )


def test_a_protected_release_of_the_matrix_publishes_no_small_cell(places, statistician, second_statistician):
    """Departures of 2025 of people from two districts of Osh region, by where they lived last:
    Kara-Suu people 30 from home, 12 from Bishkek, 3 from Sokuluk and 11 from Alamüdün (Chüy);
    Kara-Kulja people 15 from home, 10 from Bishkek, 12 from Sokuluk and 10 from Alamüdün."""
    for origin, residence, count in (
        ("KG-O-KARASUU", "KG-O-KARASUU", 30),
        ("KG-O-KARASUU", "KG-GB-LENIN", 12),
        ("KG-O-KARASUU", "KG-C-SOKULUK", 3),
        ("KG-O-KARASUU", "KG-C-ALAMUDUN", 11),
        ("KG-O-KARAKULJA", "KG-O-KARAKULJA", 15),
        ("KG-O-KARAKULJA", "KG-GB-LENIN", 10),
        ("KG-O-KARAKULJA", "KG-C-SOKULUK", 12),
        ("KG-O-KARAKULJA", "KG-C-ALAMUDUN", 10),
    ):
        for _ in range(count):
            departing(places, origin=origin, stays=[(dt.date(2025, 4, 1), residence)])
    dataset = ready_dataset(None, REFERENCE_DATE)
    release = services.release_create(actor=statistician, dataset=dataset, title="Internal migration 2025")
    table = services.release_table_add(
        actor=statistician,
        release=release,
        indicator="internal_migration",
        dimensions=["origin", "residence"],
    )
    services.release_table_protect(actor=statistician, table=table)
    services.release_submit(actor=statistician, release=release)
    release.refresh_from_db()
    services.release_publish(actor=second_statistician, release=release)
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
    cells = release.tables.get().cells
    assert cells
    assert not [cell for cell in cells if cell["value"] is not None and 1 <= cell["value"] < 10]
    shown = {(cell["cell"]["origin"], cell["cell"]["residence"]): cell["value"] for cell in cells}
    assert shown[("KG-O", "KG-GB")] == 22 and shown[("KG-O", "KG-C")] == 36
    assert shown[("KG-O-KARASUU", "KG-C-SOKULUK")] is None  # three people: suppressed
