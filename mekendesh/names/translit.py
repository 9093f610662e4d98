"""Transliteration tables for Central Asian names.

The tables are hand-written on purpose.  General transliterators (ICU Any-Latin,
iuliia, cyrtranslit, unidecode) either leave the Kyrgyz letters ң ө ү untouched,
do not know Kyrgyz doubled vowels (Жээнбек), the Turkmen Latin letters ý ň ä ç ş ž w
or the Kazakh and Tajik letters (ә ғ қ ұ і һ, ӣ ӯ ҳ ҷ), and none of them brings
Cyrillic and the various Latin spellings to one comparison form.  No maintained
library does, so this package carries its own small tables and needs nothing
beyond the standard library.

Three directions live here:

* :func:`phonemes` — any Cyrillic or Latin spelling of one word to a list of rough
  phonemes, the first step of the comparison key (see ``keys.py``);
* :func:`icao_latin` — Cyrillic to the upper-case passport Latin of ICAO Doc 9303 part 3;
* :func:`latin_to_cyrillic` — a Latin spelling to Russian or Kyrgyz Cyrillic.
"""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------------------
# Phonemes.  Symbols: vowels a e i o u; "Y" a glide (й, the y of "ya"); the
# consonants are ASCII letters where "j" = ж/дж, "c" = ч, "x" = ш (щ = шч = "xc"),
# "h" = х.  Uzbek ў / o' is read as u, the way Russian (Уткир) and ICAO (UTKIR)
# write it.
# A lone Latin "c" is read as ч: it is what ICAO makes of Turkmen ç (Çaryýew →
# CARYYEW); the key then merges ц (ts) with it, so that Polish-style "Coi" still
# meets Цой.
# "|" marks a soft or hard sign (it makes the next е ё ю я iotated).
# ---------------------------------------------------------------------------

VOWELS = frozenset("aeiou")

_CYR_PHONEMES: dict[str, str] = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "ҕ": "g",
    "д": "d",
    "ж": "j",
    "җ": "j",
    "з": "z",
    "и": "i",
    "ӣ": "i",
    "й": "Y",
    "і": "i",
    "ї": "i",
    "к": "k",
    "қ": "k",
    "ҡ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "ҥ": "n",
    "о": "o",
    "ө": "o",
    "ӧ": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "ҫ": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ӯ": "u",
    "ў": "u",
    "ф": "f",
    "х": "h",
    "ҳ": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "c",
    "ҷ": "j",
    "ҹ": "c",
    "ш": "x",
    "щ": "xc",
    "ы": "i",
    "э": "e",
    "є": "Ye",
    "ј": "Y",
    "ґ": "g",
    "ъ": "|",
    "ь": "|",
}
# е ё ю я: iotated at the start of a syllable.
_CYR_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}

# Latin multigraphs, longest first.  Apostrophe variants are normalised to "'".
_LAT_MULTI: list[tuple[str, str]] = [
    ("dzh", "j"),
    ("sch", "xc"),
    ("zh", "j"),
    ("kh", "h"),
    ("sh", "x"),
    ("ch", "c"),
    ("gh", "g"),
    ("dj", "j"),
    ("dž", "j"),
    ("o'", "u"),
    ("g'", "g"),
    ("u'", "u"),
]
_LAT_SINGLE: dict[str, str] = {
    "a": "a",
    "ä": "a",
    "b": "b",
    "c": "c",
    "ç": "c",
    "č": "c",
    "d": "d",
    "e": "e",
    "ə": "a",
    "f": "f",
    "g": "g",
    "ğ": "g",
    "h": "h",
    "ı": "i",
    "i": "i",
    "j": "j",
    "k": "k",
    "q": "k",
    "l": "l",
    "m": "m",
    "n": "n",
    "ň": "n",
    "ñ": "n",
    "o": "o",
    "ö": "o",
    "p": "p",
    "r": "r",
    "s": "s",
    "ş": "x",
    "š": "x",
    "ș": "x",
    "t": "t",
    "u": "u",
    "ü": "u",
    "v": "v",
    "w": "v",
    "x": "h",
    "y": "Y",
    "ý": "Y",
    "z": "z",
    "ž": "j",
    "ß": "s",
}
_APOSTROPHES = "'’‘`ʻʼ′´ʹ"
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")


