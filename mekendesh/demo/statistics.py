"""The demo's statistics: the register's indicators computed, the shipped table of official figures
imported, and two releases published through review, so that ``/statistics/`` has something to
show on first start.

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

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mekendesh.statistics import services
from mekendesh.statistics.models import Release
from mekendesh.statistics.official import official_demo_import

# The register's tables: (indicator, dimensions, title). Flows are by month, under their years:
# the public pages show the years first.
REGISTER_TABLES = (
    ("stock", ("destination",), "Citizens abroad by country of destination"),
    ("stock", ("origin",), "Citizens abroad by region of origin"),
    ("departures", ("month",), "Departures by year"),
    ("returns", ("month",), "Returns by year"),
)
# The official figures published: the indicator of the shipped table and its dimensions.
OFFICIAL_INDICATOR = "citizens_abroad"
OFFICIAL_DIMENSIONS = ("geography", "period", "source")
THRESHOLD = 10


@dataclass(frozen=True)
class DemoStatistics:
    register: Release | None  # None when the demo population is too small to publish any table
    official: Release
    left_out: list[str]  # the titles of the tables that could not be protected, with why


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
    """Compute the register's indicators on ``today``, import the shipped official figures, and
    publish a release of each: ``builder`` builds and submits, ``reviewer`` publishes."""
    dataset = services.dataset_create(actor=builder, reference_date=today)
    services.dataset_compute(dataset=dataset)
    dataset.refresh_from_db()
    register = services.release_create(
        actor=builder,
        dataset=dataset,
        title=_("Citizens abroad and their travels: the register on %(date)s") % {"date": today.isoformat()},
        summary=_(
            "Citizens with a stay abroad in force on the reference date, by country of destination and by "
            "region of origin, and the stays begun and ended each year, as the register records them."
        ),
    )
    titles = {
        "Citizens abroad by country of destination": _("Citizens abroad by country of destination"),
        "Citizens abroad by region of origin": _("Citizens abroad by region of origin"),
        "Departures by year": _("Departures by year"),
        "Returns by year": _("Returns by year"),
    }
    for indicator, dimensions, title in REGISTER_TABLES:
        services.release_table_add(
            actor=builder,
            release=register,
            indicator=indicator,
            dimensions=list(dimensions),
            threshold=THRESHOLD,
            title=titles[title],
        )
    left_out: list[str] = []
    published = _publish(release=register, builder=builder, reviewer=reviewer, left_out=left_out)

    figures = official_demo_import(actor=builder)
    official = services.release_create(
        actor=builder,
        dataset=figures,
        title=_("Citizens abroad: the official figures"),
        summary=_(
            "How many citizens live abroad, as the foreign ministry and the labour ministry give it. The two "
            "sources disagree; both are published, each with its source."
        ),
    )
    services.release_table_add(
        actor=builder,
        release=official,
        indicator=OFFICIAL_INDICATOR,
        dimensions=list(OFFICIAL_DIMENSIONS),
        title=_("Citizens abroad, by source"),
    )
    figures_published = _publish(release=official, builder=builder, reviewer=reviewer, left_out=left_out)
    assert figures_published is not None  # official figures are published as they are, never refused
    return DemoStatistics(register=published, official=figures_published, left_out=left_out)
