"""A labelled synthetic population for the linkage benchmark.

``generate(n_register, n_list, seed)`` builds

* a register of citizens abroad (Kyrgyz Cyrillic first; Uzbek, Tajik, Kazakh and Russian
  Cyrillic; Turkmen Latin; a share written in passport Latin), with split name columns;
* a host-country list in Russian spelling: a share are register members written with the
  errors such lists carry (Russian rendering of ң ө ү and doubled vowels, other spelling
  variants, order swapped, patronymic missing, a typo, a date error), the rest are hard
  negatives (relatives with the same surname, namesakes born on another day, people of other
  nationalities and other citizens who are not registered);
* the truth: which list row is which register row.

Everything depends on the seed only, so a run can be repeated exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from bench.linkage import names_data as nd
from bench.linkage import real_errors as rerr

# nationality -> (share in the register, share among unregistered negatives)
NATIONALITIES = {
    "kg": (0.66, 0.30),
    "uz": (0.14, 0.25),
    "tj": (0.05, 0.20),
    "kz": (0.04, 0.08),
    "ru": (0.06, 0.07),
    "tm": (0.05, 0.10),
}

LIST_SHARE_MEMBERS = 0.5  # share of list rows that are register members
NEGATIVE_MIX = {"relative": 0.30, "namesake": 0.20, "other": 0.50}
P_SWAP_ORDER = 0.25
P_DROP_PATRONYMIC = 0.08
P_TYPO = 0.12
P_DATE_ERROR = 0.10
P_UPPER_SURNAME = 0.15


@dataclass(frozen=True, slots=True)
class Person:
    pid: int
    nationality: str
    sex: str  # "M" or "F"
    surname_root: str  # in native script; "" for the "<father> уулу <given>" form
    given: str
    father: str | None
    uulu: bool
    birth: dt.date


@dataclass(frozen=True, slots=True)
class Population:
    register: list[dict[str, str]]
    host_list: list[dict[str, str]]
    truth: set[tuple[str, str]]
    # list id -> how the row was made: "kind" (member, relative, namesake, other),
    # "register_id" (the member, or the register person a negative was modelled on) and
    # "errors" (the errors written into the row, ";"-separated; see _list_row), "same_name"
    # and "same_surname_given" (how many other registered people carry exactly the row's
    # surname, given name and patronymic, or its surname and given name, before spelling)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)


class _Pools:
    def __init__(self) -> None:
        self.male = {
            "kg": nd.words(nd.KYRGYZ_MALE),
            "uz": nd.words(nd.UZBEK_MALE),
            "tj": nd.words(nd.TAJIK_MALE),
            "kz": nd.words(nd.KAZAKH_MALE),
            "ru": nd.words(nd.RUSSIAN_MALE),
            "tm": nd.words(nd.TURKMEN_MALE),
        }
        self.female = {
            "kg": nd.words(nd.KYRGYZ_FEMALE),
            "uz": nd.words(nd.UZBEK_FEMALE),
            "tj": nd.words(nd.TAJIK_FEMALE),
            "kz": nd.words(nd.KAZAKH_FEMALE),
            "ru": nd.words(nd.RUSSIAN_FEMALE),
            "tm": nd.words(nd.TURKMEN_FEMALE),
        }
        self.surnames = {
            "kg": [_kg_surname(r) for r in nd.words(nd.KYRGYZ_SURNAME_ROOTS)],
            "uz": [r + ("ев" if r[-1] in "аоуиеэ" else "ов") for r in nd.words(nd.UZBEK_SURNAME_ROOTS)],
            "tj": nd.words(nd.TAJIK_SURNAMES),
            "kz": nd.words(nd.KAZAKH_SURNAMES),
            "ru": nd.words(nd.RUSSIAN_SURNAMES),
            "tm": nd.words(nd.TURKMEN_SURNAMES),
        }
        # fathers' names that make a patronymic
        self.fathers = {
            nat: [n for n in names if nat != "ru" or n in nd.RUSSIAN_PATRONYMIC] for nat, names in self.male.items()
        }


def _kg_surname(root: str) -> str:
    if root.endswith("й"):
        return root[:-1] + "ев"
    if root.endswith(("ы", "и")):
        return root[:-1] + "иев"
    if root[-1] in "аоуеэөү":
        return root + "ев"
    return root + "ов"


def _feminine_surname(surname: str, nationality: str) -> str:
    if nationality == "tj" and surname.endswith("зода"):
        return surname
    if nationality == "kz" and surname.endswith("ин"):
        return surname + "а"
    return surname + "a" if nationality == "tm" else surname + "а"


def _patronymic(father: str, sex: str, nationality: str) -> str:
    if nationality == "ru":
        stem = nd.RUSSIAN_PATRONYMIC[father]
        if stem.endswith(("ев", "ьев")):
            return stem[:-2] + ("евич" if sex == "M" else "евна")
        return stem[:-2] + ("ович" if sex == "M" else "овна")
    if nationality == "tm":
        return father + ("owiç" if sex == "M" else "owna")
    if father[-1] in "аыуоиеэёюяөү":
        return father + ("евич" if sex == "M" else "евна")
    if father.endswith("й"):
        return father[:-1] + ("евич" if sex == "M" else "евна")
    return father + ("ович" if sex == "M" else "овна")


def _random_birth(rng: random.Random) -> dt.date:
    start = dt.date(1960, 1, 1).toordinal()
    end = dt.date(2006, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _pick_nationality(rng: random.Random, column: int) -> str:
    roll = rng.random()
    acc = 0.0
    for nat, shares in NATIONALITIES.items():
        acc += shares[column]
        if roll < acc:
            return nat
    return "kg"


def _new_person(rng: random.Random, pools: _Pools, pid: int, nationality: str) -> Person:
    sex = rng.choice("MF")
    given = rng.choice(pools.male[nationality] if sex == "M" else pools.female[nationality])
    father = rng.choice(pools.fathers[nationality])
    uulu = nationality == "kg" and rng.random() < 0.10
    return Person(
        pid=pid,
        nationality=nationality,
        sex=sex,
        surname_root=rng.choice(pools.surnames[nationality]),
        given=given,
        father=father if nationality != "tm" or rng.random() < 0.8 else None,
        uulu=uulu,
        birth=_random_birth(rng),
    )


def _parts(p: Person) -> tuple[str, str, str]:
    """Surname, given name and patronymic in the person's own script."""
    if p.uulu:
        return f"{p.father} {'уулу' if p.sex == 'M' else 'кызы'}", p.given, ""
    surname = p.surname_root if p.sex == "M" else _feminine_surname(p.surname_root, p.nationality)
    patronymic = _patronymic(p.father, p.sex, p.nationality) if p.father else ""
    return surname, p.given, patronymic


