"""The file-reading layer of the bulk import, on files built here as consulates and host countries send them."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import pickle
import re
import struct
import subprocess
import sys
import tracemalloc
import zipfile

import defusedxml.ElementTree
import openpyxl
import openpyxl.xml.functions
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from mekendesh.lib.tabular import (
    MESSAGES,
    REFUSAL_CODES,
    FileGuess,
    FileRefused,
    Row,
    count_rows,
    file_sha256,
    preview,
    read_rows,
    sniff,
)

HEADER = "ФИО;Дата рождения;Гражданство"
# Windows-1251 and KOI8-R have no Ң, Ө, Ү: files in them write Kyrgyz names with Russian letters.
RUSSIAN_ROWS = [
    "Кулубаев Жээнбек Асанович;12.03.1990;Кыргызстан",
    "Омурбекова Айгуль Талантовна;01.01.1985;Кыргызстан",
    "Сыдыков Нурлан Эркинович;30.11.1979;Кыргызская Республика",
]
KYRGYZ_ROWS = [
    "Өмүрбекова Айгүл Таалайбековна;05.06.1992;Кыргызстан",
    "Кулубаев Жээнбек Асанович;12.03.1990;Кыргызстан",
]


def text_file(tmp_path, lines, encoding, *, name="list.csv", newline="\r\n", prefix=b""):
    path = tmp_path / name
    path.write_bytes(prefix + (newline.join(lines) + newline).encode(encoding))
    return path


def refusal(path, **overrides) -> FileRefused:
    with pytest.raises(FileRefused) as caught:
        sniff(path, **overrides)
    return caught.value


def values(path, guess=None):
    return [row.values for row in read_rows(path, guess or sniff(path))]


# Encodings ---------------------------------------------------------------------------------------


def test_utf8_with_bom_and_semicolons(tmp_path):
    path = text_file(tmp_path, [HEADER, *KYRGYZ_ROWS], "utf-8-sig")
    guess = sniff(path)
    assert guess == FileGuess(kind="csv", encoding="utf-8-sig", delimiter=";", quotechar='"', bom=True)
    assert values(path, guess) == [HEADER.split(";"), *(row.split(";") for row in KYRGYZ_ROWS)]


def test_utf8_without_bom(tmp_path):
    path = text_file(tmp_path, [HEADER, *KYRGYZ_ROWS], "utf-8")
    guess = sniff(path)
    assert (guess.encoding, guess.bom) == ("utf-8", False)
    assert values(path, guess)[1][0] == "Өмүрбекова Айгүл Таалайбековна"


def test_cp1251_with_semicolons(tmp_path):
    path = text_file(tmp_path, [HEADER, *RUSSIAN_ROWS], "cp1251")
    guess = sniff(path)
    assert (guess.encoding, guess.delimiter, guess.bom) == ("cp1251", ";", False)
    assert values(path, guess)[1] == ["Кулубаев Жээнбек Асанович", "12.03.1990", "Кыргызстан"]


def test_cp1251_after_a_utf8_byte_order_mark(tmp_path):
    # Some export tools write the UTF-8 mark in front of Windows-1251 text.
    path = text_file(tmp_path, [HEADER, *RUSSIAN_ROWS], "cp1251", prefix=b"\xef\xbb\xbf")
    guess = sniff(path)
    assert (guess.encoding, guess.bom) == ("cp1251", True)
    assert values(path, guess)[0] == ["ФИО", "Дата рождения", "Гражданство"]


def test_koi8_r_is_told_from_cp1251(tmp_path):
    path = text_file(tmp_path, [HEADER, *RUSSIAN_ROWS], "koi8-r")
    guess = sniff(path)
    assert guess.encoding == "koi8-r"
    assert values(path, guess)[2][0] == "Омурбекова Айгуль Талантовна"


def test_koi8_r_host_country_list_in_capitals(tmp_path):
    lines = [line.upper() for line in [HEADER, *RUSSIAN_ROWS]]
    assert sniff(text_file(tmp_path, lines, "koi8-r")).encoding == "koi8-r"
    assert sniff(text_file(tmp_path, lines, "cp1251", name="b.csv")).encoding == "cp1251"


def test_a_cp1251_byte_late_in_an_ascii_file_is_not_taken_for_utf8(tmp_path):
    lines = ["id;passport;birth"] + [f"{n};AC{n:07d};1990-01-01" for n in range(20_000)] + ["20000;Кулубаев;1990-01-01"]
    path = text_file(tmp_path, lines, "cp1251")
    assert path.stat().st_size > 300_000
    guess = sniff(path)
    assert guess.encoding == "cp1251"
    assert list(read_rows(path, guess))[-1] == Row(20_002, ["20000", "Кулубаев", "1990-01-01"])


def test_utf16_le_with_bom(tmp_path):
    path = text_file(tmp_path, [HEADER.replace(";", "\t"), *(r.replace(";", "\t") for r in KYRGYZ_ROWS)], "utf-16")
    assert path.read_bytes()[:2] == b"\xff\xfe"
    guess = sniff(path)
    assert (guess.encoding, guess.bom, guess.delimiter) == ("utf-16", True, "\t")
    assert values(path, guess)[1][0] == "Өмүрбекова Айгүл Таалайбековна"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, codec):
    path = text_file(tmp_path, [HEADER, *KYRGYZ_ROWS], codec)
    guess = sniff(path)
    assert (guess.encoding, guess.bom) == (codec, False)
    assert values(path, guess)[0] == ["ФИО", "Дата рождения", "Гражданство"]


def test_officer_corrects_the_encoding(tmp_path):
    path = text_file(tmp_path, [HEADER, *RUSSIAN_ROWS], "cp1251")
    guess = sniff(path, encoding="KOI8_R")
    assert guess.encoding == "koi8-r"  # the officer's word, in Python's spelling
    assert values(path, guess)[0][0] == "тхн"  # what the officer then sees in the preview


def test_a_corrected_encoding_that_does_not_fit_is_refused_with_the_offset(tmp_path):
    path = text_file(tmp_path, ["id;name", "1;Кулубаев"], "cp1251")
    refused = refusal(path, encoding="utf-8")
    assert refused.code == "undecodable"
    assert refused.params == {"encoding": "utf-8", "offset": 11}
    with pytest.raises(ValueError):
        sniff(path, encoding="no-such-codec")


def test_reading_with_a_wrong_hand_made_guess_names_the_row(tmp_path):
    path = text_file(tmp_path, ["id;name", "1;Кулубаев"], "cp1251")
    guess = FileGuess(kind="csv", encoding="utf-8", delimiter=";", quotechar='"')
    with pytest.raises(FileRefused) as caught:
        list(read_rows(path, guess))
    assert caught.value.code == "undecodable_row"
    assert caught.value.params["row"] == 1


# Dialect and rows --------------------------------------------------------------------------------


def test_mixed_line_endings(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("ФИО;Год\r\nАсанов;1990\nБекова;1991\rСыдыков;1992\r\n".encode())
    assert list(read_rows(path, sniff(path))) == [
        Row(1, ["ФИО", "Год"]),
        Row(2, ["Асанов", "1990"]),
        Row(3, ["Бекова", "1991"]),
        Row(4, ["Сыдыков", "1992"]),
    ]


def test_quoted_field_with_a_line_break_is_one_record(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text(
        'ФИО;Место пребывания\r\nАсанов;"г. Москва,\r\nул. Ленина, д. 1"\r\nБекова;"Казань ""центр"""\r\nСыдыков;Бишкек\r\n',
        encoding="utf-8",
    )
    rows = list(read_rows(path, sniff(path)))
    assert rows == [
        Row(1, ["ФИО", "Место пребывания"]),
        Row(2, ["Асанов", "г. Москва,\r\nул. Ленина, д. 1"]),
        Row(3, ["Бекова", 'Казань "центр"']),
        Row(4, ["Сыдыков", "Бишкек"]),
    ]


