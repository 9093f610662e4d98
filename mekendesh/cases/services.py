"""Writes to assistance cases. Each function changes data in one transaction and writes its audit
row in the same transaction; a move of a case's step goes through the workflow primitive
(:func:`mekendesh.workflows.services.transition`) and its type's table (:mod:`.workflows`).

Screening opens a case for a confirmed match with :func:`case_open`; the person's side asks for
help with :func:`case_request` (or :func:`case_request_for_other`, a relative or representative).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.cases import notify
from mekendesh.cases.deadlines import resumed_due_date, step_due_date
from mekendesh.cases.models import (
    FINISHED_STATES,
    OPEN,
    REQUESTED,
    Case,
    CaseDocument,
    CaseEvent,
    CaseNote,
    CaseOrigin,
    CaseRepresentative,
    CaseType,
    ConsentBasis,
    Party,
    Relationship,
)
from mekendesh.cases.rules import CasePlace, may_assign_to
from mekendesh.cases.workflows import ACCEPT, OUTCOME_REQUIRED, REOPEN, kind_of
from mekendesh.lib.uploads import UploadRefused, check_upload
from mekendesh.people.models import ConsentPurpose, Person, StayStatus
from mekendesh.people.services import consent_give, consular_district_for, needs_host_region
from mekendesh.people.validators import validate_birth_date
from mekendesh.reference.models import ConsularDistrict, Country, HostRegion
from mekendesh.workflows.engine import Transition
from mekendesh.workflows.idempotency import submitted_once
from mekendesh.workflows.services import stale_object_error, transition

REPRESENTATIVE_CONSENT_WORDING_VERSION = "2026-12"
TEXT_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 300
CASE_OPEN = "cases.open"
CASE_REQUEST = "cases.request"
CASE_NOTE = "cases.note"

__all__ = [
    "RepresentativeInput",
    "SubjectInput",
    "case_assign",
    "case_deadlines_follow_rule",
    "case_document_add",
    "case_document_read",
    "case_move",
    "case_note_add",
    "case_open",
    "case_pause",
    "case_person_link",
    "case_request",
    "case_request_for_other",
    "case_resume",
    "case_transfer",
]


# --- helpers --------------------------------------------------------------------------------


def _text(value: str, *, field: str, required: str | None = None, limit: int = TEXT_MAX_LENGTH) -> str:
    value = (value or "").strip()
    if not value and required:
        raise ValidationError({field: required})
    if len(value) > limit:
        raise ValidationError(
            {
                field: _("At most %(limit)d characters, please (this text has %(count)d).")
                % {"limit": limit, "count": len(value)}
            }
        )
    return value


def _locked(case: Case, expected_version: int | None) -> Case:
    # Only the case's row is locked: PostgreSQL locks no row of the nullable side of an outer join
    # (a case without a person or a district).
    locked = Case.objects.select_for_update(of=("self",)).select_related("person", "consular_district").get(pk=case.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale_object_error()
    return locked


def _event(
    case: Case, kind: str, *, actor: Any, details: dict[str, Any] | None = None, reason: str = "", visible: bool = True
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        details=details or {},
        reason=reason,
        visible_to_person=visible,
    )


def _host_country_of(district: ConsularDistrict | None, person: Person | None) -> Country | None:
    """Where a case happens when nobody said: the person's current stay in the district, else the
    country the district serves."""
    if person is not None:
        stays = person.stays.exclude(status=StayStatus.ENDED).order_by("-arrival_date", "-pk")
        if district is not None:
            stays = stays.filter(consular_district=district)
        stay = stays.select_related("country").first()
        if stay is not None:
            return stay.country
    if district is not None:
        whole = district.countries.order_by("code").first()
        if whole is not None:
            return whole
        region = district.host_regions.select_related("country").first()
        if region is not None:
            return region.country
    return None


def _check_type(case_type: str) -> str:
    if case_type not in CaseType.values:
        raise ValidationError({"case_type": _("Choose what the case is about.")})
    return case_type


def _first_step_fields(case: Case, state: str) -> None:
    case.status = state
    case.step_started_at = timezone.now()
    case.due_date = step_due_date(case, kind_of(case).step(state), start=timezone.localdate())


def case_step_fields(case: Case, actor: Any, move: Transition, changes: dict[str, Any]) -> dict[str, Any]:
    """What every move of a case sets besides its step (the workflows' ``prepare``): the new
    step's start and deadline, no pause and no escalation (a new step, a new clock), the outcome
    of a decline or a close (the person reads it), and the assignee of an accepted request."""
    unknown = set(changes) - {"outcome"}
    if unknown:
        raise ValueError(f"a case move takes no {sorted(unknown)}")
    step = kind_of(case).step(move.target)
    fields: dict[str, Any] = {
        "step_started_at": timezone.now(),
        "due_date": step_due_date(case, step, start=timezone.localdate()),
        "paused_since": None,
        "pause_reason": "",
        "escalation": 0,
        "escalated_at": None,
    }
    if move.action in OUTCOME_REQUIRED:
        fields["outcome"] = _text(
            changes.get("outcome", ""),
            field="note",
            required=_("Say why: the person reads it."),
        )
    if move.target in FINISHED_STATES:
        fields.update(closed_at=timezone.now(), due_date=None)
    if move.action == REOPEN:
        fields.update(closed_at=None, outcome="")
    if move.action == ACCEPT and case.assignee_id is None and can(actor, "case.view", case):
        fields["assignee"] = actor
    return fields


def case_notify_move(case: Case, action: Any) -> None:
    """After a move commits: tell the person (and their representative) what the new step means."""
    notify.case_moved(case=case, action=action)


# --- opening --------------------------------------------------------------------------------


def case_open(
    *,
    actor: Any,
    person: Person,
    case_type: str,
    consular_district: ConsularDistrict | None,
    host_country: Country | None = None,
    summary: str = "",
    origin: str = CaseOrigin.OFFICER,
    source_reference: str = "",
    awaiting_acceptance: bool = False,
    idempotency_key: uuid.UUID | str | None = None,
) -> Case:
    """Open a case about a person on the register, worked by ``consular_district`` (``None``:
    the ministry). An officer opens cases in their own districts and is assigned them; with
    ``awaiting_acceptance`` (a screening analyst's confirmed match, say) the case waits, assigned
    to no one, for the consulate to accept it. The same ``idempotency_key`` sent again returns the
    first case (a match confirmed twice)."""
    _check_type(case_type)
    if not can(actor, "case.open", CasePlace(consular_district.pk if consular_district else None)):
        raise PermissionDenied(_("You may not open a case for this consulate."))
    summary = _text(summary, field="summary")

    def make() -> Case:
        case = Case(
            case_type=case_type,
            person=person,
            consular_district=consular_district,
            host_country=host_country or _host_country_of(consular_district, person),
            origin=origin,
            summary=summary,
            opened_by=actor if getattr(actor, "pk", None) else None,
            source_reference=source_reference[:200],
        )
        _first_step_fields(case, REQUESTED if awaiting_acceptance else OPEN)
        if not awaiting_acceptance and can(actor, "case.view", case):
            case.assignee = actor
        case.save()
        _event(case, CaseEvent.Kind.OPENED, actor=actor, details={"origin": origin})
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=case,
            person=person,
            fields=["case_type", "consular_district", "host_country", "origin", "summary", "assignee"],
        )
        notify.after_commit(notify.case_opened, case=case)
        return case

    case, _new = submitted_once(key=idempotency_key, actor=actor, kind=CASE_OPEN, make=make)
    return case


def _district_of_place(country: Country | None, host_region: HostRegion | None) -> ConsularDistrict | None:
    if country is None:
        raise ValidationError({"country": _("Say which country you are in.")})
    if host_region is not None and host_region.country_id != country.pk:
        raise ValidationError({"host_region": _("This region is not in the chosen country.")})
    if host_region is None and needs_host_region(country):
        raise ValidationError({"host_region": _("Choose the region: this country is served by several consulates.")})
    return consular_district_for(country=country, host_region=host_region)


def case_request(
    *,
    actor: Any,
    case_type: str,
    country: Country | None,
    host_region: HostRegion | None = None,
    summary: str,
    contact_consent: bool = True,
    submission_key: uuid.UUID | None = None,
) -> Case:
    """A registered migrant asks for help: a case in ``requested`` for the consulate of the place
    they are in (the ministry where no consulate serves it), which accepts or declines it. Asking
    with ``contact_consent`` records the consent to be contacted about it."""
    if not can(actor, "case.request"):
        raise PermissionDenied(_("You may not do this."))
    person = Person.objects.filter(account=actor).first()
    if person is None:
        raise ValidationError(_("Register your stay first: a request for help is answered for a registered person."))
    _check_type(case_type)
    summary = _text(summary, field="summary", required=_("Tell the consulate what happened."))
    district = _district_of_place(country, host_region)

    def make() -> Case:
        if contact_consent:
            consent_give(actor=actor, person=person, purpose=ConsentPurpose.CONSULAR_CONTACT)
        case = Case(
            case_type=case_type,
            person=person,
            consular_district=district,
            host_country=country,
            origin=CaseOrigin.REQUEST,
            summary=summary,
            opened_by=actor,
        )
        _first_step_fields(case, REQUESTED)
        case.save()
        _event(case, CaseEvent.Kind.REQUESTED, actor=actor)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=case,
            person=person,
            fields=["case_type", "consular_district", "host_country", "origin", "summary"],
        )
        notify.after_commit(notify.case_requested, case=case)
        return case

    case, _new = submitted_once(key=submission_key, actor=actor, kind=CASE_REQUEST, make=make)
    return case


@dataclass(frozen=True)
class RepresentativeInput:
    full_name: str
    relationship: str
    consent_basis: str
    consent_confirmed: bool
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class SubjectInput:
    full_name: str
    birth_date: dt.date | None = None


def case_request_for_other(
    *,
    actor: Any,
    representative: RepresentativeInput,
    subject: SubjectInput,
    case_type: str,
    country: Country | None,
    host_region: HostRegion | None = None,
    summary: str,
    submission_key: uuid.UUID | None = None,
) -> Case:
    """A relative or representative (signed in) asks for help for someone else: the person's
    details as they know them, their own, and the consent they record for asking — without it
    nothing is stored. The consulate links the request to the register when it finds the person."""
    if not can(actor, "case.request"):
        raise PermissionDenied(_("You may not do this."))
    errors: dict[str, Any] = {}
    if not (representative.full_name or "").strip():
        errors["representative_name"] = _("Give your own full name.")
    if representative.relationship not in Relationship.values:
        errors["relationship"] = _("Say who you are to the person.")
    if representative.consent_basis not in ConsentBasis.values or not representative.consent_confirmed:
        errors["consent_confirmed"] = _(
            "Confirm that the person agreed that you ask for help for them, or that they cannot agree now and you "
            "are their close relative: without it the consulate cannot take your request."
        )
    if not (subject.full_name or "").strip():
        errors["subject_name"] = _("Give the full name of the person who needs help.")
    if subject.birth_date is not None:
        try:
            validate_birth_date(subject.birth_date)
        except ValidationError as exc:
            errors["subject_birth_date"] = exc.error_list
    if errors:
        raise ValidationError(errors)
    _check_type(case_type)
    summary = _text(summary, field="summary", required=_("Tell the consulate what happened."))
    district = _district_of_place(country, host_region)

    def make() -> Case:
        case = Case(
            case_type=case_type,
            subject_name=" ".join(subject.full_name.split())[:200],
            subject_birth_date=subject.birth_date,
            consular_district=district,
            host_country=country,
            origin=CaseOrigin.REPRESENTATIVE,
            summary=summary,
            opened_by=actor,
        )
        _first_step_fields(case, REQUESTED)
        case.save()
        CaseRepresentative.objects.create(
            case=case,
            account=actor,
            full_name=" ".join(representative.full_name.split())[:200],
            relationship=representative.relationship,
            phone=representative.phone.strip()[:20] or None,
            email=representative.email.strip() or None,
            consent_basis=representative.consent_basis,
            consent_wording_version=REPRESENTATIVE_CONSENT_WORDING_VERSION,
            consent_given_at=timezone.now(),
        )
        _event(case, CaseEvent.Kind.REQUESTED, actor=actor, details={"representative": True})
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=case,
            fields=[
                "case_type",
                "subject_name",
                "subject_birth_date",
                "consular_district",
                "summary",
                "representative",
            ],
        )
        notify.after_commit(notify.case_requested, case=case)
        return case

    case, _new = submitted_once(key=submission_key, actor=actor, kind=CASE_REQUEST, make=make)
    return case


# --- moving and changing --------------------------------------------------------------------


def case_move(
    *,
    actor: Any,
    case: Case,
    action: str,
    note: str = "",
    expected_version: int | None = None,
    idempotency_key: uuid.UUID | str | None = None,
) -> Case:
    """Move a case to its next step by ``action`` of its type's workflow. The note of a decline
    or a close is its outcome, which the person reads; other notes stay with the staff."""
    note = _text(note, field="note")
    changes: dict[str, Any] = {"outcome": note} if action in OUTCOME_REQUIRED else {}
    return transition(
        actor=actor,
        obj=case,
        workflow=case.workflow_name,
        action=action,
        note=note,
        idempotency_key=idempotency_key,
        expected_version=expected_version,
        **changes,
    )


def _user_label(user: Any) -> str:
    return str(user) if user is not None else ""


@transaction.atomic
def case_assign(
    *, actor: Any, case: Case, assignee: Any, expected_version: int | None = None, reason: str = ""
) -> Case:
    """Give the case to an officer of its district or of the ministry (see :mod:`.rules`)."""
    locked = _locked(case, expected_version)
    if locked.is_finished:
        raise ValidationError(_("A closed case is not assigned. Reopen it first."))
    if not may_assign_to(actor, locked, assignee):
        raise PermissionDenied(_("You may not give this case to this officer."))
    reason = _text(reason, field="reason", limit=REASON_MAX_LENGTH)
    if locked.assignee_id == getattr(assignee, "pk", None):
        return locked
    before = locked.assignee
    locked.assignee = assignee
    locked.version += 1
    locked.save(update_fields=["assignee", "version"])
    _event(
        locked,
        CaseEvent.Kind.ASSIGNED,
        actor=actor,
        details={"from": _user_label(before), "to": _user_label(assignee)},
        reason=reason,
    )
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=locked, person=locked.person, fields=["assignee"])
    if assignee is not None and assignee.pk != getattr(actor, "pk", None):
        notify.after_commit(notify.case_assigned, case=locked, assignee=assignee)
    return locked


@transaction.atomic
def case_transfer(
    *, actor: Any, case: Case, district: ConsularDistrict | None, reason: str, expected_version: int | None = None
) -> Case:
    """Hand the case to another consulate (``None``: to the ministry) with a reason; it arrives
    unassigned and not escalated. The officer who transfers it no longer sees it."""
    locked = _locked(case, expected_version)
    if not can(actor, "case.transfer", locked):
        raise PermissionDenied(_("You may not do this."))
    if locked.is_finished:
        raise ValidationError(_("A closed case is not transferred. Reopen it first."))
    reason = _text(
        reason, field="reason", required=_("Say why the case goes to another consulate."), limit=REASON_MAX_LENGTH
    )
    if locked.consular_district_id == getattr(district, "pk", None):
        raise ValidationError({"district": _("The case is already with this consulate.")})
    before = locked.consular_district
    locked.consular_district = district
    locked.assignee = None
    locked.escalation = 0
    locked.escalated_at = None
    locked.version += 1
    locked.save(update_fields=["consular_district", "assignee", "escalation", "escalated_at", "version"])
    _event(
        locked,
        CaseEvent.Kind.TRANSFERRED,
        actor=actor,
        details={
            "from": before.code if before else "",
            "to": district.code if district else "",
            "from_label": before.name_en if before else "",
            "to_label": district.name_en if district else "",
        },
        reason=reason,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=locked,
        person=locked.person,
        fields=["consular_district", "assignee", "escalation"],
    )
    notify.after_commit(notify.case_transferred, case=locked)
    return locked


@transaction.atomic
def case_pause(*, actor: Any, case: Case, reason: str, expected_version: int | None = None) -> Case:
    """Stop the case's clock while it waits on someone outside (the host authority, a court):
    the deadline moves on by the working days it stays paused."""
    locked = _locked(case, expected_version)
    if not can(actor, "case.change", locked):
        raise PermissionDenied(_("You may not do this."))
    if locked.is_finished:
        raise ValidationError(_("A closed case has no deadline to pause."))
    if locked.paused_since is not None:
        raise ValidationError(_("The case is already paused."))
    reason = _text(reason, field="reason", required=_("Say what the case waits for."), limit=REASON_MAX_LENGTH)
    locked.paused_since = timezone.localdate()
    locked.pause_reason = reason
    locked.version += 1
    locked.save(update_fields=["paused_since", "pause_reason", "version"])
    _event(locked, CaseEvent.Kind.PAUSED, actor=actor, reason=reason)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=locked,
        person=locked.person,
        fields=["paused_since", "pause_reason"],
    )
    return locked


@transaction.atomic
def case_resume(*, actor: Any, case: Case, expected_version: int | None = None) -> Case:
    locked = _locked(case, expected_version)
    if not can(actor, "case.change", locked):
        raise PermissionDenied(_("You may not do this."))
    if locked.paused_since is None:
        raise ValidationError(_("The case is not paused."))
    today = timezone.localdate()
    due = resumed_due_date(locked, today=today)
    details = {
        "paused_since": locked.paused_since.isoformat(),
        "due_before": str(locked.due_date or ""),
        "due": str(due or ""),
    }
    locked.due_date = due
    locked.paused_since = None
    locked.pause_reason = ""
    locked.version += 1
    locked.save(update_fields=["due_date", "paused_since", "pause_reason", "version"])
    _event(locked, CaseEvent.Kind.RESUMED, actor=actor, details=details)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=locked,
        person=locked.person,
        fields=["paused_since", "due_date"],
    )
    return locked


@transaction.atomic
def case_person_link(*, actor: Any, case: Case, person: Person, expected_version: int | None = None) -> Case:
    """Link a case filed for someone not found on the register to the person, once an officer
    has found them (the officer must be able to see the person)."""
    from mekendesh.people.selectors import people_visible_to

    locked = _locked(case, expected_version)
    if not can(actor, "case.change", locked) or not people_visible_to(actor).filter(pk=person.pk).exists():
        raise PermissionDenied(_("You may not do this."))
    if locked.person_id is not None:
        raise ValidationError(_("The case is already linked to a person on the register."))
    locked.person = person
    locked.version += 1
    locked.save(update_fields=["person", "version"])
    _event(locked, CaseEvent.Kind.PERSON_LINKED, actor=actor, details={"person": str(person.public_id)}, visible=False)
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=locked, person=person, fields=["person"])
    return locked


# --- notes and documents ----------------------------------------------------------------------


def _side(actor: Any, case: Case) -> bool:
    """Whether ``actor`` writes from the person's side (True) or the staff's (False); refuses
    anyone else."""
    if can(actor, "case.follow", case):
        return True
    if can(actor, "case.change", case):
        return False
    raise PermissionDenied(_("You may not do this."))


def case_note_add(
    *,
    actor: Any,
    case: Case,
    body: str,
    visible_to_person: bool = False,
    submission_key: uuid.UUID | None = None,
) -> CaseNote:
    """A note on the case. The person's side always writes to the staff and itself; staff notes
    are internal unless ``visible_to_person``. The same form sent twice makes one note."""
    by_person = _side(actor, case)
    body = _text(body, field="body", required=_("Write the note."))

    def make() -> CaseNote:
        note = CaseNote.objects.create(
            case=case,
            author=actor,
            by_person=by_person,
            body=body,
            visible_to_person=by_person or visible_to_person,
            submission_key=submission_key,
        )
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=note,
            person=case.person,
            fields=["body", "visible_to_person"],
        )
        notify.after_commit(notify.case_note, case=case, note=note)
        return note

    note, _new = submitted_once(key=submission_key, actor=actor, kind=CASE_NOTE, make=make)
    return note


def upload_refusal_message(refused: UploadRefused) -> str:
    params = refused.params
    if refused.code == "empty":
        return _("The file is empty. Choose the file again.")
    if refused.code == "too_large":
        return _("The file is %(size)s MB; at most %(max)s MB are accepted. Send a smaller scan or photo.") % {
            "size": f"{int(params['size']) / 1_048_576:.1f}",
            "max": f"{int(params['max']) / 1_048_576:.0f}",
        }
    if refused.code == "program":
        return _("This file is a program, not a document: it is refused whatever its name says.")
    found = str(params.get("found") or "")
    if found:
        return _("Only PDF files and photos (JPEG, PNG, HEIC, WebP, TIFF) are accepted; this file is %(found)s.") % {
            "found": found.upper()
        }
    return _("Only PDF files and photos (JPEG, PNG, HEIC, WebP, TIFF) are accepted; this file is none of them.")


@dataclass(frozen=True)
class DocumentAdded:
    document: CaseDocument
    created: bool  # False: the same file was already on the case
    renamed: bool  # the name given was unsafe and was changed


def case_document_add(
    *, actor: Any, case: Case, name: str, content: bytes, visible_to_person: bool = False
) -> DocumentAdded:
    """Store a document on the case, checked first: not empty, not above ``CASE_DOCUMENT_MAX_BYTES``,
    a PDF or a photo by its content (never a program, whatever its name), a safe name. The same
    file sent again to the case is not stored twice. The file lives outside the web root under a
    random name; it is never executed or shown inline."""
    by_person = _side(actor, case)
    try:
        checked = check_upload(name, content[:8192], size=len(content), max_bytes=settings.CASE_DOCUMENT_MAX_BYTES)
    except UploadRefused as refused:
        raise ValidationError({"file": upload_refusal_message(refused)}) from refused
    digest = hashlib.sha256(content).hexdigest()
    existing = CaseDocument.objects.filter(case=case, sha256=digest).first()
    if existing is not None:
        return DocumentAdded(existing, created=False, renamed=checked.renamed)
    document = CaseDocument(
        case=case,
        uploaded_by=actor,
        by_person=by_person,
        name=checked.name,
        content_type=checked.content_type,
        extension=checked.extension,
        size=checked.size,
        sha256=digest,
        visible_to_person=by_person or visible_to_person,
    )
    document.file.save(checked.name, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            document.save()
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=document,
                person=case.person,
                fields=["name", "content_type", "size", "visible_to_person"],
            )
            notify.after_commit(notify.case_document, case=case, document=document)
    except IntegrityError:
        document.file.delete(save=False)
        again = CaseDocument.objects.filter(case=case, sha256=digest).first()
        if again is None:
            raise
        return DocumentAdded(again, created=False, renamed=checked.renamed)
    except BaseException:
        document.file.delete(save=False)
        raise
    return DocumentAdded(document, created=True, renamed=checked.renamed)


@transaction.atomic
def case_document_read(*, actor: Any, case: Case, document: CaseDocument) -> CaseDocument:
    """Record the download of a case document; the person's side gets only the documents shared
    with it, staff those of the cases they see."""
    if document.case_id != case.pk:
        raise PermissionDenied(_("You may not do this."))
    if can(actor, "case.follow", case):
        if not document.visible_to_person:
            raise PermissionDenied(_("You may not do this."))
    elif not can(actor, "case.view", case):
        raise PermissionDenied(_("You may not do this."))
    audit_record(actor=actor, action=AuditEvent.Action.EXPORT, obj=document, person=case.person)
    return document


# --- deadlines ----------------------------------------------------------------------------------


@dataclass
class EscalationReport:
    checked: int = 0
    to_head: int = 0
    to_ministry: int = 0
    reminded: int = 0


def _escalate(case: Case, *, level: int, today: dt.date) -> bool:
    with transaction.atomic():
        # A conditional update: a case moved, paused or escalated by someone else in between is
        # left as it is now; the version is not touched, so no officer's open form goes stale.
        changed = Case.objects.filter(
            pk=case.pk, escalation=case.escalation, status=case.status, paused_since__isnull=True
        ).update(escalation=level, escalated_at=timezone.now())
        if not changed:
            return False
        case.escalation = level
        _event(case, CaseEvent.Kind.ESCALATED, actor=None, details={"level": level, "due": str(case.due_date)})
        audit_record(actor=None, action=AuditEvent.Action.UPDATE, obj=case, person=case.person, fields=["escalation"])
        notify.after_commit(notify.case_escalated, case=case, level=level)
    return True


def cases_check_deadlines(*, today: dt.date | None = None, on_case: Any = None) -> EscalationReport:
    """The deadline round (a scheduled job): an overdue case whose next move is the consulate's,
    the ministry's or the host authority's goes to the head of its consulate, and after
    ``CASE_ESCALATE_TO_MINISTRY_AFTER`` more working days to the ministry (straight there when its
    consulate has no head, or it has none); a person who owes the next step is reminded once."""
    from mekendesh.accounts.models import User
    from mekendesh.cases.deadlines import case_calendar

    today = today or timezone.localdate()
    report = EscalationReport()
    overdue = (
        Case.objects.filter(closed_at__isnull=True, paused_since__isnull=True, due_date__lt=today)
        .exclude(status__in=FINISHED_STATES)
        .select_related("person", "consular_district")
        .order_by("due_date", "pk")
    )
    heads = set(User.objects.filter(is_active=True, heads_consulate=True).values_list("consular_districts", flat=True))
    for case in overdue.iterator(chunk_size=500):
        report.checked += 1
        party = kind_of(case).step(case.status).party
        if party == Party.PERSON:
            if notify.case_reminder(case=case):
                report.reminded += 1
        elif case.escalation == 0:
            level = 1 if case.consular_district_id in heads else 2
            if _escalate(case, level=level, today=today):
                report.to_head += level == 1
                report.to_ministry += level == 2
        elif case.escalation == 1 and case.escalated_at is not None:
            since = timezone.localtime(case.escalated_at).date()
            waited = case_calendar(case).working_days_between(since, today)
            if waited >= settings.CASE_ESCALATE_TO_MINISTRY_AFTER and _escalate(case, level=2, today=today):
                report.to_ministry += 1
        if on_case is not None:
            on_case(report)
    return report


# --- what a changed rule of stay does to a case -------------------------------------------------


@transaction.atomic
def case_deadlines_follow_rule(*, actor: Any, concerns: set[tuple[str, str]] | frozenset[tuple[str, str]]) -> int:
    """A rule of stay was added or changed (``concerns``: the destinations and kinds it stood for
    before and after): every open case in one of those host countries, at a step whose deadline
    a rule of that kind sets, gets the deadline the rules now give
    (:func:`~mekendesh.cases.deadlines.current_deadline`), with an event on its timeline (the
    person sees it) and an audit row. Called in the rule's transaction; a case moved on in
    between keeps its new step's deadline (a conditional update), and its version is not touched,
    so that no officer's open form goes stale. Returns how many deadlines moved."""
    from mekendesh.cases.deadlines import current_deadline
    from mekendesh.cases.selectors import rule_deadline_steps

    moved = 0
    by_country: dict[str, set[str]] = {}
    for destination, kind in concerns:
        by_country.setdefault(destination, set()).add(kind)
    for destination, kinds in sorted(by_country.items()):
        cases = (
            Case.objects.filter(rule_deadline_steps(kinds=kinds), host_country_id=destination, closed_at__isnull=True)
            .select_related("person")
            .order_by("pk")
        )
        for case in cases.iterator(chunk_size=500):
            now = current_deadline(case)
            if now.due_date == case.due_date:
                continue
            changed = Case.objects.filter(
                pk=case.pk, status=case.status, step_started_at=case.step_started_at, due_date=case.due_date
            ).update(due_date=now.due_date)
            if not changed:
                continue
            details: dict[str, Any] = {"due_before": str(case.due_date or ""), "due": str(now.due_date or "")}
            if now.rule is not None:
                details.update(rule=now.rule.pk, rule_version=now.rule.version, days=now.rule.value)
            case.due_date = now.due_date
            _event(case, CaseEvent.Kind.DEADLINE_MOVED, actor=None, details=details)
            audit_record(
                actor=actor, action=AuditEvent.Action.UPDATE, obj=case, person=case.person, fields=["due_date"]
            )
            moved += 1
    return moved


# --- what screening tells a case ------------------------------------------------------------------


def case_delisted(*, actor: Any, case: Case, list_name: str, version_number: int) -> Case:
    """A new version of the host-country list that opened the case no longer names the person:
    the case records it, the person is told, and the case moves on to its outcome where its type
    has one (removed from the register, ban lifted). Called by the screening analyst's
    application of the version, inside its transaction."""
    from mekendesh.cases.workflows import DELISTED

    if not can(actor, "case.record_delisting", case):
        raise PermissionDenied(_("You may not do this."))
    details = {"list": list_name, "version": version_number}
    _event(case, CaseEvent.Kind.DELISTED, actor=actor, details=details)
    note = CaseNote.objects.create(
        case=case,
        author=actor,
        body=_("The list “%(list)s” no longer names you (its version %(version)d).") % details,
        visible_to_person=True,
    )
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=note, person=case.person, fields=["body"])
    notify.after_commit(notify.case_note, case=case, note=note)
    if not case.is_finished and any(
        move.action == DELISTED for move in workflow_moves(case) if move.source == case.status
    ):
        return transition(actor=actor, obj=case, workflow=case.workflow_name, action=DELISTED, note=note.body)
    return case


def workflow_moves(case: Case) -> list[Transition]:
    from mekendesh.workflows.engine import workflow_get

    return list(workflow_get(case.workflow_name).transitions)


def case_screening_withdrawn(*, actor: Any, case: Case, reason: str = "") -> Case:
    """The list match that opened the case was withdrawn by a reviewer: written on the case for
    its officer (who decides whether it goes on), not shown to the person."""
    if not can(actor, "case.record_delisting", case):
        raise PermissionDenied(_("You may not do this."))
    _event(case, CaseEvent.Kind.MATCH_WITHDRAWN, actor=actor, reason=reason, visible=False)
    audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=case, person=case.person, fields=["events"])
    return case