# --- scripts ---------------------------------------------------------------------------

_ICAO = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ң": "ng",
    "ө": "o",
    "ү": "u",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ұ": "u",
    "і": "i",
    "һ": "h",
    "ў": "u",
    "ҳ": "h",
    "ҷ": "j",
    "ӣ": "i",
    "ӯ": "u",
}
_ICAO_VARIANTS = {"ж": ("zh", "j"), "й": ("i", "y"), "ю": ("iu", "yu"), "я": ("ia", "ya"), "х": ("kh", "h")}


def _passport_latin(text: str, rng: random.Random) -> str:
    variant = rng.random() < 0.35
    out = []
    for ch in text.lower():
        if variant and ch in _ICAO_VARIANTS:
            out.append(_ICAO_VARIANTS[ch][1])
        else:
            out.append(_ICAO.get(ch, ch))
    return "".join(out).upper()


_TM_TO_RU = [
    ("ýe", "е"),
    ("ýa", "я"),
    ("ýu", "ю"),
    ("ýo", "ё"),
    ("ý", "й"),
    ("w", "в"),
    ("ç", "ч"),
    ("ş", "ш"),
    ("ž", "ж"),
    ("ň", "н"),
    ("ä", "а"),
    ("ö", "о"),
    ("ü", "ю"),
    ("y", "ы"),
    ("j", "дж"),
    ("h", "х"),
    ("g", "г"),
    ("a", "а"),
    ("b", "б"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("i", "и"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("z", "з"),
]


def _turkmen_to_russian(word: str) -> str:
    low = word.lower()
    out = []
    i = 0
    while i < len(low):
        for src, dst in _TM_TO_RU:
            if low.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            out.append(low[i])
            i += 1
    res = "".join(out)
    return res[:1].upper() + res[1:]


def _russian_spelling(word: str, nationality: str, rng: random.Random) -> str:
    """How a Russian clerk writes a name: no ң ө ү ә …, doubled vowels mostly single."""
    if not word:
        return word
    if nationality == "tm":
        word = _turkmen_to_russian(word)
    w = word
    if rng.random() < 0.75:
        for dbl, single in (("ээ", "е"), ("өө", "о"), ("үү", "у"), ("оо", "о"), ("аа", "а"), ("уу", "у"), ("ыы", "ы")):
            w = w.replace(dbl, single)
    w = w.replace("Ээ", "Е")
    repl = {
        "ң": "н",
        "ғ": "г",
        "қ": "к",
        "ұ": "у",
        "і": "и",
        "һ": "х",
        "ў": "у",
        "ҳ": "х",
        "ӣ": "и",
        "ӯ": "у",
        "Ң": "Н",
        "Ғ": "Г",
        "Қ": "К",
        "Ұ": "У",
        "І": "И",
        "Һ": "Х",
        "Ў": "У",
        "Ҳ": "Х",
        "Ӣ": "И",
        "Ӯ": "У",
    }
    out: list[str] = []
    for ch in w:
        after_consonant = bool(out) and out[-1].lower() in "бвгджзйклмнпрстфхцчш"
        if ch in repl:
            out.append(repl[ch])
        elif ch in "өӨ":
            r = rng.random()
            base = "о" if r < 0.8 else ("ё" if r < 0.9 else "е")
            out.append(base.upper() if ch.isupper() else base)
        elif ch in "үҮ":
            base = "ю" if after_consonant and rng.random() < 0.25 else "у"
            out.append(base.upper() if ch.isupper() else base)
        elif ch in "әӘ":
            base = "а" if rng.random() < 0.8 else "е"
            out.append(base.upper() if ch.isupper() else base)
        elif ch in "ҷҶ":
            out.append("дж" if ch.islower() else "Дж")
        else:
            out.append(ch)
    w = "".join(out)
    if rng.random() < 0.5:
        w = w.replace("жы", "жи").replace("шы", "ши").replace("Жы", "Жи").replace("Шы", "Ши")
    if w.startswith("Э") and rng.random() < 0.3:
        w = "Е" + w[1:]
    return w


_CYR_VOWELS = "аеиоуыэюя"
_CYR_CONS = "бвгджзклмнпрстфхцчш"


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word))
    op = rng.random()
    if op < 0.3:
        return word[:i] + word[i + 1 :]
    if op < 0.5:
        return word[:i] + word[i] + word[i:]
    if op < 0.7 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    pool = _CYR_VOWELS if word[i].lower() in _CYR_VOWELS else _CYR_CONS
    return word[:i] + rng.choice(pool) + word[i + 1 :]


