"""The public diaspora page, by country, also shows the public events — to come and held, with
their participants by sex — and the public recommendations and roadmap items with each one's
owner, deadline and status, the overdue ones flagged. Records not marked public stay off it."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mekendesh.diaspora import services
from mekendesh.diaspora.models import Event, Recommendation, StateBody

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def section(code: str, path: str | None = None) -> str:
    """The country's part of the public page (the index, or the country's own page)."""
    text = html.unescape(Client().get(path or reverse("diaspora:index")).content.decode())
    return text.split(f'data-country="{code}"')[1].split("data-country=")[0]


def row_of(part: str, text: str) -> str:
    return part.split(text)[1].split("</tr>")[0]


def event(actor, country, **change) -> Event:
    fields = {
        "title": "Meeting of compatriots in Moscow",
        "kind": "meeting",
        "date": timezone.localdate() + dt.timedelta(days=20),
        "country": country,
        "place": "Moscow, the embassy's hall",
        "organisers": "The council's representative in Russia",
        "participants_total": 60,
        "participants_women": 25,
        "participants_men": 35,
        "is_public": True,
    }
    return services.event_create(actor=actor, **(fields | change))


@pytest.fixture
def owner(diaspora_demo) -> StateBody:
    return StateBody.objects.get(name="State Migration Service")


def test_the_page_shows_the_osh_roundtable_as_held_with_its_participants_by_sex(diaspora_demo):
    kyrgyzstan = section("KG")
    held = kyrgyzstan.split("dia-events past")[1]
    assert "Risks and consequences of migration: an open dialogue platform in Osh Region" in held
    assert "18.03.2021" in held and "Osh, hotel «Orto-Asia»" in held
    assert "40 participants: 24 women, 16 men" in held
    assert "dia-events upcoming" not in kyrgyzstan


def test_an_event_to_come_is_listed_apart_from_those_held_and_one_not_public_is_not_shown(diaspora_demo, countries):
    event(diaspora_demo, countries["RU"])
    event(diaspora_demo, countries["RU"], title="Closed meeting of the council", is_public=False)
    event(
        diaspora_demo,
        countries["RU"],
        title="Training on the rules of stay",
        kind="training",
        date=timezone.localdate() - dt.timedelta(days=3),
        participants_total=12,
        participants_women=12,
        participants_men=0,
    )
    russia = section("RU", reverse("diaspora:country", kwargs={"code": "ru"}))
    upcoming = russia.split("dia-events upcoming")[1].split("</ul>")[0]
    held = russia.split("dia-events past")[1].split("</ul>")[0]
    assert "Meeting of compatriots in Moscow" in upcoming and "60 participants: 25 women, 35 men" in upcoming
    assert "Training on the rules of stay" in held and "12 participants: 12 women, 0 men" in held
    assert "Closed meeting of the council" not in russia
    assert "Эрлан Токтогулов" in russia  # the representatives stay where they were


def test_the_board_shows_each_items_owner_deadline_and_status_and_flags_the_overdue(diaspora_demo):
    kyrgyzstan = section("KG")
    board = kyrgyzstan.split('class="dia-board"')[1].split("</table>")[0]
    osh = row_of(board, "Create a separate migration service in the city of Osh.")
    assert "State Migration Service" in osh and "31.12.2022" in osh and "open" in osh
    assert "overdue" in osh
    analysed = row_of(board, "Analyse internal and external migration.")
    assert "National Statistical Committee" in analysed and "done" in analysed and "overdue" not in analysed
    employment = row_of(board, "Support the legal employment of labour migrants abroad.")
    assert "Ministry of Labour, Social Security and Migration" in employment and "in progress" in employment
    assert "Roadmap of cooperation with IOM" in employment  # its source, a public roadmap
    overdue = sum(row.is_overdue(timezone.localdate()) for row in Recommendation.objects.filter(is_public=True))
    assert overdue >= 1
    said = "1 item is past its deadline." if overdue == 1 else f"{overdue} items are past their deadline."
    assert said in kyrgyzstan
    assert board.count('class="recommendation overdue"') == overdue


def test_open_items_come_first_by_deadline_and_done_ones_last(diaspora_demo):
    board = section("KG").split('class="dia-board"')[1]
    assert board.index("Create a separate migration service in the city of Osh.") < board.index(
        "Merge the bodies for migration and for employment into one body."
    )
    assert board.index("Counter illegal migration.") < board.index("Analyse internal and external migration.")


def test_a_recommendation_not_marked_public_is_not_on_the_public_board(diaspora_demo, countries, owner):
    services.recommendation_create(
        actor=diaspora_demo,
        text="An internal recommendation under discussion.",
        owner=owner,
        deadline=dt.date(2020, 1, 1),
        source_document="Internal memo (example)",
        country=countries["KG"],
        issued_on=dt.date(2019, 12, 1),
        is_public=False,
    )
    assert "An internal recommendation under discussion." not in section("KG")


def test_an_item_of_an_event_not_marked_public_names_its_document_not_the_event(diaspora_demo, countries, owner):
    closed = event(diaspora_demo, countries["RU"], title="Closed working meeting", is_public=False)
    services.recommendation_create(
        actor=diaspora_demo,
        text="Open a help desk for migrants in Moscow.",
        owner=owner,
        event=closed,
        source_document="Minutes of the working meeting (example)",
        deadline=timezone.localdate() + dt.timedelta(days=90),
        is_public=True,
    )
    russia = section("RU")
    row = row_of(russia, "Open a help desk for migrants in Moscow.")
    assert "Minutes of the working meeting (example)" in row and "State Migration Service" in row
    assert "Closed working meeting" not in russia


def test_a_country_with_only_an_event_gets_its_own_section(diaspora_demo, countries, places):
    event(diaspora_demo, places["KZ"], title="Roundtable in Almaty", kind="roundtable")
    assert "Roundtable in Almaty" in section("KZ")
    page = Client().get(reverse("diaspora:country", kwargs={"code": "kz"}))
    assert page.status_code == 200 and "Roundtable in Almaty" in html.unescape(page.content.decode())
