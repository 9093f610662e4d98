"""How the demo writes a name in the scripts of the countries of origin: Russian Cyrillic to
Turkmen Latin and to Uzbek Latin, Tajik Cyrillic to Russian and to Uzbek Latin, Turkmen and
Uzbek Latin to Russian; patronymics in each country's styles; feminine surnames.

Pure functions, no database. The conversions follow the alphabets' own letter rules (Turkmen
Latin of 1993/1999, Uzbek Latin of 1995 with ``oʻ`` and ``gʻ`` written with U+02BB, Tajik
Cyrillic of 1998), as a passport office writes a name it receives in another script; the name
pools give the conventional Russian spelling wherever it is not what the rules give.
"""

from __future__ import annotations

from mekendesh.names.variants import latin_to_cyrillic

TURNED_COMMA = "ʻ"  # U+02BB: Uzbek oʻ and gʻ
_CYRILLIC_VOWELS = "аеёиоуыэюяәөүӣӯ"
_LATIN_VOWELS = "aeiouyäöüáéíóúı"


def _cased(letters: str, upper: bool, whole_word_upper: bool) -> str:
    """A replacement in the case of the letter it replaces: ``Ш`` → ``Sh``, in a word written in
    capitals ``SH``."""
    if not upper:
        return letters
    return letters.upper() if whole_word_upper else letters[:1].upper() + letters[1:]


def _convert(text: str, table: dict[str, str], iotated: dict[str, tuple[str, str]]) -> str:
    """Letter by letter. ``iotated`` letters (е, ё, ю, я) are written one way at the start of a
    word and after a vowel or a soft or hard sign, another after a consonant."""
    out: list[str] = []
    previous = ""
    for index, char in enumerate(text):
        lower = char.lower()
        upper = char != lower
        following = text[index + 1 : index + 2]
        capitals = upper and following.isalpha() and following.isupper()
        if lower in iotated:
            after_vowel = not previous.isalpha() or previous in _CYRILLIC_VOWELS or previous in "ьъ"
            out.append(_cased(iotated[lower][0 if after_vowel else 1], upper, capitals))
        elif lower in table:
            out.append(_cased(table[lower], upper, capitals))
        else:
            out.append(char)
        previous = lower
    return "".join(out)


_RU_TO_TK = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "ж": "ž", "з": "z", "и": "i", "й": "ý", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç", "ъ": "", "ы": "y", "ь": "", "э": "e",
    # Kazakh and Kyrgyz letters met in the names of the country's minorities
    "ә": "ä", "ө": "ö", "ү": "ü", "ң": "ň", "ғ": "g", "қ": "k", "ұ": "u", "һ": "h", "і": "i",
}  # fmt: skip
_RU_TO_TK_IOTATED = {"е": ("ýe", "e"), "ё": ("ýo", "ýo"), "ю": ("ýu", "ýu"), "я": ("ýa", "ýa")}


def russian_to_turkmen(text: str) -> str:
    """A name written in Russian Cyrillic, in Turkmen Latin (``Иванов Сергей Николаевич`` →
    ``Iwanow Sergeý Nikolaýewiç``), as Turkmen passports write the names of Russians,
    Uzbeks and Kazakhs of Turkmenistan."""
    return _convert(text, _RU_TO_TK, _RU_TO_TK_IOTATED)


_RU_TO_UZ = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e",
    "ә": "a", "ө": "o", "ү": "u", "ң": "ng", "ғ": "gʻ", "қ": "q", "ұ": "u", "һ": "h", "і": "i", "ў": "oʻ",
}  # fmt: skip
_RU_TO_UZ_IOTATED = {"е": ("ye", "e"), "ё": ("yo", "yo"), "ю": ("yu", "yu"), "я": ("ya", "ya")}


def russian_to_uzbek(text: str) -> str:
    """A name written in Russian Cyrillic, in Uzbek Latin (``Иванов Сергей Николаевич`` →
    ``Ivanov Sergey Nikolayevich``), as Uzbek passports write the names of Russians and Kazakhs."""
    return _convert(text, _RU_TO_UZ, _RU_TO_UZ_IOTATED)


_TG_TO_RU = {"ғ": "г", "ӣ": "и", "қ": "к", "ӯ": "у", "ҳ": "х", "ҷ": "дж"}


def tajik_to_russian(text: str) -> str:
    """The Russian spelling of a name written in Tajik Cyrillic (``Раҳимов`` → ``Рахимов``,
    ``Ҷамшед`` → ``Джамшед``): only the Tajik letters change."""
    return _convert(text, _TG_TO_RU, {})


