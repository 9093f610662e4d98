"""Queueing messages to people and users.

A module tells someone of an event by queueing it inside its own transaction::

    recipient = recipient_for_person(case.person)
    if recipient is not None:
        notification_queue(
            recipient=recipient,
            event_key=f"case:{case.pk}:action:{action.pk}",
            template="cases/opened",  # notifications/cases/opened.subject.txt, .email.txt, .sms.txt
            context={"case": case},
            about=case,
        )

The message is rendered at once in the recipient's language and stored (encrypted) with the
change that caused it; when that transaction commits, the sending job (``notifications.send``)
is started, and it sends each message once. Queueing the same event again finds the stored
messages and sends nothing more.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.template import Context, TemplateDoesNotExist, engines
from django.template.loader import get_template
from django.utils import timezone, translation

from mekendesh.accounts.permissions import is_staff_account
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.notifications.models import Channel, Notification
from mekendesh.notifications.sms import sms_enabled

if TYPE_CHECKING:
    from django.template.engine import Engine

    from mekendesh.accounts.models import User
    from mekendesh.jobs.models import Job
    from mekendesh.people.models import Person

SEND_JOB_KIND = "notifications.send"
CHANNELS = (Channel.EMAIL, Channel.SMS)
EVENT_KEY_MAX_LENGTH = Notification._meta.get_field("event_key").max_length or 200
# Any fixed number: the PostgreSQL advisory lock held while deciding whether to start a send job.
_SEND_JOB_LOCK = 0x6D656B_6E74  # "mek", "nt"


@dataclass(frozen=True)
class Recipient:
    language: str  # interface language code: ky, ru, tk, en
    email: str = ""
    phone: str = ""  # E.164, e.g. +996555123456
    person: Person | None = None  # the person the message is about or to (audit trail, their own view)
    user: User | None = None
    # The channels whose address the person gave under their consent to consular contact: the
    # consent is checked again just before such a message is sent.
    consent_channels: frozenset[str] = field(default_factory=frozenset)
    # The purpose of that consent (``people.ConsentPurpose``); empty: consular contact.
    consent_purpose: str = ""

    def address(self, channel: str) -> str:
        return (self.email if channel == Channel.EMAIL else self.phone if channel == Channel.SMS else "").strip()


def _language(code: str | None) -> str:
    """An interface language of the site, else the site's default."""
    known = {language for language, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


def _email_confirmed(user: User) -> bool:
    from allauth.account.models import EmailAddress

    return bool(user.email) and EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def consular_contact_allowed(person_id: int, *, purpose: str | None = None) -> bool:
    """Whether the person's consent to be contacted (for ``purpose``; by default consular
    contact) is active."""
    from mekendesh.people.models import Consent, ConsentPurpose

    return Consent.objects.filter(
        person_id=person_id, purpose=purpose or ConsentPurpose.CONSULAR_CONTACT, withdrawn_at__isnull=True
    ).exists()


def recipient_for_person(person: Person, *, consent: str | None = None) -> Recipient | None:
    """Where and in which language to reach a person: their account's e-mail (if confirmed) and
    preferred language, the person's e-mail/phone only while their consent to consular contact
    (``ConsentPurpose.CONSULAR_CONTACT``, or the purpose named by ``consent``, such as
    reminders) is active; ``None`` when there is no way (or no permission) to reach them."""
    account = person.account
    email = account.email if account is not None and account.is_active and _email_confirmed(account) else ""
    phone = ""
    consent_channels: set[str] = set()
    if (person.email or person.phone) and consular_contact_allowed(person.pk, purpose=consent):
        if not email and person.email:
            email = person.email
            consent_channels.add(Channel.EMAIL)
        if person.phone:
            phone = person.phone
            consent_channels.add(Channel.SMS)
    if not email and not phone:
        return None
    return Recipient(
        language=_language(account.preferred_language if account is not None else None),
        email=email,
        phone=phone,
        person=person,
        user=account,
        consent_channels=frozenset(consent_channels),
        consent_purpose=consent or "",
    )


def recipient_for_user(user: User) -> Recipient | None:
    """A user's e-mail address and preferred language (else the site's default). A staff
    account's address is the one it signs in with; a migrant's counts once confirmed (and
    :func:`recipient_for_person` is the way to reach a registered migrant about their own
    affairs). No ``person`` is set: the caller names the person a message is about, if any
    (``dataclasses.replace(recipient, person=...)``). ``None`` for an inactive account or one
    without a usable address."""
    if not user.is_active or not (is_staff_account(user) or _email_confirmed(user)):
        return None
    return Recipient(language=_language(user.preferred_language), email=user.email, user=user)


def address_hashes(channel: str, address: str) -> list[str]:
    """The keyed hashes (HMAC-SHA256) an address may be stored under: the current key's first
    (``LOOKUP_HASH_KEYS``, as for document numbers), then earlier keys'."""
    if channel == Channel.EMAIL:
        normal = address.strip().lower()
    else:
        normal = re.sub(r"[^\d+]", "", address)
    message = f"notification:{channel}:{normal}".encode()
    return [hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest() for key in settings.LOOKUP_HASH_KEYS]


@dataclass
class _Rendered:
    subject: str = ""
    email: str | None = None
    html: str | None = None
    sms: str | None = None


def _text_engine() -> Engine:
    return cast("Engine", engines["django"].engine)  # type: ignore[attr-defined]  # DjangoTemplates has .engine


def _render_text(name: str, context: dict[str, Any]) -> str | None:
    """A plain-text part, without HTML escaping (``&`` stays ``&``); ``None`` if there is none."""
    try:
        template = _text_engine().get_template(name)
    except TemplateDoesNotExist:
        return None
    return template.render(Context(context, autoescape=False)).strip()


def _render(template: str, context: dict[str, Any], language: str) -> _Rendered:
    base = f"notifications/{template}"
    with translation.override(language):
        rendered = _Rendered(
            email=_render_text(f"{base}.email.txt", context), sms=_render_text(f"{base}.sms.txt", context)
        )
        if rendered.email is None and rendered.sms is None:
            raise TemplateDoesNotExist(f"{base}.email.txt or {base}.sms.txt")
        if rendered.email is not None:
            subject = _render_text(f"{base}.subject.txt", context)
            if subject is None:
                raise TemplateDoesNotExist(f"{base}.subject.txt")
            rendered.subject = " ".join(subject.split())
            try:
                html = get_template(f"{base}.email.html")
            except TemplateDoesNotExist:
                html = None
            rendered.html = html.render(context) if html is not None else None
    return rendered


def _existing(event_key: str, channel: str, hashes: list[str]) -> Notification | None:
    return Notification.objects.filter(event_key=event_key, channel=channel, address_hash__in=hashes).first()


def notification_queue(
    *,
    recipient: Recipient,
    event_key: str,
    template: str,
    context: dict[str, Any],
    about: Any | None = None,
    channels: Sequence[str] = ("email", "sms"),
    actor: Any | None = None,
) -> list[Notification]:
    """Queue one message per channel the recipient can be reached on, rendered now in the
    recipient's language from templates ``notifications/<template>.subject.txt``,
    ``notifications/<template>.email.txt`` (and optional ``.email.html``),
    ``notifications/<template>.sms.txt`` (context rendered under
    ``translation.override(recipient.language)``; the ``.txt`` parts without HTML escaping).

    ``event_key`` (e.g. ``"case:42:action:317"``) is unique per channel and recipient: queueing
    the same event again returns the existing rows and sends nothing more. A channel is left out
    when the recipient has no address for it, when SMS is turned off (``SMS_BACKEND``) or when
    the template has no part for it. Must be called inside the caller's transaction (like
    ``audit_record``: it refuses to run outside one), which also gets an audit row per message;
    after the commit the sending job is started (at most one queued at a time). ``actor`` is the
    user whose action causes the message, if any (for the audit trail).
    """
    if not connection.in_atomic_block:
        raise RuntimeError("notifications must be queued inside transaction.atomic(), with the change they tell of")
    if not event_key or len(event_key) > EVENT_KEY_MAX_LENGTH:
        raise ValueError(f"an event key is 1 to {EVENT_KEY_MAX_LENGTH} characters long, not {event_key!r}")
    unknown = set(channels) - set(CHANNELS)
    if unknown:
        raise ValueError(f"unknown channels: {', '.join(sorted(unknown))}")
    if about is not None and getattr(about, "pk", None) is None:
        raise ValueError("a message is about a stored record (``about`` has no primary key)")
    language = _language(recipient.language)
    wanted = [
        (channel, recipient.address(channel))
        for channel in CHANNELS
        if channel in channels and recipient.address(channel) and (channel != Channel.SMS or sms_enabled())
    ]
    rendered: _Rendered | None = None
    about_type = ContentType.objects.get_for_model(type(about)) if about is not None else None
    rows: list[Notification] = []
    created = False
    for channel, address in wanted:
        hashes = address_hashes(channel, address)
        found = _existing(event_key, channel, hashes)
        if found is not None:
            rows.append(found)
            continue
        rendered = rendered or _render(template, context, language)
        body = rendered.email if channel == Channel.EMAIL else rendered.sms
        if body is None:
            continue
        row = Notification(
            event_key=event_key,
            channel=channel,
            address=address,
            address_hash=hashes[0],
            language=language,
            template=template,
            subject=rendered.subject if channel == Channel.EMAIL else None,
            body=body,
            html_body=rendered.html if channel == Channel.EMAIL else None,
            about_type=about_type,
            about_id=str(about.pk) if about is not None else "",
            person=recipient.person,
            user=recipient.user,
            needs_consent=channel in recipient.consent_channels and recipient.person is not None,
            consent_purpose=recipient.consent_purpose if channel in recipient.consent_channels else "",
            next_attempt_at=timezone.now(),
        )
        try:
            with transaction.atomic():
                row.save(force_insert=True)
        except IntegrityError:
            # Queued by another transaction at the same moment: that one is the message.
            found = _existing(event_key, channel, hashes)
            if found is None:
                raise
            rows.append(found)
            continue
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=row,
            person=recipient.person,
            fields=["address", "subject", "body"],
        )
        rows.append(row)
        created = True
    if created:
        transaction.on_commit(send_job_ensure, robust=True)
    return rows


def send_job_ensure() -> Job | None:
    """Start the sending job unless one is already queued (a running one may have looked for
    due messages already, so it does not count). Returns the job started, if any."""
    from mekendesh.jobs.models import Job, JobStatus
    from mekendesh.jobs.services import job_start

    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Two commits at the same moment must not both find no queued job and start two.
            # (SQLite's IMMEDIATE transactions already run one at a time.)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SEND_JOB_LOCK])
        if Job.objects.filter(kind=SEND_JOB_KIND, status=JobStatus.QUEUED).exists():
            return None
        return job_start(actor=None, kind=SEND_JOB_KIND)
