"""The read-only REST API: the same people, visibility rules and audit rows as the staff pages,
and an OpenAPI document that generates without warnings."""

from __future__ import annotations

from django.core.management import call_command
from django.urls import reverse

from mekendesh.audit.models import AuditEvent

SEARCH = reverse("api:person_search")


def detail_url(person) -> str:
    return reverse("api:person_detail", kwargs={"public_id": person.public_id})


def test_the_api_search_finds_a_kyrgyz_name_from_its_passport_latin_spelling(
    sign_in, officer_moscow, registered_migrant
):
    response = sign_in(officer_moscow).get(SEARCH, {"q": "Toktosunova Aigerim"})
    assert response.status_code == 200
    [found] = response.json()
    assert found["public_id"] == str(registered_migrant.public_id)
    assert {name["full_name"] for name in found["names"]} == {"Токтосунова Айгерим Асан кызы", "TOKTOSUNOVA AIGERIM"}
    assert found["current_stay"]["consular_district"] == "RU-MOSCOW"
    assert found["birth_date"] == "1998-04-12"


def test_the_api_search_finds_a_person_by_the_exact_document_number(sign_in, officer_moscow, registered_migrant):
    assert len(sign_in(officer_moscow).get(SEARCH, {"q": "AC1234567"}).json()) == 1


def test_the_api_search_shows_an_officer_of_another_district_no_one(sign_in, officer_other, registered_migrant):
    assert sign_in(officer_other).get(SEARCH, {"q": "Toktosunova"}).json() == []


def test_the_api_search_writes_an_audit_read_row_per_person_returned(sign_in, officer_moscow, registered_migrant):
    sign_in(officer_moscow).get(SEARCH, {"q": "Toktosunova"})
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.READ, actor=officer_moscow, person_id=str(registered_migrant.public_id)
        ).count()
        == 1
    )


def test_the_api_detail_gives_the_moscow_officer_the_full_passport_number(sign_in, officer_moscow, registered_migrant):
    data = sign_in(officer_moscow).get(detail_url(registered_migrant)).json()
    assert data["documents"][0]["number"] == "AC1234567"
    assert data["stays"][0]["status"] == "declared"
    assert {consent["purpose"] for consent in data["consents"]} == {"register", "reminders"}


def test_the_api_detail_masks_the_passport_number_for_an_analyst(sign_in, analyst, registered_migrant):
    data = sign_in(analyst).get(detail_url(registered_migrant)).json()
    assert data["documents"][0]["number"] == "••••••567"


def test_the_api_detail_writes_an_audit_read_row(sign_in, officer_moscow, registered_migrant):
    sign_in(officer_moscow).get(detail_url(registered_migrant))
    row = AuditEvent.objects.get(action=AuditEvent.Action.READ, actor=officer_moscow)
    assert row.object_id == str(registered_migrant.public_id)


def test_the_api_detail_answers_404_to_an_officer_of_another_district(sign_in, officer_other, registered_migrant):
    assert sign_in(officer_other).get(detail_url(registered_migrant)).status_code == 404


def test_the_api_answers_404_to_a_migrant_and_a_statistician(
    sign_in, migrant_account, statistician, registered_migrant
):
    for user in (migrant_account, statistician):
        client = sign_in(user)
        assert client.get(SEARCH, {"q": "Toktosunova"}).status_code == 404
        assert client.get(detail_url(registered_migrant)).status_code == 404


def test_the_api_refuses_an_anonymous_caller(client, registered_migrant):
    assert client.get(detail_url(registered_migrant)).status_code in (401, 403)


def test_the_api_is_read_only(sign_in, officer_moscow, registered_migrant):
    client = sign_in(officer_moscow)
    assert client.delete(detail_url(registered_migrant)).status_code == 405
    assert client.post(SEARCH, {"q": "x"}).status_code == 405


def test_the_openapi_document_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/people/{public_id}/" in (tmp_path / "schema.yml").read_text()
