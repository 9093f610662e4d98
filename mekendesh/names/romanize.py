"""Latin spellings beyond passport and English ones, and the accidents of typed lists.

:func:`mekendesh.names.token_key` reads the Latin that passports (ICAO 9303), English-language
lists and the Turkmen, Uzbek and Kazakh Latin alphabets write. Lists copied in other countries
write the same names the way their own language spells Russian, and typists add accidents of
case and spacing. This module rewrites such spellings into the one the keys read, a word at a
time, by rules about the spelling system rather than about particular names. A name is
written in one system, so what one word shows holds for the others (:func:`respell_name`):

* **j as й** (German, Polish, Czech and scholarly spelling): a name with a j after a vowel and
  before a consonant or at the end of a word, or ending in -ijev or -ajev, writes й as j, so every j of
  it is й (Bajtemir = Байтемир, Jurij = Юрий, Kurmanalijeva = Курманалиева); other names keep
  j as ж (Japarov, Aijan);
* **German**: tsch is ч, dsch and dsh are дж, and in a word that shows it is German (sch, w with ch,
  j for й with -ow or -ew, or -soda) sch is ш, ch is х, j is й, and s between vowels or before
  b, d, g is з (Tschyngyschew = Чыңгышев, Chamidow = Хамидов, Schamschijew = Шамшиев,
  Dschumabek = Жумабек, Almasbek Atambajew = Алмазбек Атамбаев). German writes ж as sch too
  (Schanysch = Жаныш), and с as s at the start of a word (Sarifi = Зарифӣ, Sadyr = Садыр): the
  linkage engine's consonant skeleton, which does not tell the hissing and hushing consonants
  apart, meets those;
* **Polish** (ł ż ś ć ń, sz, cz): sz is ш, cz is ч, ż and dż are ж and дж, ch is х, w is в, j is й
  (Kamczybek Taszijew = Камчыбек Ташиев, Feliks Kułow = Феликс Кулов);
* **Czech and Slovak** (č š ř ě ů, or a surname in -ová): č is ч, š is ш, ž is ж, ch is х, j is й,
  and a woman's surname in -ová is the Russian one (Otunbajevová = Отунбаева);
* **French**: ou is у, tch is ч, and in a word that shows it is French (ou, tch or ï), ch is ш,
  gu before e or i is г, s between vowels is з and a silent e after a final consonant is
  dropped (Tokoumbaev = Токумбаев, Tchinguiz = Чингиз, Rosa Otounbaïeva = Роза Отунбаева,
  Moukhiddine = Муҳиддин);
* **Turkish and Azerbaijani**: in a word with ı, ğ, ş, ç, ö or ü and without a letter only
  Turkmen has (ý ň ä ž w), a c is дж (Cumabek = Жумабек; Çolpanbay = Чолпонбай).

:func:`repair_spacing` undoes the accidents of case and spacing in a full name: two words run
together (AigulMamatovna), an ending or the tail of a word split off by a stray space
(Токо нов, Asan ova).

These rules are for comparing names of people on two lists (the linkage engine); the search
keys stored for the people of the register do not use them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .keys import CONNECTORS, token_key

_LATIN_VOWELS = "aeiouyáéíóúàèìòùäëïöüıæøå"
_VOWEL = f"[{_LATIN_VOWELS}]"
_TURKMEN_ONLY = frozenset("ýňäžw")
_TURKISH = frozenset("ığşçöü")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")


def _has_cyrillic(text: str) -> bool:
    return _CYRILLIC_RE.search(text) is not None


_GLIDE_J_RE = re.compile(f"{_VOWEL}j(?!{_VOWEL})|{_VOWEL}j(?:ev|ew|eva|ewa)$")
_GERMAN_ENDINGS = ("ow", "ew", "owa", "ewa", "owna", "ewna", "owitsch", "ewitsch")
# й as j before the German -ew (Nasarbajew, Bakijew, Atambajewa) or a German -soda (Rachimsoda)
_GERMAN_WORD_RE = re.compile(f"{_VOWEL}j[eo]wa?$|[^s]soda$")
_POLISH = frozenset("łżźśćńąę")
_POLISH_RE = re.compile("sz|cz")
_CZECH = frozenset("čšřěů")
_CZECH_FEMININE = "ová"
_FRENCH = frozenset("ïè")


def _czech_feminine(word: str) -> bool:
    """A Czech woman's surname: Otunbajevová, Nazarbajevová (a stem before -ová)."""
    return word.endswith(_CZECH_FEMININE) and len(word) > 5


