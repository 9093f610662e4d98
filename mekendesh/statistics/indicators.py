"""The register's indicators: what each counts, its dimensions, and their computation.

A register :class:`~mekendesh.statistics.models.DataSet` is one computation at a reference date:
for each indicator, one SQL ``GROUP BY`` over the register (``values(...).annotate(Count, Sum)``,
ages and durations computed by the database, the same on SQLite and PostgreSQL) whose rows are the
finest cells, stored as :class:`~mekendesh.statistics.models.Aggregate` rows with their count and
the sum of the record keys of the persons in them (for cell-key perturbation). No person is read
into Python.

Codes follow SDMX conventions: ``_T`` is a dimension's total, ``_U`` "not stated"; ages are
``Y25T29`` (five-year bands) under ``Y25T54`` (broad groups); months ``2025-03`` under their
year ``2025``. A destination is a host region's code under its country's (``RU-MOW`` under ``RU``)
or ``RU-_U`` when the stay names no region; an origin is a district's code under its region's, or
``KG-O-_U`` when only the region is known; the last residence before a departure (a place of the
country of origin too) is coded the same way.

:func:`table_for` turns a data set's aggregates into a :class:`mekendesh.disclosure.Table` with
the dimension trees, and :func:`labels_for` names every code in the four interface languages.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Concat, ExtractMonth, ExtractYear
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mekendesh.disclosure import RECORD_KEY_RANGE, TOTAL, Dimension, Table
from mekendesh.imports.bulk import rows_copy
from mekendesh.statistics.models import Aggregate, DataSet, RecordKey

LANGUAGES = ("ky", "ru", "tk", "en")
UNKNOWN = "_U"
BATCH = 5000
# Aggregates are stored by ``COPY`` on PostgreSQL (one ``executemany`` elsewhere), this many rows
# at a time: the values are what the database stores, with no model instance made for each.
STORE_BATCH = 50_000
AGGREGATE_COLUMNS = ("dataset_id", "indicator", "cell", "count", "key_sum")

# --- dimensions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DimensionInfo:
    """A dimension the indicators share: its name, its label, and how its tree is built from the
    leaf codes found in a data set (``parents(leaves) -> {code: parent}``)."""

    name: str
    label: Promise
    parents: Callable[[set[str]], dict[str, str | None]]
    # The time dimension (months under years): a table's period picks its codes.
    time: bool = False


def _flat(leaves: set[str]) -> dict[str, str | None]:
    return {TOTAL: None, **dict.fromkeys(sorted(leaves), TOTAL)}


def _destination_parents(leaves: set[str]) -> dict[str, str | None]:
    from mekendesh.reference.models import HostRegion

    regions = dict(HostRegion.objects.filter(code__in=leaves).values_list("code", "country_id"))
    parents: dict[str, str | None] = {TOTAL: None}
    for code in sorted(leaves):
        country = regions.get(code) or code.rsplit("-", 1)[0]
        parents.setdefault(country, TOTAL)
        parents[code] = country
    return parents


def _origin_parents(leaves: set[str]) -> dict[str, str | None]:
    from mekendesh.reference.models import District

    districts = dict(District.objects.filter(code__in=leaves).values_list("code", "region__code"))
    parents: dict[str, str | None] = {TOTAL: None}
    for code in sorted(leaves):
        if code == UNKNOWN:
            parents[code] = TOTAL
            continue
        region = districts.get(code) or code.rsplit("-", 1)[0]
        parents.setdefault(region, TOTAL)
        parents[code] = region
    return parents


# Five-year bands up to 75+, under the broad groups 0–14, 15–24, 25–54, 55–64, 65+.
AGE_BAND_TOP = 75
BROAD_AGE_GROUPS = (("Y0T14", 0, 14), ("Y15T24", 15, 24), ("Y25T54", 25, 54), ("Y55T64", 55, 64), ("Y_GE65", 65, 200))


def age_code(band_start: int) -> str:
    """The code of the five-year band starting at ``band_start`` (``Y_GE75`` for the last)."""
    if band_start >= AGE_BAND_TOP:
        return f"Y_GE{AGE_BAND_TOP}"
    return f"Y{band_start}T{band_start + 4}"


def _broad_of(band_start: int) -> str:
    for code, low, high in BROAD_AGE_GROUPS:
        if low <= band_start <= high:
            return code
    raise ValueError(band_start)


def _age_parents(leaves: set[str]) -> dict[str, str | None]:
    parents: dict[str, str | None] = {TOTAL: None}
    for code, _low, _high in BROAD_AGE_GROUPS:
        parents[code] = TOTAL
    for start in range(0, AGE_BAND_TOP + 1, 5):
        parents[age_code(start)] = _broad_of(start)
    return parents


def _month_parents(leaves: set[str]) -> dict[str, str | None]:
    parents: dict[str, str | None] = {TOTAL: None}
    for code in sorted(leaves):
        year = code.split("-")[0]
        parents.setdefault(year, TOTAL)
        parents[code] = year
    return parents


DURATIONS = (("M_LT3", _("under 3 months")), ("M3T11", _("3 to 12 months")), ("M_GE12", _("12 months or more")))


def _duration_parents(leaves: set[str]) -> dict[str, str | None]:
    return {TOTAL: None, **{code: TOTAL for code, _label in DURATIONS}}


def _sex_parents(leaves: set[str]) -> dict[str, str | None]:
    return _flat(leaves | {"F", "M"})


def _purpose_parents(leaves: set[str]) -> dict[str, str | None]:
    from mekendesh.people.models import StayPurpose

    return _flat(leaves | set(StayPurpose.values))


DIMENSIONS: dict[str, DimensionInfo] = {
    info.name: info
    for info in (
        DimensionInfo("destination", _("destination"), _destination_parents),
        DimensionInfo("origin", _("origin"), _origin_parents),
        DimensionInfo("residence", _("last residence before departure"), _origin_parents),
        DimensionInfo("sex", _("sex"), _sex_parents),
        DimensionInfo("age", _("age group"), _age_parents),
        DimensionInfo("purpose", _("purpose of the stay"), _purpose_parents),
        DimensionInfo("duration", _("duration of the stay so far"), _duration_parents),
        DimensionInfo("month", _("month"), _month_parents, time=True),
        DimensionInfo("country", _("host country"), _flat),
        DimensionInfo("year", _("year"), _flat, time=True),
    )
}


# --- indicators ------------------------------------------------------------------------------

Rows = Iterable[tuple[dict[str, str], int, int]]


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Promise
    description: Promise
    dimensions: tuple[str, ...]
    compute: Callable[[dt.date], Rows]
    unit: str = "persons"

    @property
    def time_dimension(self) -> str | None:
        return next((name for name in self.dimensions if DIMENSIONS[name].time), None)


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it has fewer days)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def _age_band(prefix: str, on: dt.date) -> Any:
    """The start of the person's five-year age band on ``on``, computed by the database."""
    birth_year = ExtractYear(f"{prefix}birth_date")
    not_yet = Case(
        When(
            Q(**{f"{prefix}birth_date__month__gt": on.month})
            | Q(**{f"{prefix}birth_date__month": on.month, f"{prefix}birth_date__day__gt": on.day}),
            then=Value(1),
        ),
        default=Value(0),
        output_field=IntegerField(),
    )
    age = Value(on.year) - birth_year - not_yet
    # Five-year bands by whole cases: no integer division (SQLite and PostgreSQL differ on casts).
    whens = [When(Q(age_years__lt=start + 5), then=Value(start)) for start in range(0, AGE_BAND_TOP, 5)]
    return age, Case(*whens, default=Value(AGE_BAND_TOP), output_field=IntegerField())


