"""Official tables as an import target (``official_table``), and what is read from them.

An official table is a set of published figures — the foreign ministry's count of citizens
abroad, the labour ministry's, the national bank's remittances, the statistics office's internal
migration — each row one figure: indicator, geography, period, value, unit and source (and
optionally a note, a publication date and, for internal migration, a destination geography).
Each imported file becomes one :class:`~mekendesh.statistics.models.DataSet` of kind ``official``
with its :class:`~mekendesh.statistics.models.OfficialFigure` rows, stored whole or not at all.

**Periods** are written in SDMX-like forms and normalised (:func:`parse_period`):

=====================  ===============  ==============================
written                stored as        spans
=====================  ===============  ==============================
``2025``               ``2025``         the year
``2025-01``            ``2025-01``      the month
``2026-01-15``         ``2026-01-15``   the day
``2024-H1``/``2024-S1`` ``2024-S1``     the half-year (semester)
``2024-Q3``            ``2024-Q3``      the quarter
``2011-2024``          ``2011/2024``    the years from the first to the last
``2025-01..05``        ``2025-01/2025-05`` the months from the first to the last
=====================  ===============  ==============================

``2011/2024`` and ``2025-01/2025-05`` are read as well. Anything else is a row error that names
the accepted forms and, when the meaning is clear (``01.2025``, ``15.01.2026``, ``янв 2025``,
``I кв. 2024``), the form to write instead.

**Values** (:func:`parse_value`) may group thousands with spaces or commas (``608 000``,
``608,000``) and carry decimals with a point, or with a comma when no group of exactly three
digits follows it (``12,5``). ``1,234`` is read as one thousand two hundred and thirty-four,
as the tables we receive group thousands far more often than they give three decimals. A range
(``25-30``) is stored as its low and high ends, without a single value.

**Rules** that refuse a row (each error names the row and the column): a period not in the forms
above; a value that is not a number; a negative count (a unit that counts people or events); a
missing unit; a total that does not add up (:func:`totals_problems`); a row that repeats the figure
of an earlier row — the same indicator, geography, destination, period and source
(:func:`repeated_figures`: the error names both rows). Two sources for one figure
(the same indicator, geography, destination and period) are not an error: both rows are kept, and
the summary of the import and the staff pages list them (:func:`sources_disagreeing`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from mekendesh.imports.targets import Checked, ImportField, ImportTarget, RowError, SourceRow, header_key

TARGET = "official_table"

FIELDS = (
    ImportField(
        "indicator",
        _("Indicator"),
        ("indicator", "показатель", "индикатор", "көрсөткүч", "korsotkuch", "görkeziji", "gorkeziji"),
        required=True,
    ),
    ImportField(
        "geography",
        _("Geography"),
        (
            "geography",
            "area",
            "region",
            "country",
            "origin",
            "территория",
            "география",
            "регион",
            "страна",
            "откуда",
            "аймак",
            "аймагы",
            "өлкө",
            "чыккан жери",
            "territoriýa",
            "sebit",
            "ýurt",
            "geografiýa",
        ),
        required=True,
    ),
    ImportField(
        "destination",
        _("Destination"),
        (
            "destination",
            "to",
            "destination geography",
            "куда",
            "место назначения",
            "регион назначения",
            "барган жери",
            "бара турган жери",
            "barýan ýeri",
            "barjak ýeri",
        ),
    ),
    ImportField(
        "period", _("Period"), ("period", "time", "time period", "период", "мезгил", "мөөнөт", "döwür"), required=True
    ),
    ImportField(
        "value",
        _("Value"),
        ("value", "obs value", "obs_value", "значение", "величина", "маани", "мааниси", "baha", "bahasy"),
        required=True,
    ),
    ImportField(
        "unit",
        _("Unit"),
        ("unit", "unit of measure", "единица", "единица измерения", "ед изм", "бирдик", "ölçeg birligi", "birlik"),
        required=True,
    ),
    ImportField("source", _("Source"), ("source", "источник", "булак", "булагы", "çeşme", "çeşmesi"), required=True),
    ImportField("note", _("Note"), ("note", "notes", "comment", "примечание", "комментарий", "эскертүү", "bellik")),
    ImportField(
        "publication_date",
        _("Publication date"),
        (
            "publication date",
            "published",
            "дата публикации",
            "опубликовано",
            "жарыяланган күнү",
            "жарыяланган датасы",
            "çap edilen senesi",
        ),
    ),
)

# --- periods ---------------------------------------------------------------------------------

ACCEPTED_PERIODS = "2025, 2025-01, 2026-01-15, 2024-S1 (or 2024-H1), 2024-Q3, 2011-2024, 2025-01..05"

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_HALF = re.compile(r"^(\d{4})-?[HS]([12])$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_YEARS = re.compile(r"^(\d{4})\s*(?:-|–|/|\.\.)\s*(\d{4})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})\s*(?:\.\.|/)\s*(?:(\d{4})-)?(\d{2})$")

MIN_YEAR, MAX_YEAR = 1900, 2100

# Month names as tables write them (the first letters are enough): for the suggestion only.
_MONTH_NAMES = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
    "окт": 10, "ноя": 11, "дек": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12, "үчт": 1, "бир": 2, "жал": 3, "чын": 4, "бугу": 5,
    "кул": 6, "теке": 7, "баш": 8, "аяк": 9, "тог": 10, "жет": 11, "бе": 12,
}  # fmt: skip
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


class PeriodError(ValueError):
    """A period in none of the accepted forms; ``suggestion`` is the form it probably means."""

    def __init__(self, text: str, suggestion: str = "") -> None:
        super().__init__(text)
        self.text = text
        self.suggestion = suggestion


@dataclass(frozen=True)
class Period:
    code: str  # the normalised form
    start: dt.date
    end: dt.date


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(text)
    return year


def _month(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise ValueError(text)
    return month


def parse_period(text: str) -> Period:
    """A period as an official table writes it → its normalised code and the dates it spans.
    Raises :class:`PeriodError` (with a suggestion when one can be guessed)."""
    raw = " ".join(str(text).split())
    try:
        if match := _YEAR.match(raw):
            year = _year(match.group(1))
            return Period(f"{year}", dt.date(year, 1, 1), dt.date(year, 12, 31))
        if match := _MONTH.match(raw):
            year, month = _year(match.group(1)), _month(match.group(2))
            return Period(f"{year}-{month:02d}", dt.date(year, month, 1), _month_end(year, month))
        if match := _DAY.match(raw):
            day = dt.date(_year(match.group(1)), _month(match.group(2)), int(match.group(3)))
            return Period(day.isoformat(), day, day)
        if match := _HALF.match(raw):
            year, half = _year(match.group(1)), int(match.group(2))
            first = 1 if half == 1 else 7
            return Period(f"{year}-S{half}", dt.date(year, first, 1), _month_end(year, first + 5))
        if match := _QUARTER.match(raw):
            year, quarter = _year(match.group(1)), int(match.group(2))
            first = 3 * quarter - 2
            return Period(f"{year}-Q{quarter}", dt.date(year, first, 1), _month_end(year, first + 2))
        if match := _YEARS.match(raw):
            first_year, last_year = _year(match.group(1)), _year(match.group(2))
            if first_year < last_year:
                return Period(f"{first_year}/{last_year}", dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))
        if match := _MONTHS.match(raw):
            year, month = _year(match.group(1)), _month(match.group(2))
            last_year = _year(match.group(3)) if match.group(3) else year
            last_month = _month(match.group(4))
            if (year, month) < (last_year, last_month):
                return Period(
                    f"{year}-{month:02d}/{last_year}-{last_month:02d}",
                    dt.date(year, month, 1),
                    _month_end(last_year, last_month),
                )
    except ValueError:
        pass
    raise PeriodError(raw, period_suggestion(raw))


def period_suggestion(text: str) -> str:
    """The accepted form a period written otherwise probably means, or ""."""
    raw = text.strip().casefold()
    candidates: list[str] = []
    if match := re.match(r"^(\d{1,2})[./](\d{4})$", raw):  # 01.2025
        candidates.append(f"{match.group(2)}-{int(match.group(1)):02d}")
    elif match := re.match(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$", raw):  # 15.01.2026
        candidates.append(f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}")
    elif match := re.match(r"^(\d{4})[./](\d{1,2})$", raw):  # 2025/1, 2025.01
        candidates.append(f"{match.group(1)}-{int(match.group(2)):02d}")
    elif match := re.match(r"^(\d{4})-(\d)$", raw):  # 2025-1
        candidates.append(f"{match.group(1)}-0{match.group(2)}")
    elif match := re.match(r"^([^\W\d_]+)\.?\s*(\d{4})(?:\s*(?:г|г\.|года|год|ж|ж\.|жыл))?$", raw):  # янв 2025
        word = match.group(1)
        month = next((number for name, number in _MONTH_NAMES.items() if word.startswith(name)), None)
        if month is not None:
            candidates.append(f"{match.group(2)}-{month:02d}")
    elif match := re.match(r"^([1-4]|i{1,3}|iv)\s*(?:-?й\s*)?(?:кв|квартал|q|quarter|чейрек)\.?\s*(\d{4})", raw):
        quarter = _ROMAN.get(match.group(1)) or int(match.group(1))
        candidates.append(f"{match.group(2)}-Q{quarter}")
    for candidate in candidates:
        try:
            return parse_period(candidate).code
        except PeriodError:
            return ""
    return ""


# --- values and units ------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_RANGE = re.compile(r"^(-?[\d.,]+)\s*(?:-|–|—|\.\.)\s*(-?[\d.,]+)$")
_GROUPED_COMMA = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")
_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")

# Units that count people or events: never negative, and a total of them is the sum of its parts.
COUNT_UNITS = frozenset(
    header_key(unit)
    for unit in (
        "persons", "person", "people", "number", "count", "cases", "events", "thousand persons",
        "человек", "чел", "чел.", "человек (тыс.)", "тыс. человек", "тыс. чел.", "число", "количество",
        "адам", "киши", "миң адам", "adam", "sany", "müň adam",
    )
)  # fmt: skip
# Amounts of money add up as counts do (a total of remittances is the sum of its countries') but
# may be negative (a net flow).
MONEY_UNITS = frozenset(
    header_key(unit)
    for unit in ("usd", "us dollars", "million usd", "eur", "rub", "kgs", "som", "сом", "долл. сша", "млн долл. сша")
)


def unit_counts(unit: str) -> bool:
    return header_key(unit) in COUNT_UNITS


def unit_adds_up(unit: str) -> bool:
    key = header_key(unit)
    return key in COUNT_UNITS or key in MONEY_UNITS


def _number(text: str) -> Decimal:
    if _GROUPED_COMMA.match(text):
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    elif "," in text and "." in text and re.match(r"^-?\d{1,3}(\.\d{3})+,\d+$", text):  # 1.234,5
        text = text.replace(".", "").replace(",", ".")
    if not _PLAIN.match(text):
        raise ValueError(text)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None


def parse_value(text: str) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """A figure as written → (value, low, high): ``(608000, None, None)`` for ``608 000``,
    ``(None, 25, 30)`` for the range ``25-30``. ``ValueError`` when it is not a number."""
    compact = _SPACES.sub("", str(text)).replace("−", "-")
    if not compact:
        raise ValueError(text)
    try:
        return _number(compact), None, None
    except ValueError:
        pass
    if match := _RANGE.match(compact):
        low, high = _number(match.group(1)), _number(match.group(2))
        if low <= high:
            return None, low, high
    raise ValueError(text)


def _read_date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    if match := re.match(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$", text):
        return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return dt.date.fromisoformat(text)


# --- the check ------------------------------------------------------------------------------

# Geographies that are the total of a table's other rows, in the four languages.
TOTAL_WORDS = frozenset(
    header_key(word)
    for word in (
        "total", "all", "all regions", "всего", "итого", "все", "всего по республике", "итого по республике",
        "бардыгы", "баары", "жыйынтыгы", "бардык аймактар", "jemi", "jemisi", "ähli",
    )
)  # fmt: skip
_REGION_WORDS = re.compile(r"\b(region|oblast|province|область|облусу|обл|welayaty)\b")


def geography_key(name: str) -> str:
    """A geography as compared with the reference names of the country's regions: case, marks,
    «region»/«область»/«облусу» and the y/i of transliterations folded (“Chui”, “Chüy Region”
    and «Чүй облусу» → one key per script)."""
    key = _REGION_WORDS.sub(" ", header_key(name))
    return " ".join(key.replace("y", "i").split())


@dataclass
class OfficialContext:
    """What checking a table's rows needs (it pickles)."""

    country_keys: set[str] = field(default_factory=set)  # the origin country's names
    region_keys: set[str] = field(default_factory=set)  # its regions' names, in every language


