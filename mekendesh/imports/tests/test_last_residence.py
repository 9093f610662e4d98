"""The registrations import reads where each person last lived in the country of origin before
leaving, from optional columns headed in Russian, Kyrgyz, English or Turkmen; an empty cell is
"not stated", and a district of another region is refused on its column."""

from __future__ import annotations

import pytest

from mekendesh.imports.tests.support import HEADERS, csv_bytes, people_rows, write
from mekendesh.imports.tests.test_pipeline import run_import
from mekendesh.people.models import Stay

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


@pytest.fixture(autouse=True)
def _inline_jobs(settings, django_capture_on_commit_callbacks):
    # As in test_pipeline: the command runs each job in the test's transaction, without heartbeat.
    settings.IMPORT_INLINE_HEARTBEAT = False
    with django_capture_on_commit_callbacks(execute=True):
        yield


def with_columns(rows, headers, values):
    return [*HEADERS, *headers], [[*row, *value] for row, value in zip(rows, values, strict=True)]


@pytest.mark.parametrize(
    "headers",
    [
        ("Область", "Район", "Последнее место жительства (область)", "Последнее место жительства (район)"),
        ("Облусу", "Району", "Акыркы жашаган жери (облус)", "Акыркы жашаган жери (район)"),
        ("Region of origin", "District of origin", "Region of last residence", "District of last residence"),
        ("Welaýaty", "Etraby", "Soňky ýaşan welaýaty", "Soňky ýaşan etraby"),
    ],
)
def test_the_last_residence_columns_are_read_in_every_language(tmp_path, officer_moscow, headers):
    headers_all, rows = with_columns(
        people_rows(3),
        headers,
        [
            ("Ошская область", "Кара-Суйский район", "город Бишкек", "Ленинский район (Бишкек)"),
            ("Ошская область", "", "Чуйская область", ""),
            ("Ошская область", "", "", ""),
        ],
    )
    path = write(tmp_path, "moscow.csv", csv_bytes(rows, headers=headers_all, encoding="utf-8"))
    code, out, err = run_import(path)
    assert code == 0, err
    assert "rows 3, valid 3, invalid 0" in out
    stored = set(
        Stay.objects.values_list("person__origin_region__code", "residence_region__code", "residence_district__code")
    )
    # The third row states no last residence: it is kept unknown, not taken from the origin.
    assert stored == {("KG-O", "KG-GB", "KG-GB-LENIN"), ("KG-O", "KG-C", None), ("KG-O", None, None)}


def test_a_district_of_another_region_is_refused_on_its_column(tmp_path, officer_moscow):
    headers_all, rows = with_columns(
        people_rows(2),
        ("Последнее место жительства (область)", "Последнее место жительства (район)"),
        [("город Бишкек", "Кара-Суйский район"), ("Бишкек", "Неизвестный район")],
    )
    _code, out, _err = run_import(write(tmp_path, "bad.csv", csv_bytes(rows, headers=headers_all)))
    assert "valid 0, invalid 2" in out
    assert "row 2, Последнее место жительства (район): This district is not in the chosen region." in out
    assert "row 3, Последнее место жительства (район):" in out and "is not a district we know" in out
    assert not Stay.objects.exists()
