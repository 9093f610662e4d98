"""Job kinds and schedules, declared in code by the modules that own them.

A module declares its kinds in a ``jobs.py`` of its own (found at start-up, like ``admin.py``)::

    from mekendesh.jobs.registry import job_kind, schedule_register

    @job_kind("audit.verify", label=_("Audit trail check"), permission="audit.verify", resumable=True)
    def audit_verify(job: JobContext) -> None:
        ...

    schedule_register("audit.verify.nightly", "audit.verify", every=timedelta(days=1), at=time(3, 0))
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

from mekendesh.accounts.permissions import ACTIONS, can, register_actions

if TYPE_CHECKING:
    from mekendesh.jobs.context import JobContext

ADMINISTRATOR = "administrator"
DEFAULT_MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str | Promise
    run: Callable[[JobContext], None]
    # The name of the action in the permission table (accounts.permissions): ``roles`` declares
    # it there when no module did; who may start the kind is ``can(user, permission)``.
    permission: str
    roles: frozenset[str]
    # A resumable kind reads ``job.resume_from`` and goes on from its last checkpoint after an
    # interruption; any other kind is marked failed when its worker stops mid-job.
    resumable: bool = False
    max_attempts: int = DEFAULT_MAX_ATTEMPTS

    def may_start(self, user: Any) -> bool:
        return can(user, self.permission)


_KINDS: dict[str, JobKind] = {}


def job_kind(
    name: str,
    *,
    label: str | Promise,
    permission: str,
    roles: Iterable[str] = (ADMINISTRATOR,),
    resumable: bool = False,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> Callable[[Callable[[JobContext], None]], Callable[[JobContext], None]]:
    """Declare a job kind: ``run(job)`` does the work and reports through ``job``."""

    def register(run: Callable[[JobContext], None]) -> Callable[[JobContext], None]:
        existing = _KINDS.get(name)
        if existing is not None and existing.run is not run and _qualname(existing.run) != _qualname(run):
            raise ValueError(f"job kind {name!r} is declared twice")
        _KINDS[name] = JobKind(
            name=name,
            label=label,
            run=run,
            permission=permission,
            roles=frozenset(roles),
            resumable=resumable,
            max_attempts=max_attempts,
        )
        if permission not in ACTIONS:
            register_actions({permission: _KINDS[name].roles})
        return run

    return register


def _qualname(function: Callable[..., Any]) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def kind_get(name: str) -> JobKind:
    """The kind of that name; ``KeyError`` if no module declares it."""
    return _KINDS[name]


def kinds_all() -> list[JobKind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.name)


@dataclass(frozen=True)
class Schedule:
    """Start ``kind`` every ``every``; with ``at``, the runs fall at that local time of day (for
    whole days: on the wall clock, so a nightly run stays at 03:00 whatever the offset)."""

    name: str
    kind: str
    every: dt.timedelta
    at: dt.time | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def due_at(self, now: dt.datetime) -> dt.datetime:
        """The latest time this schedule fell due at or before ``now``."""
        zone = timezone.get_current_timezone()
        at = self.at or dt.time(0, 0)
        if self.every % dt.timedelta(days=1) == dt.timedelta(0):
            days = self.every.days
            local = timezone.localtime(now, zone)
            epoch = dt.date(2000, 1, 3)  # a Monday: weekly schedules fall on Mondays
            day = local.date()
            if local.time() < at:
                day -= dt.timedelta(days=1)
            day -= dt.timedelta(days=(day - epoch).days % days)
            return dt.datetime.combine(day, at, tzinfo=zone)
        # Shorter intervals count from today's ``at`` (midnight by default) on the local clock, in
        # UTC arithmetic (an aware datetime plus a timedelta would add wall-clock time).
        local = timezone.localtime(now, zone)
        anchor = dt.datetime.combine(local.date(), at, tzinfo=zone).astimezone(dt.UTC)
        return anchor + ((now - anchor) // self.every) * self.every


_SCHEDULES: dict[str, Schedule] = {}


def schedule_register(
    name: str, kind: str, *, every: dt.timedelta, at: dt.time | None = None, params: dict[str, Any] | None = None
) -> Schedule:
    """Declare a periodic job: ``mekendesh scheduler`` starts ``kind`` with ``params`` when due."""
    if every <= dt.timedelta(0):
        raise ValueError("a schedule needs a positive interval")
    schedule = Schedule(name=name, kind=kind, every=every, at=at, params=dict(params or {}))
    _SCHEDULES[name] = schedule
    return schedule


def schedule_unregister(name: str) -> None:
    _SCHEDULES.pop(name, None)


def schedules_all() -> list[Schedule]:
    return sorted(_SCHEDULES.values(), key=lambda schedule: schedule.name)


def kinds_discover() -> None:
    """Import every installed app's ``jobs`` module and the modules named in ``JOB_MODULES``."""
    autodiscover_modules("jobs")
    for module in getattr(settings, "JOB_MODULES", []):
        importlib.import_module(module)
