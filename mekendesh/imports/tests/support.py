"""Files for the import tests: a consulate's registrations as CSV in any encoding."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

HEADERS = [
    "Фамилия",
    "Имя",
    "Отчество",
    "Пол",
    "Дата рождения",
    "Гражданство",
    "Серия и номер паспорта",
    "Страна пребывания",
    "Регион пребывания",
    "Город",
    "Адрес",
    "Работодатель",
    "Цель пребывания",
    "Дата въезда",
    "Телефон",
    "Согласие на обработку данных",
]


def person_row(
    surname: str = "Кулубаев",
    given: str = "Жээнбек",
    patronymic: str = "Асанович",
    *,
    sex: str = "М",
    birth: str = "12.03.1990",
    citizenship: str = "Кыргызстан",
    passport: str = "AC7000001",
    country: str = "Россия",
    region: str = "Москва",
    city: str = "Москва",
    address: str = "ул. Ленина, 5",
    employer: str = "ООО Стройка",
    purpose: str = "работа",
    arrival: str = "01.02.2024",
    phone: str = "+7 916 123-45-67",
    consent: str = "да",
) -> list[str]:
    return [
        surname,
        given,
        patronymic,
        sex,
        birth,
        citizenship,
        passport,
        country,
        region,
        city,
        address,
        employer,
        purpose,
        arrival,
        phone,
        consent,
    ]


def people_rows(count: int, *, start: int = 1) -> list[list[str]]:
    """``count`` valid rows of different people (different passports and birth days)."""
    surnames = ["Кулубаев", "Асанов", "Токтогулов", "Жээнбеков", "Осмонов", "Абдыкадыров"]
    given = ["Жээнбек", "Бакыт", "Нурлан", "Азамат", "Эркин", "Талант"]
    return [
        person_row(
            surnames[index % len(surnames)],
            given[(index // len(surnames)) % len(given)],
            "",
            birth=f"{1 + index % 28:02d}.{1 + (index // 28) % 12:02d}.{1970 + index % 30}",
            passport=f"AC{7000000 + start + index:07d}",
        )
        for index in range(count)
    ]


def csv_bytes(
    rows: Sequence[Sequence[str]],
    *,
    headers: Sequence[str] = HEADERS,
    encoding: str = "cp1251",
    delimiter: str = ";",
    newline: str = "\r\n",
    bom: bool = False,
) -> bytes:
    def cell(value: str) -> str:
        if any(char in value for char in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = newline.join(delimiter.join(cell(value) for value in row) for row in [list(headers), *rows]) + newline
    data = text.encode(encoding)
    return ("\ufeff".encode(encoding) if bom else b"") + data


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path