def _strip_accents(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def phonemes(word: str) -> list[str]:
    """Rough phonemes of one word in any Cyrillic or Latin spelling.

    The word is expected lower-case with homoglyphs already repaired.  Letters
    that are neither Cyrillic nor Latin, digits and punctuation are dropped.
    """
    word = _APOSTROPHE_RE.sub("'", unicodedata.normalize("NFC", word))
    out: list[str] = []
    i = 0
    n = len(word)
    while i < n:
        char = word[i]
        if char in _CYR_IOTATED:
            prev = out[-1] if out else ""
            if char == "ё" and not out:
                out.extend(("Y", "o"))  # Ёдгор = Yodgor
            elif char == "ё" and prev not in VOWELS and prev not in ("|", "Y"):
                # After a consonant ё is an o: Russian lists write Kyrgyz ө so (Мёлдир =
                # Мөлдир, Тёлёгён = Төлөгөн), as they write Uzbek and Tajik o (Пётр = Pyotr).
                out.append("o")
            elif char == "е" and out and prev not in VOWELS and prev not in ("|", "Y"):
                # Ерлан = Эрлан; after a consonant a plain e
                out.append("e")
            else:
                out.extend(("Y", _CYR_IOTATED[char]))
            i += 1
            continue
        mapped = _CYR_PHONEMES.get(char)
        if mapped is not None:
            out.extend(mapped)
            i += 1
            continue
        if char == "y" and word.startswith("yo", i) and out and out[-1] not in VOWELS and out[-1] not in ("|", "Y"):
            i += 1  # Semyonov, Pyotr: yo after a consonant is ё, an o (see above)
            continue
        for graph, sound in _LAT_MULTI:
            if word.startswith(graph, i):
                out.extend(sound)
                i += len(graph)
                break
        else:
            mapped = _LAT_SINGLE.get(char)
            if mapped is None and char.isalpha():
                mapped = "".join(_LAT_SINGLE.get(c, "") for c in _strip_accents(char))
            if mapped:
                out.extend(list(mapped))
            i += 1
    return out


# ---------------------------------------------------------------------------
# ICAO Doc 9303 part 3, Cyrillic to Latin.  The Russian table is ICAO's own; the
# Kyrgyz, Kazakh, Tajik and Uzbek letters follow the practice of those countries'
# passports (ң → N, ө → O, ү → U, ә → A, ғ → G, қ → K, ұ → U, һ/ҳ → H, ҷ → J ...).
# ---------------------------------------------------------------------------

_ICAO_CYR: dict[str, str] = {
    "а": "A",
    "б": "B",
    "в": "V",
    "г": "G",
    "д": "D",
    "е": "E",
    "ё": "E",
    "ж": "ZH",
    "з": "Z",
    "и": "I",
    "й": "I",
    "к": "K",
    "л": "L",
    "м": "M",
    "н": "N",
    "о": "O",
    "п": "P",
    "р": "R",
    "с": "S",
    "т": "T",
    "у": "U",
    "ф": "F",
    "х": "KH",
    "ц": "TS",
    "ч": "CH",
    "ш": "SH",
    "щ": "SHCH",
    "ъ": "IE",
    "ы": "Y",
    "ь": "",
    "э": "E",
    "ю": "IU",
    "я": "IA",
    "і": "I",
    "ї": "I",
    "є": "IE",
    "ґ": "G",
    "ў": "U",
    "ј": "J",
    "ѕ": "DZ",
    "џ": "DZ",
    "љ": "LJ",
    "њ": "NJ",
    "ќ": "K",
    "ѓ": "G",
    "ђ": "D",
    "ћ": "C",
    # Kyrgyz
    "ң": "N",
    "ө": "O",
    "ү": "U",
    # Kazakh (ң ө ү as above)
    "ә": "A",
    "ғ": "G",
    "қ": "K",
    "ұ": "U",
    "һ": "H",
    # Tajik (ғ қ as above)
    "ӣ": "I",
    "ӯ": "U",
    "ҳ": "H",
    "ҷ": "J",
    # Bashkir/Tatar/Chuvash letters met in Russian lists
    "җ": "ZH",
    "ҥ": "N",
    "ӧ": "O",
    "ҫ": "S",
    "ҡ": "K",
    "ҕ": "G",
    "ҹ": "CH",
}
# Latin letters the ICAO table rewrites; the rest lose their diacritics.
_ICAO_LAT: dict[str, str] = {
    "ß": "SS",
    "æ": "AE",
    "œ": "OE",
    "ø": "OE",
    "þ": "TH",
    "ð": "D",
    "đ": "D",
    "ħ": "H",
    "ı": "I",
    "ł": "L",
    "ŀ": "L",
    "ŋ": "N",
    "ə": "A",
}


def icao_latin(text: str) -> str:
    """ICAO 9303 passport Latin of a name, upper-case.

    Cyrillic (Russian, Kyrgyz, Kazakh, Tajik, Uzbek letters) is transliterated;
    Latin letters are upper-cased and lose their diacritics; apostrophes are
    dropped, spaces and hyphens kept, runs of whitespace collapsed.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text or ""):
        lower = char.lower()
        if lower in _ICAO_CYR:
            out.append(_ICAO_CYR[lower])
        elif lower in _ICAO_LAT:
            out.append(_ICAO_LAT[lower])
        elif char.isspace():
            out.append(" ")
        elif char == "-":
            out.append("-")
        elif unicodedata.category(char) == "Lm":
            continue  # modifier letters: the Uzbek ʻ of oʻ gʻ and the ʼ of tutuq belgisi are apostrophes
        elif char.isalpha():
            out.append(_strip_accents(char).upper())
        elif char.isdigit():
            out.append(char)
    return " ".join("".join(out).split())