def _destination_code(prefix: str = "") -> Any:
    return Coalesce(
        F(f"{prefix}host_region__code"),
        Concat(F(f"{prefix}country_id"), Value("-" + UNKNOWN), output_field=CharField()),
        output_field=CharField(),
    )


def _origin_code(prefix: str = "") -> Any:
    return Coalesce(
        F(f"{prefix}origin_district__code"),
        Concat(F(f"{prefix}origin_region__code"), Value("-" + UNKNOWN), output_field=CharField()),
        Value(UNKNOWN),
        output_field=CharField(),
    )


def _residence_code(prefix: str = "") -> Any:
    """Where the person last lived before the stay's departure: a district, ``KG-GB-_U`` when only
    the region is stated, ``_U`` when nothing is (never the region of origin in its place)."""
    return Case(
        When(**{f"{prefix}residence_district__isnull": False}, then=F(f"{prefix}residence_district__code")),
        When(
            **{f"{prefix}residence_region__isnull": False},
            then=Concat(F(f"{prefix}residence_region__code"), Value("-" + UNKNOWN), output_field=CharField()),
        ),
        default=Value(UNKNOWN),
        output_field=CharField(),
    )


def stays_in_force(on: dt.date) -> QuerySet[Any]:
    """The stays in force on ``on``, one per person.

    A stay is in force when it began on or before that day and had not ended by then (no
    departure date, or a departure after that day). Every status counts — declared as well as
    verified stays, since the register's stock is what the migrants declare and verification
    lags behind; an ended stay counts on the days before its departure. An ended stay without a
    departure date is left out (when it ended is not known). A person with two stays in force
    (the register allows overlaps while one is being closed) is counted once, in the stay that
    began last.
    """
    from mekendesh.people.models import Stay, StayStatus

    in_force = Q(arrival_date__lte=on) & (Q(departure_date__isnull=True) | Q(departure_date__gt=on))
    in_force &= ~Q(status=StayStatus.ENDED, departure_date__isnull=True)
    latest = Stay.objects.filter(in_force, person=OuterRef("person")).order_by("-arrival_date", "-pk").values("pk")[:1]
    return Stay.objects.filter(in_force, person__birth_date__lte=on).filter(pk=Subquery(latest))