def official_context(batch: Any, actor: Any) -> OfficialContext:
    from django.conf import settings

    from mekendesh.imports.registrations import COUNTRY_ALIASES
    from mekendesh.reference.models import Country, Region

    context = OfficialContext()
    country = Country.objects.filter(code=settings.ORIGIN_COUNTRY).first()
    if country is not None:
        names = [country.code, country.alpha3, country.name_en, country.name_ru, country.name_ky, country.name_tk]
        names += [country.name_tg, country.name_uz, *COUNTRY_ALIASES.get(country.code, ())]
        context.country_keys = {geography_key(name) for name in names if name}
        for region in Region.objects.filter(country=country):
            names = [region.code, region.name_en, region.name_ru, region.name_ky, region.name_tk]
            names += [region.name_tg, region.name_uz]
            context.region_keys |= {geography_key(name) for name in names if name}
    return context


# Each required column's own message: a translated sentence cannot be assembled around a column name.
MISSING_MESSAGES = {
    "indicator": gettext_noop("The indicator is missing: say which figure the row gives."),
    "geography": gettext_noop("The geography is missing: say which country, region or place the figure is for."),
    "source": gettext_noop("The source is missing: say who published the figure."),
}


def _error(column: str, written: str, message: str, /, **params: Any) -> RowError:
    return RowError(column, written, message, params)


