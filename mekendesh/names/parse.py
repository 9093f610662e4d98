"""Parsing a full name into surname, given name(s) and patronymic, in any order.

Central Asian names arrive in many shapes: «КАСЫМОВ Шамбетали Казыбекович»
(Russian order, upper-case surname), «Нурлан уулу Бакыт» and «Bakyt Nurlan uulu»
(Kyrgyz father's-name form), «Aigerim Asan qyzy», «Surname, Given», and lists
that append a party or an organisation after the name.  The parser uses, in
order: a comma, connector words (уулу, кызы, o'g'li, qizi, uly, qyzy ...),
patronymic endings (-ович, -овна, -ovich ...), an upper-case word in mixed-case
text, surname endings (-ов, -ева, -ин, -ow, -bekov, -aliev ...), given-name
endings (-бек, -гүл, -жан, -али ...), and finally the word order usual for the
script (Cyrillic lists put the surname first, Latin texts last).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .keys import CONNECTORS, FEMALE_CONNECTORS, MALE_CONNECTORS, token_key
from .script import CYRILLIC, detect_script, fix_homoglyphs
from .similarity import damerau_distance

# Endings, matched on the comparison key of a word (so all scripts at once).
_PATRONYMIC_MALE = ("ovic", "evic", "ovik", "evik", "ic", "ogli", "uli", "ulu")
# Key endings of Turkmen given names (Gurbanguly, Atakuly, Döwletguly) that look like the
# Kazakh attached patronymic -ұлы / -uly but are not one.
TURKMEN_GIVEN_ENDINGS = ("guli", "kuli", "nuli")
_PATRONYMIC_FEMALE = ("ovna", "evna", "icna", "ikna", "kizi", "gizi")
_SURNAME_FEMALE = ("ova", "eva", "ina", "skaya", "skaia")
_SURNAME_MALE = ("ov", "ev", "in", "skiy", "ski", "skii", "zade", "zoda", "ian", "yan", "enko")
# Endings that make a word a surname beyond doubt; -ин/-ина also ends given names
# (Эркин, Ширин), so a word with one of these wins over it.
_SURNAME_STRONG = ("ov", "ev", "ova", "eva", "zade", "zoda", "enko", "ski", "skii", "skiy", "skaya", "skaia")
_GIVEN_ENDINGS = ("bek", "gul", "jan", "ali", "bai", "bay", "nur", "ai", "kan", "beg", "dil")

# Words that are never part of a name: parties, organisations, titles.
_STOP_KEYS = frozenset(
    token_key(w)
    for w in (
        "партия",
        "партиясы",
        "party",
        "фракция",
        "faction",
        "депутат",
        "deputy",
        "министр",
        "minister",
        "президент",
        "president",
        "г.",
        "гр.",
        "г.р.",
        "гражданин",
        "гражданка",
        "citizen",
        "mr",
        "mrs",
        "ms",
        "ата-журт",
        "ата-мекен",
        "мекеним",
        "бутун",
        "ынтымак",
        "социал-демократы",
        "республика",
    )
)

_SEPARATOR_RE = re.compile(r"\s+[-–—]\s+|\s*[(\[«\"“].*?[)\]»\"”]\s*|\s*[(\[«\"“].*$")
_TOKEN_RE = re.compile(r"[^\s,;]+")


@dataclass(frozen=True)
class ParsedName:
    """A full name split into its parts; every part keeps its original spelling."""

    surname: str | None = None
    given: tuple[str, ...] = ()
    patronymic: str | None = None
    extra: tuple[str, ...] = ()
    sex_hint: str | None = None
    original: str = field(default="", compare=False)

    def keys(self) -> dict[str, str]:
        """Comparison key of each part; "" for an absent part.

        The surname and patronymic keys keep word order; the given key is the
        sorted keys of the given names.  The patronymic key keeps its connector in
        normalised form ("nurlan uulu").
        """
        return {
            "surname": _part_key(self.surname),
            "given": " ".join(sorted(k for k in (token_key(g) for g in self.given) if k)),
            "patronymic": _part_key(self.patronymic),
            "extra": " ".join(k for k in (token_key(e) for e in self.extra) if k),
        }

    @property
    def family(self) -> str | None:
        """The surname, or the father's-name group («Нурлан уулу») when there is none."""
        return self.surname or self.patronymic

    @property
    def parts(self) -> dict[str, str | tuple[str, ...] | None]:
        return {
            "surname": self.surname,
            "given": self.given,
            "patronymic": self.patronymic,
            "extra": self.extra,
        }


def _part_key(text: str | None) -> str:
    if not text:
        return ""
    keys = [token_key(w) for w in re.split(r"[\s\-]+", text) if w]
    return " ".join(CONNECTORS.get(k, k) for k in keys if k)


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _ends(key: str, endings: tuple[str, ...], min_stem: int = 2) -> bool:
    return any(key.endswith(e) and len(key) - len(e) >= min_stem for e in endings)