def _grouped(queryset: QuerySet[Any], fields: Mapping[str, str], key: str) -> Iterator[tuple[dict[str, str], int, int]]:
    """Group ``queryset`` by the annotated ``fields`` (dimension → annotation); count and sum keys."""
    rows = queryset.values_list(*fields.values()).annotate(n=Count("pk"), keys=Coalesce(Sum(key), Value(0)))
    names, width = tuple(fields), len(fields)
    for row in rows.order_by(*fields.values()):
        yield dict(zip(names, map(str, row[:width]), strict=True)), int(row[width]), int(row[width + 1])


def compute_stock(on: dt.date) -> Rows:
    age, band = _age_band("person__", on)
    three, twelve = _months_before(on, 3), _months_before(on, 12)
    stays = stays_in_force(on).annotate(
        d_destination=_destination_code(),
        d_origin=_origin_code("person__"),
        d_sex=F("person__sex"),
        d_purpose=F("purpose"),
        age_years=age,
    )
    stays = stays.annotate(
        d_age=band,
        d_duration=Case(
            When(arrival_date__gt=three, then=Value("M_LT3")),
            When(arrival_date__gt=twelve, then=Value("M3T11")),
            default=Value("M_GE12"),
            output_field=CharField(),
        ),
    )
    fields = {name: f"d_{name}" for name in ("destination", "origin", "sex", "age", "purpose", "duration")}
    for cell, count, keys in _grouped(stays, fields, "person__record_key__key"):
        cell["age"] = age_code(int(cell["age"]))
        yield cell, count, keys


def _monthly(rows: Iterator[tuple[dict[str, str], int, int]]) -> Rows:
    for cell, count, keys in rows:
        year, month = cell.pop("y"), cell.pop("m")
        yield {"month": f"{int(year):04d}-{int(month):02d}", **cell}, count, keys


def compute_departures(on: dt.date) -> Rows:
    from mekendesh.people.models import Stay

    stays = Stay.objects.filter(arrival_date__lte=on).annotate(
        d_destination=_destination_code(),
        d_sex=F("person__sex"),
        y=ExtractYear("arrival_date"),
        m=ExtractMonth("arrival_date"),
    )
    fields = {"y": "y", "m": "m", "destination": "d_destination", "sex": "d_sex"}
    return _monthly(_grouped(stays, fields, "person__record_key__key"))


def compute_internal_migration(on: dt.date) -> Rows:
    """Departures (stays begun up to ``on``) by the year of arrival, the person's region and
    district of origin and the region and district where they last lived before leaving: the
    origin × last-residence matrix of internal migration before emigration."""
    from mekendesh.people.models import Stay

    stays = Stay.objects.filter(arrival_date__lte=on).annotate(
        d_year=ExtractYear("arrival_date"),
        d_origin=_origin_code("person__"),
        d_residence=_residence_code(),
    )
    fields = {"year": "d_year", "origin": "d_origin", "residence": "d_residence"}
    return _grouped(stays, fields, "person__record_key__key")


