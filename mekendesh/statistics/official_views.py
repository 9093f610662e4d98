"""The staff pages of official tables (statisticians): the imported tables, the figures of one,
and every source's value of each figure side by side."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mekendesh.accounts.permissions import can
from mekendesh.statistics import official
from mekendesh.web.decorators import AuthenticatedHttpRequest as HttpRequest
from mekendesh.web.decorators import staff_required


def _import_links(request: HttpRequest) -> dict[str, Any]:
    return {"may_import": can(request.user, "import.official_table", None), "import_target": official.TARGET}


@staff_required(permission="statistics.view")
@require_GET
def tables(request: HttpRequest) -> HttpResponse:
    """The imported official tables, and the figures two sources give differently."""
    datasets = official.official_datasets()
    context = {
        "datasets": datasets,
        "disagreeing": [item for item in official.official_comparison() if item.disagree],
        **_import_links(request),
    }
    return render(request, "statistics/official/tables.html", context)


@staff_required(permission="statistics.view")
@require_GET
def table(request: HttpRequest, dataset_id: Any) -> HttpResponse:
    """One imported table: its figures, its figures given by two sources, its matrices."""
    dataset = official.official_datasets().filter(public_id=dataset_id).first()
    if dataset is None:
        raise Http404
    figures = list(official.dataset_figures(dataset))
    context = {
        "dataset": dataset,
        "figures": [(figure, official.figure_value_text(figure)) for figure in figures],
        "has_destination": any(figure.destination for figure in figures),
        "disagreeing": official.sources_disagreeing(figures),
        "matrices": official.migration_matrices(dataset),
        **_import_links(request),
    }
    return render(request, "statistics/official/table.html", context)


@staff_required(permission="statistics.view")
@require_GET
def comparison(request: HttpRequest) -> HttpResponse:
    """Every figure of every official table, each source's value side by side."""
    indicator = request.GET.get("indicator", "").strip()
    compared = official.official_comparison(indicator=indicator or None)
    indicators = sorted({item.indicator for item in official.official_comparison()})
    context = {"compared": compared, "indicator": indicator, "indicators": indicators, **_import_links(request)}
    return render(request, "statistics/official/comparison.html", context)
