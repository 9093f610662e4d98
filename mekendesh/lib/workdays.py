"""PROVISIONAL: replaced by the notifications branch's module at merge."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

import holidays


class WorkCalendar:
    def __init__(self, countries: Sequence[str]) -> None:
        self.countries = tuple(sorted({c.upper() for c in countries}))
        self._cals = [holidays.country_holidays(c) for c in self.countries]

    def is_working_day(self, day: dt.date) -> bool:
        return all(day.weekday() not in cal.weekend and day not in cal for cal in self._cals)

    def day_off_reason(self, day: dt.date) -> str | None:
        return None if self.is_working_day(day) else "off"

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        step = 1 if days >= 0 else -1
        day = start
        left = abs(days)
        while left:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                left -= 1
        return day if days else self.next_working_day(start)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def add_calendar_days(self, start: dt.date, days: int) -> dt.date:
        return self.next_working_day(start + dt.timedelta(days=days))


@functools.cache
def _cached(countries: tuple[str, ...]) -> WorkCalendar:
    return WorkCalendar(countries)


def work_calendar(*countries: str) -> WorkCalendar:
    return _cached(tuple(sorted({c.upper() for c in countries})))
