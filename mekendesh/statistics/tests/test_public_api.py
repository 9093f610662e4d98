"""The public statistics API: published releases and their tables' cells, read by anyone, in the
OpenAPI document; nothing unpublished, and nothing to write."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from mekendesh.statistics.models import ReleaseStatus
from mekendesh.statistics.tests.public_support import SOURCE, STOCK, make_release

pytestmark = pytest.mark.django_db
TABLE = {"slug": "stock-2025", "code": "by-destination-sex"}


def test_the_api_lists_published_releases_newest_first_without_signing_in(client):
    make_release("stock-2024", published_at=timezone.now() - dt.timedelta(days=365))
    make_release("stock-2025", tables=("by-destination-sex", "flows-by-year"))
    make_release("stock-2026", status=ReleaseStatus.DRAFT)
    releases = client.get(reverse("statistics_api:releases")).json()
    assert [release["slug"] for release in releases] == ["stock-2025", "stock-2024"]
    assert [table["code"] for table in releases[0]["tables"]] == ["by-destination-sex", "flows-by-year"]
    assert releases[0]["tables"][0]["url"] == reverse("statistics_api:table", kwargs=TABLE)
    assert releases[0]["tables"][0]["page"] == reverse("statistics:table", kwargs=TABLE)


def test_a_correction_names_the_release_it_corrects(client):
    old = make_release("stock-2025")
    make_release("stock-2025-b", corrects=old, changes="Double counts removed.")
    body = client.get(reverse("statistics_api:release", kwargs={"slug": "stock-2025-b"})).json()
    assert body["corrects"] == "stock-2025"
    assert body["changes"] == "Double counts removed."


def test_a_table_gives_every_cell_with_its_flags_labels_unit_and_source(client):
    make_release()
    body = client.get(reverse("statistics_api:table", kwargs=TABLE)).json()
    assert body["unit"] == "persons"
    assert body["source"] == SOURCE
    assert body["labels"]["destination"]["NZ"]["ky"] == "Жаңы Зеландия"
    cells = {(c["cell"]["destination"], c["cell"]["sex"]): c for c in body["cells"]}
    for key, (value, obs, conf) in STOCK.items():
        assert cells[key]["value"] == value
        assert cells[key]["obs_status"] == obs
        assert cells[key]["conf_status"] == ("C" if conf in ("A", "D") else conf)


def test_the_api_is_read_only(client):
    make_release()
    for url in (reverse("statistics_api:releases"), reverse("statistics_api:table", kwargs=TABLE)):
        assert client.post(url, {}, content_type="application/json").status_code == 405
        assert client.delete(url).status_code == 405


def test_the_operations_are_in_the_openapi_document():
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)
    paths = document["paths"]
    assert "/api/statistics/releases/" in paths
    assert "/api/statistics/releases/{slug}/" in paths
    table = paths["/api/statistics/releases/{slug}/tables/{code}/"]
    assert set(table) == {"get"}
    assert table["get"]["operationId"] == "statistics_table"
