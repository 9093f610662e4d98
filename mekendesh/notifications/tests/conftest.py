"""The notification tests' own fixtures: their message templates, a migrant who consented to
consular contact, and the send job run as the worker would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TEMPLATES = Path(__file__).resolve().parent / "templates"


@pytest.fixture(autouse=True)
def _test_message_templates(settings):
    """``notifications/test_message.*`` (every part, in the interface's own messages so that the
    Kyrgyz and Russian catalogues translate them) and ``notifications/email_only.*``."""
    engines = [dict(engine) for engine in settings.TEMPLATES]
    engines[0]["DIRS"] = [*engines[0]["DIRS"], TEMPLATES]
    settings.TEMPLATES = engines


@pytest.fixture
def confirmed(db):
    """``confirmed(user)``: the account's e-mail address confirmed, as by the link sent to it."""
    from allauth.account.models import EmailAddress

    def confirm(user: Any) -> Any:
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        return user

    return confirm


@pytest.fixture
def reachable_migrant(registered_migrant, confirmed):
    """Aigerim, reading Kyrgyz, her account's address confirmed, with her phone number and her
    consent to consular contact."""
    from mekendesh.people.models import ConsentPurpose
    from mekendesh.people.services import consent_grant

    account = confirmed(registered_migrant.account)
    account.preferred_language = "ky"
    account.save(update_fields=["preferred_language"])
    registered_migrant.phone = "+996555123456"
    registered_migrant.save(update_fields=["phone"])
    consent_grant(actor=account, person=registered_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT)
    return registered_migrant


@pytest.fixture
def queue_one(db):
    """``queue_one(recipient, event_key=..., ...)``: queue ``test_message`` in a transaction of
    its own, as a module's service would."""
    from django.db import transaction

    from mekendesh.notifications.services import notification_queue

    def queue(recipient: Any, *, event_key: str = "case:42:action:317", **options: Any) -> list[Any]:
        options.setdefault("template", "test_message")
        options.setdefault("context", {"number": 42, "employer": "ООО «Стройка» & Co"})
        with transaction.atomic():
            return notification_queue(recipient=recipient, event_key=event_key, **options)

    return queue


@pytest.fixture
def run_send_job(db) -> Callable[[], Any]:
    """Start the send job and run it as the worker does (in this process); returns the job."""
    from mekendesh.jobs.models import Job
    from mekendesh.jobs.services import job_execute, job_start
    from mekendesh.notifications.services import SEND_JOB_KIND

    def run() -> Job:
        job = job_start(actor=None, kind=SEND_JOB_KIND)
        job.refresh_from_db()
        job_execute(job_id=job.pk, run_token=job.run_token)
        job.refresh_from_db()
        return job

    return run
