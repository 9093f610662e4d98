"""Reads of the diaspora module: the roadmap board, the annual report per country, and what the
public pages show (only records marked public)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from mekendesh.diaspora.models import (
    OPEN_STATUSES,
    Event,
    EventKind,
    Organisation,
    Project,
    ProjectStatus,
    Recommendation,
    RecommendationStatus,
    Representative,
)
from mekendesh.reference.models import Country

# --- the roadmap board --------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardRow:
    recommendation: Recommendation
    overdue: bool

    @property
    def source(self) -> str:
        item = self.recommendation
        return str(item.event or item.roadmap or item.source_document)

    @property
    def public_source(self) -> str:
        """The source as the public page names it: the event or roadmap only if it is public too,
        else the source document's title (if any)."""
        item = self.recommendation
        for origin in (item.event, item.roadmap):
            if origin is not None and origin.is_public:
                return str(origin)
        return item.source_document


def _board_order(row: BoardRow) -> tuple[bool, dt.date, int]:
    """Open items first by deadline (the earliest, overdue ones, on top), then done and dropped."""
    item = row.recommendation
    return (item.status not in OPEN_STATUSES, item.deadline or dt.date.max, item.pk)


def board(*, today: dt.date, status: str = "", owner: Any = None, overdue_only: bool = False) -> list[BoardRow]:
    """Every recommendation and roadmap item with its owner, deadline and status, open ones first
    by deadline; ``overdue`` when its deadline has passed and it is not done or dropped."""
    items = Recommendation.objects.select_related("owner", "event", "roadmap", "country")
    if status:
        items = items.filter(status=status)
    if owner is not None:
        items = items.filter(owner=owner)
    if overdue_only:
        items = items.filter(status__in=OPEN_STATUSES, deadline__lt=today)
    rows = [BoardRow(item, item.is_overdue(today)) for item in items]
    rows.sort(key=_board_order)
    return rows


def public_board(*, today: dt.date, country: Country | None = None) -> list[BoardRow]:
    """The board as the public sees it: the recommendations and roadmap items marked public, with
    their owner, deadline and status, overdue ones flagged, in the board's order."""
    items = Recommendation.objects.filter(is_public=True).select_related("owner", "event", "roadmap", "country")
    if country is not None:
        items = items.filter(country=country)
    rows = [BoardRow(item, item.is_overdue(today)) for item in items]
    rows.sort(key=_board_order)
    return rows


def overdue_count(*, today: dt.date) -> int:
    return Recommendation.objects.filter(status__in=OPEN_STATUSES, deadline__lt=today).count()


# --- the annual report --------------------------------------------------------------------------


@dataclass
class AnnualReport:
    """A country's year: its events (and their participants by sex), its projects, and the
    recommendations made for it up to the year's end, done and still open."""

    country: Country
    year: int
    events: list[Event] = field(default_factory=list)
    events_by_kind: dict[str, int] = field(default_factory=dict)
    participants: int = 0
    women: int = 0
    men: int = 0
    projects: list[Project] = field(default_factory=list)
    projects_by_status: dict[str, int] = field(default_factory=dict)
    recommendations_done: int = 0
    recommendations_open: int = 0
    recommendations_overdue: int = 0
    recommendations_dropped: int = 0

    def figures(self) -> list[tuple[str, int]]:
        """The report's numbers by code, in the order of the page and the downloads."""
        return [
            ("events", len(self.events)),
            *((f"events_{kind}", self.events_by_kind.get(kind, 0)) for kind in EventKind.values),
            ("participants", self.participants),
            ("participants_women", self.women),
            ("participants_men", self.men),
            ("projects", len(self.projects)),
            *((f"projects_{status}", self.projects_by_status.get(status, 0)) for status in ProjectStatus.values),
            ("recommendations_done", self.recommendations_done),
            ("recommendations_open", self.recommendations_open),
            ("recommendations_overdue", self.recommendations_overdue),
            ("recommendations_dropped", self.recommendations_dropped),
        ]


