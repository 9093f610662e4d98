"""Script detection and homoglyph repair for name words.

A name typed on a phone keyboard that switches layouts often mixes Cyrillic and
Latin letters that look the same (Cyrillic «а» inside «Bakyt»).  These helpers
find such words and, where the intent is clear, repair them.
"""

from __future__ import annotations

import re
import unicodedata

CYRILLIC = "cyrillic"
LATIN = "latin"
MIXED = "mixed"
OTHER = "other"
EMPTY = "empty"

# Look-alike pairs, lower case (upper case follows): Cyrillic, Latin.
_PAIRS = [
    ("а", "a"),
    ("е", "e"),
    ("о", "o"),
    ("р", "p"),
    ("с", "c"),
    ("х", "x"),
    ("у", "y"),
    ("к", "k"),
    ("м", "m"),
    ("т", "t"),
    ("н", "h"),
    ("в", "b"),
    ("і", "i"),
]
# Rarer Cyrillic letters that only ever stand in for a Latin one.
_CYR_ONLY = [("һ", "h"), ("ј", "j"), ("ѕ", "s"), ("ԁ", "d"), ("ԛ", "q"), ("ԝ", "w"), ("ӏ", "l"), ("ү", "y")]

_CYR_TO_LAT: dict[str, str] = {}
_LAT_TO_CYR: dict[str, str] = {}
for _cyr, _lat in _PAIRS + _CYR_ONLY:
    _CYR_TO_LAT[_cyr] = _lat
    _CYR_TO_LAT[_cyr.upper()] = _lat.upper()
for _cyr, _lat in _PAIRS:
    _LAT_TO_CYR[_lat] = _cyr
    _LAT_TO_CYR[_lat.upper()] = _cyr.upper()

_WORD_RE = re.compile(r"[^\s,;:()\[\]{}«»\"/\\|!?.]+")


def letter_script(char: str) -> str:
    """The script of one character: cyrillic, latin, other (another letter) or empty."""
    if not char.isalpha():
        return EMPTY
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return CYRILLIC
    if name.startswith("LATIN"):
        return LATIN
    return OTHER


def _counts(token: str) -> tuple[int, int, int]:
    cyr = lat = other = 0
    for char in token:
        script = letter_script(char)
        if script == CYRILLIC:
            cyr += 1
        elif script == LATIN:
            lat += 1
        elif script == OTHER:
            other += 1
    return cyr, lat, other


def detect_script(token: str) -> str:
    """Return "cyrillic", "latin", "mixed" (both in one word), "other" or "empty"."""
    if not token or not token.strip():
        return EMPTY
    cyr, lat, _other = _counts(token)
    if cyr and lat:
        return MIXED
    if cyr:
        return CYRILLIC
    if lat:
        return LATIN
    return OTHER


def words(text: str) -> list[str]:
    """Split text into words (hyphens and apostrophes stay inside a word)."""
    return _WORD_RE.findall(text or "")


def mixed_script_words(text: str) -> list[str]:
    """The words of text that mix Cyrillic and Latin letters, in order of appearance."""
    return [word for word in words(text) if detect_script(word) == MIXED]


def _target_script(word: str) -> str | None:
    """Which script a mixed word was meant to be written in, or None if unclear."""
    strong_cyr = strong_lat = 0
    for char in word:
        script = letter_script(char)
        if script == CYRILLIC and char not in _CYR_TO_LAT:
            strong_cyr += 1
        elif script == LATIN and char not in _LAT_TO_CYR:
            strong_lat += 1
    if strong_cyr and not strong_lat:
        return CYRILLIC
    if strong_lat and not strong_cyr:
        return LATIN
    if strong_cyr or strong_lat:
        return None  # real letters of both scripts: nothing safe to do
    cyr, lat, _ = _counts(word)
    if cyr > lat:
        return CYRILLIC
    if lat > cyr:
        return LATIN
    return None


def _fix_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if detect_script(word) != MIXED:
        return word
    target = _target_script(word)
    if target == LATIN:
        return "".join(_CYR_TO_LAT.get(c, c) for c in word)
    if target == CYRILLIC:
        return "".join(_LAT_TO_CYR.get(c, c) if letter_script(c) == LATIN else c for c in word)
    return word


def fix_homoglyphs(text: str) -> str:
    """Replace look-alike letters of the other script inside each mixed word.

    A mostly-Latin word gets Latin letters (Cyrillic «а» in «Bаkyt» becomes "a");
    a mostly-Cyrillic word gets Cyrillic ones.  Words in one script are unchanged.
    """
    if not text:
        return text
    return _WORD_RE.sub(_fix_word, text)
