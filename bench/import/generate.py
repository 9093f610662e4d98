"""The import benchmark's registrations file, generated from a fixed seed.

What a consulate's spreadsheet export looks like: Windows-1251, ``;`` between fields, CRLF at the
end of each record, Russian headers (:data:`HEADER`). The people are Kyrgyzstan's citizens drawn
from the demo's name pools (:mod:`mekendesh.demo.names`) and proportions (:mod:`mekendesh.demo.data`).
Windows-1251 has no Kyrgyz letters (ө, ү, ң), so names are written as they are in such files: in
their Russian spelling (``Үсөнов`` as ``Усенов``), now and then in capitals, and about one row in
twenty in passport Latin capitals (ICAO 9303, ``KULUBAEV;ZHEENBEK;ASANOVICH``).

Every row is valid by the registration form's rules but exactly three (:func:`bad_rows`), each
breaking one rule: a date that does not exist, a word mixing Cyrillic and Latin letters, a passport
number too short. No two rows share a passport number or a surname, given name and date of birth,
so that nothing but those three can honestly be refused or taken for a duplicate.

Row numbers are those a spreadsheet shows: the header is row 1, the first person row 2. Records,
not lines: one address holds a line break inside its quotes (:func:`line_break_row`), before the
bad rows, so a reader counting lines would name them wrongly.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from mekendesh.demo import data
from mekendesh.demo.names import POOLS, feminine_surname, kyrgyz_patronymic, russian_patronymic, spelling
from mekendesh.names import icao_latin, spelling_variants
from mekendesh.reference.data.abroad import HOST_REGIONS

SEED = 20261201
ENCODING = "cp1251"
DELIMITER = ";"
HEADER = (
    "Фамилия",
    "Имя",
    "Отчество",
    "Пол",
    "Дата рождения",
    "Гражданство",
    "Серия и номер паспорта",
    "Срок действия паспорта",
    "Страна пребывания",
    "Регион пребывания",
    "Город",
    "Адрес",
    "Работодатель",
    "Цель пребывания",
    "Дата въезда",
    "Телефон",
    "Согласие на обработку данных",
)
COLUMN = {name: index for index, name in enumerate(HEADER)}

# The three bad rows, as fractions of the file: at 1,000,000 rows the person rows 123,456,
# 555,555 and 987,654, which a spreadsheet shows as rows 123,457, 555,556 and 987,655.
BAD_AT = (
    (0.123456, "birth_date", "Дата рождения"),
    (0.555555, "mixed_script", "Фамилия"),
    (0.987654, "passport_short", "Серия и номер паспорта"),
)
BAD_BIRTH_DATE = "31.02.1991"
BAD_SURNAME = "K" + "улубаев"  # a Latin K before Cyrillic letters
BAD_PASSPORT = "12"

CITIZENSHIP = {"Кыргызстан": 60, "Киргизия": 25, "KGZ": 15}
COUNTRIES = {"RU": 85, "KZ": 10, "TR": 5}
COUNTRY_NAMES = {"RU": {"Россия": 70, "Российская Федерация": 30}, "KZ": {"Казахстан": 1}, "TR": {"Турция": 1}}
PURPOSE_NAMES = {"work": "работа", "study": "учёба", "family": "семья"}
# Passports (AC, AN) and identity cards (ID), each prefix with seven digits.
PREFIXES = {"AC": 60, "AN": 28, "ID": 12}
NUMBERS_PER_PREFIX = 9_000_000  # 1000000 … 9999999
# x → (A·x + B) mod 9,000,000 is a permutation when A shares no factor (2, 3, 5) with the modulus:
# numbers that look random and never repeat, without remembering the ones given.
_PERMUTE_A = 2_718_281
# Turkish cities as a Russian-language file writes them (Windows-1251 has no «İ»).
CITY_NAMES = {"İstanbul": "Стамбул", "Ankara": "Анкара", "Antalya": "Анталья", "Alanya": "Аланья"}
FIRST_ARRIVAL = dt.date(2019, 1, 1)
LAST_ARRIVAL = dt.date(2026, 12, 31)


@dataclass(frozen=True)
class BadRow:
    row: int  # as a spreadsheet numbers it: the header is row 1
    kind: str
    column: str
    value: str


def bad_rows(rows: int) -> list[BadRow]:
    """The three bad rows of a file of ``rows`` person rows, in file order."""
    if rows < 10:
        raise ValueError("the benchmark file needs at least 10 rows")
    values = {"birth_date": BAD_BIRTH_DATE, "mixed_script": BAD_SURNAME, "passport_short": BAD_PASSPORT}
    found = []
    for fraction, kind, column in BAD_AT:
        person_row = min(max(round(fraction * rows), 2), rows)
        found.append(BadRow(row=person_row + 1, kind=kind, column=column, value=values[kind]))
    assert len({bad.row for bad in found}) == 3
    return found


def line_break_row(rows: int) -> int:
    """The spreadsheet row whose address holds a line break: early, before the first bad row."""
    return max(rows // 200, 1) + 1


def _weighted[K](rng: random.Random, weights: Mapping[K, float]) -> K:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def cp1251_safe(text: str) -> str:
    """``text`` with the letters Windows-1251 lacks written without their marks (``Ş`` as ``S``)."""
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        folded = unicodedata.normalize("NFKD", text.replace("ı", "i"))
        return "".join(char for char in folded if not unicodedata.combining(char))


@functools.cache
def _russian(word: str) -> str:
    """Russian spelling of a Kyrgyz Cyrillic word: only the Kyrgyz letters ң, ө, ү change."""
    if any(letter in word.lower() for letter in "ңөү"):
        return spelling_variants(word)["russian"][0]
    return word


@functools.cache
def _latin(text: str) -> str:
    return icao_latin(text).upper()


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


@dataclass(frozen=True)
class _Name:
    kyrgyz: str
    russian: str


def _names(entries: tuple[str, ...]) -> tuple[_Name, ...]:
    found = []
    for entry in entries:
        kyrgyz, russian = spelling(entry)
        found.append(_Name(kyrgyz, russian or _russian(kyrgyz)))
    return tuple(found)


class _Rows:
    def __init__(self, *, rows: int, seed: int, today: dt.date) -> None:
        self.rows = rows
        self.rng = random.Random(seed)
        self.today = today
        self.bad = {bad.row: bad for bad in bad_rows(rows)}
        self.line_break = line_break_row(rows)
        self.pools = {
            group: (_names(pool.male), _names(pool.female), _names(pool.surnames), pool.uulu_share)
            for group, pool in POOLS.items()
        }
        self.groups = {
            region: dict(weights) for region, weights in data.GROUP_WEIGHTS.items() if region in data.ORIGIN_WEIGHTS
        }
        names_ru = {row.code: row.name_ru for row in HOST_REGIONS}
        self.regions: dict[str, dict[str, float]] = {}
        for code, (weight, _cities) in data.DESTINATIONS.items():
            country = code.split("-")[0]
            if country in COUNTRIES:
                self.regions.setdefault(country, {})[code] = weight
        self.region_names = names_ru
        self.counters = dict.fromkeys(PREFIXES, 0)
        self.offsets = {prefix: self.rng.randrange(NUMBERS_PER_PREFIX) for prefix in PREFIXES}
        self.people: set[tuple[str, str, dt.date]] = set()
        self.earliest_birth = dt.date(1960, 1, 1)
        self.latest_birth = dt.date(2006, 12, 31)

    def _passport(self) -> str:
        prefix = _weighted(self.rng, PREFIXES)
        count = self.counters[prefix]
        if count >= NUMBERS_PER_PREFIX:
            raise ValueError(f"more than {NUMBERS_PER_PREFIX:,} numbers asked of prefix {prefix}")
        self.counters[prefix] = count + 1
        digits = (_PERMUTE_A * count + self.offsets[prefix]) % NUMBERS_PER_PREFIX + 1_000_000
        return f"{prefix}{digits}"

    def _birth_date(self) -> dt.date:
        span = (self.latest_birth - self.earliest_birth).days
        # Most migrants are in their twenties and thirties.
        return self.earliest_birth + dt.timedelta(days=int(self.rng.triangular(0, span, span * 0.8)))

    def _phone(self, country: str) -> str:
        rng = self.rng
        if country == "RU" and rng.random() < 0.7:
            digits = f"{rng.randint(0, 999_999_999):09d}"
            return f"+7 9{digits[:2]} {digits[2:5]}-{digits[5:7]}-{digits[7:]}"
        operator = rng.choice(("550", "555", "700", "702", "770", "777", "990", "999", "220", "222"))
        digits = f"{rng.randint(0, 999_999):06d}"
        return f"+996 {operator} {digits[:3]}-{digits[3:]}"

    def row(self, number: int) -> list[str]:
        """The fields of spreadsheet row ``number`` (2 for the first person)."""
        rng = self.rng
        region = _weighted(rng, data.ORIGIN_WEIGHTS)
        group = _weighted(rng, self.groups[region])
        male, female, surnames, uulu_share = self.pools[group]
        sex = "M" if rng.random() < 0.62 else "F"
        given = rng.choice(male if sex == "M" else female)
        surname = rng.choice(surnames)
        father = rng.choice(male)
        birth = self._birth_date()
        while (surname.kyrgyz, given.kyrgyz, birth) in self.people:
            birth = self._birth_date()
        self.people.add((surname.kyrgyz, given.kyrgyz, birth))
        surname_ky, surname_ru = surname.kyrgyz, surname.russian
        if sex == "F":
            surname_ky, surname_ru = feminine_surname(surname_ky), feminine_surname(surname_ru)
        patronymic = kyrgyz_patronymic if rng.random() < uulu_share else russian_patronymic
        patronymic_ky, patronymic_ru = patronymic(father.kyrgyz, sex), patronymic(father.russian, sex)
        bad = self.bad.get(number)
        style = rng.random()
        if bad is not None and bad.kind == "mixed_script":
            names = [bad.value, given.russian, patronymic_ru]
        elif style < 0.05:
            # Passport Latin, transliterated from the Kyrgyz spelling as the passport is.
            names = [_latin(surname_ky), _latin(given.kyrgyz), _latin(patronymic_ky)]
        elif style < 0.08:
            names = [surname_ru.upper(), given.russian.upper(), patronymic_ru.upper()]
        else:
            names = [surname_ru, given.russian, patronymic_ru]

        country = _weighted(rng, COUNTRIES)
        host_region = _weighted(rng, self.regions[country])
        city = CITY_NAMES.get(city := rng.choice(data.DESTINATIONS[host_region][1]), city)
        purpose = _weighted(rng, data.PURPOSES[country])
        address = ""
        if rng.random() < 0.8:
            street = cp1251_safe(rng.choice(data.STREETS[country]))
            if number == self.line_break:
                address = f"{street}, д. {rng.randint(1, 120)}\nкв. {rng.randint(1, 300)}"
            elif rng.random() < 0.0005:
                address = f"{street}, д. {rng.randint(1, 120)}; кв. {rng.randint(1, 300)}"
            else:
                address = f"{street}, {rng.randint(1, 120)}"
        elif number == self.line_break:
            address = f"ул. Ленина, д. 5\nкв. {rng.randint(1, 300)}"
        employer = ""
        if purpose == "work" and rng.random() < 0.8:
            employer = cp1251_safe(rng.choice(data.EMPLOYERS[country]))
        adult = (
            dt.date(birth.year + 16, 3, 1)
            if (birth.month, birth.day) == (2, 29)
            else birth.replace(year=birth.year + 16)
        )
        first_arrival = max(FIRST_ARRIVAL, adult)
        last_arrival = min(LAST_ARRIVAL, self.today - dt.timedelta(days=1))
        arrival = first_arrival + dt.timedelta(days=rng.randint(0, (last_arrival - first_arrival).days))
        expiry = self.today + dt.timedelta(days=rng.randint(30, 3650))
        passport = self._passport()
        fields = [
            *names,
            "М" if sex == "M" else "Ж",
            _date(birth),
            _weighted(rng, CITIZENSHIP),
            passport,
            _date(expiry),
            _weighted(rng, COUNTRY_NAMES[country]),
            self.region_names[host_region],
            city,
            address,
            employer,
            PURPOSE_NAMES[purpose],
            _date(arrival),
            self._phone(country),
            "да",
        ]
        if bad is not None and bad.kind == "birth_date":
            fields[COLUMN["Дата рождения"]] = bad.value
        elif bad is not None and bad.kind == "passport_short":
            fields[COLUMN["Серия и номер паспорта"]] = bad.value
        return fields


def rows_generate(*, rows: int, seed: int = SEED, today: dt.date) -> Iterator[list[str]]:
    """The person rows of the file, in order; the same seed and today give the same rows."""
    generator = _Rows(rows=rows, seed=seed, today=today)
    for number in range(2, rows + 2):
        yield generator.row(number)


def file_write(path: Path, *, rows: int, seed: int = SEED, today: dt.date) -> Path:
    """Write the benchmark file of ``rows`` person rows to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(HEADER)
        writer.writerows(rows_generate(rows=rows, seed=seed, today=today))
    return path


def file_read(path: Path) -> Iterator[list[str]]:
    """The records of a benchmark file (header first), decoded."""
    with path.open(encoding=ENCODING, newline="") as handle:
        yield from csv.reader(handle, delimiter=DELIMITER)
