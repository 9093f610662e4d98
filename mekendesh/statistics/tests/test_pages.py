"""The statistics pages: a statistician builds, protects and sends a release; other roles are
kept out; a published release shows that it can no longer be changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from mekendesh.jobs.models import Job
from mekendesh.statistics.models import Release, ReleaseStatus
from mekendesh.statistics.tests.support import ready_dataset, stock_register

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


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


def grid_rows(html: str, grid_id: str) -> list[dict]:
    """The rows of a staff grid: each name's text, depth and level, and the value shown."""
    import re

    table = re.search(rf'<table class="statistics-grid" id="{grid_id}">(.*?)</table>', html, re.S)
    assert table, grid_id
    rows = []
    for row in re.findall(r"<tr class=\"cell-[^\"]*\">(.*?)</tr>", table.group(1), re.S):
        names = [
            {"depth": int(depth), "level": level, "text": re.sub(r"<[^>]+>", "", text)}
            for depth, level, text in re.findall(r'data-depth="(\d+)" data-level="(\w+)">(.*?)</td>', row, re.S)
        ]
        value = re.search(r'data-kind="(\w+)">(.*?)</td>', row, re.S)
        assert value
        rows.append({"names": names, "kind": value.group(1), "value": re.sub(r"<[^>]+>", "", value.group(2)).strip()})
    return rows


def test_the_staff_page_of_a_table_by_region_and_district_reads_by_level_and_marks_every_suppressed_cell(
    sign_in, statistician, places
):
    from mekendesh.statistics import services
    from mekendesh.statistics.tests.support import register_person

    stock_register(None, places)
    # Three women of Osh whose district is not known: a small cell under the region.
    for _ in range(3):
        register_person(
            None, places, sex="F", district=False, stays=[{"region": "moscow", "arrival": dt.date(2025, 1, 5)}]
        )
    dataset = ready_dataset(None)
    release = services.release_create(actor=statistician, dataset=dataset, title="By origin")
    table = services.release_table_add(
        actor=statistician, release=release, indicator="stock", dimensions=["origin", "sex"], threshold=10
    )
    table = services.release_table_protect(actor=statistician, table=table)
    html = (
        sign_in(statistician)
        .get(
            reverse("staff:statistics_table", kwargs={"release_id": release.public_id, "table_id": table.pk}),
            headers={"Accept-Language": "en"},
        )
        .text
    )
    published = grid_rows(html, "published")
    assert len(published) == len(table.cells)
    # Read from the top: the total, then the region, then its districts, each a level deeper.
    origins = [row["names"][0] for row in published]
    assert [name["depth"] for name in origins] == sorted(name["depth"] for name in origins)
    assert origins[0]["level"] == "total" and origins[0]["depth"] == 0
    region = next(name for name in origins if "Osh" in name["text"])
    assert (region["depth"], region["level"]) == (1, "subtotal")
    district = next(name for name in origins if "Kara-Suu" in name["text"])
    assert (district["depth"], district["level"]) == (2, "leaf")
    # Every cell that does not go out is marked x, and nothing else is.
    withheld = [cell for cell in table.cells if cell["conf_status"] == "C"]
    assert withheld, "the three women of Osh with no district are below the threshold"
    assert sum(row["kind"] == "suppressed" for row in published) == len(withheld)
    assert all(row["value"] == "x" for row in published if row["kind"] == "suppressed")
    assert f"{len(withheld)} cells are not published" in html or f"{len(withheld)} cell is not published" in html
    # The unprotected grid shows the true counts, the small cell too, laid out the same way.
    unprotected = grid_rows(html, "unprotected")
    assert not any(row["kind"] == "suppressed" for row in unprotected)
    unknown_women = [
        row
        for row in unprotected
        if row["names"][0]["depth"] == 2
        and "Kara-Suu" not in row["names"][0]["text"]
        and row["names"][1]["text"] == "female"
    ]
    assert [row["value"] for row in unknown_women] == ["3"], unknown_women
    assert [row["names"][0]["depth"] for row in unprotected] == sorted(row["names"][0]["depth"] for row in unprotected)


def test_the_staff_page_of_an_official_table_shows_each_figure_with_its_source(sign_in, statistician, places):
    from mekendesh.statistics import services
    from mekendesh.statistics.official import official_demo_import

    figures = official_demo_import(actor=statistician)
    release = services.release_create(actor=statistician, dataset=figures, title={"en": "Official"})
    table = services.release_table_add(
        actor=statistician, release=release, indicator="citizens_abroad", dimensions=["geography", "period", "source"]
    )
    table = services.release_table_protect(actor=statistician, table=table)
    html = (
        sign_in(statistician)
        .get(
            reverse("staff:statistics_table", kwargs={"release_id": release.public_id, "table_id": table.pk}),
            headers={"Accept-Language": "en"},
        )
        .text
    )
    rows = grid_rows(html, "published")
    assert len(rows) == len(table.cells)
    assert {"608000", "798000"} <= {row["value"] for row in rows}
    assert not any(row["kind"] == "suppressed" for row in rows)