def test_empty_records_are_skipped_but_counted(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("a;b\n\n1;2\n;\n  ;  \n3;4\n", encoding="utf-8")
    assert [row.number for row in read_rows(path, sniff(path))] == [1, 3, 6]
    assert count_rows(path, sniff(path)) == 3


def test_tab_delimited(tmp_path):
    path = text_file(tmp_path, [line.replace(";", "\t") for line in [HEADER, *RUSSIAN_ROWS]], "utf-8")
    assert sniff(path).delimiter == "\t"


def test_comma_delimited_with_commas_inside_quotes(tmp_path):
    lines = [
        "ФИО,Дата рождения,Адрес",
        '"Кулубаев, Жээнбек",12.03.1990,"Москва, ул. Ленина, 1"',
        "Асанов Бакыт,01.01.1985,Казань",
    ]
    path = text_file(tmp_path, lines, "utf-8")
    guess = sniff(path)
    assert guess.delimiter == ","
    assert values(path, guess)[1] == ["Кулубаев, Жээнбек", "12.03.1990", "Москва, ул. Ленина, 1"]


def test_semicolons_win_over_commas_in_the_values(tmp_path):
    lines = ["ФИО;Рост;Вес", "Асанов, Бакыт;1,75;70,5", "Бекова, Айгуль;1,62;55,0", "Сыдыков;1,80;80"]
    assert sniff(text_file(tmp_path, lines, "utf-8")).delimiter == ";"


def test_officer_corrects_the_delimiter(tmp_path):
    path = text_file(tmp_path, ["a;b,c", "1;2,3"], "utf-8")
    guess = sniff(path, delimiter=",")
    assert values(path, guess) == [["a;b", "c"], ["1;2", "3"]]
    with pytest.raises(ValueError):
        sniff(path, delimiter='"')


def test_the_file_name_does_not_matter(tmp_path):
    path = text_file(tmp_path, [HEADER, *RUSSIAN_ROWS], "utf-8", name="list.xlsx")
    assert sniff(path).kind == "csv"


def test_a_runaway_quote_is_refused_with_its_row(tmp_path):
    path = tmp_path / "runaway.csv"
    path.write_text('a;b\n1;2\n3;"never closed\n' + "x;y\n" * 40_000, encoding="utf-8")
    guess = FileGuess(kind="csv", encoding="utf-8", delimiter=";", quotechar='"')
    with pytest.raises(FileRefused) as caught:
        list(read_rows(path, guess))
    assert caught.value.code == "malformed_csv"
    assert caught.value.params["row"] == 3


def test_preview_and_count(tmp_path):
    lines = [HEADER] + [f"Асанов {n};01.01.1990;Кыргызстан" for n in range(25)]
    path = text_file(tmp_path, lines, "cp1251")
    guess = sniff(path)
    assert [row.number for row in preview(path, guess)] == list(range(1, 11))
    assert preview(path, guess, rows=2)[1].values[0] == "Асанов 0"
    assert count_rows(path, guess) == 26


def test_file_sha256(tmp_path):
    path = text_file(tmp_path, [HEADER], "utf-8")
    assert file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()


# Empty files and files that are not tables -------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b" \r\n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", "\n".encode("utf-16")])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    assert refusal(path).code == "empty"


def test_headers_only(tmp_path):
    assert refusal(text_file(tmp_path, [HEADER, ";;", ""], "cp1251")).code == "no_records"


@pytest.mark.parametrize(
    ("content", "code", "what"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200, "executable", "Windows"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "executable", "ELF"),
        (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 100, "executable", "Mach-O"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "pdf", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "image", "GIF"),
        (gzip.compress(b"a;b\n1;2\n", mtime=0), "archive", "gzip"),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "archive", "7z"),
        (b"Rar!\x1a\x07\x01\x00", "archive", "RAR"),
        (b"\xef\xbb\xbf\r\n  <!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>", "html", "HTML"),
        (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', "html", "XML"),
        ("<html><body>Список</body></html>".encode("utf-16"), "html", "HTML"),
    ],
)
def test_files_that_are_not_tables_are_named(tmp_path, content, code, what):
    path = tmp_path / "registrations.csv"
    path.write_bytes(content)
    refused = refusal(path)
    assert (refused.code, refused.params) == (code, {"format": what})


