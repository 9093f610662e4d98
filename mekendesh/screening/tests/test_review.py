"""The review of a candidate: four eyes for "same person", the confirmation opens the case the
list calls for, two reviewers at once, undo with its history, conflicts, who sees what, and a
later version without the person."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mekendesh.cases.models import Case, CaseEvent
from mekendesh.screening.models import Candidate, CandidateStatus, Judgement
from mekendesh.screening.selectors import candidate_conflicts, candidates_visible_to, review_queue
from mekendesh.screening.services import candidate_judge, candidate_undo
from mekendesh.workflows.errors import StaleObjectError
from mekendesh.workflows.services import workflow_history

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

AIGERIM = ["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "", "05.02.2025"]


@pytest.fixture
def candidate(send_list, controlled, registered_migrant):
    send_list([AIGERIM])
    return Candidate.objects.get()


def test_the_reviewer_who_proposed_a_match_cannot_confirm_it(candidate, analyst):
    proposed = candidate_judge(actor=analyst, candidate=candidate, verdict="same", note="Same date of birth")
    assert proposed.status == CandidateStatus.PROPOSED and proposed.proposed_by == analyst
    with pytest.raises(ValidationError) as refused:
        candidate_judge(actor=analyst, candidate=proposed, verdict="confirm")
    assert "another reviewer confirms it" in refused.value.messages[0]
    assert Candidate.objects.get(pk=candidate.pk).status == CandidateStatus.PROPOSED


def test_a_second_reviewers_confirmation_opens_the_register_removal_case_in_the_persons_district(
    candidate, analyst, analyst_2, places, registered_migrant
):
    proposed = candidate_judge(actor=analyst, candidate=candidate, verdict="same")
    confirmed = candidate_judge(actor=analyst_2, candidate=proposed, verdict="confirm", blind=True)
    assert confirmed.status == CandidateStatus.CONFIRMED
    case = Case.objects.get()
    assert (case.person, case.case_type, case.status, case.consular_district, case.origin) == (
        registered_migrant,
        "register_removal",
        "requested",
        places["moscow_district"],
        "screening",
    )
    assert "Реестр контролируемых лиц" in case.summary and "since 05.02.2025" in case.summary
    assert case.source_reference == f"screening:{candidate.public_id}"
    assert Candidate.objects.get(pk=candidate.pk).case == case
    assert [judgement.blind for judgement in Judgement.objects.order_by("pk")] == [False, True]


def test_two_analysts_judging_one_candidate_at_once_the_second_is_told(candidate, analyst, analyst_2):
    seen = candidate.version
    candidate_judge(actor=analyst, candidate=candidate, verdict="not_same", expected_version=seen)
    with pytest.raises(StaleObjectError):
        candidate_judge(actor=analyst_2, candidate=candidate, verdict="same", expected_version=seen)
    assert Candidate.objects.get(pk=candidate.pk).status == CandidateStatus.REJECTED


def test_a_judgement_is_undone_with_its_history_kept(candidate, analyst):
    rejected = candidate_judge(actor=analyst, candidate=candidate, verdict="not_same")
    reopened = candidate_undo(actor=analyst, candidate=rejected, note="Wrong button")
    assert reopened.status == CandidateStatus.OPEN
    assert [move.action for move in workflow_history(obj=candidate)] == ["not_same", "undo"]
    assert list(Judgement.objects.values_list("verdict", flat=True)) == ["not_same", "undo"]


def test_undoing_a_confirmation_writes_the_withdrawal_on_its_case(candidate, analyst, analyst_2):
    confirmed = candidate_judge(
        actor=analyst_2,
        candidate=candidate_judge(actor=analyst, candidate=candidate, verdict="same"),
        verdict="confirm",
    )
    candidate_undo(actor=analyst, candidate=confirmed, note="Another person with the same name")
    event = CaseEvent.objects.get(kind="match_withdrawn")
    assert event.reason == "Another person with the same name" and not event.visible_to_person


def test_a_rejected_candidate_leaves_the_queue(candidate, analyst):
    assert list(review_queue(analyst)) == [candidate]
    candidate_judge(actor=analyst, candidate=candidate, verdict="not_same")
    assert list(review_queue(analyst)) == []


def test_an_entry_matched_to_two_people_is_a_conflict(send_list, controlled, registered_migrant, analyst, places):
    import datetime as dt

    from mekendesh.people.models import Script
    from mekendesh.people.services import NameInput, person_register
    from mekendesh.screening.models import RunKind, ScreeningRun
    from mekendesh.screening.services import screening_run_execute

    send_list([AIGERIM])
    twin = person_register(
        actor=None,
        sex="F",
        birth_date=dt.date(1998, 4, 12),
        names=[
            NameInput(
                script=Script.KYRGYZ_CYRILLIC, surname="Токтосунова", given_names="Айгерим", patronymic="Асан кызы"
            )
        ],
    )
    screening_run_execute(run=ScreeningRun.objects.create(kind=RunKind.FULL))
    first, second = Candidate.objects.order_by("pk")
    assert {first.person, second.person} == {registered_migrant, twin}
    candidate_judge(actor=analyst, candidate=first, verdict="same")
    conflicts = candidate_conflicts(second)
    assert [other.pk for other in conflicts.other_people] == [first.pk]


def test_an_officer_sees_the_candidates_of_people_in_the_district_and_cannot_judge(
    candidate, officer_moscow, officer_other
):
    assert list(candidates_visible_to(officer_moscow)) == [candidate]
    assert list(candidates_visible_to(officer_other)) == []
    with pytest.raises(PermissionDenied):
        candidate_judge(actor=officer_moscow, candidate=candidate, verdict="same")


def test_a_later_version_without_the_person_records_it_on_the_case_and_moves_it_on(
    send_list, controlled, registered_migrant, analyst, analyst_2
):
    other = ["9", "Абдыкадыров Талант", "14.07.1995", "Киргизия", "", ""]
    send_list([AIGERIM, other])
    candidate = Candidate.objects.get()
    proposed = candidate_judge(actor=analyst, candidate=candidate, verdict="same")
    candidate_judge(actor=analyst_2, candidate=proposed, verdict="confirm")
    send_list([other])
    case = Case.objects.get()
    assert case.status == "removed"
    assert CaseEvent.objects.filter(case=case, kind="delisted").exists()
    assert case.notes.filter(visible_to_person=True, body__contains="no longer names you").exists()
