"""Writes of the employment module: agencies and their licences, warnings about illegal
recruiters, job offers and their vetting, a migrant's saved offers and questions and the answers
to them, courses, enrolments, attendance, completion, the signed certificate and its revocation —
each in one transaction with its audit row. A licence's status and an offer's vetting move through
their workflows (:mod:`mekendesh.employment.workflows`); an agency and an offer are edited with
the version the editor read (a stale edit is refused, as everywhere).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import pycountry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record, changed_fields
from mekendesh.employment import isco
from mekendesh.employment.keys import licence_key, name_key
from mekendesh.employment.models import (
    Agency,
    AgencyWarning,
    Course,
    Enrolment,
    EnrolmentStatus,
    Housing,
    LicenceStatus,
    Offer,
    OfferQuestion,
    OfferStatus,
    SavedOffer,
)
from mekendesh.employment.selectors import CERTIFICATE_STATUS_LIST_CACHE_KEY
from mekendesh.employment.workflows import LICENCE, OFFER, suspended_agency_refusal
from mekendesh.lib.credential.certificate import Certificate, certificate_sign
from mekendesh.reference.models import Country
from mekendesh.workflows.idempotency import submitted_once
from mekendesh.workflows.models import WorkflowAction
from mekendesh.workflows.services import stale_object_error, transition

MAX_HOURS_PER_WEEK = 72
MAX_CONTRACT_MONTHS = 60
MAX_ANSWER_LENGTH = 4000
MAX_REASON_LENGTH = 1000
# Tries at a free status-list index when two certificates are issued at the same moment.
_INDEX_TRIES = 5


def _require(actor: Any, action: str, obj: Any = None) -> None:
    if not can(actor, action, obj):
        raise PermissionDenied(_("You may not do this."))


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _date(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def currency_known(code: str) -> bool:
    """Whether ``code`` is a currency of ISO 4217."""
    code = (code or "").strip().upper()
    return len(code) == 3 and pycountry.currencies.get(alpha_3=code) is not None


# --- agencies and licences ----------------------------------------------------------------------


@transaction.atomic
def agency_register(
    *,
    actor: Any,
    name: str,
    holder: str,
    licence_number: str,
    valid_from: dt.date,
    valid_until: dt.date,
    countries: Iterable[Country] = (),
    address: str = "",
    phone: str = "",
) -> Agency:
    """Record an agency and its licence. A licence whose validity has already ended is recorded
    as expired (a past licence the check must still answer for)."""
    _require(actor, "employment.licence")
    name, holder, number = _clean(name), _clean(holder), _clean(licence_number)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Name the agency.")
    if not holder:
        errors["holder"] = _("Name the licence holder.")
    key = licence_key(number)
    if not key:
        errors["licence_number"] = _("Give the licence number.")
    elif Agency.objects.filter(licence_key=key).exists():
        errors["licence_number"] = _("A licence with this number is recorded already.")
    if valid_from and valid_until and valid_until < valid_from:
        errors["valid_until"] = _("The licence cannot end (%(until)s) before it starts (%(from)s).") % {
            "until": _date(valid_until),
            "from": _date(valid_from),
        }
    if errors:
        raise ValidationError(errors)
    status = LicenceStatus.EXPIRED if valid_until < timezone.localdate() else LicenceStatus.VALID
    agency = Agency.objects.create(
        name=name,
        name_key=name_key(name),
        holder=holder,
        licence_number=number,
        licence_key=key,
        valid_from=valid_from,
        valid_until=valid_until,
        status=status,
        address=_clean(address),
        phone=_clean(phone),
        created_by=actor,
    )
    agency.countries.set(list(countries))
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=agency,
        fields=["name", "holder", "licence_number", "valid_from", "valid_until", "status", "countries"],
    )
    return agency


def licence_status_change(
    *,
    actor: Any,
    agency: Agency,
    action: str,
    reason: str,
    expected_version: int | None = None,
    idempotency_key: str | uuid.UUID | None = None,
) -> Agency:
    """Suspend, reinstate, revoke or expire a licence, with the reason kept in its history. The
    offers of a licence that is no longer valid leave the public pages at once (they are public
    only while their agency's licence is valid)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the change (the decision, its date).")})
    moved: Agency = transition(
        actor=actor,
        obj=agency,
        workflow=LICENCE,
        action=action,
        note=reason,
        expected_version=expected_version,
        idempotency_key=idempotency_key,
    )
    return moved


def _licence_dates_error(valid_from: dt.date | None, valid_until: dt.date | None) -> dict[str, str]:
    if valid_from is None:
        return {"valid_from": _("Give the date the licence starts.")}
    if valid_until is None:
        return {"valid_until": _("Give the date the licence ends.")}
    if valid_until < valid_from:
        return {
            "valid_until": _("The licence cannot end (%(until)s) before it starts (%(from)s).")
            % {"until": _date(valid_until), "from": _date(valid_from)}
        }
    return {}


@transaction.atomic
def agency_update(
    *,
    actor: Any,
    agency: Agency,
    name: str,
    holder: str,
    valid_from: dt.date,
    valid_until: dt.date,
    countries: Iterable[Country] = (),
    address: str = "",
    phone: str = "",
    expected_version: int | None = None,
) -> Agency:
    """Correct an agency's name, licence holder, validity, countries served and contacts.

    The licence number stays (another number is another licence), and so does the licence's
    status: it moves only through the licence workflow, which keeps its history. A validity
    that now ends before today expires the licence through that workflow (a move in its history,
    with the date); a licence that expired or was revoked stays so when its dates are moved on (a
    new licence is a new record). A country in which the agency has open offers cannot be taken
    off its list (withdraw them first): an offer is placed only where its agency is licensed.

    An edit of a version someone else changed since (``expected_version``) raises
    ``StaleObjectError`` and stores nothing; bad input raises ``ValidationError`` naming the
    field, and stores nothing either. Nothing changed: nothing stored."""
    _require(actor, "employment.licence")
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale_object_error()
    name, holder = _clean(name), _clean(holder)
    chosen = list(countries)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Name the agency.")
    if not holder:
        errors["holder"] = _("Name the licence holder.")
    errors.update(_licence_dates_error(valid_from, valid_until))
    if chosen:
        stranded = sorted(
            {
                offer.country.name
                for offer in Offer.objects.filter(
                    agency=locked,
                    status__in=[OfferStatus.DRAFT, OfferStatus.VETTED],
                    expires_on__gte=timezone.localdate(),
                )
                .exclude(country__in=chosen)
                .select_related("country")
            }
        )
        if stranded:
            errors["countries"] = _(
                "%(agency)s has open offers in %(countries)s: withdraw them before taking the country off the list."
            ) % {"agency": locked.name, "countries": ", ".join(stranded)}
    if errors:
        raise ValidationError(errors)
    changes: dict[str, Any] = {
        "name": name,
        "holder": holder,
        "valid_from": valid_from,
        "valid_until": valid_until,
        "address": _clean(address),
        "phone": _clean(phone),
    }
    fields = changed_fields({field: getattr(locked, field) for field in changes}, changes)
    for field in fields:
        setattr(locked, field, changes[field])
    saved = list(fields)
    if "name" in fields:
        locked.name_key = name_key(name)
        saved.append("name_key")
    if set(locked.countries.values_list("pk", flat=True)) != {country.pk for country in chosen}:
        locked.countries.set(chosen)
        fields.append("countries")
    if not fields:
        return locked
    locked.version += 1
    locked.save(update_fields=[*saved, "version"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=locked, fields=sorted(fields))
    if locked.valid_until < timezone.localdate() and locked.status in (LicenceStatus.VALID, LicenceStatus.SUSPENDED):
        locked = transition(
            actor=actor,
            obj=locked,
            workflow=LICENCE,
            action="expire",
            note=_("The licence's validity ended on %(date)s.") % {"date": _date(locked.valid_until)},
        )
    return locked


@transaction.atomic
def licences_expire(*, today: dt.date | None = None) -> int:
    """Expire every licence in force whose validity has ended (the nightly job): each move is
    recorded in the licence's history, as the scheduler's, with its audit row."""
    today = today or timezone.localdate()
    content_type = ContentType.objects.get_for_model(Agency)
    count = 0
    ending = Agency.objects.select_for_update().filter(
        status__in=[LicenceStatus.VALID, LicenceStatus.SUSPENDED], valid_until__lt=today
    )
    for agency in ending:
        before = agency.status
        agency.status = LicenceStatus.EXPIRED
        agency.version += 1
        agency.save(update_fields=["status", "version"])
        WorkflowAction.objects.create(
            workflow=LICENCE.name,
            content_type=content_type,
            object_id=str(agency.pk),
            action="expire",
            from_state=before,
            to_state=LicenceStatus.EXPIRED,
            actor=None,
            note=_("The licence's validity ended on %(date)s.") % {"date": _date(agency.valid_until)},
        )
        audit_record(actor=None, action=AuditEvent.Action.UPDATE, obj=agency, fields=["status"])
        count += 1
    return count


@transaction.atomic
def warning_add(
    *,
    actor: Any,
    name: str,
    where_reported: str,
    reported_on: dt.date,
    source: str,
    details: str = "",
    agency: Agency | None = None,
) -> AgencyWarning:
    """Warn the public about someone found recruiting illegally (shown by the licence check)."""
    _require(actor, "employment.licence")
    name, where_reported, source = _clean(name), _clean(where_reported), _clean(source)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Give the name the recruiter uses.")
    if not where_reported:
        errors["where_reported"] = _("Say where they were reported (a city, a website, a social network).")
    if not source:
        errors["source"] = _("Name the source of the warning (a decision, a report, a press release).")
    if reported_on and reported_on > timezone.localdate():
        errors["reported_on"] = _("The date of the report cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    warning = AgencyWarning.objects.create(
        name=name,
        name_key=name_key(name),
        where_reported=where_reported,
        reported_on=reported_on,
        source=source,
        details=(details or "").strip(),
        agency=agency,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=warning,
        fields=["name", "where_reported", "reported_on", "source", "details", "agency"],
    )
    return warning


# --- job offers -----------------------------------------------------------------------------------


OFFER_FIELDS = (
    "agency",
    "employer",
    "country",
    "city",
    "title",
    "isco_code",
    "wage",
    "currency",
    "hours_per_week",
    "housing",
    "contract_months",
    "positions",
    "expires_on",
    "description",
)


def _offer_terms(given: dict[str, Any]) -> dict[str, Any]:
    """An offer's terms as :func:`offer_create` and :func:`offer_update` store them (the
    agency locked, texts and codes cleaned), or ``ValidationError`` naming each refused field."""
    terms = {field: given[field] for field in OFFER_FIELDS}
    terms["agency"] = agency = Agency.objects.select_for_update().get(pk=given["agency"].pk)
    for field in ("employer", "city", "title"):
        terms[field] = _clean(terms[field])
    terms["isco_code"] = (terms["isco_code"] or "").strip()
    terms["currency"] = (terms["currency"] or "").strip().upper()
    terms["description"] = (terms["description"] or "").strip()
    country, isco_code, wage, currency = terms["country"], terms["isco_code"], terms["wage"], terms["currency"]
    hours_per_week, contract_months, positions = terms["hours_per_week"], terms["contract_months"], terms["positions"]
    expires_on = terms["expires_on"]
    employer, city, title = terms["employer"], terms["city"], terms["title"]
    errors: dict[str, str] = {}
    if agency.status != LicenceStatus.VALID:
        errors["agency"] = suspended_agency_refusal(agency)
    elif agency.valid_until < timezone.localdate():
        errors["agency"] = _("The licence of %(agency)s ended on %(date)s.") % {
            "agency": agency.name,
            "date": _date(agency.valid_until),
        }
    elif agency.countries.exists() and not agency.countries.filter(pk=country.pk).exists():
        errors["country"] = _("%(agency)s is not licensed to place workers in %(country)s.") % {
            "agency": agency.name,
            "country": country.name,
        }
    if not employer:
        errors["employer"] = _("Name the employer.")
    if not city:
        errors["city"] = _("Name the city.")
    if not title:
        errors["title"] = _("Give the job title.")
    if not isco.is_unit_group(isco_code):
        errors["isco_code"] = _("“%(code)s” is not an ISCO-08 unit group known here (four digits, e.g. 7112).") % {
            "code": isco_code
        }
    try:
        amount = Decimal(str(wage))
    except (InvalidOperation, ValueError):
        amount = Decimal(0)
    if not amount.is_finite() or amount <= 0:
        errors["wage"] = _("The wage must be more than zero.")
    if not currency_known(currency):
        errors["currency"] = _("“%(code)s” is not a currency code of ISO 4217 (e.g. RUB, KZT, KRW, TRY).") % {
            "code": currency
        }
    if not 0 < hours_per_week <= MAX_HOURS_PER_WEEK:
        errors["hours_per_week"] = _("Hours a week must be between 1 and %(max)d.") % {"max": MAX_HOURS_PER_WEEK}
    if not 0 < contract_months <= MAX_CONTRACT_MONTHS:
        errors["contract_months"] = _("The contract must last between 1 and %(max)d months.") % {
            "max": MAX_CONTRACT_MONTHS
        }
    if positions < 1:
        errors["positions"] = _("An offer has at least one position.")
    if expires_on < timezone.localdate():
        errors["expires_on"] = _("The offer cannot close (%(date)s) in the past.") % {"date": _date(expires_on)}
    if terms["housing"] not in Housing.values:
        errors["housing"] = _("Choose the housing the offer comes with.")
    if errors:
        raise ValidationError(errors)
    terms["wage"] = amount
    return terms


@transaction.atomic
def offer_create(
    *,
    actor: Any,
    agency: Agency,
    employer: str,
    country: Country,
    city: str,
    title: str,
    isco_code: str,
    wage: Decimal | int | str,
    currency: str,
    hours_per_week: int,
    housing: str,
    contract_months: int,
    expires_on: dt.date,
    positions: int = 1,
    description: str = "",
) -> Offer:
    """Record a job offer (awaiting vetting). Refused, naming the field: an agency whose licence
    is not valid, a wage of zero or less, a currency outside ISO 4217, an unknown occupation code, a
    closing date in the past."""
    _require(actor, "employment.offer")
    # The parameters are the offer's terms (OFFER_FIELDS) besides the actor.
    terms = _offer_terms(locals())
    offer = Offer.objects.create(**terms, created_by=actor)
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=offer, fields=list(OFFER_FIELDS))
    return offer


@transaction.atomic
def offer_update(
    *,
    actor: Any,
    offer: Offer,
    agency: Agency,
    employer: str,
    country: Country,
    city: str,
    title: str,
    isco_code: str,
    wage: Decimal | int | str,
    currency: str,
    hours_per_week: int,
    housing: str,
    contract_months: int,
    expires_on: dt.date,
    positions: int = 1,
    description: str = "",
    expected_version: int | None = None,
) -> Offer:
    """Change an offer after it was recorded, with the checks of :func:`offer_create` (each
    refusal names its field): an agency whose licence is valid and not suspended and that serves
    the country, a wage above zero in a currency of ISO 4217, a known occupation, a closing date
    that is not past.

    A vetted offer that is changed goes back to awaiting vetting — the workflow's ``revise``,
    recorded in the offer's history with the fields that changed — and leaves the public pages
    until it is vetted again: what the public reads has been vetted, and a changed wage, agency or
    employer has not. A withdrawn offer is closed and is not changed. An edit of a version someone
    else changed since (``expected_version``) raises ``StaleObjectError``; whatever is refused
    stores nothing. Nothing changed: nothing stored."""
    _require(actor, "employment.offer")
    locked = Offer.objects.select_for_update().get(pk=offer.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale_object_error()
    if locked.status == OfferStatus.WITHDRAWN:
        raise ValidationError(_("This offer is withdrawn: it cannot be changed."), code="offer_withdrawn")
    # The parameters are the offer's terms (OFFER_FIELDS) besides actor, offer and expected_version.
    changes = _offer_terms(locals())
    fields = changed_fields({field: getattr(locked, field) for field in OFFER_FIELDS}, changes)
    if not fields:
        return locked
    for field in fields:
        setattr(locked, field, changes[field])
    locked.version += 1
    locked.save(update_fields=[*fields, "version"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=locked, fields=fields)
    if locked.status == OfferStatus.VETTED:
        labels = ", ".join(str(getattr(Offer._meta.get_field(field), "verbose_name", field)) for field in fields)
        locked = transition(
            actor=actor,
            obj=locked,
            workflow=OFFER,
            action="revise",
            note=_("Changed after vetting (%(fields)s): to be vetted again.") % {"fields": labels},
        )
    return locked


def offer_move(
    *,
    actor: Any,
    offer: Offer,
    action: str,
    note: str = "",
    expected_version: int | None = None,
    idempotency_key: str | uuid.UUID | None = None,
) -> Offer:
    """Vet or withdraw an offer (vetting records who and when; refused for an agency whose
    licence is not valid, and for an offer already closed)."""
    moved: Offer = transition(
        actor=actor,
        obj=offer,
        workflow=OFFER,
        action=action,
        note=(note or "").strip(),
        expected_version=expected_version,
        idempotency_key=idempotency_key,
    )
    return moved


def _public_offer(offer: Offer) -> None:
    from mekendesh.employment.selectors import offers_public

    if not offers_public().filter(pk=offer.pk).exists():
        raise ValidationError(_("This offer is no longer open."), code="offer_closed")


@transaction.atomic
def offer_save(*, actor: Any, offer: Offer) -> tuple[SavedOffer, bool]:
    """Keep a public offer in the migrant's account; saving it again changes nothing."""
    _require(actor, "employment.apply")
    _public_offer(offer)
    saved, created = SavedOffer.objects.get_or_create(user=actor, offer=offer)
    if created:
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=saved, fields=["offer"])
    return saved, created


@transaction.atomic
def offer_unsave(*, actor: Any, offer: Offer) -> bool:
    _require(actor, "employment.apply")
    saved = SavedOffer.objects.filter(user=actor, offer=offer).first()
    if saved is None:
        return False
    audit_record(actor=actor, action=AuditEvent.Action.DELETE, obj=saved, fields=["offer"])
    saved.delete()
    return True


def offer_ask(
    *, actor: Any, offer: Offer, addressee: str, message: str, submission_key: uuid.UUID | None = None
) -> tuple[OfferQuestion, bool]:
    """A migrant's question about a public offer, to the consulate or the agency (employment
    staff see it). The same form sent twice stores one question."""
    _require(actor, "employment.apply")
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write your question.")})

    def make() -> OfferQuestion:
        _public_offer(offer)
        question = OfferQuestion.objects.create(offer=offer, user=actor, addressee=addressee, message=message)
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=question, fields=["addressee", "message"])
        return question

    return submitted_once(key=submission_key, actor=actor, kind="employment.question", make=make)


def _tell_the_asker(*, actor: Any, question: OfferQuestion) -> None:
    """Tell the migrant who asked that the answer is in their account: by the person's own ways
    (their account's confirmed address, their e-mail and phone while they consent to consular
    contact), else the account's confirmed address; no one is told when there is no way."""
    from mekendesh.notifications.services import notification_queue, recipient_for_person, recipient_for_user
    from mekendesh.people.models import Person

    person = Person.objects.filter(account=question.user).select_related("account").first()
    recipient = recipient_for_person(person) if person is not None else recipient_for_user(question.user)
    if recipient is None:
        return
    link = settings.SITE_URL.rstrip("/") + reverse("migrant:employment") + f"#question-{question.public_id}"
    notification_queue(
        recipient=recipient,
        event_key=f"employment:question:{question.pk}:answered",
        template="employment/answered",
        context={"offer_title": question.offer.title, "link": link},
        about=question,
        actor=actor,
    )


@transaction.atomic
def question_answer(*, actor: Any, question: OfferQuestion, answer: str) -> OfferQuestion:
    """Answer a migrant's question about an offer (an employment officer, having asked the agency
    where the question was to them). The answer is shown in the migrant's account, and they are
    told it is there by e-mail or SMS in their language (the message holds a link, not the
    answer). A question is answered once: of two officers answering at the same moment, the
    second is told it was answered already, and nothing of theirs is stored."""
    _require(actor, "employment.offer")
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Write the answer.")})
    if len(answer) > MAX_ANSWER_LENGTH:
        raise ValidationError(
            {"answer": _("The answer is too long: at most %(max)d characters.") % {"max": MAX_ANSWER_LENGTH}}
        )
    locked = OfferQuestion.objects.select_for_update().get(pk=question.pk)
    if locked.answered_at is not None:
        raise ValidationError(
            _("This question was answered already, on %(date)s.")
            % {"date": timezone.localtime(locked.answered_at).strftime("%d.%m.%Y %H:%M")},
            code="answered",
        )
    locked.answer = answer
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answer", "answered_by", "answered_at"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=locked, fields=["answer"])
    question = OfferQuestion.objects.select_related("offer", "user").get(pk=locked.pk)
    _tell_the_asker(actor=actor, question=question)
    return question


# --- courses and enrolments -------------------------------------------------------------------


@transaction.atomic
def course_create(
    *,
    actor: Any,
    title: str,
    provider: str,
    topic: str,
    starts_on: dt.date,
    ends_on: dt.date,
    seats: int,
    online: bool = False,
    place: str = "",
    destination: Country | None = None,
    description: str = "",
) -> Course:
    _require(actor, "employment.course")
    title, provider, place = _clean(title), _clean(provider), _clean(place)
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Give the course a title.")
    if not provider:
        errors["provider"] = _("Name the provider.")
    if not online and not place:
        errors["place"] = _("Say where the course takes place, or mark it as online.")
    if ends_on < starts_on:
        errors["ends_on"] = _("The course cannot end (%(until)s) before it starts (%(from)s).") % {
            "until": _date(ends_on),
            "from": _date(starts_on),
        }
    if seats < 1:
        errors["seats"] = _("A course has at least one seat.")
    if errors:
        raise ValidationError(errors)
    course = Course.objects.create(
        title=title,
        provider=provider,
        topic=topic,
        starts_on=starts_on,
        ends_on=ends_on,
        seats=seats,
        online=online,
        place=place,
        destination=destination,
        description=(description or "").strip(),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=course,
        fields=["title", "provider", "topic", "starts_on", "ends_on", "seats", "online", "place", "destination"],
    )
    return course


def _participant_name(user: Any) -> str:
    from mekendesh.people.models import Person

    person = Person.objects.filter(account=user).first()
    primary = person.primary_name if person is not None else None
    if primary is not None:
        return " ".join(part for part in (primary.surname, primary.given_names) if part)
    return str(user.full_name or user.email)


def seats_taken(course: Course) -> int:
    return course.enrolments.filter(status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED]).count()


