"""The public statistics pages, for a visitor who is not signed in: the list of releases, a release,
a table with its pivot, chart and downloads — and nothing of a release that is not published."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html.parser import HTMLParser

import openpyxl
import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from mekendesh.statistics.models import ReleaseStatus
from mekendesh.statistics.tests.public_support import STOCK, make_release

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]
TABLE = {"slug": "stock-2025", "code": "by-destination-sex"}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


class TableReader(HTMLParser):
    """The #figures table as a visitor reads it: the column heads, and each row's head and cells."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table" and ("id", "figures") in attrs:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def html_table(response) -> dict[tuple[str, str], str]:
    """{(row head, column head): text} of the page's table."""
    reader = TableReader()
    reader.feed(response.content.decode())
    heads, *body = reader.rows
    return {(row[0], heads[i]): text for row in body for i, text in enumerate(row) if i}


def get(client, name, language="en", query=None, **kwargs):
    return client.get(reverse(name, kwargs=kwargs), query or {}, headers={"Accept-Language": language})


def test_the_landing_page_links_to_the_statistics(client):
    page = client.get(reverse("web:home"), headers={"Accept-Language": "en"}).content.decode()
    assert f'href="{reverse("statistics:index")}"' in page


def test_the_statistics_page_lists_the_published_releases_newest_first_with_their_tables(client):
    make_release(
        "stock-2024", title="Citizens abroad at the end of 2024", published_at=timezone.now() - dt.timedelta(days=365)
    )
    make_release("stock-2025", tables=("by-destination-sex", "flows-by-year"))
    make_release("stock-2026-draft", title="Not yet out", status=ReleaseStatus.DRAFT)
    make_release("stock-2026-review", title="Being reviewed", status=ReleaseStatus.REVIEW)
    page = get(client, "statistics:index").content.decode()
    assert page.index("at the end of 2025") < page.index("at the end of 2024")
    assert "Citizens abroad by country and sex" in page and "Departures by year" in page
    assert "Not yet out" not in page and "Being reviewed" not in page
    assert reverse("statistics:table", kwargs=TABLE) in page


def test_a_release_page_shows_its_tables_source_and_method_in_plain_words(client):
    make_release(tables=("by-destination-sex", "flows-by-year"))
    page = get(client, "statistics:release", slug="stock-2025").content.decode()
    assert "Mekendesh register of citizens abroad, 2025-12-31" in page
    assert "Counts below 10 are not published" in page
    assert "changed by a small random amount" in page  # the perturbed table
    assert "Stays registered and not ended." in page


def test_a_correction_says_what_it_corrects_and_what_changed_and_the_old_release_points_to_it(client):
    old = make_release("stock-2025")
    make_release(
        "stock-2025-corrected",
        title="Citizens abroad at the end of 2025 (corrected)",
        corrects=old,
        changes="Stays in Kazakhstan counted twice were removed.",
    )
    page = get(client, "statistics:release", slug="stock-2025-corrected").content.decode()
    assert "This release corrects “Citizens abroad at the end of 2025”." in page
    assert "Stays in Kazakhstan counted twice were removed." in page
    assert reverse("statistics:release", kwargs={"slug": "stock-2025"}) in page
    old_page = get(client, "statistics:release", slug="stock-2025").content.decode()
    assert "A correction of this release has been published" in old_page
    assert reverse("statistics:release", kwargs={"slug": "stock-2025-corrected"}) in old_page


