"""What the public may read of the statistics: published releases and their tables, nothing else.

A draft or a release in review is not found, exactly like a release that does not exist."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from mekendesh.statistics.models import Release, ReleaseStatus, ReleaseTable

# The fields of a table that a list shows (its cells and labels stay in the database).
# A table without a typed title is named from its indicator and dimensions.
TABLE_SUMMARY_FIELDS = (
    "id",
    "release_id",
    "code",
    "order",
    "title_ky",
    "title_ru",
    "title_tk",
    "title_en",
    "indicator",
    "dimensions",
    "period",
    "unit",
    "source",
    "method",
)


def published_releases() -> QuerySet[Release]:
    """Every published release, the newest first."""
    return Release.objects.filter(status=ReleaseStatus.PUBLISHED).order_by("-published_at", "-pk")


def published_releases_with_tables() -> QuerySet[Release]:
    """Published releases, the newest first, each with its tables' titles (two queries in all)."""
    tables = ReleaseTable.objects.only(*TABLE_SUMMARY_FIELDS).order_by("order", "pk")
    return published_releases().select_related("corrects").prefetch_related(Prefetch("tables", queryset=tables))


def published_release(slug: str) -> Release:
    """The published release at ``slug``, with its tables; 404 for a draft, one in review, or none."""
    release = published_releases_with_tables().filter(slug=slug).first()
    if release is None:
        raise Http404
    return release


# A table's fields that hold its figures (the largest by far): read when needed.
TABLE_FIGURE_FIELDS = ("cells", "labels", "parents")


def published_table(slug: str, code: str, *, figures: bool = True) -> ReleaseTable:
    """A table of a published release, with its release, in one query; 404 otherwise.
    ``figures=False`` leaves its cells, labels and hierarchies in the database (read on access)."""
    tables = ReleaseTable.objects.select_related("release", "release__corrects")
    if not figures:
        tables = tables.defer(*TABLE_FIGURE_FIELDS)
    table = tables.filter(release__slug=slug, release__status=ReleaseStatus.PUBLISHED, code=code).first()
    if table is None:
        raise Http404
    return table


def published_corrections(release: Release) -> list[Release]:
    """The published releases that correct ``release``, the newest first."""
    return list(published_releases().filter(corrects=release))