def compute_returns(on: dt.date) -> Rows:
    from mekendesh.people.models import Stay

    stays = Stay.objects.filter(departure_date__isnull=False, departure_date__lte=on).annotate(
        d_destination=_destination_code(),
        d_sex=F("person__sex"),
        y=ExtractYear("departure_date"),
        m=ExtractMonth("departure_date"),
    )
    fields = {"y": "y", "m": "m", "destination": "d_destination", "sex": "d_sex"}
    return _monthly(_grouped(stays, fields, "person__record_key__key"))


def compute_registrations(on: dt.date) -> Rows:
    from mekendesh.people.models import Person

    people = Person.objects.filter(created_at__date__lte=on).annotate(
        d_origin=_origin_code(),
        d_sex=F("sex"),
        y=ExtractYear("created_at"),
        m=ExtractMonth("created_at"),
    )
    fields = {"y": "y", "m": "m", "origin": "d_origin", "sex": "d_sex"}
    return _monthly(_grouped(people, fields, "record_key__key"))


def compute_listed(on: dt.date) -> Rows:
    """Confirmed matches: people the host countries' lists name, by the list's country and the
    year the list gives for the entry (``_U`` when it gives none)."""
    from mekendesh.screening.models import Candidate, CandidateStatus

    candidates = Candidate.objects.filter(status=CandidateStatus.CONFIRMED, created_at__date__lte=on).annotate(
        d_country=F("entry__source__country_id"),
        d_year=Coalesce(ExtractYear("entry__listed_on"), Value(0)),
    )
    for cell, count, keys in _grouped(
        candidates, {"country": "d_country", "year": "d_year"}, "person__record_key__key"
    ):
        cell["year"] = cell["year"] if cell["year"] != "0" else UNKNOWN
        yield cell, count, keys


def compute_deportations(on: dt.date) -> Rows:
    """Assistance cases of deportation or expulsion, by host country and the year they were opened."""
    from mekendesh.cases.models import Case as AssistanceCase
    from mekendesh.cases.models import CaseType

    cases = AssistanceCase.objects.filter(case_type=CaseType.DEPORTATION, opened_at__date__lte=on).annotate(
        d_country=Coalesce(F("host_country_id"), Value(UNKNOWN), output_field=CharField()),
        d_year=ExtractYear("opened_at"),
    )
    return _grouped(cases, {"country": "d_country", "year": "d_year"}, "person__record_key__key")


INDICATORS: dict[str, Indicator] = {
    indicator.code: indicator
    for indicator in (
        Indicator(
            "stock",
            _("Citizens abroad"),
            _("People with a stay in force on the reference date."),
            ("destination", "origin", "sex", "age", "purpose", "duration"),
            compute_stock,
        ),
        Indicator(
            "departures",
            _("Departures"),
            _("Stays begun, by the month of arrival."),
            ("month", "destination", "sex"),
            compute_departures,
        ),
        Indicator(
            "internal_migration",
            _("Departures by origin and last residence"),
            _(
                "Stays begun, by the year of arrival, the region of origin and the region where the person "
                "last lived before leaving."
            ),
            ("year", "origin", "residence"),
            compute_internal_migration,
        ),
        Indicator(
            "returns",
            _("Returns"),
            _("Stays ended, by the month of departure or return."),
            ("month", "destination", "sex"),
            compute_returns,
        ),
        Indicator(
            "registrations",
            _("Registrations"),
            _("People registered, by the month of registration."),
            ("month", "origin", "sex"),
            compute_registrations,
        ),
        Indicator(
            "listed",
            _("People named by host-country lists"),
            _("Confirmed matches with host-country lists, by country and year of listing."),
            ("country", "year"),
            compute_listed,
        ),
        Indicator(
            "deportations",
            _("Cases of deportation"),
            _("Assistance cases of deportation or expulsion, by host country and year opened."),
            ("country", "year"),
            compute_deportations,
            unit="cases",
        ),
    )
}


