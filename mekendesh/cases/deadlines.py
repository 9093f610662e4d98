"""Deadlines of case steps, in the working days of the party that acts, and how near they are.

A consulate rests on the public holidays of the country of origin and of its host country; the
ministry on those of the country of origin; a host authority, and a person living there, on the
host country's. The calendars come from :mod:`mekendesh.lib.workdays` (the ``holidays`` package).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendesh.cases.models import Party
from mekendesh.cases.workflows import Deadline, Step, kind_of
from mekendesh.lib.workdays import WorkCalendar, work_calendar


def calendar_for(party: str, *, host_country: str | None) -> WorkCalendar:
    origin = settings.ORIGIN_COUNTRY
    if party == Party.CONSULATE and host_country:
        return work_calendar(origin, host_country)
    if party in (Party.HOST_AUTHORITY, Party.PERSON) and host_country:
        return work_calendar(host_country)
    return work_calendar(origin)


def case_calendar(case: Any, party: str | None = None) -> WorkCalendar:
    return calendar_for(party or kind_of(case).step(case.status).party, host_country=case.host_country_id)


def due_date_for(deadline: Deadline | None, *, start: dt.date, calendar: WorkCalendar) -> dt.date | None:
    if deadline is None:
        return None
    if deadline.working:
        return calendar.add_working_days(start, deadline.days)
    return calendar.add_calendar_days(start, deadline.days)


def step_due_date(case: Any, step: Step, *, start: dt.date) -> dt.date | None:
    return due_date_for(
        step.deadline, start=start, calendar=calendar_for(step.party, host_country=case.host_country_id)
    )


class Urgency:
    """The colour of a case in the lists: past its deadline (red), near it (amber), in time
    (green), paused, or with no deadline (none, also a finished case)."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    PAUSED = "paused"
    NONE = "none"

    LABELS = {
        RED: _("past its deadline"),
        AMBER: _("deadline near"),
        GREEN: _("in time"),
        PAUSED: _("paused"),
        NONE: _("no deadline"),
    }
    ORDER = {RED: 0, AMBER: 1, GREEN: 2, PAUSED: 3, NONE: 4}


@dataclass(frozen=True)
class CaseClock:
    urgency: str
    due_date: dt.date | None
    # Working days left until the due date (negative: how many past it), in the party's calendar.
    working_days_left: int | None

    @property
    def label(self) -> Any:
        return Urgency.LABELS[self.urgency]

    @property
    def days_late(self) -> int:
        return max(-(self.working_days_left or 0), 0)


def case_clock(case: Any, *, today: dt.date | None = None) -> CaseClock:
    today = today or timezone.localdate()
    if case.is_finished or case.due_date is None:
        return CaseClock(Urgency.NONE, None, None)
    calendar = case_calendar(case)
    left = calendar.working_days_between(today, case.due_date)
    if case.paused_since is not None:
        return CaseClock(Urgency.PAUSED, case.due_date, left)
    if today > case.due_date:
        return CaseClock(Urgency.RED, case.due_date, left)
    if left <= settings.CASE_AMBER_WORKING_DAYS:
        return CaseClock(Urgency.AMBER, case.due_date, left)
    return CaseClock(Urgency.GREEN, case.due_date, left)


def resumed_due_date(case: Any, *, today: dt.date) -> dt.date | None:
    """The due date after a pause: moved on by the working days the case was paused."""
    if case.due_date is None or case.paused_since is None:
        return case.due_date
    calendar = case_calendar(case)
    paused = max(calendar.working_days_between(case.paused_since, today), 0)
    return calendar.add_working_days(case.due_date, paused) if paused else case.due_date
