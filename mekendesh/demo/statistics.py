"""The demo's statistics: the register's indicators computed, the shipped table of official figures
imported, and two releases published through review, so that ``/statistics/`` has something to
show on first start.

The register's release is published for any country of origin. The official figures shipped
(``mekendesh/statistics/data/kg-migration-figures.csv``) are about Kyrgyzstan: they are imported
and published only by Kyrgyzstan's demo (:data:`OFFICIAL_FIGURES`); no such table is shipped for
Turkmenistan, Tajikistan or Uzbekistan, whose demos publish the register's release alone.

Everything goes through the services and the release workflow, as a statistician's work does: one
demo statistician computes the data set, builds and protects the tables and sends each release to
review; a second one publishes it (four eyes). The register's release has the stock of citizens
abroad by destination and by region of origin and the flows (departures, returns) by year; the
official release has the figures of citizens abroad as both ministries give them, side by side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from mekendesh.statistics import services
from mekendesh.statistics.models import Release
from mekendesh.statistics.official import official_demo_import

# The releases' titles and summaries and the tables' titles, in the four interface languages, as
# a statistician types them: every visitor reads them in their own language. The register's
# release names its reference date (``{date}``).
REGISTER_TITLE = {
    "ky": "Чет өлкөдөгү жарандар жана алардын сапарлары: {date} абалы боюнча реестр",
    "ru": "Граждане за рубежом и их поездки: данные реестра на {date}",
    "tk": "Daşary ýurtdaky raýatlar we olaryň saparlary: sanaw, {date} ýagdaýyna görä",
    "en": "Citizens abroad and their travels: the register on {date}",
}
REGISTER_SUMMARY = {
    "ky": (
        "Эсептик датада чет өлкөдө жүрүүсү уланып жаткан жарандар — барган өлкөсү жана чыккан облусу "
        "боюнча, ошондой эле ар жылы башталган жана аяктаган чет өлкөдө жүрүүлөр, реестрде кандай "
        "катталса, ошондой."
    ),
    "ru": (
        "Граждане с действующим пребыванием за рубежом на отчётную дату — по стране назначения и по "
        "региону происхождения, а также пребывания, начавшиеся и завершившиеся в каждом году, по данным "
        "реестра."
    ),
    "tk": (
        "Hasabat senesinde daşary ýurtda bolmak döwri dowam edýän raýatlar, barýan ýurdy we gelip çykan "
        "welaýaty boýunça, şeýle hem her ýylda başlanan we tamamlanan bolmak döwürleri — sanawda ýazga "
        "alnyşy ýaly."
    ),
    "en": (
        "Citizens with a stay abroad in force on the reference date, by country of destination and by "
        "region of origin, and the stays begun and ended each year, as the register records them."
    ),
}
OFFICIAL_TITLE = {
    "ky": "Чет өлкөдөгү жарандар: расмий сандар",
    "ru": "Граждане за рубежом: официальные данные",
    "tk": "Daşary ýurtdaky raýatlar: resmi sanlar",
    "en": "Citizens abroad: the official figures",
}
OFFICIAL_SUMMARY = {
    "ky": (
        "Чет өлкөдө канча жаран жашайт — тышкы иштер министрлиги жана эмгек министрлиги берген "
        "маалыматтар боюнча. Эки булактын сандары дал келбейт; экөө тең, ар бири өз булагы менен "
        "жарыяланат."
    ),
    "ru": (
        "Численность граждан, проживающих за рубежом, по данным министерства иностранных дел и "
        "министерства труда. Данные двух источников расходятся; публикуются и те и другие, каждые — с "
        "указанием источника."
    ),
    "tk": (
        "Daşary işler ministrliginiň we zähmet ministrliginiň berýän maglumatlaryna görä, daşary ýurtda "
        "näçe raýatyň ýaşaýandygy. Iki çeşmäniň maglumatlary biri-birine gabat gelmeýär; ikisi hem öz "
        "çeşmesi görkezilip neşir edilýär."
    ),
    "en": (
        "How many citizens live abroad, as the foreign ministry and the labour ministry give it. The two "
        "sources disagree; both are published, each with its source."
    ),
}
# The register's tables: (indicator, dimensions, title by language). Flows are by month, under
# their years: the public pages show the years first.
REGISTER_TABLES: tuple[tuple[str, tuple[str, ...], dict[str, str]], ...] = (
    (
        "stock",
        ("destination",),
        {
            "ky": "Чет өлкөдөгү жарандар, барган өлкөсү боюнча",
            "ru": "Граждане за рубежом по странам назначения",
            "tk": "Daşary ýurtdaky raýatlar, barýan ýurdy boýunça",
            "en": "Citizens abroad by country of destination",
        },
    ),
    (
        "stock",
        ("origin",),
        {
            "ky": "Чет өлкөдөгү жарандар, чыккан облусу боюнча",
            "ru": "Граждане за рубежом по регионам происхождения",
            "tk": "Daşary ýurtdaky raýatlar, gelip çykan welaýaty boýunça",
            "en": "Citizens abroad by region of origin",
        },
    ),
    (
        "departures",
        ("month",),
        {
            "ky": "Чет өлкөгө кетүүлөр, жылдар боюнча",
            "ru": "Выезды по годам",
            "tk": "Gidenler, ýyllar boýunça",
            "en": "Departures by year",
        },
    ),
    (
        "returns",
        ("month",),
        {
            "ky": "Мекенге кайтуулар, жылдар боюнча",
            "ru": "Возвращения по годам",
            "tk": "Dolananlar, ýyllar boýunça",
            "en": "Returns by year",
        },
    ),
)
OFFICIAL_TABLE_TITLE = {
    "ky": "Чет өлкөдөгү жарандар, булактар боюнча",
    "ru": "Граждане за рубежом, по источникам",
    "tk": "Daşary ýurtdaky raýatlar, çeşmeler boýunça",
    "en": "Citizens abroad, by source",
}
# The official figures published: the indicator of the shipped table and its dimensions.
# The countries of origin a shipped table of official figures is about.
OFFICIAL_FIGURES = frozenset({"KG"})
OFFICIAL_INDICATOR = "citizens_abroad"
OFFICIAL_DIMENSIONS = ("geography", "period", "source")
THRESHOLD = 10


@dataclass(frozen=True)
class DemoStatistics:
    register: Release | None  # None when the demo population is too small to publish any table
    official: Release | None  # None where no official figures about the country are shipped
    left_out: list[str]  # the titles of the tables that could not be protected, with why


def _languages(texts: dict[str, str]) -> dict[str, str]:
    """The texts in the installation's interface languages only."""
    offered = {code for code, _name in settings.LANGUAGES}
    return {language: text for language, text in texts.items() if language in offered}