def is_initial(word: str) -> bool:
    """A single letter, or one or two letters with a dot (Ш, Sh., К.)."""
    letters = sum(c.isalpha() for c in word)
    return letters == 1 or (letters == 2 and word.endswith("."))


def patronymic_sex(word: str, *, fuzzy: bool = True) -> str | None:
    """ "M" or "F" if the word is a patronymic with a Russian or Turkic ending.

    ``fuzzy=False`` leaves out endings with a typo in them (which also catch a mistyped
    surname such as Мирзовеа or Бейсенва).
    """
    key = token_key(word)
    if _ends(key, _PATRONYMIC_FEMALE, 3):
        return "F"
    if _ends(key, ("ovic", "evic", "ovik", "evik"), 2) or _ends(key, ("ogli",), 3):
        return "M"
    if _ends(key, ("ic",), 4) and not _ends(key, ("bek", "ali"), 2):
        return "M"
    # Kazakh attached -ұлы / -uly (Асқарұлы); Turkmen given names in -guly/-kuly
    # (Gurbanguly, Atakuly) are not patronymics.
    if _ends(key, ("uli",), 3) and not _ends(key, TURKMEN_GIVEN_ENDINGS, 1):
        return "M"
    # A mistyped Russian ending (Бакытоивч, Азимбековны): one edit from -ович/-овна.
    if fuzzy and len(key) >= 7:
        tail = key[-4:]
        if any(damerau_distance(tail, e) <= 1 for e in ("ovna", "evna")):
            return "F"
        if any(damerau_distance(tail, e) <= 1 for e in ("ovic", "evic")):
            return "M"
    return None


def surname_sex(word: str) -> str | None:
    """ "F" for -ова/-ева/-ина/-owa ..., "M" for -ов/-ев/-ин/-ow ..., else None."""
    key = token_key(word)
    if _ends(key, ("ova", "eva", "ina", "skaya", "skaia", "aya")):
        return "F"
    if _ends(key, ("ov", "ev", "in", "ski", "skiy", "skii")):
        return "M"
    return None


def looks_like_surname(word: str) -> bool:
    key = token_key(word)
    return _ends(key, _SURNAME_FEMALE + _SURNAME_MALE)


def looks_like_given(word: str) -> bool:
    key = token_key(word)
    return _ends(key, _GIVEN_ENDINGS, 2) and not looks_like_surname(word)


_INITIALS_RE = re.compile(r"^(?:[^\W\d_][^\W\d_]?\.){2,}$")


def _split_tokens(tokens: list[str]) -> list[str]:
    """Clean tokens; split run-together initials (Ш.К.) and hyphenated connectors."""
    out: list[str] = []
    for tok in tokens:
        if _INITIALS_RE.match(tok) and tok[:1].isupper():
            out.extend(p for p in tok.split(".") if p)
            continue
        initial = re.fullmatch(r"[^\W\d_]{1,2}\.", tok) is not None
        tok = tok.strip(".,;:")
        if not tok.strip("-"):
            continue
        if initial:
            out.append(tok + ".")  # "Sh." stays an initial
            continue
        head, _, last = tok.rpartition("-")
        if head and last and token_key(last) in CONNECTORS:
            out.extend((head, last))  # Нурлан-уулу
        else:
            out.append(tok)
    return out


def parse_name(text: str) -> ParsedName:
    """Split a full name into surname, given names, patronymic and stray words.

    A Kyrgyz, Kazakh, Uzbek or Turkmen father's-name group («Нурлан уулу»,
    «Asan qyzy», «Valiyev o'g'li») is always reported as ``patronymic``, even
    where a Kyrgyz passport prints it in the surname field, so that «Нурлан уулу
    Бакыт» and «Bakyt Nurlan uulu» compare part for part; ``surname`` is then
    None unless another word is a surname.  :attr:`ParsedName.family` gives the
    surname or, failing that, the father's-name group.
    """
    return _parse_cached(text or "")


