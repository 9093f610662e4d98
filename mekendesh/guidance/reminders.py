"""Reminders to people abroad before a permit, a migration registration or a passport runs out,
and when a rule of stay of their destination changes.

Who: every person on the register with an active consent to reminders
(``ConsentPurpose.REMINDERS``, "Send me reminders before my permit or registration expires"),
reached through the notifications app (``recipient_for_person(person, consent=REMINDERS)``: the
account's confirmed e-mail address, and the person's own e-mail address and phone under that
consent, checked again just before sending). A person with something due and no way to reach
them is skipped and counted.

What runs out, seen from the day ``on`` the job runs for, for the person's current stays (not
ended, not departed before ``on``) and passports:

* a **permit**: a stay's ``permit_expiry`` (when the stay needs a permit);
* a **migration registration**: a stay the consulate has not verified yet (``declared``) must be
  registered with the host country's migration authority within the rule
  ``registration_days`` for its destination (in force on the day of arrival) after arrival; the
  registration "runs out" on ``arrival_date + registration_days``. A verified stay counts as
  registered (the consulate has seen its registration), and a stay without a known rule gets no
  reminder;
* a **passport**: an identity document of kind passport with an ``expiry_date``;
* a **deadline in a case** that waits on the person (an appeal in court after a removal refused
  or a ban upheld), when a rule of stay of the case's host country set it
  (:func:`mekendesh.cases.deadlines.case_deadline_rule`): the case's due date, moved with the
  rule when the rule changes. A deadline of the workflow's own number is not reminded of.

A reminder is due when the date is exactly one of ``settings.REMINDER_DAYS`` (30, 7 and 1 by
default) days away; never for a date already past. A **rule change** is told once per rule and
version, for rules of the person's destination (citizens of ``ORIGIN_COUNTRY``) still in force
or to come, saved in the last :data:`RULE_CHANGE_DAYS` days, that revise an earlier value (a
later version, or a new rule after an earlier one of the same kind): the first rules loaded are
not news.

Sent once: each reminder is a :class:`~mekendesh.guidance.models.Reminder` row, unique per
person, subject, record, date and interval, written in one transaction with its messages
(``notification_queue``, whose own event key is the reminder's) and its audit row. A second run
finds the row and sends nothing; a run that stopped half-way has committed the reminders it
made, and the next run makes the rest.

Stopping: :func:`stop_token` signs the person's public id (salted); the page behind
:func:`stop_url` withdraws the consent to reminders, as the switch on the person's account page
does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.guidance.models import Reminder, ReminderSubject, Rule, RuleKind, Topic
from mekendesh.guidance.rules import rule_value
from mekendesh.guidance.selectors import CASE_TOPICS, RULE_TOPICS, article_citing_rule, article_for, article_url

STOP_SALT = "mekendesh.guidance.reminders.stop"
RULE_CHANGE_DAYS = 7
NOTIFICATION_TEMPLATE = "guidance/reminder"
SUBJECT_TOPICS: dict[str, str] = {
    ReminderSubject.PERMIT: Topic.WORK,
    ReminderSubject.REGISTRATION: Topic.REGISTRATION,
    ReminderSubject.PASSPORT: Topic.EMERGENCY,  # where the consulates are, to renew it
}


@dataclass(frozen=True)
class Due:
    """A reminder due for a person on the day of the run."""

    subject: str
    reference: str
    due_date: dt.date
    days_before: int
    destination: str  # country code, "" when the person has no current stay
    topic: str
    rule: Rule | None = None
    case_id: str = ""  # the public id of the case whose deadline it is


@dataclass
class ReminderReport:
    people: int = 0  # people who asked for reminders
    sent: int = 0  # reminders queued by this run
    already: int = 0  # due, but sent before (by an earlier run)
    no_contact: int = 0  # people with something due and no way to reach them


# --- what is due ------------------------------------------------------------------------------


def reminder_days() -> list[int]:
    return sorted({int(day) for day in settings.REMINDER_DAYS if int(day) > 0}, reverse=True)


def _days_before(expiry: dt.date | None, on: dt.date, days: list[int]) -> int | None:
    if expiry is None or expiry <= on:
        return None
    left = (expiry - on).days
    return left if left in days else None


def registration_ends(stay: Any) -> dt.date | None:
    """The day the migration registration of a stay not yet verified runs out: the destination's
    ``registration_days`` (in force on arrival) after arrival; ``None`` without a known rule."""
    from mekendesh.people.models import StayStatus

    if stay.status != StayStatus.DECLARED:
        return None
    days = rule_value(settings.ORIGIN_COUNTRY, stay.country_id, RuleKind.REGISTRATION_DAYS, on=stay.arrival_date)
    return stay.arrival_date + dt.timedelta(days=days) if days is not None else None


def _current_stays(person: Any, on: dt.date) -> list[Any]:
    from mekendesh.people.models import StayStatus

    return [
        stay
        for stay in person.stays.all()
        if stay.status != StayStatus.ENDED
        and stay.arrival_date <= on
        and (stay.departure_date is None or stay.departure_date >= on)
    ]


def _changed_rules(on: dt.date) -> dict[str, list[Rule]]:
    """Rules of stay for citizens of the country of origin saved in the last days that revise an
    earlier value, by destination."""
    since = timezone.make_aware(dt.datetime.combine(on - dt.timedelta(days=RULE_CHANGE_DAYS), dt.time.max))
    until = timezone.make_aware(dt.datetime.combine(on, dt.time.max))
    found: dict[str, list[Rule]] = {}
    rules = Rule.objects.filter(
        citizenship_id=settings.ORIGIN_COUNTRY, changed_at__gt=since, changed_at__lte=until
    ).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
    for rule in rules.order_by("destination_id", "kind", "effective_from"):
        earlier = Rule.objects.filter(
            citizenship_id=rule.citizenship_id,
            destination_id=rule.destination_id,
            kind=rule.kind,
            effective_from__lt=rule.effective_from,
        ).exists()
        if rule.version > 1 or earlier:
            found.setdefault(rule.destination_id, []).append(rule)
    return found


def _case_deadlines_due(person: Any, *, on: dt.date, days: list[int]) -> list[Due]:
    """The person's cases waiting on them by a deadline a rule of stay of the host country set."""
    from mekendesh.cases.deadlines import case_deadline_rule
    from mekendesh.cases.selectors import person_rule_deadline_cases

    cases = getattr(person, "rule_deadline_cases", None)
    if cases is None:
        cases = list(person_rule_deadline_cases().filter(person=person))
    due = []
    for case in cases:
        before = _days_before(case.due_date, on, days)
        rule = case_deadline_rule(case) if before is not None else None
        if before is not None and rule is not None:
            due.append(
                Due(
                    ReminderSubject.CASE,
                    f"case:{case.pk}:{case.status}",
                    case.due_date,
                    before,
                    case.host_country_id or "",
                    CASE_TOPICS.get(case.case_type, Topic.EMERGENCY),
                    rule=rule,
                    case_id=str(case.public_id),
                )
            )
    return due


