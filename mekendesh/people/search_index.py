"""The words of people's names, indexed for search.

A name form's ``search_key`` (:func:`mekendesh.names.name_key` of the whole name) is split into its
words, one :class:`~mekendesh.people.models.NameToken` row each. Search then asks for the name
forms holding every word of the query: an index look-up per word on SQLite and PostgreSQL,
instead of a ``LIKE '% word %'`` scan over every name.
"""

from __future__ import annotations

from collections.abc import Iterable

from mekendesh.people.models import NameForm, NameToken


def search_key_tokens(search_key: str) -> list[str]:
    """The distinct words of a search key, in order."""
    return list(dict.fromkeys(token for token in search_key.split() if token))


def name_tokens_rows(names: Iterable[NameForm]) -> list[NameToken]:
    """Unsaved token rows for saved name forms (for a bulk insert)."""
    return [
        NameToken(token=token, name_form_id=name.pk, person_id=name.person_id)
        for name in names
        for token in search_key_tokens(name.search_key)
    ]


def name_tokens_write(*, names: Iterable[NameForm]) -> None:
    """Replace the token rows of these name forms by the words of their current search keys; call
    it inside the transaction that writes the names."""
    names = list(names)
    NameToken.objects.filter(name_form__in=[name.pk for name in names]).delete()
    NameToken.objects.bulk_create(name_tokens_rows(names), batch_size=1000)
