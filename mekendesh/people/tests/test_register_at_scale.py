"""The register stays fast as it grows: name search through the index of name words, visibility
by EXISTS, and pages whose number of queries does not grow with the number of people."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mekendesh.people.models import (
    ConsentPurpose,
    NameToken,
    Script,
)
from mekendesh.people.search_index import index_terms
from mekendesh.people.selectors import (
    officer_workload,
    people_visible_to,
    person_search,
)
from mekendesh.people.services import (
    DocumentInput,
    NameCorrection,
    NameInput,
    StayInput,
    consent_withdraw,
    name_search_key,
    person_identity_correct,
    person_register,
    stay_add,
)
from mekendesh.people.tests.staff_support import namesakes_add

pytestmark = pytest.mark.django_db


def register_kulubaev(places, *, number="AC7000001", host_region="moscow"):
    """Zheenbek Kulubaev, written in Kyrgyz Cyrillic and passport Latin, staying in Moscow."""
    person = person_register(
        actor=None,
        sex="M",
        birth_date=dt.date(1990, 6, 15),
        names=[
            NameInput(script=Script.KYRGYZ_CYRILLIC, surname="Кулубаев", given_names="Жээнбек", patronymic="Асанович"),
            NameInput(script=Script.PASSPORT_LATIN, surname="KULUBAEV", given_names="ZHEENBEK", source="passport"),
        ],
        document=DocumentInput(number=number, issuing_country=places["KG"]),
        consents=[ConsentPurpose.REGISTER],
    )
    stay_add(
        actor=None,
        person=person,
        stay=StayInput(
            country=places["RU"], host_region=places[host_region], city="Moscow", arrival_date=dt.date(2025, 2, 1)
        ),
    )
    return person


@pytest.mark.parametrize(
    "query",
    [
        "Kulubaev Zheenbek",
        "Zheenbek Kulubaev",
        "Кулубаев Жээнбек",
        "Жээнбек Кулубаев",
        "Кулубаев Женбек",
        "ZHEENBEK",
        "кулубаев",
        "Asanovich Kulubaev Zheenbek",
        "Жээнбек Асанович Кулубаев",
    ],
)
def test_search_finds_a_person_by_every_word_of_the_name_in_any_order_and_script(analyst, places, query):
    person = register_kulubaev(places)
    assert person_search(user=analyst, query=query) == [person]


def test_search_finds_no_one_whose_name_the_model_finds_unlike_the_query(analyst, places):
    register_kulubaev(places)
    # the same surname, another given name
    assert person_search(user=analyst, query="Kulubaev Aigerim") == []
    # no name holds every word, and the model reads «Toktosunova» as the surname
    assert person_search(user=analyst, query="KULUBAEV Asanovich ZHEENBEK Toktosunova") == []


def test_a_list_spelling_with_a_word_no_registered_name_holds_finds_the_person(analyst, places):
    person = register_kulubaev(places)
    # a Russian list: the surname in capitals, Жээнбек written Женбек, the father's name with a slip
    assert person_search(user=analyst, query="КУЛУБАЕВ Женбек Асанович") == [person]
    assert person_search(user=analyst, query="Кулубаев Жээнбек Асановичь") == [person]


def test_a_word_inside_another_word_does_not_match(analyst, places):
    register_kulubaev(places)
    assert person_search(user=analyst, query="Kuluba") == []


def test_a_corrected_name_is_found_by_its_new_words_and_not_by_the_old(analyst, places):
    person = register_kulubaev(places)
    cyrillic = person.names.get(script=Script.KYRGYZ_CYRILLIC)
    person_identity_correct(
        actor=None,
        person=person,
        expected_version=person.version,
        names=[NameCorrection(name_id=cyrillic.pk, surname="Мамытов", given_names="Жээнбек", patronymic="Асанович")],
    )
    assert person_search(user=analyst, query="Мамытов Жээнбек") == [person]
    assert person_search(user=analyst, query="Кулубаев Асанович") == []
    assert set(NameToken.objects.filter(name_form=cyrillic).values_list("token", flat=True)) == set(
        index_terms(name_search_key("Мамытов", "Жээнбек", "Асанович"))
    )


def test_the_migration_fills_the_words_of_names_stored_before_it(analyst, places):
    person = register_kulubaev(places)
    NameToken.objects.all().delete()
    assert person_search(user=analyst, query="Kulubaev") == []
    migration = importlib.import_module("mekendesh.people.migrations.0003_name_tokens")
    migration.tokens_backfill(apps, None)
    assert person_search(user=analyst, query="Kulubaev") == [person]


def test_the_second_migration_adds_the_pairs_of_words_of_names_indexed_before_it(analyst, places):
    person = register_kulubaev(places)
    expected = set(NameToken.objects.values_list("name_form_id", "token"))
    NameToken.objects.filter(token__contains=" ").delete()
    assert person_search(user=analyst, query="Kulubaev Zheenbek") == []
    importlib.import_module("mekendesh.people.migrations.0004_name_token_pairs").pairs_insert(connection)
    assert set(NameToken.objects.values_list("name_form_id", "token")) == expected
    assert person_search(user=analyst, query="Zheenbek Kulubaev") == [person]


def test_an_officer_sees_a_person_once_whatever_the_number_of_stays_in_the_district(officer_moscow, places):
    person = register_kulubaev(places)
    stay_add(
        actor=None,
        person=person,
        stay=StayInput(
            country=places["RU"], host_region=places["moscow"], city="Moscow", arrival_date=dt.date(2025, 8, 1)
        ),
    )
    assert list(people_visible_to(officer_moscow)) == [person]
    assert person_search(user=officer_moscow, query="Kulubaev") == [person]


def test_a_person_who_withdrew_consent_is_not_counted_in_the_workload(officer_moscow, places):
    person = register_kulubaev(places)
    register_kulubaev(places, number="AC7000002")
    assert officer_workload(officer_moscow)[0].awaiting_verification == 2
    consent_withdraw(actor=None, person=person, purpose=ConsentPurpose.REGISTER)
    assert officer_workload(officer_moscow)[0].awaiting_verification == 1
    assert person_search(user=officer_moscow, query="Kulubaev") != [person]


def add_namesakes(places, count, *, start=0):
    """``count`` Kulubaevs born the same day as the one registered, in bulk (no audit rows)."""
    namesakes_add(
        places,
        count,
        surname="Кулубаев",
        given_names="Жээнбек",
        sex="M",
        start=start,
        birth_date=lambda index: dt.date(1990, 6, 15),
    )


def queries_of(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_the_person_page_takes_as_many_queries_with_many_possible_duplicates_as_with_few(
    sign_in, officer_moscow, places, django_assert_max_num_queries
):
    person = register_kulubaev(places)
    client = sign_in(officer_moscow)
    url = reverse("staff:person", kwargs={"public_id": person.public_id})
    add_namesakes(places, 2)
    few = queries_of(client, url)
    add_namesakes(places, 30, start=2)
    with django_assert_max_num_queries(few):
        page = client.get(url)
    assert page.text.count('class="card duplicate"') == 10  # the panel shows the ten likeliest


def test_the_staff_home_and_its_workload_take_as_many_queries_with_many_stays_as_with_few(
    sign_in, officer_moscow, places, django_assert_max_num_queries
):
    register_kulubaev(places)
    client = sign_in(officer_moscow)
    few = queries_of(client, reverse("staff:home"))
    add_namesakes(places, 40)
    with django_assert_max_num_queries(few):
        assert client.get(reverse("staff:home")).status_code == 200
    assert officer_workload(officer_moscow)[0].awaiting_verification == 41


def test_the_api_search_takes_as_many_queries_for_forty_people_as_for_two(
    sign_in, officer_moscow, places, django_assert_max_num_queries
):
    register_kulubaev(places)
    client = sign_in(officer_moscow)
    add_namesakes(places, 1)
    few = queries_of(client, reverse("api:person_search"), q="Kulubaev Zheenbek")
    add_namesakes(places, 38, start=1)
    with django_assert_max_num_queries(few):
        assert len(client.get(reverse("api:person_search"), {"q": "Kulubaev Zheenbek"}).json()) == 40


def test_the_queue_lists_the_declared_stays_of_the_officers_districts_oldest_first(officer_moscow, places):
    from mekendesh.people.selectors import stays_awaiting_verification

    later = register_kulubaev(places)
    earlier = register_kulubaev(places, number="AC7000003")
    earlier.stays.update(arrival_date=dt.date(2024, 5, 1))
    register_kulubaev(places, number="AC7000004", host_region="sverdlovsk")
    queue = list(stays_awaiting_verification(officer_moscow))
    assert [stay.person for stay in queue] == [earlier, later]
