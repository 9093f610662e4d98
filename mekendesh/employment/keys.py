"""Search keys of the public licence check (no Django import).

A licence number is compared by :func:`licence_key`: case, spaces, dashes, dots, slashes and the
number sign do not count, and a Cyrillic letter that looks like a Latin one (``А``/``A``,
``К``/``K``, ``М``/``M``, ``Т``/``T`` …) counts as that Latin letter — a number copied from a
Russian document or typed on a Kyrgyz keyboard finds the same licence. An agency's name is compared
by :func:`name_key`: the word keys of the names library (``Бакыт Жол`` and ``Bakyt Zhol`` give the
same key), so that a name is found in either script and in its usual spellings.
"""

from __future__ import annotations

import unicodedata

from mekendesh.names.keys import token_keys

# Cyrillic (Russian, Kyrgyz, Kazakh, Serbian, Ukrainian) letters drawn like a Latin capital.
LOOK_ALIKES = {
    "А": "A",
    "В": "B",
    "Е": "E",
    "Ё": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Ү": "Y",
    "Х": "X",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
}
_DROPPED = "№#"


def licence_key(text: str) -> str:
    """The comparison key of a licence number: upper-case Latin letters and digits only."""
    text = "".join(char for char in (text or "") if char not in _DROPPED)
    text = unicodedata.normalize("NFKC", text).upper()
    text = "".join(LOOK_ALIKES.get(char, char) for char in text)
    return "".join(char for char in text if char.isalnum())


def name_key(text: str) -> str:
    """The comparison key of a name: its word keys, each between spaces (`` bakit jol ``), so that
    a query's key found in it starts at a word."""
    words = token_keys(text or "")
    return f" {' '.join(words)} " if words else ""


def name_query_key(text: str) -> str:
    """The key a name query is looked for with (a prefix of the name's words)."""
    words = token_keys(text or "")
    return f" {' '.join(words)}" if words else ""
