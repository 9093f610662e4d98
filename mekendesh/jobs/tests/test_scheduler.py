"""Periodic jobs: when a schedule falls due, and that a due run starts once however many
schedulers tick at the same moment."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from django.db import connection

from mekendesh.jobs.models import Job, ScheduledRun
from mekendesh.jobs.registry import Schedule, schedule_register, schedule_unregister
from mekendesh.jobs.scheduler import schedule_run_if_due, scheduler_tick

BISHKEK = dt.timezone(dt.timedelta(hours=6))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BISHKEK)


def test_a_nightly_schedule_falls_due_at_its_hour_on_the_local_clock(settings):
    settings.TIME_ZONE = "Asia/Bishkek"
    nightly = Schedule(name="n", kind="tests.once", every=dt.timedelta(days=1), at=dt.time(3, 0))
    assert nightly.due_at(at("2026-12-01T02:59")) == at("2026-11-30T03:00")
    assert nightly.due_at(at("2026-12-01T03:00")) == at("2026-12-01T03:00")
    assert nightly.due_at(at("2026-12-01T23:10")) == at("2026-12-01T03:00")


def test_an_interval_schedule_falls_due_on_its_steps():
    every_quarter = Schedule(name="q", kind="tests.once", every=dt.timedelta(minutes=15))
    assert every_quarter.due_at(at("2026-12-01T10:14:59")) == at("2026-12-01T10:00")
    assert every_quarter.due_at(at("2026-12-01T10:15:00")) == at("2026-12-01T10:15")


@pytest.fixture
def every_hour() -> Iterator[Schedule]:
    schedule = schedule_register("tests.hourly", "tests.once", every=dt.timedelta(hours=1), params={"steps": 1})
    yield schedule
    schedule_unregister(schedule.name)


@pytest.mark.django_db
def test_a_due_schedule_starts_its_job_once_per_due_time(every_hour):
    started = scheduler_tick(now=at("2026-12-01T10:05"))
    assert [(job.kind, job.schedule, job.params) for job in started if job.schedule == "tests.hourly"] == [
        ("tests.once", "tests.hourly", {"steps": 1})
    ]
    assert not [job for job in scheduler_tick(now=at("2026-12-01T10:50")) if job.schedule == "tests.hourly"]
    assert [job.schedule for job in scheduler_tick(now=at("2026-12-01T11:00"))].count("tests.hourly") == 1
    assert ScheduledRun.objects.filter(name="tests.hourly").count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_schedulers_ticking_at_once_for_the_same_due_time_start_one_job(every_hour):
    now = at("2026-12-01T10:05")
    barrier = threading.Barrier(2)
    results: list[object] = []

    def tick() -> None:
        try:
            barrier.wait()
            results.append(schedule_run_if_due(every_hour, now=now))
        except Exception as exc:  # reported below
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(result).__name__ for result in results) == ["Job", "NoneType"]
    assert Job.objects.filter(schedule="tests.hourly").count() == 1
    assert ScheduledRun.objects.get(name="tests.hourly").due_at == at("2026-12-01T10:00")


def test_the_audit_check_is_scheduled_every_night():
    from mekendesh.jobs.registry import schedules_all

    nightly = {schedule.name: schedule for schedule in schedules_all()}["audit.verify.nightly"]
    assert (nightly.kind, nightly.every, nightly.at) == ("audit.verify", dt.timedelta(days=1), dt.time(3, 0))
