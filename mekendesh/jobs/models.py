"""A background job's record: what it is, who started it, how far it got, what it found and made.

The worker, the pages and the command line all read and write the same row; a job's progress is
therefore visible wherever it runs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)


class Job(models.Model):
    kind = models.CharField(_("kind"), max_length=100)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    schedule = models.CharField(_("schedule"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    done = models.BigIntegerField(_("done"), default=0)
    total = models.BigIntegerField(_("total"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=200, blank=True)
    messages = models.JSONField(_("messages"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    checkpoint = models.JSONField(_("checkpoint"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    worker = models.CharField(_("worker"), max_length=200, blank=True)  # host:process id of the runner
    # A fresh token each time the job is queued; the task carries it, and only the task with the
    # current token may claim the job (a task left over from an earlier queueing finds nothing).
    run_token = models.CharField(_("run token"), max_length=32, blank=True)
    task_result_id = models.CharField(_("task result"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["actor", "-created_at"], name="jobs_job_actor_idx"),
            models.Index(fields=["status", "heartbeat_at"], name="jobs_job_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return max(0, min(100, int(self.done * 100 / self.total)))


class JobRowError(models.Model):
    """A problem with one row of the job's input: which row, which column, what is wrong."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="row_errors")
    row = models.PositiveIntegerField(_("row"), null=True, blank=True)
    column = models.CharField(_("column"), max_length=200, blank=True)
    message = models.TextField(_("message"))

    class Meta:
        ordering = ["job", "row", "pk"]
        verbose_name = _("row error")
        verbose_name_plural = _("row errors")

    def __str__(self) -> str:
        return self.message if self.row is None else f"{self.row}: {self.message}"


class JobFile(models.Model):
    """A file the job produced; downloaded through the job's page, which checks and audits it."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(_("name"), max_length=200)
    file = models.FileField(_("file"), upload_to="jobs/%Y/%m/")
    size = models.BigIntegerField(_("size"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["job", "pk"]
        verbose_name = _("result file")
        verbose_name_plural = _("result files")

    def __str__(self) -> str:
        return self.name


class ScheduledRun(models.Model):
    """One run of a schedule at one due time. The unique key makes a due run start once, however
    many schedulers see it due at the same moment: the first insert wins, the others skip."""

    name = models.CharField(_("schedule"), max_length=100)
    due_at = models.DateTimeField(_("due at"))
    job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-due_at"]
        constraints = [models.UniqueConstraint(fields=["name", "due_at"], name="jobs_scheduled_run_once")]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self) -> str:
        return f"{self.name} {self.due_at.isoformat()}"
