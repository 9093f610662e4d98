"""Deadlines of case steps, in the working days of the party that acts, and how near they are.

A step whose deadline is a host-country term (``Deadline(rule=...)``) takes it from the rules of
stay the guidance module keeps (:func:`step_deadline`): the rule of the case's host country for
citizens of the country of origin, in force on the day the step began, in calendar days; the
workflow's number where no rule is known.

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

from mekendesh.cases.models import CaseEvent, Party
from mekendesh.cases.workflows import Deadline, Step, kind_of
from mekendesh.guidance.models import Rule
from mekendesh.guidance.rules import rule_in_force
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


@dataclass(frozen=True)
class StepDeadline:
    """A step's due date, and the host-country rule of stay that set it (``None``: the number of
    the case type's workflow)."""

    due_date: dt.date | None
    rule: Rule | None = None


def deadline_rule(case: Any, deadline: Deadline | None, *, on: dt.date) -> Rule | None:
    """The rule of stay that sets ``deadline`` for the case: of the deadline's kind, for citizens
    of the country of origin in the case's host country, in force on ``on``; ``None`` when the
    deadline names no rule, the case has no host country or no such rule is known."""
    if deadline is None or not deadline.rule or not case.host_country_id:
        return None
    return rule_in_force(settings.ORIGIN_COUNTRY, case.host_country_id, deadline.rule, on=on)


def step_deadline(case: Any, step: Step, *, start: dt.date) -> StepDeadline:
    """The deadline of ``step`` begun on ``start``: the host country's rule where the step's
    deadline names one and it is known (its days counted in calendar days, moved off a day off
    of the acting party), else the workflow's own number."""
    calendar = calendar_for(step.party, host_country=case.host_country_id)
    rule = deadline_rule(case, step.deadline, on=start)
    if rule is not None:
        return StepDeadline(calendar.add_calendar_days(start, rule.value), rule)
    return StepDeadline(due_date_for(step.deadline, start=start, calendar=calendar))


def step_due_date(case: Any, step: Step, *, start: dt.date) -> dt.date | None:
    return step_deadline(case, step, start=start).due_date


def step_start(case: Any) -> dt.date:
    """The day the case's current step began (in the site's time zone)."""
    return timezone.localdate(case.step_started_at)


def case_deadline_rule(case: Any) -> Rule | None:
    """The rule of stay that sets the current step's deadline, if one does."""
    if case.is_finished:
        return None
    return deadline_rule(case, kind_of(case).step(case.status).deadline, on=step_start(case))


def _working_days_paused(case: Any) -> int:
    """The working days the current step was paused and resumed (each resume moved the deadline
    on by them, :func:`resumed_due_date`); a pause still running is not counted yet."""
    calendar = case_calendar(case)
    paused = 0
    for event in case.events.filter(kind=CaseEvent.Kind.RESUMED, at__gte=case.step_started_at):
        since = (event.details or {}).get("paused_since")
        if since:
            paused += max(calendar.working_days_between(dt.date.fromisoformat(since), timezone.localdate(event.at)), 0)
    return paused


def current_deadline(case: Any) -> StepDeadline:
    """The current step's deadline as the rules give it now: counted again from the step's start
    with the rule in force that day (or the workflow's number), moved on by the working days the
    step was paused. What a changed rule makes of an open case's deadline."""
    if case.is_finished:
        return StepDeadline(None)
    found = step_deadline(case, kind_of(case).step(case.status), start=step_start(case))
    paused = _working_days_paused(case) if found.due_date is not None else 0
    if paused and found.due_date is not None:
        return StepDeadline(case_calendar(case).add_working_days(found.due_date, paused), found.rule)
    return found


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
