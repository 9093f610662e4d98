"""A published table's page reads the table's cells once per process: the later requests find
it published with one small query and lay out the same cells without reading them again."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mekendesh.statistics.formats import IndexedTableData, TableData
from mekendesh.statistics.tests.public_support import make_release

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]
TABLE = {"slug": "stock-2025", "code": "by-destination-sex"}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_the_indexed_table_reads_like_the_plain_one():
    release = make_release(tables=("by-destination-sex", "flows-by-year"))
    for table in release.tables.all():
        plain, indexed = TableData.of(table, "ru"), IndexedTableData.of(table, "ru").indexed()
        assert plain.layout() == indexed.layout()
        assert plain.cells_by_codes() == indexed.cells_by_codes()
        for name in plain.dimensions:
            assert plain.codes(name) == indexed.codes(name)
            assert plain.depths(name) == indexed.depths(name)
            for depth in plain.depths(name):
                assert plain.codes_at(name, depth) == indexed.codes_at(name, depth)
        titled = indexed.titled("Another title")
        assert titled.title == "Another title" and titled.cells is indexed.cells
        assert titled.codes(plain.dimensions[0]) == plain.codes(plain.dimensions[0])


def test_a_table_page_reads_the_cells_once(client):
    make_release()
    url = reverse("statistics:table", kwargs=TABLE)
    first = client.get(url, headers={"Accept-Language": "en"})
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, {"rows": "sex"}, headers={"Accept-Language": "ru"})
    assert again.status_code == 200
    assert not [query for query in queries.captured_queries if '"cells"' in query["sql"]]
    # The same figures, laid out as asked, in the language asked.
    assert "4600" in again.text and "1253" in again.text
    assert 'lang="ru"' in again.text or "Россия" in again.text