def reminders_due(person: Any, *, on: dt.date, changed_rules: dict[str, list[Rule]] | None = None) -> list[Due]:
    """What a person is to be reminded of on ``on`` (stays and documents prefetched or not)."""
    from mekendesh.people.models import DocumentKind, PermitType

    days = reminder_days()
    stays = _current_stays(person, on)
    destination = stays[0].country_id if stays else ""
    due: list[Due] = []
    for stay in stays:
        if stay.permit_type != PermitType.NONE:
            before = _days_before(stay.permit_expiry, on, days)
            if before is not None and stay.permit_expiry is not None:
                due.append(
                    Due(
                        ReminderSubject.PERMIT,
                        f"stay:{stay.pk}",
                        stay.permit_expiry,
                        before,
                        stay.country_id,
                        Topic.WORK,
                    )
                )
        ends = registration_ends(stay)
        before = _days_before(ends, on, days)
        if before is not None and ends is not None:
            due.append(
                Due(ReminderSubject.REGISTRATION, f"stay:{stay.pk}", ends, before, stay.country_id, Topic.REGISTRATION)
            )
    for document in person.documents.all():
        if document.kind != DocumentKind.PASSPORT:
            continue
        before = _days_before(document.expiry_date, on, days)
        if before is not None and document.expiry_date is not None:
            due.append(
                Due(
                    ReminderSubject.PASSPORT,
                    f"document:{document.pk}",
                    document.expiry_date,
                    before,
                    destination,
                    Topic.EMERGENCY,
                )
            )
    due.extend(_case_deadlines_due(person, on=on, days=days))
    rules = changed_rules if changed_rules is not None else _changed_rules(on)
    for country in dict.fromkeys(stay.country_id for stay in stays):
        for rule in rules.get(country, []):
            due.append(
                Due(
                    ReminderSubject.RULE,
                    f"rule:{rule.pk}@{rule.version}",
                    rule.effective_from,
                    0,
                    country,
                    RULE_TOPICS.get(rule.kind, Topic.ENTRY),
                    rule=rule,
                )
            )
    return due


def people_asking_for_reminders() -> Iterator[Any]:
    from mekendesh.cases.selectors import person_rule_deadline_cases
    from mekendesh.people.models import ConsentPurpose, IdentityDocument, Person, Stay

    return (
        Person.objects.filter(consents__purpose=ConsentPurpose.REMINDERS, consents__withdrawn_at__isnull=True)
        .distinct()
        .select_related("account")
        .prefetch_related(
            Prefetch("stays", queryset=Stay.objects.order_by("-arrival_date", "-pk")),
            Prefetch("documents", queryset=IdentityDocument.objects.order_by("pk")),
            Prefetch("cases", queryset=person_rule_deadline_cases(), to_attr="rule_deadline_cases"),
        )
        .order_by("pk")
        .iterator(chunk_size=200)
    )


