"""The staff's case pages: the list by urgency, a case with the moves its viewer may make, forms
that keep what was typed when refused, and a case opened from the person's page."""

from __future__ import annotations

import datetime as dt
import uuid

from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.cases.models import Case
from mekendesh.cases.services import RepresentativeInput, SubjectInput, case_move, case_request_for_other


def _page(case):
    return reverse("staff:case", kwargs={"case_id": case.public_id})


def _post(client, name, case, data):
    return client.post(reverse(name, kwargs={"case_id": case.public_id}), data)


def test_the_case_list_shows_the_overdue_case_first_in_red(open_case, requested_case, officer_moscow, sign_in):
    Case.objects.filter(pk=open_case.pk).update(due_date=dt.date(2026, 1, 5))
    body = sign_in(officer_moscow).get(reverse("staff:cases")).content.decode()
    assert open_case.number in body and 'class="urgency-red"' in body and "past its deadline" in body
    assert requested_case.number not in body  # requests are listed apart
    requests = sign_in(officer_moscow).get(reverse("staff:cases"), {"state": "requested"}).content.decode()
    assert requested_case.number in requests


def test_the_case_list_and_a_case_page_are_404_or_empty_for_another_district(open_case, officer_other, sign_in):
    client = sign_in(officer_other)
    assert open_case.number not in client.get(reverse("staff:cases")).content.decode()
    assert client.get(_page(open_case)).status_code == 404


def test_reading_a_case_writes_an_audit_row_about_the_person(open_case, officer_moscow, sign_in, registered_migrant):
    sign_in(officer_moscow).get(_page(open_case))
    row = AuditEvent.objects.filter(action="read", object_type="cases.case").get()
    assert row.person_id == str(registered_migrant.public_id)


def test_the_assigned_officer_sees_the_moves_of_the_step_and_a_colleague_sees_none(
    open_case, officer_moscow, officer_moscow_2, sign_in
):
    mine = sign_in(officer_moscow).get(_page(open_case)).content.decode()
    assert 'value="request_documents"' in mine and 'value="close"' in mine
    assert "Rests on the ministry" in mine  # the legal basis of the deadline
    theirs = sign_in(officer_moscow_2).get(_page(open_case)).content.decode()
    assert 'value="request_documents"' not in theirs
    assert "Only the officer the case is assigned to" in theirs


def test_a_move_from_the_page_moves_the_case_and_a_second_click_changes_nothing(open_case, officer_moscow, sign_in):
    client = sign_in(officer_moscow)
    form = {"action": "request_documents", "version": open_case.version, "submission_key": str(uuid.uuid4())}
    first = _post(client, "staff:case_move", open_case, form)
    again = _post(client, "staff:case_move", open_case, form)
    assert first.status_code == again.status_code == 302
    open_case.refresh_from_db()
    assert open_case.status == "documents_requested" and open_case.version == 2