def check_official(rows: Sequence[SourceRow], context: OfficialContext) -> list[Checked]:
    """Each row of an official table, checked on its own (the totals are checked across the whole
    table afterwards, :func:`totals_find`)."""
    checked = []
    for source_row in rows:
        values = {name: " ".join(str(value).split()) for name, value in source_row.values.items()}
        errors: list[RowError] = []
        for name, message in MISSING_MESSAGES.items():
            if not values.get(name):
                errors.append(_error(name, "", message))
        unit = values.get("unit", "")
        if not unit:
            errors.append(
                _error(
                    "unit",
                    "",
                    gettext_noop(
                        "The unit is missing (e.g. persons, percent, USD): a figure without its unit cannot be read."
                    ),
                )
            )
        period: Period | None = None
        try:
            period = parse_period(values.get("period", ""))
        except PeriodError as exc:
            if exc.suggestion:
                errors.append(
                    _error(
                        "period",
                        exc.text,
                        gettext_noop(
                            "“%(value)s” is not a period in an accepted form (%(forms)s); write %(suggestion)s."
                        ),
                        value=exc.text,
                        forms=ACCEPTED_PERIODS,
                        suggestion=exc.suggestion,
                    )
                )
            else:
                errors.append(
                    _error(
                        "period",
                        exc.text,
                        gettext_noop("“%(value)s” is not a period in an accepted form (%(forms)s)."),
                        value=exc.text,
                        forms=ACCEPTED_PERIODS,
                    )
                )
        value = low = high = None
        written = values.get("value", "")
        try:
            value, low, high = parse_value(written)
        except ValueError:
            errors.append(
                _error(
                    "value",
                    written,
                    gettext_noop("“%(value)s” is not a number (e.g. 608000, 608 000, 12.5 or a range 25-30)."),
                    value=written,
                )
            )
        else:
            smallest = value if value is not None else low
            if unit and smallest is not None and smallest < 0 and unit_counts(unit):
                errors.append(
                    _error(
                        "value",
                        written,
                        gettext_noop("%(value)s %(unit)s: a count cannot be negative."),
                        value=written,
                        unit=unit,
                    )
                )
        publication = None
        if values.get("publication_date"):
            try:
                publication = _read_date(values["publication_date"])
            except ValueError:
                errors.append(
                    _error(
                        "publication_date",
                        values["publication_date"],
                        gettext_noop("“%(value)s” is not a date (e.g. 2026-01-30 or 30.01.2026)."),
                        value=values["publication_date"],
                    )
                )
        if errors or period is None:
            checked.append(Checked(row=source_row.row, raw=source_row.raw, errors=errors))
            continue
        payload = {
            "indicator": values["indicator"][:100],
            "geography": values["geography"][:200],
            "destination": values.get("destination", "")[:200],
            "period": period.code,
            "period_start": period.start.isoformat(),
            "period_end": period.end.isoformat(),
            "value": _text(value),
            "value_low": _text(low),
            "value_high": _text(high),
            "unit": unit[:50],
            "source": values["source"][:500],
            "note": values.get("note", ""),
            "publication_date": publication.isoformat() if publication else None,
            "total": _is_total_word(values["geography"]),
            "country": geography_key(values["geography"]) in context.country_keys,
            "region": geography_key(values["geography"]) in context.region_keys,
            "raw": source_row.raw,
        }
        checked.append(Checked(row=source_row.row, raw=source_row.raw, payload=payload))
    return checked