def test_the_html_table_shows_the_same_numbers_as_the_downloads(client):
    make_release()
    shown = html_table(get(client, "statistics:table", **TABLE))
    names = {
        "RU": "Russia",
        "KZ": "Kazakhstan",
        "TR": "Türkiye",
        "NZ": "New Zealand",
        "UZ": "Uzbekistan",
        "_T": "All countries",
    }
    sexes = {"F": "Women", "M": "Men", "_T": "Both sexes"}
    rows = list(
        csv.DictReader(io.StringIO(get(client, "statistics:download", fmt="csv", **TABLE).content.decode("utf-8-sig")))
    )
    sdmx = list(
        csv.DictReader(io.StringIO(get(client, "statistics:download", fmt="sdmx.csv", **TABLE).content.decode()))
    )
    sheet = openpyxl.load_workbook(io.BytesIO(get(client, "statistics:download", fmt="xlsx", **TABLE).content))["data"]
    heads, *data = list(sheet.iter_rows(values_only=True))
    workbook = [dict(zip(heads, row, strict=True)) for row in data]
    for (destination, sex), (value, _obs, _conf) in STOCK.items():
        text = shown[names[destination], sexes[sex]]
        in_csv = next(r["OBS_VALUE"] for r in rows if (r["destination"], r["sex"]) == (destination, sex))
        in_sdmx = next(r["OBS_VALUE"] for r in sdmx if (r["DESTINATION"], r["SEX"]) == (destination, sex))
        in_xlsx = next(r["OBS_VALUE"] for r in workbook if (r["destination"], r["sex"]) == (destination, sex))
        if value is None:
            assert in_csv == in_sdmx == "" and in_xlsx is None
            assert text in ("x", "–")
        else:
            assert text == in_csv == in_sdmx == str(in_xlsx) == str(value)


def test_every_suppressed_cell_is_an_x_whichever_rule_withheld_it(client):
    make_release()
    response = get(client, "statistics:table", **TABLE)
    shown = html_table(response)
    assert shown["Kazakhstan", "Women"] == shown["Kazakhstan", "Men"] == shown["Uzbekistan", "Women"] == "x"
    assert shown["New Zealand", "Women"] == "–"  # cannot exist
    page = response.content.decode()
    assert "x — not published, to protect the privacy of the persons counted." in page
    # Nothing in the page tells a primary suppression from a secondary one.
    rows = re.findall(r'<tr data-code="(KZ|UZ)">(.*?)</tr>', page, flags=re.S)
    cells = [re.sub(r"\s+", " ", cell) for _, row in rows for cell in re.findall(r"<td[^>]*>.*?</td>", row)]
    suppressed = {cell for cell in cells if ">x<" in cell}
    assert len(suppressed) == 1


def test_the_api_and_downloads_never_say_which_suppression_is_primary(client):
    make_release()
    body = client.get(reverse("statistics_api:table", kwargs=TABLE)).json()
    statuses = {cell["conf_status"] for cell in body["cells"]}
    assert statuses == {"F", "C"}
    by_cell = {(c["cell"]["destination"], c["cell"]["sex"]): c for c in body["cells"]}
    assert by_cell["KZ", "F"] | {"cell": None} == by_cell["KZ", "M"] | {"cell": None}
    assert by_cell["KZ", "F"]["value"] is None


def test_a_perturbed_table_says_it_is_perturbed(client):
    make_release(tables=("flows-by-year",))
    page = get(client, "statistics:table", slug="stock-2025", code="flows-by-year").content.decode()
    assert "The figures of this table are perturbed" in page


def test_the_pivot_puts_the_chosen_dimension_in_the_rows(client):
    make_release()
    by_sex = html_table(get(client, "statistics:table", query={"rows": "sex", "cols": "destination"}, **TABLE))
    assert by_sex["Women", "Russia"] == "1200"
    assert {row for row, _ in by_sex} == {"Women", "Men", "Both sexes"}
    # One dimension in the rows, the other at a chosen code: a single column of figures.
    women = get(
        client, "statistics:table", query={"rows": "destination", "cols": "destination", "at_sex": "F"}, **TABLE
    )
    shown = html_table(women)
    assert ("Russia", "Women") in shown and shown["Russia", "Women"] == "1200"


def test_the_pivot_with_one_dimension_fixed_shows_one_column(client):
    make_release(tables=("flows-by-year",))
    shown = html_table(get(client, "statistics:table", slug="stock-2025", code="flows-by-year"))
    assert [text for (row, _), text in shown.items() if row == "2024"] == ["9350"]