def spellings(words: Iterable[str]) -> frozenset[str]:
    """The spelling systems a name's Latin words show: "german", "french", "turkish", "glide j".

    A name is written in one system, so what one word shows holds for all of them: in
    "Asamat Bajtemirow" the j for й and the -ow say German, so the s of Asamat is з.
    """
    found: set[str] = set()
    latin = [w for w in (unicodedata.normalize("NFC", x).lower() for x in words) if w and not _has_cyrillic(w)]
    joined = " ".join(latin)
    if "w" in joined and "ch" in joined:
        found.add("german")  # Rachimsoda Parwina: w and ch in one name
    for w in latin:
        glide = _GLIDE_J_RE.search(w) is not None
        if glide:
            found.add("glide j")
        if (
            "sch" in w
            or ("w" in w and "ch" in w)
            or (glide and w.endswith(_GERMAN_ENDINGS))
            or _GERMAN_WORD_RE.search(w)
        ):
            found.add("german")
        elif "ou" in w or "tch" in w or _FRENCH & set(w):
            found.add("french")
        if _TURKISH & set(w):
            found.add("turkish")
        if _POLISH & set(w) or _POLISH_RE.search(w):
            found.add("polish")
        if _CZECH & set(w) or _czech_feminine(w):
            found.add("czech")
    if any(_TURKMEN_ONLY & set(w) for w in latin):
        found.discard("turkish")
    if found & {"polish", "czech"}:
        # a Slavic spelling of its own: its j, ch, w and z are not the German, French or Turkish ones
        found -= {"german", "french", "turkish"}
        if "polish" in found:
            found.discard("czech")
    if "german" in found:
        found.discard("french")
    return frozenset(found)


@lru_cache(maxsize=262_144)
def respell(word: str, systems: frozenset[str] | None = None) -> str:
    """A Latin word in German, French, Turkish or scholarly spelling, in the spelling the keys read.

    ``systems`` are the spellings of the whole name (:func:`spellings`); without them, those
    the word itself shows. The result is lower case. A word with Cyrillic letters, or in none
    of these spellings, comes back lower-cased and otherwise unchanged.
    """
    w = unicodedata.normalize("NFC", word or "").lower()
    if not w or _has_cyrillic(w):
        return w
    if systems is None:
        systems = spellings([w])
    if "german" in systems:
        # German z is ц, a letter Central Asian names hardly have; lists that write z mean з
        w = re.sub(f"(?<={_VOWEL})s(?={_VOWEL}|[bdg])", "z", w)
        w = w.replace("ss", "s")
        w = w.replace("j", "y")  # German j is always й: Schamschijew, Jurij
        w = w.replace("dsch", "\x02").replace("tsch", "\x01").replace("sch", "sh").replace("ch", "kh")
        w = w.replace("\x01", "ch").replace("\x02", "dzh")
        if w.endswith("soda"):
            w = w[:-4] + "zoda"  # Rachimsoda: -зода
    elif "polish" in systems:
        w = w.replace("dż", "\x02").replace("cz", "\x01").replace("ć", "\x01").replace("sz", "sh")
        w = w.replace("ż", "zh").replace("ź", "zh").replace("ch", "kh").replace("j", "y").replace("w", "v")
        w = w.replace("ł", "l").replace("ś", "s").replace("ń", "n")
        w = w.replace("\x01", "ch").replace("\x02", "dzh")
    elif "czech" in systems:
        if _czech_feminine(w):
            stem = w[: -len(_CZECH_FEMININE)]
            w = stem + ("a" if stem.endswith(("ov", "ev", "in")) else "ova")  # Otunbajevová
        w = w.replace("č", "\x01").replace("ch", "kh").replace("š", "sh").replace("ž", "zh").replace("j", "y")
        w = w.replace("ř", "r").replace("ů", "u").replace("ě", "e").replace("\x01", "ch")
    elif "french" in systems:
        w = w.replace("tch", "\x01").replace("ch", "sh").replace("\x01", "ch")
        w = re.sub("gu(?=[eiy])", "g", w)
        w = w.replace("ou", "u")
        w = re.sub(f"(?<={_VOWEL})s(?={_VOWEL})", "z", w).replace("ss", "s")
        if len(w) > 4 and w.endswith("e") and w[-2] not in _LATIN_VOWELS:
            w = w[:-1]  # Moukhiddine, Maxime: a silent e
    else:
        w = w.replace("tsch", "ch")
    if "glide j" in systems:
        w = w.replace("j", "y")  # a name that writes й as j writes ж otherwise
    w = w.replace("dsh", "dzh")  # Dshumabek: a German дж without its c
    if "turkish" in systems:
        w = w.replace("c", "j")
    return w