def _text(number: Decimal | None) -> str | None:
    return None if number is None else str(number)


def _is_total_word(geography: str) -> bool:
    return header_key(geography) in TOTAL_WORDS


# --- totals across the table -----------------------------------------------------------------


@dataclass(frozen=True)
class TotalProblem:
    row: int
    value: str
    parts_rows: tuple[int, ...]
    parts_sum: Decimal
    total: Decimal


def totals_problems(figures: Iterable[tuple[int, dict[str, Any]]]) -> list[TotalProblem]:
    """The totals of a table whose parts add up to more than they do.

    The rule: rows of one indicator, period, source, unit and destination form a group. A row of
    the group is its **total** when its geography is a total word (Total, Всего, Итого, Бардыгы,
    Jemi …), or when it is the country of origin itself and every other row of the group is one of
    the country's regions (from the reference data). The other rows are its **parts**. When the
    unit adds up (counts of people or events, amounts of money — not percentages, shares or
    rates) and the parts, each at its value (or the low end of its range), sum to more than the
    total (or the high end of its range), the total's row is refused. Parts summing to less is
    allowed: a table need not list every part (those "not stated", say). Figures are compared
    exactly, as written: a table rounded part by part should round its total the same way.
    """
    groups: dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for row, payload in figures:
        key = (payload["indicator"], payload["period"], payload["source"], payload["unit"], payload["destination"])
        groups[key].append((row, payload))
    problems = []
    for members in groups.values():
        if len(members) < 2 or not unit_adds_up(members[0][1]["unit"]):
            continue
        totals = [(row, item) for row, item in members if item["total"]]
        if not totals:
            countries = [(row, item) for row, item in members if item["country"]]
            others = [item for _row, item in members if not item["country"]]
            if len(countries) == 1 and others and all(item["region"] for item in others):
                totals = countries
        for total_row, total in totals:
            parts = [(row, item) for row, item in members if row != total_row and (row, item) not in totals]
            if not parts:
                continue
            top = Decimal(total["value"] if total["value"] is not None else total["value_high"])
            parts_sum = sum(
                (Decimal(item["value"] if item["value"] is not None else item["value_low"]) for _r, item in parts),
                Decimal(0),
            )
            if parts_sum > top:
                problems.append(
                    TotalProblem(
                        row=total_row,
                        value=total["value"] or f"{total['value_low']}-{total['value_high']}",
                        parts_rows=tuple(row for row, _item in parts),
                        parts_sum=parts_sum,
                        total=top,
                    )
                )
    return problems


