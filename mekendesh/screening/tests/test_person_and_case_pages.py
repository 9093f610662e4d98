"""Screening on the other staff pages: the person page's section with the person's candidate
matches and the list entries confirmed as them, and the line of a case opened from a confirmed
match (the list and its row as read)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.cases.models import Case
from mekendesh.screening.services import candidate_judge

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def person_page(client, person):
    return client.get(reverse("staff:person", kwargs={"public_id": person.public_id})).text


def confirm(candidate, analyst, analyst_2):
    candidate_judge(
        actor=analyst_2,
        candidate=candidate_judge(actor=analyst, candidate=candidate, verdict="same"),
        verdict="confirm",
    )


def test_the_person_page_lists_the_persons_candidates_for_the_analyst_and_the_moscow_officer(
    sign_in, analyst, officer_moscow, listed_candidate
):
    link = reverse("staff:screening_candidate", kwargs={"candidate_id": listed_candidate.public_id})
    for user in (analyst, officer_moscow):
        page = person_page(sign_in(user), listed_candidate.person)
        section = page.split('id="h-person-screening"')[1].split("</section>")[0]
        assert link in section and "Реестр контролируемых лиц" in section and "to review" in section


def test_a_confirmed_entry_is_named_on_the_person_page(sign_in, analyst, analyst_2, listed_candidate):
    confirm(listed_candidate, analyst, analyst_2)
    page = person_page(sign_in(analyst), listed_candidate.person)
    section = page.split('id="h-person-screening"')[1].split("</section>")[0]
    assert "Confirmed: the person is named on" in section and "on the list since 05.02.2025" in section


def test_the_case_page_says_it_was_opened_from_a_confirmed_match_with_the_list_row(
    sign_in, analyst, analyst_2, officer_moscow, listed_candidate
):
    confirm(listed_candidate, analyst, analyst_2)
    case = Case.objects.get()
    page = sign_in(officer_moscow).get(reverse("staff:case", kwargs={"case_id": case.public_id})).text
    assert "Opened from a confirmed match on the list “Реестр контролируемых лиц”." in page
    assert "ФИО: ТОКТОСУНОВА Айгерим Асановна" in page and "Документ: AC1234567" in page


def test_a_case_opened_otherwise_has_no_such_line(sign_in, officer_moscow, registered_migrant, places):
    from mekendesh.cases.services import case_open

    case = case_open(
        actor=officer_moscow,
        person=registered_migrant,
        case_type="unpaid_wages",
        consular_district=places["moscow_district"],
        summary="Unpaid for March.",
    )
    page = sign_in(officer_moscow).get(reverse("staff:case", kwargs={"case_id": case.public_id})).text
    assert "Opened from a confirmed match" not in page
