"""The statistics module's background job: the computation of a register data set, started from
the data sets page, by ``mekendesh statistics compute``, and every night by the scheduler."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.registry import job_kind, schedule_register
from mekendesh.statistics.models import DataSet


@job_kind(
    "statistics.compute", label=gettext_lazy("Statistics: the register's indicators"), permission="statistics.build"
)
def statistics_compute(job: JobContext) -> None:
    """Compute the data set named in ``params["dataset"]``; without one (the scheduler), a new
    data set of the register at today's date (or ``params["date"]``)."""
    from mekendesh.statistics.services import dataset_compute, dataset_create

    if job.params.get("dataset"):
        dataset = DataSet.objects.filter(pk=int(job.params["dataset"])).first()
        if dataset is None:
            raise JobFailed(_("The data set this job was for no longer exists."))
    else:
        day = dt.date.fromisoformat(job.params["date"]) if job.params.get("date") else timezone.localdate()
        dataset = dataset_create(actor=job.job.actor, reference_date=day)

    def progress(done: int, total: int, stage: str) -> None:
        job.progress(done, total=total, stage=stage)

    cells = dataset_compute(dataset=dataset, progress=progress)
    job.message(_("%(title)s: %(cells)d cells computed.") % {"title": dataset.title, "cells": cells})


schedule_register("statistics.compute.daily", "statistics.compute", every=dt.timedelta(days=1), at=dt.time(2, 30))
