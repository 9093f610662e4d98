"""The roadmap board (owner, deadline, status, overdue) and the annual report per country."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mekendesh.diaspora import services
from mekendesh.diaspora.models import Recommendation

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def board_rows(text: str) -> dict[str, dict[str, str]]:
    """The board's rows by their recommendation: owner, deadline and status as the page shows them."""
    rows = {}
    for row in re.findall(r"<tr data-id=.*?</tr>", text, re.S):
        head = re.search(r"<th.*?</th>", row, re.S)
        assert head is not None
        cells = dict(re.findall(r'data-field="(\w+)">(.*?)</td>', row, re.S))
        rows[plain(head.group(0))] = {key: plain(value) for key, value in cells.items()}
    return rows


def test_the_board_shows_each_recommendations_owner_deadline_and_status_and_flags_the_overdue(sign_in, diaspora_demo):
    page = sign_in(diaspora_demo).get(reverse("staff:diaspora_board"))
    assert page.status_code == 200
    rows = board_rows(page.text)
    assert len(rows) == 8
    osh = rows["Create a separate migration service in the city of Osh."]
    assert osh == {"owner": "State Migration Service", "deadline": "31.12.2022", "status": "open overdue"}
    assert rows["Strengthen the handling of border issues in the southern region."] == {
        "owner": "State Border Service",
        "deadline": "30.06.2027",
        "status": "in progress",
    }
    assert rows["Analyse internal and external migration."]["status"] == "done"
    assert rows["Counter illegal migration."]["owner"] == "Ministry of Internal Affairs"
    overdue = sign_in(diaspora_demo).get(reverse("staff:diaspora_board"), {"overdue": "on"})
    assert set(board_rows(overdue.text)) == {
        "Create a separate migration service in the city of Osh.",
        "Merge the bodies for migration and for employment into one body.",
        "Counter illegal migration.",
    }


def test_a_done_recommendation_is_no_longer_overdue(sign_in, diaspora_demo):
    item = Recommendation.objects.get(text__startswith="Create a separate migration service")
    client = sign_in(diaspora_demo)
    url = reverse("staff:diaspora_recommendation", kwargs={"recommendation_id": item.pk})
    client.post(url, {"do": "move", "action": "done", "version": item.version})
    client.post(url, {"do": "report", "text": "The service opened in Osh.", "date": "2026-11-30"})
    item.refresh_from_db()
    assert item.status == "done" and item.reports.get().text == "The service opened in Osh."
    row = board_rows(client.get(reverse("staff:diaspora_board")).text)[item.text]
    assert row["status"] == "done"


def test_a_project_moves_only_along_its_workflow(sign_in, diaspora_demo):
    from mekendesh.diaspora.models import Project

    project = Project.objects.get(title="Japanese vocational training for young people from Kyrgyzstan")
    client = sign_in(diaspora_demo)
    url = reverse("staff:diaspora_project", kwargs={"project_id": project.pk})
    refused = client.post(url, {"do": "move", "action": "complete", "version": project.version}, follow=True)
    assert "Only a running project can be completed." in refused.text
    for action in ("approve", "start", "complete"):
        project.refresh_from_db()
        client.post(url, {"do": "move", "action": action, "version": project.version})
    project.refresh_from_db()
    assert project.status == "completed"


def test_the_annual_report_counts_events_participants_by_sex_projects_and_recommendations(
    sign_in, diaspora_demo, countries
):
    services.event_create(
        actor=diaspora_demo,
        title="Training for would-be migrants",
        kind="training",
        date=dt.date(2021, 11, 2),
        country=countries["KG"],
        place="Bishkek",
        organisers="Ministry (example)",
        participants_total=10,
        participants_women=3,
        participants_men=7,
    )
    services.event_create(
        actor=diaspora_demo,
        title="A meeting of another year",
        kind="meeting",
        date=dt.date(2022, 5, 2),
        country=countries["KG"],
        place="Bishkek",
        organisers="Ministry (example)",
        participants_total=5,
        participants_women=5,
        participants_men=0,
    )
    client = sign_in(diaspora_demo)
    page = client.get(reverse("staff:diaspora_report"), {"country": "KG", "year": "2021"})
    figures = dict(re.findall(r'data-code="(\w+)"><th scope="row">[^<]*</th><td>(\d+)</td>', page.text))
    assert figures["events"] == "2" and figures["events_roundtable"] == "1" and figures["events_training"] == "1"
    assert (figures["participants"], figures["participants_women"], figures["participants_men"]) == ("50", "27", "23")
    # Recommendations made for Kyrgyzstan up to the end of 2021: the Osh four and the IOM four.
    assert (figures["recommendations_done"], figures["recommendations_open"]) == ("1", "7")
    assert figures["recommendations_overdue"] == "3"
    usa = dict(
        re.findall(
            r'data-code="(\w+)"><th scope="row">[^<]*</th><td>(\d+)</td>',
            client.get(reverse("staff:diaspora_report"), {"country": "US", "year": "2022"}).text,
        )
    )
    assert (usa["projects"], usa["projects_running"], usa["projects_approved"], usa["events"]) == ("2", "1", "1", "0")

    download = client.get(reverse("staff:diaspora_report_csv"), {"country": "KG", "year": "2021"})
    assert download["Content-Disposition"] == 'attachment; filename="diaspora-kg-2021.csv"'
    rows = {row["figure"]: row for row in csv.DictReader(io.StringIO(download.content.decode("utf-8-sig")))}
    assert rows["participants_women"]["OBS_VALUE"] == "27" and rows["participants_women"]["TIME_PERIOD"] == "2021"
    book = client.get(reverse("staff:diaspora_report_xlsx"), {"country": "KG", "year": "2021"})
    sheet = load_workbook(io.BytesIO(book.content))["data"]
    values = {row[2]: row[5] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["participants_men"] == 23


def test_a_formula_in_a_name_goes_out_neutralised_in_the_download(sign_in, coordinator, countries):
    from mekendesh.reference.models import Country

    Country.objects.filter(code="KG").update(name_en='=HYPERLINK("http://x.example")')
    download = sign_in(coordinator).get(reverse("staff:diaspora_report_csv"), {"country": "KG", "year": "2021"})
    assert "'=HYPERLINK" in download.content.decode("utf-8-sig")
