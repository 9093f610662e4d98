"""Verifying and ending a stay: only an officer of the stay's district, and a second officer
saving at the same time is told that someone else changed it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.people.models import StayStatus


@pytest.fixture
def stay(registered_migrant):
    return registered_migrant.stays.get()


def verify_url(stay) -> str:
    return reverse("staff:stay_verify", kwargs={"stay_id": stay.pk})


def end_url(stay) -> str:
    return reverse("staff:stay_end", kwargs={"stay_id": stay.pk})


def test_the_moscow_officer_verifies_a_declared_stay(sign_in, officer_moscow, stay):
    response = sign_in(officer_moscow).post(verify_url(stay), {"version": stay.version}, follow=True)
    stay.refresh_from_db()
    assert stay.status == StayStatus.VERIFIED
    assert stay.verified_by == officer_moscow
    assert "The stay is verified." in response.text
    assert 'class="badge verified"' in response.text


def test_the_second_of_two_officers_verifying_at_once_is_told_someone_else_changed_it(
    sign_in, officer_moscow, officer_moscow_2, stay
):
    seen_version = stay.version
    first, second = sign_in(officer_moscow), sign_in(officer_moscow_2)
    first.post(verify_url(stay), {"version": seen_version})
    response = second.post(verify_url(stay), {"version": seen_version}, follow=True)
    assert "Someone else changed this record while you were editing it" in response.text
    stay.refresh_from_db()
    assert stay.verified_by == officer_moscow


def test_verification_is_a_post_only_action(sign_in, officer_moscow, stay):
    assert sign_in(officer_moscow).get(verify_url(stay)).status_code == 405
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED


def test_an_officer_of_another_district_gets_404_and_the_stay_stays_declared(sign_in, officer_other, stay):
    assert sign_in(officer_other).post(verify_url(stay), {"version": stay.version}).status_code == 404
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED


def test_a_screening_analyst_who_may_read_the_person_still_cannot_verify(sign_in, analyst, stay):
    assert sign_in(analyst).post(verify_url(stay), {"version": stay.version}).status_code == 404
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED


def test_the_moscow_officer_ends_a_stay_with_a_departure_date(sign_in, officer_moscow, stay):
    client = sign_in(officer_moscow)
    form = client.get(end_url(stay))
    assert form.status_code == 200
    response = client.post(end_url(stay), {"version": stay.version, "departure_date": "2025-11-30"}, follow=True)
    stay.refresh_from_db()
    assert stay.status == StayStatus.ENDED
    assert str(stay.departure_date) == "2025-11-30"
    assert "The stay is ended." in response.text


def test_a_departure_before_the_arrival_is_refused_on_the_date_field(sign_in, officer_moscow, stay):
    response = sign_in(officer_moscow).post(end_url(stay), {"version": stay.version, "departure_date": "2024-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["departure_date"] == [
        "The departure date cannot be before the arrival date."
    ]
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED


def test_ending_a_stay_someone_else_just_verified_is_refused_as_stale(sign_in, officer_moscow, officer_moscow_2, stay):
    seen_version = stay.version
    sign_in(officer_moscow_2).post(verify_url(stay), {"version": seen_version})
    response = sign_in(officer_moscow).post(
        end_url(stay), {"version": seen_version, "departure_date": "2025-11-30"}, follow=True
    )
    assert "Someone else changed this record" in response.text
    stay.refresh_from_db()
    assert stay.status == StayStatus.VERIFIED


def test_an_officer_of_another_district_gets_404_for_ending_a_moscow_stay(sign_in, officer_other, stay):
    client = sign_in(officer_other)
    assert client.get(end_url(stay)).status_code == 404
    assert client.post(end_url(stay), {"version": stay.version, "departure_date": "2025-11-30"}).status_code == 404
    stay.refresh_from_db()
    assert stay.status == StayStatus.DECLARED
