"""``mekendesh link`` speaks the operator's language, chosen like every ``mekendesh`` command's:
``MEKENDESH_LANGUAGE``, else ``LC_ALL``, ``LC_MESSAGES``, ``LANG``. A refused file is still
named with its row and column, the exit code is still 2, and the output file's column names and
decisions are the same in every language.

The messages come from the compiled catalogues (``mekendesh compilemessages``)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mekendesh.lib.terminal_language import LANGUAGE_VARIABLES
from mekendesh.linkage.cli import main
from mekendesh.linkage.i18n import LOCALE_DIR

LEFT = "id,full_name,birth_date\n1,Жээнбек Кулубаев,1985-03-12\n2,Садыр Жапаров,1968-12-06\n"
RIGHT = "id,full_name,birth_date\n1,Zheenbek Kulubaev,1985-03-12\n2,Sadyr Japarov,1968-12-06\n"
DUPLICATE_ID = "id,full_name\n1,Бакыт Асанов\n1,Нурлан Асанов\n"
DOTTED_DATE = "id,full_name,birth_date\n1,Бакыт Асанов,31.02.1990\n"

# (language, right file, where the message says the problem is, what it says)
REFUSALS = [
    ("ru", DUPLICATE_ID, "строка 3, столбец 'id'", "повторяющийся идентификатор '1' (впервые — в строке 2)"),
    ("ru", DOTTED_DATE, "строка 2, столбец 'birth_date'", "'31.02.1990' — не дата в формате ГГГГ-ММ-ДД"),
    ("ky", DUPLICATE_ID, "3-сап, 'id' тилкеси", "'1' идентификатору кайталанат (биринчи жолу 2-сапта)"),
    ("ky", DOTTED_DATE, "2-сап, 'birth_date' тилкеси", "'31.02.1990' — ЖЖЖЖ-АА-КК түрүндөгү дата эмес"),
    ("tk", DUPLICATE_ID, "setir 3, 'id' sütüni", "'1' identifikatory gaýtalanýar (ilkinji gezek: setir 2)"),
    ("tk", DOTTED_DATE, "setir 2, 'birth_date' sütüni", "'31.02.1990' ÝÝÝÝ-AA-GG görnüşindäki sene däl"),
]


@pytest.fixture
def terminal(monkeypatch):
    """``terminal(LANG="ru_RU.UTF-8")``: an environment with these language variables and no other."""
    for language in ("ky", "ru", "tk"):
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "django.mo").is_file(), (
            "compile the catalogues first: mekendesh compilemessages"
        )
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def set_environment(**variables: str) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    return set_environment


def _link(tmp_path: Path, right: str, capsys, *options: str) -> tuple[int, str, Path]:
    (tmp_path / "left.csv").write_text(LEFT, encoding="utf-8")
    (tmp_path / "right.csv").write_text(right, encoding="utf-8")
    out = tmp_path / "out.csv"
    code = main([str(tmp_path / "left.csv"), str(tmp_path / "right.csv"), "-o", str(out), "--no-progress", *options])
    return code, capsys.readouterr().err, out


@pytest.mark.parametrize(("language", "right", "where", "what"), REFUSALS)
def test_a_refused_file_is_explained_in_the_operators_language(
    tmp_path, capsys, terminal, language, right, where, what
):
    terminal(MEKENDESH_LANGUAGE=language)
    code, err, out = _link(tmp_path, right, capsys)
    assert code == 2
    assert err == f"mekendesh link: {tmp_path / 'right.csv'}, {where}: {what}\n"
    assert not out.exists()


def test_the_posix_locale_alone_chooses_russian(tmp_path, capsys, terminal):
    terminal(LANG="ru_RU.UTF-8")
    code, err, out = _link(tmp_path, DUPLICATE_ID, capsys)
    assert code == 2
    assert f"{tmp_path / 'right.csv'}, строка 3, столбец 'id': повторяющийся идентификатор '1'" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("variables", "row"),
    [
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": "en_US.UTF-8"}, "row 3"),
        ({"LANG": "en_GB.UTF-8", "MEKENDESH_LANGUAGE": "tk"}, "setir 3"),
        ({"LANG": "de_DE.UTF-8"}, "row 3"),
        ({"LANG": "C.UTF-8"}, "row 3"),
        ({}, "row 3"),
    ],
)
def test_the_first_language_variable_set_decides_and_english_is_the_default(tmp_path, capsys, terminal, variables, row):
    terminal(**variables)
    code, err, _ = _link(tmp_path, DUPLICATE_ID, capsys)
    assert code == 2
    assert f"right.csv, {row}, " in err


def test_a_missing_left_file_is_named_with_its_role(tmp_path, capsys, terminal):
    terminal(MEKENDESH_LANGUAGE="ru")
    (tmp_path / "right.csv").write_text(RIGHT, encoding="utf-8")
    out = tmp_path / "out.csv"
    code = main([str(tmp_path / "nope.csv"), str(tmp_path / "right.csv"), "-o", str(out), "--no-progress"])
    assert code == 2
    assert capsys.readouterr().err == f"mekendesh link: {tmp_path / 'nope.csv'}: левый файл не существует\n"


def test_a_forgotten_option_is_explained_in_kyrgyz(terminal, capsys):
    terminal(MEKENDESH_LANGUAGE="ky")
    assert main(["left.csv", "right.csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("колдонуу: mekendesh link")
    assert err.endswith("mekendesh link: ката: милдеттүү аргументтер көрсөтүлгөн эмес: --output/-o\n")


def test_the_help_is_in_turkmen(terminal, capsys):
    terminal(MEKENDESH_LANGUAGE="tk")
    assert main(["--help"]) == 0
    help_text = capsys.readouterr().out
    assert "Iki CSV faýlynda" in help_text
    assert "şu kömegi görkezmek we çykmak" in help_text
    assert "--output" in help_text and "usage" not in help_text


def test_the_output_file_is_the_same_in_every_language(tmp_path, capsys, terminal):
    terminal(MEKENDESH_LANGUAGE="en")
    code, english_summary, english = _link(tmp_path, RIGHT, capsys)
    assert code == 0
    english_rows = english.read_text(encoding="utf-8")
    terminal(MEKENDESH_LANGUAGE="ru")
    code, russian_summary, russian = _link(tmp_path, RIGHT, capsys)
    assert code == 0
    assert russian.read_text(encoding="utf-8") == english_rows
    assert {row["decision"] for row in csv.DictReader(english_rows.splitlines())} == {"match"}
    assert english_summary == f"mekendesh link: 2 × 2 records, 2 pairs (2 match, 0 review) written to {english}\n"
    assert russian_summary == f"mekendesh link: записей: 2 × 2; в {russian} записано пар: 2 (match: 2, review: 0)\n"


def test_the_installed_command_reads_the_language_of_the_terminal(tmp_path):
    (tmp_path / "left.csv").write_text(LEFT, encoding="utf-8")
    (tmp_path / "right.csv").write_text(DOTTED_DATE, encoding="utf-8")
    environment = {name: value for name, value in os.environ.items() if name not in LANGUAGE_VARIABLES}
    run = subprocess.run(
        [sys.executable, "-m", "mekendesh", "link", "left.csv", "right.csv", "--output", "out.csv"],
        cwd=tmp_path,
        env={**environment, "LANG": "ru_RU.UTF-8"},
        capture_output=True,
        encoding="utf-8",
    )
    assert run.returncode == 2
    assert run.stderr == (
        "mekendesh link: right.csv, строка 2, столбец 'birth_date': '31.02.1990' — не дата в формате ГГГГ-ММ-ДД\n"
    )
    assert not (tmp_path / "out.csv").exists()