def enrolment_make(*, actor: Any, course: Course, submission_key: uuid.UUID | None = None) -> tuple[Enrolment, bool]:
    """Enrol a migrant in a course: a seat while there is one, the waiting list when the course is
    full. ``(enrolment, False)`` when they are already enrolled or waiting: nothing changes."""
    _require(actor, "employment.apply")

    def make() -> tuple[Enrolment, bool]:
        locked = Course.objects.select_for_update().get(pk=course.pk)
        existing = Enrolment.objects.filter(course=locked, user=actor).first()
        if existing is not None and existing.status != EnrolmentStatus.CANCELLED:
            return existing, False
        if locked.ends_on < timezone.localdate():
            raise ValidationError(_("This course is over: enrolment is closed."), code="course_over")
        status = EnrolmentStatus.ENROLLED if seats_taken(locked) < locked.seats else EnrolmentStatus.WAITING
        if existing is not None:
            existing.status = status
            existing.save(update_fields=["status"])
            enrolment = existing
        else:
            enrolment = Enrolment.objects.create(
                course=locked, user=actor, participant_name=_participant_name(actor), status=status
            )
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=enrolment, fields=["course", "status"])
        return enrolment, True

    (enrolment, created), first = submitted_once(
        key=submission_key,
        actor=actor,
        kind="employment.enrolment",
        make=make,
        result_of=lambda made: made[0],
        replayed=lambda stored: (stored, False),
    )
    return enrolment, created and first


