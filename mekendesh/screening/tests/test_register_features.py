"""A screening run reads the register's linkage features from the table that keeps them: it finds
the candidates that computing them from the people's names finds, and a person whose name changed
after their features were kept, through the people services or around them, is screened with the
new name."""

from __future__ import annotations

import datetime as dt

import pytest

from mekendesh.demo.generator import people_generate
from mekendesh.demo.loading import demo_people_load
from mekendesh.demo.screening import demo_list_screen
from mekendesh.linkage.engine import link
from mekendesh.linkage.io import Record
from mekendesh.people.linkage_features import linkage_features_refresh, name_record
from mekendesh.people.models import LinkageFeatures, NameForm, Person, Script
from mekendesh.people.services import NameCorrection, NameInput, person_identity_correct, person_register
from mekendesh.screening.models import Candidate, ListEntry, RunKind, ScreeningRun
from mekendesh.screening.services import _entry_records, _on_register, screening_run_execute

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

TODAY = dt.date(2026, 11, 21)


def _register_records() -> list[Record]:
    """The register's people as records made from their current names, as a run without stored
    features would link them."""
    people = Person.objects.filter(_on_register()).order_by("pk").values_list("pk", "birth_date", "sex")
    names = {
        pk: (surname, given, patronymic)
        for pk, surname, given, patronymic in NameForm.objects.filter(is_primary=True).values_list(
            "person_id", "surname", "given_names", "patronymic"
        )
    }
    return [name_record(pk, names[pk], birth_date, sex) for pk, birth_date, sex in people if pk in names]


def test_a_run_with_the_stored_features_finds_the_candidates_that_computing_them_finds(analyst, places):
    demo_people_load(people=people_generate(count=300, seed=11, today=TODAY))
    # The bulk load keeps its people's features as the services would have computed them.
    assert LinkageFeatures.objects.count() == 300
    assert linkage_features_refresh(Person.objects.all()) == 0
    # Then names changed by a bulk update, and people stored without features, around the services.
    edited = list(NameForm.objects.filter(is_primary=True).order_by("person_id")[:5])
    for name in edited:
        NameForm.objects.filter(pk=name.pk).update(surname=name.surname[::-1])
    LinkageFeatures.objects.filter(person__in=Person.objects.order_by("-pk")[:5]).delete()
    # and features kept by an older version of the code that computes them
    LinkageFeatures.objects.filter(person__in=Person.objects.order_by("pk")[100:110]).update(
        version=0, sur="x", giv="y"
    )
    version = demo_list_screen(analyst=analyst, seed=11, today=TODAY, rows=400)
    stored = {
        (entry, person): (decision, round(probability, 6))
        for entry, person, decision, probability in Candidate.objects.values_list(
            "entry_id", "person_id", "decision", "probability"
        )
    }
    entries = _entry_records(ListEntry.objects.filter(first_version=version))
    computed = link(_register_records(), entries, train=False)
    assert stored == {
        (int(pair.right_id), int(pair.left_id)): (pair.decision, round(min(max(pair.match_probability, 0), 1), 6))
        for pair in computed.pairs
    }
    assert any(decision == "match" for decision, _ in stored.values())
    kept = LinkageFeatures.objects.filter(person__in=[name.person_id for name in edited])
    assert sorted(kept.values_list("src_surname", flat=True)) == sorted(name.surname[::-1] for name in edited)
    assert LinkageFeatures.objects.count() == 300
    assert not LinkageFeatures.objects.filter(version=0).exists()


def _registered(surname: str, given: str, patronymic: str) -> Person:
    return person_register(
        actor=None,
        sex="M",
        birth_date=dt.date(1990, 11, 3),
        names=[NameInput(script=Script.KYRGYZ_CYRILLIC, surname=surname, given_names=given, patronymic=patronymic)],
    )


def _screened(person: Person) -> set[str]:
    """The list entries (their names) a run of the person's registration proposes."""
    run = ScreeningRun.objects.create(kind=RunKind.PEOPLE, people_since=person.created_at)
    screening_run_execute(run=run)
    return set(Candidate.objects.filter(person=person, run=run).values_list("entry__full_name", flat=True))


NURLAN = ["1", "Мамытов Нурлан Бакытович", "03.11.1990", "Кыргызстан", "", "05.02.2025"]
ERLAN = ["2", "Жумабаев Эрлан Садырович", "14.06.1985", "Кыргызстан", "", "05.02.2025"]


def test_a_person_who_corrects_their_name_is_screened_with_the_new_name(send_list, controlled):
    send_list([NURLAN, ERLAN])
    person = _registered("Мамытов", "Нурлан", "Бакытович")
    assert LinkageFeatures.objects.get(person=person).src_surname == "Мамытов"
    assert _screened(person) == {"Мамытов Нурлан Бакытович"}
    name = person.names.get()
    person_identity_correct(
        actor=None,
        person=person,
        expected_version=person.version,
        birth_date=dt.date(1985, 6, 14),
        names=[NameCorrection(name_id=name.pk, surname="Жумабаев", given_names="Эрлан", patronymic="Садырович")],
    )
    assert LinkageFeatures.objects.get(person=person).src_surname == "Жумабаев"
    assert _screened(person) == {"Жумабаев Эрлан Садырович"}


def test_a_name_changed_around_the_services_is_screened_as_it_is_now(send_list, controlled):
    send_list([NURLAN, ERLAN])
    person = _registered("Мамытов", "Нурлан", "Бакытович")
    # An import or a bulk load writes the names without the services (and without the features).
    NameForm.objects.filter(person=person).update(surname="Жумабаев", given_names="Эрлан", patronymic="Садырович")
    Person.objects.filter(pk=person.pk).update(birth_date=dt.date(1985, 6, 14))
    assert _screened(person) == {"Жумабаев Эрлан Садырович"}
    assert LinkageFeatures.objects.get(person=person).src_surname == "Жумабаев"


def test_a_run_of_new_registrations_refreshes_and_reads_only_their_features(send_list, controlled):
    send_list([NURLAN, ERLAN])
    earlier = _registered("Мамытов", "Нурлан", "Бакытович")
    NameForm.objects.filter(person=earlier).update(surname="Жумабаев")
    later = _registered("Жумабаев", "Эрлан", "Садырович")
    report = screening_run_execute(run=ScreeningRun.objects.create(kind=RunKind.PEOPLE, people_since=later.created_at))
    assert report.people == 1
    # The earlier registration is left for the next run that reads it (its row is not touched).
    assert LinkageFeatures.objects.get(person=earlier).src_surname == "Мамытов"
