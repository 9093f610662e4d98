"""The review queue: candidate pairs with their match probability, most likely first, filtered by
status and list, paginated; an officer reads those of the people of their districts; each page
shown writes read rows."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.screening.models import Candidate
from mekendesh.screening.services import candidate_judge

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

LINK = re.compile(r'href="/staff/screening/candidates/[0-9a-f-]{36}/"')


def candidate_url(candidate):
    return reverse("staff:screening_candidate", kwargs={"candidate_id": candidate.public_id})


def test_an_analyst_sees_the_pair_with_its_probability_and_a_link_to_it(sign_in, analyst, listed_candidate):
    page = sign_in(analyst).get(reverse("staff:screening_queue"))
    assert page.status_code == 200
    assert candidate_url(listed_candidate) in page.text
    assert "ТОКТОСУНОВА Айгерим Асановна" in page.text and "Токтосунова Айгерим Асан кызы" in page.text
    assert '<td class="probability">99.9+ %</td>' in page.text


def test_a_judged_pair_leaves_the_default_queue_and_is_found_by_its_status(sign_in, analyst, listed_candidate):
    candidate_judge(actor=analyst, candidate=listed_candidate, verdict="not_same")
    client = sign_in(analyst)
    assert candidate_url(listed_candidate) not in client.get(reverse("staff:screening_queue")).text
    rejected = client.get(reverse("staff:screening_queue"), {"status": "rejected"}).text
    assert candidate_url(listed_candidate) in rejected


def test_the_queue_is_filtered_by_list(sign_in, analyst, listed_candidate, places):
    from mekendesh.screening.services import list_source_create

    other = list_source_create(
        actor=analyst,
        name="Entry bans",
        country=places["KZ"],
        authority="КНБ",
        kind="entry_ban",
        consequence="No entry",
    )
    client = sign_in(analyst)
    assert (
        candidate_url(listed_candidate)
        not in client.get(reverse("staff:screening_queue"), {"source": other.public_id}).text
    )
    assert (
        candidate_url(listed_candidate)
        in client.get(reverse("staff:screening_queue"), {"source": listed_candidate.entry.source.public_id}).text
    )


def test_the_queue_pages_fifty_at_a_time_most_likely_first(sign_in, analyst, listed_candidate):
    entry, person = listed_candidate.entry, listed_candidate.person
    from mekendesh.screening.models import ListEntry

    for number in range(60):
        other = ListEntry.objects.create(
            source=entry.source,
            key=f"id:x{number}",
            content_hash=f"{number:064d}",
            full_name=f"Name {number}",
            first_version=entry.first_version,
            last_version=entry.first_version,
        )
        Candidate.objects.create(
            entry=other, person=person, probability=0.5 + number / 1000, weight=1.0, decision="review"
        )
    client = sign_in(analyst)
    first = client.get(reverse("staff:screening_queue")).text
    assert len(LINK.findall(first)) == 50
    assert "Page 1 of 2" in first
    assert first.index(candidate_url(listed_candidate)) < first.index(">Name 59<")
    second = client.get(reverse("staff:screening_queue"), {"page": 2}).text
    assert len(LINK.findall(second)) == 11 and ">Name 0<" in second


def test_the_moscow_officer_reads_the_queue_of_their_district_without_judging(
    sign_in, officer_moscow, listed_candidate
):
    page = sign_in(officer_moscow).get(reverse("staff:screening_queue"))
    assert page.status_code == 200
    assert candidate_url(listed_candidate) in page.text
    assert "Review blind" not in page.text


def test_an_officer_of_another_district_sees_an_empty_queue_and_a_statistician_none(
    sign_in, officer_other, statistician, listed_candidate
):
    page = sign_in(officer_other).get(reverse("staff:screening_queue"))
    assert page.status_code == 200
    assert "Токтосунова" not in page.text and "ТОКТОСУНОВА" not in page.text
    assert sign_in(statistician).get(reverse("staff:screening_queue")).status_code == 404


def test_a_queue_page_writes_a_read_row_for_each_person_and_list_entry_shown(sign_in, analyst, listed_candidate):
    before = AuditEvent.objects.count()
    sign_in(analyst).get(reverse("staff:screening_queue"))
    reads = [(row.action, row.object_type) for row in AuditEvent.objects.order_by("pk")[before:]]
    assert reads.count(("read", "people.person")) == 1
    assert reads.count(("read", "screening.listentry")) == 1
