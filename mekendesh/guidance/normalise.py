"""The one normaliser of guidance search, applied to the index and to the query alike.

Pure Python (no Django), so that the index and the query cannot drift apart and it can be tested
on its own. No stock search engine folds Kyrgyz, Turkmen or Kazakh letters to what people type
instead (neither PostgreSQL's ``unaccent`` nor SQLite FTS5 finds «Өзбекстан» from «озбекстан»), so:

* :func:`fold` — lower case, Kyrgyz ө ү ң, Kazakh ә ғ қ ң ө ұ ү һ і and Russian ё folded to the
  Russian letters people type instead, Turkmen Latin ä ç ň ö ş ü ý ž (and any other accent) to plain
  Latin letters, punctuation to spaces: «Миграциялык каттоо» → «миграциялык каттоо»;
* :func:`latin_key` — the folded text as the register's name keys (:func:`mekendesh.names.keys.token_key`:
  one form for every Cyrillic and Latin spelling of a word), so that «registratsiya»,
  «registraciya» and «регистрация» meet;
* :func:`index_text` — both forms of a text, for the search index;
* :func:`query_terms` — the search terms of a query, each with its two forms, at most
  :data:`MAX_TERMS` of them and only letters and digits (nothing of a search engine's syntax).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mekendesh.names.keys import token_key

MAX_QUERY_CHARS = 200
MAX_TERMS = 12

# Letters of Kyrgyz, Kazakh, Tajik and Uzbek Cyrillic to the Russian letter people type instead.
_CYRILLIC_FOLD = str.maketrans(
    {
        "ё": "е",
        "ө": "о",
        "ү": "у",
        "ң": "н",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ұ": "у",
        "һ": "х",
        "і": "и",
        "ҳ": "х",
        "ҷ": "ж",
        "ӣ": "и",
        "ӯ": "у",
        "ў": "у",
        "ъ": "",
        "ь": "",
    }
)
# Turkmen (and Turkish, Uzbek) Latin letters that Unicode decomposition leaves alone or that people
# type as another letter.
_LATIN_FOLD = str.maketrans({"ı": "i", "ə": "a", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ʻ": "", "ʼ": "", "'": ""})

_NOT_WORD = re.compile(r"[^\w]+|_+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KYRGYZ = re.compile(r"[өүң]")
_TURKMEN = re.compile(r"[äçňöşüýž]")


def fold(text: str) -> str:
    """Lower case, the letters of the region folded, accents dropped, punctuation a space."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_CYRILLIC_FOLD).translate(_LATIN_FOLD)
    # Accents of Latin letters (Turkmen ä ç ň ö ş ü ý ž): decompose, drop the marks. Cyrillic й
    # decomposes too (и + breve): keep it by composing Cyrillic back before dropping marks.
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for index, char in enumerate(decomposed):
        if unicodedata.combining(char):
            previous = decomposed[index - 1] if index else ""
            if _CYRILLIC.match(previous):
                kept.append(char)
            continue
        kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept)).replace("й", "и")
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _latin_word(word: str) -> str:
    # The register's name key (mekendesh.names) already brings every Cyrillic and Latin spelling of
    # a word to one form (registratsiya, registraciya, регистрация); numbers have no key.
    return token_key(word) or word


def latin_key(text: str) -> str:
    """The folded text in Latin, with the variant spellings brought together."""
    return " ".join(_latin_word(word) for word in fold(text).split())


def index_text(text: str) -> str:
    """What the search index holds for a text: its folded words, then their Latin keys."""
    folded = fold(text)
    return f"{folded}\n{latin_key(folded)}"


@dataclass(frozen=True)
class Term:
    """One search term in its two forms (they may be equal, for a Latin word)."""

    folded: str
    latin: str


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]
    truncated: bool  # the query was longer than MAX_QUERY_CHARS or had more than MAX_TERMS words
    language: str | None  # the language the query is most likely in ("ru", "ky", "tk"), if any

    @property
    def empty(self) -> bool:
        return not self.terms


def query_language(text: str) -> str | None:
    """A guess from the letters alone: Kyrgyz letters → ky, Turkmen Latin letters → tk, other
    Cyrillic → ru; plain Latin says nothing (English, or a transliteration)."""
    lowered = text.casefold()
    if _KYRGYZ.search(lowered):
        return "ky"
    if _TURKMEN.search(lowered):
        return "tk"
    if _CYRILLIC.search(lowered):
        return "ru"
    return None


def query_terms(text: str) -> Query:
    """The terms of a search query: at most MAX_QUERY_CHARS characters and MAX_TERMS words, each
    only letters and digits, and each once."""
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    seen: set[str] = set()
    words = fold(text).split()
    for word in words:
        if word in seen:
            continue
        seen.add(word)
        terms.append(Term(folded=word, latin=_latin_word(word)))
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS]
        truncated = True
    return Query(terms=tuple(terms), truncated=truncated, language=query_language(text))


def word_matches(word: str, query: Query) -> bool:
    """Whether a word of a text is one the query asked for (a term is a prefix of its folded or
    Latin form): the highlighting of results, the same on both databases."""
    folded = fold(word)
    if not folded:
        return False
    latin = _latin_word(folded.replace(" ", ""))
    return any(folded.startswith(term.folded) or latin.startswith(term.latin) for term in query.terms)
