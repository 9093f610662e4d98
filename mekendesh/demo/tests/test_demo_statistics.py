"""Issue 11's "Done when": after the demo's statistics step, an anonymous visitor of
``/statistics/`` finds the register's stock by destination and by region of origin, the flows by
year and the official figures with both disagreeing sources, each as an HTML table, an SVG chart
and three downloads with the same numbers; no published cell of a register table lies between 1
and the threshold."""

from __future__ import annotations

import csv
import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from mekendesh.accounts.models import User
from mekendesh.demo.statistics import THRESHOLD
from mekendesh.demo.users import DEMO_REVIEWER, DEMO_STATISTICIAN
from mekendesh.statistics.models import Release, ReleaseStatus, ReleaseTable

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

# A population large enough for every table of the demo to have something to publish.
PEOPLE = "400"


@pytest.fixture
def demo(settings, tmp_path):
    settings.HOME = tmp_path
    out = StringIO()
    call_command("demo", "--no-serve", "--people", PEOPLE, stdout=out, stderr=StringIO())
    return out.getvalue()


def numbers_in_html(html: str, table_id: str = "figures") -> set[int]:
    found = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S)
    assert found, table_id
    return {int(value) for value in re.findall(r'<td class="num">\s*(\d+)\s*</td>', found.group(0))}


def downloads_of(client, slug: str, code: str) -> dict[str, set[int]]:
    args = {"slug": slug, "code": code}
    values: dict[str, set[int]] = {}
    response = client.get(reverse("statistics:download", kwargs={**args, "fmt": "csv"}))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    values["csv"] = {int(row["OBS_VALUE"]) for row in rows if row["OBS_VALUE"]}
    response = client.get(reverse("statistics:download", kwargs={**args, "fmt": "sdmx.csv"}))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    values["sdmx"] = {int(row["OBS_VALUE"]) for row in rows if row["OBS_VALUE"]}
    response = client.get(reverse("statistics:download", kwargs={**args, "fmt": "xlsx"}))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["data"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    column = header.index("OBS_VALUE")
    values["xlsx"] = {
        int(str(row[column])) for row in sheet.iter_rows(min_row=2, values_only=True) if row[column] is not None
    }
    return values


def test_the_public_statistics_page_shows_the_demo_tables_charts_and_downloads(demo, client):
    register = Release.objects.get(dataset__kind="register")
    official = Release.objects.get(dataset__kind="official")
    assert register.status == official.status == ReleaseStatus.PUBLISHED
    # Two demo statisticians: one built and sent each release, the other published it.
    builder, reviewer = User.objects.get(email=DEMO_STATISTICIAN), User.objects.get(email=DEMO_REVIEWER)
    for release in (register, official):
        assert (release.submitted_by, release.reviewed_by) == (builder, reviewer)

    index = client.get(reverse("statistics:index"), headers={"Accept-Language": "en"})
    assert index.status_code == 200
    page = index.text
    wanted = {
        ("stock", ("destination",)): "Citizens abroad by country of destination",
        ("stock", ("origin",)): "Citizens abroad by region of origin",
        ("departures", ("month",)): "Departures by year",
        ("returns", ("month",)): "Returns by year",
        ("citizens_abroad", ("geography", "period", "source")): "Citizens abroad, by source",
    }
    tables = {(table.indicator, tuple(table.dimensions)): table for table in ReleaseTable.objects.all()}
    assert set(tables) == set(wanted)
    for key, title in wanted.items():
        table = tables[key]
        assert table.title == title
        url = reverse("statistics:table", kwargs={"slug": table.release.slug, "code": table.code})
        assert url in page or reverse("statistics:release", kwargs={"slug": table.release.slug}) in page
        response = client.get(url, headers={"Accept-Language": "en"})
        assert response.status_code == 200, title
        html = response.text
        assert 'id="figures"' in html and "<svg" in html, title
        shown = numbers_in_html(html)
        assert shown, title
        chart = client.get(reverse("statistics:chart", kwargs={"slug": table.release.slug, "code": table.code}))
        assert chart.status_code == 200 and chart.content.lstrip().startswith(b"<svg")
        files = downloads_of(client, table.release.slug, table.code)
        assert files["csv"] == files["sdmx"] == files["xlsx"], title
        # The same numbers: every figure of the page's table is in every download.
        assert shown <= files["csv"], title
        for label in ("CSV", "XLSX", "SDMX-CSV"):
            assert label in html
        if table.release == register:
            # No published cell of a register table between 1 and the threshold.
            small = [cell for cell in table.cells if cell["value"] is not None and 0 < cell["value"] < THRESHOLD]
            assert not small, (title, small[:3])

    # The official figures: both disagreeing sources side by side, each named.
    figures = tables[("citizens_abroad", ("geography", "period", "source"))]
    html = client.get(
        reverse("statistics:table", kwargs={"slug": figures.release.slug, "code": figures.code}),
        headers={"Accept-Language": "en"},
    ).text
    assert {608000, 798000} <= numbers_in_html(html)
    assert "Kyrgyz MFA" in html and "Deputy Minister of Labour" in html
    heads = re.search(r"<thead>.*?</thead>", html, re.S)
    assert heads and "Kyrgyz MFA" in heads.group(0) and "Deputy Minister of Labour" in heads.group(0)
    assert {608000, 798000} <= downloads_of(client, figures.release.slug, figures.code)["csv"]

    # Flows by year: the page shows the years (not the years and their months) with their total.
    departures = tables[("departures", ("month",))]
    html = client.get(
        reverse("statistics:table", kwargs={"slug": departures.release.slug, "code": departures.code}),
        headers={"Accept-Language": "en"},
    ).text
    rows = re.findall(r'<tr data-code="([^"]+)">', html)
    assert rows and all(re.fullmatch(r"\d{4}|_T", code) for code in rows), rows
