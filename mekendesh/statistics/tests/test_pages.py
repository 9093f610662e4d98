"""The statistics pages: a statistician builds, protects and sends a release; other roles are
kept out; a published release shows that it can no longer be changed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.jobs.models import Job
from mekendesh.statistics.models import Release, ReleaseStatus
from mekendesh.statistics.tests.support import ready_dataset, stock_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(places):
    stock_register(None, places)
    return ready_dataset(None)


def test_a_consular_officer_cannot_open_the_statistics_pages(sign_in, officer_moscow, dataset, statistician):
    client = sign_in(officer_moscow)
    for name in ("staff:statistics_releases", "staff:statistics_datasets", "staff:statistics_release_new"):
        assert client.get(reverse(name)).status_code in (403, 404)
    release = sign_in(statistician).post(
        reverse("staff:statistics_release_new"), {"dataset": dataset.public_id, "title": "Abroad"}
    )
    assert release.status_code == 302
    found = Release.objects.get()
    assert client.get(reverse("staff:statistics_release", kwargs={"release_id": found.public_id})).status_code in (
        403,
        404,
    )


def test_compute_now_starts_the_job(sign_in, statistician, places):
    client = sign_in(statistician)
    response = client.post(reverse("staff:statistics_dataset_compute"), {"reference_date": "2026-01-01"})
    assert response.status_code == 302
    assert Job.objects.filter(kind="statistics.compute").exists()


def test_a_statistician_builds_a_table_and_sees_what_will_be_published(sign_in, statistician, dataset):
    client = sign_in(statistician)
    client.post(reverse("staff:statistics_release_new"), {"dataset": dataset.public_id, "title": "Abroad"})
    release = Release.objects.get()
    response = client.post(
        reverse("staff:statistics_table_new", kwargs={"release_id": release.public_id}),
        {
            "indicator": "stock",
            "dimensions": ["destination", "sex"],
            "method": "suppression",
            "threshold": "10",
            "protection": "4",
            "add": "1",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "The table unprotected" in page and "What will be published" not in page
    page = client.post(response["Location"], follow=True).content.decode()
    assert "What will be published" in page
    assert 'data-kind="suppressed"' in page
    client.post(
        reverse("staff:statistics_release_move", kwargs={"release_id": release.public_id}), {"action": "submit"}
    )
    release.refresh_from_db()
    assert release.status == ReleaseStatus.REVIEW
    page = client.get(reverse("staff:statistics_release", kwargs={"release_id": release.public_id})).content.decode()
    assert 'id="move-publish"' in page  # offered, but refused to the one who submitted:
    page = client.post(
        reverse("staff:statistics_release_move", kwargs={"release_id": release.public_id}),
        {"action": "publish"},
        follow=True,
    ).content.decode()
    assert "another statistician publishes it" in page


def test_editing_a_published_release_tells_the_statistician_to_correct_it(sign_in, statistician, dataset):
    from mekendesh.statistics.models import ReleaseStatus

    client = sign_in(statistician)
    client.post(reverse("staff:statistics_release_new"), {"dataset": dataset.public_id, "title": "Abroad"})
    release = Release.objects.get()
    Release.objects.filter(pk=release.pk).update(status=ReleaseStatus.PUBLISHED)
    page = client.post(
        reverse("staff:statistics_release", kwargs={"release_id": release.public_id}),
        {"do": "edit", "title": "Changed"},
    ).content.decode()
    assert "published and can no longer be changed" in page
    release.refresh_from_db()
    assert release.title == "Abroad"
