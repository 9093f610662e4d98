"""Screening's background jobs: a run (a new version's entries, new registrations, or
everything) and the scheduled screening of registrations changed since the last one."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mekendesh.jobs.context import JobContext, JobFailed
from mekendesh.jobs.registry import job_kind, schedule_register
from mekendesh.screening.models import RunKind, ScreeningRun, VersionStatus


@job_kind("screening.run", label=gettext_lazy("Screening run"), permission="screening.lists")
def screening_run(job: JobContext) -> None:
    from mekendesh.screening.services import screening_run_execute

    run = ScreeningRun.objects.filter(pk=int(job.params.get("run") or 0)).first()
    if run is None:
        raise JobFailed(_("The run this job was for no longer exists."))

    def stage(text: str, done: int, total: int | None) -> None:
        job.progress(done, total=total, stage=text)
        job.stop_if_cancelled()

    report = screening_run_execute(run=run, stage=stage)
    job.progress(report.entries, total=report.entries, stage=_("Done"))
    job.message(
        _(
            "%(people)d people against %(entries)d list entries: %(matches)d likely matches and %(reviews)d "
            "pairs to review."
        )
        % {"people": report.people, "entries": report.entries, "matches": report.matches, "reviews": report.reviews}
    )


@job_kind("screening.people", label=gettext_lazy("Screening of new registrations"), permission="screening.lists")
def screening_people(job: JobContext) -> None:
    """New and changed registrations since the last such run, against every list in force."""
    from mekendesh.screening.models import ListVersion
    from mekendesh.screening.services import screening_run_execute

    if not ListVersion.objects.filter(status=VersionStatus.APPLIED).exists():
        job.message(_("No list has been imported yet: nothing to screen."))
        return
    last = ScreeningRun.objects.filter(kind=RunKind.PEOPLE).order_by("-started_at").first()
    since = last.started_at if last is not None else timezone.now() - dt.timedelta(days=1)
    run = ScreeningRun.objects.create(kind=RunKind.PEOPLE, people_since=since, job=job.job)

    def stage(text: str, done: int, total: int | None) -> None:
        job.progress(done, total=total, stage=text)

    report = screening_run_execute(run=run, stage=stage)
    job.message(
        _("%(people)d new or changed registrations screened: %(matches)d likely matches, %(reviews)d to review.")
        % {"people": report.people, "matches": report.matches, "reviews": report.reviews}
    )


schedule_register("screening.people.regular", "screening.people", every=dt.timedelta(minutes=15))

# The public status check's jobs (the delivery of codes, the pruning of old checks).
from mekendesh.screening import status_jobs  # noqa: E402, F401
