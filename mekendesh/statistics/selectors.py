"""Reads of the statistics module. Statisticians see every data set and release; nothing here is
for the public (the public pages read published releases only)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from mekendesh.accounts.permissions import can
from mekendesh.statistics.models import DataSet, Release, ReleaseStatus, ReleaseTable


def datasets_visible_to(user: Any) -> QuerySet[DataSet]:
    if not can(user, "statistics.view"):
        return DataSet.objects.none()
    return DataSet.objects.annotate(release_count=Count("releases")).order_by("-created_at")


def releases_visible_to(user: Any) -> QuerySet[Release]:
    if not can(user, "statistics.view"):
        return Release.objects.none()
    return Release.objects.select_related("dataset", "created_by", "submitted_by", "reviewed_by", "corrects")


def release_tables(release: Release) -> QuerySet[ReleaseTable]:
    return release.tables.order_by("order", "pk")


def releases_published() -> QuerySet[Release]:
    """What the public may see: published releases only."""
    return Release.objects.filter(status=ReleaseStatus.PUBLISHED).select_related("dataset")


def release_counts(user: Any) -> dict[str, int]:
    counts = dict.fromkeys(ReleaseStatus.values, 0)
    for row in releases_visible_to(user).values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts
