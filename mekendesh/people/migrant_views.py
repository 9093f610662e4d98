"""The migrant's side: public self-registration and the migrant's own pages.

Every page here works on ``request.user``'s own person (``selectors.person_of_account``) and
never on an identifier taken from the request, so a tampered form field cannot reach anyone else.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mekendesh.accounts.models import Role
from mekendesh.accounts.permissions import is_staff
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_read
from mekendesh.lib.export import neutralise_formula
from mekendesh.lib.ratelimit import client_address, rate_limit_hit
from mekendesh.people import selectors, services
from mekendesh.people.form_fields import StayEndForm
from mekendesh.people.forms import (
    CONSENT_WORDING,
    ConsentForm,
    ContactsForm,
    IdentityForm,
    RegistrationForm,
    StayForm,
    latin_hint_context,
)
from mekendesh.people.models import ConsentPurpose, DocumentClaim, IdentityDocument, Person, StayStatus
from mekendesh.reference.models import District, HostRegion
from mekendesh.web.decorators import migrant_required
from mekendesh.workflows.errors import StaleObjectError

View = Callable[..., HttpResponseBase]


def _own_person(request: HttpRequest) -> Person | None:
    return selectors.person_of_account(user=request.user)


def with_own_person(view: View) -> View:
    """Signed-in users only; the view receives their own person. Without one (an account not
    registered yet, a staff account) the answer is a 404 page offering registration."""

    @migrant_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        person = _own_person(request)
        if person is None:
            return render(request, "migrant/not_registered.html", status=404)
        return view(request, person, *args, **kwargs)

    return wrapper


# --- Public self-registration ---------------------------------------------------------------------


def _too_many(request: HttpRequest, retry_after: int) -> HttpResponse:
    minutes = max(1, (retry_after + 59) // 60)
    response = render(request, "migrant/rate_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if user.is_authenticated:
        if is_staff(user):
            messages.info(request, _("Staff register people from the staff workspace."))
            return redirect("web:home")
        if _own_person(request) is not None:
            messages.info(request, _("You are already registered. You can add a new stay here."))
            return redirect("migrant:stay_add")
    with_account = not user.is_authenticated
    if request.method == "POST":
        limit = rate_limit_hit(
            scope="registration", key=client_address(request), limit=settings.REGISTRATION_RATE_PER_HOUR
        )
        if not limit.allowed:
            return _too_many(request, limit.retry_after)
        form = RegistrationForm(request.POST, with_account=with_account)
        if form.is_valid():
            try:
                result = services.migrant_register(
                    submission_key=form.cleaned_data["submission_key"],
                    person_data=form.person_data(),
                    stay=form.stay_input(),
                    account=form.account_input() if with_account else None,
                    user=None if with_account else user,
                )
            except ValidationError as exc:
                form.apply_service_errors(exc)
            else:
                if with_account:
                    # New, repeated, or for a login that already has an account: the same answer
                    # (the owner of a taken address got a message instead of a second account).
                    request.session["registration_sent_by"] = "email" if form.account_input().email else "phone"
                    return redirect("migrant:register_sent")
                if not result.may_see:
                    form.add_error(None, _("This form was already sent. Sign in to see your registration."))
                else:
                    return redirect("migrant:registered")
    else:
        form = RegistrationForm(with_account=with_account)
    return render(
        request,
        "migrant/register.html",
        {
            "form": form,
            "consent_version": services.CONSENT_WORDING_VERSION,
            **form.latin_hint(),
        },
    )


@require_GET
def register_sent(request: HttpRequest) -> HttpResponse:
    """The answer to a public registration: check your e-mail (or sign in with the phone)."""
    return render(request, "migrant/register_sent.html", {"by": request.session.get("registration_sent_by", "email")})


@with_own_person
def registered(request: HttpRequest, person: Person) -> HttpResponse:
    stays = list(person.stays.all())
    latest = max(stays, key=lambda stay: stay.created_at) if stays else None
    return render(request, "migrant/registered.html", {"person": person, "stay": latest})


@require_GET
def districts(request: HttpRequest) -> HttpResponse:
    """The <option>s of the districts of one region (htmx, when the region of origin or of last
    residence changes)."""
    region_id = _int(request.GET.get("origin_region") or request.GET.get("residence_region"))
    options = District.objects.filter(region_id=region_id) if region_id is not None else District.objects.none()
    return render(request, "migrant/_options.html", {"options": sorted(options, key=lambda o: o.name)})


@require_GET
def host_regions(request: HttpRequest) -> HttpResponse:
    """The <option>s of the regions of one host country (htmx, when the country changes)."""
    options = HostRegion.objects.filter(country_id=(request.GET.get("country") or "")[:2])
    return render(request, "migrant/_options.html", {"options": sorted(options, key=lambda o: o.name)})


@require_GET
def latin_hint(request: HttpRequest) -> HttpResponse:
    """The passport Latin spelling of the name typed so far (htmx)."""
    context = latin_hint_context(request.GET.get("surname") or "", request.GET.get("given_names") or "")
    return render(request, "migrant/_latin_hint.html", context)


# The largest id a database column holds (a 64-bit signed integer); a larger one names nothing.
_LARGEST_ID = 2**63 - 1


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if -_LARGEST_ID <= number <= _LARGEST_ID else None


# --- The migrant's own pages ------------------------------------------------------------------------


def _consent_rows(person: Person) -> list[dict[str, Any]]:
    active = {consent.purpose: consent for consent in person.consents.all() if consent.active}
    history = [consent for consent in person.consents.all() if not consent.active]
    return [
        {
            "purpose": purpose.value,
            "label": purpose.label,
            "wording": CONSENT_WORDING[purpose],
            "consent": active.get(purpose.value),
            "withdrawn": [consent for consent in history if consent.purpose == purpose.value],
        }
        for purpose in ConsentPurpose
    ]


def _documents(person: Person) -> list[Any]:
    """The person's documents, with the numbers they gave that await a check shown alike."""
    return [*person.documents.all(), *person.document_claims.select_related("issuing_country")]