def figure_key(payload: dict[str, Any]) -> tuple[str, ...]:
    """What makes a figure one figure: its indicator, geography, destination, period and source
    (the period normalised, the words compared without case)."""
    return (
        payload["indicator"].casefold(),
        payload["geography"].casefold(),
        payload["destination"].casefold(),
        payload["period"],
        payload["source"].casefold(),
    )


def repeated_figures(figures: Iterable[tuple[int, dict[str, Any]]]) -> list[tuple[int, int, dict[str, Any]]]:
    """The rows that give a figure an earlier row of the same file gives already, as (row, the
    earlier row, its payload): one source cannot give one figure twice in one table."""
    first: dict[tuple[str, ...], int] = {}
    repeated = []
    for row, payload in figures:
        key = figure_key(payload)
        if key in first:
            repeated.append((row, first[key], payload))
        else:
            first[key] = row
    return repeated


def figure_named(payload: dict[str, Any]) -> str:
    """A figure as a row error names it: indicator, geography (→ destination), period, source."""
    place = payload["geography"]
    if payload["destination"]:
        place = f"{place} → {payload['destination']}"
    return ", ".join((payload["indicator"], place, payload["period"], payload["source"]))


def totals_find(batch: Any) -> None:
    """After every row is checked: refuse the rows that repeat the figure of an earlier row (the
    same indicator, geography, destination, period and source), then the totals that do not add
    up (their rows become bad rows of the error report, naming the rows of their parts)."""
    from mekendesh.imports.models import ImportRowError, StagedRow, StagedStatus

    staged = StagedRow.objects.filter(batch=batch, status=StagedStatus.VALID).order_by("row")
    figures = [(row, payload) for row, payload in staged.values_list("row", "payload")]
    repeated = repeated_figures(figures)
    if repeated:
        raw_of = {row: payload.get("raw", []) for row, payload in figures}
        for row, _first, _payload in repeated:
            StagedRow.objects.filter(batch=batch, row=row).update(
                status=StagedStatus.INVALID, payload={}, raw=raw_of.get(row, [])
            )
        ImportRowError.objects.bulk_create(
            [
                ImportRowError(
                    batch=batch,
                    row=row,
                    column="source",
                    value=payload["source"][:200],
                    message=gettext_noop(
                        "Row %(row)s repeats row %(first)s: the same figure (%(figure)s) is given twice by the same "
                        "source. Keep one of the two rows."
                    ),
                    params={"row": row, "first": first, "figure": figure_named(payload)},
                )
                for row, first, payload in repeated
            ]
        )
        gone = {row for row, _first, _payload in repeated}
        figures = [(row, payload) for row, payload in figures if row not in gone]
    problems = totals_problems(figures)
    if not problems:
        return
    raw_of = {row: payload.get("raw", []) for row, payload in figures}
    errors = []
    for problem in problems:
        StagedRow.objects.filter(batch=batch, row=problem.row).update(
            status=StagedStatus.INVALID, payload={}, raw=raw_of.get(problem.row, [])
        )
        errors.append(
            ImportRowError(
                batch=batch,
                row=problem.row,
                column="value",
                value=problem.value[:200],
                message=gettext_noop(
                    "The total does not add up: its parts (rows %(rows)s) sum to %(parts)s, more than the "
                    "total %(total)s."
                ),
                params={
                    "rows": ", ".join(str(row) for row in problem.parts_rows),
                    "parts": _plain(problem.parts_sum),
                    "total": _plain(problem.total),
                },
            )
        )
    ImportRowError.objects.bulk_create(errors)


