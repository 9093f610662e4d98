"""Search for people on the staff side: any spelling of a name, or the exact document number,
within the people the officer may see."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people.tests.staff_support import namesakes_add

SEARCH = reverse("staff:search")


def test_an_officer_finds_a_kyrgyz_name_from_its_passport_latin_spelling(sign_in, officer_moscow, registered_migrant):
    page = sign_in(officer_moscow).get(SEARCH, {"q": "Toktosunova Aigerim"})
    assert page.status_code == 200
    assert "Токтосунова Айгерим Асан кызы" in page.text
    assert reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}) in page.text


def test_an_officer_finds_a_kyrgyz_name_from_its_russian_spelling_in_either_order(
    sign_in, officer_moscow, registered_migrant
):
    page = sign_in(officer_moscow).get(SEARCH, {"q": "Айгерим Токтосунова"})
    assert "Токтосунова Айгерим Асан кызы" in page.text


def test_each_result_shows_the_name_forms_birth_date_current_stay_and_district(
    sign_in, officer_moscow, registered_migrant
):
    page = sign_in(officer_moscow).get(SEARCH, {"q": "TOKTOSUNOVA"})
    assert "TOKTOSUNOVA AIGERIM" in page.text
    assert "12.04.1998" in page.text
    assert "Moscow" in page.text
    assert "Embassy in Moscow" in page.text


def test_an_officer_finds_a_person_by_the_exact_document_number(sign_in, officer_moscow, registered_migrant):
    page = sign_in(officer_moscow).get(SEARCH, {"q": "ac 1234567"})
    assert "Токтосунова Айгерим" in page.text


def test_a_different_document_number_finds_no_one(sign_in, officer_moscow, registered_migrant):
    page = sign_in(officer_moscow).get(SEARCH, {"q": "AC1234568"})
    assert "Токтосунова" not in page.text
    assert "No one you may see matches this search" in page.text


def test_an_officer_of_another_district_finds_no_one_in_moscow(sign_in, officer_other, registered_migrant):
    page = sign_in(officer_other).get(SEARCH, {"q": "Toktosunova"})
    assert page.status_code == 200
    assert "Токтосунова" not in page.text
    assert "TOKTOSUNOVA" not in page.text


def test_every_person_shown_in_the_results_gets_an_audit_read_row(sign_in, officer_moscow, registered_migrant):
    sign_in(officer_moscow).get(SEARCH, {"q": "Toktosunova"})
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, person_id=str(registered_migrant.public_id))
    assert reads.filter(actor=officer_moscow).count() == 1


def test_the_search_page_without_a_query_shows_only_the_search_box(sign_in, officer_moscow, registered_migrant):
    page = sign_in(officer_moscow).get(SEARCH)
    assert page.status_code == 200
    assert 'name="q"' in page.text
    assert "Токтосунова" not in page.text


def test_a_statistician_cannot_search_the_register(sign_in, statistician, registered_migrant):
    assert sign_in(statistician).get(SEARCH, {"q": "Toktosunova"}).status_code == 404


def test_a_migrant_gets_404_for_the_staff_search(sign_in, migrant_account, registered_migrant):
    assert sign_in(migrant_account).get(SEARCH, {"q": "Toktosunova"}).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, registered_migrant):
    response = client.get(SEARCH, {"q": "Toktosunova"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def add_namesakes(places, count: int, start: int = 0) -> None:
    """``count`` people called Asanova working in Moscow, stored in bulk."""
    namesakes_add(
        places,
        count,
        surname="Асанова",
        given_names="Гүлзат",
        sex="F",
        start=start,
        birth_date=lambda index: dt.date(1990, 1, 1) + dt.timedelta(days=index),
    )


def test_a_search_of_forty_people_takes_as_many_queries_as_one_of_five(
    sign_in, officer_moscow, places, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = sign_in(officer_moscow)
    add_namesakes(places, 5)
    with CaptureQueriesContext(connection) as five:
        assert client.get(SEARCH, {"q": "Asanova"}).text.count('class="card person-row"') == 5
    add_namesakes(places, 35, start=5)
    with django_assert_max_num_queries(20):
        page = client.get(SEARCH, {"q": "Asanova"})
    assert page.text.count('class="card person-row"') == 40
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ, actor=officer_moscow).count() == 45
    with CaptureQueriesContext(connection) as forty:
        client.get(SEARCH, {"q": "Asanova"})
    assert len(forty) - len(five) <= 1
    with django_assert_max_num_queries(20):
        assert len(client.get(reverse("api:person_search"), {"q": "Asanova"}).json()) == 40


def test_a_russian_list_spelling_with_the_fathers_name_finds_the_registered_person(
    sign_in, officer_moscow, registered_migrant
):
    # registered as «Токтосунова Айгерим Асан кызы» and «TOKTOSUNOVA AIGERIM»; the list writes
    # the father's name the Russian way, a word no registered name holds
    page = sign_in(officer_moscow).get(SEARCH, {"q": "ТОКТОСУНОВА Айгерим Асановна"})
    assert reverse("staff:person", kwargs={"public_id": registered_migrant.public_id}) in page.text
    assert "likely the same person" in page.text
    assert "Patronymic: the same (+" in page.text


def test_the_search_ranks_by_the_screening_model_and_leaves_out_a_namesake_with_another_father(
    officer_moscow, registered_migrant, places
):
    from mekendesh.people.models import ConsentPurpose, Script
    from mekendesh.people.selectors import person_search, person_search_results
    from mekendesh.people.services import NameInput, StayInput, person_register, stay_add

    namesake = person_register(
        actor=None,
        sex="F",
        birth_date=dt.date(1995, 1, 3),
        names=[
            NameInput(
                script=Script.RUSSIAN_CYRILLIC, surname="Токтосунова", given_names="Айгерим", patronymic="Бакытовна"
            )
        ],
        consents=[ConsentPurpose.REGISTER],
    )
    stay_add(
        actor=None,
        person=namesake,
        stay=StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2025, 5, 1)),
    )
    assert set(person_search(user=officer_moscow, query="Токтосунова Айгерим")) == {registered_migrant, namesake}
    results = person_search_results(user=officer_moscow, query="Токтосунова Айгерим Бакытовна")
    assert [result.person for result in results] == [namesake]
    assert results[0].decision == "match"
    assert person_search(user=officer_moscow, query="Токтосунова Айгерим Асановна") == [registered_migrant]