def test_a_stale_form_is_refused_with_the_typed_note_kept(open_case, officer_moscow, head_moscow, sign_in):
    seen = open_case.version
    case_move(actor=head_moscow, case=open_case, action="request_documents")
    response = _post(
        sign_in(officer_moscow),
        "staff:case_move",
        open_case,
        {"action": "close", "version": seen, "note": "Resolved with the MVD on the phone."},
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this record" in body and "Resolved with the MVD on the phone." in body
    open_case.refresh_from_db()
    assert open_case.status == "documents_requested"


def test_an_illegal_move_from_the_page_is_refused_with_its_message(open_case, officer_moscow, sign_in):
    response = _post(sign_in(officer_moscow), "staff:case_move", open_case, {"action": "appeal", "version": 1})
    assert response.status_code == 400 and "is not possible while the record is" in response.content.decode()


def test_a_colleague_takes_a_request_and_accepts_it(requested_case, officer_moscow_2, sign_in):
    client = sign_in(officer_moscow_2)
    page = client.get(_page(requested_case)).content.decode()
    assert 'value="accept"' in page and 'value="decline"' in page
    _post(client, "staff:case_move", requested_case, {"action": "accept", "version": requested_case.version})
    requested_case.refresh_from_db()
    assert requested_case.status == "open" and requested_case.assignee == officer_moscow_2


def test_pausing_and_resuming_from_the_page(open_case, officer_moscow, sign_in):
    client = sign_in(officer_moscow)
    assert (
        _post(client, "staff:case_pause", open_case, {"version": 1, "reason": "Waiting for the MVD"}).status_code == 302
    )
    assert "Waiting for the MVD" in client.get(_page(open_case)).content.decode()
    assert _post(client, "staff:case_resume", open_case, {"version": 2}).status_code == 302
    open_case.refresh_from_db()
    assert open_case.paused_since is None


def test_a_note_is_internal_unless_shared_and_the_timeline_says_which(open_case, officer_moscow, sign_in):
    client = sign_in(officer_moscow)
    _post(client, "staff:case_note", open_case, {"body": "Called the MVD.", "submission_key": str(uuid.uuid4())})
    _post(
        client,
        "staff:case_note",
        open_case,
        {"body": "Bring your patent receipts.", "visible_to_person": "on", "submission_key": str(uuid.uuid4())},
    )
    body = client.get(_page(open_case)).content.decode()
    assert "Called the MVD." in body and "Bring your patent receipts." in body
    assert body.count("internal</span>") == 1 and "shared with the person" in body


def test_the_head_assigns_and_the_case_leaves_for_another_consulate_with_a_reason(
    open_case, head_moscow, officer_moscow_2, sign_in, places
):
    client = sign_in(head_moscow)
    _post(client, "staff:case_assign", open_case, {"version": 1, "assignee": officer_moscow_2.pk})
    open_case.refresh_from_db()
    assert open_case.assignee == officer_moscow_2
    refused = _post(client, "staff:case_transfer", open_case, {"version": 2, "district": places["other_district"].pk})
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    moved = _post(
        client,
        "staff:case_transfer",
        open_case,
        {"version": 2, "district": places["other_district"].pk, "reason": "moved"},
    )
    assert moved.status_code == 302 and moved["Location"] == reverse("staff:cases")


def test_an_officer_opens_a_case_from_the_persons_page(registered_migrant, officer_moscow, sign_in, places):
    client = sign_in(officer_moscow)
    person_page = client.get(
        reverse("staff:person", kwargs={"public_id": registered_migrant.public_id})
    ).content.decode()
    new_url = reverse("staff:case_new") + f"?person={registered_migrant.public_id}"
    assert new_url in person_page
    form = client.get(new_url).content.decode()
    assert "Embassy in Moscow" in form
    key = str(uuid.uuid4())
    data = {
        "case_type": "detention",
        "district": places["moscow_district"].pk,
        "summary": "Held at a police station.",
        "submission_key": key,
    }
    client.post(new_url, data)
    client.post(new_url, data)
    case = Case.objects.get()
    assert (case.case_type, case.person, case.assignee, case.status) == (
        "detention",
        registered_migrant,
        officer_moscow,
        "open",
    )
    assert (
        case.number
        in client.get(reverse("staff:person", kwargs={"public_id": registered_migrant.public_id})).content.decode()
    )


def test_an_officer_cannot_open_a_case_for_another_consulate(registered_migrant, officer_moscow, sign_in, places):
    client = sign_in(officer_moscow)
    url = reverse("staff:case_new") + f"?person={registered_migrant.public_id}"
    response = client.post(
        url, {"case_type": "other", "district": places["other_district"].pk, "submission_key": str(uuid.uuid4())}
    )
    assert response.status_code == 200 and not Case.objects.exists()


def test_a_relatives_request_is_linked_to_the_register_by_the_officer(
    registered_migrant, officer_moscow, sign_in, places, migrant_account
):
    from mekendesh.accounts.models import User

    mother = User.objects.create_user(email="mother@example.com", password="x" * 12, role="migrant")
    case = case_request_for_other(
        actor=mother,
        representative=RepresentativeInput("Асан Токтосунов", "parent", "cannot_agree", True, phone="+996555000111"),
        subject=SubjectInput("Токтосунова Айгерим", dt.date(1998, 4, 12)),
        case_type="detention",
        country=places["RU"],
        host_region=places["moscow"],
        summary="Our daughter was detained in Moscow.",
    )
    client = sign_in(officer_moscow)
    client.post(reverse("staff:case_move", kwargs={"case_id": case.public_id}), {"action": "accept", "version": 1})
    found = client.get(reverse("staff:case_link", kwargs={"case_id": case.public_id})).content.decode()
    assert "same date of birth" in found and str(registered_migrant.public_id) in found
    client.post(
        reverse("staff:case_link", kwargs={"case_id": case.public_id}),
        {"person": registered_migrant.public_id, "version": 2},
    )
    case.refresh_from_db()
    assert case.person == registered_migrant
    assert "Асан Токтосунов" in client.get(_page(case)).content.decode()