def _plain(number: Decimal) -> str:
    """A number as a statistician writes it: 651 000, 12.5."""
    text = f"{number.normalize():f}"
    whole, _sep, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}".replace(",", " ")
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"


# --- promotion ------------------------------------------------------------------------------


def promote_official(batch: Any, actor: Any, rows: Iterator[Any]) -> int:
    """Store a checked table as one data set with its figures and its audit row (inside the
    pipeline's one transaction). A table with bad rows is never stored in part."""
    from mekendesh.audit.models import AuditEvent
    from mekendesh.audit.services import audit_record
    from mekendesh.statistics.models import DataSet, DataSetKind, OfficialFigure

    if batch.invalid or batch.duplicates_in_file:
        from mekendesh.imports.services import ImportRefused

        raise ImportRefused(gettext_noop("An official table is imported whole: correct its bad rows first."))
    figures = [(row, payload) for row, payload in rows]
    sources = sorted({payload["source"] for _row, payload in figures})
    units = sorted({payload["unit"] for _row, payload in figures})
    published = sorted({payload["publication_date"] for _row, payload in figures if payload["publication_date"]})
    dataset = DataSet.objects.create(
        kind=DataSetKind.OFFICIAL,
        title=f"{batch.source.name}: {batch.original_name}"[:300],
        source=sources[0][:500] if len(sources) == 1 else "",
        unit=units[0] if len(units) == 1 else "",
        publication_date=published[-1] if published else None,
        batch=batch,
        created_by=actor,
    )
    OfficialFigure.objects.bulk_create(
        [
            OfficialFigure(
                dataset=dataset,
                row=row,
                indicator=payload["indicator"],
                geography=payload["geography"],
                destination=payload["destination"],
                period=payload["period"],
                period_start=payload["period_start"],
                period_end=payload["period_end"],
                value=payload["value"],
                value_low=payload["value_low"],
                value_high=payload["value_high"],
                unit=payload["unit"],
                source=payload["source"],
                note=payload["note"],
                publication_date=payload["publication_date"],
            )
            for row, payload in figures
        ],
        batch_size=1000,
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=dataset, fields=["kind", "title", "figures"])
    return len(figures)


def official_summary(batch: Any) -> list[str]:
    """Lines for the import's summary: each figure given by two sources or more, with the sources
    and their values (nothing picks one)."""
    from django.utils.translation import gettext

    from mekendesh.statistics.models import DataSet

    dataset = DataSet.objects.filter(batch=batch).first()
    if dataset is None:
        return []
    return [
        gettext("Two sources for one figure: %(figure)s — %(values)s.")
        % {"figure": item.label, "values": "; ".join(f"{source}: {value}" for source, value in item.values)}
        for item in sources_disagreeing(dataset.figures.all())
    ]