def annual_report(*, country: Country, year: int, today: dt.date) -> AnnualReport:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    report = AnnualReport(country=country, year=year)
    events = Event.objects.filter(country=country, date__range=(first, last)).order_by("date", "pk")
    report.events = list(events)
    report.events_by_kind = dict(events.values_list("kind").annotate(n=Count("pk")).order_by())
    sums = events.aggregate(
        total=Sum("participants_total"), women=Sum("participants_women"), men=Sum("participants_men")
    )
    report.participants, report.women, report.men = sums["total"] or 0, sums["women"] or 0, sums["men"] or 0
    # Projects that ran some time in the year (a project without dates counts every year).
    projects = Project.objects.filter(country=country).filter(
        Q(start_date__isnull=True) | Q(start_date__lte=last), Q(end_date__isnull=True) | Q(end_date__gte=first)
    )
    report.projects = list(projects.order_by("title"))
    report.projects_by_status = dict(projects.values_list("status").annotate(n=Count("pk")).order_by())
    made = Recommendation.objects.filter(country=country, issued_on__lte=last)
    counts = dict(made.values_list("status").annotate(n=Count("pk")).order_by())
    report.recommendations_done = counts.get(RecommendationStatus.DONE, 0)
    report.recommendations_dropped = counts.get(RecommendationStatus.DROPPED, 0)
    report.recommendations_open = sum(counts.get(status, 0) for status in OPEN_STATUSES)
    report.recommendations_overdue = made.filter(status__in=OPEN_STATUSES, deadline__lt=today).count()
    return report


# --- the public pages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicCountry:
    country: Country
    representatives: list[Representative]
    organisations: list[Organisation]
    projects: list[Project]  # public projects of no public representative (theirs are listed with them)
    upcoming_events: list[Event] = field(default_factory=list)  # today and later, soonest first
    past_events: list[Event] = field(default_factory=list)  # latest first
    board: list[BoardRow] = field(default_factory=list)  # public recommendations and roadmap items

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.board if row.overdue)


def public_representatives(*, today: dt.date) -> QuerySet[Representative]:
    """Public representatives serving today, with their public projects and organisations."""
    return (
        Representative.objects.filter(is_public=True, mandate_from__lte=today)
        .filter(Q(mandate_until__isnull=True) | Q(mandate_until__gte=today))
        .select_related("country")
        .prefetch_related(
            Prefetch("projects", queryset=Project.objects.filter(is_public=True), to_attr="public_projects"),
            Prefetch(
                "organisations", queryset=Organisation.objects.filter(is_public=True), to_attr="public_organisations"
            ),
        )
        .order_by("country__name_en", "seat", "full_name")
    )


def public_by_country(*, today: dt.date, country: Country | None = None) -> list[PublicCountry]:
    """What the public page shows, country by country (only records marked public): who represents
    the diaspora and their projects, the organisations, the events to come and past (with their
    participants by sex), and the recommendations and roadmap items with their owner, deadline
    and status."""
    representatives = public_representatives(today=today)
    organisations = Organisation.objects.filter(is_public=True).select_related("country")
    projects = Project.objects.filter(is_public=True).select_related("country", "representative")
    events = Event.objects.filter(is_public=True).select_related("country").order_by("-date", "title", "pk")
    if country is not None:
        representatives = representatives.filter(country=country)
        organisations = organisations.filter(country=country)
        projects = projects.filter(country=country)
        events = events.filter(country=country)
    shown_reps = list(representatives)
    shown_ids = {rep.pk for rep in shown_reps}
    shown_events = list(events)
    rows = public_board(today=today, country=country)
    countries: dict[str, Country] = {}
    items: list[Any] = [*shown_reps, *organisations, *projects, *shown_events]
    for item in items:
        countries.setdefault(item.country_id, item.country)
    for row in rows:
        countries.setdefault(row.recommendation.country_id, row.recommendation.country)
    out = []
    for code, place in sorted(countries.items(), key=lambda pair: pair[1].name):
        out.append(
            PublicCountry(
                country=place,
                representatives=[rep for rep in shown_reps if rep.country_id == code],
                organisations=[org for org in organisations if org.country_id == code],
                projects=[
                    project
                    for project in projects
                    if project.country_id == code and project.representative_id not in shown_ids
                ],
                upcoming_events=sorted(
                    (event for event in shown_events if event.country_id == code and event.date >= today),
                    key=lambda event: (event.date, event.title, event.pk),
                ),
                past_events=[event for event in shown_events if event.country_id == code and event.date < today],
                board=[row for row in rows if row.recommendation.country_id == code],
            )
        )
    return out
