"""A real worker process, killed with SIGKILL in the middle of a job and started again: the job
goes on from its last checkpoint and every step is stored exactly once. Runs on the test database
of whichever engine the suite runs on (a file for SQLite, so that the worker process shares it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection

from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.services import job_start

PROJECT = Path(__file__).resolve().parents[3]


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings["USER"] or "")
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


@pytest.fixture
def worker(tmp_path: Path) -> Iterator[Callable[[], subprocess.Popen[Any]]]:
    started: list[subprocess.Popen[Any]] = []
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MEKENDESH_JOB_MODULES": "mekendesh.jobs.tests.kinds",
        "MEKENDESH_JOB_HEARTBEAT_SECONDS": "0.5",
        "PYTHONPATH": str(PROJECT),
        "MEKENDESH_LANGUAGE": "en",
    }

    def start() -> subprocess.Popen[Any]:
        log = open(tmp_path / f"worker-{len(started)}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [sys.executable, "-m", "mekendesh", "worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    for log in sorted(tmp_path.glob("worker-*.log")):
        print(log.name, log.read_text(), sep="\n")


def wait_for(condition: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


def job_now(job: Job) -> Job:
    job.refresh_from_db()
    return job


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_killed_with_its_worker_goes_on_from_its_checkpoint_when_a_worker_starts_again(administrator, worker):
    job = job_start(actor=administrator, kind="tests.count", params={"steps": 12, "pause": 0.25})
    first = worker()
    wait_for(lambda: job_now(job).done >= 3, seconds=20, what="the job to be under way")
    first.send_signal(signal.SIGKILL)
    first.wait()
    interrupted = job_now(job)
    assert interrupted.status == JobStatus.RUNNING and interrupted.done < 12  # left behind by the dead worker

    worker()
    wait_for(lambda: job_now(job).finished, seconds=25, what="the job to finish")
    assert job.status == JobStatus.SUCCEEDED
    assert job.attempts == 2
    assert [error.row for error in job.row_errors.order_by("row")] == list(range(12))  # each step once
    texts = [line["text"] for line in job.messages]
    assert "interrupted: the worker stopped; going on from the last checkpoint." in texts
    assert any(text.startswith("resumed at ") for text in texts)
