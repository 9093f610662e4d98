"""Writes to the register. Each function changes data in one transaction and writes its audit
row in the same transaction (see :mod:`mekendesh.audit.services`)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record, changed_fields
from mekendesh.lib.hashing import lookup_hash, normalise_document_number
from mekendesh.lib.mrz import MRZError, parse_mrz
from mekendesh.names import name_key
from mekendesh.people.models import (
    Consent,
    ConsentPurpose,
    DocumentKind,
    IdentityDocument,
    NameForm,
    NameSource,
    Person,
    Stay,
    StayStatus,
)
from mekendesh.reference.models import ConsularDistrict, Country, HostRegion

CONSENT_WORDING_VERSION = "2026-11"


class StaleObjectError(Exception):
    """Someone else saved the object after it was loaded: reload and try again."""


@dataclass(frozen=True)
class NameInput:
    script: str
    surname: str
    given_names: str
    patronymic: str = ""
    source: str = NameSource.SELF_DECLARED


@dataclass(frozen=True)
class DocumentInput:
    number: str
    issuing_country: Country
    kind: str = DocumentKind.PASSPORT
    expiry_date: dt.date | None = None
    mrz: str = ""


@dataclass(frozen=True)
class StayInput:
    country: Country
    arrival_date: dt.date
    host_region: HostRegion | None = None
    city: str = ""
    address: str = ""
    employer: str = ""
    purpose: str = "work"
    permit_type: str = "none"
    permit_expiry: dt.date | None = None
    departure_date: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def name_search_key(surname: str, given_names: str, patronymic: str = "") -> str:
    return name_key(" ".join(part for part in (surname, given_names, patronymic) if part))[:400]


def consular_district_for(*, country: Country, host_region: HostRegion | None) -> ConsularDistrict | None:
    """The consular district of a place: the one naming its host region, else its country."""
    if host_region is not None:
        by_region = ConsularDistrict.objects.filter(host_regions=host_region).order_by("code").first()
        if by_region is not None:
            return by_region
    return ConsularDistrict.objects.filter(countries=country).order_by("code").first()


def document_check(document: DocumentInput, *, birth_date: dt.date | None = None) -> None:
    """Refuse a document whose machine-readable zone is wrong or disagrees with the form."""
    number = normalise_document_number(document.number)
    if not number.isalnum() or not 5 <= len(number) <= 20:
        raise ValidationError(
            {"document_number": _("A document number has 5 to 20 letters and digits.")}
        )
    if not document.mrz:
        return
    try:
        parsed = parse_mrz(document.mrz)
    except MRZError as exc:
        messages = {
            "document_number": _("The check digit of the document number in the machine-readable zone is wrong."),
            "birth_date": _("The check digit of the date of birth in the machine-readable zone is wrong."),
            "expiry_date": _("The check digit of the expiry date in the machine-readable zone is wrong."),
            "optional_data": _("The check digit of the personal number in the machine-readable zone is wrong."),
            "composite": _("The final check digit of the machine-readable zone is wrong."),
        }
        raise ValidationError({"mrz": messages.get(exc.field, _("The machine-readable zone cannot be read: two lines of 44 characters, or three of 30."))}) from exc
    if parsed.document_number != number:
        raise ValidationError({"document_number": _("The document number differs from the one in the machine-readable zone.")})
    if birth_date is not None and parsed.birth_date != birth_date:
        raise ValidationError({"birth_date": _("The date of birth differs from the one in the machine-readable zone.")})


def _document_create(*, actor: Any, person: Person, document: DocumentInput) -> IdentityDocument:
    document_check(document, birth_date=person.birth_date)
    number = normalise_document_number(document.number)
    expiry = document.expiry_date
    if document.mrz and expiry is None:
        expiry = parse_mrz(document.mrz).expiry_date
    number_hash = lookup_hash(number)
    if IdentityDocument.objects.filter(
        kind=document.kind, issuing_country=document.issuing_country, number_hash=number_hash
    ).exists():
        raise ValidationError({"document_number": _("This document is already registered. Sign in to your account or ask your consulate.")})
    created = IdentityDocument.objects.create(
        person=person,
        kind=document.kind,
        issuing_country=document.issuing_country,
        number=number,
        number_hash=number_hash,
        expiry_date=expiry,
        mrz="\n".join(line.strip() for line in document.mrz.strip().splitlines()) or None,
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=created, person=person,
                 fields=["kind", "issuing_country", "number", "expiry_date", "mrz"])
    return created


def _name_create(*, actor: Any, person: Person, name: NameInput, primary: bool) -> NameForm:
    created = NameForm.objects.create(
        person=person,
        script=name.script,
        source=name.source,
        surname=name.surname,
        given_names=name.given_names,
        patronymic=name.patronymic,
        is_primary=primary,
        search_key=name_search_key(name.surname, name.given_names, name.patronymic),
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=created, person=person,
                 fields=["script", "source", "surname", "given_names", "patronymic"])
    return created


def consent_give(*, actor: Any, person: Person, purpose: str) -> Consent:
    active = person.consents.filter(purpose=purpose, withdrawn_at__isnull=True).first()
    if active is not None:
        return active
    consent = Consent.objects.create(
        person=person, purpose=purpose, wording_version=CONSENT_WORDING_VERSION, given_at=timezone.now()
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=consent, person=person,
                 fields=["purpose", "wording_version", "given_at"])
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Any, person: Person, purpose: str) -> Consent | None:
    consent = person.consents.select_for_update().filter(purpose=purpose, withdrawn_at__isnull=True).first()
    if consent is None:
        return None
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=consent, person=person, fields=["withdrawn_at"])
    return consent


def _stay_create(*, actor: Any, person: Person, stay: StayInput, submission_key: uuid.UUID | None) -> Stay:
    created = Stay.objects.create(
        person=person,
        country=stay.country,
        host_region=stay.host_region,
        city=stay.city,
        address=stay.address,
        employer=stay.employer,
        purpose=stay.purpose,
        permit_type=stay.permit_type,
        permit_expiry=stay.permit_expiry,
        arrival_date=stay.arrival_date,
        departure_date=stay.departure_date,
        status=StayStatus.ENDED if stay.departure_date and stay.departure_date <= timezone.localdate() else StayStatus.DECLARED,
        consular_district=consular_district_for(country=stay.country, host_region=stay.host_region),
        submission_key=submission_key,
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=created, person=person,
                 fields=["country", "host_region", "city", "address", "employer", "purpose", "permit_type",
                         "permit_expiry", "arrival_date", "departure_date"])
    return created


@transaction.atomic
def person_register(
    *,
    actor: Any,
    sex: str,
    birth_date: dt.date,
    names: Sequence[NameInput],
    origin_region: Any = None,
    origin_district: Any = None,
    email: str = "",
    phone: str = "",
    document: DocumentInput | None = None,
    consents: Iterable[str] = (ConsentPurpose.REGISTER,),
    account: Any = None,
) -> Person:
    """Create a person with their names, document and consents. Nothing is stored on error."""
    if not names:
        raise ValidationError({"surname": _("At least one name is required.")})
    consents = list(consents)
    if ConsentPurpose.REGISTER not in consents:
        raise ValidationError({"consent_register": _("Registration needs your consent to keep you on the register.")})
    if origin_district is not None and origin_region is not None and origin_district.region_id != origin_region.pk:
        raise ValidationError({"origin_district": _("This district is not in the chosen region.")})
    person = Person.objects.create(
        sex=sex, birth_date=birth_date, origin_region=origin_region, origin_district=origin_district,
        email=email, phone=phone, account=account,
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=person, person=person,
                 fields=["sex", "birth_date", "origin_region", "origin_district", "email", "phone"])
    for index, name in enumerate(names):
        _name_create(actor=actor, person=person, name=name, primary=index == 0)
    if document is not None:
        _document_create(actor=actor, person=person, document=document)
    for purpose in consents:
        consent_give(actor=actor, person=person, purpose=purpose)
    return person


@dataclass(frozen=True)
class RegistrationResult:
    person: Person
    stay: Stay
    created: bool


def self_registration_submit(
    *,
    actor: Any,
    submission_key: uuid.UUID,
    person_data: dict[str, Any],
    stay: StayInput,
) -> RegistrationResult:
    """A public registration of a person and their stay. Sending the same form twice (same
    ``submission_key``) returns the first registration instead of making a second one."""
    existing = Stay.objects.filter(submission_key=submission_key).select_related("person").first()
    if existing is not None:
        return RegistrationResult(person=existing.person, stay=existing, created=False)
    try:
        with transaction.atomic():
            person = person_register(actor=actor, **person_data)
            created = _stay_create(actor=actor, person=person, stay=stay, submission_key=submission_key)
    except IntegrityError:
        # Two copies of the form raced each other: the other one was stored first.
        existing = Stay.objects.filter(submission_key=submission_key).select_related("person").first()
        if existing is None:
            raise
        return RegistrationResult(person=existing.person, stay=existing, created=False)
    return RegistrationResult(person=person, stay=created, created=True)


def stay_add(*, actor: Any, person: Person, stay: StayInput, submission_key: uuid.UUID | None = None) -> tuple[Stay, bool]:
    """Add a stay to a registered person; a repeated submission returns the first stay."""
    if submission_key is not None:
        existing = Stay.objects.filter(submission_key=submission_key, person=person).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            return _stay_create(actor=actor, person=person, stay=stay, submission_key=submission_key), True
    except IntegrityError:
        existing = Stay.objects.filter(submission_key=submission_key, person=person).first()
        if existing is None:
            raise
        return existing, False


def _locked(model_object: Any, expected_version: int | None) -> Any:
    locked = type(model_object).objects.select_for_update().get(pk=model_object.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleObjectError(_("Someone else changed this record while you were editing it. Reload the page and try again."))
    return locked


@transaction.atomic
def stay_verify(*, actor: Any, stay: Stay, expected_version: int | None = None) -> Stay:
    stay = _locked(stay, expected_version)
    if stay.status != StayStatus.DECLARED:
        raise ValidationError(_("Only a declared stay can be verified."))
    stay.status = StayStatus.VERIFIED
    stay.verified_by = actor
    stay.verified_at = timezone.now()
    stay.version += 1
    stay.save(update_fields=["status", "verified_by", "verified_at", "version"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=stay, person=stay.person,
                 fields=["status", "verified_by", "verified_at"])
    return stay


@transaction.atomic
def stay_end(*, actor: Any, stay: Stay, departure_date: dt.date, expected_version: int | None = None) -> Stay:
    stay = _locked(stay, expected_version)
    if departure_date < stay.arrival_date:
        raise ValidationError({"departure_date": _("The departure date cannot be before the arrival date.")})
    stay.status = StayStatus.ENDED
    stay.departure_date = departure_date
    stay.version += 1
    stay.save(update_fields=["status", "departure_date", "version"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=stay, person=stay.person,
                 fields=["status", "departure_date"])
    return stay


PERSON_EDITABLE_FIELDS = ("sex", "birth_date", "origin_region", "origin_district", "email", "phone")


@transaction.atomic
def person_update(*, actor: Any, person: Person, expected_version: int | None = None, **changes: Any) -> Person:
    """Change a person's own fields; refuses a stale edit instead of overwriting someone else's."""
    unknown = set(changes) - set(PERSON_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    person = _locked(person, expected_version)
    before = {name: getattr(person, name) for name in changes}
    for name, value in changes.items():
        setattr(person, name, value)
    fields = changed_fields(before, changes)
    if not fields:
        return person
    person.version += 1
    person.save(update_fields=[*fields, "version", "updated_at"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=person, person=person, fields=fields)
    return person


@transaction.atomic
def name_update(*, actor: Any, name: NameForm, surname: str, given_names: str, patronymic: str = "") -> NameForm:
    before = {"surname": name.surname, "given_names": name.given_names, "patronymic": name.patronymic}
    after = {"surname": surname, "given_names": given_names, "patronymic": patronymic}
    fields = changed_fields(before, after)
    if not fields:
        return name
    name.surname, name.given_names, name.patronymic = surname, given_names, patronymic
    name.search_key = name_search_key(surname, given_names, patronymic)
    name.save(update_fields=["surname", "given_names", "patronymic", "search_key"])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=name, person=name.person, fields=fields)
    return name


@transaction.atomic
def name_add(*, actor: Any, person: Person, name: NameInput) -> NameForm:
    return _name_create(actor=actor, person=person, name=name, primary=not person.names.exists())


# --- The migrant's own registration and account -------------------------------------------------

# Accounts made with a phone number still need a unique e-mail field: a placeholder in the
# ".invalid" top-level domain (RFC 2606), which no mail server accepts.
PHONE_ACCOUNT_EMAIL_DOMAIN = "phone.invalid"


def phone_account_email(phone: str) -> str:
    """The placeholder e-mail of an account whose login is a phone number."""
    return f"{''.join(char for char in phone if char.isdigit())}@{PHONE_ACCOUNT_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class AccountInput:
    """How a migrant signs in: an e-mail address or a phone number (E.164), and a password."""

    password: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class MigrantRegistration:
    person: Person
    stay: Stay
    account: Any
    created: bool


class _AlreadyRegistered(Exception):
    """Raised inside the transaction to roll back an account made for a repeated submission."""

    def __init__(self, result: RegistrationResult) -> None:
        super().__init__("already registered")
        self.result = result


def _migrant_account_create(*, account: AccountInput) -> Any:
    from django.contrib.auth import password_validation

    from mekendesh.accounts.models import Role, User

    email = account.email.strip().lower()
    phone = account.phone.strip()
    if not email and not phone:
        raise ValidationError({"login_with": _("Give an e-mail address or a phone number to sign in with.")})
    if email and User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists. Sign in instead.")})
    if phone and User.objects.filter(phone=phone).exists():
        raise ValidationError({"phone": _("An account with this phone number already exists. Sign in instead.")})
    user = User(email=email or phone_account_email(phone), phone=None if email else phone, role=Role.MIGRANT)
    try:
        password_validation.validate_password(account.password, user)
    except ValidationError as exc:
        raise ValidationError({"password1": exc.messages}) from exc
    user.set_password(account.password)
    user.save()
    return user


def _registration_by_key(submission_key: uuid.UUID) -> MigrantRegistration | None:
    stay = Stay.objects.filter(submission_key=submission_key).select_related("person__account").first()
    if stay is None:
        return None
    return MigrantRegistration(person=stay.person, stay=stay, account=stay.person.account, created=False)


def migrant_register(
    *,
    submission_key: uuid.UUID,
    person_data: dict[str, Any],
    stay: StayInput,
    account: AccountInput | None = None,
    user: Any = None,
) -> MigrantRegistration:
    """A migrant's public registration: their account (unless ``user`` is already signed in),
    the person with names, document and consents, and the stay — all in one transaction.

    The same form sent twice (same ``submission_key``: a double click, a retry after a timeout)
    returns the first registration; nothing is stored twice and nothing half.
    """
    existing = _registration_by_key(submission_key)
    if existing is not None:
        return existing
    if user is not None and Person.objects.filter(account=user).exists():
        raise ValidationError(_("You are already registered. Add a new stay from your page instead."))
    try:
        with transaction.atomic():
            new_account = user is None
            if new_account:
                if account is None:
                    raise ValueError("a new registration needs an account or a signed-in user")
                user = _migrant_account_create(account=account)
            result = self_registration_submit(
                actor=user, submission_key=submission_key, person_data={**person_data, "account": user}, stay=stay
            )
            if not result.created:
                raise _AlreadyRegistered(result)
            if new_account:
                audit_record(actor=user, action=AuditEvent.Action.CREATE, obj=user, person=result.person,
                             fields=["email", "phone", "role", "password"])
    except _AlreadyRegistered as replay:
        return MigrantRegistration(person=replay.result.person, stay=replay.result.stay,
                                   account=replay.result.person.account, created=False)
    except ValidationError:
        # "This e-mail / document is already registered" may mean that the first copy of this
        # very form was stored after the look-up above: then that copy is the answer.
        existing = _registration_by_key(submission_key)
        if existing is not None:
            return existing
        raise
    except IntegrityError as exc:
        # Another request stored the same form, e-mail, phone or document at the same moment.
        existing = _registration_by_key(submission_key)
        if existing is not None:
            return existing
        raise ValidationError(
            _("Someone registered the same e-mail address, phone number or document a moment ago. "
              "Check your data and send the form again.")
        ) from exc
    return MigrantRegistration(person=result.person, stay=result.stay, account=user, created=True)


@transaction.atomic
def consent_grant(*, actor: Any, person: Person, purpose: str) -> Consent:
    """Give (or give again, after a withdrawal) consent for one purpose."""
    return consent_give(actor=actor, person=person, purpose=purpose)
