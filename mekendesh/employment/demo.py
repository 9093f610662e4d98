"""Demo data of the employment module: licensed agencies (valid, suspended, revoked), a warning
about an illegal recruiter, vetted job offers in Russia, Kazakhstan, South Korea and Turkey, and
courses (Russian for work, a pre-departure orientation for Russia with a few seats, financial
literacy online). Every name is marked "(демо)" and every source says it is example data: none of
these agencies, employers or courses exists.

Everything goes through the services, as an employment officer would do it, so that the history
of each licence and the audit trail look as they would.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from mekendesh.accounts.models import Role, User
from mekendesh.employment import services
from mekendesh.employment.models import Agency, Housing, Topic
from mekendesh.reference.models import Country

EXAMPLE_SOURCE = "Demo data: an example, not a real report"

AGENCIES = (
    # name, holder, licence number, countries, status to reach, reason
    ("«Бакыт Жол» (демо)", "ОсОО «Бакыт Жол» (демо)", "МТ-2024-015", ("RU", "KZ"), "valid", ""),
    ("«Корея Иш» (демо)", "ОсОО «Корея Иш» (демо)", "MT-2023-007", ("KR",), "valid", ""),
    ("«Анадолу Куруш» (демо)", "ОсОО «Анадолу Куруш» (демо)", "MT-2024-031", ("TR", "RU"), "valid", ""),
    (
        "«Тез Жумуш» (демо)",
        "ОсОО «Тез Жумуш» (демо)",
        "MT-2022-044",
        ("RU",),
        "suspended",
        "Demo: suspended after complaints of workers about unpaid wages (example decision No. 12).",
    ),
    (
        "«Алтын Көпүрө» (демо)",
        "ОсОО «Алтын Көпүрө» (демо)",
        "MT-2021-003",
        ("RU", "TR"),
        "revoked",
        "Demo: revoked for taking fees from workers (example decision No. 4).",
    ),
)

OFFERS = (
    # agency number, employer, country, city, title, ISCO-08, wage, currency, hours, housing, months
    ("МТ-2024-015", "ООО «СтройМонтаж» (демо)", "RU", "Москва", "Каменщик", "7112", 95000, "RUB", 40, Housing.FREE, 12),
    (
        "МТ-2024-015",
        "ООО «Логистик Урал» (демо)",
        "RU",
        "Екатеринбург",
        "Водитель категории B",
        "8322",
        85000,
        "RUB",
        40,
        Housing.PAID,
        12,
    ),
    ("МТ-2024-015", "ТОО «Алматы Текстиль» (демо)", "KZ", "Алматы", "Швея", "8153", 280000, "KZT", 40, Housing.FREE, 9),
    (
        "MT-2023-007",
        "Ansan Parts Co. (demo)",
        "KR",
        "Ansan",
        "Production worker (EPS)",
        "9329",
        2100000,
        "KRW",
        40,
        Housing.FREE,
        36,
    ),
    (
        "MT-2024-031",
        "Anadolu Yapı A.Ş. (demo)",
        "TR",
        "İstanbul",
        "İnşaat işçisi",
        "9313",
        32000,
        "TRY",
        45,
        Housing.FREE,
        12,
    ),
    (
        "MT-2022-044",
        "ООО «Быстрый Клининг» (демо)",
        "RU",
        "Москва",
        "Уборщица",
        "9112",
        60000,
        "RUB",
        48,
        Housing.NONE,
        6,
    ),
)


def _officer() -> User | None:
    return User.objects.filter(role=Role.EMPLOYMENT_OFFICER, is_active=True).order_by("pk").first()


@transaction.atomic
def employment_demo_load(*, officer: Any = None, today: dt.date | None = None) -> int:
    """Load the demo's agencies, offers and courses; returns the number of public offers. Loading
    again (agencies present) adds nothing."""
    from mekendesh.employment.selectors import offers_public

    officer = officer or _officer()
    if officer is None or Agency.objects.exists():
        return offers_public().count()
    today = today or timezone.localdate()
    countries = {country.code: country for country in Country.objects.filter(code__in=["RU", "KZ", "KR", "TR"])}
    agencies: dict[str, Agency] = {}
    for name, holder, number, served, _status, _reason in AGENCIES:
        agencies[number] = services.agency_register(
            actor=officer,
            name=name,
            holder=holder,
            licence_number=number,
            valid_from=today - dt.timedelta(days=400),
            valid_until=today + dt.timedelta(days=700),
            countries=[countries[code] for code in served if code in countries],
            address="Бишкек (демо)",
        )
    for number, employer, country, city, title, code, wage, currency, hours, housing, months in OFFERS:
        if country not in countries:
            continue
        offer = services.offer_create(
            actor=officer,
            agency=agencies[number],
            employer=employer,
            country=countries[country],
            city=city,
            title=title,
            isco_code=code,
            wage=wage,
            currency=currency,
            hours_per_week=hours,
            housing=housing,
            contract_months=months,
            positions=5,
            expires_on=today + dt.timedelta(days=60),
            description="Demo offer: an example, not a real vacancy.",
        )
        services.offer_move(actor=officer, offer=offer, action="vet", note="Demo: contract and employer checked.")
    # A draft awaiting vetting.
    if "RU" in countries:
        services.offer_create(
            actor=officer,
            agency=agencies["МТ-2024-015"],
            employer="ООО «Пекарня №1» (демо)",
            country=countries["RU"],
            city="Новосибирск",
            title="Пекарь",
            isco_code="5120",
            wage=70000,
            currency="RUB",
            hours_per_week=40,
            housing=Housing.PAID,
            contract_months=12,
            expires_on=today + dt.timedelta(days=45),
        )
    for _name, _holder, number, _served, status, reason in AGENCIES:
        if status != "valid":
            action = "suspend" if status == "suspended" else "revoke"
            services.licence_status_change(actor=officer, agency=agencies[number], action=action, reason=reason)
    services.warning_add(
        actor=officer,
        name="«Москва Жумуш Тез» (демо)",
        where_reported="Ош, Instagram",
        reported_on=today - dt.timedelta(days=20),
        source=EXAMPLE_SOURCE,
        details="Demo: took 30,000 som per person for jobs in Moscow and disappeared.",
    )
    services.course_create(
        actor=officer,
        title="Орус тили: жумуш үчүн (демо)",
        provider="Бишкек тил борбору (демо)",
        topic=Topic.LANGUAGE,
        destination=countries.get("RU"),
        place="Бишкек",
        starts_on=today + dt.timedelta(days=14),
        ends_on=today + dt.timedelta(days=42),
        seats=25,
        description="Demo course: Russian for work, documents and everyday life.",
    )
    services.course_create(
        actor=officer,
        title="Россияга чейин: укуктар жана эрежелер (демо)",
        provider="Миграция кызматы, Ош (демо)",
        topic=Topic.RIGHTS,
        destination=countries.get("RU"),
        place="Ош",
        starts_on=today + dt.timedelta(days=7),
        ends_on=today + dt.timedelta(days=8),
        seats=3,
        description="Demo pre-departure orientation: registration, the work patent, the register of controlled "
        "persons, your rights at work and whom to call.",
    )
    services.course_create(
        actor=officer,
        title="Каржылык сабаттуулук жана акча которуу (демо)",
        provider="Demo provider",
        topic=Topic.FINANCE,
        online=True,
        starts_on=today + dt.timedelta(days=3),
        ends_on=today + dt.timedelta(days=10),
        seats=100,
    )
    return offers_public().count()