@migrant_required
def home(request: HttpRequest) -> HttpResponse:
    person = _own_person(request)
    if person is None:
        return render(request, "migrant/not_registered.html")
    return render(
        request,
        "migrant/home.html",
        {"person": person, "consents": _consent_rows(person), "documents": _documents(person)},
    )


def _versioned_edit(
    request: HttpRequest,
    person: Person,
    *,
    make_form: Callable[..., Any],
    initial: Callable[[Person], dict[str, Any]],
    save: Callable[[Person, Any], Any],
    saved: str,
    template: str,
) -> HttpResponse:
    """A page where the migrant changes their own person: a stale form (someone changed the record
    in between) is refused and shown again with what is stored now."""
    if request.method == "POST":
        form = make_form(request.POST, person=person)
        if form.is_valid():
            try:
                save(person, form)
            except StaleObjectError as exc:
                messages.error(request, str(exc))
                person = _own_person(request) or person
                form = make_form(initial=initial(person), person=person)
            except ValidationError as exc:
                form.apply_service_errors(exc)
            else:
                messages.success(request, saved)
                return redirect("migrant:home")
    else:
        form = make_form(initial=initial(person), person=person)
    return render(request, template, {"form": form, "person": person})


@with_own_person
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, person: Person) -> HttpResponse:
    """The migrant corrects their contacts and origin."""
    return _versioned_edit(
        request,
        person,
        make_form=lambda *args, person, **kwargs: ContactsForm(*args, **kwargs),
        initial=lambda person: {
            "email": person.email,
            "phone": person.phone,
            "origin_region": person.origin_region_id,
            "origin_district": person.origin_district_id,
            "version": person.version,
        },
        save=lambda person, form: services.person_update(
            actor=request.user, person=person, expected_version=form.cleaned_data["version"], **form.changes()
        ),
        saved=_("Your contacts and origin are saved."),
        template="migrant/edit.html",
    )


@with_own_person
@require_http_methods(["GET", "POST"])
def identity(request: HttpRequest, person: Person) -> HttpResponse:
    """The migrant corrects their names, sex and date of birth."""
    return _versioned_edit(
        request,
        person,
        make_form=IdentityForm,
        initial=lambda person: {"sex": person.sex, "birth_date": person.birth_date, "version": person.version},
        save=lambda person, form: services.person_identity_correct(
            actor=request.user,
            person=person,
            expected_version=form.cleaned_data["version"],
            sex=form.cleaned_data["sex"],
            birth_date=form.cleaned_data["birth_date"],
            names=form.name_corrections(),
        ),
        saved=_("Your names and date of birth are saved."),
        template="migrant/identity.html",
    )


def _register_consent_active(person: Person) -> bool:
    return any(consent.purpose == ConsentPurpose.REGISTER and consent.active for consent in person.consents.all())


@with_own_person
@require_http_methods(["GET", "POST"])
def stay_add(request: HttpRequest, person: Person) -> HttpResponse:
    if not _register_consent_active(person):
        # A stay stored now would be kept without consent: give it again first.
        status = 409 if request.method == "POST" else 200
        return render(request, "migrant/stay_add.html", {"person": person, "needs_consent": True}, status=status)
    if request.method == "POST":
        form = StayForm(request.POST, birth_date=person.birth_date)
        if form.is_valid():
            try:
                services.stay_add(
                    actor=request.user,
                    person=person,
                    stay=form.stay_input(),
                    submission_key=form.cleaned_data["submission_key"],
                )
            except ValidationError as exc:
                form.apply_service_errors(exc)
            else:
                messages.success(request, _("Your stay is saved. The consulate will verify it."))
                return redirect("migrant:home")
    else:
        form = StayForm(birth_date=person.birth_date)
    return render(request, "migrant/stay_add.html", {"form": form, "person": person})