def indicator_get(code: str) -> Indicator:
    return INDICATORS[code]


# --- record keys ---------------------------------------------------------------------------------


def record_keys_assign(*, batch: int = BATCH) -> int:
    """Give every person without a record key one (0–255, from ``secrets``), in bulk; a key once
    drawn is never drawn again. Returns how many were drawn."""
    from mekendesh.people.models import Person

    drawn = 0
    while True:
        missing = list(
            Person.objects.filter(record_key__isnull=True).order_by("pk").values_list("pk", flat=True)[:batch]
        )
        if not missing:
            return drawn
        with transaction.atomic():
            RecordKey.objects.bulk_create(
                [RecordKey(person_id=pk, key=secrets.randbelow(RECORD_KEY_RANGE)) for pk in missing],
                ignore_conflicts=True,
            )
        drawn += len(missing)


# --- computation -------------------------------------------------------------------------------

Progress = Callable[[int, int, str], None]


def aggregates_compute(*, dataset: DataSet, progress: Progress | None = None) -> int:
    """Compute every indicator of ``dataset`` at its reference date into its aggregates (the
    earlier ones are replaced). Returns the number of cells stored."""
    assert dataset.reference_date is not None
    on = dataset.reference_date
    stored = 0
    steps = len(INDICATORS) + 1
    if progress:
        progress(0, steps, str(_("Drawing record keys")))
    record_keys_assign()
    with transaction.atomic():
        Aggregate.objects.filter(dataset=dataset).delete()
        for number, indicator in enumerate(INDICATORS.values(), start=1):
            if progress:
                progress(number, steps, str(indicator.label))
            batch: list[tuple[Any, ...]] = []
            for cell, count, keys in indicator.compute(on):
                batch.append((dataset.pk, indicator.code, cell, count, keys))
                if len(batch) >= STORE_BATCH:
                    rows_copy(Aggregate, AGGREGATE_COLUMNS, batch)
                    stored += len(batch)
                    batch = []
            rows_copy(Aggregate, AGGREGATE_COLUMNS, batch)
            stored += len(batch)
    if progress:
        progress(steps, steps, str(_("Done")))
    return stored


# --- tables ------------------------------------------------------------------------------------


def dimension_for(dataset: DataSet, indicator: Indicator | str, name: str) -> Dimension:
    """The dimension ``name`` of an indicator in a data set: its tree over the codes found there
    (and the codes the dimension always has, such as every age band)."""
    indicator = indicator_get(indicator) if isinstance(indicator, str) else indicator
    if name not in indicator.dimensions:
        raise KeyError(name)
    leaves = set(
        Aggregate.objects.filter(dataset=dataset, indicator=indicator.code)
        .annotate(code=KT(f"cell__{name}"))
        .values_list("code", flat=True)
        .distinct()
    )
    return Dimension.tree(name, DIMENSIONS[name].parents({str(code) for code in leaves}))


def table_for(
    dataset: DataSet,
    indicator: Indicator | str,
    dimensions: Sequence[str] | None = None,
    *,
    filters: Mapping[str, str] | None = None,
) -> Table:
    """The table of ``indicator`` over ``dimensions`` (all by default), summed over the others by
    the database. ``filters`` (``{dimension: code}``, a code at any level) keep only the persons
    counted under that code; a filtered dimension not among ``dimensions`` is summed over too."""
    indicator = indicator_get(indicator) if isinstance(indicator, str) else indicator
    names = tuple(dimensions) if dimensions is not None else indicator.dimensions
    for name in (*names, *(filters or {})):
        if name not in indicator.dimensions:
            raise KeyError(name)
    rows = Aggregate.objects.filter(dataset=dataset, indicator=indicator.code)
    for name, code in (filters or {}).items():
        tree = dimension_for(dataset, indicator, name)
        rows = rows.filter(**{f"cell__{name}__in": list(tree.leaves_under(code)) if code in tree.index else [code]})
    annotations = {f"d_{name}": KT(f"cell__{name}") for name in names}
    rows = rows.annotate(**annotations)
    if filters or set(names) != set(indicator.dimensions):
        found = list(
            rows.values_list(*annotations).annotate(n=Sum("count"), keys=Sum("key_sum")).order_by(*annotations)
        )
    else:
        # Every dimension: each aggregate is a finest cell already, nothing to sum (cells given
        # twice would add up in the table all the same).
        found = list(rows.values_list(*annotations, "count", "key_sum"))
    columns = {name: [str(row[number]) for row in found] for number, name in enumerate(names)}
    if filters:
        trees = [dimension_for(dataset, indicator, name) for name in names]
    else:
        # Unfiltered, the cells hold every code of each dimension the data set has: the trees
        # are those of :func:`dimension_for`, without reading the aggregates again for each.
        trees = [Dimension.tree(name, DIMENSIONS[name].parents(set(columns[name]))) for name in names]
    width = len(names)
    return Table.from_columns(
        trees,
        columns,
        [int(row[width]) for row in found],
        key_sums=[int(row[width + 1]) for row in found],
    )