def test_an_unknown_pivot_falls_back_to_the_tables_layout(client):
    make_release()
    response = get(client, "statistics:table", query={"rows": "nonsense", "at_sex": "Z"}, **TABLE)
    assert response.status_code == 200
    assert html_table(response)["Russia", "Women"] == "1200"


@pytest.mark.parametrize(
    ("language", "country", "sex"),
    [("ky", "Орусия", "Аялдар"), ("ru", "Россия", "Женщины"), ("tk", "Russiýa", "Aýallar"), ("en", "Russia", "Women")],
)
def test_the_table_page_reads_in_each_language(client, language, country, sex):
    make_release()
    response = get(client, "statistics:table", language=language, **TABLE)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert html_table(response)[country, sex] == "1200"


def test_the_language_chosen_with_the_switch_is_kept_for_the_statistics(client):
    make_release()
    client.post(reverse("set_language"), {"language": "ru", "next": "/statistics/"})
    response = client.get(reverse("statistics:table", kwargs=TABLE))
    assert '<html lang="ru">' in response.content.decode()
    assert "Россия" in response.content.decode()


def test_the_table_page_has_the_chart_inline_and_links_to_it_and_to_three_downloads(client):
    make_release()
    page = get(client, "statistics:table", language="ky", **TABLE).content.decode()
    assert re.search(r"<svg[^>]* role=\"img\"", page)
    assert "Жаңы Зеландия" in page
    for url in (
        reverse("statistics:chart", kwargs=TABLE),
        "/statistics/stock-2025/by-destination-sex.csv",
        "/statistics/stock-2025/by-destination-sex.xlsx",
        "/statistics/stock-2025/by-destination-sex.sdmx.csv",
    ):
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200


def test_the_csv_download_names_the_categories_in_the_page_language(client):
    make_release()
    response = get(client, "statistics:download", language="ky", fmt="csv", **TABLE)
    assert response["Content-Disposition"] == 'attachment; filename="stock-2025-by-destination-sex.csv"'
    assert "Жаңы Зеландия" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("status", [ReleaseStatus.DRAFT, ReleaseStatus.REVIEW])
def test_a_release_that_is_not_published_answers_404_like_an_unknown_one(client, status, statistician):
    make_release("stock-2026", status=status)
    addresses = [
        reverse("statistics:release", kwargs={"slug": "stock-2026"}),
        reverse("statistics:table", kwargs={"slug": "stock-2026", "code": "by-destination-sex"}),
        reverse("statistics:chart", kwargs={"slug": "stock-2026", "code": "by-destination-sex"}),
        reverse("statistics_api:release", kwargs={"slug": "stock-2026"}),
        reverse("statistics_api:table", kwargs={"slug": "stock-2026", "code": "by-destination-sex"}),
    ] + [
        reverse("statistics:download", kwargs={"slug": "stock-2026", "code": "by-destination-sex", "fmt": fmt})
        for fmt in ("csv", "xlsx", "sdmx.csv")
    ]
    for url in addresses:
        unknown = url.replace("stock-2026", "no-such-release")
        answer, nothing = client.get(url), client.get(unknown)
        assert answer.status_code == nothing.status_code == 404, url
        assert answer.content.replace(b"stock-2026", b"") == nothing.content.replace(b"no-such-release", b""), url
    assert client.get(reverse("statistics_api:releases")).json() == []
    assert "stock-2026" not in get(client, "statistics:index").content.decode()


def test_a_signed_in_statistician_sees_no_more_of_a_draft_than_the_public(sign_in, statistician):
    make_release("stock-2026", status=ReleaseStatus.REVIEW)
    client = sign_in(statistician)
    assert client.get(reverse("statistics:release", kwargs={"slug": "stock-2026"})).status_code == 404


def test_the_table_page_needs_few_queries(client, django_assert_max_num_queries):
    make_release()
    get(client, "statistics:table", **TABLE)  # the chart is drawn once
    with django_assert_max_num_queries(3):
        assert get(client, "statistics:table", **TABLE).status_code == 200
