"""Where screening appears in the staff shell: the analysts' home panel (the queue by status,
versions awaiting confirmation) and the navigation entries of analysts and officers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.screening.services import candidate_judge

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def test_the_analysts_home_counts_the_queue_by_status(sign_in, analyst, listed_candidate, send_list):
    candidate_judge(actor=analyst, candidate=listed_candidate, verdict="same")
    page = sign_in(analyst).get(reverse("staff:home")).text
    assert "0 candidate matches to review" in page
    assert "1 proposed match awaits a second reviewer" in page
    assert "No list version awaits confirmation." in page


def test_officers_find_the_review_queue_and_analysts_also_the_lists(sign_in, analyst, officer_moscow):
    analyst_home = sign_in(analyst).get(reverse("staff:home")).text
    officer_home = sign_in(officer_moscow).get(reverse("staff:home")).text
    lists = f'href="{reverse("staff:screening_lists")}"'
    queue = f'href="{reverse("staff:screening_queue")}"'
    assert lists in analyst_home and queue in analyst_home
    assert queue in officer_home and lists not in officer_home
    assert "Screening of host-country lists" not in officer_home  # the home panel is the analysts'
