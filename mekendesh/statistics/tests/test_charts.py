"""The chart of a published table: an SVG drawn on the server with the shipped font, in the page's
language, with the figures that are not published left out rather than drawn as zero."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from mekendesh.statistics import charts
from mekendesh.statistics.formats import TableData
from mekendesh.statistics.tests.public_support import make_release

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_the_shipped_font_has_kyrgyz_letters_and_its_licence_beside_it():
    assert (charts.FONT_DIR / "DejaVuSans.ttf").is_file()
    assert "Bitstream" in (charts.FONT_DIR / "LICENSE-DejaVu.txt").read_text()


def test_the_chart_is_an_svg_with_the_kyrgyz_names_of_the_countries(client):
    make_release()
    url = reverse("statistics:chart", kwargs={"slug": "stock-2025", "code": "by-destination-sex"})
    response = client.get(url, headers={"Accept-Language": "ky"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert svg.startswith("<svg")
    for name in ("Орусия", "Түркия", "Жаңы Зеландия", "Өзбекстан", "Аялдар", "Эркектер"):
        assert name in svg
    assert 'font-family="DejaVu Sans"' in svg
    assert "Russia" not in svg


def test_the_chart_is_in_the_language_of_the_page(client):
    make_release()
    url = reverse("statistics:chart", kwargs={"slug": "stock-2025", "code": "by-destination-sex"})
    assert "Россия" in client.get(url, headers={"Accept-Language": "ru"}).content.decode()
    assert "Russiýa" in client.get(url, headers={"Accept-Language": "tk"}).content.decode()


def bar_count(svg: str) -> int:
    return len(re.findall(r'<path aria-label="[^"]*"', svg))


def test_a_suppressed_cell_is_missing_from_the_chart_not_drawn_as_zero():
    release = make_release()
    data = TableData.of(release.tables.get())
    rows, drawn = charts.chart_data(data, "en")
    assert drawn == ["destination", "sex"]
    # Five countries by two sexes, without the totals: three of the ten are not published and one
    # cannot exist.
    assert len(rows) == 10
    assert sum(1 for row in rows if row["value"] is None) == 4
    assert 0 not in [row["value"] for row in rows]
    svg = charts.render_svg(charts.chart_spec(data, "en"))
    assert bar_count(svg) == 6


def test_a_table_over_years_is_drawn_as_a_line():
    release = make_release(tables=("flows-by-year",))
    data = TableData.of(release.tables.get())
    spec = charts.chart_spec(data, "en")
    assert spec["mark"]["type"] == "line"  # one period of three years: a line
    two = TableData(**{**vars(data), "dimensions": ("destination", "year")})
    assert charts.chart_spec(two, "en")["mark"]["type"] == "line"


def test_a_hierarchy_is_drawn_one_level_at_a_time():
    """Months under their years (as the register's flows give them): the chart draws the years
    only, never a year beside its own months, so that nothing is counted twice."""
    months = {"2024-01": 5, "2024-02": 7, "2025-01": 11, "2025-02": 13, "2026-01": 17}
    years = {"2024": 12, "2025": 24, "2026": 17}
    cells = [
        {"cell": {"month": code}, "value": value, "obs_status": "A", "conf_status": "F"}
        for code, value in {**months, **years, "_T": 53}.items()
    ]
    parents = {"_T": None, **dict.fromkeys(years, "_T"), **{code: code[:4] for code in months}}
    data = TableData(
        release="flows",
        code="departures-month",
        title="Departures",
        dimensions=("month",),
        cells=tuple(cells),
        totals={"month": "_T"},
        unit="persons",
        parents={"month": parents},
    )
    assert data.depths("month") == [1, 2]
    rows, drawn = charts.chart_data(data, "en")
    assert drawn == ["month"]
    assert sorted(row["d0"] for row in rows) == ["2024", "2025", "2026"]
    assert sum(row["value"] for row in rows) == 53
    assert charts.chart_spec(data, "en", time=frozenset({"month"}))["mark"]["type"] == "line"


def test_the_chart_of_a_published_table_is_drawn_once_per_language(client, monkeypatch):
    make_release()
    drawn = []
    real = charts.render_svg

    def counted(spec):
        drawn.append(spec)
        return real(spec)

    monkeypatch.setattr(charts, "render_svg", counted)
    url = reverse("statistics:table", kwargs={"slug": "stock-2025", "code": "by-destination-sex"})
    for _ in range(3):
        assert client.get(url, headers={"Accept-Language": "ky"}).status_code == 200
    assert len(drawn) == 1
    client.get(url, headers={"Accept-Language": "ru"})
    assert len(drawn) == 2