def _date_error(d: dt.date, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35 and d.day <= 12 and d.day != d.month:
        return f"{d.year:04d}-{d.day:02d}-{d.month:02d}"
    if kind < 0.8:
        for _ in range(20):
            text = list(d.isoformat())
            pos = rng.choice([3, 6, 8, 9])
            text[pos] = str(rng.randrange(10))
            try:
                cand = dt.date.fromisoformat("".join(text))
            except ValueError:
                continue
            if cand != d:
                return cand.isoformat()
        return d.isoformat()
    return f"{d.year:04d}"


# --- rendering -------------------------------------------------------------------------


def _register_row(p: Person, rid: str, rng: random.Random) -> dict[str, str]:
    surname, given, patronymic = _parts(p)
    latin = (p.nationality == "tm" and rng.random() < 0.7) or (p.nationality != "tm" and rng.random() < 0.10)
    if p.nationality == "tm" and not latin:
        surname, given, patronymic = (
            " ".join(_turkmen_to_russian(w) for w in part.split()) for part in (surname, given, patronymic)
        )
    elif latin and p.nationality != "tm":
        surname, given, patronymic = (_passport_latin(x, rng) for x in (surname, given, patronymic))
    if p.uulu or rng.random() < 0.3:
        order = [given, patronymic, surname] if not p.uulu else [surname, given]
    else:
        order = [surname, given, patronymic]
    return {
        "id": rid,
        "full_name": " ".join(x for x in order if x),
        "surname": surname,
        "given_name": given,
        "patronymic": patronymic,
        "birth_date": p.birth.isoformat(),
        "sex": p.sex,
    }


def _list_row(
    p: Person, lid: str, rng: random.Random, *, dates: bool = True, p_drop_patronymic: float = P_DROP_PATRONYMIC
) -> dict[str, str]:
    """A list row; its ``errors`` key (not written to the CSV) names the errors put into it.

    The labels: ``respelled`` (the Russian spelling differs from the register's native
    spelling in a letter other than case), ``no patronymic`` (the person has one, the row
    lost it), ``typo given`` / ``typo surname`` / ``typo patronymic`` (a typo was attempted;
    words under 4 letters stay as they are), ``upper surname``, ``order swapped``, ``date
    swapped`` / ``date digit`` / ``date year only`` (and ``date unchanged`` when the chosen
    error left the date as it was). The random draws are the same as without labels.
    """
    errors: list[str] = []
    native = _parts(p)
    surname, given, patronymic = native
    surname = " ".join(_russian_spelling(w, p.nationality, rng) for w in surname.split())
    given = _russian_spelling(given, p.nationality, rng)
    patronymic = _russian_spelling(patronymic, p.nationality, rng) if patronymic else ""
    if (surname.lower(), given.lower(), patronymic.lower()) != tuple(x.lower() for x in native):
        errors.append("respelled")
    if patronymic and rng.random() < p_drop_patronymic:
        patronymic = ""
        errors.append("no patronymic")
    if rng.random() < P_TYPO:
        which = rng.randrange(3 if patronymic else 2)
        if which == 0:
            given = _typo(given, rng)
            errors.append("typo given")
        elif which == 1:
            surname = " ".join([_typo(surname.split()[0], rng), *surname.split()[1:]])
            errors.append("typo surname")
        else:
            patronymic = _typo(patronymic, rng)
            errors.append("typo patronymic")
    if rng.random() < P_UPPER_SURNAME:
        surname = surname.upper()
        errors.append("upper surname")
    if p.uulu:
        parts = [surname, given]
    elif rng.random() < P_SWAP_ORDER:
        parts = [given, patronymic, surname]
        errors.append("order swapped")
    else:
        parts = [surname, given, patronymic]
    birth = p.birth.isoformat()
    if rng.random() < P_DATE_ERROR:
        birth = _date_error(p.birth, rng)
        if len(birth) == 4:
            errors.append("date year only")
        elif birth == p.birth.isoformat():
            errors.append("date unchanged")
        elif birth == f"{p.birth.year:04d}-{p.birth.day:02d}-{p.birth.month:02d}":
            errors.append("date swapped")
        else:
            errors.append("date digit")
    return {"id": lid, "full_name": " ".join(x for x in parts if x), "birth_date": birth, "errors": ";".join(errors)}


def generate(
    n_register: int,
    n_list: int,
    seed: int = 20251101,
    p_drop_patronymic: float = P_DROP_PATRONYMIC,
    p_real_errors: float = 0.0,
) -> Population:
    """A register of ``n_register`` citizens and a host list of ``n_list`` rows.

    ``p_drop_patronymic`` is the share of list rows that lose the patronymic they have
    (8 % by default; the benchmark also reports a run at 20 % to show how much the
    name-only figures depend on it). ``p_real_errors`` is the share of list rows that also
    get one of the errors of :mod:`bench.linkage.real_errors` (none by default); they are
    drawn from a random generator of their own, so the rest of the population is the same.
    """
    rng = random.Random(seed)
    pools = _Pools()
    people = [_new_person(rng, pools, pid, _pick_nationality(rng, 0)) for pid in range(n_register)]
    register = [_register_row(p, f"R{p.pid:07d}", rng) for p in people]

    n_members = round(n_list * LIST_SHARE_MEMBERS)
    members = rng.sample(range(n_register), min(n_members, n_register))
    host: list[tuple[Person, str | None]] = [(people[i], register[i]["id"]) for i in members]
    made: dict[int, tuple[str, str]] = {people[i].pid: ("member", register[i]["id"]) for i in members}
    next_pid = n_register
    while len(host) < n_list:
        roll = rng.random()
        anchor = people[rng.randrange(n_register)]
        if roll < NEGATIVE_MIX["relative"]:
            rel = _new_person(rng, pools, next_pid, anchor.nationality)
            pool = pools.male if rel.sex == "M" else pools.female
            given = rng.choice([g for g in pool[anchor.nationality] if g != anchor.given])
            father = anchor.father if rng.random() < 0.6 else (anchor.given if anchor.sex == "M" else anchor.father)
            rel = Person(
                next_pid,
                anchor.nationality,
                rel.sex,
                anchor.surname_root,
                given,
                father,
                anchor.uulu,
                _other_date(anchor.birth, rng),
            )
        elif roll < NEGATIVE_MIX["relative"] + NEGATIVE_MIX["namesake"]:
            fathers = [f for f in pools.fathers[anchor.nationality] if f != anchor.father]
            rel = Person(
                next_pid,
                anchor.nationality,
                anchor.sex,
                anchor.surname_root,
                anchor.given,
                rng.choice(fathers) if anchor.father or rng.random() < 0.5 else None,
                anchor.uulu and rng.random() < 0.5,
                _other_date(anchor.birth, rng),
            )
        else:
            rel = _new_person(rng, pools, next_pid, _pick_nationality(rng, 1))
        if roll < NEGATIVE_MIX["relative"]:
            made[rel.pid] = ("relative", register[anchor.pid]["id"])
        elif roll < NEGATIVE_MIX["relative"] + NEGATIVE_MIX["namesake"]:
            made[rel.pid] = ("namesake", register[anchor.pid]["id"])
        else:
            made[rel.pid] = ("other", "")
        host.append((rel, None))
        next_pid += 1
    rng.shuffle(host)

    host_rows = []
    truth = set()
    real_rng = random.Random(seed * 7919 + 1)
    duplicates: list[dict[str, str]] = []
    labels: dict[str, dict[str, str]] = {}
    by_parts: dict[tuple[str, str, str], list[str]] = {}
    by_sg: dict[tuple[str, str], list[str]] = {}
    for p, reg_row in zip(people, register, strict=True):
        parts = _parts(p)
        by_parts.setdefault(parts, []).append(reg_row["id"])
        by_sg.setdefault(parts[:2], []).append(reg_row["id"])
    for i, (person, register_id) in enumerate(host):
        lid = f"L{i:07d}"
        row = _list_row(person, lid, rng, p_drop_patronymic=p_drop_patronymic)
        if p_real_errors and real_rng.random() < p_real_errors:
            kind = _real_error(row, person, real_rng)
            if kind and register_id is not None and real_rng.random() < rerr.P_REGISTER_DUPLICATE:
                dup = _register_row(person, f"R{n_register + len(duplicates):07d}", real_rng)
                duplicates.append(dup)
                truth.add((dup["id"], lid))
                row["errors"] += ";real: register duplicate"
        host_rows.append(row)
        kind, anchor_id = made[person.pid]
        parts = _parts(person)
        # registered people other than this one with exactly the same name (surname, given
        # name and patronymic as the generator wrote them), and with the same surname and
        # given name: name only, nothing tells such a row apart from them
        same_full = [x for x in by_parts.get(parts, ()) if x != register_id]
        same_sg = [x for x in by_sg.get(parts[:2], ()) if x != register_id]
        labels[lid] = {
            "kind": kind,
            "register_id": anchor_id,
            "errors": row["errors"],
            "same_name": str(len(same_full)),
            "same_surname_given": str(len(same_sg)),
        }
        if register_id is not None:
            truth.add((register_id, lid))
    return Population(register=register + duplicates, host_list=host_rows, truth=truth, labels=labels)


def _real_error(row: dict[str, str], person: Person, rng: random.Random) -> str | None:
    """Write one error of :mod:`bench.linkage.real_errors` into ``row``; its kind, or None."""
    name = row["full_name"]
    kinds = list(rerr.KINDS)
    if person.uulu:
        kinds.remove("initials")
    kind = rng.choice(kinds)
    new: str | None = None
    if kind == "romanized":
        new = rerr.romanize(name, rerr.system_for(person.nationality, rng))
        if rng.random() < 0.2:
            new = rerr.case_or_space(new, rng)
    elif kind == "case or space":
        if rng.random() < 0.5:
            name = rerr.romanize(name, "scholarly" if rng.random() < 0.3 else "uzbek or tajik")
        new = rerr.case_or_space(name, rng)
    elif kind == "surname ending":
        words = name.split()
        for i, w in enumerate(words):
            changed = rerr.surname_ending(w, rng)
            if changed is not None and not w.lower().endswith(("вич", "вна")):
                words[i] = changed
                new = " ".join(words)
                break
    else:
        surname, given, patronymic = _parts(person)
        surname = " ".join(_russian_spelling(w, person.nationality, rng) for w in surname.split())
        new = rerr.initials(surname, _russian_spelling(given, person.nationality, rng), patronymic, rng)
        if rng.random() < 0.4:
            new = rerr.romanize(new, "scholarly")
    if new is None or new == row["full_name"]:
        return None
    row["full_name"] = new
    row["errors"] = ";".join(x for x in (row["errors"], f"real: {kind}") if x)
    return kind


def _other_date(d: dt.date, rng: random.Random) -> dt.date:
    while True:
        other = _random_birth(rng)
        if abs(other.year - d.year) >= 1 or other.month != d.month:
            return other


def write_population(pop: Population, directory: Path) -> dict[str, Path]:
    """Write the CSVs the benchmark reads: with dates, name only, and the truth."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {
        "register": directory / "register.csv",
        "list": directory / "list.csv",
        "register_names": directory / "register_names.csv",
        "list_names": directory / "list_names.csv",
        "truth": directory / "truth.csv",
        "labels": directory / "labels.csv",
    }
    _write(
        paths["register"], pop.register, ["id", "full_name", "surname", "given_name", "patronymic", "birth_date", "sex"]
    )
    _write(paths["list"], pop.host_list, ["id", "full_name", "birth_date"])
    _write(paths["register_names"], pop.register, ["id", "full_name", "surname", "given_name", "patronymic", "sex"])
    _write(paths["list_names"], pop.host_list, ["id", "full_name"])
    with paths["truth"].open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["register_id", "list_id"])
        w.writerows(sorted(pop.truth))
    with paths["labels"].open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        cols = ["kind", "register_id", "errors", "same_name", "same_surname_given"]
        w.writerow(["list_id", *cols])
        w.writerows([lid, *(lab[c] for c in cols)] for lid, lab in sorted(pop.labels.items()))
    return paths


def _write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