OFFICIAL_TABLES = ImportTarget(
    name=TARGET,
    label=_("Official table of migration figures"),
    permission="import.official_table",
    fields=FIELDS,
    context=official_context,
    check=check_official,
    promote=promote_official,
    find_registered=totals_find,
    whole_file=True,
    summary=official_summary,
)

# --- reading ---------------------------------------------------------------------------------


def figure_value_text(figure: Any) -> str:
    """A figure's value as the tables write it: 608 000, 12.5, 25–30."""
    if figure.value is not None:
        return _plain(figure.value)
    if figure.value_low is not None and figure.value_high is not None:
        return f"{_plain(figure.value_low)}–{_plain(figure.value_high)}"
    return ""


@dataclass
class SourcesCompared:
    """One figure (indicator, geography, destination, period) with every source's value."""

    indicator: str
    geography: str
    destination: str
    period: str
    unit: str
    values: list[tuple[str, str]]  # (source, value as written), in the order of the sources
    figures: list[Any]

    @property
    def label(self) -> str:
        where = f"{self.geography} → {self.destination}" if self.destination else self.geography
        return f"{self.indicator}, {where}, {self.period}"

    @property
    def disagree(self) -> bool:
        return len({source for source, _value in self.values}) > 1


def sources_compared(figures: Iterable[Any]) -> list[SourcesCompared]:
    """For each (indicator, geography, destination, period): every source's value side by side."""
    grouped: dict[tuple[str, str, str, str], list[Any]] = defaultdict(list)
    for figure in figures:
        grouped[(figure.indicator, figure.geography, figure.destination, figure.period)].append(figure)
    compared = []
    for (indicator, geography, destination, period), members in grouped.items():
        members.sort(key=lambda figure: (figure.source, figure.dataset_id, figure.row))
        compared.append(
            SourcesCompared(
                indicator=indicator,
                geography=geography,
                destination=destination,
                period=period,
                unit=", ".join(sorted({figure.unit for figure in members})),
                values=[(figure.source, figure_value_text(figure)) for figure in members],
                figures=members,
            )
        )
    compared.sort(key=lambda item: (item.indicator, item.geography, item.destination, item.figures[0].period_start))
    return compared


def sources_disagreeing(figures: Iterable[Any]) -> list[SourcesCompared]:
    """The figures given by two sources or more (both kept, none chosen)."""
    return [item for item in sources_compared(figures) if item.disagree]


def official_datasets() -> Any:
    from mekendesh.statistics.models import DataSet, DataSetKind

    return DataSet.objects.filter(kind=DataSetKind.OFFICIAL).select_related("created_by")


def dataset_figures(dataset: Any) -> Any:
    """The figures of one official data set, in the table's order."""
    return dataset.figures.order_by("row")


def official_comparison(*, indicator: str | None = None) -> list[SourcesCompared]:
    """Every official figure across every official data set, each (indicator, geography,
    destination, period) with the value of every source side by side."""
    from mekendesh.statistics.models import DataSetKind, OfficialFigure

    figures = OfficialFigure.objects.filter(dataset__kind=DataSetKind.OFFICIAL)
    if indicator:
        figures = figures.filter(indicator=indicator)
    return sources_compared(figures)


@dataclass
class MigrationMatrix:
    """An origin × destination table: ``values[(origin, destination)]`` as written."""

    indicator: str
    period: str
    source: str
    unit: str
    origins: list[str]
    destinations: list[str]
    values: dict[tuple[str, str], Decimal | None]

    def rows(self) -> list[tuple[str, list[Decimal | None]]]:
        return [(origin, [self.values.get((origin, to)) for to in self.destinations]) for origin in self.origins]


def migration_matrices(dataset: Any) -> list[MigrationMatrix]:
    """The internal-migration matrices of a data set: one per indicator, period and source of
    its rows that name a destination; origins and destinations in the order the table gives them."""
    grouped: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for figure in dataset_figures(dataset).exclude(destination=""):
        grouped[(figure.indicator, figure.period, figure.source)].append(figure)
    matrices = []
    for (indicator, period, source), members in grouped.items():
        origins = list(dict.fromkeys(figure.geography for figure in members))
        destinations = list(dict.fromkeys(figure.destination for figure in members))
        matrices.append(
            MigrationMatrix(
                indicator=indicator,
                period=period,
                source=source,
                unit=", ".join(sorted({figure.unit for figure in members})),
                origins=origins,
                destinations=destinations,
                values={(figure.geography, figure.destination): figure.value for figure in members},
            )
        )
    return matrices


