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

pytestmark = pytest.mark.django_db


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
    assert spec["mark"]["type"] == "bar"  # one dimension: bars, one per year
    two = TableData(**{**vars(data), "dimensions": ("destination", "year")})
    assert charts.chart_spec(two, "en")["mark"]["type"] == "line"


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