@transaction.atomic
def enrolment_cancel(*, actor: Any, enrolment: Enrolment) -> Enrolment:
    """The migrant gives up their place (or their place on the waiting list); the first on the
    waiting list takes a freed seat."""
    if not (can(actor, "employment.apply") and enrolment.user_id == actor.pk) and not can(actor, "employment.course"):
        raise PermissionDenied(_("You may not do this."))
    course = Course.objects.select_for_update().get(pk=enrolment.course_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status not in (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING):
        raise ValidationError(_("Only an enrolment that is not completed can be cancelled."))
    freed = enrolment.status == EnrolmentStatus.ENROLLED
    enrolment.status = EnrolmentStatus.CANCELLED
    enrolment.save(update_fields=["status"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=enrolment, fields=["status"])
    if freed and seats_taken(course) < course.seats:
        waiting = course.enrolments.filter(status=EnrolmentStatus.WAITING).order_by("enrolled_at", "id").first()
        if waiting is not None:
            waiting.status = EnrolmentStatus.ENROLLED
            waiting.save(update_fields=["status"])
            audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=waiting, fields=["status"])
    return enrolment


@transaction.atomic
def enrolment_attendance(*, actor: Any, enrolment: Enrolment, days_attended: int) -> Enrolment:
    _require(actor, "employment.course")
    enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    course_days = (enrolment.course.ends_on - enrolment.course.starts_on).days + 1
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Attendance is kept for enrolled participants only."))
    if not 0 <= days_attended <= course_days:
        raise ValidationError(
            {"days_attended": _("Between 0 and %(days)d days (the course's length).") % {"days": course_days}}
        )
    enrolment.days_attended = days_attended
    enrolment.save(update_fields=["days_attended"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=enrolment, fields=["days_attended"])
    return enrolment


@transaction.atomic
def enrolment_complete(*, actor: Any, enrolment: Enrolment) -> Enrolment:
    """Record that a participant completed the course and issue the signed certificate, with
    its own index in the certificates' revocation status list."""
    from mekendesh.credentials.keys import issuing_key

    _require(actor, "employment.course")
    enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Only an enrolled participant can complete the course."))
    if enrolment.days_attended < 1:
        raise ValidationError(_("Record the participant's attendance first."))
    now = timezone.now()
    key = issuing_key()
    course = enrolment.course
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = now
    for attempt in range(_INDEX_TRIES):
        index = _next_certificate_index()
        certificate = Certificate(
            certificate_id=enrolment.public_id,
            issuer=settings.CREDENTIAL_ISSUER,
            participant=enrolment.participant_name,
            course=course.title,
            provider=course.provider,
            topic=course.topic,
            starts_on=course.starts_on,
            ends_on=course.ends_on,
            completed_on=timezone.localdate(now),
            issued_at=now,
            status_index=index,
        )
        enrolment.status_index = index
        enrolment.certificate = certificate_sign(certificate, key)
        try:
            with transaction.atomic():
                enrolment.save(update_fields=["status", "completed_at", "certificate", "status_index"])
            break
        except IntegrityError:
            # Another certificate took the index in the meantime: take the next one.
            if attempt == _INDEX_TRIES - 1:
                raise
    audit_record(
        actor=actor, action=AuditEvent.Action.UPDATE, obj=enrolment, fields=["status", "certificate", "status_index"]
    )
    return enrolment


def _next_certificate_index() -> int:
    last = Enrolment.objects.aggregate(last=Max("status_index"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def certificate_revoke(*, actor: Any, enrolment: Enrolment, reason: str) -> Enrolment:
    """Withdraw a course certificate, with the reason (kept for staff and shown to the
    participant). From the commit on, the public verification page says it is revoked and since
    when, and its bit is set in the certificates' signed status list (offline checks). The
    completion itself stays on record; a certificate is revoked once, and a second revocation is
    refused with the date of the first."""
    _require(actor, "employment.course")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the revocation (the decision, its date).")})
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("The reason is too long: at most %(max)d characters.") % {"max": MAX_REASON_LENGTH}}
        )
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if locked.status != EnrolmentStatus.COMPLETED or not locked.certificate:
        raise ValidationError(_("Only the certificate of a completed course can be revoked."), code="no_certificate")
    if locked.revoked_at is not None:
        raise ValidationError(
            _("This certificate was revoked already, on %(date)s.")
            % {"date": timezone.localtime(locked.revoked_at).strftime("%d.%m.%Y")},
            code="revoked",
        )
    locked.revoked_at = timezone.now()
    locked.revocation_reason = reason
    locked.revoked_by = actor
    locked.save(update_fields=["revoked_at", "revocation_reason", "revoked_by"])
    transaction.on_commit(lambda: cache.delete(CERTIFICATE_STATUS_LIST_CACHE_KEY))
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=locked, fields=["revoked_at", "revocation_reason"])
    return locked