def test_html_named_xlsx(tmp_path):
    path = tmp_path / "registrations.xlsx"
    path.write_text("<html><head><meta charset='utf-8'></head><body><table></table></body></html>", encoding="utf-8")
    assert refusal(path).code == "html"


def test_a_csv_whose_first_value_starts_with_mz_is_text(tmp_path):
    assert sniff(text_file(tmp_path, ["MZ-номер;ФИО", "17;Асанов"], "utf-8")).kind == "csv"


def test_binary_data(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 40)
    assert refusal(path).code == "binary"


def test_text_with_nul_bytes_is_binary(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"a;b\r\n1;2\x00\x00\x00\x00garbage\x00\x01\r\n3;4\r\n")
    assert refusal(path).code == "binary"


def test_too_large(tmp_path):
    path = text_file(tmp_path, [HEADER, *RUSSIAN_ROWS], "utf-8")
    refused = refusal(path, max_file_bytes=100)
    assert refused.code == "too_large"
    assert refused.params == {"size": path.stat().st_size, "limit": 100}


# OLE2 files --------------------------------------------------------------------------------------


def ole2(stream_names, *, misalign=0):
    """The header of a compound file and one directory sector holding entries with these names."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HH", 0x3E, 0x3) + b"\xff" * 484
    entries = b""
    for name in ["Root Entry", *stream_names]:
        encoded = (name + "\x00").encode("utf-16-le")
        entries += encoded.ljust(64, b"\x00") + struct.pack("<H", len(encoded)) + b"\x02" * 62
    return header + b"\x00" * misalign + entries.ljust(512 * 4, b"\x00")


def test_password_protected_xlsx(tmp_path):
    path = tmp_path / "registrations.xlsx"
    path.write_bytes(ole2(["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]))
    assert refusal(path).code == "encrypted"


def test_legacy_xls(tmp_path):
    path = tmp_path / "registrations.xlsx"
    path.write_bytes(ole2(["Workbook", "\x05SummaryInformation"]))
    refused = refusal(path)
    assert refused.code == "legacy_office"
    assert "save it as XLSX or CSV" in str(refused)


def test_the_stream_name_counts_only_where_a_directory_entry_starts(tmp_path):
    path = tmp_path / "registrations.xls"
    path.write_bytes(ole2(["EncryptedPackage"], misalign=2))
    assert refusal(path).code == "legacy_office"


# ZIP archives ------------------------------------------------------------------------------------

CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def zip_file(path, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def workbook_members(extra=None):
    return {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": b"<workbook/>", **(extra or {})}


def test_zip_that_is_not_a_workbook(tmp_path):
    refused = refusal(zip_file(tmp_path / "a.xlsx", {"readme.txt": b"hello", "list.csv": b"a;b\n"}))
    assert (refused.code, refused.params) == ("zip_not_workbook", {"format": "an archive of files"})
    word = zip_file(tmp_path / "b.xlsx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w/>"})
    assert refusal(word).params == {"format": "Word document"}


def test_zip_bomb(tmp_path):
    path = zip_file(tmp_path / "bomb.xlsx", workbook_members({"xl/worksheets/sheet1.xml": b"\x00" * 5_000_000}))
    assert path.stat().st_size < 50_000
    refused = refusal(path, max_unzipped_bytes=1_000_000)
    assert refused.code == "zip_bomb"
    assert refused.params == {"limit": 1_000_000, "member": "xl/worksheets/sheet1.xml"}


def test_the_cap_counts_all_members_together(tmp_path):
    members = workbook_members({f"xl/media/image{n}.bin": b"\x00" * 300_000 for n in range(5)})
    assert refusal(zip_file(tmp_path / "bomb.xlsx", members), max_unzipped_bytes=1_000_000).code == "zip_bomb"


def lie_about_size(path, member, declared):
    """Write ``declared`` as the uncompressed size of ``member`` in its local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        central_at = archive.start_dir
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    at = data.find(b"PK\x01\x02", central_at)
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, at + 24, declared)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(member).file_size == declared