_TG_TO_UZ = {
    **{key: value for key, value in _RU_TO_UZ.items() if key not in "хў"},
    "ғ": "gʻ", "ӣ": "iy", "қ": "q", "ӯ": "u", "х": "x", "ҳ": "h", "ҷ": "j", "ъ": "ʼ",
}  # fmt: skip


def tajik_to_uzbek(text: str) -> str:
    """A name written in Tajik Cyrillic, in Uzbek Latin (``Раҳмонов Ҷамшед`` → ``Rahmonov
    Jamshed``), as Uzbek passports write the names of the Tajiks of Uzbekistan."""
    return _convert(text, _TG_TO_UZ, _RU_TO_UZ_IOTATED)


def turkmen_to_russian(text: str) -> str:
    """The Russian spelling of a name in Turkmen Latin, by the letters (``Meredow`` →
    ``Мередов``): ``j`` is ``дж``; the pools give the conventional spelling where it differs."""
    return latin_to_cyrillic(text.replace("j", "dž").replace("J", "Dž"))


def uzbek_to_russian(text: str) -> str:
    """The Russian spelling of a name in Uzbek Latin, by the letters (``Joʻrayev`` → ``Жураев``)."""
    return latin_to_cyrillic(text)


# --- patronymics ---------------------------------------------------------------------------

_HUSHING_RU = ("ж", "ч", "ш", "щ", "ц")


def russian_patronymic(father: str, sex: str) -> str:
    """Russian-style patronymic in Russian Cyrillic (``Ораз`` → ``Оразович``, ``Бегенч`` →
    ``Бегенчевич``, ``Абдулло`` → ``Абдуллоевич``, ``Сергей`` → ``Сергеевич``)."""
    male = sex == "M"
    if father.endswith("й"):
        return father[:-1] + ("евич" if male else "евна")
    if father.endswith(_HUSHING_RU) or father[-1:].lower() in _CYRILLIC_VOWELS:
        return father + ("евич" if male else "евна")
    return father + ("ович" if male else "овна")


def tajik_patronymic(father: str, sex: str) -> str:
    """Russian-style patronymic as Tajik passports write it (``Раҳим`` → ``Раҳимович``)."""
    return russian_patronymic(father, sex)


def turkmen_patronymic(father: str, sex: str) -> str:
    """Turkmen Latin patronymic (``Oraz`` → ``Orazowiç``/``Orazowna``, ``Ata`` → ``Ataýewiç``,
    ``Sergeý`` → ``Sergeýewiç``, ``Begenç`` → ``Begençewiç``)."""
    male = sex == "M"
    if father.endswith("ý"):
        return father + ("ewiç" if male else "ewna")
    if father[-1:].lower() in _LATIN_VOWELS:
        return father + ("ýewiç" if male else "ýewna")
    if father.endswith(("ç", "ş", "j", "ž")):
        return father + ("ewiç" if male else "ewna")
    return father + ("owiç" if male else "owna")


def uzbek_patronymic(father: str, sex: str) -> str:
    """Uzbek Latin patronymic in the Russian style (``Olim`` → ``Olimovich``/``Olimovna``,
    ``Abdulla`` → ``Abdullayevich``, ``Sergey`` → ``Sergeyevich``)."""
    male = sex == "M"
    if father.endswith("y"):
        return father + ("evich" if male else "evna")
    if father[-1:].lower() in "aeiou":
        return father + ("yevich" if male else "yevna")
    if father.endswith(("sh", "ch", "j")):
        return father + ("evich" if male else "evna")
    return father + ("ovich" if male else "ovna")


# The word-patronymics: "son of" and "daughter of" after the father's name, in the country's
# script and in Russian.
CONNECTORS: dict[str, dict[str, tuple[str, str]]] = {
    "turkmen": {"M": ("ogly", "оглы"), "F": ("gyzy", "гызы")},
    "uzbek": {"M": (f"o{TURNED_COMMA}g{TURNED_COMMA}li", "угли"), "F": ("qizi", "кизи")},
    "karakalpak": {"M": ("uli", "улы"), "F": ("qizi", "кызы")},
}


def feminine(surname: str) -> str:
    """A surname in its feminine form, in any of the scripts: ``-ов``, ``-ев``, ``-ин`` take
    ``-а`` (``-ow``, ``-ew``, ``-ov``, ``-ev`` take ``-a``); ``-зода``, ``-ӣ`` and the rest do not change."""
    if surname.endswith(("ов", "ев", "ин")):
        return surname + "а"
    if surname.endswith(("ow", "ew", "ov", "ev")):
        return surname + "a"
    return surname
