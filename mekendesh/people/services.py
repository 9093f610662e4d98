"""Writes to the register. Each function changes data in one transaction and writes its audit
row in the same transaction (see :mod:`mekendesh.audit.services`)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can, is_staff
from mekendesh.accounts.services import (
    PHONE_ACCOUNT_EMAIL_DOMAIN,
    AccountInput,
    AccountTaken,
    account_confirmation_send,
    account_taken_notify,
    migrant_account_create,
    phone_account_email,
)
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record, changed_fields
from mekendesh.lib.hashing import lookup_hash, lookup_hashes, normalise_document_number
from mekendesh.lib.mrz import MRZError, parse_mrz
from mekendesh.names import name_key
from mekendesh.people.linkage_features import linkage_features_write
from mekendesh.people.models import (
    Consent,
    ConsentPurpose,
    DocumentClaim,
    DocumentKind,
    IdentityDocument,
    NameForm,
    NameSource,
    Person,
    Sex,
    Stay,
    StayStatus,
)
from mekendesh.people.search_index import name_tokens_write
from mekendesh.people.validators import (
    normalise_phone,
    validate_birth_date,
    validate_name,
    validate_stay_dates,
)
from mekendesh.reference.models import ConsularDistrict, Country, District, HostRegion, Region
from mekendesh.workflows.errors import StaleObjectError, SubmissionKeyTaken
from mekendesh.workflows.idempotency import submission_get, submission_result, submitted_once
from mekendesh.workflows.services import stale_object_error, transition

__all__ = [
    "PHONE_ACCOUNT_EMAIL_DOMAIN",
    "AccountInput",
    "StaleObjectError",
    "SubmissionKeyTaken",
    "phone_account_email",
]

CONSENT_WORDING_VERSION = "2026-11"
REGISTRATION = "people.registration"
STAY_ADD = "people.stay_add"


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
    # Where in the country of origin the person last lived before leaving; None: not stated.
    residence_region: Region | None = None
    residence_district: District | None = None


def name_search_key(surname: str, given_names: str, patronymic: str = "") -> str:
    return name_key(" ".join(part for part in (surname, given_names, patronymic) if part))[:400]


def districts_serving(country: Country) -> list[ConsularDistrict]:
    """The consular districts that serve a country, whole or by some of its host regions."""
    return list(
        ConsularDistrict.objects.filter(Q(countries=country) | Q(host_regions__country=country))
        .distinct()
        .order_by("code")
    )


def needs_host_region(country: Country) -> bool:
    """Whether a stay in ``country`` must name its host region: several consulates serve it, and
    which one a stay belongs to must follow from what is stored, never from a typed city."""
    return len(districts_serving(country)) > 1


def consular_district_for(*, country: Country, host_region: HostRegion | None) -> ConsularDistrict | None:
    """The consular district of a place, from its stored fields only: the one naming its host
    region, else the one serving its whole country. Without a host region, in a country served by
    several districts, there is no answer (``None``): :func:`stay_check` refuses such a stay."""
    if host_region is not None:
        by_region = ConsularDistrict.objects.filter(host_regions=host_region).order_by("code").first()
        if by_region is not None:
            return by_region
    elif needs_host_region(country):
        return None
    return ConsularDistrict.objects.filter(countries=country).order_by("code").first()


@dataclass(frozen=True)
class _PlaceIn:
    """A place by its consular district, for ``can(actor, "stay.enter", …)``."""

    district: ConsularDistrict

    @property
    def consular_district_id(self) -> int:
        return self.district.pk


def residence_check(*, region: Region | None, district: District | None) -> dict[str, ValidationError]:
    """The errors of a stay's last residence before departure, by field: the region and the
    district lie in the country of origin, and the district in the region."""
    errors = origin_places_check(
        region=region, district=district, region_field="residence_region", district_field="residence_district"
    )
    other_region = region is not None and district is not None and district.region_id != region.pk
    if "residence_district" not in errors and other_region:
        errors["residence_district"] = ValidationError(
            _("This district is not in the chosen region of last residence."), code="other_region"
        )
    return errors


def origin_places_check(
    *, region: Region | None, district: District | None, region_field: str, district_field: str
) -> dict[str, ValidationError]:
    """A region and district of the country of origin this installation serves, by field: one of
    another country is refused with a message naming both countries."""
    errors: dict[str, ValidationError] = {}
    origin = settings.ORIGIN_COUNTRY
    for field, place, country_id in (
        (region_field, region, region.country_id if region is not None else None),
        (district_field, district, district.region.country_id if district is not None else None),
    ):
        if place is not None and country_id != origin:
            errors[field] = ValidationError(
                _("%(place)s is in %(country)s; choose a place in %(origin)s, the country this register serves."),
                code="other_country",
                params={
                    "place": place.name,
                    "country": Country.objects.get(pk=country_id).name,
                    "origin": Country.objects.get(pk=origin).name,
                },
            )
    return errors


def stay_check(
    *,
    actor: Any,
    country: Country | None,
    host_region: HostRegion | None = None,
    arrival_date: dt.date | None = None,
    departure_date: dt.date | None = None,
    birth_date: dt.date | None = None,
    residence_region: Region | None = None,
    residence_district: District | None = None,
) -> ConsularDistrict | None:
    """Refuse a stay that breaks a rule of the register, whoever enters it; return its consular
    district. Forms call it to show every error at once; :func:`stay_add` and the registrations
    call it again before storing.

    - the host region lies in the country of the stay;
    - the dates: not more than a year ahead, the departure not before the arrival, the arrival
      not before the person's birth;
    - in a country served by several consulates the host region is given (the district follows
      from what is stored, not from a city typed beside it);
    - a staff user enters stays only in their own consular districts (the consulate that serves
      the place registers the stay);
    - the last residence before departure, when given, lies in the country of origin, its
      district in its region.
    """
    errors: dict[str, Any] = dict(residence_check(region=residence_region, district=residence_district))
    try:
        validate_stay_dates(arrival_date, departure_date, birth_date=birth_date)
    except ValidationError as exc:
        errors.update(exc.error_dict)
    district = None
    if country is not None and host_region is not None and host_region.country_id != country.pk:
        errors["host_region"] = ValidationError(_("This region is not in the chosen country."), code="other_country")
    elif country is not None and host_region is None and needs_host_region(country):
        errors["host_region"] = ValidationError(
            _("Choose the region: this country is served by several consulates."), code="region_needed"
        )
    elif country is not None:
        district = consular_district_for(country=country, host_region=host_region)
        if is_staff(actor) and (district is None or not can(actor, "stay.enter", _PlaceIn(district))):
            errors["host_region"] = ValidationError(
                _("This place is outside your consular districts: the consulate that serves it registers the stay."),
                code="other_district",
            )
    if errors:
        raise ValidationError(errors)
    return district


def _phone_checked(phone: str) -> str:
    try:
        return normalise_phone(phone)
    except ValidationError as exc:
        raise ValidationError({"phone": exc.error_list}) from exc


def document_check(document: DocumentInput, *, birth_date: dt.date | None = None) -> None:
    """Refuse a document whose machine-readable zone is wrong or disagrees with the form."""
    number = normalise_document_number(document.number)
    if not number.isalnum() or not 5 <= len(number) <= 20:
        raise ValidationError({"document_number": _("A document number has 5 to 20 letters and digits.")})
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
        raise ValidationError(
            {
                "mrz": messages.get(
                    exc.field,
                    _("The machine-readable zone cannot be read: two lines of 44 characters, or three of 30."),
                )
            }
        ) from exc
    if parsed.document_number != number:
        raise ValidationError(
            {"document_number": _("The document number differs from the one in the machine-readable zone.")}
        )
    if birth_date is not None and parsed.birth_date != birth_date:
        raise ValidationError({"birth_date": _("The date of birth differs from the one in the machine-readable zone.")})


def _document_create(
    *, actor: Any, person: Person, document: DocumentInput, claim_if_taken: bool = False
) -> IdentityDocument | DocumentClaim:
    """Store a person's document. A number already registered to someone else is refused with
    a message saying so — or, with ``claim_if_taken`` (the public form, which must not tell
    anyone whether a number is registered), kept as a :class:`DocumentClaim` that flags the
    person for the consulate as a possible duplicate."""
    document_check(document, birth_date=person.birth_date)
    number = normalise_document_number(document.number)
    expiry = document.expiry_date
    if document.mrz and expiry is None:
        expiry = parse_mrz(document.mrz).expiry_date
    mrz = "\n".join(line.strip() for line in document.mrz.strip().splitlines()) or None
    fields = ["kind", "issuing_country", "number", "expiry_date", "mrz"]
    same = {"kind": document.kind, "issuing_country": document.issuing_country, "number_hash": lookup_hash(number)}
    # Stored under the current key or, until `rehash_documents` runs after a rotation, an earlier one.
    stored = IdentityDocument.objects.filter(
        kind=document.kind, issuing_country=document.issuing_country, number_hash__in=lookup_hashes(number)
    )
    holder = stored.select_related("person").first()
    if holder is None:
        try:
            with transaction.atomic():
                created = IdentityDocument.objects.create(
                    person=person, number=number, expiry_date=expiry, mrz=mrz, **same
                )
        except IntegrityError:
            # The same number was stored by another request a moment ago.
            if not claim_if_taken:
                raise
            holder = stored.select_related("person").first()
        else:
            audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=created, person=person, fields=fields)
            return created
    if not claim_if_taken:
        raise ValidationError(
            {
                "document_number": _(
                    "This document is already registered. Sign in to your account or ask your consulate."
                )
            }
        )
    claim = DocumentClaim.objects.create(
        person=person, number=number, expiry_date=expiry, mrz=mrz, holder=holder.person if holder else None, **same
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=claim, person=person, fields=[*fields, "holder"])
    return claim


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
    name_tokens_write(names=[created])
    if primary:
        linkage_features_write(people=[person.pk])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=created,
        person=person,
        fields=["script", "source", "surname", "given_names", "patronymic"],
    )
    return created


def consent_give(*, actor: Any, person: Person, purpose: str) -> Consent:
    active = person.consents.filter(purpose=purpose, withdrawn_at__isnull=True).first()
    if active is not None:
        return active
    consent = Consent.objects.create(
        person=person, purpose=purpose, wording_version=CONSENT_WORDING_VERSION, given_at=timezone.now()
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=consent,
        person=person,
        fields=["purpose", "wording_version", "given_at"],
    )
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
    district = stay_check(
        actor=actor,
        country=stay.country,
        host_region=stay.host_region,
        arrival_date=stay.arrival_date,
        departure_date=stay.departure_date,
        birth_date=person.birth_date,
        residence_region=stay.residence_region,
        residence_district=stay.residence_district,
    )
    # A district names its region; a region alone is kept without a district. Nothing is taken
    # from the region of origin: an empty residence is one not stated.
    residence_district = stay.residence_district
    residence_region = stay.residence_region or (residence_district.region if residence_district else None)
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
        residence_region=residence_region,
        residence_district=residence_district,
        status=StayStatus.ENDED
        if stay.departure_date and stay.departure_date <= timezone.localdate()
        else StayStatus.DECLARED,
        consular_district=district,
        submission_key=submission_key,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=created,
        person=person,
        fields=[
            "country",
            "host_region",
            "city",
            "address",
            "employer",
            "purpose",
            "permit_type",
            "permit_expiry",
            "arrival_date",
            "departure_date",
            "residence_region",
            "residence_district",
        ],
    )
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
    claim_document_if_taken: bool = False,
) -> Person:
    """Create a person with their names, document and consents. Nothing is stored on error.

    A document number already registered to someone else is refused, unless
    ``claim_document_if_taken`` (the public form): then it is kept as a claim for the consulate to
    check, and the answer is the same as for any other number."""
    if not names:
        raise ValidationError({"surname": _("At least one name is required.")})
    consents = list(consents)
    if ConsentPurpose.REGISTER not in consents:
        raise ValidationError({"consent_register": _("Registration needs your consent to keep you on the register.")})
    errors = origin_places_check(
        region=origin_region, district=origin_district, region_field="origin_region", district_field="origin_district"
    )
    if errors:
        raise ValidationError(errors)
    if origin_district is not None and origin_region is not None and origin_district.region_id != origin_region.pk:
        raise ValidationError({"origin_district": _("This district is not in the chosen region.")})
    try:
        validate_birth_date(birth_date)
    except ValidationError as exc:
        raise ValidationError({"birth_date": exc.error_list}) from exc
    phone = _phone_checked(phone)
    person = Person.objects.create(
        sex=sex,
        birth_date=birth_date,
        origin_region=origin_region,
        origin_district=origin_district,
        email=email,
        phone=phone,
        account=account,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=person,
        person=person,
        fields=["sex", "birth_date", "origin_region", "origin_district", "email", "phone"],
    )
    for index, name in enumerate(names):
        _name_create(actor=actor, person=person, name=name, primary=index == 0)
    if document is not None:
        _document_create(actor=actor, person=person, document=document, claim_if_taken=claim_document_if_taken)
    for purpose in consents:
        consent_give(actor=actor, person=person, purpose=purpose)
    return person


@dataclass(frozen=True)
class RegistrationResult:
    person: Person
    stay: Stay
    created: bool


def _stay_of(found: Any) -> Stay:
    return Stay.objects.select_related("person").get(pk=found.pk)


def self_registration_submit(
    *,
    actor: Any,
    submission_key: uuid.UUID,
    person_data: dict[str, Any],
    stay: StayInput,
) -> RegistrationResult:
    """A registration of a person and their stay (public form or officer's entry). Sending the same
    form twice (same ``submission_key``) returns the first registration instead of making a second
    one; a key sent first by another account is refused (:class:`SubmissionKeyTaken`)."""

    def make() -> Stay:
        person = person_register(actor=actor, **person_data)
        return _stay_create(actor=actor, person=person, stay=stay, submission_key=submission_key)

    try:
        created, new = submitted_once(key=submission_key, actor=actor, kind=REGISTRATION, make=make, replayed=_stay_of)
    except IntegrityError as exc:
        if Stay.objects.filter(submission_key=submission_key).exists():
            raise _key_taken() from exc
        raise
    return RegistrationResult(person=created.person, stay=created, created=new)


def _key_taken() -> SubmissionKeyTaken:
    return SubmissionKeyTaken(
        _("This form cannot be used: it was made for another registration. Check your data and send it again."),
        code="submission_key_taken",
    )


def _has_register_consent(person: Person) -> bool:
    return person.consents.filter(purpose=ConsentPurpose.REGISTER, withdrawn_at__isnull=True).exists()


def stay_add(
    *, actor: Any, person: Person, stay: StayInput, submission_key: uuid.UUID | None = None
) -> tuple[Stay, bool]:
    """Add a stay to a registered person; a repeated submission returns the first stay.

    Refused while the person has withdrawn the consent to be on the register (a stay stored then
    would be kept without consent), and when the form's key belongs to another account's
    submission or to another person's stay."""

    def make() -> Stay:
        if not _has_register_consent(person):
            raise ValidationError(
                _("You withdrew your consent to be kept on the register. Give it again before adding a stay."),
                code="no_register_consent",
            )
        return _stay_create(actor=actor, person=person, stay=stay, submission_key=submission_key)

    def replayed(first: Any) -> Stay:
        if first.person_id != person.pk:
            raise _key_taken()
        return _stay_of(first)

    try:
        return submitted_once(key=submission_key, actor=actor, kind=STAY_ADD, make=make, replayed=replayed)
    except IntegrityError as exc:
        if submission_key is not None and Stay.objects.filter(submission_key=submission_key).exists():
            raise _key_taken() from exc
        raise


def _locked(model_object: Any, expected_version: int | None) -> Any:
    locked = type(model_object).objects.select_for_update().get(pk=model_object.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale_object_error()
    return locked


def stay_verify(
    *, actor: Any, stay: Stay, expected_version: int | None = None, idempotency_key: uuid.UUID | str | None = None
) -> Stay:
    """An officer of the stay's district confirms a declared stay (the stay workflow's ``verify``)."""
    from mekendesh.people.workflows import STAY

    return transition(
        actor=actor,
        obj=stay,
        workflow=STAY,
        action="verify",
        expected_version=expected_version,
        idempotency_key=idempotency_key,
        durable=True,
    )


def stay_end(
    *,
    actor: Any,
    stay: Stay,
    departure_date: dt.date,
    expected_version: int | None = None,
    idempotency_key: uuid.UUID | str | None = None,
) -> Stay:
    """The stay ends on ``departure_date`` (the stay workflow's ``end``): by the migrant whose stay
    it is, or by an officer of its district."""
    from mekendesh.people.workflows import STAY

    return transition(
        actor=actor,
        obj=stay,
        workflow=STAY,
        action="end",
        expected_version=expected_version,
        idempotency_key=idempotency_key,
        departure_date=departure_date,
        durable=True,
    )


PERSON_EDITABLE_FIELDS = ("sex", "birth_date", "origin_region", "origin_district", "email", "phone")


def _person_checked(person: Person, changes: dict[str, Any]) -> dict[str, Any]:
    """The rules of the register on a person's own fields, with errors on the field they name."""
    changes = dict(changes)
    if "phone" in changes:
        changes["phone"] = _phone_checked(changes["phone"] or "")
    if "email" in changes:
        changes["email"] = (changes["email"] or "").strip().lower()
    errors = origin_places_check(
        region=changes.get("origin_region"),
        district=changes.get("origin_district"),
        region_field="origin_region",
        district_field="origin_district",
    )
    if errors:
        raise ValidationError(errors)
    region = changes.get("origin_region", person.origin_region)
    district = changes.get("origin_district", person.origin_district)
    if region is not None and district is not None and district.region_id != region.pk:
        raise ValidationError({"origin_district": _("This district is not in the chosen region.")})
    birth_date = changes.get("birth_date")
    if birth_date is not None and birth_date != person.birth_date:
        try:
            validate_birth_date(birth_date)
        except ValidationError as exc:
            raise ValidationError({"birth_date": exc.error_list}) from exc
        if person.stays.filter(arrival_date__lt=birth_date).exists():
            raise ValidationError(
                {"birth_date": _("The date of birth cannot be after the arrival date of one of your stays.")}
            )
    return changes


def _person_change(*, actor: Any, person: Person, changes: dict[str, Any]) -> list[str]:
    """Set the changed fields of a locked person and write their audit row; the changed names."""
    before = {name: getattr(person, name) for name in changes}
    for name, value in changes.items():
        setattr(person, name, value)
    fields = changed_fields(before, changes)
    if fields:
        person.save(update_fields=[*fields, "updated_at"])
        if {"sex", "birth_date"} & set(fields):
            linkage_features_write(people=[person.pk])
        audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=person, person=person, fields=fields)
    return fields


@transaction.atomic
def person_update(*, actor: Any, person: Person, expected_version: int | None = None, **changes: Any) -> Person:
    """Change a person's own fields; refuses a stale edit instead of overwriting someone else's."""
    unknown = set(changes) - set(PERSON_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    person = _locked(person, expected_version)
    changes = _person_checked(person, changes)
    if _person_change(actor=actor, person=person, changes=changes):
        person.version += 1
        person.save(update_fields=["version"])
    return person


@dataclass(frozen=True)
class NameCorrection:
    """New spelling of one of the person's name forms (``name_id``), in that form's script."""

    name_id: int
    surname: str
    given_names: str
    patronymic: str = ""


@transaction.atomic
def person_identity_correct(
    *,
    actor: Any,
    person: Person,
    expected_version: int,
    sex: str | None = None,
    birth_date: dt.date | None = None,
    names: Sequence[NameCorrection] = (),
) -> Person:
    """A person corrects their own names, sex and date of birth: one version check, the same
    checks as at registration, one audit row per changed record, the person's version bumped once.

    Errors name the field: ``sex``, ``birth_date``, or ``<name_id>-surname`` (and given_names,
    patronymic) for a name form."""
    person = _locked(person, expected_version)
    changes: dict[str, Any] = {}
    if sex is not None:
        if sex not in Sex.values:
            raise ValidationError({"sex": _("Choose one of the options.")})
        changes["sex"] = sex
    if birth_date is not None:
        changes["birth_date"] = birth_date
    changes = _person_checked(person, changes)
    own = {name.pk: name for name in person.names.select_for_update()}
    errors: dict[str, Any] = {}
    checked: list[tuple[NameForm, tuple[str, str, str]]] = []
    for correction in names:
        name = own.get(correction.name_id)
        if name is None:
            raise ValueError(f"name form {correction.name_id} is not the person's own")
        try:
            checked.append(
                (
                    name,
                    validate_name(
                        script=name.script,
                        surname=correction.surname,
                        given_names=correction.given_names,
                        patronymic=correction.patronymic,
                    ),
                )
            )
        except ValidationError as exc:
            errors.update({f"{name.pk}-{field}": error for field, error in exc.error_dict.items()})
    if errors:
        raise ValidationError(errors)
    changed = bool(_person_change(actor=actor, person=person, changes=changes))
    for name, (surname, given_names, patronymic) in checked:
        changed = (
            _name_change(
                actor=actor,
                name=name,
                surname=surname,
                given_names=given_names,
                patronymic=patronymic,
                source=NameSource.SELF_DECLARED,
            )
            or changed
        )
    if changed:
        person.version += 1
        person.save(update_fields=["version", "updated_at"])
    return person


def _name_change(
    *, actor: Any, name: NameForm, surname: str, given_names: str, patronymic: str, source: str | None = None
) -> bool:
    before = {"surname": name.surname, "given_names": name.given_names, "patronymic": name.patronymic}
    after = {"surname": surname, "given_names": given_names, "patronymic": patronymic}
    fields = changed_fields(before, after)
    if not fields:
        return False
    name.surname, name.given_names, name.patronymic = surname, given_names, patronymic
    name.search_key = name_search_key(surname, given_names, patronymic)
    update = ["surname", "given_names", "patronymic", "search_key"]
    if source is not None and name.source != source:
        name.source = source
        update.append("source")
        fields.append("source")
    name.save(update_fields=update)
    name_tokens_write(names=[name])
    if name.is_primary:
        linkage_features_write(people=[name.person_id])
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=name, person=name.person, fields=fields)
    return True


@transaction.atomic
def name_add(*, actor: Any, person: Person, name: NameInput) -> NameForm:
    return _name_create(actor=actor, person=person, name=name, primary=not person.names.exists())


# --- The migrant's own registration and account -------------------------------------------------


@dataclass(frozen=True)
class MigrantRegistration:
    """What a public registration did. ``person`` and ``stay`` are ``None`` when nothing was
    stored (the e-mail address or phone number already had an account: its owner was told)."""

    person: Person | None
    stay: Stay | None
    account: Any
    created: bool
    # Whether the caller may be shown this registration: a signed-in migrant sending their own
    # form again. The anonymous are never signed in by a registration (see migrant_register).
    may_see: bool = True


def _replayed_registration(found: Any, *, user: Any) -> MigrantRegistration:
    stay = submission_result(found)
    stay = Stay.objects.select_related("person__account").get(pk=stay.pk) if stay is not None else None
    person = stay.person if stay is not None else None
    owner = person.account if person is not None else None
    may_see = user is not None and owner is not None and owner.pk == user.pk
    return MigrantRegistration(person=person, stay=stay, account=owner, created=False, may_see=may_see)


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

    The answer must not tell whether an e-mail address or phone number has an account: when it
    has, nothing is stored, its owner gets a message (``account_taken_notify``) and the result
    looks like a new registration's to the caller, who shows the same "check your e-mail / sign
    in" page. A new account with an e-mail address signs in only after confirming it.

    The same form sent twice (same ``submission_key``: a double click, a retry after a timeout)
    returns the first registration; nothing is stored twice and nothing half.
    """
    found = submission_get(key=submission_key, kind=REGISTRATION)
    if found is not None:
        return _replayed_registration(found, user=user)
    if user is not None:
        if Person.objects.filter(account=user).exists():
            raise ValidationError(_("You are already registered. Add a new stay from your page instead."))
        result = self_registration_submit(
            actor=user,
            submission_key=submission_key,
            person_data={**person_data, "account": user, "claim_document_if_taken": True},
            stay=stay,
        )
        return MigrantRegistration(
            person=result.person, stay=result.stay, account=user, created=result.created, may_see=True
        )
    if account is None:
        raise ValueError("a new registration needs an account or a signed-in user")
    try:
        with transaction.atomic():
            actor = migrant_account_create(account=account)
            result = self_registration_submit(
                actor=actor,
                submission_key=submission_key,
                person_data={**person_data, "account": actor, "claim_document_if_taken": True},
                stay=stay,
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=actor,
                person=result.person,
                fields=["email", "phone", "role", "password"],
            )
    except AccountTaken:
        account_taken_notify(email=account.email)
        return MigrantRegistration(person=None, stay=None, account=None, created=True, may_see=False)
    except IntegrityError:
        # Another request stored the same form, e-mail or phone at the same moment.
        found = submission_get(key=submission_key, kind=REGISTRATION)
        if found is not None:
            return _replayed_registration(found, user=None)
        account_taken_notify(email=account.email)
        return MigrantRegistration(person=None, stay=None, account=None, created=True, may_see=False)
    account_confirmation_send(user=actor)
    return MigrantRegistration(person=result.person, stay=result.stay, account=actor, created=True, may_see=False)


@transaction.atomic
def consent_grant(*, actor: Any, person: Person, purpose: str) -> Consent:
    """Give (or give again, after a withdrawal) consent for one purpose."""
    return consent_give(actor=actor, person=person, purpose=purpose)
