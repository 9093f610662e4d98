"""A version's new entries are linked against the register; new registrations against every list
in force; a judged candidate keeps its judgement while its entry is unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from mekendesh.screening.models import Candidate, CandidateStatus, RunKind, ScreeningRun
from mekendesh.screening.services import candidate_judge, screening_run_execute

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

AIGERIM = ["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "", "05.02.2025"]
OTHER = ["2", "Мамытов Нурлан Бакытович", "03.11.1990", "Кыргызстан", "", "05.02.2025"]


def test_a_registered_citizen_on_the_list_in_russian_spelling_becomes_a_candidate_with_its_explanation(
    send_list, controlled, registered_migrant
):
    send_list([AIGERIM, OTHER])
    candidate = Candidate.objects.get()
    assert candidate.person == registered_migrant and candidate.entry.key == "id:1"
    assert candidate.status == CandidateStatus.OPEN and candidate.probability > 0.5
    assert {"surname", "given_name"} <= set(candidate.explanation)
    label, weight = candidate.explanation["surname"]
    assert isinstance(label, str) and weight > 0
    run = ScreeningRun.objects.get(kind=RunKind.VERSION)
    assert run.finished_at is not None and run.entries == 2 and run.people == 1


def test_an_unchanged_entry_is_not_screened_again_by_the_next_version(
    send_list, controlled, registered_migrant, analyst
):
    send_list([AIGERIM, OTHER])
    candidate = Candidate.objects.get()
    candidate_judge(actor=analyst, candidate=candidate, verdict="not_same", note="Other father's name in the file")
    send_list([AIGERIM, OTHER, ["3", "Жумабаев Эрлан", "01.01.1992", "Киргизия", "", ""]])
    assert ScreeningRun.objects.filter(kind=RunKind.VERSION).latest("pk").entries == 1
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.REJECTED
    assert Candidate.objects.count() == 1


def test_a_changed_entry_is_asked_again_and_the_old_judgement_stays_with_the_old_row(
    send_list, controlled, registered_migrant, analyst
):
    send_list([AIGERIM])
    old = Candidate.objects.get()
    candidate_judge(actor=analyst, candidate=old, verdict="not_same")
    changed = ["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "AC1234567", "05.02.2025"]
    send_list([changed])
    old.refresh_from_db()
    new = Candidate.objects.exclude(pk=old.pk).get()
    assert old.status == CandidateStatus.REJECTED and old.entry.gone_reason == "changed"
    assert new.status == CandidateStatus.OPEN and new.entry.is_current


def test_a_new_registration_is_screened_against_the_lists_in_force(send_list, controlled, registered_migrant):
    from mekendesh.people.models import Script
    from mekendesh.people.services import NameInput, person_register

    send_list([OTHER])
    assert not Candidate.objects.exists()
    nurlan = person_register(
        actor=None,
        sex="M",
        birth_date=dt.date(1990, 11, 3),
        names=[
            NameInput(script=Script.KYRGYZ_CYRILLIC, surname="Мамытов", given_names="Нурлан", patronymic="Бакытович")
        ],
    )
    run = ScreeningRun.objects.create(kind=RunKind.PEOPLE, people_since=nurlan.created_at)
    report = screening_run_execute(run=run)
    assert report.people == 1 and report.entries == 1
    assert Candidate.objects.get().person == nurlan
