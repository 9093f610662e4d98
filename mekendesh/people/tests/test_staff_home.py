"""The staff workspace home page, by role."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from mekendesh.people.services import StayInput, stay_add

HOME = reverse("staff:home")


def test_an_officer_sees_their_district_and_how_many_declared_stays_await_verification(
    sign_in, officer_moscow, registered_migrant, places
):
    stay_add(
        actor=officer_moscow,
        person=registered_migrant,
        stay=StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2026, 1, 10)),
    )
    page = sign_in(officer_moscow).get(HOME)
    assert page.status_code == 200
    assert "Embassy in Moscow" in page.text
    assert "2 declared stays await verification" in page.text
    assert 'action="/staff/people/"' in page.text
    assert reverse("staff:person_new") in page.text


def test_an_officer_of_another_district_sees_none_awaiting_in_their_own(sign_in, officer_other, registered_migrant):
    page = sign_in(officer_other).get(HOME)
    assert "Consulate General in Yekaterinburg" in page.text
    assert "0 declared stays await verification" in page.text
    assert "Embassy in Moscow" not in page.text


def test_a_statistician_sees_the_releases_without_a_people_search(sign_in, statistician):
    page = sign_in(statistician).get(HOME)
    assert page.status_code == 200
    assert reverse("staff:statistics_releases") in page.text
    assert 'name="q"' not in page.text
    assert reverse("staff:person_new") not in page.text


def test_an_administrator_is_pointed_to_the_administration(sign_in, administrator):
    page = sign_in(administrator).get(HOME)
    assert reverse("admin:index") in page.text


def test_a_migrant_gets_404_for_the_staff_workspace(sign_in, migrant_account):
    assert sign_in(migrant_account).get(HOME).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_and_back(client):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={HOME}"