@lru_cache(maxsize=65_536)
def _parse_cached(text: str) -> ParsedName:
    original = text or ""
    text = fix_homoglyphs(unicodedata.normalize("NFC", original)).strip()
    extra: list[str] = []

    # Bracketed or quoted words and anything after a spaced dash are not the name.
    def _take_extra(match: re.Match[str]) -> str:
        extra.extend(_TOKEN_RE.findall(re.sub(r"[()\[\]«»\"“”]", " ", match.group(0))))
        return " "

    text = _SEPARATOR_RE.sub(_take_extra, text)
    extra = [e for e in extra if e not in ("-", "–", "—")]

    surname_from_comma: list[str] = []
    if "," in text:
        before, after = text.split(",", 1)
        before_tokens = _TOKEN_RE.findall(before)
        if any(token_key(t) in CONNECTORS for t in _split_tokens(before_tokens)):
            tokens = before_tokens + _TOKEN_RE.findall(after)  # "Нурлан уулу, Бакыт"
        elif len(before_tokens) == 1:
            surname_from_comma = before_tokens  # "Surname, Given Patronymic"
            tokens = _TOKEN_RE.findall(after)
        else:
            tokens = before_tokens  # "Given Surname, party ..."
            extra.extend(_TOKEN_RE.findall(after.replace(",", " ")))
    else:
        tokens = _TOKEN_RE.findall(text)
    tokens = _split_tokens(tokens)

    # Stray words: stop words and words without letters.
    kept: list[str] = []
    for tok in tokens:
        key = token_key(tok)
        # an initial in capitals (Г. of Геннадий) is not the stop word «г.» (year, city)
        initial = is_initial(tok) and tok[:1].isupper()
        if not key or (key in _STOP_KEYS and not initial):
            extra.append(tok)
        else:
            kept.append(tok)
    tokens = kept

    sex: str | None = None
    patronymic: str | None = None
    father_group = False

    # Connector groups: "<father> уулу".
    idx = 0
    rest: list[str] = []
    while idx < len(tokens):
        tok = tokens[idx]
        conn = CONNECTORS.get(token_key(tok))
        if conn and rest and patronymic is None:
            father = rest.pop()
            patronymic = f"{father} {tok}"
            father_group = True
            sex = "M" if conn in MALE_CONNECTORS else "F" if conn in FEMALE_CONNECTORS else None
        elif conn:
            extra.append(tok)
        else:
            rest.append(tok)
        idx += 1
    tokens = rest

    # A Russian-style or attached Turkic patronymic ending.
    given_before_patronymic: str | None = None
    # A word with a clean ending wins over one that is a patronymic only with a typo
    # in its ending («Мирзовеа Манижа Сухробовна»: the surname is mistyped).
    for fuzzy in (False, True):
        if patronymic is not None:
            break
        for i, tok in enumerate(tokens):
            psex = patronymic_sex(tok, fuzzy=fuzzy)
            if psex and len(tokens) >= 2:
                patronymic = tokens.pop(i)
                sex = psex
                if i >= 1 and len(tokens) == 2:
                    # "Surname Given Patronymic" or "Given Patronymic Surname": the
                    # given name is written right before the patronymic
                    given_before_patronymic = tokens[i - 1]
                break

    surname: str | None = None
    if surname_from_comma:
        surname = " ".join(surname_from_comma)
    elif tokens:
        script_is_cyrillic = any(detect_script(t) == CYRILLIC for t in tokens)
        upper = [t for t in tokens if _is_upper_word(t)]
        mixed_case_text = len(upper) < len(tokens)
        candidates = [t for t in tokens if looks_like_surname(t)]
        if len(tokens) == 1 and patronymic is None:
            pick = None
        elif len(tokens) == 1 and father_group and not _ends(token_key(tokens[0]), _SURNAME_STRONG):
            # «Мирлан уулу Нурдин»: beside a father's-name group a lone word is the given
            # name, even with an ending like a surname's (-ин: Нурдин, Эркин)
            pick = None
        elif upper and mixed_case_text and len(upper) == 1:
            pick = upper[0]
        elif given_before_patronymic is not None and not _ends(token_key(given_before_patronymic), _SURNAME_STRONG):
            # «Мирлан Доолотбекович Омурбекв»: a typo took the surname's ending
            pick = next(t for t in tokens if t is not given_before_patronymic)
        elif len(candidates) == 1:
            pick = candidates[0]
        elif len(strong := [t for t in candidates if _ends(token_key(t), _SURNAME_STRONG)]) == 1:
            pick = strong[0]
        elif candidates:
            # Russian order puts the surname first, others last.
            pick = candidates[0] if script_is_cyrillic else candidates[-1]
        else:
            given_like = [t for t in tokens if looks_like_given(t)]
            others = [t for t in tokens if t not in given_like]
            if len(tokens) >= 2 and len(others) == 1:
                pick = others[0]
            elif len(tokens) >= 2 and patronymic is not None and patronymic_sex(patronymic):
                pick = tokens[0]  # Russian "Surname Given Patronymic"
            elif patronymic is not None:
                pick = None  # "Bakyt Nurlan uulu": the father's-name group stands alone
            elif len(tokens) >= 2:
                pick = tokens[0] if script_is_cyrillic else tokens[-1]
            else:
                pick = None
        if pick is not None:
            surname = pick
            tokens.remove(pick)

    # Russian initials after a surname: "Касымов Ш. К." -> given Ш, patronymic К.
    given = tokens
    if surname and patronymic is None and len(given) == 2 and all(map(is_initial, given)):
        patronymic = given[1]
        given = given[:1]
    # More than three given words after a full name: the tail is stray.
    if surname and len(given) > 2 and patronymic:
        extra.extend(given[2:])
        given = given[:2]

    if sex is None and surname:
        sex = surname_sex(surname.split()[-1])
    return ParsedName(
        surname=surname,
        given=tuple(given),
        patronymic=patronymic,
        extra=tuple(extra),
        sex_hint=sex,
        original=original,
    )
