"""The words of people's names, indexed for search.

A name form's ``search_key`` (:func:`mekendesh.names.name_key` of the whole name) is split into its
words, and each word and each pair of words (``"a b"``, the two in code-point order) gets a
:class:`~mekendesh.people.models.NameToken` row. Search asks the index for the query's first pair
of words — a surname with a given name is a short list even among a million people, where each
word alone is a long one — and keeps the name forms holding the other words too: index look-ups
on SQLite and PostgreSQL, instead of a ``LIKE '% word %'`` scan over every name.
"""

from __future__ import annotations

from collections.abc import Iterable

from mekendesh.people.models import NameForm, NameToken


def search_key_tokens(search_key: str) -> list[str]:
    """The distinct words of a search key, in order."""
    return list(dict.fromkeys(token for token in search_key.split() if token))


def word_pair(first: str, second: str) -> str:
    """The index term of two words of a name, whatever their order in it."""
    return " ".join(sorted((first, second)))


def index_terms(search_key: str) -> list[str]:
    """What is indexed for a search key: its words and every pair of them."""
    words = search_key_tokens(search_key)
    pairs = {word_pair(a, b) for index, a in enumerate(words) for b in words[index + 1 :]}
    return words + sorted(pairs)


def query_terms(search_key: str) -> tuple[str, list[str]]:
    """The term to look up first for a query's key (its first pair of words, or its only word)
    and the words a matching name form must hold as well."""
    words = search_key_tokens(search_key)
    if len(words) >= 2:
        return word_pair(words[0], words[1]), words[2:]
    return (words[0], []) if words else ("", [])


def name_tokens_rows(names: Iterable[NameForm]) -> list[NameToken]:
    """Unsaved token rows for saved name forms (for a bulk insert)."""
    return [
        NameToken(token=token, name_form_id=name.pk, person_id=name.person_id)
        for name in names
        for token in index_terms(name.search_key)
    ]


def name_tokens_write(*, names: Iterable[NameForm]) -> None:
    """Replace the token rows of these name forms by the words of their current search keys; call
    it inside the transaction that writes the names."""
    names = list(names)
    NameToken.objects.filter(name_form__in=[name.pk for name in names]).delete()
    NameToken.objects.bulk_create(name_tokens_rows(names), batch_size=1000)
