"""The downloads of a published table: CSV, XLSX and SDMX-CSV 2.0 carry the same figures, with the
same status flags, and no file tells a cell below the threshold from one suppressed to protect it."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from mekendesh.statistics import formats
from mekendesh.statistics.formats import TableData
from mekendesh.statistics.tests.public_support import SOURCE, STOCK, by_destination_sex


def stock_table() -> TableData:
    fields = by_destination_sex()
    return TableData(
        release="stock-2025",
        code=fields["code"],
        title=fields["title_en"],
        dimensions=tuple(fields["dimensions"]),
        cells=tuple(fields["cells"]),
        labels=fields["labels"],
        totals=fields["totals"],
        unit=fields["unit"],
        source=fields["source"],
        period=fields["period"],
        method=fields["method"],
    )


def csv_records(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_records(content: bytes) -> list[dict[str, str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True)["data"]
    rows = list(sheet.iter_rows(values_only=True))
    return [{str(k): "" if v is None else str(v) for k, v in zip(rows[0], row, strict=True)} for row in rows[1:]]


def sdmx_records(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def figures(records: list[dict[str, str]], destination: str = "destination", sex: str = "sex") -> dict:
    return {
        (row[destination], row[sex]): (row["OBS_VALUE"], row["OBS_STATUS"], row["CONF_STATUS"], row["UNIT"])
        for row in records
    }


def expected() -> dict:
    return {
        key: ("" if value is None else str(value), obs, "C" if conf in ("A", "D") else conf, "persons")
        for key, (value, obs, conf) in STOCK.items()
    }


def test_csv_xlsx_and_sdmx_csv_carry_the_same_figures_and_flags():
    table = stock_table()
    in_csv = figures(csv_records(formats.to_csv(table, "en")))
    in_xlsx = figures(xlsx_records(formats.to_xlsx(table, "en")))
    in_sdmx = figures(sdmx_records(formats.to_sdmx_csv(table)), "DESTINATION", "SEX")
    assert in_csv == in_xlsx == in_sdmx == expected()


def test_every_row_names_the_source_and_the_period_of_its_figure():
    table = stock_table()
    for records in (
        csv_records(formats.to_csv(table, "ky")),
        xlsx_records(formats.to_xlsx(table, "ky")),
        sdmx_records(formats.to_sdmx_csv(table)),
    ):
        assert len(records) == len(STOCK)
        assert {row["SOURCE"] for row in records} == {SOURCE}
        assert {row["TIME_PERIOD"] for row in records} == {"2025-12-31"}


def test_a_primary_and_a_secondary_suppression_look_the_same_in_every_file():
    table = stock_table()
    files = {
        "csv": csv_records(formats.to_csv(table, "en")),
        "xlsx": xlsx_records(formats.to_xlsx(table, "en")),
        "sdmx-csv": [
            {key.lower() if key in ("DESTINATION", "SEX") else key: value for key, value in row.items()}
            for row in sdmx_records(formats.to_sdmx_csv(table))
        ],
    }
    flags = ("OBS_VALUE", "OBS_STATUS", "CONF_STATUS")
    for name, rows in files.items():
        by_cell = {(row["destination"], row["sex"]): row for row in rows}
        primary, secondary = by_cell["KZ", "F"], by_cell["KZ", "M"]
        assert [primary[f] for f in flags] == [secondary[f] for f in flags] == ["", "O", "C"], name
        assert not any(row["CONF_STATUS"] in ("A", "D") for row in rows), name


def test_the_csv_and_xlsx_name_the_categories_in_the_readers_language():
    table = stock_table()
    kyrgyz = {(r["destination"], r["sex"]): r for r in csv_records(formats.to_csv(table, "ky"))}
    assert kyrgyz["NZ", "M"]["destination_label"] == "Жаңы Зеландия"
    assert kyrgyz["UZ", "_T"]["destination_label"] == "Өзбекстан"
    russian = {(r["destination"], r["sex"]): r for r in xlsx_records(formats.to_xlsx(table, "ru"))}
    assert russian["TR", "F"]["destination_label"] == "Турция"
    assert russian["TR", "F"]["sex_label"] == "Женщины"


def test_the_sdmx_csv_is_read_by_pysdmx_as_one_dataflow_with_its_attributes():
    pytest.importorskip("pandas")
    from pysdmx.io.csv.sdmx20.reader import read

    (dataset,) = read(formats.to_sdmx_csv(stock_table()).decode("utf-8"))
    assert dataset.short_urn == "Dataflow=MEKENDESH:STOCK_2025__BY-DESTINATION-SEX(1.0)"
    frame = dataset.data
    assert list(frame.columns[:2]) == ["DESTINATION", "SEX"]
    russian_women = frame[(frame["DESTINATION"] == "RU") & (frame["SEX"] == "F")].iloc[0]
    assert russian_women["OBS_VALUE"] == "1200"
    assert russian_women["CONF_STATUS"] == "F"
    assert set(frame["CONF_STATUS"]) == {"F", "C"}


def test_a_label_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text():
    fields = stock_table()
    labels = {"destination": {"RU": {"en": "=HYPERLINK(1)"}}, "sex": {}}
    table = TableData(**{**vars(fields), "labels": labels})
    rows = csv_records(formats.to_csv(table, "en"))
    assert rows[0]["destination_label"] == "'=HYPERLINK(1)"


MFA = "Kyrgyz MFA, 2025"
LABOUR = "Deputy Minister of Labour, 2026"


def official_table() -> TableData:
    """Two sources of the citizens abroad, side by side (as ``official.release_cells`` gives them)."""
    figures = [
        ("Kyrgyzstan", "2025-01", MFA, 608000),
        ("Kyrgyzstan", "2026-01", LABOUR, 798000),
        ("Kyrgyzstan", "2026-01", MFA, 651000),
    ]
    cells = tuple(
        {
            "cell": {"geography": geography, "period": period, "source": source},
            "value": value,
            "obs_status": "A",
            "conf_status": "F",
        }
        for geography, period, source, value in figures
    )
    languages = ("ky", "ru", "tk", "en")
    labels = {
        "geography": {"Kyrgyzstan": dict.fromkeys(languages, "Kyrgyzstan")},
        "period": {code: dict.fromkeys(languages, code) for code in ("2025-01", "2026-01")},
        "source": {code: dict.fromkeys(languages, code) for code in (MFA, LABOUR)},
    }
    return TableData(
        release="official-figures",
        code="citizens-abroad",
        title="Citizens abroad, by source",
        dimensions=("geography", "period", "source"),
        cells=cells,
        labels=labels,
        unit="persons",
        source=f"{MFA}; {LABOUR}",
        method="none",
    )


def test_each_official_figure_carries_its_own_source_in_csv_xlsx_and_sdmx_csv():
    table = official_table()
    expected_sources = {
        ("2025-01", "608000"): MFA,
        ("2026-01", "798000"): LABOUR,
        ("2026-01", "651000"): MFA,
    }
    for name, records, period in (
        ("csv", csv_records(formats.to_csv(table, "ru")), "period"),
        ("xlsx", xlsx_records(formats.to_xlsx(table, "ru")), "period"),
        ("sdmx-csv", sdmx_records(formats.to_sdmx_csv(table)), "PERIOD"),
    ):
        got = {(row[period], row["OBS_VALUE"]): row["SOURCE"] for row in records}
        assert got == expected_sources, name
        # The SOURCE attribute is the figure's source dimension, never the sources joined.
        assert not any(";" in row["SOURCE"] for row in records), name
        if name != "sdmx-csv":
            assert all(row["SOURCE"] == row["source_label"] == row["source"] for row in records), name


def test_the_sdmx_csv_of_an_official_table_has_one_column_per_name_and_each_figures_period():
    content = formats.to_sdmx_csv(official_table()).decode("utf-8")
    header = content.splitlines()[0].split(",")
    assert len(header) == len(set(header))
    assert "SOURCE_DIM" in header and header.count("SOURCE") == 1
    records = sdmx_records(content.encode("utf-8"))
    assert all(row["SOURCE"] == row["SOURCE_DIM"] for row in records)
    assert (
        [row["TIME_PERIOD"] for row in records]
        == [row["PERIOD"] for row in records]
        == [
            "2025-01",
            "2026-01",
            "2026-01",
        ]
    )
    for records in (csv_records(formats.to_csv(official_table(), "en")),):
        assert [row["TIME_PERIOD"] for row in records] == ["2025-01", "2026-01", "2026-01"]


def test_pysdmx_reads_each_official_figure_with_its_own_source():
    pytest.importorskip("pandas")
    from pysdmx.io.csv.sdmx20.reader import read

    (dataset,) = read(formats.to_sdmx_csv(official_table()).decode("utf-8"))
    frame = dataset.data
    by_figure = {(row["PERIOD"], row["OBS_VALUE"]): row["SOURCE"] for _index, row in frame.iterrows()}
    assert by_figure == {("2025-01", "608000"): MFA, ("2026-01", "798000"): LABOUR, ("2026-01", "651000"): MFA}
