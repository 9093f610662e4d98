"""Official tables arrive through the import pipeline (target ``official_table``): each file one
data set with its figures, stored whole or not at all; disagreeing sources are both kept and said
to disagree; every bad row is named by its row and column, and nothing of its file is stored."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from mekendesh.statistics.models import DataSet, OfficialFigure
from mekendesh.statistics.official import DEMO_FILE, official_demo_import

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

HEADER = ["indicator", "geography", "period", "value", "unit", "source"]


@pytest.fixture(autouse=True)
def _inline_jobs(settings, django_capture_on_commit_callbacks):
    settings.IMPORT_INLINE_HEARTBEAT = False
    with django_capture_on_commit_callbacks(execute=True):
        yield


def table_csv(rows, header=HEADER, *, delimiter=",", encoding="utf-8") -> bytes:
    def cell(value: str) -> str:
        return f'"{value}"' if delimiter in value or '"' in value else value

    lines = [delimiter.join(cell(value) for value in row) for row in [header, *rows]]
    return ("\n".join(lines) + "\n").encode(encoding)


@pytest.fixture
def send_table(tmp_path, statistician):
    """``send_table(rows or bytes, header=..., actor=...)`` → (exit code, output)."""
    counter = {"n": 0}

    def send(rows, *, header=HEADER, actor=None, source="Ministry tables", name=None, extra=()):
        counter["n"] += 1
        data = rows if isinstance(rows, bytes) else table_csv(rows, header)
        path = tmp_path / (name or f"table-{counter['n']}.csv")
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        code = 0
        try:
            call_command(
                "import", str(path), "--target", "official_table", "--source", source,
                "--as", (actor or statistician).email, "--no-progress", *extra, stdout=out, stderr=err,
            )  # fmt: skip
        except SystemExit as exc:
            code = int(exc.code or 0)
        return code, out.getvalue() + err.getvalue()

    return send


def test_the_shipped_file_keeps_both_disagreeing_counts_of_citizens_abroad(send_table, places):
    code, output = send_table(DEMO_FILE.read_bytes(), name=DEMO_FILE.name)
    assert code == 0, output
    dataset = DataSet.objects.get(kind="official")
    assert dataset.figures.count() == 23
    abroad = {
        (figure.period, figure.value, figure.source.split(",")[0])
        for figure in OfficialFigure.objects.filter(indicator="citizens_abroad", geography="Kyrgyzstan")
    }
    assert abroad == {("2025-01", 608000, "Kyrgyz MFA"), ("2026-01", 798000, "Deputy Minister of Labour")}
    first_half = OfficialFigure.objects.get(period="2024-S1")
    assert (str(first_half.period_start), str(first_half.period_end)) == ("2024-01-01", "2024-06-30")
    share = OfficialFigure.objects.get(indicator="remittances_share_of_gdp")
    assert (share.period, str(share.period_start), str(share.period_end)) == ("2011/2024", "2011-01-01", "2024-12-31")
    assert (share.value, share.value_low, share.value_high) == (None, 25, 30)
    months = OfficialFigure.objects.get(indicator="remittances_share_from_russia")
    assert (months.period, str(months.period_end)) == ("2025-01/2025-05", "2025-05-31")
    day = OfficialFigure.objects.get(indicator="on_controlled_persons_register", period="2026-01-15")
    assert day.period_start == day.period_end and day.value == 34786


def test_the_demo_import_imports_the_shipped_table_once(statistician, places):
    first = official_demo_import(actor=statistician)
    assert first is not None and first.figures.count() == 23
    again = official_demo_import(actor=statistician)
    assert again == first and DataSet.objects.filter(kind="official").count() == 1


def test_two_sources_for_one_figure_are_both_kept_and_the_summary_says_so(send_table, places):
    rows = [
        ["citizens_abroad", "Kyrgyzstan", "2025-01", "608 000", "persons", "Kyrgyz MFA"],
        ["citizens_abroad", "Kyrgyzstan", "2025-01", "798,000", "persons", "Ministry of Labour"],
    ]
    code, output = send_table(rows)
    assert code == 0, output
    assert sorted(OfficialFigure.objects.values_list("source", "value")) == [
        ("Kyrgyz MFA", 608000),
        ("Ministry of Labour", 798000),
    ]
    assert "Two sources for one figure: citizens_abroad, Kyrgyzstan, 2025-01" in output
    assert "Kyrgyz MFA: 608 000" in output and "Ministry of Labour: 798 000" in output


def test_the_same_figure_twice_from_one_source_is_refused_naming_both_rows_and_nothing_is_stored(send_table, places):
    rows = [
        ["citizens_abroad", "Kyrgyzstan", "2025-01", "608 000", "persons", "Kyrgyz MFA"],
        ["citizens_abroad", "Kyrgyzstan", "2025-01", "798,000", "persons", "Ministry of Labour"],
        ["deportations", "Russia", "2025", "311", "persons", "24.kg"],
        ["citizens_abroad", "Russia", "2025-01", "350 000", "persons", "Kyrgyz MFA"],
        ["deportations", "Kazakhstan", "2025", "12", "persons", "24.kg"],
        ["citizens_abroad", "kyrgyzstan", "2025-01", "610 000", "persons", "Kyrgyz MFA"],
    ]
    code, output = send_table(rows)
    assert code != 0
    assert (
        "row 7, source: Row 7 repeats row 2: the same figure (citizens_abroad, kyrgyzstan, 2025-01, Kyrgyz MFA) "
        "is given twice by the same source." in output
    ), output
    # The other source's figure for the same month is not a repeat; nothing of the file is stored.
    assert "row 3," not in output
    assert not DataSet.objects.exists() and not OfficialFigure.objects.exists()


def test_the_same_figure_for_two_periods_or_destinations_is_not_a_repeat(send_table, places):
    header = ["indicator", "geography", "destination", "period", "value", "unit", "source"]
    rows = [
        ["internal_migration", "Osh", "Bishkek", "2024", "1200", "persons", "NSC"],
        ["internal_migration", "Osh", "Chuy", "2024", "800", "persons", "NSC"],
        ["internal_migration", "Osh", "Bishkek", "2023", "1100", "persons", "NSC"],
    ]
    code, output = send_table(rows, header=header)
    assert code == 0, output
    assert OfficialFigure.objects.count() == 3


def test_the_same_file_twice_makes_no_second_data_set(send_table, places):
    rows = [["deportations", "Russia", "2025", "311", "persons", "24.kg"]]
    send_table(rows)
    code, output = send_table(rows)
    assert code == 0 and "already imported" in output
    assert DataSet.objects.count() == 1 and OfficialFigure.objects.count() == 1


def test_headers_in_russian_kyrgyz_and_turkmen_are_recognised(send_table, places):
    russian = ["Показатель", "Территория", "Период", "Значение", "Единица измерения", "Источник", "Примечание"]
    row = ["граждане за рубежом", "Кыргызстан", "2025-Q3", "1 234,5", "тыс. человек", "МИД", "оценка"]
    code, output = send_table(table_csv([row], russian, delimiter=";", encoding="cp1251"))
    assert code == 0, output
    figure = OfficialFigure.objects.get()
    assert (figure.period, str(figure.value), figure.note) == ("2025-Q3", "1234.5000", "оценка")
    kyrgyz = ["Көрсөткүч", "Аймак", "Мезгил", "Мааниси", "Бирдик", "Булагы"]
    code, output = send_table([["мигранттар", "Баткен", "2018", "265000", "адам", "МКМ"]], header=kyrgyz)
    assert code == 0, output
    turkmen = ["Görkeziji", "Sebit", "Döwür", "Bahasy", "Ölçeg birligi", "Çeşmesi"]
    code, output = send_table([["migrantlar", "Mary", "2024-H1", "1200", "adam", "Statistika"]], header=turkmen)
    assert code == 0, output
    assert OfficialFigure.objects.get(geography="Mary").period == "2024-S1"


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("01.2025", "“01.2025” is not a period in an accepted form"),
        ("янв 2025", "“янв 2025” is not a period in an accepted form"),
        ("2025/13", "“2025/13” is not a period in an accepted form"),
    ],
)
def test_a_period_in_another_form_is_named_with_its_row_and_column_and_nothing_is_stored(
    send_table, places, period, expected
):
    rows = [
        ["citizens_abroad", "Kyrgyzstan", "2025-01", "608000", "persons", "MFA"],
        ["citizens_abroad", "Kyrgyzstan", period, "608000", "persons", "MFA"],
    ]
    code, output = send_table(rows)
    assert code != 0
    assert f"row 3, period: {expected}" in output
    assert "2024-Q3" in output and "2025-01..05" in output  # the accepted forms are named
    assert not DataSet.objects.exists() and not OfficialFigure.objects.exists()


def test_a_period_whose_meaning_is_clear_gets_its_normalised_form_suggested(send_table, places):
    rows = [
        ["a", "Kyrgyzstan", "01.2025", "1", "persons", "MFA"],
        ["b", "Kyrgyzstan", "янв 2025", "1", "persons", "MFA"],
        ["c", "Kyrgyzstan", "15.01.2026", "1", "persons", "MFA"],
    ]
    _code, output = send_table(rows)
    assert "row 2, period: “01.2025” is not a period in an accepted form" in output
    assert "write 2025-01." in output.splitlines()[1] + output.splitlines()[2]
    assert output.count("write 2025-01.") == 2 and "write 2026-01-15." in output
    assert not OfficialFigure.objects.exists()


@pytest.mark.parametrize(
    ("value", "unit", "column", "message"),
    [
        ("about 600", "persons", "value", "“about 600” is not a number"),
        ("-311", "persons", "value", "-311 persons: a count cannot be negative."),
        ("608000", "", "unit", "The unit is missing"),
    ],
)
def test_a_bad_value_or_unit_is_named_with_its_row_and_column_and_nothing_is_stored(
    send_table, places, value, unit, column, message
):
    rows = [
        ["deportations", "Russia", "2024", "290", "persons", "24.kg"],
        ["deportations", "Russia", "2025", value, unit, "24.kg"],
    ]
    code, output = send_table(rows)
    assert code != 0
    assert f"row 3, {column}: {message}" in output
    assert not DataSet.objects.exists() and not OfficialFigure.objects.exists()


def test_a_negative_percentage_change_is_a_figure_not_an_error(send_table, places):
    code, output = send_table([["remittances_change", "Kyrgyzstan", "2025", "-4.5", "percent", "NBKR"]])
    assert code == 0, output
    assert str(OfficialFigure.objects.get().value) == "-4.5000"


def test_a_total_smaller_than_its_parts_is_refused_on_the_totals_row(send_table, places):
    rows = [
        ["migrants_by_origin_region", "Total", "2018", "400000", "persons", "SMS"],
        ["migrants_by_origin_region", "Batken", "2018", "265000", "persons", "SMS"],
        ["migrants_by_origin_region", "Jalal-Abad", "2018", "227000", "persons", "SMS"],
    ]
    code, output = send_table(rows)
    assert code != 0
    assert (
        "row 2, value: The total does not add up: its parts (rows 3, 4) sum to 492 000, more than the total 400 000."
        in output
    )
    assert not DataSet.objects.exists()


def test_the_country_is_the_total_of_its_regions(send_table, places):
    rows = [
        ["migrants_by_origin_region", "Kyrgyzstan", "2018", "300000", "persons", "SMS"],
        ["migrants_by_origin_region", "Batken", "2018", "265000", "persons", "SMS"],
        ["migrants_by_origin_region", "Чүй облусу", "2018", "110000", "persons", "SMS"],
    ]
    _code, output = send_table(rows)
    assert "row 2, value: The total does not add up" in output
    assert not OfficialFigure.objects.exists()


def test_totals_that_add_up_and_totals_of_shares_are_taken(send_table, places):
    rows = [
        ["migrants_by_origin_region", "Всего", "2018", "700000", "persons", "SMS"],
        ["migrants_by_origin_region", "Batken", "2018", "265000", "persons", "SMS"],
        ["migrants_by_origin_region", "Jalal-Abad", "2018", "227000", "persons", "SMS"],
        # Shares do not add up to their total: 60 % + 70 % of two regions is no contradiction.
        ["share_employed", "Итого", "2018", "50", "percent", "SMS"],
        ["share_employed", "Batken", "2018", "60", "percent", "SMS"],
        ["share_employed", "Jalal-Abad", "2018", "70", "percent", "SMS"],
        # Another source's parts are not this total's.
        ["migrants_by_origin_region", "Osh region", "2018", "500000", "persons", "Another survey"],
    ]
    code, output = send_table(rows)
    assert code == 0, output
    assert OfficialFigure.objects.count() == 7


def test_a_consular_officer_cannot_import_official_tables(send_table, officer_moscow, places):
    code, output = send_table([["deportations", "Russia", "2025", "311", "persons", "24.kg"]], actor=officer_moscow)
    assert code != 0 and "may not import" in output
    assert not DataSet.objects.exists()


def test_the_import_page_offers_official_tables_to_the_statistician_and_its_summary_names_both_sources(
    send_table, sign_in, statistician, places
):
    from mekendesh.imports.models import ImportBatch

    client = sign_in(statistician)
    page = client.get(reverse("staff:imports"), {"target": "official_table"})
    assert page.status_code == 200 and "Official table of migration figures" in page.content.decode()
    rows = [
        ["citizens_abroad", "Kyrgyzstan", "2025-01", "608000", "persons", "Kyrgyz MFA"],
        ["citizens_abroad", "Kyrgyzstan", "2025-01", "798000", "persons", "Ministry of Labour"],
    ]
    send_table(rows)
    batch = ImportBatch.objects.get(target="official_table")
    detail = client.get(reverse("staff:import_detail", kwargs={"import_id": batch.public_id})).content.decode()
    assert "Two sources for one figure: citizens_abroad, Kyrgyzstan, 2025-01" in detail
    assert "Kyrgyz MFA: 608 000" in detail and "Ministry of Labour: 798 000" in detail