def respell_name(*texts: str | None) -> list[str | None]:
    """The parts of one name (full name, or surname, given name, patronymic) respelled.

    The spelling systems are read from all the parts together (:func:`spellings`); every
    word is respelled with them (:func:`respell`) and keeps its case: all capitals, a capital
    first, or small letters. Spacing and punctuation are kept.
    """
    words = [w for t in texts if t for w in t.split()]
    if all(_has_cyrillic(w) for w in words):
        return list(texts)  # no Latin word to respell
    systems = spellings(words)
    if not systems and not any(g in w.lower() for w in words for g in ("tsch", "dsh")):
        return list(texts)
    out: list[str | None] = []
    for text in texts:
        if not text:
            out.append(text)
            continue
        parts = []
        for w in text.split():
            if _has_cyrillic(w):
                parts.append(w)
                continue
            r = respell(w, systems)
            letters = [c for c in w if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                r = r.upper()
            elif w[:1].isupper():
                r = r[:1].upper() + r[1:]
            parts.append(r)
        out.append(" ".join(parts))
    return out


# Endings a stray space may split from their word (on the lower-cased word as written).
_SPLIT_ENDINGS = frozenset(
    {
        "ов",
        "ев",
        "ова",
        "ева",
        "ович",
        "евич",
        "овна",
        "евна",
        "ovich",
        "evich",
        "ovna",
        "evna",
        "ov",
        "ev",
        "ova",
        "eva",
        "ow",
        "ew",
        "owa",
        "ewa",
    }
)


def _split_run_together(word: str) -> list[str]:
    """AigulMamatovna -> Aigul, Mamatovna; АБДЫЛДАЕВОрмон -> АБДЫЛДАЕВ, Ормон; SHerikbek stays."""
    if word.isupper() or word.islower() or word[1:].islower():
        return [word]  # no capital after the first letter starts a run of small letters
    cuts = []
    for i in range(1, len(word) - 1):
        a, b, c = word[i - 1], word[i], word[i + 1]
        if not (b.isupper() and c.islower()):
            continue
        if a.islower() or (i >= 3 and word[i - 3 : i].isupper() and word[i - 3 : i].isalpha()):
            cuts.append(i)
    if not cuts:
        return [word]
    bounds = [0, *cuts, len(word)]
    return [word[x:y] for x, y in itertools.pairwise(bounds)]


def _is_caps(word: str) -> bool:
    if not word.isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# the keys of a register's words repeat: computed once
_key = lru_cache(maxsize=262_144)(token_key)


def _is_connector(word: str) -> bool:
    return _key(word) in CONNECTORS


def _looks_like_surname(word: str) -> bool:
    return _key(word).endswith(_SURNAME_KEY_ENDINGS)


_SURNAME_KEY_ENDINGS = ("ov", "ev", "ova", "eva", "in", "ina", "zoda", "zade")


def repair_spacing(text: str) -> str:
    """A full name with words run together split, and words split by a stray space joined.

    * a small letter followed by a capital that starts a run of small letters is a word
      boundary (AigulMamatovna -> Aigul Mamatovna), and so is a run of three capitals or more
      followed by one (АБДЫЛДАЕВОрмон -> АБДЫЛДАЕВ Ормон); SHerikbek and CHolponbek, where
      the capitals are the first letter's digraph, stay one word;
    * a word that is only a surname or patronymic ending (ов, ова, ovna …) belongs to the word
      before it: Асан ова -> Асанова;
    * in a name whose words start with a capital, a word that starts with a small letter and is
      not a connector (уулу, kyzy …) is the tail of the word before it: Токо нов -> Токонов;
    * in a name with words in capitals and words not, two words in capitals are one when
      together they end like a surname and the first alone does not (ЖЫРГ АЛБЕКОВА ->
      ЖЫРГАЛБЕКОВА), or when a connector follows them (ЧЫН ГЫЗ УЛУ -> ЧЫНГЫЗ УЛУ).
    """
    words = [part for w in unicodedata.normalize("NFC", text or "").split() for part in _split_run_together(w)]
    if len(words) < 2:
        return " ".join(words)
    capitalised = [w[:1].isupper() for w in words]
    title_case = sum(capitalised) >= 2
    caps = [_is_caps(w) for w in words]
    mixed_case = any(caps) and not all(caps)
    if all(capitalised) and not mixed_case and not any(w.lower() in _SPLIT_ENDINGS for w in words):
        return " ".join(words)  # most names: no word to join to the one before
    out: list[str] = []
    out_caps: list[bool] = []
    for idx, (w, cap) in enumerate(zip(words, capitalised, strict=True)):
        lw = w.lower()
        prev = out[-1] if out else ""
        tail = (
            prev[-1:].isalpha()
            and (lw in _SPLIT_ENDINGS or (title_case and not cap and w[:1].isalpha() and len(w) >= 2))
            and not _is_connector(w)
            and not _is_connector(prev)
        )
        if not tail and mixed_case and caps[idx] and out_caps and out_caps[-1]:
            # two words in capitals that are one
            nxt = words[idx + 1] if idx + 1 < len(words) else ""
            if not _is_connector(w) and not _is_connector(prev):
                ends_surname = _looks_like_surname(prev + w) and not _looks_like_surname(prev)
                tail = ends_surname or (bool(nxt) and _is_connector(nxt))
        if tail:
            out[-1] += lw if prev[-1:].islower() else w
        else:
            out.append(w)
            out_caps.append(caps[idx])
    return " ".join(out)


__all__ = ["repair_spacing", "respell", "respell_name", "spellings"]
