"""Writes of the diaspora module. Each checks its input first (a refusal names the field and stores
nothing), then saves the record and its audit row in one transaction. Statuses move only through
the workflows (:mod:`mekendesh.diaspora.workflows`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import pycountry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.diaspora.models import (
    Event,
    Organisation,
    ProgressReport,
    Project,
    Recommendation,
    Representative,
    Roadmap,
    StateBody,
)
from mekendesh.diaspora.workflows import PROJECT, RECOMMENDATION
from mekendesh.reference.models import Country
from mekendesh.workflows.services import transition

EDIT = "diaspora.edit"
M = TypeVar("M", bound=models.Model)
Errors = dict[str, str]
Check = Callable[[dict[str, Any], Any], Errors]


def _allowed(actor: Any) -> None:
    if not can(actor, EDIT):
        raise PermissionDenied(_("You may not do this."))


def _text(value: Any) -> str:
    return " ".join(str(value or "").split()) if "\n" not in str(value or "") else str(value).strip()


def _required(data: Mapping[str, Any], errors: Errors, messages: Mapping[str, str]) -> None:
    for name, message in messages.items():
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors.setdefault(name, message)


def _save[M: models.Model](
    *,
    actor: Any,
    model: type[M],
    instance: M | None,
    fields: dict[str, Any],
    check: Check,
    many: Mapping[str, Any] | None = None,
    lock: Any = None,
) -> M:
    """Check, then save ``fields`` (and the many-to-many ``many``) on ``instance`` or a new
    ``model``, with its audit row, in one transaction. ``lock`` (a row) is locked first, so that
    two writers checking the same rule (an overlapping mandate) do not both pass."""
    _allowed(actor)
    fields = {name: (_text(value) if isinstance(value, str) else value) for name, value in fields.items()}
    if instance is not None:  # a partial change is checked with the record's other fields
        current = {field.name: getattr(instance, field.name) for field in model._meta.concrete_fields}
        current.pop(model._meta.pk.name, None)
        fields = {**current, **fields}
    errors = check(fields, instance)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if lock is not None:
            type(lock)._default_manager.select_for_update().filter(pk=getattr(lock, "pk", None)).first()
            errors = check(fields, instance)  # again, now that no one else checks the same rule
            if errors:
                raise ValidationError(errors)
        record = instance if instance is not None else model()
        changed = [name for name, value in fields.items() if instance is None or getattr(record, name) != value]
        for name, value in fields.items():
            setattr(record, name, value)
        record.save()
        for name, values in (many or {}).items():
            before = set(getattr(record, name).values_list("pk", flat=True))
            getattr(record, name).set(values)
            if before != {item.pk for item in values}:
                changed.append(name)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE if instance is None else AuditEvent.Action.UPDATE,
            obj=record,
            fields=sorted(changed),
        )
    return record


# --- organisations ------------------------------------------------------------------------------


def _organisation_check(data: dict[str, Any], instance: Any) -> Errors:
    errors: Errors = {}
    _required(
        data,
        errors,
        {
            "name": _("Name the organisation."),
            "country": _("Choose the country where the organisation works."),
            "kind": _("Choose the kind of organisation."),
        },
    )
    return errors


def organisation_create(*, actor: Any, **fields: Any) -> Organisation:
    return _save(actor=actor, model=Organisation, instance=None, fields=fields, check=_organisation_check)


def organisation_update(*, actor: Any, organisation: Organisation, **fields: Any) -> Organisation:
    return _save(actor=actor, model=Organisation, instance=organisation, fields=fields, check=_organisation_check)


# --- representatives ----------------------------------------------------------------------------


def overlapping_mandate(
    *, country: Country, seat: str, start: dt.date, end: dt.date | None, exclude: int | None = None
) -> Representative | None:
    """A mandate for the same seat of the same country that shares a day with ``start``–``end``
    (an open end runs on for ever)."""
    others = Representative.objects.filter(country=country, seat__iexact=seat.strip()).filter(
        Q(mandate_until__isnull=True) | Q(mandate_until__gte=start)
    )
    if end is not None:
        others = others.filter(mandate_from__lte=end)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    return others.order_by("mandate_from").first()


def _representative_check(data: dict[str, Any], instance: Any) -> Errors:
    errors: Errors = {}
    _required(
        data,
        errors,
        {
            "full_name": _("Give the representative's full name."),
            "country": _("Choose the country the representative serves."),
            "seat": _("Name the seat (its name or number in the country)."),
            "mandate_from": _("Give the first day of the mandate."),
            "decision": _("Name the decision that gave the mandate (its number and date)."),
        },
    )
    start, end = data.get("mandate_from"), data.get("mandate_until")
    if start and end and end < start:
        errors["mandate_until"] = _("The mandate cannot end before it starts.")
    if errors:
        return errors
    other = overlapping_mandate(
        country=data["country"],
        seat=data["seat"],
        start=data["mandate_from"],
        end=end,
        exclude=instance.pk if instance is not None else None,
    )
    if other is not None:
        errors["mandate_from"] = _(
            "This mandate overlaps the mandate of %(name)s for the same seat (%(start)s – %(end)s): "
            "one seat has one representative at a time."
        ) % {
            "name": other.full_name,
            "start": other.mandate_from.strftime("%d.%m.%Y"),
            "end": other.mandate_until.strftime("%d.%m.%Y") if other.mandate_until else "…",
        }
    return errors


def representative_create(*, actor: Any, organisations: Any = (), **fields: Any) -> Representative:
    return _save(
        actor=actor,
        model=Representative,
        instance=None,
        fields=fields,
        check=_representative_check,
        many={"organisations": list(organisations)},
        lock=fields.get("country"),
    )


def representative_update(
    *, actor: Any, representative: Representative, organisations: Any = None, **fields: Any
) -> Representative:
    return _save(
        actor=actor,
        model=Representative,
        instance=representative,
        fields=fields,
        check=_representative_check,
        many=None if organisations is None else {"organisations": list(organisations)},
        lock=fields.get("country"),
    )


# --- projects -----------------------------------------------------------------------------------


def known_currency(code: str) -> bool:
    return len(code) == 3 and pycountry.currencies.get(alpha_3=code.upper()) is not None


def _project_check(data: dict[str, Any], instance: Any) -> Errors:
    errors: Errors = {}
    _required(
        data,
        errors,
        {
            "title": _("Give the project a title."),
            "kind": _("Choose the kind of project."),
            "owner": _("Name who carries the project out."),
            "country": _("Choose the country of the project."),
        },
    )
    amount: Decimal | None = data.get("funding_amount")
    currency = str(data.get("funding_currency") or "").strip().upper()
    if "funding_currency" in data:
        data["funding_currency"] = currency
    if amount is not None and amount < 0:
        errors["funding_amount"] = _("The funding cannot be negative.")
    if currency and not known_currency(currency):
        errors["funding_currency"] = _(
            "“%(code)s” is not a currency code of ISO 4217: use three letters such as USD, KGS or RUB."
        ) % {"code": currency}
    elif amount is not None and not currency:
        errors["funding_currency"] = _("Give the currency of the funding (ISO 4217, e.g. USD).")
    start, end = data.get("start_date"), data.get("end_date")
    if start and end and end < start:
        errors["end_date"] = _("The project cannot end before it starts.")
    return errors


def project_create(*, actor: Any, **fields: Any) -> Project:
    return _save(actor=actor, model=Project, instance=None, fields=fields, check=_project_check)


def project_update(*, actor: Any, project: Project, **fields: Any) -> Project:
    return _save(actor=actor, model=Project, instance=project, fields=fields, check=_project_check)


def project_move(
    *, actor: Any, project: Project, action: str, note: str = "", expected_version: int | None = None
) -> Any:
    return transition(
        actor=actor,
        obj=project,
        workflow=PROJECT,
        action=action,
        note=note,
        expected_version=expected_version,
        durable=True,
    )


# --- events -------------------------------------------------------------------------------------

PARTICIPANT_KINDS = ("participants_state", "participants_civil", "participants_international", "participants_media")


def _event_check(data: dict[str, Any], instance: Any) -> Errors:
    errors: Errors = {}
    _required(
        data,
        errors,
        {
            "title": _("Give the event a title."),
            "kind": _("Choose the kind of event."),
            "date": _("Give the date of the event."),
            "country": _("Choose the country where the event took place."),
            "place": _("Give the place of the event."),
            "organisers": _("Name the organisers."),
            "participants_total": _("Give the number of participants."),
            "participants_women": _("Give the number of women who took part (0 if none)."),
            "participants_men": _("Give the number of men who took part (0 if none)."),
        },
    )
    for name in ("participants_total", "participants_women", "participants_men", *PARTICIPANT_KINDS):
        value = data.get(name)
        if value is not None and value < 0:
            errors[name] = _("A number of participants cannot be negative.")
    if errors:
        return errors
    total, women, men = data["participants_total"], data["participants_women"], data["participants_men"]
    if women + men != total:
        errors["participants_total"] = _(
            "The participants by sex do not add up: %(women)s women and %(men)s men make %(sum)s, not %(total)s."
        ) % {"women": women, "men": men, "sum": women + men, "total": total}
    by_kind = sum(data.get(name) or 0 for name in PARTICIPANT_KINDS)
    if by_kind > total:
        errors["participants_state"] = _(
            "The participants by kind (%(count)s) are more than the participants in all (%(total)s)."
        ) % {"count": by_kind, "total": total}
    return errors


def event_create(*, actor: Any, **fields: Any) -> Event:
    return _save(actor=actor, model=Event, instance=None, fields=fields, check=_event_check)


def event_update(*, actor: Any, event: Event, **fields: Any) -> Event:
    return _save(actor=actor, model=Event, instance=event, fields=fields, check=_event_check)


# --- state bodies and roadmaps ------------------------------------------------------------------


def _state_body_check(data: dict[str, Any], instance: Any) -> Errors:
    errors: Errors = {}
    _required(data, errors, {"name": _("Name the state body.")})
    name = str(data.get("name") or "")
    others = StateBody.objects.exclude(pk=instance.pk) if instance is not None else StateBody.objects.all()
    if name and others.filter(name__iexact=name).exists():
        errors["name"] = _("A state body of this name exists already.")
    return errors


def state_body_create(*, actor: Any, **fields: Any) -> StateBody:
    return _save(actor=actor, model=StateBody, instance=None, fields=fields, check=_state_body_check)


def state_body_update(*, actor: Any, state_body: StateBody, **fields: Any) -> StateBody:
    return _save(actor=actor, model=StateBody, instance=state_body, fields=fields, check=_state_body_check)


def _roadmap_check(data: dict[str, Any], instance: Any) -> Errors:
    errors: Errors = {}
    _required(
        data,
        errors,
        {
            "title": _("Give the roadmap a title."),
            "partner": _("Name the partner whose roadmap it is."),
            "country": _("Choose the country the roadmap is for."),
        },
    )
    return errors


def roadmap_create(*, actor: Any, **fields: Any) -> Roadmap:
    return _save(actor=actor, model=Roadmap, instance=None, fields=fields, check=_roadmap_check)


def roadmap_update(*, actor: Any, roadmap: Roadmap, **fields: Any) -> Roadmap:
    return _save(actor=actor, model=Roadmap, instance=roadmap, fields=fields, check=_roadmap_check)


# --- recommendations and roadmap items ----------------------------------------------------------


def _recommendation_check(data: dict[str, Any], instance: Any) -> Errors:
    errors: Errors = {}
    event = data.get("event")
    if event is not None:
        data.setdefault("country", None)
        data["country"] = data["country"] or event.country
        data["issued_on"] = data.get("issued_on") or event.date
    _required(
        data,
        errors,
        {
            "text": _("Write the recommendation."),
            "owner": _(
                "Name the state body that owns this recommendation: without an owner nobody is answerable for it."
            ),
            "country": _("Choose the country the recommendation is for."),
            "issued_on": _("Give the day the recommendation was made."),
        },
    )
    if event is None and not str(data.get("source_document") or "").strip():
        errors["source_document"] = _("Give the source: the event it came from, or the document.")
    deadline, issued = data.get("deadline"), data.get("issued_on")
    if deadline and issued and deadline < issued:
        errors["deadline"] = _("The deadline cannot come before the recommendation was made.")
    return errors


def recommendation_create(*, actor: Any, **fields: Any) -> Recommendation:
    return _save(actor=actor, model=Recommendation, instance=None, fields=fields, check=_recommendation_check)


def recommendation_update(*, actor: Any, recommendation: Recommendation, **fields: Any) -> Recommendation:
    return _save(actor=actor, model=Recommendation, instance=recommendation, fields=fields, check=_recommendation_check)


def recommendation_move(
    *, actor: Any, recommendation: Recommendation, action: str, note: str = "", expected_version: int | None = None
) -> Any:
    return transition(
        actor=actor,
        obj=recommendation,
        workflow=RECOMMENDATION,
        action=action,
        note=note,
        expected_version=expected_version,
        durable=True,
    )


# --- progress reports ---------------------------------------------------------------------------


def progress_report_add(
    *,
    actor: Any,
    text: str,
    date: dt.date | None = None,
    project: Project | None = None,
    recommendation: Recommendation | None = None,
) -> ProgressReport:
    """A progress report of a project or of a recommendation."""
    _allowed(actor)
    if (project is None) == (recommendation is None):
        raise ValueError("a progress report is of one project or one recommendation")
    if not text.strip():
        raise ValidationError({"text": _("Write what was done.")})
    with transaction.atomic():
        report = ProgressReport.objects.create(
            project=project,
            recommendation=recommendation,
            date=date or timezone.localdate(),
            text=text.strip(),
            author=actor,
        )
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=report, fields=["date", "text"])
    return report
