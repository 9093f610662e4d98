"""A host-country list as a Russian ministry of the interior would send it, generated from a seed.

Pure data, no database: :func:`host_list_rows` writes a list in Russian spelling (ФИО in one
column, dates as ``DD.MM.YYYY``) of citizens of one country of origin (its citizenship as such
lists write it: «Киргизия», «Туркменистан» …). Some rows name people of the register, written
with the errors such lists carry: Kyrgyz and Tajik letters replaced (ң → н, ө → о or ё, ү → у or
ю, ҳ → х, ҷ → дж …), doubled vowels made single, the surname in capitals, the patronymic left
out, a typo, a wrong date of birth (day and month swapped, a digit changed, only the year). The
other rows name people who are not on the register, some of them namesakes or relatives of people
who are (the same surname and given name with another date of birth, or the same surname only),
the rest drawn from the name pools of the country's demo profile. :func:`host_list_changed` makes
the next version of such a list with some rows changed. The demo and ``bench/screening`` both use it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mekendesh.demo.names import POOLS, feminine_surname, russian_patronymic, spelling
from mekendesh.demo.profiles import DemoProfile, profile_for

HEADER = ("№ п/п", "ФИО", "Дата рождения", "Пол", "Гражданство", "Документ", "Дата включения", "Основание")
ENCODING = "cp1251"
DELIMITER = ";"
GROUNDS = (
    "нарушение режима пребывания",
    "превышение срока временного пребывания",
    "неуплата административного штрафа",
    "неисполнение решения суда",
    "осуществление трудовой деятельности без патента",
    "решение о неразрешении въезда",
)
P_UPPER_SURNAME = 0.4
P_GIVEN_FIRST = 0.1
P_DROP_PATRONYMIC = 0.08
P_TYPO = 0.15
P_DATE_ERROR = 0.12
P_NAMESAKE = 0.2  # of the rows that are not register members
P_RELATIVE = 0.15

_DOUBLED = (("ээ", "е"), ("өө", "о"), ("үү", "у"), ("оо", "о"), ("аа", "а"), ("уу", "у"), ("ыы", "ы"))
_CONSONANTS = "бвгджзйклмнпрстфхцчш"
_VOWELS = "аеиоуыэюя"
# Letters of the other Cyrillic alphabets of the name pools, as a Russian clerk writes them.
_OTHER_LETTERS = str.maketrans(
    {
        **dict(zip("ғқҳўӣӯәұіһ", "гкхуиуауих", strict=True)),
        **dict(zip("ҒҚҲЎӢӮӘҰІҺ", "ГКХУИУАУИХ", strict=True)),
        "ҷ": "дж",
        "Ҷ": "Дж",
    }
)


@dataclass(frozen=True)
class Listed:
    """A person of the register as the list may name them: their name in Cyrillic as the register
    keeps it (the primary name, or its Russian spelling where the primary is in Latin), date of
    birth and sex."""

    surname: str
    given_names: str
    patronymic: str
    birth_date: dt.date
    sex: str


def russian_spelling(word: str, rng: random.Random) -> str:
    """How a Russian clerk writes a Kyrgyz name: no ң ө ү, doubled vowels mostly single."""
    if rng.random() < 0.75:
        for doubled, single in _DOUBLED:
            word = word.replace(doubled, single).replace(doubled.capitalize(), single.upper())
    out: list[str] = []
    for letter in word:
        lower = letter.lower()
        after_consonant = bool(out) and out[-1].lower() in _CONSONANTS
        if lower == "ң":
            new = "н"
        elif lower == "ө":
            draw = rng.random()
            new = "о" if draw < 0.8 else ("ё" if draw < 0.9 else "е")
        elif lower == "ү":
            new = "ю" if after_consonant and rng.random() < 0.25 else "у"
        else:
            out.append(letter)
            continue
        out.append(new.upper() if letter.isupper() else new)
    written = "".join(out).translate(_OTHER_LETTERS)
    if rng.random() < 0.5:
        written = written.replace("жы", "жи").replace("шы", "ши")
    return written


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    at = rng.randrange(1, len(word) - 1)
    draw = rng.random()
    if draw < 0.3:
        return word[:at] + word[at + 1 :]  # a letter left out
    if draw < 0.5:
        return word[:at] + word[at] + word[at:]  # a letter doubled
    if draw < 0.7:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]  # two letters swapped
    pool = _VOWELS if word[at].lower() in _VOWELS else _CONSONANTS
    return word[:at] + rng.choice(pool) + word[at + 1 :]  # a letter replaced


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _date_error(day: dt.date, rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.35 and day.day <= 12 and day.day != day.month:
        return f"{day.month:02d}.{day.day:02d}.{day.year:04d}"  # day and month swapped
    if draw < 0.8:
        for _attempt in range(20):
            text = list(_date(day))
            position = rng.choice((0, 1, 3, 4, 8, 9))
            text[position] = str(rng.randrange(10))
            try:
                wrong = dt.datetime.strptime("".join(text), "%d.%m.%Y").date()  # noqa: DTZ007 (a calendar date)
            except ValueError:
                continue
            if wrong != day and wrong.year >= 1900:
                return _date(wrong)
    return f"{day.year:04d}"  # the year only


def _full_name(surname: str, given: str, patronymic: str, rng: random.Random) -> str:
    if rng.random() < P_UPPER_SURNAME:
        surname = surname.upper()
    if patronymic and rng.random() < P_DROP_PATRONYMIC:
        patronymic = ""
    if rng.random() < P_GIVEN_FIRST:
        parts = [given, patronymic, surname]
    else:
        parts = [surname, given, patronymic]
    return " ".join(part for part in parts if part)


def _member_row(person: Listed, rng: random.Random) -> tuple[str, str, str]:
    """(ФИО, дата рождения, пол) of a register member, as the list writes them, with its errors."""
    parts = [
        " ".join(russian_spelling(word, rng) for word in part.split())
        for part in (person.surname, person.given_names, person.patronymic)
    ]
    if rng.random() < P_TYPO:
        which = rng.randrange(2)
        parts[which] = _typo(parts[which], rng)
    birth = _date_error(person.birth_date, rng) if rng.random() < P_DATE_ERROR else _date(person.birth_date)
    return _full_name(parts[0], parts[1], parts[2], rng), birth, person.sex


def _invented(rng: random.Random, profile: DemoProfile) -> tuple[str, str, str, str]:
    """(surname, given, patronymic, sex) of someone drawn from the profile's name pools, in Russian
    spelling."""
    groups = profile.list_groups
    group = rng.choices(tuple(groups), weights=tuple(groups.values()))[0]
    written = profile.names[group] if profile.names is not None else None
    pool = written.pool if written is not None else POOLS[group]
    sex = "M" if rng.random() < 0.62 else "F"

    def pick(entries: Sequence[str]) -> str:
        entry = rng.choice(entries)
        if written is not None:
            return russian_spelling(written.russian(entry), rng)
        kyrgyz, russian = spelling(entry)
        return russian or russian_spelling(kyrgyz, rng)

    given = pick(pool.male if sex == "M" else pool.female)
    surname = pick(pool.surnames)
    if sex == "F":
        surname = feminine_surname(surname)
    patronymic = russian_patronymic(pick(pool.male), sex)
    return surname, given, patronymic, sex


def _other_day(day: dt.date, rng: random.Random) -> dt.date:
    return day + dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(30, 3650))


def _born(rng: random.Random, today: dt.date) -> dt.date:
    return today - dt.timedelta(days=int(rng.triangular(18 * 365 + 5, 60 * 365, 27 * 365)))


def host_list_rows(
    *, members: Sequence[Listed], count: int, seed: int, today: dt.date, country: str = "KG"
) -> list[list[str]]:
    """``count`` rows (the header not included): every one of ``members`` once, written with the
    list's errors, and namesakes, relatives and strangers for the rest, shuffled and numbered, all
    of them citizens of ``country`` (a country of origin). The same arguments give the same rows."""
    profile = profile_for(country)
    rng = random.Random(seed)
    written: list[tuple[str, str, str]] = [_member_row(person, rng) for person in members[:count]]
    while len(written) < count:
        draw = rng.random()
        if members and draw < P_NAMESAKE:
            # Same surname and given name, another person (another date of birth).
            person = rng.choice(members)
            surname = russian_spelling(person.surname, rng)
            given = russian_spelling(person.given_names, rng)
            sex = person.sex
            father = _invented(rng, profile)[1] if rng.random() < 0.5 else ""
            patronymic = russian_patronymic(father, sex) if father else ""
            name = _full_name(surname, given, patronymic, rng)
            written.append((name, _date(_other_day(person.birth_date, rng)), sex))
        elif members and draw < P_NAMESAKE + P_RELATIVE:
            # A relative: the same surname, another given name.
            person = rng.choice(members)
            _surname, given, patronymic, sex = _invented(rng, profile)
            surname = russian_spelling(person.surname, rng)
            if sex != person.sex:
                surname = feminine_surname(surname) if sex == "F" else surname.removesuffix("а")
            written.append((_full_name(surname, given, patronymic, rng), _date(_born(rng, today)), sex))
        else:
            surname, given, patronymic, sex = _invented(rng, profile)
            written.append((_full_name(surname, given, patronymic, rng), _date(_born(rng, today)), sex))
    rng.shuffle(written)
    rows = []
    for number, (name, birth, sex) in enumerate(written, start=1):
        listed_on = today - dt.timedelta(days=rng.randint(10, 3 * 365))
        rows.append(
            [
                str(number),
                name,
                birth,
                {"M": "муж.", "F": "жен."}.get(sex, ""),
                rng.choice(profile.citizenship_written),
                "",
                _date(listed_on),
                rng.choice(GROUNDS),
            ]
        )
    return rows


def host_list_changed(rows: Sequence[list[str]], *, changed: int, seed: int, today: dt.date) -> list[list[str]]:
    """The next version of a list: the same rows, ``changed`` of them with a new ground and date
    of inclusion (the list's numbers kept, so each is the same entry changed)."""
    rng = random.Random(seed)
    new = [list(row) for row in rows]
    for index in rng.sample(range(len(new)), min(changed, len(new))):
        row = new[index]
        row[6] = _date(today - dt.timedelta(days=rng.randint(0, 9)))
        row[7] = rng.choice([ground for ground in GROUNDS if ground != row[7]])
    return new


def host_list_write(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """The list as a CSV file in Windows-1251 with semicolons, as such lists are sent."""
    lines = [DELIMITER.join(HEADER), *(DELIMITER.join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(ENCODING, errors="replace"))
    return path
