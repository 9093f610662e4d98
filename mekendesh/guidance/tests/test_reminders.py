"""Reminders before a permit, a migration registration or a passport runs out, and when a rule of
the person's destination changes: sent once however often the job runs, in the person's
language, with a link to the article and a link that stops them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mekendesh.guidance.models import Reminder, ReminderSubject, Rule, RuleKind
from mekendesh.guidance.reminders import stop_token
from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.services import job_run_inline
from mekendesh.notifications.models import Notification, NotificationStatus
from mekendesh.notifications.sending import notifications_send_due
from mekendesh.notifications.sms.backends import locmem
from mekendesh.people.models import ConsentPurpose, DocumentKind, PermitType, Stay, StayStatus

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

DAY = dt.date(2025, 6, 10)
PHONE = "+996555123456"


@pytest.fixture
def aigerim_reminded(registered_migrant):
    """Aigerim, who asked for reminders, reachable by e-mail and SMS, her stay in Moscow on a
    patent (no registration rule known yet)."""
    registered_migrant.phone = PHONE
    registered_migrant.save(update_fields=["phone"])
    Stay.objects.filter(person=registered_migrant).update(permit_type=PermitType.PATENT)
    return registered_migrant


def permit_runs_out(person, day):
    Stay.objects.filter(person=person).update(permit_expiry=day)


def run(day=DAY):
    """The reminders job for ``day``, then the sending of what it queued; the job's report."""
    job = job_run_inline(kind="guidance.reminders", params={"date": day.isoformat()})
    assert job.status == JobStatus.SUCCEEDED, job.error
    notifications_send_due()
    return job.messages[-1]["text"]


def test_the_job_run_twice_sends_each_due_reminder_once(aigerim_reminded):
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    first = run()
    second = run()
    assert len(mail.outbox) == 1
    assert len(locmem.outbox) == 1
    assert mail.outbox[0].to == [aigerim_reminded.email]
    assert "runs out in 7 days" in mail.outbox[0].subject
    assert "1 reminders sent, 0 sent before" in first
    assert "0 reminders sent, 1 sent before" in second
    assert Reminder.objects.filter(person=aigerim_reminded).count() == 1


def test_a_run_that_stopped_half_way_is_completed_by_the_next_without_repeating(aigerim_reminded, places):
    """The first reminder was stored with its messages before the crash; the next run sends only
    the one that was missing."""
    from mekendesh.people.models import IdentityDocument

    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=30))
    IdentityDocument.objects.filter(person=aigerim_reminded).update(expiry_date=DAY + dt.timedelta(days=30))
    from mekendesh.guidance import reminders

    original = reminders._reminder_send
    calls = {"n": 0}

    def crash_on_second(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("the worker was stopped")
        return original(*args, **kwargs)

    reminders._reminder_send = crash_on_second
    try:
        job = job_run_inline(kind="guidance.reminders", params={"date": DAY.isoformat()})
    finally:
        reminders._reminder_send = original
    assert job.status != JobStatus.SUCCEEDED
    assert Reminder.objects.count() == 1
    run()
    run()
    assert sorted(Reminder.objects.values_list("subject", flat=True)) == ["passport", "permit"]
    assert len(mail.outbox) == 2
    assert len(locmem.outbox) == 2


@pytest.mark.parametrize("days", [30, 7, 1])
def test_a_permit_is_reminded_30_7_and_1_days_before(aigerim_reminded, days):
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=days))
    run()
    reminder = Reminder.objects.get()
    assert (reminder.subject, reminder.days_before) == (ReminderSubject.PERMIT, days)
    assert len(mail.outbox) == 1
    assert (DAY + dt.timedelta(days=days)).strftime("%d.%m.%Y") in mail.outbox[0].body


@pytest.mark.parametrize("days", [2, 0, -1, -30])
def test_no_reminder_two_days_before_on_the_day_or_for_a_date_past(aigerim_reminded, days):
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=days))
    report = run()
    assert "0 reminders sent" in report
    assert not Reminder.objects.exists()
    assert mail.outbox == []
    assert locmem.outbox == []


def test_the_intervals_are_a_setting(aigerim_reminded, settings):
    settings.REMINDER_DAYS = [14]
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    run()
    assert mail.outbox == []
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=14))
    run()
    assert len(mail.outbox) == 1


