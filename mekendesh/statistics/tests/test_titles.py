"""Titles in every language: a statistician gives a release's title and summary in the languages
they write; a visitor reads their own language, else the first of a fixed order, marked with
``lang``; a table nobody titled is named from its indicator and dimensions in the reader's
language; the API gives the titles by language and the downloads use the page's language."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from mekendesh.statistics.models import Release, ReleaseTable
from mekendesh.statistics.tests.public_support import make_release
from mekendesh.statistics.tests.support import ready_dataset, stock_register
from mekendesh.statistics.titles import table_title_computed

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

KY_TITLE = "Чет өлкөдөгү жарандар, 2025-жылдын аягы"
RU_TITLE = "Граждане за рубежом на конец 2025 года"
KY_SUMMARY = "Реестрде чет өлкөдө катталган жарандар."
RU_SUMMARY = "Граждане, зарегистрированные как находящиеся за рубежом."


@pytest.fixture(autouse=True)
def _fresh_charts():
    cache.clear()


def get(client, name, language, **kwargs):
    return client.get(reverse(name, kwargs=kwargs), headers={"Accept-Language": language})


def titled_in_kyrgyz_and_russian() -> Release:
    release = make_release("stock-2025")
    Release.objects.filter(pk=release.pk).update(
        title_en="", summary_en="", title_ky=KY_TITLE, title_ru=RU_TITLE, summary_ky=KY_SUMMARY, summary_ru=RU_SUMMARY
    )
    return Release.objects.get(pk=release.pk)


def test_a_russian_visitor_reads_the_russian_title_of_a_release_typed_in_kyrgyz_and_russian(client):
    titled_in_kyrgyz_and_russian()
    for name, kwargs in (("statistics:index", {}), ("statistics:release", {"slug": "stock-2025"})):
        russian = get(client, name, "ru", **kwargs).text
        assert 'lang="ru"' in russian
        assert RU_TITLE in russian and KY_TITLE not in russian
        assert RU_SUMMARY in russian and KY_SUMMARY not in russian
        kyrgyz = get(client, name, "ky", **kwargs).text
        assert KY_TITLE in kyrgyz and RU_TITLE not in kyrgyz and KY_SUMMARY in kyrgyz


def test_a_visitor_whose_language_has_no_title_reads_the_fallback_marked_with_its_language(client):
    titled_in_kyrgyz_and_russian()
    for language in ("tk", "en"):
        page = get(client, "statistics:release", language, slug="stock-2025").text
        # Russian comes first in the fixed order; the heading says it is Russian.
        assert f'<h1 lang="ru">{RU_TITLE}</h1>' in page, language
        assert f'<p lang="ru">{RU_SUMMARY}' in page, language
    kyrgyz = get(client, "statistics:release", "ky", slug="stock-2025").text
    assert f'<h1 lang="ky">{KY_TITLE}</h1>' in kyrgyz


def test_a_table_nobody_titled_reads_in_each_language_from_its_indicator_and_dimensions(client):
    make_release("stock-2025")
    ReleaseTable.objects.update(title_en="")
    table = ReleaseTable.objects.get()
    expected = {
        language: table_title_computed("stock", ["destination", "sex"], language)
        for language in ["ky", "ru", "tk", "en"]
    }
    # Four different titles, none of them stored.
    assert len(set(expected.values())) == 4
    assert table.titles == {}
    with translation.override("ru"):
        assert table.title == expected["ru"] and table.title_language == "ru"
    for language, title in expected.items():
        page = get(client, "statistics:table", language, slug="stock-2025", code="by-destination-sex").text
        assert f'<h1 lang="{language}">{title}</h1>' in page, language
        listed = get(client, "statistics:release", language, slug="stock-2025").text
        assert title in listed, language
        workbook = get(
            client, "statistics:download", language, slug="stock-2025", code="by-destination-sex", fmt="xlsx"
        )
        sheet = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True)["about"]
        about = {str(row[0]): row[1] for row in sheet.iter_rows(values_only=True)}
        assert about["title"] == title, language


def test_the_api_gives_the_titles_by_language(client):
    titled_in_kyrgyz_and_russian()
    ReleaseTable.objects.update(title_en="")
    body = client.get(
        reverse("statistics_api:release", kwargs={"slug": "stock-2025"}), headers={"Accept-Language": "ru"}
    ).json()
    assert body["title"] == RU_TITLE
    assert body["titles"] == {"ky": KY_TITLE, "ru": RU_TITLE}
    assert body["summaries"] == {"ky": KY_SUMMARY, "ru": RU_SUMMARY}
    (table,) = body["tables"]
    assert set(table["titles"]) == {"ky", "ru", "tk", "en"}
    assert table["titles"]["ru"] == table_title_computed("stock", ["destination", "sex"], "ru")
    cells = client.get(table["url"], headers={"Accept-Language": "tk"}).json()
    assert cells["title"] == table_title_computed("stock", ["destination", "sex"], "tk")
    assert cells["titles"] == table["titles"]


@pytest.fixture
def dataset(places):
    stock_register(None, places)
    return ready_dataset(None)


def test_the_statistician_gives_the_title_and_summary_in_four_fields(sign_in, statistician, dataset, client):
    desk = sign_in(statistician)
    form = desk.get(reverse("staff:statistics_release_new"), headers={"Accept-Language": "en"}).text
    for language in ("ky", "ru", "tk", "en"):
        assert f'name="title_{language}" lang="{language}"' in form
        assert f'name="summary_{language}" lang="{language}"' in form
    refused = desk.post(reverse("staff:statistics_release_new"), {"dataset": dataset.public_id, "summary_ru": "…"})
    assert refused.status_code == 200 and not Release.objects.exists()
    desk.post(
        reverse("staff:statistics_release_new"),
        {"dataset": dataset.public_id, "title_ky": KY_TITLE, "title_ru": RU_TITLE, "summary_ru": RU_SUMMARY},
    )
    release = Release.objects.get()
    assert release.titles == {"ky": KY_TITLE, "ru": RU_TITLE} and release.summaries == {"ru": RU_SUMMARY}
    # A table added without a title is named in each reader's language; one titled keeps its words.
    add = reverse("staff:statistics_table_new", kwargs={"release_id": release.public_id})
    desk.post(add, {"add": "1", "indicator": "stock", "dimensions": ["destination"]})
    desk.post(add, {"add": "1", "indicator": "stock", "dimensions": ["sex"], "title_tk": "Raýatlar jynsy boýunça"})
    untitled, titled = release.tables.order_by("order")
    assert untitled.titles == {} and titled.titles == {"tk": "Raýatlar jynsy boýunça"}
    with translation.override("ky"):
        assert untitled.title == table_title_computed("stock", ["destination"], "ky")
        assert (titled.title, titled.title_language) == ("Raýatlar jynsy boýunça", "tk")
