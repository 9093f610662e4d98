"""What is read from official tables: periods and values as the tables write them, every source's
value side by side, the internal-migration matrix, the staff pages and the cells of a release."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from mekendesh.statistics.models import DataSet, OfficialFigure
from mekendesh.statistics.official import (
    PeriodError,
    migration_matrices,
    official_comparison,
    official_demo_import,
    parse_period,
    parse_value,
    release_cells,
)


@pytest.mark.parametrize(
    ("written", "code", "start", "end"),
    [
        ("2025", "2025", "2025-01-01", "2025-12-31"),
        ("2025-01", "2025-01", "2025-01-01", "2025-01-31"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        ("2026-01-15", "2026-01-15", "2026-01-15", "2026-01-15"),
        ("2024-H1", "2024-S1", "2024-01-01", "2024-06-30"),
        ("2024-S2", "2024-S2", "2024-07-01", "2024-12-31"),
        ("2024-Q3", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("2011-2024", "2011/2024", "2011-01-01", "2024-12-31"),
        ("2011/2024", "2011/2024", "2011-01-01", "2024-12-31"),
        ("2025-01..05", "2025-01/2025-05", "2025-01-01", "2025-05-31"),
        ("2024-11..2025-02", "2024-11/2025-02", "2024-11-01", "2025-02-28"),
    ],
)
def test_periods_in_the_accepted_forms_are_normalised_with_their_dates(written, code, start, end):
    period = parse_period(written)
    assert (period.code, period.start, period.end) == (code, dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("01.2025", "2025-01"),
        ("15.01.2026", "2026-01-15"),
        ("янв 2025", "2025-01"),
        ("январь 2025 г.", "2025-01"),
        ("III кв. 2024", "2024-Q3"),
        ("2025/13", ""),
        ("2025-13", ""),
        ("2024-02-30", ""),
        ("2024-2011", ""),
        ("last year", ""),
    ],
)
def test_other_periods_are_refused_with_the_form_they_probably_mean(written, suggestion):
    with pytest.raises(PeriodError) as refused:
        parse_period(written)
    assert refused.value.suggestion == suggestion


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("608000", (Decimal(608000), None, None)),
        ("608 000", (Decimal(608000), None, None)),
        ("608\u00a0000", (Decimal(608000), None, None)),
        ("608,000", (Decimal(608000), None, None)),
        ("3,000,000,000", (Decimal(3000000000), None, None)),
        ("1,234.5", (Decimal("1234.5"), None, None)),
        ("12.5", (Decimal("12.5"), None, None)),
        ("12,5", (Decimal("12.5"), None, None)),
        ("1 234,5", (Decimal("1234.5"), None, None)),
        ("-4.5", (Decimal("-4.5"), None, None)),
        ("25-30", (None, Decimal(25), Decimal(30))),
        ("25 – 30", (None, Decimal(25), Decimal(30))),
    ],
)
def test_values_are_read_as_the_tables_write_them(written, expected):
    assert parse_value(written) == expected


@pytest.mark.parametrize("written", ["", "about 600", "n/a", "30-25", "6O8000", "1.2.3"])
def test_what_is_not_a_number_is_refused(written):
    with pytest.raises(ValueError):
        parse_value(written)


def _dataset(title, rows):
    dataset = DataSet.objects.create(kind="official", title=title)
    for number, (indicator, geography, destination, period, value, unit, source) in enumerate(rows, start=2):
        parsed = parse_period(period)
        amount, low, high = parse_value(value)
        OfficialFigure.objects.create(
            dataset=dataset, row=number, indicator=indicator, geography=geography, destination=destination,
            period=parsed.code, period_start=parsed.start, period_end=parsed.end, value=amount, value_low=low,
            value_high=high, unit=unit, source=source,
        )  # fmt: skip
    return dataset


@pytest.mark.django_db
def test_the_comparison_puts_every_sources_value_side_by_side_across_data_sets():
    _dataset("MFA", [("citizens_abroad", "Kyrgyzstan", "", "2025-01", "608000", "persons", "MFA")])
    _dataset("Labour", [("citizens_abroad", "Kyrgyzstan", "", "2025-01", "798000", "persons", "Ministry of Labour")])
    _dataset("Labour 2", [("citizens_abroad", "Kyrgyzstan", "", "2026-01", "798000", "persons", "Ministry of Labour")])
    compared = official_comparison(indicator="citizens_abroad")
    assert [(item.period, item.values, item.disagree) for item in compared] == [
        ("2025-01", [("MFA", "608 000"), ("Ministry of Labour", "798 000")], True),
        ("2026-01", [("Ministry of Labour", "798 000")], False),
    ]


@pytest.mark.django_db
def test_a_table_with_a_destination_column_gives_the_origin_by_destination_matrix():
    dataset = _dataset(
        "Internal migration 2023",
        [
            ("internal_moves", "Batken", "Bishkek", "2023", "5 200", "persons", "NSC"),
            ("internal_moves", "Batken", "Chui", "2023", "1 100", "persons", "NSC"),
            ("internal_moves", "Osh region", "Bishkek", "2023", "7 400", "persons", "NSC"),
            ("citizens_abroad", "Kyrgyzstan", "", "2023", "700000", "persons", "NSC"),
        ],
    )
    (matrix,) = migration_matrices(dataset)
    assert (matrix.origins, matrix.destinations) == (["Batken", "Osh region"], ["Bishkek", "Chui"])
    assert matrix.rows() == [("Batken", [Decimal(5200), Decimal(1100)]), ("Osh region", [Decimal(7400), None])]


@pytest.mark.django_db
def test_release_cells_keep_numbers_numeric_and_give_a_range_no_single_value():
    dataset = _dataset(
        "Remittances",
        [
            ("remittances_share_of_gdp", "Kyrgyzstan", "", "2011-2024", "25-30", "percent", "World Bank"),
            ("remittances_share_of_gdp", "Kyrgyzstan", "", "2024", "24.5", "percent", "NBKR"),
        ],
    )
    table = release_cells(dataset, "remittances_share_of_gdp")
    assert table["dimensions"] == ["geography", "period", "source"]
    assert table["unit"] == "percent" and table["source"] == "World Bank; NBKR"
    first, second = table["cells"]
    assert first == {
        "cell": {"geography": "Kyrgyzstan", "period": "2011/2024", "source": "World Bank"},
        "value": None,
        "obs_status": "A",
        "conf_status": "F",
        "range": [25, 30],
        "note": "25–30",
    }
    assert second["value"] == 24.5 and second["cell"]["period"] == "2024"
    assert table["labels"]["source"]["NBKR"]["ru"] == "NBKR"


@pytest.mark.django_db
def test_release_cells_name_the_total_and_refuse_an_indicator_in_two_units():
    dataset = _dataset(
        "Regions",
        [
            ("migrants", "Total", "", "2018", "700000", "persons", "SMS"),
            ("migrants", "Batken", "", "2018", "265000", "persons", "SMS"),
            ("remittances", "Kyrgyzstan", "", "2024", "3000000000", "USD", "AFP"),
            ("remittances", "Kyrgyzstan", "", "2023", "25", "percent", "AFP"),
        ],
    )
    table = release_cells(dataset, "migrants")
    assert table["totals"] == {"geography": "Total"}
    assert [cell["value"] for cell in table["cells"]] == [265000, 700000]
    with pytest.raises(ValueError, match="more than one unit"):
        release_cells(dataset, "remittances")


@pytest.mark.django_db
def test_the_staff_pages_show_the_tables_their_figures_and_both_sources_named(sign_in, statistician, places):
    official_demo_import(actor=statistician)
    _dataset("Labour", [("citizens_abroad", "Kyrgyzstan", "", "2025-01", "798000", "persons", "Ministry of Labour")])
    client = sign_in(statistician)
    tables = client.get(reverse("staff:statistics_official"))
    assert tables.status_code == 200
    page = tables.content.decode()
    assert "kg-migration-figures.csv" in page and "?target=official_table" in page
    assert "Two sources for one figure: citizens_abroad, Kyrgyzstan, 2025-01" in page
    dataset = DataSet.objects.get(batch__isnull=False)
    detail = client.get(reverse("staff:statistics_official_table", kwargs={"dataset_id": dataset.public_id}))
    text = detail.content.decode()
    assert detail.status_code == 200 and "608 000" in text and "798 000" in text and "25–30" in text
    comparison = client.get(reverse("staff:statistics_official_comparison"), {"indicator": "citizens_abroad"})
    text = comparison.content.decode()
    assert "Kyrgyz MFA, cited in seed 004" in text and "Ministry of Labour" in text
    assert "english/365180" not in text  # the source of deportations, another indicator


@pytest.mark.django_db
def test_only_statisticians_see_the_official_table_pages(sign_in, officer_moscow, analyst):
    for user in (officer_moscow, analyst):
        assert sign_in(user).get(reverse("staff:statistics_official")).status_code == 404