def _publish(*, release: Release, builder: Any, reviewer: Any, left_out: list[str]) -> Release | None:
    """Protect every table, leave out (and name) those that cannot be (a small demo population
    may have nothing to publish by region), then submit and publish what is left."""
    for table in release.tables.order_by("order", "pk"):
        try:
            services.release_table_protect(actor=builder, table=table)
        except ValidationError as refused:
            left_out.append(f"{table.title}: {' '.join(refused.messages)}")
            services.release_table_remove(actor=builder, table=table)
    if not release.tables.exists():
        return None
    release = services.release_submit(actor=builder, release=release)
    return services.release_publish(actor=reviewer, release=release)


def demo_statistics_publish(*, builder: Any, reviewer: Any, today: dt.date) -> DemoStatistics:
    """Compute the register's indicators on ``today``, import the shipped official figures (where
    they are about the country of origin), and publish a release of each: ``builder`` builds and
    submits, ``reviewer`` publishes."""
    dataset = services.dataset_create(actor=builder, reference_date=today)
    services.dataset_compute(dataset=dataset)
    dataset.refresh_from_db()
    register = services.release_create(
        actor=builder,
        dataset=dataset,
        title={language: text.format(date=today.isoformat()) for language, text in _languages(REGISTER_TITLE).items()},
        summary=_languages(REGISTER_SUMMARY),
    )
    for indicator, dimensions, title in REGISTER_TABLES:
        services.release_table_add(
            actor=builder,
            release=register,
            indicator=indicator,
            dimensions=list(dimensions),
            threshold=THRESHOLD,
            title=_languages(title),
        )
    left_out: list[str] = []
    published = _publish(release=register, builder=builder, reviewer=reviewer, left_out=left_out)
    if settings.ORIGIN_COUNTRY not in OFFICIAL_FIGURES:
        return DemoStatistics(register=published, official=None, left_out=left_out)

    figures = official_demo_import(actor=builder)
    official = services.release_create(
        actor=builder,
        dataset=figures,
        title=_languages(OFFICIAL_TITLE),
        summary=_languages(OFFICIAL_SUMMARY),
    )
    services.release_table_add(
        actor=builder,
        release=official,
        indicator=OFFICIAL_INDICATOR,
        dimensions=list(OFFICIAL_DIMENSIONS),
        title=_languages(OFFICIAL_TABLE_TITLE),
    )
    figures_published = _publish(release=official, builder=builder, reviewer=reviewer, left_out=left_out)
    assert figures_published is not None  # official figures are published as they are, never refused
    return DemoStatistics(register=published, official=figures_published, left_out=left_out)
