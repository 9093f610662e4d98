"""The staff workspace: search, the person page, officer entry, verification and end of stays.

Who may see what is decided by ``selectors`` (``people_visible_to`` and friends); anything a
user may not see answers 404, as if it did not exist. Changes go through ``services``.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mekendesh.audit.services import audit_people_read, audit_read
from mekendesh.names import spelling_variants
from mekendesh.people import selectors, services
from mekendesh.people.models import Person, StayStatus
from mekendesh.people.staff_forms import PersonEntryForm, QueueFilterForm, SearchForm, StayEndForm, StayVerifyForm
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import require as _require
from mekendesh.web.decorators import staff_required
from mekendesh.web.navigation import person_panels_for
from mekendesh.web.pagination import CappedPaginator
from mekendesh.workflows.errors import StaleObjectError

QUEUE_PAGE_SIZE = 50
# Past this many the queue says "more than" instead of counting every row (see CappedPaginator).
QUEUE_COUNT_CAP = 10_000
QUEUE_FILTERS = ("district", "arrived_from", "arrived_to")


@staff_required(permission="person.search")
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results: list[selectors.SearchResult] = []
    searched = False
    if form.is_valid() and form.cleaned_data["q"].strip():
        searched = True
        results = selectors.person_search_results(user=request.user, query=form.cleaned_data["q"])
        audit_people_read(actor=request.user, people=[result.person for result in results])
    rows = [
        {"person": result.person, "stay": selectors.current_stay(result.person), "result": result} for result in results
    ]
    return render(
        request,
        "staff/search.html",
        {
            "form": form,
            "rows": rows,
            "searched": searched,
            "limit": selectors.SEARCH_LIMIT,
        },
    )


def _variants(person: Person) -> list[tuple[str, list[str]]]:
    """Spellings an officer may meet for the person's name, by kind, without those on record."""
    primary = person.primary_name
    if primary is None:
        return []
    known = {name.full_name.casefold() for name in person.names.all()}
    labels = {
        "passport_latin": _("Passport Latin"),
        "russian": _("Russian spelling"),
        "informal_latin": _("Informal Latin"),
        "kyrgyz_cyrillic": _("Kyrgyz Cyrillic"),
    }
    found = []
    for kind, spellings in spelling_variants(primary.full_name).items():
        new = [spelling for spelling in spellings if spelling.casefold() not in known]
        if new:
            found.append((labels.get(kind, kind), new))
    return found


def _queue_query(values: Any) -> str:
    """The work queue's filters as a query string, keeping only the filters themselves (the
    value travels through the person page and the verify form)."""
    if isinstance(values, str):
        values = QueryDict(values)
    return urlencode([(name, values.get(name)) for name in QUEUE_FILTERS if values.get(name)])


@staff_required(permission="stay.queue")
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """The officer's work queue: declared stays awaiting verification in their districts, oldest
    first, 50 a page; ``?next=1`` opens the oldest one's person page."""
    form = QueueFilterForm(request.GET or None, user=request.user)
    query = _queue_query(request.GET)
    stays = selectors.stays_awaiting_verification(request.user, **form.filters())
    if request.GET.get("next"):
        first = stays.first()
        if first is None:
            messages.info(request, _("No declared stay awaits verification here."))
            return redirect(reverse("staff:queue") + (f"?{query}" if query else ""))
        return redirect(
            reverse("staff:person", kwargs={"public_id": first.person.public_id})
            + "?"
            + urlencode({"queue": query})
            + f"#stay-{first.pk}"
        )
    page = CappedPaginator(stays, QUEUE_PAGE_SIZE, cap=QUEUE_COUNT_CAP).get_page(request.GET.get("page"))
    audit_people_read(actor=request.user, people=[stay.person for stay in page.object_list])
    return render(request, "staff/queue.html", {"form": form, "page": page, "queue": query})


