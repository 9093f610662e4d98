"""The columns a linkage engine compares, computed in Python before any table is registered.

Every name becomes ASCII keys from :mod:`mekendesh.names` (the same key for the Kyrgyz,
Russian, passport Latin and Turkmen Latin spellings of a word), so the SQL that Splink runs
only needs ``=``, ``levenshtein`` and ``instr``, which DuckDB and Spark compute identically.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mekendesh.names import parse_name, token_key
from mekendesh.names.parse import TURKMEN_GIVEN_ENDINGS, is_initial, looks_like_surname
from mekendesh.names.romanize import repair_spacing, respell_name
from mekendesh.names.similarity import damerau_distance

from .io import Record

CONNECTOR_KEYS = frozenset(
    {"uulu", "ulu", "uly", "uli", "ogly", "ogli", "ugli", "oglu", "kyzy", "kizi", "gyzy", "gizi"}
)
_PATRONYMIC_ENDINGS = ("ovicna", "evicna", "ovic", "evic", "ovna", "evna", "ovik", "evik", "icna", "ikna", "ic", "ik")
# Kazakh writes the father's name with -ұлы / -қызы attached (Сәбитұлы, Шамшиденқызы), where
# a Russian list writes Сабитович, Шамшиденовна: the root is the father's name in both.
# Turkmen given names in -guly / -kuly / -nuly (Gurbanguly, Atakuly) keep their ending.
_ATTACHED_PATRONYMIC_ENDINGS = ("kizi", "uli")
_FEMALE_SURNAME = ("ova", "eva", "ina", "yna")
# Endings that make a word a surname beyond doubt (on name keys, so for every script).
_STRONG_SURNAME = ("ov", "ev", "ova", "eva", "zoda", "zade", "enko", "ski", "skii", "skaya", "skaia")

# Column name -> SQL type, in the order of the registered tables.
COLUMNS: dict[str, str] = {
    "unique_id": "string",
    "full_name": "string",
    "sur": "string",  # surname key, gender ending removed
    "giv": "string",  # first given-name key
    "pat": "string",  # father's name key (patronymic without its ending, or "<father> uulu")
    "sur_sk": "string",  # consonant skeleton of sur (vowels a Russian list may change dropped)
    "giv_sk": "string",
    "pat_sk": "string",
    "toks": "string",  # " k1 k2 k3 ": all word keys, for "appears anywhere in the other name"
    "name_key": "string",  # sorted word keys
    "pair4": "string",  # sorted 4-letter prefixes of surname and given name (blocking)
    "sur3": "string",
    "giv3": "string",
    "dob": "string",  # YYYY-MM-DD, YYYY-MM or YYYY
    "dob_swap": "string",  # day and month exchanged, when that is a date
    "dob_year": "string",
    "sex": "string",
    # the surname, given name and father's name as written, one letter for one letter
    # (see written_form), and the same letters sorted: typos are counted on these
    "surw": "string",
    "givw": "string",
    "patw": "string",
    "surw_srt": "string",
    "givw_srt": "string",
    "patw_srt": "string",
    # a given name or father's name written only as an initial: the key of its letter(s)
    "giv_init": "string",
    "pat_init": "string",
    # the surname without its Russian ending (see use_surname_roots)
    "sur_root": "string",
}


def _features_version() -> int:
    """A checksum of the code that computes a record's features (this module, the record's
    parsing and the names' keys): a register keeps the features of its people
    (:mod:`mekendesh.people.linkage_features`) and computes again those of another version, so
    that a change to that code never leaves stored features behind."""
    here = Path(__file__).resolve().parent
    files = [here / "features.py", here / "io.py", *sorted((here.parent / "names").glob("*.py"))]
    checksum = 0
    for path in files:
        if path.exists():
            checksum = zlib.crc32(path.read_bytes(), checksum)
    return checksum & 0x7FFFFFFF


FEATURES_VERSION = _features_version()

key = functools.lru_cache(maxsize=500_000)(token_key)


def respelled(record: Record) -> Record:
    """The record with its name respelled for comparison (:mod:`mekendesh.names.romanize`).

    Words run together or split by a stray space are repaired in the full name, and German,
    French, Turkish and scholarly Latin spellings rewritten into those the keys read, the
    spelling systems read from the whole name.
    """
    full, surname, given, patronymic = respell_name(
        repair_spacing(record.full_name), record.surname, record.given_name, record.patronymic
    )
    if (full, surname, given, patronymic) == (record.full_name, record.surname, record.given_name, record.patronymic):
        return record
    return dataclasses.replace(
        record, full_name=full or record.full_name, surname=surname, given_name=given, patronymic=patronymic
    )


def _word_keys(text: str | None) -> list[str]:
    if not text:
        return []
    return [k for k in (key(w) for w in text.replace("-", " ").split()) if k]


# A patronymic ending with one letter wrong, missing or extra (Бекболотавна, Бобуронва,
# Алишеровны, Мухтарбековин): what list typists do to the end of a long word.
_FUZZY_PATRONYMIC_RE = re.compile(
    r"(?:[oea]?v(?:i[ck]|[ck]i|n[ai]?|an|na[ai])|[oe]v[a-z]?(?:ic|na)|[oe]vi[a-z](?:na)?|ovi|evi|[oe]nva|[oe]v[ck]|[oe]vn[a-z]?|icn[a-z]?)$"
)


def patronymic_root(k: str, *, known: bool = False) -> str:
    """The father's name inside a patronymic key: ``asanbekovic`` -> ``asanbek``.

    A Russian ending with a typo in it is removed too (``bekbolotavna`` -> ``bekbolot``).
    ``known=True`` says the word is a patronymic (the parser found it as one): then any
    ending one edit (a transposition included) from -ович/-евич/-овна/-евна is removed
    as well (``suiunovac``, ``abdullaveic``, ``doolotbekvona``, ``samatobic``).
    """
    for ending in _PATRONYMIC_ENDINGS:
        if k.endswith(ending) and len(k) - len(ending) >= 3:
            if known and len(ending) == 2 and len(k) >= 7:
                # «Саматобич», «Медеотвич»: a mistyped -ович rather than a bare -ич
                root = _typo_ending_root(k)
                if root is not None:
                    return root
            return k[: -len(ending)]
    for ending in _ATTACHED_PATRONYMIC_ENDINGS:
        turkmen_given = ending == "uli" and k.endswith(TURKMEN_GIVEN_ENDINGS)
        if k.endswith(ending) and len(k) - len(ending) >= 3 and not turkmen_given:
            return k[: -len(ending)]
    if len(k) >= 7:
        m = _FUZZY_PATRONYMIC_RE.search(k)
        if m and m.start() >= 3:
            return k[: m.start()]
        if known:
            root = _typo_ending_root(k)
            if root is not None:
                return root
    return k


def _typo_ending_root(k: str) -> str | None:
    for i in range(max(3, len(k) - 5), len(k) - 2):
        tail = k[i:]
        if any(damerau_distance(tail, e) <= 1 for e in ("ovic", "evic", "ovna", "evna")):
            return k[:i]
    return None


_SKELETON_DROP = str.maketrans("", "", "aeiouy")
# The hissing and hushing consonants of the keys (с з ж/дж ш ч/ц), one letter in the skeleton:
# spellings disagree on them more than on any other consonants. German writes ж and ш both as
# sch and з and с both as s (Schanysch = Жаныш, Sarifi = Зарифӣ), Turkish writes ж as c
# (Ceenbek = Жээнбек), English Rosa is Роза.
_SKELETON_SIBILANTS = str.maketrans("zjxc", "ssss")


_WRITTEN = str.maketrans(
    {
        # ы and й as Latin y (Turkmen Latin and passports write them so)
        **dict(zip("абвгдезийклмнопрстуфхцчшщыэ", "abvgdeziyklmnoprstufhccssye", strict=True)),
        "ё": "o",
        "ж": "j",
        "ю": "u",
        "я": "a",
        "ъ": None,
        "ь": None,
        # Kyrgyz, Kazakh, Tajik, Uzbek letters that a Russian list writes as н, о, у, а, г, к, х, дж
        "ң": "n",
        "ө": "o",
        "ү": "u",
        "ә": "a",
        "ғ": "g",
        "қ": "k",
        "ұ": "u",
        "і": "i",
        "һ": "h",
        "ҳ": "h",
        "ҷ": "j",
        "ӣ": "i",
        "ӯ": "u",
        "ў": "u",
        # Turkmen and Uzbek Latin
        "ý": "y",
        "ç": "c",
        "ş": "s",
        "ž": "z",
        "ň": "n",
        "ä": "a",
        "ö": "o",
        "ü": "u",
        "w": "v",
        "'": None,
        "ʻ": None,
        "ʼ": None,
        "’": None,
        "-": None,
    }
)


@functools.lru_cache(maxsize=500_000)
def written_form(word: str) -> str:
    """A word as written, each letter replaced by one ASCII letter (no digraph rules).

    The comparison keys fold spellings (ие → e, оо → o, ия → ya), so a single mistyped or
    dropped letter can be two edits apart on the keys (Тилек / Тиек: tilek / tek). On this
    form one typo stays one edit; it serves only to count typos.
    """
    return word.lower().translate(_WRITTEN)


@functools.lru_cache(maxsize=500_000)
def _word_forms(word: str) -> tuple[str, ...]:
    """The keys a written word can stand for: its key, surname stem and patronymic root."""
    k = key(word)
    if not k:
        return ()
    return (k, surname_key(k), patronymic_root(k, known=True), surname_root(k))


def _written_words(record: Record) -> list[str]:
    texts = (record.full_name, record.surname, record.given_name, record.patronymic)
    return [w for text in texts if text for w in text.replace("-", " ").split()]


def _written(words: list[str], k: str | None) -> tuple[str | None, str | None]:
    """The written form of the word whose key (or stem, or root) is ``k``, and its letters sorted."""
    if not k:
        return None, None
    for i in range(4):
        for w in words:
            forms = _word_forms(w)
            if len(forms) > i and forms[i] == k:
                return _written_pair(w)
    return None, None


@functools.lru_cache(maxsize=500_000)
def _written_pair(word: str) -> tuple[str | None, str | None]:
    form = written_form(word)
    return (form, "".join(sorted(form))) if form else (None, None)


def skeleton(k: str | None) -> str | None:
    """The consonants of a key: ``tologon`` and ``telegen`` -> ``tlgn``.

    Russian lists write Kyrgyz ө as о, ё or е and ә as а or е, and Kazakh ө and ұ as у
    (Өтемісов / Утемисов, Әсел / Есел); the keys keep those vowels apart (so that different
    names stay different), the skeleton lets the model weigh a pair that differs only in
    vowels. A leading vowel is kept as a mark (``otemisov`` and ``utemisov`` -> ``_tmsv``),
    so that a word with one is still told from the same consonants without it. The hissing and
    hushing consonants are one letter (:data:`_SKELETON_SIBILANTS`): ``janix`` and ``xanix``
    (Жаныш, German Schanysch) -> ``sns``.
    """
    if not k:
        return None
    head = "_" if k[0] in "aeiouy" else k[0]
    return (head + k[1:].translate(_SKELETON_DROP)).translate(_SKELETON_SIBILANTS)


def surname_stem(k: str) -> str:
    """A surname key without its feminine ending: ``kulubaeva`` -> ``kulubaev``."""
    if k.endswith(_FEMALE_SURNAME) and len(k) > 4:
        return k[:-1]
    return k


# Surname endings that lists add or drop, on keys: Russian -ов/-ев (Нурмагамбетов, Kazakh
# Нурмагамбет; Сыдыков, Sydyk; see use_surname_roots). Tajik -зода is also written -заде and
# -зод (Сафарзода, Safarzade, Rahmonzod): one ending, kept.
_DROPPED_ENDINGS = ("ov", "ev")
_TAJIK_ZODA = ("zade", "zod")
_SURNAME_MIN_ROOT = 4


def surname_key(k: str) -> str:
    """A surname key without its feminine ending, a Tajik -заде or -зод written -зода.

    Safarzade, Rahmonzod and Сафарзода, Раҳмонзода have one ending; Сафаров and Сафарзода
    are two surnames.
    """
    k = surname_stem(k)
    for ending in _TAJIK_ZODA:
        if k.endswith(ending) and len(k) - len(ending) >= 3:
            return k[: -len(ending)] + "zoda"
    return k


def surname_root(k: str) -> str:
    """A surname key without the Russian ending lists add or drop: ``nurmagambetova`` -> ``nurmagambet``.

    :func:`surname_key`, then -ов/-ев removed when at least four letters remain (-аев is -ай
    with the ending: Шерикбаев, Sherikbay). Nurmagambet and Нурмагамбетов are one surname.
    """
    k = surname_key(k)
    for ending in _DROPPED_ENDINGS:
        if k.endswith(ending) and len(k) - len(ending) >= _SURNAME_MIN_ROOT:
            root = k[: -len(ending)]
            return root + "i" if ending == "ev" and root.endswith("a") else root
    return k


def use_surname_roots(*tables: dict[str, list[Any]]) -> None:
    """Compare surnames without their Russian ending where that confuses no given name.

    A list may write a surname without the Russian ending (Nurmagambet for Нурмагамбетов).
    Most Central Asian surnames are a name with -ов/-ев (Асанов from Асан), so without its
    ending a surname would often be a given name of the same lists, and a surname and a given
    name of two people would look alike, and a typo in the ending would count twice. The
    root replaces the surname (``sur`` and the columns made from it) only where a record of
    either table has it as its surname, without an ending, and none has it as its given name.
    """
    givens = {g for t in tables for g in t["giv"] if g}
    bare = {sur for t in tables for sur, root in zip(t["sur"], t["sur_root"], strict=True) if sur and sur == root}
    for t in tables:
        for i, (sur, root) in enumerate(zip(t["sur"], t["sur_root"], strict=True)):
            if not sur or not root or root == sur or root in givens or root not in bare:
                continue
            t["sur"][i] = root
            t["sur_sk"][i] = skeleton(root)
            t["sur3"][i] = root[:3]
            giv = t["giv"][i]
            t["pair4"][i] = "|".join(sorted((root[:4], giv[:4]))) if giv else None


def _father_form(keys: list[str]) -> str | None:
    """``["nurlan", "uulu"]`` -> ``"nurlan"``; None when the words are not that form."""
    if len(keys) >= 2 and keys[-1] in CONNECTOR_KEYS:
        return keys[-2]
    return None


def name_parts(record: Record) -> tuple[str | None, str | None, str | None, str | None]:
    """Surname, given and father's-name keys of a record, and a sex hint from its name."""
    sur, giv, pat, hint, _initials = _name_parts(respelled(record))
    return sur, giv, pat, hint


