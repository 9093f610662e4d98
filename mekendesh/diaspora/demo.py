"""The diaspora module's demo data, from the seed documents: the council's public representatives
in the USA, Japan and Russia with their projects (seed 000), the Osh roundtable of 18 March 2021
and its four recommendations (seed 001), and the directions of the roadmap the foreign ministry
asked IOM for (seed 002). Every record cites its source. The people and their contacts are
examples (``.example`` addresses, 555 numbers), not real ones.

The seeds are Kyrgyz (the council of Kyrgyzstan's parliament, a roundtable in Osh): they are
loaded by Kyrgyzstan's demo only. Another country of origin gets a smaller neutral example of
each kind of record (:data:`EXAMPLES`: two associations of compatriots with a representative and a
project each, a roundtable, a roadmap and its recommendations), every one marked as an example and
citing no real source, so that the diaspora pages have something to show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings

from mekendesh.accounts.models import User
from mekendesh.accounts.permissions import can
from mekendesh.diaspora import services
from mekendesh.diaspora.models import Representative
from mekendesh.diaspora.workflows import PROJECT, RECOMMENDATION
from mekendesh.reference.models import Country
from mekendesh.workflows.services import transition

SEED_000 = (
    "Жогорку Кеңештин Басма сөз кызматы, 26.08.2021: the Speaker met the council's public representatives "
    "in the USA, Japan and Russia (seed 000)"
)
SEED_001 = (
    "Ош облусундагы «Миграциянын тобокелдиктери жана кесепеттери» темадагы ачык маектешүү аянтчасы, "
    "18.03.2021 (seed 001)"
)
SEED_002 = "CA-NEWS, 01.03.2012: «Глава МИД КР предложил МОМ разработать дорожную карту сотрудничества» (seed 002)"
COUNCIL_DECISION = "Decision of the Jogorku Kenesh council on migration No. 7, 25.08.2021 (example)"

REPRESENTATIVES: list[dict[str, Any]] = [
    {
        "country": "US",
        "full_name": "Азамат Бекмуратов",
        "contacts": "usa.representative@council.example\n+1 212 555 0147",
        "organisation": ("Kyrgyz Community Association of New York (example)", "New York", "association"),
        "projects": [
            (
                "Mentoring for small businesses of returning migrants",
                "small_business",
                "running",
                Decimal("25000"),
                "USD",
                "Donations of compatriots in the USA",
            ),
            (
                "Exchange of teachers with US community colleges",
                "education",
                "approved",
                Decimal("12000"),
                "USD",
                "Community college partners",
            ),
        ],
    },
    {
        "country": "JP",
        "full_name": "Жылдыз Сатыбалдиева",
        "contacts": "japan.representative@council.example\n+81 3 5550 0123",
        "organisation": ("Association of Kyrgyz compatriots in Japan (example)", "Tokyo", "association"),
        "projects": [
            (
                "Kyrgyz culture days in Tokyo",
                "culture",
                "completed",
                Decimal("1500000"),
                "JPY",
                "Sponsors in Japan",
            ),
            (
                "Japanese vocational training for young people from Kyrgyzstan",
                "education",
                "proposed",
                None,
                "",
                "",
            ),
        ],
    },
    {
        "country": "RU",
        "full_name": "Эрлан Токтогулов",
        "contacts": "russia.representative@council.example\n+7 495 555 01 89",
        "organisation": ("Kyrgyz diaspora council in Moscow (example)", "Moscow", "council"),
        "projects": [
            (
                "Jobs at home: workshops for returnees from Russia",
                "returnee_jobs",
                "running",
                Decimal("2000000"),
                "RUB",
                "Diaspora businesses in Moscow",
            ),
        ],
    },
]

# Seed 001: the four recommendations of the Osh roundtable, with the body that owns each.
OSH_RECOMMENDATIONS = [
    (
        "Create a separate migration service in the city of Osh.",
        "State Migration Service",
        dt.date(2022, 12, 31),
        "open",
    ),
    (
        "Strengthen the handling of border issues in the southern region.",
        "State Border Service",
        dt.date(2027, 6, 30),
        "in_progress",
    ),
    (
        "Analyse internal and external migration.",
        "National Statistical Committee",
        dt.date(2023, 12, 31),
        "done",
    ),
    (
        "Merge the bodies for migration and for employment into one body.",
        "Cabinet of Ministers",
        dt.date(2026, 6, 30),
        "open",
    ),
]

# Seed 002: the directions of the roadmap the foreign ministry asked IOM for.
IOM_ROADMAP = [
    (
        "Support the legal employment of labour migrants abroad.",
        "Ministry of Labour, Social Security and Migration",
        dt.date(2027, 12, 31),
        "in_progress",
    ),
    (
        "Programmes that raise the qualifications and skills of would-be labour migrants.",
        "Ministry of Education and Science",
        dt.date(2027, 12, 31),
        "open",
    ),
    ("Counter illegal migration.", "Ministry of Internal Affairs", dt.date(2026, 9, 30), "open"),
    (
        "Strengthen the capacity of the consulates abroad.",
        "Ministry of Foreign Affairs",
        dt.date(2027, 12, 31),
        "in_progress",
    ),
]

EXAMPLE_SOURCE = "Demo data: an example, not a real record"
EXAMPLE_DECISION = "Example decision No. 1 (demo)"

# The neutral example of each country of origin but Kyrgyzstan: its capital, the state bodies that
# own the recommendations, and two associations of compatriots (country, organisation, city,
# representative, contacts, project).
EXAMPLES: dict[str, dict[str, Any]] = {
    "TM": {
        "capital": "Ashgabat",
        "bodies": (
            "State Migration Service",
            "Ministry of Labour and Social Protection of Population",
            "Ministry of Foreign Affairs",
        ),
        "associations": (
            (
                "TR",
                "Turkmen compatriots' association of Istanbul (example)",
                "Istanbul",
                "Batyr Meredow",
                "istanbul.association@diaspora.example\n+90 212 555 01 23",
                ("Turkish and vocational courses for newcomers (example)", "education", Decimal("150000"), "TRY"),
            ),
            (
                "RU",
                "Turkmen students' union in Kazan (example)",
                "Kazan",
                "Maýsa Orazowa",
                "kazan.students@diaspora.example\n+7 843 555 01 45",
                ("Mentors for first-year students (example)", "education", None, ""),
            ),
        ),
    },
    "TJ": {
        "capital": "Dushanbe",
        "bodies": (
            "Migration Service",
            "Ministry of Labour, Migration and Employment of Population",
            "Ministry of Foreign Affairs",
        ),
        "associations": (
            (
                "RU",
                "Tajik compatriots' association of Moscow (example)",
                "Moscow",
                "Фаррух Саидов",
                "moscow.association@diaspora.example\n+7 495 555 01 90",
                ("Legal advice days for workers on a patent (example)", "returnee_jobs", Decimal("1500000"), "RUB"),
            ),
            (
                "KZ",
                "Tajik cultural centre of Almaty (example)",
                "Almaty",
                "Манижа Назарзода",
                "almaty.centre@diaspora.example\n+7 727 555 01 12",
                ("Navruz festival of the Tajik community (example)", "culture", None, ""),
            ),
        ),
    },
    "UZ": {
        "capital": "Tashkent",
        "bodies": (
            "Agency for External Labour Migration",
            "Ministry of Employment and Poverty Reduction",
            "Ministry of Foreign Affairs",
        ),
        "associations": (
            (
                "RU",
                "Uzbek compatriots' association of Moscow (example)",
                "Moscow",
                "Jasur Karimov",
                "moscow.association@diaspora.example\n+7 495 555 01 77",
                ("Small business start-up help for returnees (example)", "small_business", Decimal("2000000"), "RUB"),
            ),
            (
                "KR",
                "Association of Uzbek workers in Korea (example)",
                "Ansan",
                "Dilnoza Yusupova",
                "korea.association@diaspora.example\n+82 31 555 0123",
                ("Korean language evenings (example)", "education", Decimal("3000000"), "KRW"),
            ),
        ),
    },
}

MOVES = {
    "in_progress": ["start"],
    "done": ["done"],
    "open": [],
    "proposed": [],
    "approved": ["approve"],
    "running": ["approve", "start"],
    "completed": ["approve", "start", "complete"],
}


def _coordinator() -> User:
    found = next(
        (user for user in User.objects.filter(is_active=True).order_by("pk") if can(user, "diaspora.edit")), None
    )
    if found is None:
        raise RuntimeError("the demo's diaspora coordinator is made first (demo_users_create)")
    return found


def diaspora_demo_load(*, actor: User | None = None) -> int:
    """Store the demo's diaspora records (once: nothing is added when representatives exist);
    return the number of representatives stored."""
    if Representative.objects.exists():
        return 0
    actor = actor or _coordinator()
    if settings.ORIGIN_COUNTRY != "KG":
        return _examples_load(actor, settings.ORIGIN_COUNTRY)
    countries = {country.code: country for country in Country.objects.filter(code__in=["US", "JP", "RU", "KG"])}
    stored = 0
    for entry in REPRESENTATIVES:
        country = countries[entry["country"]]
        name, city, kind = entry["organisation"]
        organisation = services.organisation_create(
            actor=actor,
            name=name,
            country=country,
            city=city,
            kind=kind,
            contacts=entry["contacts"].split("\n")[0].replace("representative", "association"),
            registration_status="registered",
            is_public=True,
        )
        representative = services.representative_create(
            actor=actor,
            full_name=entry["full_name"],
            country=country,
            seat="1",
            mandate_from=dt.date(2021, 8, 25),
            mandate_until=dt.date(2027, 8, 24),
            decision=COUNCIL_DECISION,
            contacts=entry["contacts"],
            organisations=[organisation],
            is_public=True,
        )
        stored += 1
        for title, project_kind, status, amount, currency, source in entry["projects"]:
            project = services.project_create(
                actor=actor,
                title=title,
                kind=project_kind,
                description=f"Presented to the Speaker of the Jogorku Kenesh on 25.08.2021. Source: {SEED_000}.",
                owner=name,
                representative=representative,
                partners="",
                country=country,
                start_date=dt.date(2021, 9, 1),
                end_date=None,
                funding_amount=amount,
                funding_currency=currency,
                funding_source=source,
                is_public=True,
            )
            for action in MOVES[status]:
                project = transition(actor=actor, obj=project, workflow=PROJECT, action=action)
    kyrgyzstan = countries["KG"]
    bodies = {
        name: services.state_body_create(actor=actor, name=name, country=kyrgyzstan)
        for name in sorted({owner for _text, owner, _deadline, _status in OSH_RECOMMENDATIONS + IOM_ROADMAP})
    }
    roundtable = services.event_create(
        actor=actor,
        title="Risks and consequences of migration: an open dialogue platform in Osh Region",
        kind="roundtable",
        date=dt.date(2021, 3, 18),
        country=kyrgyzstan,
        place="Osh, hotel «Orto-Asia»",
        organisers=(
            "Coordination council of the public councils of state bodies; the project «Open society — open media»"
        ),
        participants_total=40,
        participants_women=24,
        participants_men=16,
        participants_state=0,
        participants_civil=0,
        participants_international=0,
        participants_media=0,
        summary=(
            "Migration flows of Osh Region since 2015, remittances and the effect of COVID-19; health, "
            "returnees, migrants' knowledge of the rules of stay abroad, crime and violence."
        ),
        materials="Presentations: «Modern problems of labour migrants of Osh Region»; «Analysis of the migration "
        "situation in Osh Region»; «Risks and consequences of migration».",
        source=SEED_001,
        is_public=True,
    )
    _recommendations(actor, bodies, OSH_RECOMMENDATIONS, event=roundtable, source=SEED_001, country=kyrgyzstan)
    roadmap = services.roadmap_create(
        actor=actor,
        title="Roadmap of cooperation with IOM",
        partner="International Organization for Migration (IOM)",
        country=kyrgyzstan,
        requested_on=dt.date(2012, 2, 29),
        source=SEED_002,
        is_public=True,
    )
    _recommendations(actor, bodies, IOM_ROADMAP, roadmap=roadmap, source=SEED_002, country=kyrgyzstan)
    return stored


def _recommendations(
    actor: User, bodies: dict[str, Any], items: list[Any], *, source: str, country: Country, **origin: Any
) -> None:
    issued = origin["event"].date if "event" in origin else origin["roadmap"].requested_on
    for text, owner, deadline, status in items:
        item = services.recommendation_create(
            actor=actor,
            text=text,
            owner=bodies[owner],
            deadline=deadline,
            source_document=source,
            country=country,
            issued_on=issued,
            is_public=True,
            **origin,
        )
        for action in MOVES[status]:
            item = transition(actor=actor, obj=item, workflow=RECOMMENDATION, action=action)


def _examples_load(actor: User, origin_code: str) -> int:
    """The neutral example of a country of origin other than Kyrgyzstan; returns the number of
    representatives stored."""
    example = EXAMPLES[origin_code]
    codes = [origin_code, *(entry[0] for entry in example["associations"])]
    countries = {country.code: country for country in Country.objects.filter(code__in=codes)}
    origin = countries[origin_code]
    start = dt.date(2024, 1, 15)
    stored = 0
    for seat, (code, name, city, person, contacts, project) in enumerate(example["associations"], start=1):
        country = countries[code]
        organisation = services.organisation_create(
            actor=actor,
            name=name,
            country=country,
            city=city,
            kind="students" if "students" in name else "association",
            contacts=contacts.split("\n")[0],
            registration_status="registered",
            is_public=True,
        )
        representative = services.representative_create(
            actor=actor,
            full_name=f"{person} (example)",
            country=country,
            seat=str(seat),
            mandate_from=start,
            mandate_until=start + dt.timedelta(days=3 * 365),
            decision=EXAMPLE_DECISION,
            contacts=contacts,
            organisations=[organisation],
            is_public=True,
        )
        stored += 1
        title, kind, amount, currency = project
        created = services.project_create(
            actor=actor,
            title=title,
            kind=kind,
            description=f"An example project of the demo. Source: {EXAMPLE_SOURCE}.",
            owner=name,
            representative=representative,
            partners="",
            country=country,
            start_date=start + dt.timedelta(days=60),
            end_date=None,
            funding_amount=amount,
            funding_currency=currency,
            funding_source="Members' contributions (example)" if amount is not None else "",
            is_public=True,
        )
        for action in MOVES["running" if amount is not None else "proposed"]:
            created = transition(actor=actor, obj=created, workflow=PROJECT, action=action)
    migration, labour, foreign = example["bodies"]
    bodies = {name: services.state_body_create(actor=actor, name=name, country=origin) for name in example["bodies"]}
    roundtable = services.event_create(
        actor=actor,
        title="Labour migration and the return home: a roundtable (example)",
        kind="roundtable",
        date=dt.date(2025, 3, 20),
        country=origin,
        place=f"{example['capital']} (example)",
        organisers="The demo's diaspora coordinator (example)",
        participants_total=30,
        participants_women=14,
        participants_men=16,
        summary="An example event of the demo: safe departure, rights abroad, remittances and the return home.",
        source=EXAMPLE_SOURCE,
        is_public=True,
    )
    _recommendations(
        actor,
        bodies,
        [
            ("Open a one-stop office for departing and returning migrants.", migration, dt.date(2026, 12, 31), "open"),
            ("Publish the list of licensed recruitment agencies.", labour, dt.date(2026, 6, 30), "in_progress"),
        ],
        event=roundtable,
        source=EXAMPLE_SOURCE,
        country=origin,
    )
    roadmap = services.roadmap_create(
        actor=actor,
        title="Roadmap of cooperation with IOM (example)",
        partner="International Organization for Migration (IOM)",
        country=origin,
        requested_on=dt.date(2025, 5, 1),
        source=EXAMPLE_SOURCE,
        is_public=True,
    )
    _recommendations(
        actor,
        bodies,
        [("Strengthen the consulates' help to citizens in trouble abroad.", foreign, dt.date(2027, 12, 31), "open")],
        roadmap=roadmap,
        source=EXAMPLE_SOURCE,
        country=origin,
    )
    return stored
