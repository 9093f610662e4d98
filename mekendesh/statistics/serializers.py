"""What the public statistics API answers: published releases and their tables' cells."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from mekendesh.statistics.formats import TableData, public_cells
from mekendesh.statistics.models import Release, ReleaseTable

BY_LANGUAGE = "By language (ky, ru, tk, en)"


class TableSummarySerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField(help_text="In the request's language (Accept-Language), else another one.")
    titles = serializers.DictField(
        source="titles_shown",
        child=serializers.CharField(),
        help_text=f"{BY_LANGUAGE}: the title typed, or made from the indicator and dimensions.",
    )
    period = serializers.CharField(allow_blank=True)
    unit = serializers.CharField()
    source = serializers.CharField(allow_blank=True)  # type: ignore[assignment]  # a field named like Field.source
    method = serializers.CharField(help_text="suppression, cell-key (perturbed) or none.")
    url = serializers.SerializerMethodField(help_text="The table's cells in this API.")
    page = serializers.SerializerMethodField(help_text="The table's public page.")

    def get_url(self, table: ReleaseTable) -> str:
        return reverse("statistics_api:table", kwargs={"slug": table.release.slug, "code": table.code})

    def get_page(self, table: ReleaseTable) -> str:
        return reverse("statistics:table", kwargs={"slug": table.release.slug, "code": table.code})


class ReleaseSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField(help_text="In the request's language (Accept-Language), else another one.")
    titles = serializers.DictField(
        child=serializers.CharField(), help_text=f"{BY_LANGUAGE}: only the languages it was written in."
    )
    summary = serializers.CharField(allow_blank=True)
    summaries = serializers.DictField(
        child=serializers.CharField(), help_text=f"{BY_LANGUAGE}: only the languages it was written in."
    )
    published_at = serializers.DateTimeField()
    corrects = serializers.SerializerMethodField(help_text="The slug of the release this one corrects, if any.")
    changes = serializers.CharField(allow_blank=True, help_text="What a correction changed.")
    url = serializers.SerializerMethodField()
    tables = TableSummarySerializer(many=True)

    def get_corrects(self, release: Release) -> str | None:
        corrected = release.corrects
        return corrected.slug if corrected is not None and corrected.status == "published" else None

    def get_url(self, release: Release) -> str:
        return reverse("statistics_api:release", kwargs={"slug": release.slug})


class CellSerializer(serializers.Serializer):
    cell = serializers.DictField(child=serializers.CharField(), help_text="Each dimension's code.")
    value = serializers.IntegerField(allow_null=True, help_text="Empty when the figure is not published.")
    obs_status = serializers.ChoiceField(
        choices=["A", "E", "O", "M"], help_text="A normal, E estimated (perturbed), O not published, M cannot exist."
    )
    conf_status = serializers.ChoiceField(choices=["F", "C"], help_text="F free, C confidential (not published).")


class TableSerializer(serializers.Serializer):
    release = serializers.SlugField()
    code = serializers.CharField()
    title = serializers.CharField(help_text="In the request's language (Accept-Language), else another one.")
    titles = serializers.DictField(
        child=serializers.CharField(),
        help_text=f"{BY_LANGUAGE}: the title typed, or made from the indicator and dimensions.",
    )
    dimensions = serializers.ListField(child=serializers.CharField())
    totals = serializers.DictField(child=serializers.CharField(), help_text="Each dimension's code of its total.")
    labels = serializers.DictField(
        child=serializers.DictField(child=serializers.DictField(child=serializers.CharField())),
        help_text="Each dimension's codes' names in ky, ru, tk and en.",
    )
    period = serializers.CharField(allow_blank=True)
    unit = serializers.CharField()
    source = serializers.CharField(  # type: ignore[assignment]  # a field named like Field.source
        allow_blank=True,
        help_text=(
            "The table's source; an official table gives several, joined, and each figure's own source is its "
            "cell's code of the dimension source."
        ),
    )
    note = serializers.CharField(allow_blank=True)
    method = serializers.CharField()
    cells = CellSerializer(many=True)


def table_body(table: ReleaseTable) -> dict[str, Any]:
    data = TableData.of(table)
    return {
        "release": data.release,
        "code": data.code,
        "title": data.title,
        "titles": table.titles_shown,
        "dimensions": list(data.dimensions),
        "totals": dict(data.totals),
        "labels": data.labels,
        "period": data.period,
        "unit": data.unit,
        "source": data.source,
        "note": data.note,
        "method": data.method,
        "cells": [vars(cell) | {"cell": cell.codes} for cell in public_cells(data)],
    }
