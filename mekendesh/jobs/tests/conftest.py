from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import mekendesh.jobs.tests.kinds  # noqa: F401  (registers the test kinds)
from mekendesh.jobs.models import Job
from mekendesh.jobs.services import job_execute, job_start


@pytest.fixture
def run_queued() -> Callable[[Job], Job]:
    """Run a queued job as the worker would (in this process), and return it finished."""

    def run(job: Job) -> Job:
        job.refresh_from_db()
        job_execute(job_id=job.pk, run_token=job.run_token)
        job.refresh_from_db()
        return job

    return run


@pytest.fixture
def started(run_queued: Callable[[Job], Job]) -> Callable[..., Job]:
    def start(*, actor: Any, kind: str = "tests.report", params: dict[str, Any] | None = None, run: bool = True) -> Job:
        job = job_start(actor=actor, kind=kind, params=params)
        return run_queued(job) if run else job

    return start
