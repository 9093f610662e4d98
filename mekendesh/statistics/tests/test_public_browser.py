"""A visitor on a 360-pixel-wide phone, in Kyrgyz, finds the statistics from the landing page, opens
a table, puts the sexes in the rows with the pivot (no script needed) and downloads the CSV.
Headless Chromium against the live server, axe-core on every page."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.cache import cache
from django.urls import reverse

from mekendesh.statistics.tests.public_support import make_release

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def row_heads(page) -> list[str]:
    return [text.strip() for text in page.locator("#figures tbody th").all_inner_texts()]


def test_a_visitor_opens_a_table_switches_the_pivot_and_downloads_the_csv(live_server, phone):
    cache.clear()
    make_release()
    page = phone
    page.goto(live_server.url + reverse("web:home"))
    page.locator(f"main a[href='{reverse('statistics:index')}']").click()
    page.wait_for_url("**" + reverse("statistics:index"))
    assert page.locator("html").get_attribute("lang") == "ky"

    table_url = reverse("statistics:table", kwargs={"slug": "stock-2025", "code": "by-destination-sex"})
    page.locator(f"#releases a[href='{table_url}']").click()
    page.wait_for_url("**" + table_url)
    assert page.locator("h1").inner_text() == "Citizens abroad by country and sex"
    assert row_heads(page) == ["Орусия", "Казакстан", "Түркия", "Жаңы Зеландия", "Өзбекстан", "Бардыгы"]
    assert page.locator("#chart svg").count() == 1
    assert "Жаңы Зеландия" in page.locator("#chart svg").inner_html()
    assert fits_the_screen(page)

    page.select_option("#pivot-rows", "sex")
    page.select_option("#pivot-cols", "destination")
    page.locator("#pivot button[type=submit]").click()
    page.wait_for_url("**rows=sex**")
    assert row_heads(page) == ["Аялдар", "Эркектер", "Бардык жыныстар"]
    women = page.locator("#figures tbody tr").first.locator("td")
    assert women.first.inner_text() == "1200"
    assert fits_the_screen(page)

    with page.expect_download() as waiting:
        page.locator("#downloads a[href$='.csv']:not([href$='.sdmx.csv'])").click()
    download = waiting.value
    assert download.suggested_filename == "stock-2025-by-destination-sex.csv"
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(io.StringIO(file.read())))
    russia_women = next(row for row in rows if (row["destination"], row["sex"]) == ("RU", "F"))
    assert russia_women["OBS_VALUE"] == "1200"
    assert russia_women["destination_label"] == "Орусия"
