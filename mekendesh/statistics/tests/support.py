"""A small register for the statistics tests, made through the register's own services."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from mekendesh.people.models import Person, Script
from mekendesh.people.services import NameInput, StayInput, person_register, stay_add
from mekendesh.reference.models import Country

REFERENCE_DATE = dt.date(2026, 1, 1)
_numbers = itertools.count(1)


def register_person(
    actor: Any,
    places: dict[str, Any],
    *,
    sex: str = "M",
    birth_date: dt.date = dt.date(1990, 6, 15),
    district: bool = True,
    stays: list[dict[str, Any]] | None = None,
) -> Person:
    """A person from Osh (Kara-Suu unless ``district=False``) with the given stays
    (``{"country": "RU", "region": "moscow", "arrival": date, "departure": date, "purpose": "work"}``)."""
    number = next(_numbers)
    person = person_register(
        actor=actor,
        sex=sex,
        birth_date=birth_date,
        names=[NameInput(script=Script.KYRGYZ_CYRILLIC, surname=f"Асанов{number}", given_names="Бакыт")],
        origin_region=places["osh"],
        origin_district=places["kara_suu"] if district else None,
    )
    for stay in stays or []:
        stay_add(
            actor=actor,
            person=person,
            stay=StayInput(
                country=places.get(stay.get("country", "RU")) or _country(stay["country"]),
                host_region=places[stay["region"]] if stay.get("region") else None,
                arrival_date=stay["arrival"],
                departure_date=stay.get("departure"),
                purpose=stay.get("purpose", "work"),
            ),
        )
    return person


def _country(code: str) -> Any:
    """A country of ISO 3166-1 (shipped by the reference migrations; made here when a test that
    flushed the database took it away)."""
    import pycountry

    found: Any = pycountry.countries.get(alpha_2=code)
    country, _created = Country.objects.get_or_create(
        code=code, defaults={"alpha3": found.alpha_3, "numeric": found.numeric, "name_en": found.name}
    )
    return country


def stock_register(actor: Any, places: dict[str, Any], *, moscow_men: int = 30, moscow_women: int = 12) -> None:
    """The register the release tests share: Moscow large; a few people in Sverdlovsk and Kazakhstan."""
    for _ in range(moscow_men):
        register_person(actor, places, stays=[{"region": "moscow", "arrival": dt.date(2024, 5, 1)}])
    for _ in range(moscow_women):
        register_person(actor, places, sex="F", stays=[{"region": "moscow", "arrival": dt.date(2025, 3, 1)}])
    for _ in range(3):
        register_person(actor, places, sex="F", stays=[{"region": "sverdlovsk", "arrival": dt.date(2025, 10, 1)}])
    for _ in range(14):
        register_person(actor, places, stays=[{"region": "sverdlovsk", "arrival": dt.date(2025, 10, 1)}])
    for _ in range(2):
        register_person(actor, places, stays=[{"country": "KR", "arrival": dt.date(2025, 12, 1)}])
    for _ in range(11):
        register_person(actor, places, sex="F", stays=[{"country": "KR", "arrival": dt.date(2025, 12, 1)}])


def ready_dataset(actor: Any, day: dt.date = REFERENCE_DATE) -> Any:
    from mekendesh.statistics.services import dataset_compute, dataset_create

    dataset = dataset_create(actor=actor, reference_date=day)
    dataset_compute(dataset=dataset)
    dataset.refresh_from_db()
    return dataset