# --- sending ----------------------------------------------------------------------------------


def stop_token(person: Any) -> str:
    """A signed token naming the person (their public id), for the link that stops reminders."""
    return signing.dumps({"p": str(person.public_id)}, salt=STOP_SALT, compress=False)


def stop_url(person: Any) -> str:
    path = reverse("guidance:reminders_stop", kwargs={"token": stop_token(person)})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _context(person: Any, due: Due, language: str) -> dict[str, Any]:
    rule = due.rule
    article = article_citing_rule(rule, topic=due.topic) if rule is not None else None
    if article is None:
        article = article_for(due.destination, due.topic)
    case_link = ""
    if due.case_id:
        case_link = f"{settings.SITE_URL.rstrip('/')}{reverse('migrant:case', kwargs={'case_id': due.case_id})}"
    return {
        "case_link": case_link,
        "subject": due.subject,
        "what": ReminderSubject(due.subject).label,
        "due_date": due.due_date,
        "days_before": due.days_before,
        "rule_kind": RuleKind(rule.kind).label if rule is not None else "",
        "rule_value": rule.value if rule is not None else None,
        "link": article_url(article, language=language, absolute=True) if article is not None else "",
        "stop_link": stop_url(person),
    }


def _reminder_send(person: Any, due: Due, recipient: Any) -> bool:
    """Store and queue one reminder; ``False`` when an earlier run sent it."""
    from mekendesh.notifications.services import notification_queue

    key = {
        "person": person,
        "subject": due.subject,
        "reference": due.reference,
        "due_date": due.due_date,
        "days_before": due.days_before,
    }
    with transaction.atomic():
        if Reminder.objects.filter(**key).exists():
            return False
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(**key, language=recipient.language)
        except IntegrityError:
            return False  # made by another run at the same moment
        rows = notification_queue(
            recipient=recipient,
            event_key=f"guidance:reminder:{reminder.pk}",
            template=NOTIFICATION_TEMPLATE,
            context=_context(person, due, recipient.language),
            about=reminder,
        )
        reminder.channels = ",".join(sorted({row.channel for row in rows}))
        reminder.save(update_fields=["channels"])
        audit_record(
            actor=None,
            action=AuditEvent.Action.CREATE,
            obj=reminder,
            person=person,
            fields=["subject", "due_date", "days_before", "channels"],
        )
    return True


def reminders_send(
    *, on: dt.date | None = None, on_person: Callable[[ReminderReport], None] | None = None
) -> ReminderReport:
    """Send the reminders due on ``on`` (today by default) to everyone who asked for them; each
    at most once, however often this runs."""
    from mekendesh.notifications.models import Channel
    from mekendesh.notifications.services import recipient_for_person
    from mekendesh.people.models import ConsentPurpose

    day = on or timezone.localdate()
    report = ReminderReport()
    changed = _changed_rules(day)
    for person in people_asking_for_reminders():
        report.people += 1
        due = reminders_due(person, on=day, changed_rules=changed)
        if due:
            recipient = recipient_for_person(person, consent=ConsentPurpose.REMINDERS)
            if recipient is None:
                report.no_contact += 1
            else:
                # Every message of a reminder waits on the consent to reminders: stopped before
                # it is sent, it is not sent.
                reachable = {channel for channel in (Channel.EMAIL, Channel.SMS) if recipient.address(channel)}
                recipient = dataclasses.replace(
                    recipient, consent_channels=frozenset(reachable), consent_purpose=ConsentPurpose.REMINDERS
                )
                for item in due:
                    if _reminder_send(person, item, recipient):
                        report.sent += 1
                    else:
                        report.already += 1
        if on_person is not None:
            on_person(report)
    return report


# --- stopping ---------------------------------------------------------------------------------


class StopOutcome(StrEnum):
    STOPPED = "stopped"
    ALREADY = "already"
    BAD = "bad"


def stop_person(token: str) -> Any | None:
    """The person a stop token names, or ``None`` when it was altered (or names nobody)."""
    from mekendesh.people.models import Person

    try:
        data = signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None
    try:
        public_id = uuid.UUID(str(data.get("p"))) if isinstance(data, dict) else None
    except ValueError:
        return None
    return Person.objects.filter(public_id=public_id).first() if public_id is not None else None


def reminders_active(person: Any) -> bool:
    from mekendesh.people.models import ConsentPurpose

    return person.consents.filter(purpose=ConsentPurpose.REMINDERS, withdrawn_at__isnull=True).exists()


def reminders_stop(*, token: str) -> StopOutcome:
    """Stop a person's reminders (withdraw their consent to reminders, with its audit row)."""
    from mekendesh.people.models import ConsentPurpose
    from mekendesh.people.services import consent_withdraw

    person = stop_person(token)
    if person is None:
        return StopOutcome.BAD
    withdrawn = consent_withdraw(actor=None, person=person, purpose=ConsentPurpose.REMINDERS)
    return StopOutcome.STOPPED if withdrawn is not None else StopOutcome.ALREADY