def test_zip_bomb_declaring_a_small_size(tmp_path):
    path = zip_file(tmp_path / "bomb.xlsx", workbook_members({"xl/sharedStrings.xml": b"\x00" * 5_000_000}))
    lie_about_size(path, "xl/sharedStrings.xml", 100)
    refused = refusal(path, max_unzipped_bytes=1_000_000)
    assert refused.code == "zip_bomb"


def test_a_declared_size_that_lies_below_the_cap_is_refused(tmp_path):
    path = zip_file(tmp_path / "lying.xlsx", workbook_members({"xl/sharedStrings.xml": b"<sst/>" * 1000}))
    lie_about_size(path, "xl/sharedStrings.xml", 10)
    refused = refusal(path)
    assert refused.code == "corrupt_workbook"
    assert "declares 10 bytes but unpacks to 6000" in str(refused)


def test_zip_with_too_many_entries(tmp_path):
    members = workbook_members({f"xl/media/{n}.txt": b"x" for n in range(30)})
    refused = refusal(zip_file(tmp_path / "many.xlsx", members), max_zip_entries=20)
    assert (refused.code, refused.params) == ("too_many_entries", {"limit": 20, "entries": 32})


def test_damaged_zip(tmp_path):
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x14\x00" * 100)
    assert refusal(path).code == "corrupt_workbook"