@staff_required
@require_GET
def person(request: HttpRequest, public_id: Any) -> HttpResponse:
    found = selectors.person_get_for_staff(user=request.user, public_id=public_id)
    duplicates = selectors.person_duplicates(person=found, user=request.user)
    # The page shows the person and, in the duplicates panel, other people's names and dates of
    # birth: each of them is a read.
    audit_people_read(actor=request.user, people=[found, *(candidate.person for candidate in duplicates)])
    visible_stays = found.stays.all()  # only the stays this user may see (selectors.stays_visible_to)
    changeable = selectors.changeable_stay_ids(request.user, visible_stays)
    stays = [
        {
            "stay": stay,
            "can_change": stay.pk in changeable,
            "can_verify": stay.status == StayStatus.DECLARED,
            "submission_key": uuid.uuid4(),
        }
        for stay in visible_stays
    ]
    return render(
        request,
        "staff/person.html",
        {
            "person": found,
            "names": found.names.all(),
            "variants": _variants(found),
            "documents": found.documents.all(),
            "show_numbers": selectors.can_see_document_numbers(request.user, found),
            "show_contacts": selectors.has_agreed_to_contact(found),
            "stays": stays,
            "consents": found.consents.all(),
            "duplicates": duplicates,
            "panels": person_panels_for(request.user, found),
            "queue": _queue_query(request.GET["queue"]) if "queue" in request.GET else None,
        },
    )


@staff_required(permission="person.register")
@require_http_methods(["GET", "POST"])
def person_new(request: HttpRequest) -> HttpResponse:
    form = PersonEntryForm(request.POST or None, user=request.user)
    holder = None
    if request.method == "POST" and form.is_valid():
        try:
            result = services.self_registration_submit(
                actor=request.user,
                submission_key=form.cleaned_data["submission_key"],
                person_data=form.person_data(),
                stay=form.stay_input(),
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
            if form.has_error("document_number"):
                holder = selectors.person_with_document(user=request.user, number=form.data["document_number"])
        else:
            if result.created:
                messages.success(request, _("The person and their stay are on the register."))
            else:
                messages.info(request, _("This form was already sent; here is the registration it made."))
            return redirect("staff:person", public_id=result.person.public_id)
    return render(request, "staff/person_new.html", {"form": form, "holder": holder})


def _changeable_stay(request: HttpRequest, stay_id: int) -> Any:
    stay = selectors.stay_get_for_staff(user=request.user, stay_id=stay_id)
    _require(selectors.can_change_stay(request.user, stay))
    return stay


def _person_url(stay: Any) -> str:
    return reverse("staff:person", kwargs={"public_id": stay.person.public_id}) + f"#stay-{stay.pk}"


@staff_required
@require_POST
def stay_verify(request: HttpRequest, stay_id: int) -> HttpResponse:
    stay = _changeable_stay(request, stay_id)
    form = StayVerifyForm(request.POST)
    from_queue = "queue" in request.POST
    back = _person_url(stay)
    if from_queue:
        query = _queue_query(request.POST["queue"])
        back = (
            reverse("staff:person", kwargs={"public_id": stay.person.public_id})
            + "?"
            + urlencode({"queue": query})
            + f"#stay-{stay.pk}"
        )
    if not form.is_valid():
        messages.error(request, _("The form was incomplete. Reload the page and try again."))
        return redirect(back)
    try:
        services.stay_verify(
            actor=request.user,
            stay=stay,
            expected_version=form.cleaned_data["version"],
            idempotency_key=form.cleaned_data["submission_key"],
        )
    except StaleObjectError as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The stay is verified."))
        if from_queue:
            # On to the next stay of the same queue (the verified one has left it).
            return redirect(reverse("staff:queue") + "?" + (f"{query}&" if query else "") + "next=1")
    return redirect(back)


@staff_required
@require_http_methods(["GET", "POST"])
def stay_end(request: HttpRequest, stay_id: int) -> HttpResponse:
    stay = _changeable_stay(request, stay_id)
    if stay.status == StayStatus.ENDED:
        messages.info(request, _("This stay has already ended."))
        return redirect(_person_url(stay))
    form = StayEndForm(request.POST or None, initial={"version": stay.version})
    if request.method == "GET":
        audit_read(actor=request.user, obj=stay, person=stay.person)
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
            return redirect(_person_url(stay))
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("The stay is ended."))
            return redirect(_person_url(stay))
    return render(request, "staff/stay_end.html", {"form": form, "stay": stay})