def test_a_registration_not_yet_made_is_reminded_before_the_rules_deadline(aigerim_reminded, places):
    Rule.objects.create(
        citizenship=places["KG"],
        destination=places["RU"],
        kind=RuleKind.REGISTRATION_DAYS,
        value=30,
        effective_from=dt.date(2015, 8, 12),
        legal_basis="Договор о ЕАЭС, статья 97",
    )
    # Arrived on 1 March 2025: the registration runs out on 31 March.
    run(dt.date(2025, 3, 24))
    reminder = Reminder.objects.get()
    assert (reminder.subject, reminder.due_date, reminder.days_before) == (
        ReminderSubject.REGISTRATION,
        dt.date(2025, 3, 31),
        7,
    )
    assert "migration registration" in mail.outbox[0].subject


def test_a_verified_stay_gets_no_registration_reminder(aigerim_reminded, places, officer_moscow):
    Rule.objects.create(
        citizenship=places["KG"],
        destination=places["RU"],
        kind=RuleKind.REGISTRATION_DAYS,
        value=30,
        effective_from=dt.date(2015, 8, 12),
        legal_basis="Договор о ЕАЭС, статья 97",
    )
    Stay.objects.filter(person=aigerim_reminded).update(status=StayStatus.VERIFIED, verified_at=timezone.now())
    run(dt.date(2025, 3, 24))
    assert not Reminder.objects.exists()


def test_a_passport_is_reminded_before_it_runs_out(aigerim_reminded):
    aigerim_reminded.documents.filter(kind=DocumentKind.PASSPORT).update(expiry_date=DAY + dt.timedelta(days=30))
    run()
    assert Reminder.objects.get().subject == ReminderSubject.PASSPORT
    assert "passport runs out in 30 days" in mail.outbox[0].subject


def test_a_kyrgyz_speaking_person_reads_the_reminder_in_kyrgyz_with_the_kyrgyz_article(aigerim_reminded, starter_set):
    account = aigerim_reminded.account
    account.preferred_language = "ky"
    account.save(update_fields=["preferred_language"])
    aigerim_reminded.documents.filter(kind=DocumentKind.PASSPORT).update(expiry_date=DAY + dt.timedelta(days=30))
    run()
    message = mail.outbox[0]
    assert "паспорт" in message.subject
    assert "passport" not in message.subject
    assert Notification.objects.filter(language="ky").count() == 2
    links = re.findall(r"https?://\S+/guidance/\S+", str(message.body))
    assert links[0].endswith("/guidance/ru/emergency-contacts/?lang=ky")
    assert "паспорт" in locmem.outbox[0].body


def test_the_message_links_the_article_and_the_stop_page(aigerim_reminded, starter_set, settings):
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    run()
    body = mail.outbox[0].body
    assert f"{settings.SITE_URL}/guidance/ru/work/?lang=en" in body
    assert f"{settings.SITE_URL}/guidance/reminders/stop/" in body
    assert "/guidance/reminders/stop/" in locmem.outbox[0].body


def test_a_changed_rule_of_the_destination_is_told_once(aigerim_reminded, places, editor):
    from mekendesh.guidance.services import rule_save

    rule = rule_save(
        actor=editor,
        citizenship=places["KG"],
        destination=places["RU"],
        kind=RuleKind.REGISTRATION_DAYS,
        value=30,
        effective_from=dt.date(2015, 8, 12),
        effective_to=None,
        legal_basis="Договор о ЕАЭС, статья 97",
    )
    today = timezone.localdate()
    run(today)
    assert not Reminder.objects.exists(), "the first rules loaded are not news"
    rule_save(
        actor=editor,
        citizenship=places["KG"],
        destination=places["RU"],
        kind=RuleKind.REGISTRATION_DAYS,
        value=15,
        effective_from=dt.date(2015, 8, 12),
        effective_to=None,
        legal_basis="Договор о ЕАЭС, статья 97",
        rule=rule,
        expected_version=rule.version,
    )
    run(today)
    run(today)
    assert Reminder.objects.get().subject == ReminderSubject.RULE
    assert len(mail.outbox) == 1
    assert "15" in mail.outbox[0].body


def test_a_person_without_any_contact_is_skipped_and_counted(aigerim_reminded):
    aigerim_reminded.email = ""
    aigerim_reminded.phone = ""
    aigerim_reminded.save(update_fields=["email", "phone"])
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    report = run()
    assert "1 people skipped without any contact" in report
    assert not Reminder.objects.exists()
    assert mail.outbox == []


def test_a_person_who_did_not_ask_for_reminders_gets_none(aigerim_reminded):
    from mekendesh.people.services import consent_withdraw

    consent_withdraw(actor=None, person=aigerim_reminded, purpose=ConsentPurpose.REMINDERS)
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    run()
    assert mail.outbox == []
    assert locmem.outbox == []


