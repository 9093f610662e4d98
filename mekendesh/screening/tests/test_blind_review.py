"""Blind review: a reviewer switches the scores off for the session; a candidate's page then
hides the probability and the weights until they have judged it, and the judgement is recorded
as given blind."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.screening.models import Judgement

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def page_of(candidate):
    return reverse("staff:screening_candidate", kwargs={"candidate_id": candidate.public_id})


def blind(client, on=True, next_url=""):
    return client.post(reverse("staff:screening_blind"), {"blind": "on" if on else "", "next": next_url})


def test_with_blind_review_on_the_page_hides_probability_and_weights_but_shows_what_each_comparison_found(
    sign_in, analyst, listed_candidate
):
    client = sign_in(analyst)
    switched = blind(client, next_url=page_of(listed_candidate))
    assert switched.status_code == 302 and switched["Location"] == page_of(listed_candidate)
    body = client.get(page_of(listed_candidate)).text
    assert "Hidden until you have judged (blind review)." in body
    assert "<svg" not in body and "Running total" not in body and " bits" not in body
    assert "Date of birth</th><td>the same</td>" in body
    assert 'name="blind" value="True"' in body


def test_a_judgement_given_blind_is_recorded_so_and_the_score_appears_after_it(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    blind(client)
    client.post(
        reverse("staff:screening_candidate_judge", kwargs={"candidate_id": listed_candidate.public_id}),
        {"verdict": "unsure", "note": "", "version": listed_candidate.version, "blind": "True"},
    )
    assert Judgement.objects.get().blind is True
    body = client.get(page_of(listed_candidate)).text
    assert "<svg" in body and "judged blind" in body


def test_the_second_reviewer_judging_blind_is_recorded_blind_and_the_first_not(
    sign_in, analyst, analyst_2, listed_candidate
):
    judge_url = reverse("staff:screening_candidate_judge", kwargs={"candidate_id": listed_candidate.public_id})
    sign_in(analyst).post(judge_url, {"verdict": "same", "version": listed_candidate.version})
    second = sign_in(analyst_2)
    blind(second)
    page = second.get(page_of(listed_candidate)).text
    assert "Hidden until you have judged" in page
    second.post(judge_url, {"verdict": "confirm", "version": listed_candidate.version + 1, "blind": "True"})
    assert list(Judgement.objects.order_by("pk").values_list("verdict", "blind")) == [
        ("same", False),
        ("confirm", True),
    ]


def test_the_queue_hides_probabilities_in_blind_review_and_shows_them_when_switched_off(
    sign_in, analyst, listed_candidate
):
    client = sign_in(analyst)
    assert "Match probability" in client.get(reverse("staff:screening_queue")).text
    blind(client)
    assert "Match probability" not in client.get(reverse("staff:screening_queue")).text
    blind(client, on=False)
    assert "Match probability" in client.get(reverse("staff:screening_queue")).text


def test_the_switch_does_not_send_the_reviewer_to_another_site(sign_in, analyst, listed_candidate):
    response = blind(sign_in(analyst), next_url="https://evil.example/")
    assert response["Location"] == reverse("staff:screening_queue")


def test_an_officer_has_no_blind_switch(sign_in, officer_moscow, listed_candidate):
    client = sign_in(officer_moscow)
    assert blind(client).status_code == 404
    assert "Review blind" not in client.get(page_of(listed_candidate)).text
