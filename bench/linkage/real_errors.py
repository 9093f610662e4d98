"""Errors of real lists that the default synthetic population leaves out.

``python -m bench.linkage --real-errors P`` gives a share ``P`` of the list rows one of these
(drawn from a random generator of its own, so the rest of the population is the one of the
default run):

* ``romanized``: the name in the Latin of another language: German (w for в, j for й, sch for
  ш and ж, tsch for ч, ch for х, s for з, z for ц), French (ou for у, ch for ш, tch for ч),
  Turkish (c for ж, ç ş ı ö ü), scholarly (j for й and y for ы), Polish (ż, sz, cz, ł, w, j),
  Czech (ž, š, č, ch for х, j, a woman's surname in -ová), Spanish (j for х, an accent on one
  vowel), Uzbek and Tajik Latin (x or h for х, q for қ, o' for ў);
* ``case or space``: two words run together (AigulMamatovna), a stray space inside a word, a
  digraph's first two letters in capitals (SHerikbek);
* ``surname ending``: the Russian ending of the surname dropped (Нурмагамбет), or a Tajik
  -зода written -заде or -зод;
* ``initials``: the surname with initials only («Токонов Б.Т.», "Tokonov B."), or the
  surname alone;
* ``register duplicate`` (on the register side): a member registered twice, the second
  entry in passport Latin or without the patronymic; both entries are true pairs of the row.
"""

from __future__ import annotations

import random

KINDS = ("romanized", "case or space", "surname ending", "initials")
P_REGISTER_DUPLICATE = 0.1  # of the rows with an error, the member is also registered twice

