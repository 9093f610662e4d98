"""A candidate's page: the score part by part (a waterfall and the same as text), the list's
row as read beside the person's names in every script, the date of birth and the documents —
each reader seeing what they may — the conflicts, and who may open it at all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.screening.models import Candidate
from mekendesh.screening.services import candidate_judge

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def page_of(candidate):
    return reverse("staff:screening_candidate", kwargs={"candidate_id": candidate.public_id})


def test_an_analyst_reads_the_score_as_a_waterfall_and_as_text(sign_in, analyst, listed_candidate):
    page = sign_in(analyst).get(page_of(listed_candidate))
    assert page.status_code == 200
    body = page.text
    assert '<svg viewBox="0 0 720' in body and 'class="bar total"' in body
    assert body.count('class="bar for"') >= 4  # surname, given name, patronymic, date of birth
    assert "Starting point: any two records" in body and "Match weight" in body
    assert "Date of birth</th><td>the same</td>" in body
    assert "<script" not in body.split('<main id="main">')[1]


def test_the_list_row_stands_beside_the_persons_names_in_every_script_with_their_sources(
    sign_in, analyst, listed_candidate
):
    body = sign_in(analyst).get(page_of(listed_candidate)).text
    assert '<th scope="row">ФИО</th><td>ТОКТОСУНОВА Айгерим Асановна</td>' in body
    assert "Токтосунова Айгерим Асан кызы" in body and "TOKTOSUNOVA AIGERIM" in body
    assert "Kyrgyz Cyrillic" in body and "from the passport" in body
    assert "12.04.1998" in body
    assert "Реестр контролируемых лиц" in body and "05.02.2025" in body


def test_an_analyst_reads_document_numbers_masked_in_the_register_and_in_the_list_row(
    sign_in, analyst, listed_candidate
):
    body = sign_in(analyst).get(page_of(listed_candidate)).text
    assert "AC1234567" not in body
    assert "••••••567" in body


def test_the_moscow_officer_reads_the_candidate_with_full_numbers_and_no_judgement_buttons(
    sign_in, officer_moscow, listed_candidate
):
    page = sign_in(officer_moscow).get(page_of(listed_candidate))
    assert page.status_code == 200
    assert "AC1234567" in page.text
    assert 'name="verdict"' not in page.text
    assert "Analysts of the ministry judge the matches; you read them." in page.text


@pytest.mark.parametrize("role", ["officer_other", "statistician", "coordinator", "ministry_officer"])
def test_whoever_may_not_see_the_person_gets_404(request, sign_in, listed_candidate, role):
    client = sign_in(request.getfixturevalue(role))
    assert client.get(page_of(listed_candidate)).status_code == 404
    judge = reverse("staff:screening_candidate_judge", kwargs={"candidate_id": listed_candidate.public_id})
    assert client.post(judge, {"verdict": "same", "version": 1}).status_code == 404
    assert Candidate.objects.get().status == "open"


def test_opening_a_candidate_writes_read_rows_for_the_person_and_the_list_entry(sign_in, analyst, listed_candidate):
    before = AuditEvent.objects.count()
    sign_in(analyst).get(page_of(listed_candidate))
    reads = AuditEvent.objects.order_by("pk")[before:]
    assert {(row.action, row.object_type) for row in reads} >= {
        ("read", "screening.candidate"),
        ("read", "screening.listentry"),
    }
    assert str(listed_candidate.person.public_id) in {row.person_id for row in reads}


@pytest.fixture
def registered_twice(send_list, controlled, registered_migrant):
    """Aigerim's row on the list, and Aigerim registered a second time (her Kyrgyz name alone),
    both screened: the second entry, returned."""
    import datetime as dt

    from mekendesh.people.models import ConsentPurpose, Script
    from mekendesh.people.services import NameInput, person_register
    from mekendesh.screening.conftest import AIGERIM_ROW
    from mekendesh.screening.models import RunKind, ScreeningRun
    from mekendesh.screening.services import screening_run_execute

    send_list([AIGERIM_ROW])
    twice = person_register(
        actor=None,
        sex="F",
        birth_date=dt.date(1998, 4, 12),
        names=[
            NameInput(
                script=Script.KYRGYZ_CYRILLIC, surname="Токтосунова", given_names="Айгерим", patronymic="Асан кызы"
            )
        ],
        consents=[ConsentPurpose.REGISTER],
    )
    screening_run_execute(run=ScreeningRun.objects.create(kind=RunKind.FULL))
    return twice


def test_a_row_held_to_be_another_person_too_is_explained_as_a_conflict(registered_twice, analyst, sign_in):
    first, second = Candidate.objects.order_by("pk")
    candidate_judge(actor=analyst, candidate=first, verdict="same")
    client = sign_in(analyst)
    body = client.get(page_of(second)).text
    assert "This row of the list is also held to be another person on the register." in body
    assert page_of(first) in body
    queue = client.get(reverse("staff:screening_queue")).text
    # The open pair is flagged: its row is already proposed as the other person.
    assert queue.count('class="badge conflict"') == 1
    assert queue.index('class="badge conflict"') > queue.index(page_of(second))


def test_a_row_matching_a_person_registered_twice_matches_both_entries_and_points_to_the_duplicate(
    registered_twice, registered_migrant, analyst, sign_in
):
    twice = registered_twice
    first, second = Candidate.objects.order_by("pk")
    # one row, two alike entries of the register: both are the row's matches, not a tie for review
    assert {first.person_id, second.person_id} == {registered_migrant.pk, twice.pk}
    assert first.decision == second.decision == "match"
    body = sign_in(analyst).get(page_of(second)).text
    assert "The register may hold this person twice" in body
    assert page_of(first) in body
    assert reverse("staff:person", kwargs={"public_id": first.person.public_id}) in body
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ, person_id=str(first.person.public_id)).exists()
