"""Demo data of the employment module: licensed agencies (valid, suspended, revoked), a warning
about an illegal recruiter, vetted job offers abroad, and courses (Russian for work, a
pre-departure orientation with a few seats, financial literacy online). Every name is marked
"(демо)" or "(demo)" and every source says it is example data: none of these agencies, employers
or courses exists.

Each country of origin has its own (:data:`CONTENT`), in its language and towns, for the
countries its people go to: Kyrgyzstan's agencies place workers in Russia, Kazakhstan, South Korea
and Turkey; Turkmenistan's in Turkey, Russia, the UAE and Belarus; Tajikistan's in Russia,
Kazakhstan and the UAE; Uzbekistan's in Russia, Kazakhstan, South Korea and the United Kingdom.

Everything goes through the services, as an employment officer would do it, so that the history
of each licence and the audit trail look as they would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
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


@dataclass(frozen=True)
class _Course:
    title: str
    provider: str
    topic: str
    destination: str | None  # ISO code of the country the course prepares for
    place: str  # empty for an online course
    starts_in: int  # days from today
    days: int
    seats: int
    description: str = ""


@dataclass(frozen=True)
class _Content:
    """One country of origin's demo: agencies, offers (the last one a draft awaiting vetting), a
    warning and courses, with the capital the agencies sit in."""

    agencies: tuple[tuple[str, str, str, tuple[str, ...], str, str], ...]
    offers: tuple[tuple[Any, ...], ...]
    draft: tuple[Any, ...]
    address: str
    warning: tuple[str, str, str]  # name, where reported, details
    courses: tuple[_Course, ...]


CONTENT: dict[str, _Content] = {
    "KG": _Content(
        AGENCIES,
        OFFERS,
        (
            "МТ-2024-015",
            "ООО «Пекарня №1» (демо)",
            "RU",
            "Новосибирск",
            "Пекарь",
            "5120",
            70000,
            "RUB",
            40,
            Housing.PAID,
            12,
        ),
        "Бишкек (демо)",
        (
            "«Москва Жумуш Тез» (демо)",
            "Ош, Instagram",
            "Demo: took 30,000 som per person for jobs in Moscow and disappeared.",
        ),
        (
            _Course(
                "Орус тили: жумуш үчүн (демо)",
                "Бишкек тил борбору (демо)",
                Topic.LANGUAGE,
                "RU",
                "Бишкек",
                14,
                28,
                25,
                "Demo course: Russian for work, documents and everyday life.",
            ),
            _Course(
                "Россияга чейин: укуктар жана эрежелер (демо)",
                "Миграция кызматы, Ош (демо)",
                Topic.RIGHTS,
                "RU",
                "Ош",
                7,
                1,
                3,
                "Demo pre-departure orientation: registration, the work patent, the register of controlled "
                "persons, your rights at work and whom to call.",
            ),
            _Course(
                "Каржылык сабаттуулук жана акча которуу (демо)", "Demo provider", Topic.FINANCE, None, "", 3, 7, 100
            ),
        ),
    ),
    "TM": _Content(
        (
            ("«Ak Ýol» (demo)", "«Ak Ýol» HJ (demo)", "ZM-2024-012", ("TR", "RU"), "valid", ""),
            ("«Aýdyň Geljek» (demo)", "«Aýdyň Geljek» HJ (demo)", "ZM-2023-005", ("AE", "BY"), "valid", ""),
            ("«Bagt Ýoly» (demo)", "«Bagt Ýoly» HJ (demo)", "ZM-2024-027", ("TR",), "valid", ""),
            (
                "«Tiz Iş» (demo)",
                "«Tiz Iş» HJ (demo)",
                "ZM-2022-040",
                ("TR",),
                "suspended",
                "Demo: suspended after complaints of workers about unpaid wages (example decision No. 9).",
            ),
            (
                "«Altyn Köpri» (demo)",
                "«Altyn Köpri» HJ (demo)",
                "ZM-2021-002",
                ("RU", "TR"),
                "revoked",
                "Demo: revoked for taking fees from workers (example decision No. 3).",
            ),
        ),
        (
            (
                "ZM-2024-012",
                "Yıldız Tekstil A.Ş. (demo)",
                "TR",
                "İstanbul",
                "Dikiş makinesi operatörü",
                "8153",
                30000,
                "TRY",
                45,
                Housing.NONE,
                12,
            ),
            (
                "ZM-2024-012",
                "ООО «Казань Строй» (демо)",
                "RU",
                "Казань",
                "Каменщик",
                "7112",
                90000,
                "RUB",
                40,
                Housing.FREE,
                12,
            ),
            (
                "ZM-2023-005",
                "Gulf Hospitality LLC (demo)",
                "AE",
                "Dubai",
                "Waiter",
                "5131",
                2500,
                "AED",
                48,
                Housing.FREE,
                24,
            ),
            (
                "ZM-2023-005",
                "ОАО «Минскстрой» (демо)",
                "BY",
                "Минск",
                "Бетонщик",
                "9313",
                2200,
                "BYN",
                40,
                Housing.PAID,
                12,
            ),
            (
                "ZM-2024-027",
                "Güneş Bakım Hizmetleri (demo)",
                "TR",
                "Ankara",
                "Yaşlı bakım elemanı",
                "5322",
                28000,
                "TRY",
                48,
                Housing.FREE,
                12,
            ),
            (
                "ZM-2022-040",
                "Boğaz Otelcilik A.Ş. (demo)",
                "TR",
                "Antalya",
                "Kat görevlisi",
                "9112",
                26000,
                "TRY",
                48,
                Housing.FREE,
                6,
            ),
        ),
        (
            "ZM-2024-012",
            "Anadolu İnşaat Ltd. Şti. (demo)",
            "TR",
            "Bursa",
            "İnşaat işçisi",
            "9313",
            29000,
            "TRY",
            45,
            Housing.PAID,
            12,
        ),
        "Aşgabat (demo)",
        (
            "«Stambul Iş Çalt» (demo)",
            "Daşoguz, Instagram",
            "Demo: took 1,500 manat per person for jobs in Istanbul and disappeared.",
        ),
        (
            _Course(
                "Rus dili: iş üçin (demo)",
                "Aşgabat dil merkezi (demo)",
                Topic.LANGUAGE,
                "RU",
                "Aşgabat",
                14,
                28,
                25,
                "Demo course: Russian for work, documents and everyday life.",
            ),
            _Course(
                "Türkiýä çenli: hukuklar we düzgünler (demo)",
                "Migrasiýa gullugy, Daşoguz (demo)",
                Topic.RIGHTS,
                "TR",
                "Daşoguz",
                7,
                1,
                3,
                "Demo pre-departure orientation: the visa, the residence and work permits, entry bans, your "
                "rights at work and whom to call.",
            ),
            _Course("Maliýe sowatlylygy we pul geçirmeler (demo)", "Demo provider", Topic.FINANCE, None, "", 3, 7, 100),
        ),
    ),
    "TJ": _Content(
        (
            ("«Роҳи Нав» (демо)", "ҶДММ «Роҳи Нав» (демо)", "ВМ-2024-014", ("RU", "KZ"), "valid", ""),
            ("«Кор дар Русия» (демо)", "ҶДММ «Кор дар Русия» (демо)", "ВМ-2023-006", ("RU",), "valid", ""),
            ("«Осиё Кор» (демо)", "ҶДММ «Осиё Кор» (демо)", "ВМ-2024-030", ("AE", "RU"), "valid", ""),
            (
                "«Кори Зуд» (демо)",
                "ҶДММ «Кори Зуд» (демо)",
                "ВМ-2022-041",
                ("RU",),
                "suspended",
                "Demo: suspended after complaints of workers about unpaid wages (example decision No. 11).",
            ),
            (
                "«Пули Тилло» (демо)",
                "ҶДММ «Пули Тилло» (демо)",
                "ВМ-2021-004",
                ("RU", "KZ"),
                "revoked",
                "Demo: revoked for taking fees from workers (example decision No. 5).",
            ),
        ),
        (
            (
                "ВМ-2024-014",
                "ООО «СтройМонтаж» (демо)",
                "RU",
                "Москва",
                "Каменщик",
                "7112",
                95000,
                "RUB",
                40,
                Housing.FREE,
                12,
            ),
            (
                "ВМ-2024-014",
                "ТОО «Алматы Текстиль» (демо)",
                "KZ",
                "Алматы",
                "Швея",
                "8153",
                280000,
                "KZT",
                40,
                Housing.FREE,
                9,
            ),
            (
                "ВМ-2023-006",
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
            (
                "ВМ-2024-030",
                "Desert Rose Construction (demo)",
                "AE",
                "Dubai",
                "Construction labourer",
                "9313",
                1800,
                "AED",
                48,
                Housing.FREE,
                24,
            ),
            (
                "ВМ-2024-030",
                "ООО «Северный мост» (демо)",
                "RU",
                "Сургут",
                "Монтажник трубопроводов",
                "7126",
                110000,
                "RUB",
                40,
                Housing.FREE,
                6,
            ),
            (
                "ВМ-2022-041",
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
        ),
        (
            "ВМ-2024-014",
            "ООО «Пекарня №1» (демо)",
            "RU",
            "Новосибирск",
            "Пекарь",
            "5120",
            70000,
            "RUB",
            40,
            Housing.PAID,
            12,
        ),
        "Душанбе (демо)",
        (
            "«Кори Тез дар Маскав» (демо)",
            "Хуҷанд, Telegram",
            "Demo: took 3,000 somoni per person for jobs in Moscow and disappeared.",
        ),
        (
            _Course(
                "Забони русӣ барои кор (демо)",
                "Маркази забономӯзии Душанбе (демо)",
                Topic.LANGUAGE,
                "RU",
                "Душанбе",
                14,
                28,
                25,
                "Demo course: Russian for work and the patent's language test, documents and everyday life.",
            ),
            _Course(
                "Пеш аз сафар ба Русия: ҳуқуқҳо ва қоидаҳо (демо)",
                "Маркази машварати муҳоҷирон, Хуҷанд (демо)",
                Topic.RIGHTS,
                "RU",
                "Хуҷанд",
                7,
                1,
                3,
                "Demo pre-departure orientation: registration, the work patent, the register of controlled "
                "persons, your rights at work and whom to call.",
            ),
            _Course("Саводнокии молиявӣ ва интиқоли пул (демо)", "Demo provider", Topic.FINANCE, None, "", 3, 7, 100),
        ),
    ),
    "UZ": _Content(
        (
            ("«Yangi Yoʻl» (demo)", "«Yangi Yoʻl» MChJ (demo)", "TM-2024-016", ("RU", "KZ"), "valid", ""),
            ("«Koreya Ish» (demo)", "«Koreya Ish» MChJ (demo)", "TM-2023-008", ("KR",), "valid", ""),
            ("«Britaniya Fermer» (demo)", "«Britaniya Fermer» MChJ (demo)", "TM-2024-033", ("GB", "RU"), "valid", ""),
            (
                "«Tez Ish» (demo)",
                "«Tez Ish» MChJ (demo)",
                "TM-2022-045",
                ("RU",),
                "suspended",
                "Demo: suspended after complaints of workers about unpaid wages (example decision No. 14).",
            ),
            (
                "«Oltin Koʻprik» (demo)",
                "«Oltin Koʻprik» MChJ (demo)",
                "TM-2021-006",
                ("RU", "KR"),
                "revoked",
                "Demo: revoked for taking fees from workers (example decision No. 7).",
            ),
        ),
        (
            (
                "TM-2024-016",
                "ООО «СтройМонтаж» (демо)",
                "RU",
                "Москва",
                "Каменщик",
                "7112",
                95000,
                "RUB",
                40,
                Housing.FREE,
                12,
            ),
            (
                "TM-2024-016",
                "ТОО «Алматы Текстиль» (демо)",
                "KZ",
                "Алматы",
                "Швея",
                "8153",
                280000,
                "KZT",
                40,
                Housing.FREE,
                9,
            ),
            (
                "TM-2023-008",
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
                "TM-2024-033",
                "Kent Fruit Growers Ltd (demo)",
                "GB",
                "Canterbury",
                "Fruit picker (seasonal)",
                "9211",
                2000,
                "GBP",
                40,
                Housing.PAID,
                6,
            ),
            (
                "TM-2024-033",
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
            (
                "TM-2022-045",
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
        ),
        (
            "TM-2024-016",
            "ООО «Пекарня №1» (демо)",
            "RU",
            "Новосибирск",
            "Пекарь",
            "5120",
            70000,
            "RUB",
            40,
            Housing.PAID,
            12,
        ),
        "Toshkent (demo)",
        (
            "«Koreyaga Tez Ish» (demo)",
            "Samarqand, Telegram",
            "Demo: took 2,000 US dollars per person for jobs in South Korea and disappeared.",
        ),
        (
            _Course(
                "Rus tili: ish uchun (demo)",
                "Toshkent til markazi (demo)",
                Topic.LANGUAGE,
                "RU",
                "Toshkent",
                14,
                28,
                25,
                "Demo course: Russian for work and the patent's language test, documents and everyday life.",
            ),
            _Course(
                "Rossiyaga ketishdan oldin: huquqlar va qoidalar (demo)",
                "Migratsiya markazi, Samarqand (demo)",
                Topic.RIGHTS,
                "RU",
                "Samarqand",
                7,
                1,
                3,
                "Demo pre-departure orientation: registration, the work patent, the register of controlled "
                "persons, your rights at work and whom to call.",
            ),
            _Course(
                "Moliyaviy savodxonlik va pul oʻtkazmalari (demo)", "Demo provider", Topic.FINANCE, None, "", 3, 7, 100
            ),
        ),
    ),
}


def _officer() -> User | None:
    return User.objects.filter(role=Role.EMPLOYMENT_OFFICER, is_active=True).order_by("pk").first()


@transaction.atomic
def employment_demo_load(*, officer: Any = None, today: dt.date | None = None) -> int:
    """Load the demo's agencies, offers and courses of the installation's country of origin;
    returns the number of public offers. Loading again (agencies present) adds nothing."""
    from mekendesh.employment.selectors import offers_public

    officer = officer or _officer()
    if officer is None or Agency.objects.exists():
        return offers_public().count()
    today = today or timezone.localdate()
    content = CONTENT[settings.ORIGIN_COUNTRY]
    codes = {code for *_rest, served, _status, _reason in content.agencies for code in served}
    codes |= {course.destination for course in content.courses if course.destination}
    countries = {country.code: country for country in Country.objects.filter(code__in=sorted(codes))}
    agencies: dict[str, Agency] = {}
    for name, holder, number, served, _status, _reason in content.agencies:
        agencies[number] = services.agency_register(
            actor=officer,
            name=name,
            holder=holder,
            licence_number=number,
            valid_from=today - dt.timedelta(days=400),
            valid_until=today + dt.timedelta(days=700),
            countries=[countries[code] for code in served if code in countries],
            address=content.address,
        )
    for number, employer, country, city, title, code, wage, currency, hours, housing, months in content.offers:
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
    number, employer, country, city, title, code, wage, currency, hours, housing, months = content.draft
    if country in countries:
        services.offer_create(
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
            expires_on=today + dt.timedelta(days=45),
        )
    for _name, _holder, number, _served, status, reason in content.agencies:
        if status != "valid":
            action = "suspend" if status == "suspended" else "revoke"
            services.licence_status_change(actor=officer, agency=agencies[number], action=action, reason=reason)
    name, where_reported, details = content.warning
    services.warning_add(
        actor=officer,
        name=name,
        where_reported=where_reported,
        reported_on=today - dt.timedelta(days=20),
        source=EXAMPLE_SOURCE,
        details=details,
    )
    for course in content.courses:
        services.course_create(
            actor=officer,
            title=course.title,
            provider=course.provider,
            topic=course.topic,
            destination=countries.get(course.destination) if course.destination else None,
            online=not course.place,
            place=course.place,
            starts_on=today + dt.timedelta(days=course.starts_in),
            ends_on=today + dt.timedelta(days=course.starts_in + course.days),
            seats=course.seats,
            description=course.description,
        )
    return offers_public().count()