def _initial_key(text: str | None) -> str | None:
    """The key of a name written as initials only (Б., Sh., B.T.: the first), else None."""
    if not text:
        return None
    words = text.replace(".", ". ").split()
    # (a word beginning with three letters is no initial: most names end here)
    if not words or any(len(w) >= 3 and w[:3].isalpha() for w in words):
        return None
    if not all(is_initial(w) or w.rstrip(".").lower() in _DIGRAPH_INITIALS for w in words):
        return None
    return key(words[0].rstrip(".")) or None


# Latin initials of two letters, one Cyrillic letter each («S.Ch.», "Je.Zh."), which the name
# parser gives without their dots
_DIGRAPH_INITIALS = frozenset({"sh", "ch", "zh", "kh", "ts", "je", "ju", "ja", "jo", "ye", "yu", "ya", "yo", "gh"})


def _name_parts(
    record: Record,
) -> tuple[str | None, str | None, str | None, str | None, tuple[str | None, str | None]]:
    """:func:`name_parts`, and the keys of a given name and father's name written as initials.

    A given name or father's name that is only an initial is not compared as a name (its key
    would be one letter): it is left out, and its letter kept for the engine, which puts a
    registered person whose names begin so in the review band («Токонов Б.Т.», "Tokonov B.").
    A name of one word with a surname ending is a surname alone.
    """
    hint = None
    if record.surname or record.given_name or record.patronymic:
        surname, given, patronymic = record.surname, record.given_name, record.patronymic
    else:
        parsed = parse_name(record.full_name)
        surname = parsed.surname
        givens = list(parsed.given)
        patronymic = parsed.patronymic
        hint = parsed.sex_hint
        surname, givens = _recheck_surname(surname, givens, patronymic)
        if patronymic is None and len(givens) >= 2:
            # «Шерзод Шухратовч Жураев»: a typo in the ending hid the patronymic from the
            # parser; a later given word that ends almost like -ович/-овна is one
            for g in givens[1:]:
                if _looks_patronymic(key(g)):
                    patronymic = g
                    givens = [x for x in givens if x is not g]
                    break
        given = " ".join(givens) if givens else None
    giv_init, pat_init = _initial_key(given), _initial_key(patronymic)
    if giv_init is not None:
        given = None
    if pat_init is not None:
        patronymic = None
    alone = surname is None and patronymic is None and given is not None and len(given.split()) == 1
    if alone and given is not None and looks_like_surname(given):
        surname, given = given, None  # «Омуралиев», "Gabdullin": a surname alone
    sur_keys = _word_keys(surname)
    giv_keys = _word_keys(given)
    pat_keys = _word_keys(patronymic)
    father = _father_form(sur_keys) or _father_form(pat_keys)
    sur = None
    pat = None
    if sur_keys and _father_form(sur_keys) is None:
        sur = surname_key(sur_keys[0] if len(sur_keys) == 1 else max(sur_keys, key=len))
    if father is not None:
        pat = father
        if sur is not None and not sur_keys[-1].endswith(_STRONG_SURNAME):
            # «Мирлан уулу Нурдин»: with a father's-name form, the other word is the given name
            giv_keys = [sur_keys[-1], *giv_keys]
            sur = None
        if sur is None:
            sur = father  # "Нурлан уулу Бакыт": the father's-name form stands for a surname
    elif pat_keys:
        pat = patronymic_root(pat_keys[0], known=True)
    giv = giv_keys[0] if giv_keys else None
    if sur is None and giv is None:
        words = [k for k in _word_keys(record.full_name) if k not in CONNECTOR_KEYS]
        giv = words[0] if words else None
    return sur, giv, pat, hint, (giv_init, pat_init)