@with_own_person
@require_http_methods(["GET", "POST"])
def stay_end(request: HttpRequest, person: Person, stay_id: int) -> HttpResponse:
    """The migrant ends one of their own stays (their departure or return date). Only their own
    stays are looked up: any other number answers 404."""
    stay = next((stay for stay in person.stays.all() if stay.pk == stay_id), None)
    if stay is None:
        raise Http404
    if stay.status == StayStatus.ENDED:
        messages.info(request, _("This stay has already ended."))
        return redirect("migrant:home")
    form = StayEndForm(request.POST or None, initial={"version": stay.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.stay_end(
                actor=request.user,
                stay=stay,
                departure_date=form.cleaned_data["departure_date"],
                expected_version=form.cleaned_data["version"],
            )
        except StaleObjectError as exc:
            messages.error(request, str(exc))
            return redirect("migrant:home")
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Your stay is ended. Add a new stay when you go abroad again."))
            return redirect("migrant:home")
    return render(request, "migrant/stay_end.html", {"form": form, "person": person, "stay": stay})


@with_own_person
@require_POST
def consent_withdraw(request: HttpRequest, person: Person) -> HttpResponse:
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unknown consent."))
    if services.consent_withdraw(actor=request.user, person=person, purpose=form.cleaned_data["purpose"]):
        messages.success(request, _("Your consent is withdrawn."))
    return redirect("migrant:home")


@with_own_person
@require_POST
def consent_give(request: HttpRequest, person: Person) -> HttpResponse:
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unknown consent."))
    services.consent_grant(actor=request.user, person=person, purpose=form.cleaned_data["purpose"])
    messages.success(request, _("Your consent is recorded."))
    return redirect("migrant:home")


# --- Everything held about the migrant ------------------------------------------------------------


# The migrant sees a document number they gave that is already registered to someone else (a
# DocumentClaim, for the consulate to check) exactly as any document of theirs: the register does
# not tell anyone which numbers it holds.
_CLAIM_TYPE, _DOCUMENT_TYPE = DocumentClaim._meta.label_lower, IdentityDocument._meta.label_lower


def _export_data(request: HttpRequest, person: Person) -> dict[str, Any]:
    audit_read(actor=request.user, obj=person, person=person, action=AuditEvent.Action.EXPORT)
    data = selectors.person_export_data(person=person)
    data["documents"] = [
        *data.get("documents", []),
        *(
            {
                "kind": claim.kind,
                "issuing_country": claim.issuing_country_id,
                "number": claim.number,
                "expiry_date": claim.expiry_date.isoformat() if claim.expiry_date else None,
                "mrz": claim.mrz or "",
            }
            for claim in person.document_claims.all()
        ),
    ]
    history = selectors.person_history(person=person)
    for event in history:
        if event["object"] == _CLAIM_TYPE:
            event["object"] = _DOCUMENT_TYPE
            event["fields"] = [field for field in event["fields"] if field != "holder"]
    data["history"] = history
    return data


def _attachment(response: HttpResponse, extension: str) -> HttpResponse:
    response["Content-Disposition"] = (
        f'attachment; filename="mekendesh-my-data-{timezone.localdate():%Y-%m-%d}.{extension}"'
    )
    response["Cache-Control"] = "no-store"
    return response


@with_own_person
@require_GET
def export_json(request: HttpRequest, person: Person) -> HttpResponse:
    body = json.dumps(_export_data(request, person), ensure_ascii=False, indent=2)
    return _attachment(HttpResponse(body, content_type="application/json; charset=utf-8"), "json")


def _flatten(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _flatten(item, f"{path}[{index}]")
    else:
        yield path, value


@with_own_person
@require_GET
def export_csv(request: HttpRequest, person: Person) -> HttpResponse:
    """The same data as the JSON download, one value a row, safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("field"), _("value")])
    for path, value in _flatten(_export_data(request, person)):
        writer.writerow([path, neutralise_formula("" if value is None else str(value))])
    # A byte-order mark makes spreadsheet programs read the file as UTF-8 (Cyrillic names).
    return _attachment(HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"), "csv")


def _model_of(object_type: str) -> Any:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _field_label(model: Any, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name.replace("_", " ")


def _history_row(event: dict[str, Any]) -> dict[str, Any]:
    """One line of the readable history: the record and its fields by their translated names."""
    model = _model_of(event["object"])
    return {
        "at": dt.datetime.fromisoformat(event["at"]),
        "action": AuditEvent.Action(event["action"]).label,
        "object": str(model._meta.verbose_name) if model else event["object"].rsplit(".", 1)[-1],
        "fields": ", ".join(_field_label(model, name) if model else name for name in event["fields"]),
        "by": _("you")
        if event["by"] == "self"
        else (Role(event["by"]).label if event["by"] in Role.values else event["by"]),
    }


@with_own_person
@require_GET
def export_page(request: HttpRequest, person: Person) -> HttpResponse:
    data = _export_data(request, person)
    history = [_history_row(event) for event in data["history"]]
    return render(
        request,
        "migrant/export.html",
        {"person": person, "history": history, "now": timezone.now(), "documents": _documents(person)},
    )