# XLSX workbooks ----------------------------------------------------------------------------------


def test_openpyxl_parses_with_defusedxml():
    assert openpyxl.DEFUSEDXML is True
    assert openpyxl.xml.functions.iterparse is defusedxml.ElementTree.iterparse


def new_workbook():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    return workbook, sheet


def registrations_workbook(path):
    workbook, first = new_workbook()
    first.title = "Регистрации"
    first.append(["ФИО", "Дата рождения", "Прибыл", "Дети", "Рост", "Согласие", "Примечание", None])
    # A spreadsheet cell holds no time zone: the values are naive.
    born, arrived = dt.datetime(1990, 3, 12), dt.datetime(2026, 1, 5, 9, 30)  # noqa: DTZ001
    first.append(["Кулубаев Жээнбек", born, arrived, 2, 1.75, True, None, None])
    first.append(["Өмүрбекова Айгүл", dt.date(1985, 1, 1), None, 0.0, 1e-5, False, "  ", None])
    first["A6"] = "Сыдыков Нурлан"  # rows 4 and 5 are empty
    second = workbook.create_sheet("Второй лист")
    second.append(["Страна", "Число"])
    second.append(["Россия", 120000])
    workbook.save(path)
    return path


def test_workbook_first_sheet_with_cell_values_as_text(tmp_path):
    path = registrations_workbook(tmp_path / "registrations.csv")  # the name does not matter
    guess = sniff(path)
    assert guess == FileGuess(kind="xlsx", sheets=("Регистрации", "Второй лист"), sheet="Регистрации")
    assert list(read_rows(path, guess)) == [
        Row(1, ["ФИО", "Дата рождения", "Прибыл", "Дети", "Рост", "Согласие", "Примечание"]),
        Row(2, ["Кулубаев Жээнбек", "1990-03-12", "2026-01-05 09:30:00", "2", "1.75", "TRUE"]),
        Row(3, ["Өмүрбекова Айгүл", "1985-01-01", "", "0", "1e-05", "FALSE", "  "]),
        Row(6, ["Сыдыков Нурлан"]),
    ]
    assert count_rows(path, guess) == 4


def test_workbook_sheet_chosen_by_name(tmp_path):
    path = registrations_workbook(tmp_path / "registrations.xlsx")
    guess = sniff(path, sheet="Второй лист")
    assert guess.sheet == "Второй лист"
    assert values(path, guess) == [["Страна", "Число"], ["Россия", "120000"]]


def test_unknown_sheet(tmp_path):
    refused = refusal(registrations_workbook(tmp_path / "registrations.xlsx"), sheet="Лист1")
    assert refused.code == "unknown_sheet"
    assert refused.params == {"sheet": "Лист1", "sheets": ["Регистрации", "Второй лист"]}
    assert str(refused) == "The workbook has no sheet named 'Лист1'; its sheets are: Регистрации, Второй лист."


def test_a_hidden_first_sheet_is_not_the_default(tmp_path):
    workbook, lookup = new_workbook()
    lookup.title = "Справочник"
    lookup.append(["код"])
    lookup.sheet_state = "hidden"
    data = workbook.create_sheet("Данные")
    data.append(["ФИО"])
    data.append(["Асанов"])
    workbook.save(tmp_path / "b.xlsx")
    assert sniff(tmp_path / "b.xlsx").sheet == "Данные"


def rewrite_member(path, member, change):
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[member] = change(members[member])
    zip_file(path, members)


