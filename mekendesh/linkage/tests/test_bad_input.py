"""Bad input gives exit code 2, a message naming file, row and column, and no output file."""

from __future__ import annotations

from pathlib import Path

import pytest

from mekendesh.lib.terminal_language import LANGUAGE_VARIABLES
from mekendesh.linkage.cli import main
from mekendesh.linkage.io import InputError, read_records

GOOD = "id,full_name,birth_date\n1,Жээнбек Кулубаев,1985-03-12\n2,Садыр Жапаров,1968-12-06\n"


@pytest.fixture(autouse=True)
def _a_terminal_that_names_no_language(monkeypatch):
    """The messages are read in English, the command's own language: no language the machine's
    environment names may change them (the tests of the other languages are in test_languages)."""
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def _write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _run(tmp_path: Path, right: str | bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, Path]:
    left = _write(tmp_path / "left.csv", GOOD)
    bad = _write(tmp_path / "right.csv", right)
    out = tmp_path / "out.csv"
    code = main([str(left), str(bad), "--output", str(out), "--no-progress"])
    return code, capsys.readouterr().err, out


CASES = [
    pytest.param("id,name\n1,Бакыт\n", "row 1", "full_name", id="missing column"),
    pytest.param("", None, None, id="empty file"),
    pytest.param("id,full_name\n", None, None, id="header only"),
    pytest.param("id,full_name\n1,Бакыт Асанов\n1,Нурлан Асанов\n", "row 3", "id", id="duplicate id"),
    pytest.param("id,full_name,birth_date\n1,Бакыт Асанов,31.02.1990\n", "row 2", "birth_date", id="unparseable date"),
    pytest.param("id,full_name,birth_date\n1,Бакыт Асанов,1990-02-31\n", "row 2", "birth_date", id="impossible date"),
    pytest.param("id,full_name,birth_date\n1,Бакыт Асанов,2999-01-01\n", "row 2", "birth_date", id="future date"),
    pytest.param("id,full_name\n1,Бакыт Асанов\n2,   \n", "row 3", "full_name", id="empty name"),
    pytest.param(
        "id,full_name\n1,Бакыт Асанов\n2," + "Ы" * 10_000 + "\n", "row 3", "full_name", id="10000-character field"
    ),
    pytest.param("id,full_name,sex\n1,Бакыт Асанов,X\n", "row 2", "sex", id="unknown sex"),
    pytest.param("id,full_name\n1,Бакыт Асанов,extra\n", "row 2", None, id="extra field"),
    pytest.param("id,full_name\n,Бакыт Асанов\n", "row 2", "id", id="empty id"),
]


@pytest.mark.parametrize(("text", "row", "column"), CASES)
def test_bad_right_file_exits_2_names_the_place_and_writes_nothing(tmp_path, capsys, text, row, column):
    code, err, out = _run(tmp_path, text, capsys)
    assert code == 2
    assert "right.csv" in err
    if row:
        assert row in err
    if column:
        assert f"'{column}'" in err
    assert not out.exists()
    assert {p.name for p in tmp_path.iterdir()} == {"left.csv", "right.csv"}


def test_a_windows_1251_file_is_refused_with_its_row_and_column(tmp_path, capsys):
    text = "id,full_name\n1,Бакыт Асанов\n2,Нурлан Асанов\n".encode("cp1251")
    code, err, out = _run(tmp_path, b"id,full_name\n" + text.split(b"\n", 1)[1], capsys)
    assert code == 2
    assert "right.csv" in err and "row 2" in err and "'full_name'" in err and "UTF-8" in err
    assert not out.exists()


def test_a_missing_left_file_exits_2(tmp_path, capsys):
    right = _write(tmp_path / "right.csv", GOOD)
    out = tmp_path / "out.csv"
    assert main([str(tmp_path / "nope.csv"), str(right), "-o", str(out), "--no-progress"]) == 2
    assert "nope.csv" in capsys.readouterr().err
    assert not out.exists()


def test_an_unknown_option_exits_2(tmp_path, capsys):
    assert main(["a.csv", "b.csv"]) == 2
    assert "--output" in capsys.readouterr().err


def test_an_unusable_model_file_exits_2(tmp_path, capsys):
    left = _write(tmp_path / "left.csv", GOOD)
    right = _write(tmp_path / "right.csv", GOOD)
    model = _write(tmp_path / "model.json", '{"comparisons": []}')
    out = tmp_path / "out.csv"
    assert main([str(left), str(right), "-o", str(out), "--model", str(model), "--no-progress"]) == 2
    assert "model.json" in capsys.readouterr().err
    assert not out.exists()


def test_a_failed_run_leaves_an_existing_output_untouched(tmp_path, capsys):
    out = _write(tmp_path / "out.csv", "previous result\n")
    code, _, _ = _run(tmp_path, "id,full_name\n1,\n", capsys)
    assert code == 2
    assert out.read_text(encoding="utf-8") == "previous result\n"


def test_read_records_raises_input_error_with_file_row_and_column(tmp_path):
    path = _write(tmp_path / "list.csv", "id,full_name,birth_date\n7,Айпери Мөңкөбаева,1990-13-01\n")
    with pytest.raises(InputError) as info:
        read_records(path, "right")
    assert (Path(info.value.file).name, info.value.row, info.value.column) == ("list.csv", 2, "birth_date")


def test_read_records_accepts_a_bom_partial_dates_and_split_name_columns(tmp_path):
    path = _write(
        tmp_path / "reg.csv",
        "\ufeffID,Full_Name,Birth_Date,Sex,Surname,Given_Name,Patronymic\n"
        "a,Кулубаев Жээнбек,1985,m,Кулубаев,Жээнбек,\n"
        "b,Айпери Мөңкөбаева,1990-04,F,,,\n",
    )
    a, b = read_records(path, "left")
    assert (a.id, a.birth_date, a.sex, a.surname, a.patronymic) == ("a", "1985", "M", "Кулубаев", None)
    assert (b.birth_date, b.sex) == ("1990-04", "F")


def test_ids_and_names_a_spreadsheet_would_run_are_written_as_text(tmp_path, capsys):
    import csv

    left = _write(
        tmp_path / "left.csv",
        'id,full_name,birth_date\n=1+2,＝Жээнбек Кулубаев,1985-03-12\n"@SUM(A1)",Садыр Жапаров,1968-12-06\n',
    )
    right = _write(
        tmp_path / "right.csv",
        "id,full_name,birth_date\n-7,＋Жээнбек Кулубаев,1985-03-12\n+9,Садыр Жапаров,1968-12-06\n",
    )
    out = tmp_path / "out.csv"
    assert main([str(left), str(right), "--output", str(out), "--no-progress"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {(row["left_id"], row["right_id"]) for row in rows} == {("'=1+2", "'-7"), ("'@SUM(A1)", "'+9")}
    assert {row["left_full_name"] for row in rows} == {"'＝Жээнбек Кулубаев", "Садыр Жапаров"}
    assert {row["right_full_name"] for row in rows} == {"'＋Жээнбек Кулубаев", "Садыр Жапаров"}
    assert all(not row["match_weight"].startswith("'") for row in rows)