def test_a_reminder_reaches_the_audit_trail(aigerim_reminded):
    from mekendesh.audit.models import AuditEvent

    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    run()
    reminder = Reminder.objects.get()
    rows = AuditEvent.objects.filter(object_id=str(reminder.pk), object_type__icontains="reminder")
    assert [row.action for row in rows] == [AuditEvent.Action.CREATE]
    assert rows[0].person_id in {str(aigerim_reminded.pk), str(aigerim_reminded.public_id)}


def test_the_officer_sees_the_reminders_sent_on_the_person_page(aigerim_reminded, officer_moscow, sign_in):
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    run()
    page = sign_in(officer_moscow).get(reverse("staff:person", kwargs={"public_id": aigerim_reminded.public_id}))
    assert page.status_code == 200
    section = page.text.split('id="h-person-reminders"', 1)[1].split("</section>", 1)[0]
    assert "Work or residence permit" in section
    assert (DAY + dt.timedelta(days=7)).strftime("%d.%m.%Y") in section
    assert "e-mail: sent" in section
    assert "SMS: sent" in section


# --- stopping ---------------------------------------------------------------------------------


def stop_url(person):
    return reverse("guidance:reminders_stop", kwargs={"token": stop_token(person)})


def reminders_on(person):
    return person.consents.filter(purpose=ConsentPurpose.REMINDERS, withdrawn_at__isnull=True).exists()


def test_opening_the_stop_link_asks_and_changes_nothing(client, aigerim_reminded):
    page = client.get(stop_url(aigerim_reminded))
    assert page.status_code == 200
    assert "Stop reminders" in page.text
    assert reminders_on(aigerim_reminded)


def test_the_stop_link_stops_reminders(client, aigerim_reminded):
    page = client.post(stop_url(aigerim_reminded))
    assert page.status_code == 200
    assert "Reminders are stopped." in page.text
    assert not reminders_on(aigerim_reminded)
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    run()
    assert mail.outbox == []


def test_a_reminder_queued_before_the_stop_is_not_sent(aigerim_reminded, client):
    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=7))
    job_run_inline(kind="guidance.reminders", params={"date": DAY.isoformat()})
    client.post(stop_url(aigerim_reminded))
    notifications_send_due()
    assert mail.outbox == []
    assert set(Notification.objects.values_list("status", flat=True)) == {NotificationStatus.SKIPPED}


def test_a_stop_link_used_again_says_reminders_are_already_stopped(client, aigerim_reminded):
    url = stop_url(aigerim_reminded)
    client.post(url)
    again = client.post(url)
    assert again.status_code == 200
    assert "Reminders are already stopped." in again.text
    assert "Reminders are already stopped." in client.get(url).text


def test_an_altered_stop_link_gets_a_clear_message_and_400(client, aigerim_reminded):
    token = stop_token(aigerim_reminded)
    altered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for response in (
        client.get(reverse("guidance:reminders_stop", kwargs={"token": altered})),
        client.post(reverse("guidance:reminders_stop", kwargs={"token": altered})),
        client.get(reverse("guidance:reminders_stop", kwargs={"token": "x"})),
    ):
        assert response.status_code == 400
        assert "This link is not valid" in response.text
    assert reminders_on(aigerim_reminded)


def test_a_stop_token_of_another_purpose_is_refused(client, aigerim_reminded):
    from django.core import signing

    forged = signing.dumps({"p": str(aigerim_reminded.public_id)}, salt="another.purpose")
    response = client.post(reverse("guidance:reminders_stop", kwargs={"token": forged}))
    assert response.status_code == 400
    assert reminders_on(aigerim_reminded)


def test_the_person_stops_and_restarts_reminders_on_their_account_page(aigerim, client):
    home = client.get(reverse("migrant:home"))
    assert "Stop reminders" in home.text
    client.post(reverse("migrant:consent_withdraw"), {"purpose": ConsentPurpose.REMINDERS})
    assert not reminders_on(aigerim)
    assert "Turn reminders on" in client.get(reverse("migrant:home")).text
    client.post(reverse("migrant:consent_give"), {"purpose": ConsentPurpose.REMINDERS})
    assert reminders_on(aigerim)


def test_the_command_sends_the_reminders_of_a_day(aigerim_reminded):
    import io

    from django.core.management import call_command

    permit_runs_out(aigerim_reminded, DAY + dt.timedelta(days=1))
    out = io.StringIO()
    call_command("guidance", "reminders", "--date", DAY.isoformat(), "--no-progress", stdout=out)
    assert "1 reminders sent" in out.getvalue()
    assert Reminder.objects.get().days_before == 1