def test_formulas_are_read_as_their_saved_values_and_never_evaluated(tmp_path):
    path = tmp_path / "formulas.xlsx"
    workbook, sheet = new_workbook()
    sheet.append(["Сумма", "Текст", "Без значения", "Ссылка"])
    sheet["A2"] = "=1+2"
    sheet["B2"] = "=1+2"
    sheet["B2"].data_type = "s"  # typed as text: it stays text
    sheet["C2"] = "=SUM(A1:A2)"
    sheet["D2"] = '=HYPERLINK("http://example.org","x")'
    sheet["D2"].data_type = "s"
    workbook.save(path)
    # openpyxl saves no values for formulas; Excel would have saved 3 for the first.
    # (openpyxl writes the empty value as <v /> or <v></v>, or leaves it out, by its XML writer)
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb"<f>1\+2</f>(?:<v\s*/>|<v></v>)?", b"<f>1+2</f><v>3</v>", xml, count=1),
    )
    assert values(path)[1] == ["3", "=1+2", "", '=HYPERLINK("http://example.org","x")']


def test_a_wrong_declared_dimension_does_not_cut_rows(tmp_path):
    path = registrations_workbook(tmp_path / "registrations.xlsx")
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<dimension ref="A1:G6" />', b'<dimension ref="A1:A1" />'),
    )
    rows = list(read_rows(path, sniff(path)))
    assert [row.number for row in rows] == [1, 2, 3, 6]
    assert rows[1].values[1] == "1990-03-12"


def test_workbook_with_an_entity_declaration_is_refused(tmp_path):
    path = registrations_workbook(tmp_path / "registrations.xlsx")
    laughs = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: laughs + xml.removeprefix(b'<?xml version="1.0" encoding="utf-8"?>'),
    )
    assert refusal(path).code == "unsafe_xml"


def test_workbook_with_headers_only(tmp_path):
    workbook, sheet = new_workbook()
    sheet.append(["ФИО", "Дата рождения"])
    workbook.save(tmp_path / "h.xlsx")
    assert refusal(tmp_path / "h.xlsx").code == "no_records"
    openpyxl.Workbook().save(tmp_path / "e.xlsx")
    assert refusal(tmp_path / "e.xlsx").code == "empty"


# Refusals and memory -----------------------------------------------------------------------------


def test_every_refusal_has_an_english_sentence():
    assert "empty" in REFUSAL_CODES
    assert str(FileRefused("zip_bomb", limit=1024, member="x")) == MESSAGES["zip_bomb"].format(limit=1024)
    with pytest.raises(ValueError):
        FileRefused("no_such_code")


def test_a_refusal_survives_pickling():
    original = FileRefused("unknown_sheet", sheet="X", sheets=["A"])
    copy = pickle.loads(pickle.dumps(original))  # noqa: S301 (bytes made by this test)
    assert (copy.code, copy.params) == ("unknown_sheet", {"sheet": "X", "sheets": ["A"]})
    assert str(copy) == "The workbook has no sheet named 'X'; its sheets are: A."


def test_the_library_imports_no_django():
    code = "import sys, mekendesh.lib.tabular; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_reading_keeps_memory_flat(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="cp1251", newline="") as file:
        file.write("ФИО;Дата рождения;Гражданство;Паспорт;Место пребывания;Работодатель\r\n")
        for n in range(200_000):
            file.write(f"Кулубаев Жээнбек {n};12.03.1990;Кыргызстан;AC{n:07d};г. Москва, ул. Ленина, {n};ООО Строй\r\n")
    assert path.stat().st_size > 15_000_000
    tracemalloc.start()
    try:
        guess = sniff(path)
        after_sniff = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        rows = 0
        for row in read_rows(path, guess):
            rows += 1
            last = row
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert guess.encoding == "cp1251"
    assert rows == 200_001
    assert last.number == 200_001
    assert last.values[0] == "Кулубаев Жээнбек 199999"
    assert after_sniff < 3_000_000
    assert peak < 1_000_000


def test_a_gzip_named_xlsx_is_not_mistaken_for_a_workbook(tmp_path):
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb") as packed:
        packed.write(b"<workbook/>")
    path = tmp_path / "x.xlsx"
    path.write_bytes(buffer.getvalue())
    assert refusal(path).code == "archive"