def _looks_patronymic(k: str) -> bool:
    """A word after the given name that is a patronymic the parser did not take for one.

    «Юлия Юрьевна» (a short father's name: -ьевна on a two-letter key), or an ending one
    edit from -ович/-евич/-овна/-евна (Рустамова, Мамытона, Шухратовч): after a surname
    and a given name, a third word like that is the father's name, not a second surname.
    """
    if len(k) >= 6 and k.endswith(("ovna", "evna", "ovic", "evic")):
        return True
    return len(k) >= 7 and patronymic_root(k, known=True) != k


def _recheck_surname(surname: str | None, givens: list[str], patronymic: str | None) -> tuple[str | None, list[str]]:
    """Prefer a word with a surname ending (-ов, -ева, -zoda …) over one ending in -ин/-ина.

    «Ширин Мередова», «Эркин Усонбекович Юмоталиев»: Эркин and Ширин end like a surname
    (Пушкин), but when another word carries an unambiguous surname ending, that word is the
    surname and the -ин word the given name.
    """
    if not surname or not givens or len(surname.split()) != 1:
        return surname, givens
    if key(surname).endswith(_STRONG_SURNAME):
        return surname, givens
    strong = [g for g in givens if key(g).endswith(_STRONG_SURNAME)]
    if len(strong) == 1:
        pick = strong[0]
        return pick, [surname, *[g for g in givens if g is not pick]]
    return surname, givens


