"""Working days of offices that keep the public holidays of one or more countries.

A deadline of an assistance case is counted in working days of the consulate that runs it, and a
consulate in Moscow rests on the days off of Kyrgyzstan *and* of Russia. A :class:`WorkCalendar`
joins the calendars of the countries named: a day is a working day only when it is one in every
country.

The holidays come from the `holidays` package, each country with its own rules:

- its weekend (Saturday and Sunday in Kyrgyzstan and Russia; Friday and Saturday in Saudi Arabia;
  in the United Arab Emirates Friday and Saturday until 2021, then Saturday and Sunday);
- its public holidays (the package's ``PUBLIC`` category) for any year asked, loaded when a date
  of that year is first asked about; the package's ``WORKDAY`` category (remembrance days that are
  worked, such as Kyrgyzstan's 7 April since 2025) is left out because those days are worked;
- the days off moved by government decree and the weekend days worked instead (Russia's
  «перенос выходных», Kyrgyzstan's «которулган эс алуу күндөрү»), as far as the package knows
  them. A decree for next year usually comes out in the autumn: a newer release of `holidays`
  brings it, so the package is kept up to date.

Beyond the years a country's data covers (from 1992 for Kyrgyzstan, 1991 for Russia) only its
weekend counts. The module imports no Django; holiday names come in the language asked for where
the package has it, else in the country's own.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from functools import lru_cache

import holidays
from holidays.constants import PUBLIC
from holidays.holiday_base import HolidayBase

WEEKEND = "weekend"
"""What :meth:`WorkCalendar.day_off_reason` answers for a day off that is no holiday."""

# No country rests this long in a row; a search for a working day that goes further is a mistake
# in the data, and stops instead of running on.
_LONGEST_REST = 60
_ONE_DAY = dt.timedelta(days=1)


def _checked_code(code: str) -> str:
    if not isinstance(code, str):
        raise TypeError(f"a country is named by its ISO 3166-1 alpha-2 code, not {code!r}")
    normalised = code.strip().upper()
    if len(normalised) != 2 or not normalised.isalpha():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (two letters, such as KG or RU)")
    if normalised not in holidays.list_supported_countries(include_aliases=False):
        raise ValueError(f"the public holidays of {normalised!r} are not known (not an ISO 3166-1 alpha-2 code?)")
    return normalised


def _country_calendar(code: str, language: str) -> HolidayBase:
    """The country's public holidays, named in ``language`` (``"ru"``, ``"ky"``, ``"en"`` …) or in
    the nearest language the package has for the country (``ru_KG`` for ``ru`` in Kyrgyzstan),
    else in English or the country's own. Never left to the package's guess from the process's
    locale, which differs between a terminal and a worker."""
    probe = holidays.country_holidays(code, years=(), language="en_US")
    supported = probe.supported_languages
    chosen = next(
        (
            candidate
            for candidate in (
                language,
                *(name for name in supported if name.split("_")[0] == language.split("_")[0]),
                "en_US",
            )
            if candidate in supported
        ),
        "en_US",
    )
    return holidays.country_holidays(code, language=chosen, categories=(PUBLIC,))


class WorkCalendar:
    """Days off = the weekend days and public holidays of every country named (a consulate in
    Moscow rests on Kyrgyz and Russian holidays).

    ``countries`` are ISO 3166-1 alpha-2 codes (``("KG", "RU")``), kept sorted and without
    repeats in :attr:`countries`; an unknown code raises ``ValueError``. Safe to share between
    threads (:func:`work_calendar` keeps one per set of countries)."""

    def __init__(self, countries: Sequence[str], *, language: str = "en") -> None:
        if isinstance(countries, str):
            countries = (countries,)
        codes = sorted({_checked_code(code) for code in countries})
        if not codes:
            raise ValueError("a work calendar needs at least one country")
        self.countries: tuple[str, ...] = tuple(codes)
        self.language = language
        self._calendars = tuple(_country_calendar(code, language) for code in codes)
        self._years: set[int] = set()
        self._loading = threading.Lock()

    def __repr__(self) -> str:
        return f"WorkCalendar({self.countries!r})"

    def _load(self, year: int) -> None:
        """Compute the year's holidays of every country once (the package fills a year in when a
        date of it is first looked up; two threads must not fill the same one at once)."""
        if year in self._years:
            return
        with self._loading:
            if year not in self._years:
                for calendar in self._calendars:
                    calendar.get(dt.date(year, 1, 1))
                self._years.add(year)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether every country works on ``day``."""
        self._load(day.year)
        return all(calendar.is_working_day(day) for calendar in self._calendars)

    def day_off_reason(self, day: dt.date) -> str | None:
        """Why ``day`` is a day off: the names of its holidays, ``"; "``-joined (in the order of
        :attr:`countries`), or ``"weekend"``; ``None`` on a working day."""
        self._load(day.year)
        names: list[str] = []
        weekend = False
        for calendar in self._calendars:
            if calendar.is_working_day(day):
                continue
            found = calendar.get_list(day)
            if found:
                names.extend(name for name in found if name not in names)
            else:
                weekend = True
        if names:
            return "; ".join(names)
        return WEEKEND if weekend else None

    def _nearest_working_day(self, day: dt.date, step: dt.timedelta) -> dt.date:
        for _ in range(_LONGEST_REST):
            if self.is_working_day(day):
                return day
            day += step
        raise RuntimeError(f"no working day within {_LONGEST_REST} days of {day} in {', '.join(self.countries)}")

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the first working day after it."""
        return self._nearest_working_day(day, _ONE_DAY)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the last working day before it."""
        return self._nearest_working_day(day, -_ONE_DAY)

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted), or
        before it when ``days`` is negative. The answer is always a working day: ``days == 0``
        gives :meth:`next_working_day` of ``start`` (a deadline of "0 working days" set on a
        Saturday falls on Monday). For any other ``days``,
        ``working_days_between(start, add_working_days(start, days)) == days``."""
        if days == 0:
            return self.next_working_day(start)
        step = _ONE_DAY if days > 0 else -_ONE_DAY
        day, remaining = start, abs(days)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The working days passed on the way from ``start`` to ``end``, ``start`` not counted
        and ``end`` counted: those in (start, end] when ``end`` is later, and minus those in
        [end, start) when it is earlier. So a deadline on Friday seen on the Saturday after it is
        ``-1`` (one working day late), and on the Thursday before it ``1``."""
        if end >= start:
            return sum(self.is_working_day(start + n * _ONE_DAY) for n in range(1, (end - start).days + 1))
        return -sum(self.is_working_day(end + n * _ONE_DAY) for n in range((start - end).days))

    def add_calendar_days(self, start: dt.date, days: int) -> dt.date:
        """``start + days``, moved to the next working day when that is a day off: a term counted
        in calendar days that ends on a day off ends on the next working day (Russia's Civil Code,
        art. 193; Kyrgyzstan's Civil Code has the same rule). A negative ``days`` (a term counted back) is
        moved to the previous working day instead, so that it never ends later than counted."""
        day = start + dt.timedelta(days=days)
        return self.previous_working_day(day) if days < 0 else self.next_working_day(day)

    def days_off(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        """The days off in [start, end], each with its :meth:`day_off_reason`."""
        found = []
        for n in range((end - start).days + 1):
            day = start + n * _ONE_DAY
            reason = self.day_off_reason(day)
            if reason is not None:
                found.append((day, reason))
        return found


@lru_cache(maxsize=64)
def _cached(countries: tuple[str, ...], language: str) -> WorkCalendar:
    return WorkCalendar(countries, language=language)


def work_calendar(*countries: str, language: str = "en") -> WorkCalendar:
    """The shared calendar of these countries (one per set of countries and language, whatever
    the order or case the codes are given in)."""
    codes = tuple(sorted({_checked_code(code) for code in countries}))
    if not codes:
        raise ValueError("a work calendar needs at least one country")
    return _cached(codes, language)