def _translated(value: Any) -> dict[str, str]:
    """A translatable text (a lazy string, or a function that makes one) in every language."""
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            names[language] = str(value() if callable(value) else value)
    return names


def _age_label(code: str) -> Any:
    if code.startswith("Y_GE"):
        return _("%(low)s years and over") % {"low": code[4:]}
    low, high = code[1:].split("T")
    return _("%(low)s–%(high)s years") % {"low": low, "high": high}


def labels_for(dimension: Dimension) -> dict[str, dict[str, str]]:
    """Every code of ``dimension`` named in the four interface languages."""
    from mekendesh.people.models import Sex, StayPurpose
    from mekendesh.reference.models import Country, District, HostRegion, Region

    def named(obj: Any) -> dict[str, str]:
        return {language: getattr(obj, f"name_{language}") or obj.name_en for language in LANGUAGES}

    codes = list(dimension.codes)
    labels: dict[str, dict[str, str]] = {}
    name = dimension.name
    if name in ("destination", "country"):
        countries = {c.code: c for c in Country.objects.filter(code__in=[c.split("-")[0] for c in codes])}
        regions = {r.code: r for r in HostRegion.objects.filter(code__in=codes)}
        for code in codes:
            if code == TOTAL:
                labels[code] = _translated(_("All countries"))
            elif code in regions:
                labels[code] = named(regions[code])
            elif code in countries:
                labels[code] = named(countries[code])
            elif code.endswith("-" + UNKNOWN) and code.split("-")[0] in countries:
                country = named(countries[code.split("-")[0]])
                unstated = _translated(_("%(place)s, region not stated"))
                labels[code] = {language: unstated[language] % {"place": country[language]} for language in LANGUAGES}
            else:
                labels[code] = _translated(_("Not stated")) if code == UNKNOWN else dict.fromkeys(LANGUAGES, code)
    elif name in ("origin", "residence"):
        regions_o = {r.code: r for r in Region.objects.filter(code__in=[c.removesuffix("-" + UNKNOWN) for c in codes])}
        districts = {d.code: d for d in District.objects.filter(code__in=codes)}
        for code in codes:
            if code == TOTAL:
                labels[code] = _translated(_("All regions"))
            elif code == UNKNOWN:
                labels[code] = _translated(_("Not stated"))
            elif code in districts:
                labels[code] = named(districts[code])
            elif code in regions_o:
                labels[code] = named(regions_o[code])
            elif code.removesuffix("-" + UNKNOWN) in regions_o:
                region = named(regions_o[code.removesuffix("-" + UNKNOWN)])
                unstated = _translated(_("%(place)s, district not stated"))
                labels[code] = {language: unstated[language] % {"place": region[language]} for language in LANGUAGES}
            else:
                labels[code] = dict.fromkeys(LANGUAGES, code)
    else:
        choices: dict[str, Any] = {
            "sex": dict(Sex.choices),
            "purpose": dict(StayPurpose.choices),
            "duration": dict(DURATIONS),
        }.get(name, {})
        for code in codes:
            if code == TOTAL:
                labels[code] = _translated(_("Total"))
            elif code == UNKNOWN:
                labels[code] = _translated(_("Not stated"))
            elif code in choices:
                labels[code] = _translated(choices[code])
            elif name == "age":
                labels[code] = _translated(lambda code=code: _age_label(code))
            else:
                labels[code] = dict.fromkeys(LANGUAGES, code)  # months and years are their own names
    return labels