def _dob_columns(dob: str | None) -> tuple[str | None, str | None, str | None]:
    if dob is None:
        return None, None, None
    year = dob[:4]
    swap = None
    if len(dob) == 10:
        month, day = dob[5:7], dob[8:10]
        if int(day) <= 12 and day != month:
            swap = f"{year}-{day}-{month}"
    return dob, swap, year


def record_features(record: Record) -> dict[str, Any]:
    original = record
    record = respelled(record)
    sur, giv, pat, hint, (giv_init, pat_init) = _name_parts(record)
    words = [k for k in _word_keys(record.full_name) if k not in CONNECTOR_KEYS]
    words += [surname_root(w) for w in words if surname_root(w) != w]
    for extra in (sur, giv, pat):
        if extra and extra not in words:
            words.append(extra)
    dob, swap, year = _dob_columns(record.birth_date)
    pair = sorted(x[:4] for x in (sur, giv) if x)
    written = _written_words(record)
    surw, surw_srt = _written(written, sur)
    givw, givw_srt = _written(written, giv)
    patw, patw_srt = _written(written, pat)
    return {
        "unique_id": record.id,
        "full_name": original.full_name,
        "sur": sur,
        "giv": giv,
        "pat": pat,
        "sur_sk": skeleton(sur),
        "giv_sk": skeleton(giv),
        "pat_sk": skeleton(pat),
        "toks": " " + " ".join(words) + " ",
        "name_key": " ".join(sorted(words)) or None,
        "pair4": "|".join(pair) if len(pair) == 2 else None,
        "sur3": sur[:3] if sur else None,
        "giv3": giv[:3] if giv else None,
        "dob": dob,
        "dob_swap": swap,
        "dob_year": year,
        "sex": record.sex or hint,
        "surw": surw,
        "givw": givw,
        "patw": patw,
        "surw_srt": surw_srt,
        "givw_srt": givw_srt,
        "patw_srt": patw_srt,
        "giv_init": giv_init,
        "pat_init": pat_init,
        "sur_root": surname_root(sur) if sur else None,
    }


def feature_table(records: Sequence[Record], progress: Callable[[int], object] | None = None) -> dict[str, list[Any]]:
    """Column-oriented features of ``records`` (a dict of equal-length lists)."""
    table: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    appenders = [(name, table[name].append) for name in COLUMNS]
    for i, record in enumerate(records, 1):
        row = record_features(record)
        for name, append in appenders:
            append(row[name])
        if progress is not None and i % 10_000 == 0:
            progress(10_000)
    if progress is not None and len(records) % 10_000:
        progress(len(records) % 10_000)
    return table