def _json_number(number: Decimal | None) -> int | float | None:
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def release_cells(dataset: Any, indicator: str) -> dict[str, Any]:
    """What a published table of one indicator of an official data set needs (method ``none``:
    these figures are public already).

    * ``dimensions``: ``["geography", "period", "source"]``, with ``"destination"`` after the
      geography when the table has one;
    * ``cells``: one per figure, ``{"cell": {dimension: code}, "value": number, "obs_status": "A",
      "conf_status": "F"}``, the value a JSON number (an integer when whole). A **range** (25–30)
      has ``"value": None`` and its ends as numbers in ``"range": [25, 30]``, with
      ``"note": "25–30"``, so that nothing reads a number where the table gives none;
    * ``labels``: each dimension's codes named in every interface language (the table's own
      words: official tables come in one language);
    * ``totals``: ``{"geography": code}`` when the table has a total row (Total, Всего …);
    * ``unit`` and ``source``: the unit, and the sources joined with "; ".

    ``ValueError`` when the data set has no such indicator, or gives it in two units.
    """
    from django.conf import settings

    figures = list(dataset_figures(dataset).filter(indicator=indicator))
    if not figures:
        raise ValueError(f"the data set has no figures of {indicator!r}")
    units = sorted({figure.unit for figure in figures})
    if len(units) > 1:
        raise ValueError(f"{indicator!r} is given in more than one unit: {', '.join(units)}")
    with_destination = any(figure.destination for figure in figures)
    dimensions = ["geography", *(["destination"] if with_destination else []), "period", "source"]
    languages = [code for code, _name in settings.LANGUAGES]
    cells = []
    labels: dict[str, dict[str, dict[str, str]]] = {name: {} for name in dimensions}
    totals: dict[str, str] = {}
    for figure in sorted(figures, key=lambda item: (item.period_start, item.geography, item.destination, item.source)):
        cell = {name: getattr(figure, name) for name in dimensions}
        for name, code in cell.items():
            labels[name].setdefault(code, dict.fromkeys(languages, code))
        item: dict[str, Any] = {
            "cell": cell,
            "value": _json_number(figure.value),
            "obs_status": "A",
            "conf_status": "F",
        }
        if figure.value is None and figure.value_low is not None:
            item["range"] = [_json_number(figure.value_low), _json_number(figure.value_high)]
            item["note"] = figure_value_text(figure)
        cells.append(item)
        if _is_total_word(figure.geography):
            totals["geography"] = figure.geography
    return {
        "dimensions": dimensions,
        "cells": cells,
        "labels": labels,
        "totals": totals,
        "unit": units[0],
        "source": "; ".join(dict.fromkeys(figure.source for figure in sorted(figures, key=lambda f: f.row))),
    }


# --- the shipped table ------------------------------------------------------------------------

DEMO_FILE = Path(__file__).resolve().parent / "data" / "kg-migration-figures.csv"
DEMO_SOURCE = "Published migration figures (Kyrgyzstan)"


def official_demo_import(*, actor: Any) -> Any:
    """Import the shipped table of published figures (``data/kg-migration-figures.csv``) as
    ``actor`` through the pipeline, jobs run here; returns its data set (the one already there
    when the file was imported before)."""
    from mekendesh.imports.models import BatchStatus, ImportMode
    from mekendesh.imports.services import import_check_start, import_promote_start, import_upload
    from mekendesh.statistics.models import DataSet

    with DEMO_FILE.open("rb") as upload:
        result = import_upload(actor=actor, target=TARGET, source=DEMO_SOURCE, upload=upload, name=DEMO_FILE.name)
    batch = result.batch
    if batch.status == BatchStatus.UPLOADED:
        import_check_start(actor=actor, batch=batch, listeners=[])
        batch.refresh_from_db()
    if batch.status == BatchStatus.VALIDATED:
        import_promote_start(actor=actor, batch=batch, mode=ImportMode.ALL_OR_NOTHING, listeners=[])
        batch.refresh_from_db()
    return DataSet.objects.filter(batch=batch).first()
