"""The cases' REST API: the list, a case's detail and its moves, for the officers who work cases,
with a 409 for the second of two officers moving the same case and one move for a key sent twice."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.cases.models import Case
from mekendesh.workflows.models import WorkflowAction

LIST = reverse("api:cases")


def detail_url(case) -> str:
    return reverse("api:case", kwargs={"case_id": case.public_id})


def move_url(case) -> str:
    return reverse("api:case_transition", kwargs={"case_id": case.public_id})


def move(client, case, action, *, version=None, note="", key=None):
    headers = {"Idempotency-Key": str(key)} if key is not None else {}
    body = {"action": action, "note": note, "version": case.version if version is None else version}
    return client.post(move_url(case), body, content_type="application/json", headers=headers)


def moves_of(case) -> int:
    return WorkflowAction.objects.filter(object_id=str(case.pk), workflow=case.workflow_name).count()


def test_an_officer_lists_the_cases_being_worked_in_their_district_and_the_requests_apart(
    sign_in, officer_moscow, open_case, requested_case
):
    client = sign_in(officer_moscow)
    listed = client.get(LIST).json()
    assert [row["id"] for row in listed["results"]] == [str(open_case.public_id)]
    row = listed["results"][0]
    assert row["number"] == open_case.number and row["name"] == "Токтосунова Айгерим Асан кызы"
    assert (row["status"], row["party"], row["consular_district"]) == ("open", "consulate", "RU-MOSCOW")
    assert row["due_date"] == open_case.due_date.isoformat() and row["assignee"] == str(officer_moscow)
    requests = client.get(LIST, {"state": "requested"}).json()["results"]
    assert [row["id"] for row in requests] == [str(requested_case.public_id)]
    assert requests[0]["step"] == "request awaiting acceptance"
    assert {row["id"] for row in client.get(LIST, {"state": "all"}).json()["results"]} == {
        str(open_case.public_id),
        str(requested_case.public_id),
    }


def test_the_list_is_filtered_by_type_assignment_and_colour(sign_in, officer_moscow, open_case, requested_case):
    client = sign_in(officer_moscow)
    both = {"state": "all"}
    assert [row["id"] for row in client.get(LIST, {**both, "type": "unpaid_wages"}).json()["results"]] == [
        str(requested_case.public_id)
    ]
    assert [row["id"] for row in client.get(LIST, {**both, "mine": "true"}).json()["results"]] == [
        str(open_case.public_id)
    ]
    assert client.get(LIST, {"urgency": "red"}).json()["results"] == []
    Case.objects.filter(pk=open_case.pk).update(due_date=dt.date.today() - dt.timedelta(days=3))
    overdue = client.get(LIST, {"urgency": "red"}).json()["results"]
    assert [(row["id"], row["urgency"]) for row in overdue] == [(str(open_case.public_id), "red")]
    assert client.get(LIST, {"urgency": "green"}).json()["results"] == []


def test_a_filter_value_the_api_does_not_know_is_refused_by_name(sign_in, officer_moscow):
    response = sign_in(officer_moscow).get(LIST, {"state": "lost", "urgency": "blue"})
    assert response.status_code == 400 and set(response.json()) == {"state", "urgency"}


def test_reading_the_list_and_a_case_writes_a_read_row_of_the_case_to_the_audit_trail(
    sign_in, officer_moscow, open_case, registered_migrant
):
    client = sign_in(officer_moscow)
    client.get(LIST)
    client.get(detail_url(open_case))
    reads = AuditEvent.objects.filter(action="read", object_id=str(open_case.public_id), actor=officer_moscow)
    assert reads.count() == 2
    assert {row.person_id for row in reads} == {str(registered_migrant.public_id)}


def test_the_detail_shows_the_step_who_acts_the_due_date_the_moves_and_the_timeline(sign_in, officer_moscow, open_case):
    data = sign_in(officer_moscow).get(detail_url(open_case)).json()
    assert (data["status"], data["party"], data["version"]) == ("open", "consulate", 1)
    assert data["due_date"] == open_case.due_date.isoformat() and data["urgency"] in ("green", "amber")
    assert data["person_text"].startswith("The consulate is studying why the host country's register names you")
    assert {item["action"] for item in data["moves"]} == {"request_documents", "documents_complete", "close"}
    close = next(item for item in data["moves"] if item["action"] == "close")
    assert close["needs_outcome"] and close["target"] == "closed"
    assert [entry["title"] for entry in data["timeline"]] == ["The case was opened."]
    assert data["summary"].startswith("Named on the register") and data["representative"] is None


def test_an_officer_moves_a_case_and_gets_it_back_at_its_next_step(sign_in, officer_moscow, open_case):
    response = move(sign_in(officer_moscow), open_case, "request_documents", note="Passport copy and patent.")
    assert response.status_code == 200
    data = response.json()
    assert (data["status"], data["party"], data["version"]) == ("documents_requested", "person", 2)
    assert data["timeline"][-1]["title"] == "Ask the person for documents → documents asked of the person"
    assert data["timeline"][-1]["internal"] and data["timeline"][-1]["text"] == "Passport copy and patent."
    open_case.refresh_from_db()
    assert open_case.status == "documents_requested"


def test_the_second_of_two_officers_saving_the_same_case_gets_409_and_the_first_move_stays(
    sign_in, officer_moscow, head_moscow, open_case
):
    read_version = open_case.version
    first = move(sign_in(head_moscow), open_case, "documents_complete", version=read_version)
    assert first.status_code == 200
    second = move(sign_in(officer_moscow), open_case, "request_documents", version=read_version)
    assert second.status_code == 409
    assert second.json()["detail"].startswith("Someone else changed this record while you were editing it.")
    open_case.refresh_from_db()
    assert (open_case.status, open_case.version, moves_of(open_case)) == ("documents_gathered", 2, 1)


def test_the_same_move_sent_twice_with_one_idempotency_key_moves_the_case_once(sign_in, officer_moscow, open_case):
    client, key = sign_in(officer_moscow), uuid.uuid4()
    first = move(client, open_case, "request_documents", version=1, key=key)
    again = move(client, open_case, "request_documents", version=1, key=key)
    assert first.status_code == again.status_code == 200
    assert again.json()["version"] == 2 and again.json()["status"] == "documents_requested"
    open_case.refresh_from_db()
    assert (open_case.version, moves_of(open_case)) == (2, 1)


def test_a_key_used_for_one_move_is_refused_for_another(sign_in, officer_moscow, open_case):
    client, key = sign_in(officer_moscow), uuid.uuid4()
    assert move(client, open_case, "request_documents", version=1, key=key).status_code == 200
    refused = move(client, open_case, "documents_complete", version=2, key=key)
    assert refused.status_code == 409 and "Idempotency-Key" in refused.json()["detail"]
    assert moves_of(open_case) == 1


def test_a_key_used_to_move_one_case_is_refused_for_the_same_move_of_another(
    sign_in, officer_moscow, open_case, registered_migrant, places
):
    from mekendesh.cases.services import case_open

    second = case_open(
        actor=officer_moscow,
        person=registered_migrant,
        case_type="register_removal",
        consular_district=places["moscow_district"],
    )
    client, key = sign_in(officer_moscow), uuid.uuid4()
    assert move(client, open_case, "request_documents", key=key).status_code == 200
    refused = move(client, second, "request_documents", key=key)
    assert refused.status_code == 409 and "Idempotency-Key" in refused.json()["detail"]
    second.refresh_from_db()
    assert (second.status, moves_of(second)) == ("open", 0)


def test_an_idempotency_key_that_is_not_a_uuid_is_refused(sign_in, officer_moscow, open_case):
    response = move(sign_in(officer_moscow), open_case, "request_documents", key="twice-please")
    assert response.status_code == 400 and "Idempotency-Key" in response.json()["detail"]
    assert moves_of(open_case) == 0


def test_a_move_the_step_does_not_allow_answers_400_with_the_reason(sign_in, officer_moscow, open_case):
    response = move(sign_in(officer_moscow), open_case, "accept")
    assert response.status_code == 400
    assert response.json()["detail"] == "Only a request that awaits acceptance can be accepted."
    unknown = move(sign_in(officer_moscow), open_case, "vanish")
    assert unknown.status_code == 400 and "action" in unknown.json()
    assert moves_of(open_case) == 0


def test_closing_without_an_outcome_is_refused_naming_the_note(sign_in, officer_moscow, open_case):
    response = move(sign_in(officer_moscow), open_case, "close", note="  ")
    assert response.status_code == 400
    assert response.json()["note"] == ["Say why: the person reads it."]
    closed = move(sign_in(officer_moscow), open_case, "close", note="Taken off the register on 3 March.")
    assert closed.status_code == 200 and closed.json()["outcome"] == "Taken off the register on 3 March."


def test_a_body_without_a_version_is_refused_by_field(sign_in, officer_moscow, open_case):
    response = sign_in(officer_moscow).post(move_url(open_case), {"action": "close"}, content_type="application/json")
    assert response.status_code == 400 and "version" in response.json()


def test_an_officer_of_the_district_not_assigned_the_case_may_read_it_but_not_move_it(
    sign_in, officer_moscow_2, open_case
):
    client = sign_in(officer_moscow_2)
    assert client.get(detail_url(open_case)).json()["moves"] == []
    response = move(client, open_case, "request_documents")
    assert response.status_code == 403 and response.json()["detail"] == "You may not do this."
    assert moves_of(open_case) == 0


def test_an_officer_of_the_district_accepts_a_request_and_is_assigned_it(sign_in, officer_moscow_2, requested_case):
    response = move(sign_in(officer_moscow_2), requested_case, "accept")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["assignee"]) == ("open", str(officer_moscow_2))


def test_another_districts_officer_gets_404_for_the_case_and_does_not_find_it_in_the_list(
    sign_in, officer_other, open_case, requested_case
):
    client = sign_in(officer_other)
    assert client.get(detail_url(open_case)).status_code == 404
    assert move(client, requested_case, "accept").status_code == 404
    assert client.get(LIST, {"state": "all"}).json()["results"] == []
    requested_case.refresh_from_db()
    assert requested_case.status == "requested"


@pytest.mark.parametrize("role", ["analyst", "statistician", "coordinator", "administrator"])
def test_staff_who_do_not_work_cases_get_404(request, sign_in, role, open_case):
    client = sign_in(request.getfixturevalue(role))
    assert client.get(LIST).status_code == 404
    assert client.get(detail_url(open_case)).status_code == 404
    assert move(client, open_case, "close", note="no").status_code == 404


def test_a_migrant_and_the_anonymous_get_no_case(client, aigerim, open_case):
    assert client.get(detail_url(open_case)).status_code == 404
    assert Client().get(detail_url(open_case)).status_code in (401, 403)
    assert Client().get(LIST).status_code in (401, 403)


def test_a_ministry_case_officer_reads_and_moves_a_case_of_any_district(sign_in, ministry_officer, open_case):
    client = sign_in(ministry_officer)
    assert [row["id"] for row in client.get(LIST).json()["results"]] == [str(open_case.public_id)]
    assert move(client, open_case, "documents_complete").status_code == 200


def test_the_list_comes_in_pages(sign_in, officer_moscow, registered_migrant, places):
    from mekendesh.cases.services import case_open

    for _ in range(3):
        case_open(
            actor=officer_moscow,
            person=registered_migrant,
            case_type="other",
            consular_district=places["moscow_district"],
        )
    first = sign_in(officer_moscow).get(LIST, {"page_size": 2}).json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]


def test_the_openapi_document_describes_the_case_endpoints(staff_client, officer_moscow):
    document = staff_client(officer_moscow).get(reverse("api-schema"), {"format": "json"}).json()
    assert {"/api/cases/", "/api/cases/{case_id}/", "/api/cases/{case_id}/transitions/"} <= set(document["paths"])
    transition = document["paths"]["/api/cases/{case_id}/transitions/"]["post"]
    assert {"200", "400", "403", "404", "409"} <= set(transition["responses"])
    assert "Idempotency-Key" in {parameter["name"] for parameter in transition["parameters"]}
