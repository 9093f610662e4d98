"""Full-text search of published guidance, the same on PostgreSQL and SQLite.

The index holds each published version's text through the shared normaliser
(:func:`normalise.index_text`: the folded words and their Latin keys); the query goes through the
same normaliser (:func:`normalise.query_terms`), so «каттоо», «регистрация» and «registratsiya»
meet the words they mean whatever letters were typed. The query reaching the database is built
only from letters and digits and passed as a parameter: nothing a user types is search syntax.

* PostgreSQL: ``to_tsvector`` over the index text, with the ``russian`` configuration (stemming) for
  Russian versions and ``simple`` for the others (an expression index, migration 0002);
* SQLite: an FTS5 table ``guidance_search`` (migration 0002) holding the same text.

When the full-text search finds nothing, each word is corrected to the nearest word of the index
(rapidfuzz) and the search runs again. Results are ranked (the query's language first), with the
matched words highlighted in an escaped snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from mekendesh.guidance.models import ArticleVersion
from mekendesh.guidance.normalise import MAX_QUERY_CHARS, Query, Term, index_text, query_terms, word_matches
from mekendesh.guidance.rules import PLACEHOLDER
from mekendesh.guidance.sanitise import body_text

LIMIT = 50
SNIPPET_WORDS = 28
FTS_TABLE = "guidance_search"
_TS_CONFIG = "CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END"
_WORD = re.compile(r"\w+|\W+")


def version_text(version: ArticleVersion) -> str:
    """The published text of a version, as the index reads it: title, text, legal basis."""
    body = PLACEHOLDER.sub(" ", body_text(version.published_body))
    return f"{version.published_title}\n{body}\n{version.published_legal_basis}"


def index_update(version: ArticleVersion) -> None:
    """Put a version's published text into the index (inside the caller's transaction)."""
    text = index_text(version_text(version)) if version.published_at is not None else ""
    ArticleVersion.objects.filter(pk=version.pk).update(search_text=text)
    version.search_text = text
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [version.pk])  # noqa: S608  (a constant name)
            if text:
                cursor.execute(f"INSERT INTO {FTS_TABLE}(rowid, content) VALUES (%s, %s)", [version.pk, text])  # noqa: S608


def index_rebuild() -> int:
    """Index every published version again (after a change of the normaliser)."""
    count = 0
    for version in ArticleVersion.objects.filter(published_at__isnull=False):
        index_update(version)
        count += 1
    return count


def _usable(terms: tuple[Term, ...]) -> list[Term]:
    """Terms worth searching for: one-letter words match everything as prefixes."""
    return [term for term in terms if len(term.folded) > 1 or term.folded.isdigit()]


def _fts_sqlite(terms: list[Term], *, every: bool) -> list[tuple[int, float]]:
    groups = []
    for term in terms:
        forms = dict.fromkeys([term.folded, term.latin])  # letters and digits only: no FTS syntax
        groups.append("(" + " OR ".join(f'"{form}"*' for form in forms) + ")")
    expression = (" AND " if every else " OR ").join(groups)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
            f"ORDER BY bm25({FTS_TABLE}) LIMIT {LIMIT}",
            [expression],
        )
        return [(int(row[0]), -float(row[1])) for row in cursor.fetchall()]


def _fts_postgresql(terms: list[Term], *, every: bool) -> list[tuple[int, float]]:
    groups = []
    for term in terms:
        forms = dict.fromkeys([term.folded, term.latin])
        groups.append("(" + " | ".join(f"'{form}':*" for form in forms) + ")")
    expression = (" & " if every else " | ").join(groups)
    vector = f"to_tsvector({_TS_CONFIG}, search_text)"
    query = f"to_tsquery({_TS_CONFIG}, %s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, ts_rank({vector}, {query}) FROM guidance_articleversion "  # noqa: S608  (constant SQL)
            f"WHERE published_at IS NOT NULL AND {vector} @@ {query} ORDER BY 2 DESC, id LIMIT {LIMIT}",
            [expression, expression],
        )
        return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]


def _fts(terms: list[Term], *, every: bool) -> list[tuple[int, float]]:
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _fts_postgresql(terms, every=every)
    return _fts_sqlite(terms, every=every)


def _vocabulary() -> list[str]:
    words: set[str] = set()
    for text in ArticleVersion.objects.filter(published_at__isnull=False).values_list("search_text", flat=True):
        words.update(word for word in text.split() if len(word) > 2)
    return sorted(words)


def _corrected(query: Query) -> Query | None:
    """The query with each word replaced by the nearest word of the index, if any is near."""
    vocabulary = _vocabulary()
    if not vocabulary:
        return None
    terms: list[Term] = []
    changed = False
    for term in query.terms:
        best = process.extractOne(term.folded, vocabulary, scorer=fuzz.ratio, score_cutoff=75)
        if best is None or best[0] == term.folded:
            terms.append(term)
            continue
        changed = True
        terms.append(query_terms(best[0]).terms[0])
    return Query(terms=tuple(terms), truncated=query.truncated, language=query.language) if changed else None


def highlight(text: str, query: Query) -> SafeString:
    """``text`` escaped, with the words the query asked for in ``<mark>``."""
    out = []
    for piece in _WORD.findall(text):
        if piece[:1].isalnum() and word_matches(piece, query):
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(str(escape(piece)))
    return mark_safe("".join(out))  # noqa: S308  (every piece escaped above)


def snippet(text: str, query: Query) -> SafeString:
    """Some thirty words of ``text`` around the first matched word, highlighted."""
    words = text.split()
    first = next((index for index, word in enumerate(words) if word_matches(word, query)), 0)
    start = max(0, first - SNIPPET_WORDS // 3)
    part = " ".join(words[start : start + SNIPPET_WORDS])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    return mark_safe(f"{escape(prefix)}{highlight(part, query)}{escape(suffix)}")  # noqa: S308  (escaped)


@dataclass
class Hit:
    version: ArticleVersion
    rank: float
    title: SafeString
    snippet: SafeString


@dataclass
class Results:
    text: str  # the query as searched (truncated when too long)
    query: Query
    hits: list[Hit] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    corrected: str = ""  # the words searched instead, when the typo-tolerant fallback found them
    page_language: str = ""

    @property
    def in_page_language(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.version.language == self.page_language]

    @property
    def other_languages(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.version.language != self.page_language]


def guidance_search(text: Any, *, language: str) -> Results:
    """Search the published guidance for ``text``; never raises on what a user types."""
    raw = str(text or "")
    query = query_terms(raw)
    results = Results(text=raw[:MAX_QUERY_CHARS], query=query, page_language=language)
    if query.truncated:
        results.messages.append(
            _("Your search was long: only its first %(chars)d characters and %(words)d words were used.")
            % {"chars": MAX_QUERY_CHARS, "words": len(query.terms)}
        )
    terms = _usable(query.terms)
    if not terms:
        if raw.strip():
            results.messages.append(_("Type a word to search for: letters or digits."))
        return results
    found = _fts(terms, every=True) or (_fts(terms, every=False) if len(terms) > 1 else [])
    if not found:
        corrected = _corrected(Query(terms=tuple(terms), truncated=query.truncated, language=query.language))
        if corrected is not None:
            found = _fts(list(corrected.terms), every=True) or _fts(list(corrected.terms), every=False)
            if found:
                query = corrected
                results.query = corrected
                results.corrected = " ".join(term.folded for term in corrected.terms)
    ranks = dict(found)
    versions = ArticleVersion.objects.filter(pk__in=ranks, published_at__isnull=False).select_related(
        "article", "article__destination"
    )
    preferred = query.language or language

    def order(version: ArticleVersion) -> tuple[int, int, float, int]:
        return (
            0 if version.language == preferred else 1,
            0 if version.language == language else 1,
            -ranks[version.pk],
            version.pk,
        )

    for version in sorted(versions, key=order):
        results.hits.append(
            Hit(
                version=version,
                rank=ranks[version.pk],
                title=highlight(version.published_title, query),
                snippet=snippet(PLACEHOLDER.sub("…", body_text(version.published_body)), query),
            )
        )
    return results