_BASE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "з": "z",
    "и": "i",
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
    "ы": "y",
    "ь": "",
    "ъ": "",
    "э": "e",
    "ң": "ng",
    "ө": "ö",
    "ү": "ü",
    "ә": "ä",
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
}
# what Polish, Czech and scholarly spelling write alike: j for й, ju ja jo for ю я ё
_WEST_SLAVIC = {
    **_BASE,
    "й": "j",
    "х": "ch",
    "ц": "c",
    "ю": "ju",
    "я": "ja",
    "ё": "jo",
    "ө": "o",
    "ү": "u",
    "ә": "a",
}
SYSTEMS: dict[str, dict[str, str]] = {
    "german": {
        **_BASE,
        "в": "w",
        "ж": "sch",
        "з": "s",
        "й": "j",
        "х": "ch",
        "ц": "z",
        "ч": "tsch",
        "ш": "sch",
        "щ": "schtsch",
        "ю": "ju",
        "я": "ja",
        "ё": "jo",
        "ө": "ö",
        "ү": "ü",
    },
    "french": {
        **_BASE,
        "ж": "j",
        "й": "ï",
        "у": "ou",
        "х": "kh",
        "ц": "ts",
        "ч": "tch",
        "ш": "ch",
        "щ": "chtch",
        "ю": "iou",
        "я": "ia",
        "ё": "io",
        "ү": "u",
        "ө": "o",
        "ұ": "ou",
    },
    "turkish": {
        **_BASE,
        "ж": "c",
        "й": "y",
        "х": "h",
        "ц": "ts",
        "ч": "ç",
        "ш": "ş",
        "щ": "şç",
        "ы": "ı",
        "ю": "yu",
        "я": "ya",
        "ё": "yo",
        "ғ": "ğ",
    },
    "scholarly": {**_WEST_SLAVIC, "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
    "polish": {**_WEST_SLAVIC, "в": "w", "ж": "ż", "л": "ł", "ч": "cz", "ш": "sz", "щ": "szcz"},
    "czech": {**_WEST_SLAVIC, "ж": "ž", "ч": "č", "ш": "š", "щ": "šč"},
    "spanish": {
        **_BASE,
        "ж": "zh",
        "й": "i",
        "х": "j",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "sch",
        "ю": "yu",
        "я": "ya",
        "ё": "yo",
        "ө": "o",
        "ү": "u",
        "ә": "a",
    },
    "uzbek or tajik": {
        **_BASE,
        "ж": "j",
        "й": "y",
        "х": "x",
        "ҳ": "h",
        "қ": "q",
        "ғ": "g'",
        "ў": "o'",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "sh",
        "ю": "yu",
        "я": "ya",
        "ё": "yo",
        "ӣ": "ī",
        "ӯ": "ū",
        "ө": "o",
        "ү": "u",
    },
}
_VOWELS = set("аеёиоуыэюяөүәұіӣӯў")


def romanize(text: str, system: str) -> str:
    """``text`` (Cyrillic) in the Latin of ``system``, each word capitalised."""
    table = SYSTEMS[system]
    words = []
    for word in text.split():
        out = []
        low = word.lower()
        for i, ch in enumerate(low):
            prev = low[i - 1] if i else ""
            if ch == "е" and system in ("german", "scholarly") and (not prev or prev in _VOWELS or prev in "ьъ"):
                out.append("je")
            elif ch == "е" and system in ("turkish", "uzbek or tajik") and (not prev or prev in _VOWELS):
                out.append("ye")
            elif ch == "е" and system in ("polish", "czech") and (not prev or prev in _VOWELS or prev in "ьъ"):
                out.append("je")
            elif ch == "с" and system == "german" and prev in _VOWELS and i + 1 < len(low) and low[i + 1] in _VOWELS:
                out.append("ss")
            elif ch == "л" and system == "polish" and i + 1 < len(low) and low[i + 1] in "еиьяюёі":
                out.append("l")  # Polish ł is the hard л
            else:
                out.append(table.get(ch, ch))
        latin = "".join(out)
        if system == "czech" and low.endswith(("ова", "ева", "ина")) and len(low) > 5:
            latin = latin[:-1] + "ová"  # Otunbajeva -> Otunbajevová
        if system == "spanish":
            latin = _stress(latin)
        # a capital at the start and after the dot of an initial (Б.Т. -> B.T.)
        words.append("".join(c.upper() if i == 0 or latin[i - 1] == "." else c for i, c in enumerate(latin)))
    return " ".join(words)


_ACUTE = str.maketrans("aeiou", "áéíóú")


def _stress(latin: str) -> str:
    """Spanish marks the stress of a name with an acute on one vowel: Nazarbáyev, Tokáyev."""
    vowels = [i for i, c in enumerate(latin) if c in "aeiou"]
    if len(vowels) < 2:
        return latin
    i = vowels[-2]
    return latin[:i] + latin[i].translate(_ACUTE) + latin[i + 1 :]


def system_for(nationality: str, rng: random.Random) -> str:
    if nationality in ("uz", "tj") and rng.random() < 0.5:
        return "uzbek or tajik"
    return str(rng.choice(("german", "french", "turkish", "scholarly", "polish", "czech", "spanish")))


_DIGRAPHS = ("Sh", "Ch", "Zh", "Kh", "Ts")


def case_or_space(name: str, rng: random.Random) -> str:
    words = name.split()
    roll = rng.random()
    if roll < 0.4 and len(words) >= 2:
        i = rng.randrange(len(words) - 1)
        return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])
    if roll < 0.7:
        candidates = [i for i, w in enumerate(words) if len(w) >= 6]
        if candidates:
            i = rng.choice(candidates)
            cut = rng.randrange(3, len(words[i]) - 2)
            w = words[i]
            return " ".join([*words[:i], w[:cut], w[cut:], *words[i + 1 :]])
    latin = [i for i, w in enumerate(words) if w.startswith(_DIGRAPHS)]
    if latin:
        i = rng.choice(latin)
        words[i] = words[i][:2].upper() + words[i][2:]
        return " ".join(words)
    return name.upper() if rng.random() < 0.5 else name.lower()


_RUSSIAN_ENDINGS = ("ова", "ева", "ов", "ев")
_TAJIK_ENDINGS = {"зода": ("заде", "зод"), "заде": ("зода",)}


def surname_ending(surname: str, rng: random.Random) -> str | None:
    """The surname with its Russian ending dropped or its Tajik ending changed; None if neither."""
    low = surname.lower()
    for ending, others in _TAJIK_ENDINGS.items():
        if low.endswith(ending):
            return surname[: -len(ending)] + rng.choice(others)
    for ending in _RUSSIAN_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            root = surname[: -len(ending)]
            # -аев is -ай with the Russian ending: Айтбаев, Айтбай
            return (
                root + ("Й" if root.isupper() else "й")
                if ending.startswith("е") and low[-len(ending) - 1] == "а"
                else root
            )
    return None


def initials(surname: str, given: str, patronymic: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return surname
    first = given[:2] if given[:2] in _DIGRAPHS else given[:1]
    if roll < 0.55 or not patronymic:
        return f"{surname} {first}."
    return f"{surname} {first}.{patronymic[:1]}."


__all__ = ["KINDS", "P_REGISTER_DUPLICATE", "SYSTEMS", "case_or_space", "initials", "romanize", "surname_ending"]
